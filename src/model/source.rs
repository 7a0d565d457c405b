use serde::{Deserialize, Serialize};

use super::{ExtraFields, PartialDate};

/// Where evidence comes from: an article, a report, a database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The publisher or outlet, e.g. "Newsweek".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where the source's own text is, to check its quotes against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<SourceText>,
    /// The text itself, once read (from the dataset, or from the file beside it). Not saved:
    /// `text` says where it comes from.
    #[serde(skip)]
    pub attached: Option<std::sync::Arc<str>>,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

/// Where a source's text is kept: in a file beside the dataset (a path relative to the
/// dataset's folder), or in the dataset itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceText {
    File(String),
    Content(String),
}

/// Source reliability on the Admiralty (NATO) scale.
impl Source {
    /// A source known only by its id and title; everything else unknown until stated.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            publisher: None,
            url: None,
            published: None,
            reliability: None,
            notes: None,
            text: None,
            attached: None,
            extra: ExtraFields::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Reliability {
    pub const ALL: [Self; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    pub fn meaning(self) -> &'static str {
        match self {
            Self::A => "completely reliable",
            Self::B => "usually reliable",
            Self::C => "fairly reliable",
            Self::D => "not usually reliable",
            Self::E => "unreliable",
            Self::F => "reliability cannot be judged",
        }
    }
}

/// Credibility of one piece of information on the Admiralty scale, 1 (confirmed) to 6.
pub fn credibility_meaning(grade: u8) -> Option<&'static str> {
    Some(match grade {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        6 => "truth cannot be judged",
        _ => return None,
    })
}
