//! Evidence from a file's attributes: a quote with its source, speaker, link and date, or the
//! items Entente's own export wrote whole; and the sources they cite, added once each.

use serde_json::Value;

use super::ImportBuilder;
use crate::io::attribute_values::{AttributePair, find_value, loose_date, slug};
use crate::model::{Evidence, ExtraFields, Source};

/// The attribute names (any case) read as a relation's evidence.
pub(super) const EVIDENCE_NAMES: [&str; 11] = [
    "quote",
    "source",
    "url",
    "date",
    "speaker",
    "speaker_role",
    "role",
    "locator",
    "credibility",
    "note",
    "evidence",
];

impl ImportBuilder {
    /// An evidence item from quote/source/url/date/speaker attributes, when there is a quote.
    pub(super) fn evidence_from(&mut self, attributes: &[impl AttributePair]) -> Vec<Evidence> {
        if let Some(json) = find_value(attributes, &["evidence"]) {
            // Written by Entente's own GraphML/GEXF export: restore the items as they were.
            // Read straight into evidence when every item is whole (the usual case, and
            // twice as quick); otherwise item by item, keeping the ones that read.
            if let Ok(items) = serde_json::from_str::<Vec<Evidence>>(json) {
                return items;
            }
            if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(json) {
                return items
                    .into_iter()
                    .filter_map(|item| serde_json::from_value(item).ok())
                    .collect();
            }
        }
        let find = |name: &str| find_value(attributes, &[name]).map(str::trim).filter(|v| !v.is_empty());
        let Some(quote) = find("quote") else { return Vec::new() };
        let source = match find("source") {
            Some(name) => self.source_named(name),
            None => self.file_source(),
        };
        vec![Evidence {
            source,
            quote: quote.to_owned(),
            speaker: find("speaker").map(str::to_owned),
            speaker_role: find("speaker_role").or(find("role")).map(str::to_owned),
            locator: find("locator").map(str::to_owned),
            url: find("url").map(str::to_owned),
            date: find("date").and_then(loose_date),
            credibility: find("credibility").and_then(|c| c.parse().ok()),
            note: find("note").map(str::to_owned),
            extra: ExtraFields::new(),
        }]
    }

    fn source_named(&mut self, name: &str) -> String {
        if let Some(id) = self.source_by_name.get(name) {
            return id.clone();
        }
        let mut id = slug(name);
        while self.dataset.sources.iter().any(|s| s.id == id) {
            id.push('_');
        }
        self.dataset.sources.push(Source::new(id.clone(), name));
        self.source_by_name.insert(name.to_owned(), id.clone());
        id
    }

    fn file_source(&mut self) -> String {
        if let Some(id) = &self.file_source {
            return id.clone();
        }
        let title = format!("{} (the imported file)", self.dataset.title);
        let id = self.source_named(&title);
        self.file_source = Some(id.clone());
        id
    }
}
