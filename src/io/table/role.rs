//! What a column of a table can mean to Entente, and the names tools give such columns.

use serde::{Deserialize, Serialize};

/// What a column can mean to Entente.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    From,
    To,
    Kind,
    Direction,
    Start,
    End,
    /// A year (a dyad-year) or day the relation held in, which starts and ends it.
    Year,
    Date,
    Quote,
    Speaker,
    Source,
    Url,
    Id,
    Label,
    ActorKind,
}

impl Role {
    /// The roles of a relations table, in the order the mapping step lists them.
    pub const RELATIONS: [Self; 12] = [
        Self::From,
        Self::To,
        Self::Kind,
        Self::Direction,
        Self::Start,
        Self::End,
        Self::Year,
        Self::Date,
        Self::Quote,
        Self::Speaker,
        Self::Source,
        Self::Url,
    ];
    /// The roles of an actors table.
    pub const ACTORS: [Self; 3] = [Self::Id, Self::Label, Self::ActorKind];

    /// The name `--map` takes it by.
    pub fn key(self) -> &'static str {
        match self {
            Self::From => "from",
            Self::To => "to",
            Self::Kind => "kind",
            Self::Direction => "direction",
            Self::Start => "start",
            Self::End => "end",
            Self::Year => "year",
            Self::Date => "date",
            Self::Quote => "quote",
            Self::Speaker => "speaker",
            Self::Source => "source",
            Self::Url => "url",
            Self::Id => "id",
            Self::Label => "label",
            Self::ActorKind => "actor-kind",
        }
    }

    /// The attribute name Entente's import reads the role from.
    pub(super) fn attribute(self) -> &'static str {
        match self {
            Self::Label => "name",
            Self::ActorKind => "kind",
            role => role.key(),
        }
    }

    /// What the mapping step calls it.
    pub fn title(self) -> &'static str {
        match self {
            Self::From => "From (one end)",
            Self::To => "To (other end)",
            Self::Kind => "Relation kind",
            Self::Direction => "Direction",
            Self::Start => "Starts",
            Self::End => "Ends",
            Self::Year => "When it held",
            Self::Date => "Date of the evidence",
            Self::Quote => "Quote",
            Self::Speaker => "Who said it",
            Self::Source => "Source (outlet)",
            Self::Url => "Link",
            Self::Id => "Actor id",
            Self::Label => "Actor name",
            Self::ActorKind => "Actor kind",
        }
    }

    /// Column names (normalised) that hold this role by convention, by preference.
    pub(super) fn conventions(self) -> &'static [&'static str] {
        match self {
            Self::From => &["from", "actor1", "supplier", "side_a", "source"],
            Self::To => &["to", "actor2", "recipient", "side_b", "target"],
            Self::Kind => &[
                "kind",
                "type",
                "relation",
                "relationship",
                "labele",
                "label_e",
                "rel_type",
                "edge_type",
                "predicate",
                // Gephi's edge label, which holds a kind as often as not.
                "label",
            ],
            Self::Direction => &["direction", "directed"],
            Self::Start => &["start", "start_date", "begin", "from_date"],
            Self::End => &["end", "end_date", "to_date"],
            Self::Year => &["year"],
            Self::Date => &["date"],
            Self::Quote => &["quote", "quotation", "excerpt"],
            Self::Speaker => &["speaker"],
            Self::Source => &["source", "outlet"],
            Self::Url => &["url", "link", "source_url"],
            Self::Id => &["id"],
            Self::Label => &["name", "label", "title"],
            Self::ActorKind => &["kind", "type", "category", "labelv", "label_v"],
        }
    }

    pub(super) fn from_key(key: &str) -> Option<Self> {
        Self::RELATIONS
            .into_iter()
            .chain(Self::ACTORS)
            .find(|r| r.key() == key || (*r == Self::ActorKind && key == "actor_kind"))
    }
}
