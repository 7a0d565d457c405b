//! A dataset being built from a published table: its one source (the dataset itself), its
//! actors added once each, and relation ids kept unique.

use std::collections::HashMap;

use serde_json::Value;

use super::table::Row;
use crate::io::published_rows::end_before_start;
use crate::model::{
    Actor, ActorKind, Caveat, Dataset, Diagnostic, Evidence, ExtraFields, KnownNames, PartialDate, Period, Source,
};

pub struct Assembly {
    pub dataset: Dataset,
    source_id: String,
    file_name: String,
    actors: HashMap<String, usize>,
    relation_ids: HashMap<String, usize>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Assembly {
    pub fn new(title: &str, description: String, source: Source, file_name: &str) -> Self {
        let mut dataset = Dataset::new(title);
        dataset.description = Some(description);
        let source_id = source.id.clone();
        dataset.sources.push(source);
        Self {
            dataset,
            source_id,
            file_name: file_name.to_owned(),
            actors: HashMap::new(),
            relation_ids: HashMap::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The actor for COW country code `code` on `date` (the Soviet Union in 1961, Russia in
    /// 2001), added on first use. A code the shipped state list lacks keeps the name the file
    /// gives it.
    pub fn state(&mut self, code: u16, date: Option<PartialDate>, name_in_file: &str) -> String {
        let named = KnownNames::shipped().state_on(code, date);
        let id = named.as_ref().map_or_else(|| format!("cow:{code}"), |n| n.id.clone());
        if self.actors.contains_key(&id) {
            return id;
        }
        let mut extra = ExtraFields::new();
        extra.insert("cow_code".to_owned(), Value::from(code));
        let (name, aliases, kind) = match named {
            Some(named) => (
                named.name,
                named.aliases,
                if named.historical {
                    ActorKind::HistoricalState
                } else {
                    ActorKind::State
                },
            ),
            None => {
                let name = if name_in_file.is_empty() {
                    format!("COW state {code}")
                } else {
                    name_in_file.to_owned()
                };
                (name, Vec::new(), ActorKind::State)
            }
        };
        self.push_actor(Actor {
            aliases,
            extra,
            ..Actor::new(id.clone(), name, kind)
        });
        id
    }

    /// An actor known only by its name in the file (SIPRI names, it does not number).
    pub fn named(&mut self, id: String, name: &str, kind: ActorKind, description: Option<String>) -> String {
        if !self.actors.contains_key(&id) {
            self.push_actor(Actor {
                description,
                ..Actor::new(id.clone(), name, kind)
            });
        }
        id
    }

    fn push_actor(&mut self, actor: Actor) {
        self.actors.insert(actor.id.clone(), self.dataset.actors.len());
        self.dataset.actors.push(actor);
    }

    /// `base`, or `base-2`, `base-3`… when a relation already has it.
    pub fn relation_id(&mut self, base: String) -> String {
        let seen = self.relation_ids.entry(base.clone()).or_insert(0);
        *seen += 1;
        if *seen == 1 { base } else { format!("{base}-{seen}") }
    }

    /// Evidence quoting row `line` of the file exactly as it stands.
    pub fn record(&self, raw: &str, line: usize, note: Option<String>) -> Evidence {
        Evidence {
            source: self.source_id.clone(),
            quote: raw.to_owned(),
            speaker: None,
            speaker_role: None,
            locator: Some(format!("{}, line {line}", self.file_name)),
            url: None,
            date: None,
            credibility: None,
            note,
            extra: ExtraFields::new(),
        }
    }

    /// A caveat, and a warning at the row, when the row records an end before its start: the
    /// publisher's own record (COW's dyads of Yemen's and Germany's unifications), kept as
    /// published.
    pub fn period_as_published(&mut self, row: &Row, period: Period, end_column: &str) -> Option<Caveat> {
        if !period.ends_before_it_starts() {
            return None;
        }
        let note = end_before_start(period);
        self.diagnostics.push(row.warning(
            end_column,
            "period-order",
            format!("line {}: {note}; the row is kept as published", row.line),
        ));
        Some(Caveat::new("period-order", format!("line {}: {note}", row.line)))
    }

    /// The dataset, or the reason there is none: a table with no usable rows opens nothing.
    pub fn finish(self, layout: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
        if self.dataset.relations.is_empty() {
            let first_problem = self.diagnostics.into_iter().next();
            return Err(first_problem.map_or_else(
                || {
                    Diagnostic::error(
                        "empty",
                        format!("the {layout} table has a header row but no rows to read"),
                    )
                },
                |problem| Diagnostic {
                    severity: crate::model::Severity::Error,
                    ..problem
                },
            ));
        }
        Ok((self.dataset, self.diagnostics))
    }
}
