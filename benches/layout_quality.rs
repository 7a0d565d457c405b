//! How good Entente's layout is, not only how fast: normalised stress (lower is better) of
//! Entente's settled layout and of graphviz `sfdp`'s on the same graphs, in the same run. Two
//! real graphs as networkx ships them (Zachary's karate club, Les Misérables' co-appearances;
//! `tests/data/layout/`) and graphs generated from published models of other shapes: a grid
//! (a mesh), a balanced tree, Barabási–Albert (scale-free, with hubs), a planted partition
//! (communities) and Entente's own generator (alliance-like, with isolated actors).
//!
//! Run: `cargo bench --bench layout_quality` (needs `sfdp` from Debian's `graphviz`, which
//! `scripts/setup.sh` installs). Without `--bench` (as `cargo test --all-targets` runs it) the
//! generated graphs are small.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use entente::io::load_path;
use entente::layout::{ForceLayout, ForceParams, LayoutStatus, Vec2, normalised_stress};
use entente::model::{DatasetIndex, generate};

mod common;

/// Stress is measured from this many nodes of each graph (all of them in graphs this small or
/// smaller), against every node they reach.
const STRESS_SOURCES: usize = 1_000;

struct Graph {
    name: String,
    nodes: usize,
    edges: Vec<(u32, u32)>,
}

