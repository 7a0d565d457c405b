use std::collections::BTreeMap;

use super::Dataset;

/// Counts that describe a dataset at a glance.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub title: String,
    pub actors: usize,
    pub relations: usize,
    pub sources: usize,
    pub evidence: usize,
    /// Keyed by actor kind id.
    pub actors_by_kind: BTreeMap<String, usize>,
    /// Keyed by relation kind id, in id order.
    pub relations_by_kind: BTreeMap<String, usize>,
    /// How many relations cite each source (by source id) at least once.
    pub relations_by_source: BTreeMap<String, usize>,
    /// Relations with no evidence at all.
    pub relations_without_evidence: usize,
    /// How many evidence items cite each source (by source id).
    pub evidence_by_source: BTreeMap<String, usize>,
}

impl Summary {
    pub fn of(dataset: &Dataset) -> Self {
        let mut actors_by_kind = BTreeMap::new();
        for actor in &dataset.actors {
            *actors_by_kind.entry(actor.kind.clone()).or_insert(0) += 1;
        }
        let mut relations_by_kind = BTreeMap::new();
        let mut relations_by_source: BTreeMap<String, usize> = BTreeMap::new();
        let mut relations_without_evidence = 0;
        let mut evidence_by_source: BTreeMap<String, usize> = BTreeMap::new();
        let mut cited: Vec<&str> = Vec::new();
        for relation in &dataset.relations {
            *relations_by_kind.entry(relation.kind.clone()).or_insert(0) += 1;
            for evidence in &relation.evidence {
                match evidence_by_source.get_mut(&evidence.source) {
                    Some(count) => *count += 1,
                    None => {
                        evidence_by_source.insert(evidence.source.clone(), 1);
                    }
                }
            }
            cited.clear();
            cited.extend(relation.evidence.iter().map(|e| e.source.as_str()));
            cited.sort_unstable();
            cited.dedup();
            for source in &cited {
                match relations_by_source.get_mut(*source) {
                    Some(count) => *count += 1,
                    None => {
                        relations_by_source.insert((*source).to_owned(), 1);
                    }
                }
            }
            if relation.evidence.is_empty() {
                relations_without_evidence += 1;
            }
        }
        Self {
            title: dataset.title.clone(),
            actors: dataset.actors.len(),
            relations: dataset.relations.len(),
            sources: dataset.sources.len(),
            evidence: dataset.relations.iter().map(|r| r.evidence.len()).sum(),
            actors_by_kind,
            relations_by_kind,
            relations_by_source,
            relations_without_evidence,
            evidence_by_source,
        }
    }
}
