use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Appearance, Caveat, ExtraFields, NodeShape, Period};

/// A state, group or organisation that can back or be backed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// A built-in kind (`state`, `organisation`, ...) or one the dataset declares.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<Period>,
    /// When the actor was present only at times within `active`: each spell a period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spells: Vec<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How the file this actor came from drew it.
    #[serde(default, skip_serializing_if = "Appearance::is_empty")]
    pub appearance: Appearance,
    /// What is odd about the record as its publisher wrote it, kept with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Caveat>,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl Actor {
    /// An actor with nothing but its id, name and kind.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            aliases: Vec::new(),
            active: None,
            spells: Vec::new(),
            description: None,
            appearance: Appearance::default(),
            caveats: Vec::new(),
            extra: ExtraFields::new(),
        }
    }
}

/// The actor kinds every dataset may use without declaring them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Each built-in kind has its own outline, so kinds can be told apart without colour.
    pub fn shape(self) -> NodeShape {
        match self {
            Self::State => NodeShape::Disc,
            Self::HistoricalState => NodeShape::Ring,
            Self::Organisation => NodeShape::Square,
            Self::Coalition => NodeShape::Hexagon,
            Self::NonStateArmedGroup => NodeShape::Triangle,
            Self::Other => NodeShape::Diamond,
        }
    }
}

impl From<ActorKind> for String {
    fn from(kind: ActorKind) -> Self {
        kind.id().to_owned()
    }
}

/// An actor's kind id is this built-in kind.
impl PartialEq<ActorKind> for String {
    fn eq(&self, kind: &ActorKind) -> bool {
        self == kind.id()
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// An actor kind a dataset declares beyond the built-ins, e.g. `artist` in a music graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorKindDecl {
    pub id: String,
    pub label: String,
    /// `#rrggbb`. Without one the viewer picks a colour from the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Without one the viewer picks a shape from the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<NodeShape>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl ActorKindDecl {
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            colour: None,
            shape: None,
            description: None,
            extra: ExtraFields::new(),
        }
    }
}
