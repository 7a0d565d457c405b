//! What the selected or hovered actor brings forward: itself, its relations on screen and
//! the actors at their other ends. Everything else fades, so one actor's links can be read
//! in a crowded picture.

use std::collections::HashSet;

use crate::model::DatasetIndex;

/// The actor or relation a spotlight is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Actor(usize),
    Relation(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spotlight {
    pub subject: Subject,
    actors: HashSet<usize>,
    relations: HashSet<usize>,
}

impl Spotlight {
    /// The spotlight on `subject`, counting only the relations `drawn` says are on screen.
    pub fn on(subject: Subject, index: &DatasetIndex, drawn: impl Fn(usize) -> bool) -> Self {
        let mut actors = HashSet::new();
        let mut relations = HashSet::new();
        match subject {
            Subject::Actor(actor) => {
                actors.insert(actor);
                for &relation in index.relations_of(actor) {
                    if !drawn(relation) {
                        continue;
                    }
                    relations.insert(relation);
                    if let Some((a, b)) = index.ends_of(relation) {
                        actors.insert(if a == actor { b } else { a });
                    }
                }
            }
            Subject::Relation(relation) => {
                relations.insert(relation);
                if let Some((a, b)) = index.ends_of(relation) {
                    actors.extend([a, b]);
                }
            }
        }
        Self {
            subject,
            actors,
            relations,
        }
    }

    pub fn has_actor(&self, actor: usize) -> bool {
        self.actors.contains(&actor)
    }

    pub fn has_relation(&self, relation: usize) -> bool {
        self.relations.contains(&relation)
    }

    /// The relations brought forward, in no particular order.
    pub fn relations(&self) -> impl Iterator<Item = usize> + '_ {
        self.relations.iter().copied()
    }

    /// The actors brought forward, in no particular order.
    pub fn actors(&self) -> impl Iterator<Item = usize> + '_ {
        self.actors.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;

    #[test]
    fn an_actor_brings_forward_its_own_relations_and_their_other_ends_only() {
        let dataset = built_in_dataset();
        let index = DatasetIndex::new(&dataset);
        let north_korea = index.actor("north_korea").unwrap_or(usize::MAX);
        let spotlight = Spotlight::on(Subject::Actor(north_korea), &index, |_| true);
        for (r, relation) in dataset.relations.iter().enumerate() {
            let own = relation.from == "north_korea" || relation.to == "north_korea";
            assert_eq!(spotlight.has_relation(r), own, "{}", relation.id);
        }
        let russia = index.actor("russia").unwrap_or(usize::MAX);
        assert!(spotlight.has_actor(russia));
        let hidden = Spotlight::on(Subject::Actor(north_korea), &index, |_| false);
        assert_eq!(hidden.actors().count(), 1, "hidden relations bring nobody forward");
    }
}
