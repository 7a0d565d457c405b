//! How far the evidence must be trusted for a relation to count: minimum grades, how many
//! statements and distinct sources, sources left out. What passes is what the canvas, the
//! table, the counts, paths and metrics use.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Dataset, DatasetIndex, Evidence, QuoteCheck, QuoteChecks, Relation, Reliability};

/// What ungraded evidence (no reliability or no credibility given) does under a minimum grade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ungraded {
    /// It passes: a grade not given is not a low grade.
    #[default]
    Passes,
    /// It fails: only what someone graded high enough counts.
    Fails,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvidenceFilter {
    /// The least reliable source grade that counts (A is the most reliable).
    pub min_reliability: Option<Reliability>,
    /// The least credible statement grade that counts (1 is confirmed, 6 cannot be judged).
    pub min_credibility: Option<u8>,
    /// How many statements that pass a relation needs.
    pub min_items: usize,
    /// How many distinct sources those statements must come from.
    pub min_sources: usize,
    /// Sources whose statements do not count, by id.
    pub excluded_sources: BTreeSet<String>,
    pub ungraded: Ungraded,
    /// Which statements count by whether their quote was found in the source's text.
    pub quotes: QuoteFilter,
}

/// Statements by whether their quote stands in the source's attached text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteFilter {
    #[default]
    Any,
    /// Only quotes found in their source's text count.
    Verified,
    /// Only quotes not found, or with no text to check against: the ones to check by hand.
    Unverified,
}

impl QuoteFilter {
    fn passes(self, check: &QuoteCheck) -> bool {
        let verified = matches!(check, QuoteCheck::Verified { .. });
        match self {
            Self::Any => true,
            Self::Verified => verified,
            Self::Unverified => !verified,
        }
    }
}

impl EvidenceFilter {
    /// True when the filter can hide anything.
    pub fn is_active(&self) -> bool {
        self.asks_of_items() || self.min_items > 0 || self.min_sources > 0
    }

    /// True when single statements can fail (a grade asked for, a source left out): a
    /// relation then needs at least one that passes.
    fn asks_of_items(&self) -> bool {
        self.min_reliability.is_some()
            || self.min_credibility.is_some()
            || !self.excluded_sources.is_empty()
            || self.quotes != QuoteFilter::Any
    }

    /// Whether one statement counts.
    pub fn item_passes(
        &self,
        evidence: &Evidence,
        check: &QuoteCheck,
        dataset: &Dataset,
        index: &DatasetIndex,
    ) -> bool {
        if self.excluded_sources.contains(&evidence.source) || !self.quotes.passes(check) {
            return false;
        }
        let ungraded = self.ungraded == Ungraded::Passes;
        if let Some(least) = self.min_reliability {
            let grade = index
                .source(&evidence.source)
                .and_then(|at| dataset.sources.get(at))
                .and_then(|s| s.reliability);
            // A is best: a grade passes when it is A up to `least`.
            if !grade.map_or(ungraded, |g| g <= least) {
                return false;
            }
        }
        if let Some(least) = self.min_credibility
            && !evidence.credibility.map_or(ungraded, |g| g <= least)
        {
            return false;
        }
        true
    }

    /// Whether a relation counts: enough statements that pass, from enough sources.
    /// `checks` are its statements' quote checks, in order (missing ones count as no text).
    pub fn relation_passes(
        &self,
        relation: &Relation,
        checks: &[QuoteCheck],
        dataset: &Dataset,
        index: &DatasetIndex,
    ) -> bool {
        if !self.is_active() {
            return true;
        }
        let passing: Vec<&Evidence> = relation
            .evidence
            .iter()
            .enumerate()
            .filter(|(i, e)| self.item_passes(e, checks.get(*i).unwrap_or(&QuoteCheck::NoText), dataset, index))
            .map(|(_, e)| e)
            .collect();
        let needed = self.min_items.max(usize::from(self.asks_of_items()));
        let sources: BTreeSet<&str> = passing.iter().map(|e| e.source.as_str()).collect();
        passing.len() >= needed && sources.len() >= self.min_sources
    }

