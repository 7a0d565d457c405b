//! What the benchmarks share: which run this is, and the graph sizes the performance issue names.
#![allow(dead_code)] // Each benchmark uses its own share of these.

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs each benchmark too, without
/// it, as a quick smoke test on a small graph.
pub fn is_full_run() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Actors and relations: 1k, 5k and 20k actors with 4–5 relations each, or one small graph
/// for the smoke test.
/// `ENTENTE_BENCH_ACTORS=20000` keeps only the runs of that many actors (for profiling one).
pub fn sizes() -> Vec<(usize, usize)> {
    let all: &[(usize, usize)] = if is_full_run() {
        &[(1_000, 4_000), (5_000, 20_000), (20_000, 100_000)]
    } else {
        &[(300, 1_200)]
    };
    let only: Option<usize> = std::env::var("ENTENTE_BENCH_ACTORS").ok().and_then(|a| a.parse().ok());
    all.iter()
        .copied()
        .filter(|&(actors, _)| only.is_none_or(|o| o == actors))
        .collect()
}
