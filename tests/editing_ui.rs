//! Building the map in the real app, as a user does: new actors and a relation between them,
//! evidence from a new source, a period edited, two actors merged; every step undone back to
//! the file as opened, redone, saved and opened again.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use entente::App;
use entente::io::load_path;
use entente::model::Dataset;

mod common;

use common::run_until_idle;

/// The part of the window right of the graph, where forms open.
const SIDE_PANEL_X: f32 = 800.0;

fn open(path: &Path) -> Harness<'static, App> {
    let path = path.to_owned();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| App::new(cc, Some(path)));
    run_until_idle(&mut harness);
    harness.run_steps(30);
    harness
}

fn keys(harness: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(3);
}

/// Types into the empty field that shows `placeholder`, as a user who clicked it would.
fn type_in(harness: &mut Harness<'_, App>, placeholder: &str, text: &str) {
    harness.get_by(move |n| n.placeholder() == Some(placeholder)).focus();
    harness.run_steps(1);
    type_in_focused(harness, text);
}

/// Types into the field that has the focus (a form opens with its first field focused).
fn type_in_focused(harness: &mut Harness<'_, App>, text: &str) {
    harness
        .query_all_by(|n| matches!(n.role(), Role::TextInput | Role::MultilineTextInput))
        .find(|n| n.is_focused())
        .unwrap_or_else(|| panic!("no field has the focus"))
        .type_text(text);
    harness.run_steps(2);
}

/// Clicks the button labelled `label` in the side panel (the top one when there are several).
fn click_in_panel(harness: &mut Harness<'_, App>, label: &str) {
    let button = harness
        .get_all_by_label(label)
        .filter(|n| n.rect().min.x > SIDE_PANEL_X)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| {
            let shown: Vec<String> = harness
                .query_all_by(|n| n.label().is_some())
                .filter_map(|n| Some(format!("{} at {:?}", n.accesskit_node().label()?, n.rect().min)))
                .collect();
            panic!("no “{label}” in the side panel, which shows {shown:?}")
        });
    button.click();
    harness.run_steps(3);
}

fn assert_in_panel(harness: &Harness<'_, App>, label: &str) {
    let shown = harness
        .get_all_by_label(label)
        .filter(|n| n.rect().min.x > SIDE_PANEL_X)
        .count();
    assert_eq!(shown, 1, "“{label}” in the side panel");
}

fn read(path: &Path) -> Dataset {
    let report = load_path(path);
    report
        .dataset
        .unwrap_or_else(|| panic!("{} does not open: {:?}", path.display(), report.diagnostics))
}

