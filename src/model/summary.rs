use std::collections::BTreeMap;

use super::{Actor, Dataset, Relation};

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
        let mut summary = Self {
            title: dataset.title.clone(),
            sources: dataset.sources.len(),
            ..Self::default()
        };
        for actor in &dataset.actors {
            summary.count_actor(actor, true);
        }
        for relation in &dataset.relations {
            summary.count_relation(relation, true);
        }
        summary
    }

    /// Counts `actor` in (`added`) or out, as it is put into or taken out of the dataset.
    pub fn count_actor(&mut self, actor: &Actor, added: bool) {
        self.actors = step(self.actors, added);
        count(&mut self.actors_by_kind, &actor.kind, added);
    }

    /// Counts `relation` and its evidence in (`added`) or out.
    pub fn count_relation(&mut self, relation: &Relation, added: bool) {
        self.relations = step(self.relations, added);
        count(&mut self.relations_by_kind, &relation.kind, added);
        for evidence in &relation.evidence {
            self.evidence = step(self.evidence, added);
            count(&mut self.evidence_by_source, &evidence.source, added);
        }
        let mut cited: Vec<&str> = relation.evidence.iter().map(|e| e.source.as_str()).collect();
        cited.sort_unstable();
        cited.dedup();
        for source in cited {
            count(&mut self.relations_by_source, source, added);
        }
        if relation.evidence.is_empty() {
            self.relations_without_evidence = step(self.relations_without_evidence, added);
        }
    }
}

fn step(n: usize, up: bool) -> usize {
    if up { n + 1 } else { n.saturating_sub(1) }
}

/// One more (or one fewer) under `key`; a key counted down to nothing goes.
fn count(counts: &mut BTreeMap<String, usize>, key: &str, up: bool) {
    match counts.get_mut(key) {
        Some(n) if up => *n += 1,
        Some(n) if *n > 1 => *n -= 1,
        Some(_) => {
            counts.remove(key);
        }
        None if up => {
            counts.insert(key.to_owned(), 1);
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;

    #[test]
    fn counting_an_edit_in_and_out_gives_the_counts_of_the_edited_dataset() {
        let dataset = built_in_dataset();
        let mut summary = Summary::of(&dataset);
        let mut edited = dataset.clone();
        let before = edited.relations.remove(0);
        let mut after = before.clone();
        after.kind = "a_new_kind".into();
        after.evidence.clear();
        edited.relations.insert(0, after.clone());
        edited.actors.remove(1);
        summary.count_relation(&before, false);
        summary.count_relation(&after, true);
        summary.count_actor(&dataset.actors[1], false);
        assert_eq!(summary, Summary::of(&edited));
        assert_eq!(summary.relations_by_kind.get("a_new_kind"), Some(&1));
    }
}
