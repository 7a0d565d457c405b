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
