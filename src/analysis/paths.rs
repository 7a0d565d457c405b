//! How one actor is connected to another: the k shortest paths through the relations that
//! count, each hop with the relations that make it and the best-graded statement for it.

use pathfinding::directed::yen::yen;

use super::{CountedGraph, Grade};
use crate::model::{Dataset, DatasetIndex, EvidenceAt, EvidenceFilter, QuoteChecks};

/// What to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathQuery {
    pub from: usize,
    pub to: usize,
    /// How many paths, shortest first.
    pub k: usize,
    /// Only along relations' direction (a mutual relation goes both ways).
    pub follow_direction: bool,
    /// An actor no path may pass through.
    pub avoid: Option<usize>,
}

impl PathQuery {
    pub const DEFAULT_K: usize = 5;

    pub fn between(from: usize, to: usize) -> Self {
        Self {
            from,
            to,
            k: Self::DEFAULT_K,
            follow_direction: false,
            avoid: None,
        }
    }
}

/// One step of a path, with why we believe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hop {
    pub from: usize,
    pub to: usize,
    /// Every counted relation that makes this step, by position in the dataset.
    pub relations: Vec<usize>,
    /// The best-graded statement among those that count for these relations, if any.
    pub best: Option<EvidenceAt>,
    /// Its grade; `None` when the hop has no statement that counts.
    pub grade: Option<Grade>,
}

/// A path from the query's first actor to its second.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundPath {
    /// The actors along it, first to last.
    pub actors: Vec<usize>,
    pub hops: Vec<Hop>,
    /// The hop whose best statement is graded lowest, or the first with none.
    pub weakest: Option<usize>,
}

impl FoundPath {
    /// The relations along the path, for highlighting.
    pub fn relations(&self) -> impl Iterator<Item = usize> + '_ {
        self.hops.iter().flat_map(|h| h.relations.iter().copied())
    }
}

/// What is needed to pick the best statement for a hop.
pub struct Trust<'a> {
    pub dataset: &'a Dataset,
    pub index: &'a DatasetIndex,
    pub filter: &'a EvidenceFilter,
    /// Each quote checked against its source's text.
    pub quotes: &'a QuoteChecks,
}

/// The `query.k` shortest paths (fewest hops; no actor twice), shortest first. Empty when the
/// two are not connected, or are the same actor, or either is avoided.
pub fn find_paths(graph: &CountedGraph, query: &PathQuery, trust: &Trust<'_>) -> Vec<FoundPath> {
    let n = graph.actor_count();
    let avoided = |a: usize| query.avoid == Some(a);
    if query.from >= n || query.to >= n || query.from == query.to || avoided(query.from) || avoided(query.to) {
        return Vec::new();
    }
    let successors = |&a: &usize| {
        let mut next: Vec<usize> = graph
            .steps_from(a, query.follow_direction)
            .map(|s| s.to as usize)
            .filter(|&b| !avoided(b))
            .collect();
        next.sort_unstable();
        next.dedup();
        next.into_iter().map(|b| (b, 1u32))
    };
    yen(&query.from, successors, |&a| a == query.to, query.k)
        .into_iter()
        .map(|(actors, _)| describe(graph, actors, query.follow_direction, trust))
        .collect()
}

fn describe(graph: &CountedGraph, actors: Vec<usize>, follow_direction: bool, trust: &Trust<'_>) -> FoundPath {
    let hops: Vec<Hop> = actors
        .windows(2)
        .map(|pair| {
            let relations = graph.relations_between(pair[0], pair[1], follow_direction);
            let (best, grade) = best_statement(&relations, trust).unzip();
            Hop {
                from: pair[0],
                to: pair[1],
                relations,
                best,
                grade,
            }
        })
        .collect();
    let weakest = weakest_hop(&hops);
    FoundPath { actors, hops, weakest }
}

/// The first hop with no statement that counts; else the first of those graded lowest, unless
/// every hop is graded the same, or there is one hop (then none is weaker than the others).
fn weakest_hop(hops: &[Hop]) -> Option<usize> {
    let missing = hops.iter().filter(|h| h.grade.is_none()).count();
    if hops.len() < 2 || missing == hops.len() {
        // One hop, or none with evidence: none is weaker than the rest.
        return None;
    }
    if let Some(missing) = hops.iter().position(|h| h.grade.is_none()) {
        return Some(missing);
    }
    let grades = || hops.iter().filter_map(|h| h.grade);
    let worst = grades().max_by(Grade::best_first)?;
    let best = grades().min_by(Grade::best_first)?;
    if Grade::best_first(&worst, &best).is_eq() {
        return None;
    }
    hops.iter()
        .position(|h| h.grade.is_some_and(|g| Grade::best_first(&g, &worst).is_eq()))
}

/// The best-graded statement that counts, over all the given relations.
fn best_statement(relations: &[usize], trust: &Trust<'_>) -> Option<(EvidenceAt, Grade)> {
    let mut best: Option<(EvidenceAt, Grade)> = None;
    for &r in relations {
        let Some(relation) = trust.dataset.relations.get(r) else {
            continue;
        };
        for (e, evidence) in relation.evidence.iter().enumerate() {
            let check = trust.quotes.get(r, e);
            if trust.filter.is_active() && !trust.filter.item_passes(evidence, check, trust.dataset, trust.index) {
                continue;
            }
            let grade = Grade::of(evidence, trust.dataset, trust.index);
            if best.as_ref().is_none_or(|(_, b)| grade.beats(*b)) {
                best = Some((
                    EvidenceAt {
                        relation: r,
                        evidence: e,
                    },
                    grade,
                ));
            }
        }
    }
    best
}
