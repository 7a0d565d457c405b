//! What the graph shows: relation and actor kinds the user hid in the legend, and the
//! neighbourhood of a focused actor.

use std::collections::{BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use super::comparison::{Change, compare};
use super::{Dataset, DatasetIndex, EvidenceFilter, TimeWindow};

/// The legend's check boxes: kinds the user chose to hide. Saved between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KindFilter {
    pub hidden_relation_kinds: BTreeSet<String>,
    /// Actor kind ids. Saved under a new name since kinds became ids: an older saved set of
    /// built-in kinds is not read, rather than the whole saved state failing to.
    #[serde(rename = "hidden_actor_kind_ids")]
    pub hidden_actor_kinds: BTreeSet<String>,
    /// Source ids: a relation is hidden when every evidence item it has cites one of these.
    pub hidden_sources: BTreeSet<String>,
    /// Hide the relations that carry no evidence at all.
    pub hide_unsourced: bool,
}

impl KindFilter {
    pub fn relation_kind_shown(&self, kind: &str) -> bool {
        !self.hidden_relation_kinds.contains(kind)
    }

    pub fn actor_kind_shown(&self, kind: &str) -> bool {
        !self.hidden_actor_kinds.contains(kind)
    }

    pub fn show_relation_kind(&mut self, kind: String, shown: bool) {
        if shown {
            self.hidden_relation_kinds.remove(&kind);
        } else {
            self.hidden_relation_kinds.insert(kind);
        }
    }

    /// Some source is hidden: only then does the filter need a relation's evidence.
    pub fn has_hidden_sources(&self) -> bool {
        !self.hidden_sources.is_empty()
    }

    /// Whether a relation passes the source filter: some evidence item cites a shown source
    /// (or it has none, and those are shown).
    pub fn sources_shown(&self, relation: &super::Relation) -> bool {
        if relation.evidence.is_empty() {
            return !self.hide_unsourced;
        }
        self.hidden_sources.is_empty()
            || relation
                .evidence
                .iter()
                .any(|e| !self.hidden_sources.contains(&e.source))
    }

    /// `source` `None` stands for the relations with no evidence.
    pub fn show_source(&mut self, source: Option<String>, shown: bool) {
        match source {
            None => self.hide_unsourced = !shown,
            Some(id) if shown => {
                self.hidden_sources.remove(&id);
            }
            Some(id) => {
                self.hidden_sources.insert(id);
            }
        }
    }

    /// True when anything at all is hidden.
    pub fn hides_anything(&self) -> bool {
        !self.hidden_relation_kinds.is_empty()
            || !self.hidden_actor_kinds.is_empty()
            || !self.hidden_sources.is_empty()
            || self.hide_unsourced
    }

    pub fn show_actor_kind(&mut self, kind: String, shown: bool) {
        if shown {
            self.hidden_actor_kinds.remove(&kind);
        } else {
            self.hidden_actor_kinds.insert(kind);
        }
    }
}

/// Show only what is within `depth` relations of one actor: the relations that lead out
/// from it, and with `among_neighbours` also those between the actors it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    pub actor: usize,
    pub depth: u8,
    pub among_neighbours: bool,
}

/// Whether what lies outside the focus is faded or left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutsideFocus {
    #[default]
    Dim,
    Hide,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Normal,
    Dimmed,
}

/// Everything that decides what the graph shows.
#[derive(Debug, Clone, Copy)]
pub struct ViewQuery<'a> {
    pub filter: &'a KindFilter,
    /// How far a relation's evidence must be trusted for it to show.
    pub evidence: &'a EvidenceFilter,
    pub focus: Option<Focus>,
    pub outside_focus: OutsideFocus,
    pub time: Option<TimeWindow>,
}

impl<'a> ViewQuery<'a> {
    /// Everything the legend's filter lets through, with no focus and no time window.
    pub fn all(filter: &'a KindFilter) -> Self {
        static TRUST_ALL: EvidenceFilter = EvidenceFilter {
            min_reliability: None,
            min_credibility: None,
            min_items: 0,
            min_sources: 0,
            excluded_sources: BTreeSet::new(),
            ungraded: super::Ungraded::Passes,
            quotes: super::QuoteFilter::Any,
        };
        Self {
            filter,
            evidence: &TRUST_ALL,
            focus: None,
            outside_focus: OutsideFocus::Dim,
            time: None,
        }
    }
}

