//! Evidence from a file's attributes: a quote with its source, speaker, link and date, or the
//! items Entente's own export wrote whole; and the sources they cite, added once each.

use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
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

/// The items an `evidence` attribute of Entente's own GraphML/GEXF export holds, as they
/// were; `None` when it is not such a list.
pub fn exported_evidence(json: &str) -> Option<Vec<Evidence>> {
    // Straight into evidence when every item is whole (the usual case, and twice as quick);
    // otherwise item by item, keeping the ones that read.
    let mut reader = serde_json::Deserializer::from_str(json);
    if let Ok(items) = reader.deserialize_seq(TightList(PhantomData::<Evidence>))
        && reader.end().is_ok()
    {
        return Some(items);
    }
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Array(items)) => Some(
            items
                .into_iter()
                .filter_map(|item| serde_json::from_value(item).ok())
                .collect(),
        ),
        _ => None,
    }
}

impl ImportBuilder {
    /// An evidence item from quote/source/url/date/speaker attributes, when there is a quote.
    pub(super) fn evidence_from(&mut self, attributes: &[impl AttributePair]) -> Vec<Evidence> {
        if let Some(items) = find_value(attributes, &["evidence"]).and_then(exported_evidence) {
            return items;
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

/// Reads a list into a vector no longer than it: serde's own grows a one-item list to room
/// for four, and half a million relations of one quote each would hold 330 MB of nothing.
struct TightList<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for TightList<T> {
    type Value = Vec<T>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            // One more place at a time for the few items most lists have; doubling past them.
            if items.len() < 4 {
                items.reserve_exact(1);
            }
            items.push(item);
        }
        Ok(items)
    }
}