    /// Per relation, whether it counts.
    pub fn passing(&self, dataset: &Dataset, index: &DatasetIndex) -> Vec<bool> {
        // Quotes are checked only when the filter asks about them.
        let quotes = (self.quotes != QuoteFilter::Any).then(|| QuoteChecks::of(dataset));
        dataset
            .relations
            .iter()
            .enumerate()
            .map(|(r, relation)| {
                let checks = quotes
                    .as_ref()
                    .and_then(|q| q.checks.get(r))
                    .map_or(&[][..], Vec::as_slice);
                self.relation_passes(relation, checks, dataset, index)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;

    fn count(filter: &EvidenceFilter, dataset: &Dataset) -> usize {
        let index = DatasetIndex::new(dataset);
        filter.passing(dataset, &index).into_iter().filter(|&p| p).count()
    }

    #[test]
    fn with_nothing_asked_every_relation_counts_even_one_without_evidence() {
        let mut dataset = built_in_dataset();
        dataset.relations[0].evidence.clear();
        assert!(!EvidenceFilter::default().is_active());
        assert_eq!(count(&EvidenceFilter::default(), &dataset), dataset.relations.len());
    }

    #[test]
    fn a_minimum_reliability_keeps_sources_graded_at_least_that_and_ungraded_as_chosen() {
        let mut dataset = built_in_dataset();
        let all = dataset.relations.len();
        let article = dataset.sources[0].id.clone();
        dataset.sources[0].reliability = Some(Reliability::C);
        let mut filter = EvidenceFilter {
            min_reliability: Some(Reliability::B),
            ..EvidenceFilter::default()
        };
        let citing_article_only = dataset
            .relations
            .iter()
            .filter(|r| r.evidence.iter().all(|e| e.source == article))
            .count();
        assert!(citing_article_only > 0);
        assert_eq!(count(&filter, &dataset), all - citing_article_only, "C is below B");
        filter.min_reliability = Some(Reliability::C);
        assert_eq!(count(&filter, &dataset), all, "C is enough for C");
        // The chronology is ungraded: it counts only while ungraded evidence passes.
        filter.ungraded = Ungraded::Fails;
        let citing_chronology_only = dataset
            .relations
            .iter()
            .filter(|r| r.evidence.iter().all(|e| e.source != article))
            .count();
        assert_eq!(count(&filter, &dataset), all - citing_chronology_only);
    }

    #[test]
    fn counts_of_statements_and_sources_and_left_out_sources_hide_what_falls_short() {
        let dataset = built_in_dataset();
        let all = dataset.relations.len();
        let two_sources = dataset
            .relations
            .iter()
            .filter(|r| r.evidence.iter().map(|e| &e.source).collect::<BTreeSet<_>>().len() >= 2)
            .count();
        let filter = EvidenceFilter {
            min_sources: 2,
            ..EvidenceFilter::default()
        };
        assert_eq!(count(&filter, &dataset), two_sources);
        let two_items = dataset.relations.iter().filter(|r| r.evidence.len() >= 2).count();
        let filter = EvidenceFilter {
            min_items: 2,
            ..EvidenceFilter::default()
        };
        assert_eq!(count(&filter, &dataset), two_items);
        let article = dataset.sources[0].id.clone();
        let without_article = dataset
            .relations
            .iter()
            .filter(|r| r.evidence.iter().any(|e| e.source != article))
            .count();
        let filter = EvidenceFilter {
            excluded_sources: [article].into(),
            ..EvidenceFilter::default()
        };
        assert_eq!(count(&filter, &dataset), without_article);
        assert!(without_article < all && two_items < all);
    }

    #[test]
    fn a_minimum_credibility_judges_each_statement() {
        let mut dataset = built_in_dataset();
        for relation in &mut dataset.relations {
            for evidence in &mut relation.evidence {
                evidence.credibility = Some(4);
            }
        }
        dataset.relations[2].evidence[0].credibility = Some(2);
        let filter = EvidenceFilter {
            min_credibility: Some(3),
            ..EvidenceFilter::default()
        };
        assert_eq!(
            count(&filter, &dataset),
            1,
            "only the statement graded 2 passes a minimum of 3"
        );
    }
}