/// For every actor and relation: `None` when hidden, else how strongly to draw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visibility {
    pub actors: Vec<Option<Emphasis>>,
    pub relations: Vec<Option<Emphasis>>,
    /// When comparing two years: how each relation changed between them; else empty.
    pub changes: Vec<Option<Change>>,
    /// How many relations the evidence filter does not trust (whatever else hides them).
    pub untrusted: usize,
}

impl Visibility {
    pub fn compute(dataset: &Dataset, index: &DatasetIndex, query: &ViewQuery<'_>) -> Self {
        let mut visibility = Self::by_kind_and_focus(dataset, index, query);
        match query.time {
            Some(window) if window.compare => visibility.changes = compare(&mut visibility, dataset, index, &window),
            Some(window) => window.apply(&mut visibility, dataset, index),
            None => {}
        }
        visibility
    }

    /// A relation is not drawn without both of its actors.
    pub fn drop_relations_without_both_actors(&mut self, index: &DatasetIndex) {
        for (r, emphasis) in self.relations.iter_mut().enumerate() {
            let shown = |a: usize| self.actors.get(a).copied().flatten().is_some();
            if !index.ends_of(r).is_some_and(|(a, b)| shown(a) && shown(b)) {
                *emphasis = None;
            }
        }
    }

    fn by_kind_and_focus(dataset: &Dataset, index: &DatasetIndex, query: &ViewQuery<'_>) -> Self {
        let (filter, focus, outside) = (query.filter, query.focus, query.outside_focus);
        let trusted = query
            .evidence
            .is_active()
            .then(|| query.evidence.passing(dataset, index));
        let actor_shown: Vec<bool> = dataset
            .actors
            .iter()
            .map(|a| filter.actor_kind_shown(&a.kind))
            .collect();
        let ends = |r: usize| index.ends_of(r);
        let facts = index.relation_facts();
        let kinds_shown: Vec<bool> = (0..facts.kind_count() as u32)
            .map(|k| filter.relation_kind_shown(facts.kind_name(k)))
            .collect();
        let relation_shown: Vec<bool> = (0..dataset.relations.len())
            .map(|r| {
                // The relation's own record is read only when the filter asks about its sources.
                let kind_shown = facts.get(r).is_some_and(|f| {
                    kinds_shown.get(f.kind as usize).copied().unwrap_or(true)
                        && match (f.evidence, filter.has_hidden_sources()) {
                            (0, _) => !filter.hide_unsourced,
                            (_, false) => true,
                            (_, true) => dataset.relations.get(r).is_some_and(|rel| filter.sources_shown(rel)),
                        }
                });
                let ends_shown = ends(r).is_some_and(|(a, b)| {
                    actor_shown.get(a).copied().unwrap_or(false) && actor_shown.get(b).copied().unwrap_or(false)
                });
                let trusted = trusted.as_ref().is_none_or(|t| t.get(r).copied().unwrap_or(false));
                kind_shown && ends_shown && trusted
            })
            .collect();

        let steps = focus
            .filter(|f| actor_shown.get(f.actor).copied().unwrap_or(false))
            .map(|f| (f, neighbourhood(index, dataset.actors.len(), f, &relation_shown, ends)));
        let in_focus: Option<Vec<bool>> = steps
            .as_ref()
            .map(|(_, steps)| steps.iter().map(Option::is_some).collect());
        let emphasis = |shown: bool, focused: Option<bool>| match (shown, focused) {
            (false, _) => None,
            (true, None | Some(true)) => Some(Emphasis::Normal),
            (true, Some(false)) => match outside {
                OutsideFocus::Dim => Some(Emphasis::Dimmed),
                OutsideFocus::Hide => None,
            },
        };
        let actors = actor_shown
            .iter()
            .enumerate()
            .map(|(a, &shown)| emphasis(shown, in_focus.as_ref().map(|set| set.get(a).copied().unwrap_or(false))))
            .collect();
        let relations = relation_shown
            .iter()
            .enumerate()
            .map(|(r, &shown)| {
                let focused = steps.as_ref().map(|(focus, steps)| {
                    ends(r).is_some_and(|(a, b)| {
                        let step = |x: usize| steps.get(x).copied().flatten();
                        match (step(a), step(b)) {
                            (Some(_), Some(_)) if focus.among_neighbours => true,
                            // Only relations that lead one step further out from the actor.
                            (Some(x), Some(y)) => x.abs_diff(y) == 1,
                            _ => false,
                        }
                    })
                });
                emphasis(shown, focused)
            })
            .collect();
        Self {
            actors,
            relations,
            changes: Vec::new(),
            untrusted: trusted.as_ref().map_or(0, |t| t.iter().filter(|p| !**p).count()),
        }
    }

