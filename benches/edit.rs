//! An edit, an undo and a redo in the real app (driven headless by egui_kittest), each timed
//! from the change to the end of the frame that shows it, on generated graphs up to 20,000
//! actors and 100,000 relations. The baseline, in the same run, is what every edit cost before
//! edits were made in place: the dataset replaced and everything worked out from it again.
//!
//! Run: `cargo bench --bench edit`

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use entente::App;
use entente::model::{self, Dataset, DatasetIndex, Edit, Proposed, generate};

mod common;

use common::{median, ms};

const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn main() {
    let runs = if common::is_full_run() { 7 } else { 2 };
    println!("| actors | relations | change | median | slowest | full re-derive (baseline) | baseline / change |");
    println!("|---:|---:|---|---:|---:|---:|---:|");
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (actors, relations) in common::sizes() {
        let path = folder.path().join(format!("generated-{actors}.json"));
        entente::io::save_path(&generate(actors, relations, 1), &path).unwrap_or_else(|e| panic!("{e}"));
        let mut harness = Harness::builder()
            .with_size(SCREEN)
            .build_eframe(|cc| App::new(cc, None));
        harness.run_steps(3);
        harness.state_mut().open_path(&path);
        while harness.state().is_busy() || harness.state().is_laying_out() {
            harness.run_steps(1);
        }
        harness.run_steps(3);
        let baseline = median(&time(runs, || {
            let before = Arc::new(harness.state().dataset().clone());
            let mut after = (*before).clone();
            after.title.push('.');
            let proposed = Proposed {
                edit: Edit::Replace {
                    before,
                    after: Arc::new(after),
                },
                label: "baseline".into(),
            };
            let started = Instant::now();
            harness.state_mut().take_edit(proposed, None);
            harness.run_steps(1);
            started.elapsed()
        }));
        let row = |change: &str, times: Vec<Duration>| {
            let (median, slowest) = (median(&times), times.iter().max().copied().unwrap_or_default());
            println!(
                "| {actors} | {relations} | {change} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1}x |",
                ms(median),
                ms(slowest),
                ms(baseline),
                ms(baseline) / ms(median).max(1e-3)
            );
        };
        let renamed = time(runs, || {
            let proposed = edit(&harness, |d, _| {
                let mut actor = d.actors[d.actors.len() / 2].clone();
                actor.name.push('*');
                model::change_actor(d, d.actors.len() / 2, actor).ok()
            });
            take(&mut harness, proposed)
        });
        row("rename an actor", renamed);
        let dated = time(runs, || {
            let proposed = edit(&harness, |d, i| {
                let mut relation = d.relations[d.relations.len() / 2].clone();
                relation.summary = Some("edited".into());
                model::change_relation(d, i, d.relations.len() / 2, relation, None, "Edit relation").ok()
            });
            take(&mut harness, proposed)
        });
        row("edit a relation", dated);
        let added = time(runs, || {
            let proposed = edit(&harness, |d, i| {
                let id = format!("added-{}", d.actors.len());
                model::add_actor(d, i, model::Actor::new(id.clone(), id, "state")).ok()
            });
            take(&mut harness, proposed)
        });
        row("add an actor", added);
        let deleted = time(runs, || {
            let proposed = edit(&harness, |d, i| model::delete_relation(d, i, d.relations.len() / 3));
            take(&mut harness, proposed)
        });
        row("delete a relation", deleted);
        row(
            "undo (a deletion)",
            time(runs, || key(&mut harness, Modifiers::COMMAND, Key::Z)),
        );
        row(
            "redo (a deletion)",
            time(runs, || key(&mut harness, Modifiers::COMMAND, Key::Y)),
        );
    }
}

/// Builds a change from the dataset on screen (not timed).
fn edit(harness: &Harness<'_, App>, make: impl Fn(&Dataset, &DatasetIndex) -> Option<Proposed>) -> Proposed {
    let dataset = harness.state().dataset();
    let index = DatasetIndex::new(dataset);
    make(dataset, &index).unwrap_or_else(|| panic!("the change was refused"))
}

fn take(harness: &mut Harness<'_, App>, proposed: Proposed) -> Duration {
    let started = Instant::now();
    harness.state_mut().take_edit(proposed, None);
    harness.run_steps(1);
    started.elapsed()
}

/// A shortcut pressed: one key event with its modifiers, and the frame that answers it.
/// (`Harness::key_press_modifiers` queues the modifier's own key events too, each run as a
/// frame of its own, which would time three idle frames besides.)
fn key(harness: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) -> Duration {
    let started = Instant::now();
    harness.event(egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    });
    harness.run_steps(1);
    started.elapsed()
}

fn time(runs: usize, mut once: impl FnMut() -> Duration) -> Vec<Duration> {
    (0..runs).map(|_| once()).collect()
}
