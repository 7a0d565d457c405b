//! What is odd about a record as its publisher wrote it. A table someone else published is
//! opened as published: a row whose end comes before its start, or whose count is not a
//! number, is kept, and the caveat travels with the relation so every reader of it sees why
//! it looks wrong, here and in any file Entente writes.

use serde::{Deserialize, Serialize};

use super::{Dataset, Diagnostic, ExtraFields, Severity};

/// The problems inside a record that a table someone else published may have: Entente opens
/// the record as published and says so in a caveat, rather than refuse the file.
pub const KEPT_AS_PUBLISHED: &[&str] = &[
    "period-order",
    "bad-link",
    "empty-quote",
    "bad-credibility",
    "bad-colour",
    "empty-name",
    "empty-magnitude",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caveat {
    /// The problem's code, as `entente check` names it (`period-order`, `bad-cell`…).
    pub code: String,
    /// What the source records, in words, and where: "line 12: the source records an end
    /// (1990-05-21) one day before the start (1990-05-22)".
    pub note: String,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl Caveat {
    pub fn new(code: impl Into<String>, note: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            note: note.into(),
            extra: ExtraFields::new(),
        }
    }
}

/// A record a publisher got wrong is kept as published, with a caveat saying so (see
/// `io::published_rows`); a problem its caveats record is a warning, not an error, so that a
/// file Entente wrote from someone else's table opens again.
pub(super) fn acknowledge_published(dataset: &Dataset, out: &mut [Diagnostic]) {
    for diagnostic in out
        .iter_mut()
        .filter(|d| d.is_error() && KEPT_AS_PUBLISHED.contains(&d.code))
    {
        let pointer = diagnostic.pointer.as_deref().unwrap_or_default();
        let mut segments = pointer.trim_start_matches('/').split('/');
        let record = segments
            .next()
            .zip(segments.next().and_then(|i| i.parse::<usize>().ok()));
        let caveats = match record {
            Some(("relations", i)) => dataset.relations.get(i).map(|r| &r.caveats),
            Some(("actors", i)) => dataset.actors.get(i).map(|a| &a.caveats),
            _ => None,
        };
        if caveats.is_some_and(|caveats| caveats.iter().any(|c| c.code == diagnostic.code)) {
            diagnostic.severity = Severity::Warning;
            diagnostic.message.push_str(", as its source records it");
        }
    }
}
