//! Grading evidence is the user's own work: it is marked unsaved, saved with Ctrl+S, and
//! nothing that would replace or close the dataset throws it away without asking.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::model::Reliability;

mod common;

use common::{app_with, drop_file, run_until_idle};

/// A copy of the built-in dataset's file in a folder of its own, opened in the app, with the
/// Hezbollah relation's evidence on screen.
fn app_on_a_copy() -> (tempfile::TempDir, PathBuf, Harness<'static, App>) {
    let (folder, path) = common::copy_of_built_in_file();
    let mut harness = app_with(Some(&path.display().to_string()));
    common::pick_in_actor_list(&mut harness, "Hezbollah");
    harness.run_steps(4);
    harness.get_by_label("← North Korea").click();
    harness.run_steps(4);
    harness.get_by_label("Evidence (2)");
    (folder, path, harness)
}

fn newsweek_reliability(harness: &Harness<'_, App>) -> Option<Reliability> {
    harness.state().dataset().sources.first().and_then(|s| s.reliability)
}

/// Picks a grade in the first evidence card's "Source reliability" box (the article's), as
/// a user does.
fn grade_source(harness: &mut Harness<'_, App>, grade: &str) {
    harness
        .get_all_by_role_and_label(Role::ComboBox, "Source reliability")
        .next()
        .unwrap_or_else(|| panic!("the evidence card has a reliability box"))
        .click();
    harness.run_steps(2);
    harness.get_by_label(grade).click();
    harness.run_steps(3);
}

fn title(harness: &Harness<'_, App>) -> String {
    harness.state().title().to_owned()
}

#[test]
fn a_grade_is_marked_unsaved_until_ctrl_s_writes_it_to_the_file() {
    let (_folder, path, mut harness) = app_on_a_copy();
    assert_eq!(title(&harness), "alliances.json — Entente");
    assert_eq!(newsweek_reliability(&harness), None);

    grade_source(&mut harness, "B, usually reliable");
    assert_eq!(newsweek_reliability(&harness), Some(Reliability::B));
    assert!(harness.state().has_unsaved_edits());
    assert_eq!(title(&harness), "● alliances.json — Entente");
    harness.get_by_label("● Unsaved changes");
    assert!(!std::fs::read_to_string(&path).unwrap().contains("\"reliability\""));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    assert!(!harness.state().has_unsaved_edits());
    assert_eq!(title(&harness), "alliances.json — Entente");
    let saved = entente::io::load_path(&path);
    let dataset = saved.dataset.expect("the saved file loads");
    assert_eq!(
        dataset.sources.first().and_then(|s| s.reliability),
        Some(Reliability::B)
    );
    assert_eq!(
        dataset.relations.len(),
        entente::built_in_dataset().relations.len(),
        "nothing else was lost"
    );

    // The app's own save is not mistaken for another program's change.
    std::thread::sleep(std::time::Duration::from_millis(800));
    harness.run_steps(3);
    assert!(!harness.state().is_busy(), "no reload of our own save");
}

#[test]
fn reloading_over_unsaved_grades_asks_and_cancel_keeps_them() {
    let (_folder, _path, mut harness) = app_on_a_copy();
    grade_source(&mut harness, "A, completely reliable");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run_steps(3);
    harness.get_by_label("Save your changes?");
    assert!(!harness.state().is_busy(), "nothing reloads before the user answers");
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Save your changes?").is_none());
    assert!(!harness.state().is_busy());
    assert_eq!(newsweek_reliability(&harness), Some(Reliability::A));
    assert!(harness.state().has_unsaved_edits());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "Don't Save").click();
    harness.run_steps(1);
    run_until_idle(&mut harness);
    assert_eq!(newsweek_reliability(&harness), None, "the file's version is back");
    assert!(!harness.state().has_unsaved_edits());
}

#[test]
fn save_in_the_question_saves_then_opens_the_dropped_file() {
    let (_folder, path, mut harness) = app_on_a_copy();
    grade_source(&mut harness, "C, fairly reliable");
    let other = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/valid/minimal.json");
    // Dropped on the window, as from a file manager.
    drop_file(&mut harness, other);
    harness.get_by_label("Save your changes?");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run_steps(1);
    run_until_idle(&mut harness);
    assert_eq!(harness.state().origin(), &entente::Origin::File(other.into()));
    let saved = entente::io::load_path(&path).dataset.expect("the saved file loads");
    assert_eq!(saved.sources.first().and_then(|s| s.reliability), Some(Reliability::C));
}

#[test]
fn closing_the_window_over_unsaved_grades_asks_first() {
    let (_folder, _path, mut harness) = app_on_a_copy();
    grade_source(&mut harness, "D, not usually reliable");

    let close_requested = |harness: &mut Harness<'_, App>| {
        harness
            .input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        harness.run_steps(1);
    };
    let commands = |harness: &Harness<'_, App>| {
        harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .map(|v| v.commands.clone())
            .unwrap_or_default()
    };
    close_requested(&mut harness);
    assert!(
        commands(&harness).contains(&egui::ViewportCommand::CancelClose),
        "the close is held back"
    );
    harness.run_steps(2);
    harness.get_by_label("Save your changes?");
    harness.get_by_label_contains("lost if you go on with quitting");

    harness.get_by_role_and_label(Role::Button, "Don't Save").click();
    harness.run_steps(1);
    assert!(commands(&harness).contains(&egui::ViewportCommand::Close));
    close_requested(&mut harness);
    assert!(
        !commands(&harness).contains(&egui::ViewportCommand::CancelClose),
        "having chosen, the user can close"
    );
}

#[test]
fn without_edits_nothing_asks() {
    let (_folder, _path, mut harness) = app_on_a_copy();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run_steps(1);
    run_until_idle(&mut harness);
    assert!(harness.query_by_label("Save your changes?").is_none());
    harness.get_by_label("Reloaded alliances.json");
}

#[test]
fn a_file_that_fails_to_open_after_dont_save_leaves_the_edits_unsaved() {
    let (_folder, _path, mut harness) = app_on_a_copy();
    grade_source(&mut harness, "E, unreliable");
    let broken = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/json-empty.json");
    drop_file(&mut harness, broken);
    harness.get_by_role_and_label(Role::Button, "Don't Save").click();
    harness.run_steps(1);
    run_until_idle(&mut harness);
    harness.get_by_label_contains("Could not open json-empty.json");
    assert_eq!(
        newsweek_reliability(&harness),
        Some(Reliability::E),
        "the edit is still on screen"
    );
    assert!(harness.state().has_unsaved_edits(), "and still marked unsaved");
}

#[test]
fn reading_an_edited_file_again_with_other_attributes_asks_first() {
    let mut harness = app_with(Some("tests/data/readability/tinkerpop-typed.graphml"));
    let actors = harness.state().dataset().actors.len();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run_steps(3);
    harness
        .query_all_by(|n| n.role() == Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap_or_else(|| panic!("the new actor's name field has the focus"))
        .type_text("A new artist");
    harness.run_steps(2);
    harness.get_by_label("Add").click();
    harness.run_steps(3);
    assert_eq!(harness.state().dataset().actors.len(), actors + 1);

    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Read File As…").click();
    harness.run_steps(3);
    harness.get_by_label("Save your changes?");
    harness.get_by_label_contains("reading the file again");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert_eq!(harness.state().dataset().actors.len(), actors + 1, "the edit is kept");
    assert!(!harness.state().is_asking_how_to_read(), "nothing read again");
}
