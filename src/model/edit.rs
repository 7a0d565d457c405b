//! One change to the dataset, with what it replaced, so that it can be taken back: a list of
//! items put into, taken out of or changed in the dataset's lists, or (for another dataset
//! added to this one) the dataset replaced whole.

use std::sync::Arc;

use super::{Actor, ActorKindDecl, Dataset, Relation, RelationKindDecl, Source};

/// One item of one of the dataset's lists, put in, taken out or changed at a position.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot<T> {
    Insert { at: usize, item: T },
    Remove { at: usize, item: T },
    Change { at: usize, before: T, after: T },
}

impl<T: Clone> Slot<T> {
    fn apply(&self, items: &mut Vec<T>, forward: bool) {
        match (self, forward) {
            (Self::Insert { at, item }, true) | (Self::Remove { at, item }, false) => {
                items.insert((*at).min(items.len()), item.clone());
            }
            (Self::Insert { at, .. }, false) | (Self::Remove { at, .. }, true) => {
                if *at < items.len() {
                    items.remove(*at);
                }
            }
            (Self::Change { at, before, after }, forward) => {
                if let Some(slot) = items.get_mut(*at) {
                    *slot = if forward { after } else { before }.clone();
                }
            }
        }
    }

    /// True when items after this one move (one was put in or taken out).
    fn shifts(&self) -> bool {
        !matches!(self, Self::Change { .. })
    }

    /// The item as it is once the change is made (forward) or taken back.
    pub fn item(&self, forward: bool) -> Option<&T> {
        match (self, forward) {
            (Self::Insert { item, .. }, true) | (Self::Remove { item, .. }, false) => Some(item),
            (Self::Insert { .. }, false) | (Self::Remove { .. }, true) => None,
            (Self::Change { before, after, .. }, forward) => Some(if forward { after } else { before }),
        }
    }

    /// The item as it was before the change was made (forward) or taken back.
    pub fn replaced(&self, forward: bool) -> Option<&T> {
        self.item(!forward)
    }

    pub fn at(&self) -> usize {
        match self {
            Self::Insert { at, .. } | Self::Remove { at, .. } | Self::Change { at, .. } => *at,
        }
    }
}

/// A change to one of the dataset's lists.
// A step holds a few parts, made once by hand: boxing the larger ones would save nothing worth
// an allocation each.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Actor(Slot<Actor>),
    Relation(Slot<Relation>),
    Source(Slot<Source>),
    RelationKind(Slot<RelationKindDecl>),
    ActorKind(Slot<ActorKindDecl>),
}

impl Part {
    fn apply(&self, dataset: &mut Dataset, forward: bool) {
        match self {
            Self::Actor(slot) => slot.apply(&mut dataset.actors, forward),
            Self::Relation(slot) => slot.apply(&mut dataset.relations, forward),
            Self::Source(slot) => slot.apply(&mut dataset.sources, forward),
            Self::RelationKind(slot) => slot.apply(&mut dataset.relation_kinds, forward),
            Self::ActorKind(slot) => slot.apply(&mut dataset.actor_kinds, forward),
        }
    }
}

/// One change to the dataset, as the user made it: one step of the undo history.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Items put in, taken out or changed, in order (taken back in the reverse order).
    Parts(Vec<Part>),
    /// The dataset replaced as a whole (another dataset added to it). Both are shared, not
    /// copied: a step costs two pointers.
    Replace { before: Arc<Dataset>, after: Arc<Dataset> },
}

impl Edit {
    /// Makes the change (`forward`) or takes it back, on `dataset`: in place (copying it first
    /// only if another thread holds it), or by swapping it for a replacement.
    pub fn apply(&self, dataset: &mut Arc<Dataset>, forward: bool) {
        match self {
            Self::Parts(_) => {
                let dataset = Arc::make_mut(dataset);
                self.parts_in_order(forward)
                    .for_each(|part| part.apply(dataset, forward));
            }
            Self::Replace { before, after } => {
                *dataset = Arc::clone(if forward { after } else { before });
            }
        }
    }

