//! One force-layout step: Entente's Barnes–Hut layout against egui_graphs' built-in
//! Fruchterman–Reingold (O(n²)), on the same generated graphs, measured in the same run.
//!
//! Run: `cargo bench --bench layout_step`

use std::time::{Duration, Instant};

use egui_graphs::{ForceAlgorithm, FruchtermanReingold, FruchtermanReingoldState, Graph};
use entente::layout::{ForceLayout, ForceParams};
use entente::model::{DatasetIndex, generate};
use petgraph::stable_graph::StableGraph;

mod common;

/// Median time of `f` over repeated runs lasting about `budget`.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.len() < 3 || (started.elapsed() < budget && samples.len() < 200) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let full = common::is_full_run();
    println!("| actors | relations | Entente step | egui_graphs FR step | ratio |");
    println!("|---:|---:|---:|---:|---:|");
    for (actors, relations) in common::sizes() {
        let dataset = generate(actors, relations, 1);
        let index = DatasetIndex::new(&dataset);
        let edges: Vec<(u32, u32)> = index.relation_ends().iter().flatten().copied().collect();

        let mut ours = ForceLayout::new(
            actors,
            &edges,
            1,
            ForceParams {
                max_steps: u32::MAX,
                ..ForceParams::default()
            },
        );
        let budget = if full {
            Duration::from_secs(3)
        } else {
            Duration::from_millis(50)
        };
        let entente = median(budget, || {
            ours.reheat(1.0);
            ours.step();
        });

        // The stock layout, driven the way GraphView drives it, needs an egui context.
        let mut petgraph: StableGraph<(), ()> = StableGraph::new();
        let nodes: Vec<_> = (0..actors).map(|_| petgraph.add_node(())).collect();
        for &(a, b) in &edges {
            petgraph.add_edge(nodes[a as usize], nodes[b as usize], ());
        }
        let mut graph: Graph<(), ()> = Graph::from(&petgraph);
        // What GraphView passes: the window's area.
        let view = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
        // The O(n²) stock step takes seconds at 20k: time fewer runs.
        let budget = if actors > 5_000 || !full {
            Duration::from_secs(1).min(budget)
        } else {
            budget
        };
        let mut layout = <FruchtermanReingold as ForceAlgorithm>::from_state(FruchtermanReingoldState::default());
        let stock = median(budget, || layout.step(&mut graph, view));
        let ratio = stock.as_secs_f64() / entente.as_secs_f64();
        println!(
            "| {actors} | {relations} | {:.2} ms | {:.2} ms | {ratio:.0}x |",
            entente.as_secs_f64() * 1e3,
            stock.as_secs_f64() * 1e3
        );
    }
}
