//! The graph the questions are asked of: the actors, and the relations that count (those the
//! kind, time and evidence filters let through), as steps from one actor to another.

use rustworkx_core::petgraph::EdgeType;
use rustworkx_core::petgraph::graph::Graph;

use crate::model::{Dataset, DatasetIndex, Direction, Emphasis, ViewQuery, Visibility};

/// Whether relations of a hostile kind (war, opposition) count as ties.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hostile {
    #[default]
    LeftOut,
    Counts,
}

/// One step from an actor to a neighbour, over a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub to: u32,
    pub relation: u32,
}

/// The counted relations as adjacency lists, both ways, so that paths can follow direction or
/// not and the metrics can read a directed or an undirected graph.
#[derive(Debug, Clone, Default)]
pub struct CountedGraph {
    /// Per actor, where its relations lead following their direction (a mutual relation leads
    /// both ways).
    forward: Vec<Vec<Step>>,
    /// Per actor, where its relations come from (the reverse of `forward`).
    backward: Vec<Vec<Step>>,
    /// Some counted relation goes one way only: the metrics then read a directed graph, a
    /// mutual relation as two arcs (as networkx's `to_directed` does).
    directed: bool,
    relations: usize,
}

impl CountedGraph {
    /// The graph of the relations for which `counted[r]` is true. A relation from an actor to
    /// itself leads nowhere and is left out.
    pub fn new(dataset: &Dataset, index: &DatasetIndex, counted: &[bool]) -> Self {
        let n = dataset.actors.len();
        let mut graph = Self {
            forward: vec![Vec::new(); n],
            backward: vec![Vec::new(); n],
            directed: false,
            relations: 0,
        };
        for (r, relation) in dataset.relations.iter().enumerate() {
            if !counted.get(r).copied().unwrap_or(false) {
                continue;
            }
            let Some((a, b)) = index.ends_of(r) else { continue };
            if a == b || a >= n || b >= n {
                continue;
            }
            let (a32, b32, r32) = (a as u32, b as u32, r as u32);
            graph.forward[a].push(Step { to: b32, relation: r32 });
            graph.backward[b].push(Step { to: a32, relation: r32 });
            match relation.direction {
                Direction::Directed => graph.directed = true,
                Direction::Mutual => {
                    graph.forward[b].push(Step { to: a32, relation: r32 });
                    graph.backward[a].push(Step { to: b32, relation: r32 });
                }
            }
            graph.relations += 1;
        }
        graph
    }

    /// The relations a view shows in full: what its kind, time and evidence filters let
    /// through. Focus only changes what is drawn, not what counts; a relation faded for lying
    /// outside the years does not count. Nor does one of a kind the dataset declares hostile
    /// (war, opposition: the two sides are not tied) unless `hostile` asks for them.
    pub fn of_view(dataset: &Dataset, index: &DatasetIndex, query: &ViewQuery<'_>, hostile: Hostile) -> Self {
        let unfocused = ViewQuery { focus: None, ..*query };
        let visibility = Visibility::compute(dataset, index, &unfocused);
        let hostile_kinds = dataset.hostile_kinds();
        let counted: Vec<bool> = visibility
            .relations
            .iter()
            .zip(&dataset.relations)
            .map(|(e, r)| {
                *e == Some(Emphasis::Normal)
                    && (hostile == Hostile::Counts || !hostile_kinds.contains(&r.kind.as_str()))
            })
            .collect();
        Self::new(dataset, index, &counted)
    }

    /// Every relation counts.
    pub fn of_all(dataset: &Dataset, index: &DatasetIndex) -> Self {
        Self::new(dataset, index, &vec![true; dataset.relations.len()])
    }

    pub fn actor_count(&self) -> usize {
        self.forward.len()
    }

    /// How many relations count.
    pub fn relation_count(&self) -> usize {
        self.relations
    }

    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Where an actor can step: following direction, or over any of its relations.
    pub fn steps_from(&self, actor: usize, follow_direction: bool) -> impl Iterator<Item = Step> + '_ {
        let forward = self.forward.get(actor).map_or(&[][..], Vec::as_slice);
        let backward = if follow_direction {
            &[][..]
        } else {
            self.backward.get(actor).map_or(&[][..], Vec::as_slice)
        };
        forward.iter().chain(backward).copied()
    }

    /// The relations that take one step from `from` to `to`.
    pub fn relations_between(&self, from: usize, to: usize, follow_direction: bool) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .steps_from(from, follow_direction)
            .filter(|s| s.to as usize == to)
            .map(|s| s.relation as usize)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The graph as the metrics read it: one arc per ordered pair of distinct actors (parallel
    /// relations count once, as in a networkx `Graph`), or one edge per unordered pair when no
    /// relation goes one way only.
    pub fn simple_edges(&self) -> Vec<(u32, u32)> {
        let mut edges: Vec<(u32, u32)> = Vec::with_capacity(self.relations * 2);
        for (a, steps) in self.forward.iter().enumerate() {
            for step in steps {
                let (a, b) = (a as u32, step.to);
                if self.directed {
                    edges.push((a, b));
                } else {
                    edges.push((a.min(b), a.max(b)));
                }
            }
        }
        edges.sort_unstable();
        edges.dedup();
        edges
    }
}

/// `edges` over actors `0..n` as a petgraph graph (directed or not by `Ty`), for the crates'
/// algorithms; every actor is a node, linked or not.
pub(super) fn petgraph_of<Ty: EdgeType>(n: usize, edges: &[(u32, u32)]) -> Graph<(), (), Ty> {
    let mut graph = Graph::with_capacity(n, edges.len());
    for _ in 0..n {
        graph.add_node(());
    }
    graph.extend_with_edges(edges);
    graph
}