    /// The parts in the order they take effect: as listed when the edit is made, the other way
    /// round when it is taken back.
    pub fn parts_in_order(&self, forward: bool) -> Box<dyn Iterator<Item = &Part> + '_> {
        if forward {
            Box::new(self.parts().iter())
        } else {
            Box::new(self.parts().iter().rev())
        }
    }

    /// True when taking the step or taking it back replaces the whole dataset, and what is
    /// worked out from it must be worked out again.
    pub fn replaces_dataset(&self) -> bool {
        matches!(self, Self::Replace { .. })
    }

    /// The changes to the dataset's lists (none for a replacement).
    pub fn parts(&self) -> &[Part] {
        match self {
            Self::Parts(parts) => parts,
            Self::Replace { .. } => &[],
        }
    }

    /// True when an actor, relation or source is put in or taken out (so that the items
    /// after it move), or a relation is moved to other actors: the graph's shape changes.
    pub fn moves_items(&self) -> bool {
        self.replaces_dataset()
            || self.parts().iter().any(|part| match part {
                Part::Actor(slot) => slot.shifts(),
                Part::Relation(Slot::Change { before, after, .. }) => {
                    (&before.from, &before.to) != (&after.from, &after.to)
                }
                Part::Relation(slot) => slot.shifts(),
                Part::Source(slot) => slot.shifts(),
                Part::RelationKind(_) | Part::ActorKind(_) => false,
            })
    }

    /// True when a declared kind is added, changed or removed (the legend's looks change).
    pub fn changes_kinds(&self) -> bool {
        self.parts()
            .iter()
            .any(|part| matches!(part, Part::RelationKind(_) | Part::ActorKind(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Arc<Dataset> {
        let mut dataset = Dataset::new("t");
        dataset.actors = ["a", "b", "c"]
            .map(|id| Actor::new(id, id.to_uppercase(), "state"))
            .to_vec();
        dataset.relations = vec![
            Relation::new("r1", "treaty", "a", "b"),
            Relation::new("r2", "treaty", "b", "c"),
        ];
        Arc::new(dataset)
    }

    #[test]
    fn parts_are_taken_back_in_reverse_order_and_give_back_the_dataset_exactly() {
        let opened = dataset();
        let mut edited = Arc::clone(&opened);
        // Delete actor b: its two relations first (highest position first), then b itself.
        let edit = Edit::Parts(vec![
            Part::Relation(Slot::Remove {
                at: 1,
                item: opened.relations[1].clone(),
            }),
            Part::Relation(Slot::Remove {
                at: 0,
                item: opened.relations[0].clone(),
            }),
            Part::Actor(Slot::Remove {
                at: 1,
                item: opened.actors[1].clone(),
            }),
        ]);
        edit.apply(&mut edited, true);
        assert_eq!(
            edited.actors.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["a", "c"]
        );
        assert!(edited.relations.is_empty());
        assert!(
            !Arc::ptr_eq(&edited, &opened),
            "the dataset opened is not changed under its holder"
        );
        edit.apply(&mut edited, false);
        assert_eq!(*edited, *opened);
        assert!(edit.moves_items());
    }

    #[test]
    fn a_change_swaps_the_item_both_ways_and_moves_nothing() {
        let opened = dataset();
        let mut renamed = opened.actors[0].clone();
        renamed.name = "Alpha".into();
        let edit = Edit::Parts(vec![Part::Actor(Slot::Change {
            at: 0,
            before: opened.actors[0].clone(),
            after: renamed,
        })]);
        let mut dataset = Arc::clone(&opened);
        edit.apply(&mut dataset, true);
        assert_eq!(dataset.actors[0].name, "Alpha");
        edit.apply(&mut dataset, false);
        assert_eq!(*dataset, *opened);
        assert!(!edit.moves_items());
    }
}
