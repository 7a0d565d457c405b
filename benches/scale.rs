//! Entente at 20,000 actors and 100,000 relations (or 100,000 and 500,000): time to open the
//! file (Entente JSON and GraphML) against the parser alone reading the same file, time until
//! the layout has settled against graphviz `sfdp` on the same graph in the same run, and peak
//! memory with the graph ready to draw.
//!
//! Run: `cargo bench --bench scale` (needs `sfdp` from Debian's `graphviz`, which
//! `scripts/setup.sh` installs; without it that row says so);
//! `ENTENTE_BENCH_ACTORS=100000 cargo bench --bench scale` for 100,000 actors and 500,000
//! relations.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use entente::io::{load_path, save_path};
use entente::layout::{Components, ForceLayout, ForceParams, LayoutStatus, Vec2, linked_closeness, normalised_stress};
use entente::model::{Dataset, DatasetIndex, KindFilter, ViewQuery, Visibility, generate};
use entente::ui::graph::GraphScene;

mod common;

const PEAK_MEMORY_CHILD: &str = "--peak-memory-of";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == PEAK_MEMORY_CHILD) {
        let path = args.get(at + 1).map_or("", String::as_str);
        peak_memory_child(Path::new(path));
        return;
    }
    let ten_times = std::env::var("ENTENTE_BENCH_ACTORS").is_ok_and(|a| a == "100000");
    let (actors, relations) = if common::is_full_run() {
        if ten_times {
            (100_000, 500_000)
        } else {
            (20_000, 100_000)
        }
    } else {
        (500, 2_500)
    };
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let dataset = generate(actors, relations, 1);
    let json = folder.path().join("generated.json");
    let graphml = folder.path().join("generated.graphml");
    save_path(&dataset, &json).unwrap_or_else(|e| panic!("{e}"));
    save_path(&dataset, &graphml).unwrap_or_else(|e| panic!("{e}"));

    println!("Generated graph: {actors} actors, {relations} relations (seed 1)\n");
    println!("| file | size | time to open | the parser alone (baseline) | open / parser |");
    println!("|---|---:|---:|---:|---:|");
    for (path, parser) in [(&json, parse_json as fn(&[u8])), (&graphml, walk_xml)] {
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        let took = fastest_of(3, || {
            let report = load_path(path);
            assert!(report.dataset.is_some(), "{} did not load", path.display());
        });
        let baseline = fastest_of(3, || {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
            parser(&bytes);
        });
        println!(
            "| {} | {:.1} MB | {:.2} s | {:.2} s | {:.1}x |",
            path.extension().and_then(|e| e.to_str()).unwrap_or("?"),
            size as f64 / 1e6,
            took.as_secs_f64(),
            baseline.as_secs_f64(),
            took.as_secs_f64() / baseline.as_secs_f64().max(1e-9)
        );
    }

    // The opening table alone, for work on the readers.
    if std::env::var_os("ENTENTE_BENCH_OPEN_ONLY").is_some() {
        return;
    }
    println!(
        "\n| layout | time to settle | steps | linked closeness | linked closeness, main part | normalised stress |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let edges: Vec<(u32, u32)> = DatasetIndex::new(&dataset)
        .relation_ends()
        .iter()
        .flatten()
        .copied()
        .collect();
    let (entente, steps, positions) = settle(&dataset);
    println!(
        "| Entente (multilevel, Barnes–Hut, both cores) | {:.2} s | {steps} | {} |",
        entente.as_secs_f64(),
        quality(&positions, &edges)
    );
    match common::sfdp_layout(dataset.actors.len(), &edges, folder.path()) {
        Some((sfdp_positions, took)) => {
            println!(
                "| graphviz sfdp (same graph) | {:.2} s | — | {} |\n",
                took.as_secs_f64(),
                quality(&sfdp_positions, &edges)
            );
            let ratio = took.as_secs_f64() / entente.as_secs_f64();
            if ratio >= 1.0 {
                println!("Entente is {ratio:.1}x faster than sfdp.");
            } else {
                println!("sfdp is {:.1}x faster than Entente on this graph.", 1.0 / ratio);
            }
        }
        None => println!("| graphviz sfdp | not installed | — | — |"),
    }

    println!("\n| peak memory (file open, index, graph ready to draw, layout settled) |");
    println!("|---:|");
    let child = Command::new(std::env::current_exe().unwrap_or_else(|e| panic!("{e}")))
        .arg(PEAK_MEMORY_CHILD)
        .arg(&json)
        .output()
        .unwrap_or_else(|e| panic!("running the memory measurement: {e}"));
    let kilobytes = String::from_utf8_lossy(&child.stdout).trim().to_owned();
    let megabytes = kilobytes
        .parse::<f64>()
        .map_or_else(|_| format!("? ({kilobytes})"), |kb| format!("{:.0} MB", kb / 1024.0));
    println!("| {megabytes} |");
}

