//! What the benchmarks share: which run this is, and the graph sizes the performance issue names.
#![allow(dead_code)] // Each benchmark uses its own share of these.

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs each benchmark too, without
/// it, as a quick smoke test on a small graph.
pub fn is_full_run() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Actors and relations: 1k, 5k and 20k actors with 4–5 relations each, or one small graph
/// for the smoke test.
/// `ENTENTE_BENCH_ACTORS=20000` keeps only the runs of that many actors (for profiling one);
/// `ENTENTE_BENCH_ACTORS=100000` runs 100,000 actors with 500,000 relations, which the default
/// run leaves out for its time.
pub fn sizes() -> Vec<(usize, usize)> {
    let all: &[(usize, usize)] = if is_full_run() {
        &[(1_000, 4_000), (5_000, 20_000), (20_000, 100_000), (100_000, 500_000)]
    } else {
        &[(300, 1_200)]
    };
    let only: Option<usize> = std::env::var("ENTENTE_BENCH_ACTORS").ok().and_then(|a| a.parse().ok());
    all.iter()
        .copied()
        .filter(|&(actors, _)| only.map_or(actors < 100_000, |o| o == actors))
        .collect()
}

/// The middle of some timings.
pub fn median(times: &[std::time::Duration]) -> std::time::Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

pub fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// How long `f` takes, `runs` times over.
pub fn time(runs: usize, mut f: impl FnMut()) -> Vec<std::time::Duration> {
    (0..runs)
        .map(|_| {
            let started = std::time::Instant::now();
            f();
            started.elapsed()
        })
        .collect()
}

/// graphviz sfdp's positions for a graph (nodes and links only) and its time, read from its `plain` output.
pub fn sfdp_layout(
    nodes: usize,
    edges: &[(u32, u32)],
    folder: &std::path::Path,
) -> Option<(Vec<entente::layout::Vec2>, std::time::Duration)> {
    let mut dot = String::from("graph g {\n");
    for node in 0..nodes {
        dot.push_str(&format!("  n{node};\n"));
    }
    for (a, b) in edges {
        dot.push_str(&format!("  n{a} -- n{b};\n"));
    }
    dot.push_str("}\n");
    let path = folder.join("graph.dot");
    std::fs::write(&path, dot).ok()?;
    let started = std::time::Instant::now();
    let output = std::process::Command::new("sfdp")
        .arg("-Tplain")
        .arg(&path)
        .output()
        .ok()?;
    let took = started.elapsed();
    if !output.status.success() {
        return None;
    }
    let mut positions = vec![entente::layout::Vec2::ZERO; nodes];
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("node") {
            continue;
        }
        let node: Option<usize> = words
            .next()
            .and_then(|n| n.strip_prefix('n'))
            .and_then(|n| n.parse().ok());
        let x: Option<f32> = words.next().and_then(|x| x.parse().ok());
        let y: Option<f32> = words.next().and_then(|y| y.parse().ok());
        if let (Some(node), Some(x), Some(y)) = (node, x, y)
            && let Some(slot) = positions.get_mut(node)
        {
            *slot = entente::layout::Vec2::new(x, y);
        }
    }
    Some((positions, took))
}
