//! How well a statement is graded, on the Admiralty scale: its source's reliability (A–F) and
//! its own credibility (1–6). Used to pick the best quote for a hop and the weakest hop.

use std::cmp::Ordering;
use std::fmt;

use crate::model::{Dataset, DatasetIndex, Evidence, Reliability};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Grade {
    pub reliability: Option<Reliability>,
    pub credibility: Option<u8>,
}

impl Grade {
    pub fn of(evidence: &Evidence, dataset: &Dataset, index: &DatasetIndex) -> Self {
        Self {
            reliability: index
                .source(&evidence.source)
                .and_then(|s| dataset.sources.get(s))
                .and_then(|s| s.reliability),
            credibility: evidence.credibility,
        }
    }

    /// Smaller is better: reliability first, then credibility; a grade not given ranks below
    /// every grade given (F, "cannot be judged", is at least a judgement).
    fn rank(self) -> (u8, u8) {
        (
            self.reliability.map_or(6, |r| r as u8),
            self.credibility.filter(|c| (1..=6).contains(c)).map_or(7, |c| c),
        )
    }

    /// Whether this grade is better than `other`.
    pub fn beats(self, other: Self) -> bool {
        self.rank() < other.rank()
    }

    /// Orders grades from best to worst.
    pub fn best_first(a: &Self, b: &Self) -> Ordering {
        a.rank().cmp(&b.rank())
    }
}

/// As analysts write it: `B2`, `B` with no credibility; a credibility alone says the source
/// is ungraded.
impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.reliability, self.credibility) {
            (None, None) => write!(f, "ungraded"),
            (Some(r), None) => write!(f, "{r:?}"),
            (None, Some(c)) => write!(f, "{c} (source ungraded)"),
            (Some(r), Some(c)) => write!(f, "{r:?}{c}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grade(reliability: Option<Reliability>, credibility: Option<u8>) -> Grade {
        Grade {
            reliability,
            credibility,
        }
    }

    #[test]
    fn reliability_outranks_credibility_and_ungraded_ranks_last() {
        let b2 = grade(Some(Reliability::B), Some(2));
        let a6 = grade(Some(Reliability::A), Some(6));
        let b_only = grade(Some(Reliability::B), None);
        let f6 = grade(Some(Reliability::F), Some(6));
        let none = grade(None, None);
        assert!(a6.beats(b2));
        assert!(b2.beats(b_only));
        assert!(f6.beats(none));
        assert!(!none.beats(none));
        assert_eq!(b2.to_string(), "B2");
        assert_eq!(grade(None, Some(3)).to_string(), "3 (source ungraded)");
        assert_eq!(none.to_string(), "ungraded");
    }
}