fn new_actor(harness: &mut Harness<'_, App>, name: &str) {
    keys(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.get_by_label("New actor");
    type_in_focused(harness, name);
    click_in_panel(harness, "Add");
}

#[test]
fn a_map_built_in_the_app_is_undone_to_the_file_redone_saved_and_read_back() {
    let (_folder, path) = common::copy_of_built_in_file();
    let opened = read(&path);
    let mut harness = open(&path);
    assert_eq!(*harness.state().dataset(), opened);

    // Two actors, the second selected as it is added.
    new_actor(&mut harness, "Wagner Group");
    new_actor(&mut harness, "Africa Corps");
    let dataset = harness.state().dataset();
    assert_eq!(dataset.actors.len(), opened.actors.len() + 2);
    assert!(dataset.actor("africa_corps").is_some(), "the id comes from the name");

    // A relation from the selected actor to one picked by name.
    keys(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    type_in(&mut harness, "type a name, or click an actor in the graph", "Wagner");
    click_in_panel(&mut harness, "Wagner Group");
    click_in_panel(&mut harness, "Add");
    let relation = harness.state().dataset().relations.last().cloned();
    let relation = relation.unwrap_or_else(|| panic!("no relation"));
    assert_eq!(
        (relation.from.as_str(), relation.to.as_str()),
        ("africa_corps", "wagner_group")
    );

    // Evidence from a source added on the way.
    click_in_panel(&mut harness, "Add evidence");
    harness.get_by_label("For Africa Corps → Wagner Group (treaty)");
    click_in_panel(&mut harness, "New source…");
    type_in_focused(&mut harness, "Field notes");
    click_in_panel(&mut harness, "Add");
    harness.get_by_label("Add evidence");
    type_in_focused(&mut harness, "Africa Corps took over Wagner's units.");
    click_in_panel(&mut harness, "Add");
    let dataset = harness.state().dataset().clone();
    let evidence = &dataset
        .relations
        .last()
        .unwrap_or_else(|| panic!("no relation"))
        .evidence;
    assert_eq!(evidence.len(), 1);
    assert_eq!(evidence[0].quote, "Africa Corps took over Wagner's units.");
    assert_eq!(
        dataset.source(&evidence[0].source).map(|s| s.title.as_str()),
        Some("Field notes")
    );

    // Its period, edited in place.
    click_in_panel(&mut harness, "Edit");
    harness.get_by_label("Edit relation");
    type_in(&mut harness, "from", "2023-08");
    type_in(&mut harness, "to", "2024");
    click_in_panel(&mut harness, "Save");
    let period = harness.state().dataset().relations.last().and_then(|r| r.period);
    assert_eq!(period.map(|p| p.describe()), Some("August 2023–2024".to_owned()));

    // Wagner Group merged into Africa Corps: the relation becomes Africa Corps' own loop.
    common::pick_in_actor_list(&mut harness, "Wagner Group");
    click_in_panel(&mut harness, "Merge…");
    type_in(&mut harness, "type a name, or click an actor in the graph", "Africa");
    click_in_panel(&mut harness, "Africa Corps");
    harness.get_by_label("Merge “Wagner Group” into “Africa Corps”");
    harness.get_by_label_contains("Its 1 relation moves over to “Africa Corps”.");
    assert!(
        harness.state().dataset().actor("wagner_group").is_some(),
        "nothing merged before Merge"
    );
    click_in_panel(&mut harness, "Merge");
    let dataset = harness.state().dataset().clone();
    assert!(dataset.actor("wagner_group").is_none());
    let corps = dataset
        .actor("africa_corps")
        .unwrap_or_else(|| panic!("Africa Corps went"));
    assert_eq!(corps.aliases, ["Wagner Group"]);
    assert_eq!(dataset.relations.len(), opened.relations.len() + 1, "no relation lost");
    let edited = dataset;

    // Edit › Undo names the last step; undoing every one gives back the file as opened.
    common::open_edit_menu(&mut harness);
    harness.get_by_label_contains("Undo Merge “Wagner Group” into “Africa Corps”");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    let steps = 7;
    for _ in 0..steps {
        keys(&mut harness, Modifiers::COMMAND, Key::Z);
    }
    assert_eq!(
        *harness.state().dataset(),
        opened,
        "every step undone: the file as opened"
    );
    assert!(!harness.state().has_unsaved_edits());
    for _ in 0..steps {
        keys(&mut harness, Modifiers::COMMAND, Key::Y);
    }
    assert_eq!(*harness.state().dataset(), edited, "every step redone");

    keys(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().has_unsaved_edits());
    assert_eq!(read(&path), edited, "the saved file reads back as the map on screen");
    let problems: Vec<_> = entente::model::validate(&edited)
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(problems.is_empty(), "a saved file passes entente check: {problems:?}");
    let reopened = open(&path);
    assert_eq!(*reopened.state().dataset(), edited);
}

#[test]
fn a_relation_form_refuses_an_end_before_its_start_and_says_so_beside_the_field() {
    let (_folder, path) = common::copy_of_built_in_file();
    let mut harness = open(&path);
    let opened = harness.state().dataset().clone();
    // Russia's war in Ukraine, since 24 February 2022.
    common::pick_in_actor_list(&mut harness, "Ukraine");
    harness.get_by_label_contains("← Russia").click();
    harness.run_steps(3);
    click_in_panel(&mut harness, "Edit");
    type_in(&mut harness, "to", "2021");
    click_in_panel(&mut harness, "Save");
    harness.get_by_label_contains("Ends (2021) before it starts (2022-02-24)");
    harness.get_by_label("Edit relation");
    assert_eq!(*harness.state().dataset(), opened, "nothing taken");
    assert!(!harness.state().has_unsaved_edits());
}

#[test]
fn deleting_an_actor_asks_first_saying_how_many_relations_go_with_it() {
    let mut harness = common::app_with(None);
    let relations = harness.state().dataset().relations.len();
    common::pick_in_actor_list(&mut harness, "Hamas");
    click_in_panel(&mut harness, "Delete");
    harness.get_by_label("Delete “Hamas”?");
    harness.get_by_label_contains("Its 2 relations and their evidence go with it.");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(
        harness.state().dataset().actor("hamas").is_some(),
        "Enter alone deletes nothing"
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert_eq!(harness.state().dataset().relations.len(), relations, "cancelled");
    click_in_panel(&mut harness, "Delete");
    harness
        .get_all_by_label("Delete")
        .filter(|n| n.rect().min.x < SIDE_PANEL_X)
        .for_each(|n| n.click());
    harness.run_steps(3);
    assert!(harness.state().dataset().actor("hamas").is_none());
    assert_eq!(harness.state().dataset().relations.len(), relations - 2);
    keys(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        harness.state().dataset().actor("hamas").is_some(),
        "Ctrl+Z brings it back"
    );
    assert_eq!(harness.state().dataset().relations.len(), relations);
}

#[test]
fn sources_are_listed_added_checked_and_deleted_only_when_nothing_cites_them() {
    let mut harness = common::app_with(None);
    let opened = harness.state().dataset().clone();
    common::pick_in_actor_list(&mut harness, "Hamas");
    common::open_edit_menu(&mut harness);
    harness.get_by_label("Sources").click();
    harness.run_steps(3);
    assert_in_panel(&harness, "Sources (2)");

    // A link that is not a web address is refused beside the field.
    click_in_panel(&mut harness, "Edit");
    harness.get_by_label("Edit source");
    type_in(&mut harness, "https://…", "www.newsweek.com/article");
    click_in_panel(&mut harness, "Save");
    harness.get_by_label_contains("Not a web address");
    assert_eq!(*harness.state().dataset(), opened);
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    harness.key_press(Key::Escape);
    harness.run_steps(3);

    // A new source, then deleted; the article, cited, cannot be.
    click_in_panel(&mut harness, "New source…");
    type_in_focused(&mut harness, "Analyst's field notes");
    click_in_panel(&mut harness, "Add");
    assert_in_panel(&harness, "Sources (3)");
    let delete_buttons = harness
        .get_all_by_label("Delete")
        .filter(|n| n.rect().min.x > SIDE_PANEL_X)
        .count();
    assert_eq!(delete_buttons, 3);
    harness
        .get_all_by_label("Delete")
        .filter(|n| n.rect().min.x > SIDE_PANEL_X)
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| panic!("no Delete for the new source"))
        .click();
    harness.run_steps(3);
    assert_eq!(*harness.state().dataset(), opened, "the new source is gone again");
    click_in_panel(&mut harness, "Delete");
    harness.get_by_label_contains("Cannot delete “North Korea Is a Surprisingly Valuable Wartime Ally");
    harness.get_by_label_contains("is cited by evidence on");
    assert_eq!(*harness.state().dataset(), opened, "a cited source stays");
    harness.get_by_label("OK").click();
    harness.run_steps(3);
    assert!(
        harness.query_by_label_contains("is cited by evidence on").is_none(),
        "read and closed"
    );
}

#[test]
fn an_actor_clicked_in_the_graph_is_the_one_a_merge_keeps_shown_before_anything_merges() {
    let mut harness = common::settled_app(None);
    common::pick_in_actor_list(&mut harness, "Soviet Union");
    click_in_panel(&mut harness, "Merge…");
    let russia = common::actor(&harness, "Russia");
    let at = harness
        .state()
        .actor_screen_position(russia)
        .unwrap_or_else(|| panic!("Russia is drawn"));
    common::click_at(&mut harness, at);
    harness.get_by_label("Merge “Soviet Union” into “Russia”");
    harness.get_by_label_contains("“Russia” stays a state; “Soviet Union” was a historical state.");
    assert!(harness.state().dataset().actor("soviet_union").is_some());
    click_in_panel(&mut harness, "Cancel");
    assert!(harness.state().dataset().actor("soviet_union").is_some(), "cancelled");
}

#[test]
fn a_relation_is_moved_to_other_actors_or_turned_round_in_its_form() {
    let mut harness = common::settled_app(None);
    let at = common::relation(&harness, "russia-war-in-ukraine");
    common::pick_in_actor_list(&mut harness, "Ukraine");
    harness.get_by_label_contains("← Russia").click();
    harness.run_steps(3);
    click_in_panel(&mut harness, "Edit");
    click_in_panel(&mut harness, "⇅ Swap");
    click_in_panel(&mut harness, "Save");
    let ends = |harness: &Harness<'_, App>| {
        let relation = &harness.state().dataset().relations[at];
        (relation.from.clone(), relation.to.clone())
    };
    assert_eq!(ends(&harness), ("ukraine".to_owned(), "russia".to_owned()));

    // The other end, clicked in the graph.
    click_in_panel(&mut harness, "Edit");
    let changes: Vec<_> = harness
        .get_all_by_label("Change")
        .filter(|n| n.rect().min.x > SIDE_PANEL_X)
        .collect();
    assert_eq!(changes.len(), 2);
    changes[1].click();
    harness.run_steps(3);
    let nato = common::actor(&harness, "NATO");
    let nato_at = harness
        .state()
        .actor_screen_position(nato)
        .unwrap_or_else(|| panic!("NATO is drawn"));
    common::click_at(&mut harness, nato_at);
    click_in_panel(&mut harness, "Save");
    assert_eq!(ends(&harness), ("ukraine".to_owned(), "nato".to_owned()));
    assert!(
        harness.state().relation_screen_position(at).is_some(),
        "drawn between its new ends"
    );
    keys(&mut harness, Modifiers::COMMAND, Key::Z);
    keys(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(ends(&harness), ("russia".to_owned(), "ukraine".to_owned()));
}
