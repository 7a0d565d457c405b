//! The mapping step for tables, as a user meets it: a CSV file whose columns follow no
//! convention asks which column holds what, opens with the choice, and remembers it; an edge
//! list whose ends are bare ids offers to take their names from a nodes file.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

mod common;

fn copied(files: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let paths = files
        .iter()
        .map(|file| {
            let from = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/formats")
                .join(file);
            let to = folder.path().join(from.file_name().unwrap_or_default());
            std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("{e}"));
            to
        })
        .collect();
    (folder, paths)
}

/// Opens `path` as File › Open does, and waits until it is read.
fn open(harness: &mut egui_kittest::Harness<'_, entente::App>, path: &Path) {
    harness.state_mut().open_path(path);
    common::run_until_idle(harness);
}

#[test]
fn unknown_columns_are_chosen_in_the_dialog_and_remembered() {
    let (_folder, paths) = copied(&["mapping/defence-ties.csv"]);
    let mut harness = common::app_with(None);
    open(&mut harness, &paths[0]);
    assert!(harness.state().is_asking_how_to_read(), "the dialog asks");
    harness.get_by_label("How should Entente read defence-ties.csv?");
    // The first rows are shown, and Open waits for both ends.
    assert_eq!(
        harness.query_all_by_label("bilateral").count(),
        4,
        "the rows of the file"
    );
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Open")
            .accesskit_node()
            .is_disabled()
    );

    common::pick_in_combo(&mut harness, "From (one end)", "country_a");
    common::pick_in_combo(&mut harness, "To (other end)", "country_b");
    common::pick_in_combo(&mut harness, "Relation kind", "tie");
    common::pick_in_combo(&mut harness, "Starts", "yr");
    common::pick_in_combo(&mut harness, "Ends", "until");
    // The preview says what each column will be read as.
    harness.get_by_label("country_a → From (one end)");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    common::run_until_idle(&mut harness);
    harness.run_steps(4);

    assert!(!harness.state().is_asking_how_to_read());
    let dataset = harness.state().dataset();
    assert_eq!((dataset.actors.len(), dataset.relations.len()), (6, 4));
    let soviet = dataset
        .relations
        .iter()
        .find(|r| r.from == "Soviet Union")
        .unwrap_or_else(|| panic!("the Soviet treaty"));
    assert_eq!(soviet.kind, "defence_treaty");
    assert_eq!(
        soviet.period.and_then(|p| p.end).map(|d| d.to_string()),
        Some("1996".into())
    );

    // Opened again, the file is read as the user said, without asking.
    open(&mut harness, &paths[0]);
    harness.run_steps(4);
    assert!(!harness.state().is_asking_how_to_read(), "remembered for this file");
    assert_eq!(harness.state().dataset().relations.len(), 4);
}

#[test]
fn bare_ids_offer_a_nodes_file_for_their_names() {
    let (_folder, paths) = copied(&["gephi/edges.csv"]);
    let (_other, nodes) = copied(&["gephi/nodes.csv"]);
    let mut harness = common::app_with(None);
    open(&mut harness, &paths[0]);
    assert!(
        harness.state().is_asking_how_to_read(),
        "ids with no names: the dialog offers a nodes file"
    );
    harness.get_by_role_and_label(Role::Button, "Choose Actors File…");
    // What the file dialog gives when the user picks the nodes file.
    harness.state_mut().choose_actors_table(nodes[0].clone());
    harness.run_steps(4);
    harness.get_by_label("Actors: nodes.csv");
    harness.get_by_label("Label → Actor name");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    common::run_until_idle(&mut harness);
    harness.run_steps(4);
    let dataset = harness.state().dataset();
    assert_eq!(dataset.actor("0").map(|a| a.name.as_str()), Some("North Korea"));
    assert_eq!(dataset.relations.len(), 3);
}

#[test]
fn cancelling_keeps_what_was_open() {
    let (_folder, paths) = copied(&["mapping/defence-ties.csv"]);
    let mut harness = common::app_with(None);
    let before = harness.state().dataset().relations.len();
    open(&mut harness, &paths[0]);
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run_steps(4);
    assert!(!harness.state().is_asking_how_to_read());
    assert_eq!(
        harness.state().dataset().relations.len(),
        before,
        "the built-in dataset stays"
    );
    harness.get_by_label_contains("Did not open defence-ties.csv");
}

#[test]
fn a_workbook_of_other_sheets_is_read_from_the_sheets_and_columns_chosen() {
    let (_folder, paths) = copied(&["mapping/agreements.xlsx"]);
    let mut harness = common::app_with(None);
    open(&mut harness, &paths[0]);
    assert!(harness.state().is_asking_how_to_read());
    common::pick_in_combo(&mut harness, "Relations sheet", "Agreements");
    harness.get_by_label("Mutual Defense Treaty");
    common::pick_in_combo(&mut harness, "From (one end)", "Party 1");
    common::pick_in_combo(&mut harness, "To (other end)", "Party 2");
    common::pick_in_combo(&mut harness, "Relation kind", "Agreement");
    common::pick_in_combo(&mut harness, "Starts", "Signed");
    common::pick_in_combo(&mut harness, "Actors sheet", "Countries");
    common::pick_in_combo(&mut harness, "Actor id", "Code");
    common::pick_in_combo(&mut harness, "Actor name", "Country");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    common::run_until_idle(&mut harness);
    harness.run_steps(4);
    let dataset = harness.state().dataset();
    assert_eq!(dataset.actor("DPRK").map(|a| a.name.as_str()), Some("North Korea"));
    assert_eq!(dataset.relations.len(), 3);
    let treaty = dataset
        .relations
        .iter()
        .find(|r| r.from == "USA")
        .unwrap_or_else(|| panic!("the 1953 treaty"));
    assert_eq!(
        treaty.period.and_then(|p| p.start).map(|d| d.to_string()),
        Some("1953".into())
    );
}

#[test]
fn a_remembered_choice_that_no_longer_fits_the_file_is_asked_again() {
    let (_folder, paths) = copied(&["mapping/defence-ties.csv"]);
    let mut harness = common::app_with(None);
    open(&mut harness, &paths[0]);
    common::pick_in_combo(&mut harness, "From (one end)", "country_a");
    common::pick_in_combo(&mut harness, "To (other end)", "country_b");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    common::run_until_idle(&mut harness);
    assert_eq!(harness.state().dataset().relations.len(), 4);

    // The file is saved again with other column names: what was remembered names none of them.
    std::fs::write(&paths[0], "state_1,state_2\nUnited States,South Korea\n").unwrap_or_else(|e| panic!("{e}"));
    open(&mut harness, &paths[0]);
    harness.run_steps(4);
    common::run_until_idle(&mut harness);
    assert!(harness.state().is_asking_how_to_read(), "asked again, not locked out");
    harness.get_by_label("How should Entente read defence-ties.csv?");
    assert_eq!(
        harness.state().dataset().relations.len(),
        4,
        "what was open stays until then"
    );
}