    pub fn actor(&self, actor: usize) -> Option<Emphasis> {
        self.actors.get(actor).copied().flatten()
    }

    pub fn relation(&self, relation: usize) -> Option<Emphasis> {
        self.relations.get(relation).copied().flatten()
    }
}

/// For each actor, how many steps it is from `focus.actor` over shown relations, when
/// within `focus.depth`.
fn neighbourhood(
    index: &DatasetIndex,
    actor_count: usize,
    focus: Focus,
    relation_shown: &[bool],
    ends: impl Fn(usize) -> Option<(usize, usize)>,
) -> Vec<Option<u8>> {
    let mut reached = vec![None; actor_count];
    let mut queue = VecDeque::from([(focus.actor, 0u8)]);
    if let Some(r) = reached.get_mut(focus.actor) {
        *r = Some(0);
    }
    while let Some((actor, depth)) = queue.pop_front() {
        if depth >= focus.depth {
            continue;
        }
        for &relation in index.relations_of(actor) {
            if !relation_shown.get(relation).copied().unwrap_or(false) {
                continue;
            }
            let Some((a, b)) = ends(relation) else { continue };
            let other = if a == actor { b } else { a };
            if let Some(r) = reached.get_mut(other)
                && r.is_none()
            {
                *r = Some(depth + 1);
                queue.push_back((other, depth + 1));
            }
        }
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_text;

    /// a - b - c - d, with a treaty between a and b and arms from b to c, c to d;
    /// e is an armed group linked to a.
    fn dataset() -> Dataset {
        let text = r#"{"format": "entente-dataset", "version": 1, "title": "chain",
          "sources": [{"id": "s", "title": "S"}],
          "actors": [
            {"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"},
            {"id": "c", "name": "C", "kind": "state"}, {"id": "d", "name": "D", "kind": "state"},
            {"id": "e", "name": "E", "kind": "non_state_armed_group"}],
          "relations": [
            {"id": "ab", "kind": "treaty", "from": "a", "to": "b", "evidence": [{"source": "s", "quote": "q"}]},
            {"id": "bc", "kind": "arms_supply", "from": "b", "to": "c", "evidence": [{"source": "s", "quote": "q"}]},
            {"id": "cd", "kind": "arms_supply", "from": "c", "to": "d", "evidence": [{"source": "s", "quote": "q"}]},
            {"id": "ea", "kind": "arms_supply", "from": "e", "to": "a", "evidence": [{"source": "s", "quote": "q"}]}]}"#;
        load_text(text, "chain")
            .dataset
            .unwrap_or_else(|| panic!("fixture must load"))
    }

    fn focused(filter: &KindFilter, actor: usize, depth: u8, outside: OutsideFocus) -> ViewQuery<'_> {
        ViewQuery {
            focus: Some(Focus {
                actor,
                depth,
                among_neighbours: true,
            }),
            outside_focus: outside,
            ..ViewQuery::all(filter)
        }
    }

    fn shown(v: &[Option<Emphasis>]) -> Vec<bool> {
        v.iter().map(|e| *e == Some(Emphasis::Normal)).collect()
    }

    #[test]
    fn hiding_a_relation_kind_hides_its_edges_only() {
        let d = dataset();
        let index = DatasetIndex::new(&d);
        let mut filter = KindFilter::default();
        filter.hidden_relation_kinds.insert("arms_supply".into());
        let v = Visibility::compute(&d, &index, &ViewQuery::all(&filter));
        assert_eq!(shown(&v.relations), [true, false, false, false]);
        assert_eq!(shown(&v.actors), [true; 5]);
    }

    #[test]
    fn hiding_an_actor_kind_hides_its_actors_and_their_relations() {
        let d = dataset();
        let index = DatasetIndex::new(&d);
        let mut filter = KindFilter::default();
        filter
            .hidden_actor_kinds
            .insert(crate::model::ActorKind::NonStateArmedGroup.into());
        let v = Visibility::compute(&d, &index, &ViewQuery::all(&filter));
        assert_eq!(v.actor(4), None);
        assert_eq!(v.relation(3), None);
        assert_eq!(v.relation(0), Some(Emphasis::Normal));
    }

    #[test]
    fn focus_keeps_the_neighbourhood_and_dims_or_hides_the_rest() {
        let d = dataset();
        let index = DatasetIndex::new(&d);
        let filter = KindFilter::default();
        let one = Visibility::compute(&d, &index, &focused(&filter, 1, 1, OutsideFocus::Dim));
        assert_eq!(shown(&one.actors), [true, true, true, false, false]);
        assert_eq!(one.actor(3), Some(Emphasis::Dimmed));
        assert_eq!(shown(&one.relations), [true, true, false, false]);

        let two = Visibility::compute(&d, &index, &focused(&filter, 1, 2, OutsideFocus::Hide));
        assert_eq!(shown(&two.actors), [true, true, true, true, true]);
        let hidden = Visibility::compute(&d, &index, &focused(&filter, 3, 1, OutsideFocus::Hide));
        assert_eq!(
            hidden.actors,
            [None, None, Some(Emphasis::Normal), Some(Emphasis::Normal), None]
        );
    }
}

