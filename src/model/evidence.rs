use serde::{Deserialize, Serialize};

use super::{ExtraFields, PartialDate};

/// One sourced statement behind a relation. The quote is copied verbatim from the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Id of an entry in the dataset's `sources`.
    pub source: String,
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_role: Option<String>,
    /// Where in the source the quote stands, e.g. "paragraph 8".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// A link to this statement when it differs from the source's own link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the statement was made, when that differs from the source's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Admiralty credibility, 1 (confirmed) to 6 (cannot be judged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<u8>,
    /// The analyst's own words, kept apart from the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl Evidence {
    /// A quote from `source` and nothing else known about it.
    pub fn quoting(source: impl Into<String>, quote: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            quote: quote.into(),
            speaker: None,
            speaker_role: None,
            locator: None,
            url: None,
            date: None,
            credibility: None,
            note: None,
            extra: ExtraFields::new(),
        }
    }
}

/// Where a piece of evidence sits: its relation and its place in that relation's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidenceAt {
    pub relation: usize,
    pub evidence: usize,
}
