use serde::{Deserialize, Serialize};

use super::ExtraFields;

/// A relation kind a dataset declares beyond the built-ins, e.g. `political_support`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationKindDecl {
    pub id: String,
    pub label: String,
    /// `#rrggbb`. Without one the viewer picks from its palette.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The two sides are against each other (war, opposition): not a tie that paths, blocs and
    /// centrality follow unless the user asks them to.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hostile: bool,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl RelationKindDecl {
    /// A kind with its id and label; the viewer picks its colour.
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            colour: None,
            description: None,
            hostile: false,
            extra: ExtraFields::new(),
        }
    }
}

/// The kinds every dataset may use without declaring them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuiltinKind {
    Treaty,
    ArmsSupply,
    TroopDeployment,
    HistoricalSupport,
}

impl BuiltinKind {
    pub const ALL: [Self; 4] = [
        Self::Treaty,
        Self::ArmsSupply,
        Self::TroopDeployment,
        Self::HistoricalSupport,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Self::Treaty => "treaty",
            Self::ArmsSupply => "arms_supply",
            Self::TroopDeployment => "troop_deployment",
            Self::HistoricalSupport => "historical_support",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Treaty => "Treaty",
            Self::ArmsSupply => "Arms supply",
            Self::TroopDeployment => "Troop deployment",
            Self::HistoricalSupport => "Historical support",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// True for `#rrggbb`.
pub fn is_hex_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}
