//! Paths and metrics on generated graphs up to 20,000 actors and 100,000 relations.
//!
//! Paths: the five shortest paths between pairs of actors (Yen's algorithm), against the
//! baseline of one shortest path by breadth-first search between the same pairs in the same
//! run. Metrics: every metric of every actor, against the baseline of exact betweenness alone
//! (rustworkx-core, a search from every actor), which the metrics replace on big graphs by an
//! estimate from sampled actors.
//!
//! Run: `cargo bench --bench analysis`

use std::time::{Duration, Instant};

use entente::analysis::{CountedGraph, Hostile, PathQuery, Trust, compute_metrics, find_paths};
use entente::model::{DatasetIndex, EvidenceFilter, KindFilter, ViewQuery, generate};
use rustworkx_core::centrality::betweenness_centrality;
use rustworkx_core::petgraph::graph::DiGraph;

mod common;

use common::{median, ms, time};

fn main() {
    let full = common::is_full_run();
    println!("| actors | relations | what | median | slowest | baseline | baseline median | ratio |");
    println!("|---:|---:|---|---:|---:|---|---:|---:|");
    for (actors, relations) in common::sizes() {
        let dataset = generate(actors, relations, 1);
        let index = DatasetIndex::new(&dataset);
        let kinds = KindFilter::default();
        let filter = EvidenceFilter::default();
        let query = ViewQuery::all(&kinds);
        let mut graph = CountedGraph::default();
        // Every relation counts, hostile ones too: the biggest graph these questions meet.
        let counting = time(5, || {
            graph = CountedGraph::of_view(&dataset, &index, &query, Hostile::Counts)
        });
        let row = |what: &str, times: &[Duration], baseline: &str, base: Option<Duration>| {
            let m = median(times);
            let slowest = times.iter().max().copied().unwrap_or_default();
            let (base_text, ratio) = match base {
                Some(b) => (format!("{:.1} ms", ms(b)), format!("{:.1}x", ms(m) / ms(b).max(1e-3))),
                None => ("–".to_owned(), "–".to_owned()),
            };
            println!(
                "| {actors} | {relations} | {what} | {:.1} ms | {:.1} ms | {baseline} | {base_text} | {ratio} |",
                ms(m),
                ms(slowest)
            );
        };
        row("count the relations that pass the filters", &counting, "", None);

        let quotes = entente::model::QuoteChecks::of(&dataset);
        let trust = Trust {
            dataset: &dataset,
            index: &index,
            filter: &filter,
            quotes: &quotes,
        };
        let pairs: Vec<(usize, usize)> = (0..if full { 20 } else { 4 })
            .map(|i| ((i * 7919) % actors, (i * 104_729 + actors / 2) % actors))
            .filter(|(a, b)| a != b)
            .collect();
        let (mut found, mut connected) = (0, 0);
        let five: Vec<Duration> = pairs
            .iter()
            .map(|&(a, b)| {
                let started = Instant::now();
                found += find_paths(&graph, &PathQuery::between(a, b), &trust).len();
                started.elapsed()
            })
            .collect();
        let one: Vec<Duration> = pairs
            .iter()
            .map(|&(a, b)| {
                let started = Instant::now();
                let path = pathfinding::directed::bfs::bfs(
                    &a,
                    |&x| graph.steps_from(x, false).map(|s| s.to as usize).collect::<Vec<_>>(),
                    |&x| x == b,
                );
                connected += usize::from(path.is_some());
                started.elapsed()
            })
            .collect();
        row(
            &format!(
                "5 shortest paths ({} pairs, {connected} connected, {found} paths)",
                pairs.len()
            ),
            &five,
            "one shortest path (BFS)",
            Some(median(&one)),
        );

        let metrics = time(if full { 3 } else { 1 }, || drop(compute_metrics(&graph)));
        let exact = (full || actors <= 1_000).then(|| {
            let edges = graph.simple_edges();
            let mut petgraph = DiGraph::<(), ()>::with_capacity(actors, edges.len());
            for _ in 0..actors {
                petgraph.add_node(());
            }
            petgraph.extend_with_edges(&edges);
            let started = Instant::now();
            let values = betweenness_centrality(&petgraph, false, true, 50);
            assert_eq!(values.len(), actors);
            started.elapsed()
        });
        let sampled = compute_metrics(&graph).betweenness_sampled_from;
        let what = match sampled {
            Some(k) => format!("all metrics (betweenness from {k} sampled actors)"),
            None => "all metrics (exact betweenness)".to_owned(),
        };
        row(&what, &metrics, "exact betweenness alone", exact);
    }
}
