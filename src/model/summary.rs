use std::collections::BTreeMap;

use super::{ActorKind, Dataset};

/// Counts that describe a dataset at a glance.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub title: String,
    pub actors: usize,
    pub relations: usize,
    pub sources: usize,
    pub evidence: usize,
    pub actors_by_kind: BTreeMap<ActorKind, usize>,
    /// Keyed by relation kind id, in id order.
    pub relations_by_kind: BTreeMap<String, usize>,
}

impl Summary {
    pub fn of(dataset: &Dataset) -> Self {
        let mut actors_by_kind = BTreeMap::new();
        for actor in &dataset.actors {
            *actors_by_kind.entry(actor.kind).or_insert(0) += 1;
        }
        let mut relations_by_kind = BTreeMap::new();
        for relation in &dataset.relations {
            *relations_by_kind.entry(relation.kind.clone()).or_insert(0) += 1;
        }
        Self {
            title: dataset.title.clone(),
            actors: dataset.actors.len(),
            relations: dataset.relations.len(),
            sources: dataset.sources.len(),
            evidence: dataset.relations.iter().map(|r| r.evidence.len()).sum(),
            actors_by_kind,
            relations_by_kind,
        }
    }
}