#[cfg(test)]
mod focus_tests {
    use super::*;
    use crate::io::load_text;

    /// A hub with three spokes, the spokes linked in a ring among themselves.
    fn star() -> Dataset {
        let text = r#"{"format": "entente-dataset", "version": 1, "title": "star",
          "actors": [
            {"id": "h", "name": "Hub", "kind": "state"}, {"id": "a", "name": "A", "kind": "state"},
            {"id": "b", "name": "B", "kind": "state"}, {"id": "c", "name": "C", "kind": "state"}],
          "relations": [
            {"id": "ha", "kind": "treaty", "from": "h", "to": "a"},
            {"id": "hb", "kind": "treaty", "from": "h", "to": "b"},
            {"id": "hc", "kind": "treaty", "from": "h", "to": "c"},
            {"id": "ab", "kind": "treaty", "from": "a", "to": "b"},
            {"id": "bc", "kind": "treaty", "from": "b", "to": "c"}]}"#;
        load_text(text, "star")
            .dataset
            .unwrap_or_else(|| panic!("fixture must load"))
    }

    #[test]
    fn focus_shows_the_actors_own_relations_and_on_request_those_among_its_neighbours() {
        let d = star();
        let index = DatasetIndex::new(&d);
        let filter = KindFilter::default();
        let query = |among_neighbours| ViewQuery {
            focus: Some(Focus {
                actor: 0,
                depth: 1,
                among_neighbours,
            }),
            ..ViewQuery::all(&filter)
        };
        let own = Visibility::compute(&d, &index, &query(false));
        let normal = |v: &Visibility| {
            (0..5)
                .map(|r| v.relation(r) == Some(Emphasis::Normal))
                .collect::<Vec<_>>()
        };
        assert_eq!(normal(&own), [true, true, true, false, false]);
        assert!((0..4).all(|a| own.actor(a) == Some(Emphasis::Normal)));
        let among = Visibility::compute(&d, &index, &query(true));
        assert_eq!(normal(&among), [true; 5]);
    }
}
