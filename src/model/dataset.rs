use serde::{Deserialize, Serialize};

use super::{Actor, ActorKind, ActorKindDecl, BuiltinKind, ExtraFields, Relation, RelationKindDecl, Source};

/// The value of `format` in every Entente dataset file.
pub const FORMAT_NAME: &str = "entente-dataset";
/// The newest format version this build reads and the one it writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole dataset: who the actors are, how they relate, and the sources that say so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub format: String,
    pub version: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actor_kinds: Vec<ActorKindDecl>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relation_kinds: Vec<RelationKindDecl>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl Dataset {
    /// An empty dataset of the current format version.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            title: title.into(),
            description: None,
            author: None,
            licence: None,
            actor_kinds: Vec::new(),
            relation_kinds: Vec::new(),
            sources: Vec::new(),
            actors: Vec::new(),
            relations: Vec::new(),
            extra: ExtraFields::new(),
        }
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Display name of a relation kind: the dataset's own label first, then the built-in one.
    pub fn relation_kind_label<'a>(&'a self, kind: &'a str) -> &'a str {
        self.relation_kinds
            .iter()
            .find(|k| k.id == kind)
            .map(|k| k.label.as_str())
            .or_else(|| BuiltinKind::from_id(kind).map(BuiltinKind::label))
            .unwrap_or(kind)
    }

    /// The file gives some actor a colour, size or shape of its own.
    pub fn has_file_looks(&self) -> bool {
        self.actors.iter().any(|a| {
            let look = &a.appearance;
            look.colour.is_some() || look.size.is_some() || look.shape.is_some()
        })
    }

    /// The kinds the dataset declares hostile (war, opposition), by id.
    pub fn hostile_kinds(&self) -> Vec<&str> {
        self.relation_kinds
            .iter()
            .filter(|k| k.hostile)
            .map(|k| k.id.as_str())
            .collect()
    }

    /// Display name of an actor kind: the dataset's own label first, then the built-in one.
    pub fn actor_kind_label<'a>(&'a self, kind: &'a str) -> &'a str {
        self.actor_kinds
            .iter()
            .find(|k| k.id == kind)
            .map(|k| k.label.as_str())
            .or_else(|| ActorKind::from_id(kind).map(ActorKind::label))
            .unwrap_or(kind)
    }

    /// Every kind an actor may use here: the built-ins, then the declared ones.
    pub fn known_actor_kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.id()).collect();
        for decl in &self.actor_kinds {
            if !kinds.contains(&decl.id.as_str()) {
                kinds.push(&decl.id);
            }
        }
        kinds
    }

    /// Every kind a relation may use here: the built-ins, then the declared ones.
    pub fn known_relation_kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = BuiltinKind::ALL.iter().map(|k| k.id()).collect();
        for decl in &self.relation_kinds {
            if !kinds.contains(&decl.id.as_str()) {
                kinds.push(&decl.id);
            }
        }
        kinds
    }

    /// The known kinds and any others the relations use (a file may use kinds it never
    /// declares), each once.
    pub fn every_relation_kind(&self) -> Vec<&str> {
        let mut kinds = self.known_relation_kinds();
        for relation in &self.relations {
            if !kinds.contains(&relation.kind.as_str()) {
                kinds.push(&relation.kind);
            }
        }
        kinds
    }
}

impl Dataset {
    /// A fingerprint of the graph's shape (actor ids and who links to whom), stable across
    /// runs and platforms: it seeds the layout (same file, same picture) and keys the node
    /// positions saved between runs.
    pub fn structure_key(&self) -> u64 {
        // FNV-1a: tiny, stable, and good enough to tell datasets apart.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |text: &str| {
            for byte in text.bytes().chain(std::iter::once(0xff)) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        for actor in &self.actors {
            feed(&actor.id);
        }
        for relation in &self.relations {
            feed(&relation.from);
            feed(&relation.to);
        }
        hash
    }
}