/// Reading the file and parsing it into serde_json's own tree: what opening JSON costs before
/// Entente looks at a single field.
fn parse_json(bytes: &[u8]) {
    let value: serde_json::Value = serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{e}"));
    std::hint::black_box(value);
}

/// Reading the file and walking every XML event with quick-xml, doing nothing with them.
fn walk_xml(bytes: &[u8]) {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    let mut events = 0u64;
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => events += 1,
            Err(e) => panic!("{e}"),
        }
        buffer.clear();
    }
    std::hint::black_box(events);
}

fn fastest_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// From seeded positions to the layout's own stopping rule, as the app runs it; with how much
/// closer linked actors end up than random pairs (`layout::linked_closeness`, lower is better),
/// over all actors and over the largest connected part alone. Actors with no relation do not
/// count among the links but do among the random pairs, so where they are placed moves the
/// first figure; the second shows the main part's own picture.
fn settle(dataset: &Dataset) -> (Duration, u32, Vec<Vec2>) {
    let index = DatasetIndex::new(dataset);
    let edges: Vec<(u32, u32)> = index.relation_ends().iter().flatten().copied().collect();
    let started = Instant::now();
    let mut layout = ForceLayout::new(
        dataset.actors.len(),
        &edges,
        dataset.structure_key(),
        ForceParams::default(),
    );
    while layout.status() == LayoutStatus::Running {
        layout.step();
    }
    (started.elapsed(), layout.steps(), layout.positions().to_vec())
}

/// Linked closeness over all actors and over the main part, and normalised stress measured from
/// 300 actors, as table cells.
fn quality(positions: &[Vec2], edges: &[(u32, u32)]) -> String {
    format!(
        "{:.3} | {:.3} | {:.3}",
        linked_closeness(positions, edges),
        main_part_closeness(positions, edges),
        normalised_stress(positions, edges, 300)
    )
}

fn main_part_closeness(positions: &[Vec2], edges: &[(u32, u32)]) -> f32 {
    let components = Components::new(positions.len(), edges);
    let in_main = |node: usize| components.of(node) == Some(components.largest());
    let mut new_index = vec![u32::MAX; positions.len()];
    let mut main_positions = Vec::new();
    for (node, position) in positions.iter().enumerate().filter(|(node, _)| in_main(*node)) {
        new_index[node] = main_positions.len() as u32;
        main_positions.push(*position);
    }
    let main_edges: Vec<(u32, u32)> = edges
        .iter()
        .filter(|(a, _)| in_main(*a as usize))
        .map(|&(a, b)| (new_index[a as usize], new_index[b as usize]))
        .collect();
    linked_closeness(&main_positions, &main_edges)
}

/// Run in a process of its own, so that the high-water mark is this file's alone.
fn peak_memory_child(path: &Path) {
    let dataset = load_path(path)
        .dataset
        .unwrap_or_else(|| panic!("{} did not load", path.display()));
    let index = DatasetIndex::new(&dataset);
    let filter = KindFilter::default();
    let visibility = Visibility::compute(&dataset, &index, &ViewQuery::all(&filter));
    let mut scene = GraphScene::new(&dataset, &index, None, &egui::Context::default());
    let looks = entente::ui::KindLooks::of(&dataset);
    let look = entente::ui::graph::SceneLook {
        looks: &looks,
        file_looks: true,
        actor_colours: None,
        collapsed: None,
        relations: index.relation_facts(),
    };
    scene.rebuild(&dataset, &visibility, None, look);
    while scene.advance_layout(Duration::from_millis(50)) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map_or("?", |v| v.trim().trim_end_matches("kB").trim());
    println!("{peak}");
}
