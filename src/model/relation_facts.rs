//! What drawing and filtering read of every relation, kept side by side in a few bytes each:
//! its kind as a number, how much evidence it has, its direction, whether the file gives it a
//! colour or thickness. Walking 500,000 relations' own records (hundreds of bytes apart, the
//! kind's text elsewhere again) was most of the frame that puts a big file on screen.

use rustc_hash::FxHashMap;

use super::{Direction, Relation};

/// One relation's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationFacts {
    /// The kind, numbered in `RelationFactTable::kind_name`.
    pub kind: u32,
    /// Evidence items, up to `u16::MAX`.
    pub evidence: u16,
    pub directed: bool,
    /// The file gives the relation a colour of its own.
    pub coloured: bool,
    /// The file gives the relation a thickness of its own.
    pub thick: bool,
}

/// Every relation's facts, in the dataset's order.
#[derive(Debug, Clone, Default)]
pub struct RelationFactTable {
    facts: Vec<RelationFacts>,
    /// Kind names by number, in the order first met; a kind no longer used keeps its number.
    kinds: Vec<String>,
    kind_numbers: FxHashMap<String, u32>,
}

impl RelationFactTable {
    pub fn of(relations: &[Relation]) -> Self {
        let mut table = Self {
            facts: Vec::with_capacity(relations.len()),
            ..Self::default()
        };
        for relation in relations {
            let facts = table.facts_of(relation);
            table.facts.push(facts);
        }
        table
    }

    /// The facts of relation `relation`.
    pub fn get(&self, relation: usize) -> Option<RelationFacts> {
        self.facts.get(relation).copied()
    }

    pub fn all(&self) -> &[RelationFacts] {
        &self.facts
    }

    /// The kind numbered `kind`.
    pub fn kind_name(&self, kind: u32) -> &str {
        self.kinds.get(kind as usize).map_or("", String::as_str)
    }

    /// How many kind numbers there are (some perhaps no longer used).
    pub fn kind_count(&self) -> usize {
        self.kinds.len()
    }

    /// A relation put in at `at`.
    pub fn insert(&mut self, at: usize, relation: &Relation) {
        let facts = self.facts_of(relation);
        self.facts.insert(at.min(self.facts.len()), facts);
    }

    /// The relation at `at` taken out.
    pub fn remove(&mut self, at: usize) {
        if at < self.facts.len() {
            self.facts.remove(at);
        }
    }

    /// The relation at `at` changed.
    pub fn set(&mut self, at: usize, relation: &Relation) {
        let facts = self.facts_of(relation);
        if let Some(slot) = self.facts.get_mut(at) {
            *slot = facts;
        }
    }

    fn facts_of(&mut self, relation: &Relation) -> RelationFacts {
        RelationFacts {
            kind: self.kind_number(&relation.kind),
            evidence: u16::try_from(relation.evidence.len()).unwrap_or(u16::MAX),
            directed: relation.direction == Direction::Directed,
            coloured: relation.appearance.colour.is_some(),
            thick: relation.appearance.thickness.is_some(),
        }
    }

    fn kind_number(&mut self, kind: &str) -> u32 {
        if let Some(&number) = self.kind_numbers.get(kind) {
            return number;
        }
        let number = u32::try_from(self.kinds.len()).unwrap_or(u32::MAX);
        self.kinds.push(kind.to_owned());
        self.kind_numbers.insert(kind.to_owned(), number);
        number
    }
}

/// Two tables are equal when they say the same of every relation, whatever numbers their
/// kinds were given (a table that followed edits numbers them in the order it met them).
impl PartialEq for RelationFactTable {
    fn eq(&self, other: &Self) -> bool {
        self.facts.len() == other.facts.len()
            && self.facts.iter().zip(&other.facts).all(|(a, b)| {
                let same_kind = self.kind_name(a.kind) == other.kind_name(b.kind);
                same_kind && RelationFacts { kind: 0, ..*a } == RelationFacts { kind: 0, ..*b }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_numbered_once_and_edits_keep_each_relation_s_facts() {
        let mut treaty = Relation::new("r1", "treaty", "a", "b");
        treaty.evidence.push(crate::model::Evidence::quoting("s", "q"));
        let mut arms = Relation::new("r2", "arms_supply", "b", "c");
        arms.direction = Direction::Mutual;
        arms.appearance.colour = Some("#ff0000".into());
        let relations = vec![treaty.clone(), arms.clone(), Relation::new("r3", "treaty", "c", "a")];
        let mut table = RelationFactTable::of(&relations);
        assert_eq!(table.kind_count(), 2);
        let facts: Vec<_> = table
            .all()
            .iter()
            .map(|f| (table.kind_name(f.kind), f.evidence, f.directed, f.coloured))
            .collect();
        assert_eq!(
            facts,
            [
                ("treaty", 1, true, false),
                ("arms_supply", 0, false, true),
                ("treaty", 0, true, false)
            ]
        );

        // Following edits gives what building afresh gives, though the numbers differ.
        let mut edited = vec![Relation::new("r0", "war", "a", "c"), arms.clone()];
        edited[1].kind = "treaty".into();
        table.remove(0);
        table.remove(1);
        table.insert(0, &edited[0]);
        table.set(1, &edited[1]);
        assert_eq!(table, RelationFactTable::of(&edited));
        assert_ne!(table, RelationFactTable::of(&relations));
    }
}
