use serde::{Deserialize, Serialize};

use super::{Caveat, Evidence, ExtraFields, LineAppearance, Period};

/// A typed link between two actors, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub id: String,
    /// A built-in kind (`treaty`, `arms_supply`, ...) or one the dataset declares.
    pub kind: String,
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// When the relation held only at times within its period (a treaty lapsed and renewed,
    /// an edge a dynamic GEXF file declares twice): each spell a period. `period` spans them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spells: Vec<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub magnitude: Option<Magnitude>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// How the file this relation came from drew it.
    #[serde(default, skip_serializing_if = "LineAppearance::is_empty")]
    pub appearance: LineAppearance,
    /// What is odd about the record as its publisher wrote it, kept with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Caveat>,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl Relation {
    /// A directed relation of `kind` from one actor to another, with nothing else known.
    pub fn new(id: impl Into<String>, kind: impl Into<String>, from: impl Into<String>, to: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            kind: kind.into(),
            from: from.into(),
            to: to.into(),
            direction: Direction::Directed,
            period: None,
            spells: Vec::new(),
            summary: None,
            magnitude: None,
            evidence: Vec::new(),
            appearance: LineAppearance::default(),
            caveats: Vec::new(),
            extra: ExtraFields::new(),
        }
    }
}

/// Whether a relation goes one way (`from` backs `to`) or both ways (a mutual treaty).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Directed,
    Mutual,
}

/// How much, as the source put it. `as_stated` is the source's own wording; `value` and
/// `unit` make it comparable and sortable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Magnitude {
    /// Kept as written (`10000` stays `10000`, not `10000.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub as_stated: String,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl Magnitude {
    pub fn value_f64(&self) -> Option<f64> {
        self.value.as_ref().and_then(serde_json::Number::as_f64)
    }
}
