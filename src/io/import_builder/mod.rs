//! Turns the rows and elements of other formats (GraphML, GEXF, CSV) into an Entente
//! dataset, with one set of rules for all of them: how kinds are recognised, which
//! attributes become evidence or periods, and where everything else is kept.

mod evidence;
mod relation;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use serde_json::Value;

use super::attribute_values::{
    APPEARANCE_NAMES, builtin_actor_kind_for, builtin_kind_for, exact_value, fill_appearance, find_value,
    first_present, legend_label, on_element, slug,
};
use super::attribute_values::{AttributePair, loose_date};
use super::import_mapping::{ACTOR_KIND_NAMES, ACTOR_LABEL_NAMES, ImportMapping, clean_label};
use crate::model::{
    Actor, ActorKind, ActorKindDecl, Appearance, Dataset, Diagnostic, Direction, ExtraFields, PartialDate, Period,
    RelationKindDecl, Source,
};
pub use evidence::exported_evidence;

/// The kind given to relations whose file says nothing about their kind.
pub const UNSPECIFIED_KIND: &str = "link";

/// Ends (actor positions), kind, direction and period.
type RelationKey = (usize, usize, String, Direction, Option<Period>);

#[derive(Debug)]
pub struct ImportBuilder {
    dataset: Dataset,
    actor_by_id: HashMap<String, usize>,
    source_by_name: HashMap<String, String>,
    /// Rows that describe the same link (same ends, kind, direction, period) share a relation.
    /// Only rows without an id are looked up, so the table is made when the first comes: a
    /// file whose every relation has an id (GraphML and GEXF as exported) never needs it.
    relation_by_key: HashMap<RelationKey, usize>,
    /// How many relations, from the first, are in `relation_by_key`; `None` before it is made.
    keyed: Option<usize>,
    /// Each kind text's id, worked out once: a file spells the same few kinds on every row.
    kind_by_text: HashMap<String, String>,
    actor_kind_by_text: HashMap<String, String>,
    /// Which attributes name actors and give kinds; `None`: the usual names, in order.
    mapping: Option<ImportMapping>,
    /// The source standing for the imported file itself, for evidence without a named source.
    file_source: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ImportBuilder {
    pub fn new(title: &str, format_name: &str) -> Self {
        let mut dataset = Dataset::new(title);
        dataset.description = Some(format!("Imported from {format_name}."));
        Self {
            dataset,
            actor_by_id: HashMap::default(),
            source_by_name: HashMap::default(),
            relation_by_key: HashMap::default(),
            keyed: None,
            kind_by_text: HashMap::default(),
            actor_kind_by_text: HashMap::default(),
            mapping: None,
            file_source: None,
            diagnostics: Vec::new(),
        }
    }

    /// Reads names and kinds from the attributes `mapping` gives, rather than the usual ones.
    pub fn with_mapping(mut self, mapping: ImportMapping) -> Self {
        self.mapping = Some(mapping);
        self
    }

    pub fn warn(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// How messages name an actor: by its name, with the file's id beside it when they differ.
    /// The actor's name as the file gives it, or its id when it gives none.
    pub fn actor_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor_by_id
            .get(id)
            .and_then(|&at| self.dataset.actors.get(at))
            .map_or(id, |actor| actor.name.as_str())
    }

    pub fn actor_name(&self, id: &str) -> String {
        match self.actor_by_id.get(id).and_then(|&at| self.dataset.actors.get(at)) {
            Some(actor) if actor.name != id => format!("“{}” (id `{id}`)", actor.name),
            _ => format!("`{id}`"),
        }
    }

    pub fn has_actor(&self, id: &str) -> bool {
        self.actor_by_id.contains_key(id)
    }

    /// Adds an actor; the mapping's attributes (or those named name/label/title and
    /// kind/type/category) give its name and kind, description, aliases, active period and
    /// position fill those fields, and the rest is kept under `attributes`.
    pub fn add_actor(&mut self, id: &str, attributes: &[impl AttributePair]) -> bool {
        self.add_actor_drawn(id, attributes, Appearance::default())
    }

    /// As `add_actor`, with the look the file gave the actor outside its attributes (GEXF's
    /// `viz:` elements); position, colour and size attributes fill in what it leaves out.
    pub fn add_actor_drawn(&mut self, id: &str, attributes: &[impl AttributePair], mut look: Appearance) -> bool {
        if self.actor_by_id.contains_key(id) {
            return false;
        }
        let find = |names: &[&str]| find_value(attributes, names).map(str::to_owned);
        let (label_attribute, kind_attribute) = match &self.mapping {
            Some(mapping) => (
                on_element(attributes, mapping.actor_label.as_deref(), &ACTOR_LABEL_NAMES),
                on_element(attributes, mapping.actor_kind.as_deref(), &ACTOR_KIND_NAMES),
            ),
            None => (
                first_present(attributes, &ACTOR_LABEL_NAMES),
                first_present(attributes, &ACTOR_KIND_NAMES),
            ),
        };
        let name = label_attribute
            .as_deref()
            .and_then(|n| exact_value(attributes, n))
            .map(clean_label)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| id.to_owned());
        let kind_text = kind_attribute.as_deref().and_then(|n| exact_value(attributes, n));
        let kind = self.actor_kind_id(kind_text);
        let aliases = find(&["aliases", "alias"])
            .map(|a| {
                a.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let owner = || format!("actor “{name}”");
        let active = Period {
            start: self.date_of(find(&["active_start", "start"]).as_deref(), "start", owner),
            end: self.date_of(find(&["active_end", "end"]).as_deref(), "end", owner),
        };
        fill_appearance(&mut look, attributes);
        let mut used: Vec<&str> = vec![
            "aliases",
            "alias",
            "description",
            "active_start",
            "start",
            "active_end",
            "end",
            "id",
            "spells",
        ];
        used.extend(label_attribute.as_deref());
        used.extend(kind_attribute.as_deref());
        // Other name and kind attributes that only repeat the ones read (a GEXF node's `label`
        // beside its `name`) say nothing more: kept, they would come back as new attributes.
        for (names, value) in [
            (&ACTOR_LABEL_NAMES[..], Some(name.as_str())),
            (&ACTOR_KIND_NAMES[..], kind_text),
        ] {
            for attribute in attributes {
                if names.iter().any(|n| attribute.name().eq_ignore_ascii_case(n))
                    && Some(attribute.value().trim()) == value.map(str::trim)
                {
                    used.push(attribute.name());
                }
            }
        }
        let mut extra = ExtraFields::new();
        keep_other_attributes(attributes, &[&used, &APPEARANCE_NAMES], &mut extra);
        self.actor_by_id.insert(id.to_owned(), self.dataset.actors.len());
        self.dataset.actors.push(Actor {
            id: id.to_owned(),
            name,
            kind,
            aliases,
            active: (active != Period::default()).then_some(active),
            spells: find(&["spells"])
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default(),
            description: find(&["description"]).filter(|d| !d.trim().is_empty()),
            appearance: look,
            caveats: Vec::new(),
            extra,
        });
        true
    }

    /// A date the file gives, or None, with a warning when it gives one Entente cannot read:
    /// the record opens without it, as published otherwise.
    fn date_of(&mut self, value: Option<&str>, what: &str, owner: impl FnOnce() -> String) -> Option<PartialDate> {
        let value = value?.trim();
        if value.is_empty() {
            return None;
        }
        let date = loose_date(value);
        if date.is_none() {
            self.warn(Diagnostic::warning(
                "bad-cell",
                format!("{}: the {what} `{value}` is not a date; it is left out", owner()),
            ));
        }
        date
    }

    pub fn relation_count(&self) -> usize {
        self.dataset.relations.len()
    }

    /// Room for this many more relations, when the file says how many rows it has.
    pub fn reserve_relations(&mut self, relations: usize) {
        self.dataset.relations.reserve(relations);
    }

    /// Makes sure an actor exists for an edge end the file never declared as a node; its
    /// position among the actors.
    pub fn ensure_actor(&mut self, id: &str) -> usize {
        if let Some(&at) = self.actor_by_id.get(id) {
            return at;
        }
        self.add_actor(id, &[] as &[(&str, &str)]);
        self.dataset.actors.len() - 1
    }

    /// The actor kind id for a kind text, declaring it when it is not a built-in.
    fn actor_kind_id(&mut self, text: Option<&str>) -> String {
        let text = text.map(str::trim).filter(|t| !t.is_empty());
        let Some(text) = text else {
            return ActorKind::Other.into();
        };
        if let Some(id) = self.actor_kind_by_text.get(text) {
            return id.clone();
        }
        let id = match builtin_actor_kind_for(text) {
            Some(kind) => kind.into(),
            None => {
                let id = slug(text);
                if !self.dataset.actor_kinds.iter().any(|k| k.id == id) {
                    self.dataset
                        .actor_kinds
                        .push(ActorKindDecl::new(id.clone(), legend_label(text)));
                }
                id
            }
        };
        self.actor_kind_by_text.insert(text.to_owned(), id.clone());
        id
    }

    /// The kind id for a kind text, declaring it when it is not a built-in.
    fn kind_id(&mut self, text: Option<&str>) -> String {
        let text = text.map(str::trim).filter(|t| !t.is_empty());
        if let Some(id) = self.kind_by_text.get(text.unwrap_or_default()) {
            return id.clone();
        }
        let id = self.declare_kind(text);
        self.kind_by_text
            .insert(text.unwrap_or_default().to_owned(), id.clone());
        id
    }

    fn declare_kind(&mut self, text: Option<&str>) -> String {
        if let Some(builtin) = text.and_then(builtin_kind_for) {
            return builtin.id().to_owned();
        }
        let (id, label) = match text {
            Some(text) => (slug(text), legend_label(text)),
            None => (UNSPECIFIED_KIND.to_owned(), "Link (kind not given)".to_owned()),
        };
        if !self.dataset.relation_kinds.iter().any(|k| k.id == id) {
            self.dataset.relation_kinds.push(RelationKindDecl {
                id: id.clone(),
                label,
                colour: None,
                description: None,
                hostile: false,
                extra: ExtraFields::new(),
            });
        }
        id
    }

    /// Sources written by Entente's own export, restored as they were.
    pub fn add_sources_json(&mut self, json: &str) {
        if let Ok(sources) = serde_json::from_str::<Vec<Source>>(json) {
            for source in sources {
                self.source_by_name.insert(source.id.clone(), source.id.clone());
                self.dataset.sources.push(source);
            }
        }
    }

    /// Actor kinds written by Entente's own export (labels, colours, shapes), restored as they were.
    pub fn add_actor_kinds_json(&mut self, json: &str) {
        if let Ok(kinds) = serde_json::from_str::<Vec<ActorKindDecl>>(json) {
            for kind in kinds {
                self.dataset.actor_kinds.retain(|k| k.id != kind.id);
                self.dataset.actor_kinds.push(kind);
            }
        }
    }

    /// Relation kinds written by Entente's own export (labels, colours), restored as they were.
    pub fn add_relation_kinds_json(&mut self, json: &str) {
        if let Ok(kinds) = serde_json::from_str::<Vec<RelationKindDecl>>(json) {
            for kind in kinds {
                self.dataset.relation_kinds.retain(|k| k.id != kind.id);
                self.dataset.relation_kinds.push(kind);
            }
        }
    }

    pub fn dataset_mut(&mut self) -> &mut Dataset {
        &mut self.dataset
    }

    pub fn finish(self) -> (Dataset, Vec<Diagnostic>) {
        (self.dataset, self.diagnostics)
    }
}

/// A cell's date: none when it is empty, an error when it is not a date.
fn cell_date(value: Option<&str>) -> Result<Option<PartialDate>, ()> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(value) => loose_date(value).map(Some).ok_or(()),
    }
}

/// The attribute names (any case) read as a relation's own fields, besides kind and evidence.
const RELATION_FIELD_NAMES: &[&str] = &[
    "direction",
    "directed",
    "year",
    "start",
    "from_date",
    "start_date",
    "begin",
    "end",
    "to_date",
    "end_date",
    "summary",
    "id",
    "magnitude",
    "spells",
    "caveats",
];

/// Keeps every attribute not in `used` under `attributes`, so nothing the file said is lost.
fn keep_other_attributes(attributes: &[impl AttributePair], used: &[&[&str]], extra: &mut ExtraFields) {
    let others: BTreeMap<&str, &str> = attributes
        .iter()
        .filter(|a| {
            !used
                .iter()
                .flat_map(|names| names.iter())
                .any(|u| a.name().eq_ignore_ascii_case(u))
        })
        .map(|a| (a.name(), a.value()))
        .collect();
    if !others.is_empty() {
        let map = others
            .into_iter()
            .map(|(k, v)| (k.to_owned(), Value::String(v.to_owned())))
            .collect();
        extra.insert("attributes".to_owned(), Value::Object(map));
    }
}

#[cfg(test)]
mod tests;
