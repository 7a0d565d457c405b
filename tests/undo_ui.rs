//! Undo and redo in the real app: every edit to the dataset is one step, named in the Edit
//! menu, taken back with Ctrl+Z and taken again with Ctrl+Shift+Z or Ctrl+Y.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::model::Reliability;

mod common;

use common::{app_with, run_until_idle};

/// Picks `grade` in the first drop-down labelled `picker` on screen, as a user does.
fn pick(harness: &mut Harness<'_, App>, picker: &str, grade: &str) {
    harness
        .get_all_by_role_and_label(Role::ComboBox, picker)
        .next()
        .unwrap_or_else(|| panic!("a {picker} box"))
        .click();
    harness.run_steps(2);
    harness.get_by_label(grade).click();
    harness.run_steps(3);
}

fn press(harness: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(3);
}

fn article_reliability(harness: &Harness<'_, App>) -> Option<Reliability> {
    harness.state().dataset().sources.first().and_then(|s| s.reliability)
}

#[test]
fn grades_are_undone_and_redone_a_step_at_a_time_and_the_edit_menu_names_each() {
    let mut harness = app_with(None);
    let opened = harness.state().dataset().clone();
    common::open_relation_from_list(&mut harness, "Hezbollah", "← North Korea");

    pick(&mut harness, "Source reliability", "B, usually reliable");
    pick(&mut harness, "Credibility", "2, probably true");
    assert_eq!(article_reliability(&harness), Some(Reliability::B));
    assert!(harness.state().has_unsaved_edits());

    common::open_edit_menu(&mut harness);
    harness.get_by_label_contains("Undo Grade a statement on North Korea → Hezbollah 2");
    harness.key_press(Key::Escape);
    harness.run_steps(2);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        article_reliability(&harness),
        Some(Reliability::B),
        "one step: the statement's grade"
    );
    assert_ne!(*harness.state().dataset(), opened);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        *harness.state().dataset(),
        opened,
        "every step undone: the dataset as opened"
    );
    assert!(!harness.state().has_unsaved_edits(), "as it was, so nothing to save");

    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(article_reliability(&harness), Some(Reliability::B));
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    let credibility = |harness: &Harness<'_, App>| {
        harness
            .state()
            .dataset()
            .relations
            .iter()
            .find(|r| r.id == "north-korea-military-assistance-hezbollah")
            .and_then(|r| r.evidence.first())
            .and_then(|e| e.credibility)
    };
    assert_eq!(credibility(&harness), Some(2), "Ctrl+Y redoes too");
    assert!(harness.state().has_unsaved_edits());
}

#[test]
fn ctrl_z_in_the_search_box_undoes_the_typing_not_the_dataset() {
    let mut harness = app_with(None);
    common::open_relation_from_list(&mut harness, "Hezbollah", "← North Korea");
    pick(&mut harness, "Source reliability", "C, fairly reliable");
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness
        .query_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap_or_else(|| panic!("Ctrl+F focuses the search box"))
        .type_text("ira");
    harness.run_steps(2);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(article_reliability(&harness), Some(Reliability::C), "the grade stays");
}

#[test]
fn an_added_dataset_is_one_step_undone_whole() {
    let mut harness = app_with(None);
    let opened = harness.state().dataset().clone();
    let cow = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/reference/cow_alliance_by_dyad.csv");
    harness.state_mut().add_dataset_path(&cow);
    run_until_idle(&mut harness);
    harness.get_by_label("Add to dataset").click();
    run_until_idle(&mut harness);
    let merged = harness.state().dataset().clone();
    assert_eq!(merged.relations.len(), opened.relations.len() + 2);

    common::open_edit_menu(&mut harness);
    harness
        .get_by_label_contains("Undo Add dataset cow_alliance_by_dyad.csv")
        .click();
    run_until_idle(&mut harness);
    assert_eq!(*harness.state().dataset(), opened, "the dataset as it was before");
    assert!(!harness.state().has_unsaved_edits());

    press(&mut harness, Modifiers::COMMAND, Key::Y);
    run_until_idle(&mut harness);
    assert_eq!(*harness.state().dataset(), merged, "added again");
    assert!(harness.state().has_unsaved_edits());
}

/// Edit › History lists every step; clicking one goes back to just after it, and the dataset
/// as opened is the first row.
#[test]
fn the_history_window_goes_back_to_any_step() {
    let mut harness = app_with(None);
    let opened = harness.state().dataset().clone();
    common::open_relation_from_list(&mut harness, "Hezbollah", "← North Korea");
    pick(&mut harness, "Source reliability", "B, usually reliable");
    pick(&mut harness, "Source reliability", "D, not usually reliable");
    pick(&mut harness, "Credibility", "3, possibly true");

    common::open_edit_menu(&mut harness);
    harness.get_by_label("History…").click();
    harness.run_steps(3);
    let first = "Grade “North Korea Is a Surprisingly Valuable Wartime Ally to Russia and Iran” B";
    harness.get_by_label(first).click();
    harness.run_steps(3);
    assert_eq!(
        article_reliability(&harness),
        Some(Reliability::B),
        "just after the first step"
    );
    harness.get_by_label("The dataset as opened").click();
    harness.run_steps(3);
    assert_eq!(*harness.state().dataset(), opened);
    harness
        .get_by_label("Grade a statement on North Korea → Hezbollah 3")
        .click();
    harness.run_steps(3);
    assert_eq!(
        article_reliability(&harness),
        Some(Reliability::D),
        "and forward to the last"
    );
}
