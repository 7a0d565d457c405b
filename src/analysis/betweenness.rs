//! Betweenness centrality, normalised as networkx does by default (endpoints left out).
//!
//! Exact (rustworkx-core's Brandes) while that fits the time the metrics are given; on bigger
//! graphs estimated from a sample of source actors, as networkx's `betweenness_centrality(k=…)`
//! does, which rustworkx-core has no form of.

use std::collections::VecDeque;

use rustworkx_core::centrality::betweenness_centrality;
use rustworkx_core::petgraph::graph::{DiGraph, UnGraph};

use super::counted_graph::petgraph_of;

/// About how many arc visits the exact computation may take (one breadth-first search per
/// actor): some 0.5 s on two cores.
const EXACT_WORK: usize = 60_000_000;

/// Per actor, its betweenness; and, when estimated, from how many source actors.
pub struct Betweenness {
    pub values: Vec<f64>,
    pub sampled_from: Option<usize>,
}

pub fn betweenness(n: usize, edges: &[(u32, u32)], directed: bool) -> Betweenness {
    let arcs = if directed { edges.len() } else { edges.len() * 2 };
    if n.saturating_mul(arcs.max(1)) <= EXACT_WORK {
        return Betweenness {
            values: exact(n, edges, directed),
            sampled_from: None,
        };
    }
    let k = (EXACT_WORK / arcs.max(1)).clamp(1, n);
    Betweenness {
        values: sampled(n, edges, directed, &sample(n, k)),
        sampled_from: Some(k),
    }
}

fn exact(n: usize, edges: &[(u32, u32)], directed: bool) -> Vec<f64> {
    let values = if directed {
        let graph: DiGraph<(), ()> = petgraph_of(n, edges);
        betweenness_centrality(&graph, false, true, 50)
    } else {
        let graph: UnGraph<(), ()> = petgraph_of(n, edges);
        betweenness_centrality(&graph, false, true, 50)
    };
    values.into_iter().map(|v| v.unwrap_or(0.0)).collect()
}

/// `k` distinct actors, spread by a fixed shuffle so that the same graph gives the same numbers.
fn sample(n: usize, k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order.truncate(k);
    order
}

/// Brandes' accumulation from the given sources only, scaled up by n / k and normalised as
/// networkx does.
pub(super) fn sampled(n: usize, edges: &[(u32, u32)], directed: bool, sources: &[usize]) -> Vec<f64> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        out[a as usize].push(b);
        if !directed {
            out[b as usize].push(a);
        }
    }
    let partials: Vec<Vec<f64>> = {
        use rayon::prelude::*;
        let chunk = sources.len().div_ceil(rayon::current_num_threads().max(1)).max(1);
        sources
            .par_chunks(chunk)
            .map(|chunk| {
                let mut sum = vec![0.0; n];
                let mut work = Work::new(n);
                for &s in chunk {
                    work.accumulate(&out, s, &mut sum);
                }
                sum
            })
            .collect()
    };
    let mut total = vec![0.0; n];
    for part in partials {
        total.iter_mut().zip(part).for_each(|(t, p)| *t += p);
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64 * n as f64 / sources.len().max(1) as f64;
        total.iter_mut().for_each(|v| *v *= scale);
    }
    total
}

/// What one breadth-first search needs, kept between searches.
struct Work {
    stack: Vec<u32>,
    queue: VecDeque<u32>,
    predecessors: Vec<Vec<u32>>,
    paths: Vec<f64>,
    distance: Vec<i64>,
    dependency: Vec<f64>,
}

impl Work {
    fn new(n: usize) -> Self {
        Self {
            stack: Vec::with_capacity(n),
            queue: VecDeque::with_capacity(n),
            predecessors: vec![Vec::new(); n],
            paths: vec![0.0; n],
            distance: vec![-1; n],
            dependency: vec![0.0; n],
        }
    }

    fn accumulate(&mut self, out: &[Vec<u32>], source: usize, sum: &mut [f64]) {
        for &v in &self.stack {
            let v = v as usize;
            self.predecessors[v].clear();
            self.paths[v] = 0.0;
            self.distance[v] = -1;
            self.dependency[v] = 0.0;
        }
        self.stack.clear();
        self.paths[source] = 1.0;
        self.distance[source] = 0;
        self.queue.push_back(source as u32);
        while let Some(v) = self.queue.pop_front() {
            self.stack.push(v);
            let v = v as usize;
            for &w in &out[v] {
                let w = w as usize;
                if self.distance[w] < 0 {
                    self.distance[w] = self.distance[v] + 1;
                    self.queue.push_back(w as u32);
                }
                if self.distance[w] == self.distance[v] + 1 {
                    self.paths[w] += self.paths[v];
                    self.predecessors[w].push(v as u32);
                }
            }
        }
        for &w in self.stack.iter().rev() {
            let w = w as usize;
            let coefficient = (1.0 + self.dependency[w]) / self.paths[w];
            for &v in &self.predecessors[w] {
                self.dependency[v as usize] += self.paths[v as usize] * coefficient;
            }
            if w != source {
                sum[w] += self.dependency[w];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_from_every_actor_is_the_exact_value() {
        // A small graph with a bridge, both ways and one way.
        let edges = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 3), (1, 4)];
        for directed in [false, true] {
            let all: Vec<usize> = (0..6).collect();
            let estimate = sampled(6, &edges, directed, &all);
            let exact = exact(6, &edges, directed);
            for (e, x) in estimate.iter().zip(&exact) {
                assert!(
                    (e - x).abs() < 1e-12,
                    "{estimate:?} against {exact:?} (directed {directed})"
                );
            }
            assert!(exact.iter().any(|&x| x > 0.0));
        }
    }

    #[test]
    fn a_sample_draws_distinct_actors() {
        let mut drawn = sample(1000, 200);
        drawn.sort_unstable();
        drawn.dedup();
        assert_eq!(drawn.len(), 200);
    }
}
