//! A user who keeps reloading a big file (or whose file keeps changing under auto-reload) must
//! not see the app grow without end or slow down.

mod common;

use std::time::{Duration, Instant};

use common::app_with;
use egui::{Key, Modifiers};

const ACTORS: usize = 20_000;
const RELATIONS: usize = 40_000;
/// Reloads in a run; `ENTENTE_SOAK_RELOADS` asks for more (docs/reliability.md has 100). Forty
/// keep CI's run under a minute and a half and still leave twenty reloads after the baseline.
const DEFAULT_RELOADS: usize = 40;
/// What the resident set may grow between the baseline (the 10th to 20th reload) and the last.
/// The app holds about 280 MB with this file open, most of it the dataset, its index and its
/// graph; a leak of one of those each reload would blow far past this over twenty reloads (a
/// leak every few reloads of the smaller ones may not: `ENTENTE_SOAK_RELOADS=100` looks longer).
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

/// The resident set once the replaced dataset, freed on a thread of its own, is gone.
fn settled_resident_bytes(harness: &mut egui_kittest::Harness<'_, entente::App>) -> u64 {
    common::run_until_idle(harness);
    resident_bytes()
}

#[test]
fn reloading_a_20k_actor_file_again_and_again_keeps_memory_bounded_and_the_app_responsive() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.json");
    entente::io::save_path(&entente::model::generate(ACTORS, RELATIONS, 7), &path).unwrap();

    let mut harness = app_with(Some(path.to_str().unwrap()));
    assert_eq!(harness.state().dataset().actors.len(), ACTORS);
    let quickest_frame_before = quickest_of_five_frames(&mut harness);
    let mut early_most = 0;
    // The frame that puts the reloaded dataset on screen is the one that could stall.
    let mut longest_frame = Duration::ZERO;
    let reloads = std::env::var("ENTENTE_SOAK_RELOADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_RELOADS)
        .max(30);
    let started = Instant::now();
    for reload in 1..=reloads {
        let generation = harness.state().dataset_generation();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
        harness.run_steps(1);
        while harness.state().is_busy() {
            std::thread::sleep(Duration::from_millis(20));
            let frame = Instant::now();
            harness.run_steps(1);
            longest_frame = longest_frame.max(frame.elapsed());
        }
        harness.run_steps(2);
        assert_eq!(
            harness.state().dataset_generation(),
            generation + 1,
            "reload {reload} put the file on screen again"
        );
        // The allocator settles over the first reloads: the baseline is the most the app held
        // at any of three early points, so a slow start does not read as growth later.
        if [10, 15, 20].contains(&reload) {
            early_most = early_most.max(settled_resident_bytes(&mut harness));
        }
    }
    let took = started.elapsed();
    let growth = settled_resident_bytes(&mut harness).saturating_sub(early_most);
    eprintln!(
        "{reloads} reloads in {took:?}; longest frame {longest_frame:?}; resident set {} MB at most after 10 to 20, grew {} MB by {reloads}",
        early_most >> 20,
        growth >> 20
    );
    assert!(
        growth < GROWTH_LIMIT_BYTES,
        "the app grew by {} MB over the last {} reloads",
        growth >> 20,
        reloads - 20
    );

    // Still the same file, and frames take no longer than they did before the first reload.
    assert_eq!(harness.state().dataset().actors.len(), ACTORS);
    let quickest_frame_after = quickest_of_five_frames(&mut harness);
    eprintln!("quickest of five frames: {quickest_frame_before:?} before, {quickest_frame_after:?} after");
    assert!(
        quickest_frame_after < quickest_frame_before * 2 + Duration::from_millis(20),
        "frames slowed from {quickest_frame_before:?} to {quickest_frame_after:?}"
    );
}

fn quickest_of_five_frames(harness: &mut egui_kittest::Harness<'_, entente::App>) -> Duration {
    (0..5)
        .map(|_| {
            let started = Instant::now();
            harness.run_steps(1);
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}
