use std::collections::HashMap;

use super::Dataset;

/// Lookups the viewer needs many times a frame, built once when a dataset is loaded.
/// Positions refer to the dataset's `actors`, `relations` and `sources` vectors.
#[derive(Debug, Clone, Default)]
pub struct DatasetIndex {
    actor_by_id: HashMap<String, usize>,
    source_by_id: HashMap<String, usize>,
    /// For each actor, the relations it takes part in, in file order.
    relations_of_actor: Vec<Vec<usize>>,
    /// For each relation, the positions of its two actors, when both exist. Filters and the
    /// layout ask for every relation's ends at once; looking 200,000 ids up each time showed.
    relation_ends: Vec<Option<(u32, u32)>>,
}

impl DatasetIndex {
    pub fn new(dataset: &Dataset) -> Self {
        let actor_by_id: HashMap<String, usize> = dataset
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let source_by_id = dataset
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let mut relations_of_actor = vec![Vec::new(); dataset.actors.len()];
        let mut relation_ends = Vec::with_capacity(dataset.relations.len());
        for (index, relation) in dataset.relations.iter().enumerate() {
            let from = actor_by_id.get(&relation.from).copied();
            let to = actor_by_id.get(&relation.to).copied();
            relation_ends.push(
                from.zip(to)
                    .and_then(|(a, b)| Some((u32::try_from(a).ok()?, u32::try_from(b).ok()?))),
            );
            for actor in [from, to].into_iter().flatten() {
                if let Some(list) = relations_of_actor.get_mut(actor)
                    && list.last() != Some(&index)
                {
                    list.push(index);
                }
            }
        }
        Self {
            actor_by_id,
            source_by_id,
            relations_of_actor,
            relation_ends,
        }
    }

    pub fn actor(&self, id: &str) -> Option<usize> {
        self.actor_by_id.get(id).copied()
    }

    pub fn source(&self, id: &str) -> Option<usize> {
        self.source_by_id.get(id).copied()
    }

    pub fn relations_of(&self, actor: usize) -> &[usize] {
        self.relations_of_actor.get(actor).map_or(&[], Vec::as_slice)
    }

    /// Per relation, the positions of the two actors it joins, when both exist: the graph as
    /// layout code sees it.
    pub fn relation_ends(&self) -> &[Option<(u32, u32)>] {
        &self.relation_ends
    }

    /// The positions of the two actors relation `relation` joins, when both exist.
    pub fn ends_of(&self, relation: usize) -> Option<(usize, usize)> {
        let (a, b) = self.relation_ends.get(relation).copied().flatten()?;
        Some((a as usize, b as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Direction, ExtraFields, Relation};

    fn actor(id: &str) -> Actor {
        Actor::new(id, id.to_uppercase(), ActorKind::State)
    }

    fn relation(id: &str, from: &str, to: &str) -> Relation {
        Relation {
            id: id.into(),
            kind: "treaty".into(),
            from: from.into(),
            to: to.into(),
            direction: Direction::Mutual,
            period: None,
            spells: Vec::new(),
            summary: None,
            magnitude: None,
            evidence: vec![],
            appearance: Default::default(),
            caveats: Vec::new(),
            extra: ExtraFields::new(),
        }
    }

    #[test]
    fn lists_each_relation_once_per_actor_even_for_self_loops() {
        let mut dataset = Dataset::new("t");
        dataset.actors = vec![actor("a"), actor("b"), actor("c")];
        dataset.relations = vec![
            relation("r0", "a", "b"),
            relation("r1", "b", "b"),
            relation("r2", "c", "a"),
        ];
        let index = DatasetIndex::new(&dataset);
        assert_eq!(index.relations_of(0), [0, 2]);
        assert_eq!(index.relations_of(1), [0, 1]);
        assert_eq!(index.relations_of(2), [2]);
        assert_eq!(index.relations_of(99), [] as [usize; 0]);
        assert_eq!(index.actor("c"), Some(2));
        assert_eq!(index.actor("zz"), None);
    }

    #[test]
    fn knows_each_relations_ends_and_which_have_an_unknown_actor() {
        let mut dataset = Dataset::new("t");
        dataset.actors = vec![actor("a"), actor("b")];
        dataset.relations = vec![relation("r0", "b", "a"), relation("r1", "a", "ghost")];
        let index = DatasetIndex::new(&dataset);
        assert_eq!(index.relation_ends(), [Some((1, 0)), None]);
        assert_eq!(index.ends_of(0), Some((1, 0)));
        assert_eq!((index.ends_of(1), index.ends_of(2)), (None, None));
    }
}