fn main() {
    let full = common::is_full_run();
    let graphs = graphs(full);
    println!(
        "| graph | actors | links | stress, Entente | stress, sfdp | Entente / sfdp | time, Entente | time, sfdp |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let mut worse = Vec::new();
    for graph in &graphs {
        let (ours, our_time) = entente_layout(graph);
        let our_stress = normalised_stress(&ours, &graph.edges, STRESS_SOURCES);
        let theirs = common::sfdp_layout(graph.nodes, &graph.edges, folder.path());
        let (their_stress, their_time) = match &theirs {
            Some((positions, took)) => (
                Some(normalised_stress(positions, &graph.edges, STRESS_SOURCES)),
                Some(*took),
            ),
            None => (None, None),
        };
        let ratio = their_stress.map_or_else(|| "—".to_owned(), |s| format!("{:.2}", our_stress / s));
        println!(
            "| {} | {} | {} | {our_stress:.3} | {} | {ratio} | {:.2} s | {} |",
            graph.name,
            graph.nodes,
            graph.edges.len(),
            their_stress.map_or_else(|| "no sfdp".to_owned(), |s| format!("{s:.3}")),
            our_time.as_secs_f64(),
            their_time.map_or_else(|| "—".to_owned(), |t| format!("{:.2} s", t.as_secs_f64())),
        );
        if their_stress.is_some_and(|s| our_stress > s) {
            worse.push(graph.name.clone());
        }
    }
    if worse.is_empty() {
        println!("\nEntente's stress is no higher than sfdp's on every graph.");
    } else {
        println!("\nHigher stress than sfdp on: {}.", worse.join(", "));
    }
}

fn graphs(full: bool) -> Vec<Graph> {
    let scale = |big: usize, small: usize| if full { big } else { small };
    let mut graphs: Vec<Graph> = ["karate-club", "les-miserables"]
        .iter()
        .map(|name| from_file(name, &Path::new("tests/data/layout").join(format!("{name}.graphml"))))
        .collect();
    let side = scale(40, 10);
    graphs.push(Graph {
        name: format!("grid {side}×{side}"),
        nodes: side * side,
        edges: grid(side),
    });
    let depth = scale(7, 4);
    let tree = balanced_tree(3, depth);
    graphs.push(Graph {
        name: format!("balanced tree, 3 children, depth {depth}"),
        nodes: tree.len() + 1,
        edges: tree,
    });
    let nodes = scale(3_000, 300);
    graphs.push(Graph {
        name: "Barabási–Albert, 2 links per actor".to_owned(),
        nodes,
        edges: barabasi_albert(nodes, 2, 7),
    });
    let nodes = scale(2_000, 300);
    graphs.push(Graph {
        name: "planted partition, 10 groups".to_owned(),
        nodes,
        edges: planted_partition(nodes, 10, 8.0, 0.5, 11),
    });
    let (actors, relations) = if full { (5_000, 20_000) } else { (300, 1_200) };
    let dataset = generate(actors, relations, 1);
    let index = DatasetIndex::new(&dataset);
    graphs.push(Graph {
        name: "entente generate".to_owned(),
        nodes: actors,
        edges: index.relation_ends().iter().flatten().copied().collect(),
    });
    graphs
}

fn from_file(name: &str, path: &Path) -> Graph {
    let dataset = load_path(path)
        .dataset
        .unwrap_or_else(|| panic!("{} did not open", path.display()));
    let index = DatasetIndex::new(&dataset);
    Graph {
        name: format!("{name} (networkx)"),
        nodes: dataset.actors.len(),
        edges: index.relation_ends().iter().flatten().copied().collect(),
    }
}

/// Entente's layout as the app runs it on a fresh file: from its own start to its own stopping
/// rule.
fn entente_layout(graph: &Graph) -> (Vec<Vec2>, Duration) {
    let started = Instant::now();
    let mut layout = ForceLayout::new(graph.nodes, &graph.edges, 1, ForceParams::default());
    while layout.status() == LayoutStatus::Running {
        layout.step();
    }
    (layout.positions().to_vec(), started.elapsed())
}

fn grid(side: usize) -> Vec<(u32, u32)> {
    let at = |row: usize, column: usize| (row * side + column) as u32;
    let mut edges = Vec::new();
    for row in 0..side {
        for column in 0..side {
            if column + 1 < side {
                edges.push((at(row, column), at(row, column + 1)));
            }
            if row + 1 < side {
                edges.push((at(row, column), at(row + 1, column)));
            }
        }
    }
    edges
}

/// Every node but the root linked to its parent, `children` per node, `depth` levels below
/// the root.
fn balanced_tree(children: usize, depth: usize) -> Vec<(u32, u32)> {
    let nodes: usize = (0..=depth).map(|d| children.pow(d as u32)).sum();
    (1..nodes).map(|n| (((n - 1) / children) as u32, n as u32)).collect()
}

/// Barabási and Albert's preferential attachment: each new node links to `links` earlier ones
/// picked in proportion to their degree.
fn barabasi_albert(nodes: usize, links: usize, seed: u64) -> Vec<(u32, u32)> {
    let mut random = SplitMix(seed);
    let mut edges: Vec<(u32, u32)> = Vec::new();
    // Each node appears here once per link it has: picking uniformly is picking by degree.
    let mut ends: Vec<u32> = (0..links as u32).collect();
    for node in links..nodes {
        let mut picked = BTreeMap::new();
        while picked.len() < links {
            let at = (random.next() % ends.len() as u64) as usize;
            picked.insert(ends[at], ());
        }
        for &other in picked.keys() {
            edges.push((node as u32, other));
            ends.push(other);
            ends.push(node as u32);
        }
    }
    edges
}

/// Condon and Karp's planted partition: `groups` equal groups, each pair inside a group linked
/// with a chance giving `inside` links per node on average, across groups `across`.
fn planted_partition(nodes: usize, groups: usize, inside: f64, across: f64, seed: u64) -> Vec<(u32, u32)> {
    let mut random = SplitMix(seed);
    let size = nodes / groups;
    let p_in = inside / size as f64;
    let p_out = across / (nodes - size) as f64;
    let mut edges = Vec::new();
    for a in 0..nodes {
        for b in a + 1..nodes {
            let p = if a / size == b / size { p_in } else { p_out };
            if (random.next() as f64 / u64::MAX as f64) < p {
                edges.push((a as u32, b as u32));
            }
        }
    }
    edges
}

/// SplitMix64: the same graphs on every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
