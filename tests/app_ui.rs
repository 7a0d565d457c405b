//! The real app, driven as a user drives it: through labels, clicks and keys.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::ui::Selection;

mod common;

use common::{app_with, run_until_idle};

fn relation_index(harness: &Harness<'_, App>, id: &str) -> usize {
    common::relation(harness, id)
}

#[test]
fn first_launch_shows_the_built_in_dataset() {
    let harness = app_with(None);
    harness.get_by_label("North Korea's partnerships");
    harness.get_by_label("Built-in: North Korea's partnerships");
    let built_in = entente::built_in_dataset();
    harness.get_by_label(&format!(
        "{} actors · {} relations",
        built_in.actors.len(),
        built_in.relations.len()
    ));
    assert_eq!(harness.state().selection(), None);
}

#[test]
fn clicking_an_actor_shows_its_relations_and_they_lead_to_the_evidence() {
    let mut harness = app_with(None);
    // Far down the actor list: scrolled to, as a user would.
    common::pick_in_actor_list(&mut harness, "Hezbollah");
    harness.run_steps(4);
    let hezbollah = harness
        .state()
        .dataset()
        .actors
        .iter()
        .position(|a| a.name == "Hezbollah");
    assert_eq!(harness.state().selection(), hezbollah.map(Selection::Actor));
    harness.get_by_label("Relations (2)");

    harness.get_by_label("← North Korea").click();
    harness.run_steps(4);
    let relation = relation_index(&harness, "north-korea-military-assistance-hezbollah");
    assert_eq!(harness.state().selection(), Some(Selection::Relation(relation)));
    harness.get_by_label_contains(
        "has provided military assistance to various groups opposed to Israel, including Hamas and Hezbollah.",
    );
    harness.get_by_label("Evidence (2)");
    harness.get_by_label_contains("Hezbollah and North Korea's arms exporter KOMID reportedly made a deal");
}

#[test]
fn a_relation_row_opens_its_evidence_with_speaker_and_outlet() {
    let mut harness = app_with(None);
    harness.get_by_role_and_label(Role::Button, "Table").click();
    harness.run_steps(4);
    // The munitions' row: the only one dated from September 2022.
    harness.get_by_label("since September 2022").click();
    harness.run_steps(4);
    let relation = relation_index(&harness, "north-korea-munitions-to-russia");
    assert_eq!(harness.state().selection(), Some(Selection::Relation(relation)));
    harness.get_by_label_contains("“North Korea has provided Russia with large numbers of artillery rounds");
    harness.get_by_label("“perhaps as many as 5 million shells over the last year”");
    harness.get_by_label("— Christopher Chivvis, former U.S. national intelligence officer");
    assert!(
        !harness
            .get_all_by_label_contains("Newsweek: ")
            .collect::<Vec<_>>()
            .is_empty()
    );
    harness.get_by_label("One way");

    harness.key_press(egui::Key::Escape);
    harness.run_steps(4);
    assert_eq!(harness.state().selection(), None, "Escape clears the selection");
}

#[test]
fn a_broken_file_on_the_command_line_keeps_the_built_in_dataset_and_says_why() {
    let harness = app_with(Some("tests/data/invalid/dangling-references.json"));
    assert_eq!(harness.state().dataset().title, "North Korea's partnerships");
    harness.get_by_label("Could not open dangling-references.json");
    harness.get_by_label_contains("points `from` at actor `north_korea`, which does not exist");
    harness.get_by_label_contains("dangling-references.json:10:49");
}

#[test]
fn a_good_file_on_the_command_line_is_opened() {
    let harness = app_with(Some("tests/data/valid/with-extensions.json"));
    assert_eq!(
        harness.state().dataset().title,
        "A dataset that carries fields Entente does not know"
    );
    harness.get_by_role_and_label(Role::Button, "Alpha");
    // Its one warning is that a relation has no evidence: worth a note, not a problem.
    harness.get_by_label("1 note");
}

#[test]
fn opening_a_broken_file_keeps_the_dataset_on_screen() {
    let mut harness = app_with(Some("tests/data/formats/networkx.graphml"));
    assert_eq!(harness.state().dataset().actors.len(), 4);
    common::pick_in_actor_list(&mut harness, "Hezbollah");
    harness.run_steps(2);
    let selection = harness.state().selection();
    assert!(selection.is_some());

    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/malformed.graphml");
    harness.state_mut().open_path(&broken);
    run_until_idle(&mut harness);
    assert_eq!(harness.state().dataset().actors.len(), 4, "the previous dataset stays");
    assert_eq!(harness.state().selection(), selection, "and so does the selection");
    harness.get_by_label("Could not open malformed.graphml");
    harness.get_by_label_contains("malformed.graphml:5:18");
    harness.get_by_label_contains("expected `</node>`, but `</nod>` was found");
    harness.get_by_role_and_label(Role::Button, "Dismiss").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Could not open malformed.graphml").is_none());
}

#[test]
fn opened_files_are_listed_as_recent() {
    let mut harness = app_with(Some("tests/data/formats/gephi-dynamic.gexf"));
    assert!(
        harness
            .state()
            .recent_files()
            .iter()
            .any(|p| p.ends_with("gephi-dynamic.gexf"))
    );
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open Recent ⏵").hover();
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "gephi-dynamic.gexf");
}

#[test]
fn a_long_actor_list_is_one_scrolling_list_that_filters_as_you_type() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("big.json");
    entente::io::save_path(&entente::model::generate(3000, 6000, 2), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = app_with(None);
    harness.state_mut().open_path(&path);
    run_until_idle(&mut harness);
    harness.get_by_label("3000 actors; type to narrow the list");
    let in_left_panel = |harness: &egui_kittest::Harness<'_, entente::App>| {
        harness
            .query_all_by_role(Role::TextInput)
            .any(|n| n.rect().left() < 300.0 && n.is_focused())
    };
    harness
        .query_all_by_role(Role::TextInput)
        .find(|n| n.rect().left() < 300.0)
        .unwrap_or_else(|| panic!("the actor filter is in the left panel"))
        .focus();
    harness.run_steps(2);
    assert!(in_left_panel(&harness));
    harness
        .query_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .into_iter()
        .for_each(|n| n.type_text("actor 2999"));
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "Actor 2999").click();
    harness.run_steps(3);
    let actor = harness
        .state()
        .dataset()
        .actors
        .iter()
        .position(|a| a.name == "Actor 2999");
    assert_eq!(harness.state().selection(), actor.map(Selection::Actor));
}
