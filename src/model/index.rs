use std::collections::HashMap;

use super::{Actor, Dataset, Edit, Part, Relation, RelationFactTable, Slot, Source};

/// Positions at or after `at` move one on: an item was put in at `at`.
fn shift_up<'a>(positions: impl Iterator<Item = &'a mut usize>, at: usize) {
    for position in positions {
        if *position >= at {
            *position += 1;
        }
    }
}

/// Positions after `at` move one back: the item at `at` was taken out.
fn shift_down<'a>(positions: impl Iterator<Item = &'a mut usize>, at: usize) {
    for position in positions {
        if *position > at {
            *position -= 1;
        }
    }
}

/// Lookups the viewer needs many times a frame, built once when a dataset is loaded.
/// Positions refer to the dataset's `actors`, `relations` and `sources` vectors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DatasetIndex {
    actor_by_id: HashMap<String, usize>,
    source_by_id: HashMap<String, usize>,
    /// For each actor, the relations it takes part in, in file order.
    relations_of_actor: Vec<Vec<usize>>,
    /// For each relation, the positions of its two actors, when both exist. Filters and the
    /// layout ask for every relation's ends at once; looking 200,000 ids up each time showed.
    relation_ends: Vec<Option<(u32, u32)>>,
    /// What drawing and filtering read of each relation, side by side.
    relation_facts: RelationFactTable,
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
            relation_facts: RelationFactTable::of(&dataset.relations),
        }
    }

    /// Catches up with `edit` (made, or taken back when `forward` is false) without building
    /// the lookups again: positions after an item put in or taken out move by one. The dataset
    /// is as the edit left it. An actor whose id changes is the one change it cannot follow:
    /// the lookups are built again then.
    pub fn follow(&mut self, dataset: &Dataset, edit: &Edit, forward: bool) {
        if edit.replaces_dataset() || !self.can_follow(edit) {
            *self = Self::new(dataset);
            return;
        }
        for part in edit.parts_in_order(forward) {
            match part {
                Part::Actor(slot) => self.follow_actor(slot, forward),
                Part::Relation(slot) => self.follow_relation(slot, forward),
                Part::Source(slot) => self.follow_source(slot, forward),
                Part::RelationKind(_) | Part::ActorKind(_) => {}
            }
        }
    }

    fn can_follow(&self, edit: &Edit) -> bool {
        edit.parts().iter().all(|part| match part {
            Part::Actor(Slot::Change { before, after, .. }) => before.id == after.id,
            Part::Source(Slot::Change { before, after, .. }) => before.id == after.id,
            _ => true,
        })
    }

    fn follow_actor(&mut self, slot: &Slot<Actor>, forward: bool) {
        let at = slot.at();
        match (slot.item(forward), slot.replaced(forward)) {
            (Some(actor), None) => {
                shift_up(self.actor_by_id.values_mut(), at);
                self.actor_by_id.insert(actor.id.clone(), at);
                if at <= self.relations_of_actor.len() {
                    self.relations_of_actor.insert(at, Vec::new());
                }
                let at = at as u32;
                for (a, b) in self.relation_ends.iter_mut().flatten() {
                    for end in [a, b] {
                        if *end >= at {
                            *end += 1;
                        }
                    }
                }
            }
            (None, Some(actor)) => {
                self.actor_by_id.remove(&actor.id);
                shift_down(self.actor_by_id.values_mut(), at);
                if at < self.relations_of_actor.len() {
                    self.relations_of_actor.remove(at);
                }
                let at = at as u32;
                for ends in &mut self.relation_ends {
                    if let Some((a, b)) = ends {
                        if *a == at || *b == at {
                            *ends = None;
                            continue;
                        }
                        for end in [a, b] {
                            if *end > at {
                                *end -= 1;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn follow_relation(&mut self, slot: &Slot<Relation>, forward: bool) {
        let at = slot.at();
        match (slot.item(forward), slot.replaced(forward)) {
            (Some(relation), None) => {
                for list in &mut self.relations_of_actor {
                    shift_up(list.iter_mut(), at);
                }
                let ends = self.ends(relation);
                self.relation_ends.insert(at.min(self.relation_ends.len()), ends);
                self.list_relation(at, ends);
                self.relation_facts.insert(at, relation);
            }
            (None, Some(_)) => {
                self.relation_facts.remove(at);
                if at < self.relation_ends.len() {
                    let ends = self.relation_ends.remove(at);
                    self.unlist_relation(at, ends);
                }
                for list in &mut self.relations_of_actor {
                    shift_down(list.iter_mut(), at);
                }
            }
            (Some(after), Some(before)) => {
                self.relation_facts.set(at, after);
                if (&after.from, &after.to) == (&before.from, &before.to) {
                    return;
                }
                let ends = self.ends(after);
                if let Some(slot) = self.relation_ends.get_mut(at) {
                    let old = std::mem::replace(slot, ends);
                    self.unlist_relation(at, old);
                    self.list_relation(at, ends);
                }
            }
            _ => {}
        }
    }

    fn follow_source(&mut self, slot: &Slot<Source>, forward: bool) {
        let at = slot.at();
        match (slot.item(forward), slot.replaced(forward)) {
            (Some(source), None) => {
                shift_up(self.source_by_id.values_mut(), at);
                self.source_by_id.insert(source.id.clone(), at);
            }
            (None, Some(source)) => {
                self.source_by_id.remove(&source.id);
                shift_down(self.source_by_id.values_mut(), at);
            }
            _ => {}
        }
    }

    fn ends(&self, relation: &Relation) -> Option<(u32, u32)> {
        let from = u32::try_from(self.actor(&relation.from)?).ok()?;
        let to = u32::try_from(self.actor(&relation.to)?).ok()?;
        Some((from, to))
    }

    /// Adds relation `at` to its actors' lists, keeping each in file order.
    fn list_relation(&mut self, at: usize, ends: Option<(u32, u32)>) {
        let Some((a, b)) = ends else { return };
        for actor in if a == b { vec![a] } else { vec![a, b] } {
            if let Some(list) = self.relations_of_actor.get_mut(actor as usize) {
                let place = list.partition_point(|&r| r < at);
                if list.get(place) != Some(&at) {
                    list.insert(place, at);
                }
            }
        }
    }

    fn unlist_relation(&mut self, at: usize, ends: Option<(u32, u32)>) {
        let Some((a, b)) = ends else { return };
        for actor in [a, b] {
            if let Some(list) = self.relations_of_actor.get_mut(actor as usize) {
                list.retain(|&r| r != at);
            }
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

    /// What drawing and filtering read of each relation.
    pub fn relation_facts(&self) -> &RelationFactTable {
        &self.relation_facts
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

    #[test]
    fn following_edits_both_ways_gives_the_lookups_built_afresh() {
        use crate::builtin::built_in_dataset;
        use crate::model::{Evidence, Source, editing};
        let mut dataset = std::sync::Arc::new(built_in_dataset());
        let mut index = DatasetIndex::new(&dataset);
        let mut dprk = actor("dprk");
        dprk.aliases.push("DPRK".into());
        type Make = Box<dyn Fn(&Dataset, &DatasetIndex) -> Option<editing::Proposed>>;
        let steps: Vec<Make> = vec![
            Box::new(move |d, i| editing::add_actor(d, i, dprk.clone()).ok()),
            Box::new(|d, i| editing::add_relation(d, i, relation("x1", "dprk", "russia"), None).ok()),
            Box::new(|d, i| editing::add_relation(d, i, relation("x2", "china", "dprk"), None).ok()),
            Box::new(|d, i| editing::merge_actors(d, i, i.actor("north_korea")?, i.actor("dprk")?)),
            Box::new(|d, i| editing::delete_actor(d, i, i.actor("russia")?)),
            Box::new(|d, i| editing::delete_relation(d, i, 3)),
            Box::new(|d, i| editing::add_source(d, i, Source::new("notes", "Notes")).ok()),
            Box::new(|d, i| {
                let mut cited = d.relations.get(5)?.clone();
                cited.evidence.push(Evidence::quoting("notes", "a quote"));
                editing::change_relation(d, i, 5, cited, None, "Edit").ok()
            }),
            Box::new(|d, i| editing::delete_source(d, i, 0).ok()),
            Box::new(|d, i| editing::delete_actor(d, i, 0)),
        ];
        let mut taken = Vec::new();
        for make in &steps {
            let Some(proposed) = make(&dataset, &index) else {
                continue;
            };
            proposed.edit.apply(&mut dataset, true);
            index.follow(&dataset, &proposed.edit, true);
            assert_eq!(index, DatasetIndex::new(&dataset), "after {}", proposed.label);
            taken.push(proposed);
        }
        assert!(taken.len() >= 8, "only {} of the edits were taken", taken.len());
        for proposed in taken.iter().rev() {
            proposed.edit.apply(&mut dataset, false);
            index.follow(&dataset, &proposed.edit, false);
            assert_eq!(index, DatasetIndex::new(&dataset), "after undoing {}", proposed.label);
        }
    }
}
