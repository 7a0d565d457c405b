use std::fmt;

use serde::{Deserialize, Serialize};

use super::{ExtraFields, Period};

/// A state, group or organisation that can back or be backed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    State,
    HistoricalState,
    Organisation,
    Coalition,
    NonStateArmedGroup,
    Other,
}

impl ActorKind {
    pub const ALL: [Self; 6] = [
        Self::State,
        Self::HistoricalState,
        Self::Organisation,
        Self::Coalition,
        Self::NonStateArmedGroup,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::State => "State",
            Self::HistoricalState => "Historical state",
            Self::Organisation => "Alliance or organisation",
            Self::Coalition => "Coalition",
            Self::NonStateArmedGroup => "Non-state armed group",
            Self::Other => "Other",
        }
    }

    /// The identifier used in files, e.g. `non_state_armed_group`.
    pub fn id(self) -> &'static str {
        match self {
            Self::State => "state",
            Self::HistoricalState => "historical_state",
            Self::Organisation => "organisation",
            Self::Coalition => "coalition",
            Self::NonStateArmedGroup => "non_state_armed_group",
            Self::Other => "other",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
