//! Who is central: degree, betweenness, eigenvector centrality and PageRank per actor, and
//! the blocs, on the graph of counted relations.

use rustworkx_core::centrality::eigenvector_centrality;
use rustworkx_core::petgraph::graph::{DiGraph, UnGraph};

use super::counted_graph::petgraph_of;
use rustworkx_core::petgraph::visit::{IntoEdges, IntoNodeIdentifiers, NodeCount, NodeIndexable};

use super::CountedGraph;
use super::betweenness::betweenness;
use super::blocs::blocs;
use super::pagerank::pagerank;
use crate::model::Centrality;

/// PageRank's damping, networkx's default.
pub const DAMPING: f64 = 0.85;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ActorMetrics {
    /// Distinct actors with a counted relation to this one (for an undirected graph, the same
    /// as `degree_out` and `degree`).
    pub degree_in: u32,
    pub degree_out: u32,
    /// In and out together on a directed graph, as networkx's `degree` counts.
    pub degree: u32,
    pub betweenness: f64,
    /// `None` when the power iteration did not settle (as networkx would refuse).
    pub eigenvector: Option<f64>,
    pub pagerank: f64,
    /// Position in `Metrics::blocs`.
    pub bloc: usize,
}

impl ActorMetrics {
    /// The value of one measure (an eigenvector centrality that did not settle counts as 0).
    pub fn value(&self, measure: Centrality) -> f64 {
        match measure {
            Centrality::Degree => f64::from(self.degree),
            Centrality::InDegree => f64::from(self.degree_in),
            Centrality::OutDegree => f64::from(self.degree_out),
            Centrality::Betweenness => self.betweenness,
            Centrality::Eigenvector => self.eigenvector.unwrap_or(0.0),
            Centrality::PageRank => self.pagerank,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metrics {
    pub actors: Vec<ActorMetrics>,
    /// Read as a directed graph (some counted relation goes one way only).
    pub directed: bool,
    /// Betweenness estimated from this many source actors rather than all.
    pub betweenness_sampled_from: Option<usize>,
    /// The actors of each bloc, largest first.
    pub blocs: Vec<Vec<usize>>,
    pub modularity: f64,
    /// How many relations counted.
    pub relations: usize,
}

/// Every metric of every actor. The blocs are found on one thread while the rest is worked
/// out on the other.
pub fn compute(graph: &CountedGraph) -> Metrics {
    let n = graph.actor_count();
    let directed = graph.is_directed();
    let edges = graph.simple_edges();
    let undirected_edges = || {
        let mut pairs: Vec<(u32, u32)> = edges.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    };
    let (found, (between, eigen, ranks)) = rayon::join(
        || blocs(n, &undirected_edges()),
        || {
            let between = betweenness(n, &edges, directed);
            let eigen = eigenvector(n, &edges, directed);
            let ranks = pagerank(&out_lists(n, &edges, directed), DAMPING);
            (between, eigen, ranks)
        },
    );
    let mut actors = vec![ActorMetrics::default(); n];
    for &(a, b) in &edges {
        actors[a as usize].degree_out += 1;
        actors[b as usize].degree_in += 1;
        if !directed {
            actors[b as usize].degree_out += 1;
            actors[a as usize].degree_in += 1;
        }
    }
    for (bloc, members) in found.members.iter().enumerate() {
        for &a in members {
            if let Some(m) = actors.get_mut(a) {
                m.bloc = bloc;
            }
        }
    }
    for (a, m) in actors.iter_mut().enumerate() {
        m.degree = if directed {
            m.degree_in + m.degree_out
        } else {
            m.degree_out
        };
        m.betweenness = between.values.get(a).copied().unwrap_or(0.0);
        m.eigenvector = eigen.as_ref().and_then(|e| e.get(a).copied());
        m.pagerank = ranks.get(a).copied().unwrap_or(0.0);
    }
    Metrics {
        actors,
        directed,
        betweenness_sampled_from: between.sampled_from,
        blocs: found.members,
        modularity: found.modularity,
        relations: graph.relation_count(),
    }
}

fn out_lists(n: usize, edges: &[(u32, u32)], directed: bool) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); n];
    for &(a, b) in edges {
        out[a as usize].push(b);
        if !directed {
            out[b as usize].push(a);
        }
    }
    out
}

/// rustworkx-core's power iteration, which follows networkx's (on a directed graph an actor
/// is central when central actors point to it).
fn eigenvector(n: usize, edges: &[(u32, u32)], directed: bool) -> Option<Vec<f64>> {
    const MAX_ITERATIONS: usize = 1000;
    fn run<G>(graph: G) -> Option<Vec<f64>>
    where
        G: NodeIndexable + IntoNodeIdentifiers + IntoEdges + NodeCount,
        G::NodeId: Eq,
    {
        eigenvector_centrality(
            graph,
            |_| Ok::<f64, std::convert::Infallible>(1.0),
            Some(MAX_ITERATIONS),
            Some(1e-9),
        )
        .ok()
        .flatten()
    }
    if edges.is_empty() {
        return None;
    }
    if directed {
        let graph: DiGraph<(), ()> = petgraph_of(n, edges);
        run(&graph)
    } else {
        let graph: UnGraph<(), ()> = petgraph_of(n, edges);
        run(&graph)
    }
}
