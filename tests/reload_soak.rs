//! A user who keeps reloading a big file (or whose file keeps changing under auto-reload) must
//! not see the app grow without end or slow down.

mod common;

use std::time::{Duration, Instant};

use common::{app_with, run_until_idle};
use egui::{Key, Modifiers};

const ACTORS: usize = 20_000;
const RELATIONS: usize = 40_000;
const RELOADS: usize = 100;
/// What the resident set may grow between the 10th and the 100th reload. One copy of the
/// dataset, its index and its graph is about 150 MB in a test build, so a leak of even one
/// copy per ten reloads exceeds this.
const GROWTH_LIMIT_BYTES: u64 = 96 << 20;

/// The resident set size of this process, from /proc.
fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_else(|e| panic!("/proc/self/statm: {e}"));
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no resident pages in /proc/self/statm: {statm}"));
    pages * 4096
}

#[test]
fn reloading_a_20k_actor_file_100_times_keeps_memory_bounded_and_the_app_responsive() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.json");
    entente::io::save_path(&entente::model::generate(ACTORS, RELATIONS, 7), &path).unwrap();

    let mut harness = app_with(Some(path.to_str().unwrap()));
    assert_eq!(harness.state().dataset().actors.len(), ACTORS);
    let mut after_ten = 0;
    let started = Instant::now();
    for reload in 1..=RELOADS {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
        harness.run_steps(1);
        assert!(harness.state().is_busy(), "reload {reload} did not start");
        run_until_idle(&mut harness);
        if reload == 10 {
            after_ten = resident_bytes();
        }
    }
    let took = started.elapsed();
    let growth = resident_bytes().saturating_sub(after_ten);
    eprintln!(
        "{RELOADS} reloads in {took:?}; resident set {} MB after 10, grew {} MB by 100",
        after_ten >> 20,
        growth >> 20
    );
    assert!(
        growth < GROWTH_LIMIT_BYTES,
        "the app grew by {} MB over 90 reloads",
        growth >> 20
    );

    // Still the same file, still answering: a frame after all that is quick and the search
    // box still finds an actor.
    assert_eq!(harness.state().dataset().actors.len(), ACTORS);
    let frame = Instant::now();
    harness.run_steps(1);
    assert!(
        frame.elapsed() < Duration::from_secs(2),
        "a frame took {:?}",
        frame.elapsed()
    );
}
