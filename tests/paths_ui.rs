//! Find Paths, as an analyst uses it: two actors chosen by name, the paths between them hop
//! by hop with their quotes, one highlighted on the canvas, and the answer following the
//! evidence filter.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::model::Emphasis;

mod common;

/// Types into the field that has the focus, then presses Enter (the first match is taken).
fn enter_name(harness: &mut Harness<'_, App>, name: &str) {
    harness
        .query_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap_or_else(|| panic!("a field has the focus for {name}"))
        .type_text(name);
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

fn first_paths(harness: &Harness<'_, App>) -> Vec<Vec<String>> {
    harness.state().found_paths().0
}

#[test]
fn iran_reaches_ukraine_through_north_korea_and_russia_each_hop_quoted_and_highlighted_until_escape() {
    let mut harness = common::app_with(None);
    harness.get_by_role_and_label(Role::Button, "Paths").click();
    harness.run_steps(3);
    enter_name(&mut harness, "Iran");
    enter_name(&mut harness, "Ukraine");

    let paths = first_paths(&harness);
    assert!(!paths.is_empty() && paths.len() <= 5, "{paths:?}");
    assert_eq!(paths[0], ["Iran", "North Korea", "Russia", "Ukraine"]);
    harness.get_by_label_contains("The only 3 paths over the 29 of 29 relations");

    harness.get_by_label("1. Iran → North Korea → Russia → Ukraine").click();
    harness.run_steps(3);
    assert_eq!(harness.state().found_paths().1, Some(0));
    // Each hop shows the statement that backs it.
    for quote in [
        "North Korea has emerged as an increasingly valuable partner",
        "continued to foster ties with Moscow",
        "When Russia launched its war in Ukraine in February 2022",
    ] {
        harness.get_by_label_contains(quote);
    }
    // On the canvas the path stands out and the rest is dimmed.
    let war = common::relation(&harness, "russia-war-in-ukraine");
    let hamas = harness
        .state()
        .dataset()
        .relations
        .iter()
        .position(|r| r.from.contains("hamas") || r.to.contains("hamas"))
        .unwrap_or_else(|| panic!("a relation of Hamas"));
    assert_eq!(harness.state().relation_emphasis(war), Some(Emphasis::Normal));
    assert_eq!(harness.state().relation_emphasis(hamas), Some(Emphasis::Dimmed));

    // A hop's relation opens with all its evidence; Esc comes back, then clears the highlight.
    harness
        .get_by_label("War: Russia → Ukraine · since 24 February 2022")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection(), Some(entente::ui::Selection::Relation(war)));
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert_eq!(harness.state().selection(), None);
    assert_eq!(harness.state().found_paths().1, Some(0));
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert_eq!(harness.state().found_paths().1, None);
    assert_eq!(harness.state().relation_emphasis(hamas), Some(Emphasis::Normal));
}

#[test]
fn trusting_only_better_sources_drops_the_path_that_rests_on_a_weaker_one_and_says_when_none_is_left() {
    // The built-in dataset with its sources graded as an analyst might: the article C, the
    // chronology B.
    let (_folder, path) = common::copy_of_built_in_file();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    for source in json["sources"].as_array_mut().into_iter().flatten() {
        let grade = if source["id"].as_str().is_some_and(|id| id.contains("chronology")) {
            "B"
        } else {
            "C"
        };
        source["reliability"] = grade.into();
    }
    std::fs::write(&path, json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = common::app_with(path.to_str());

    // From the actor's own panel.
    common::pick_in_actor_list(&mut harness, "Iran");
    harness.get_by_role_and_label(Role::Button, "Paths…").click();
    harness.run_steps(3);
    enter_name(&mut harness, "Ukraine");
    let all = first_paths(&harness);
    assert!(all.iter().any(|p| p.contains(&"United States".to_owned())), "{all:?}");
    harness
        .get_by_label("2. Iran → North Korea → United States → Ukraine")
        .click();
    harness.run_steps(3);
    assert!(harness.get_all_by_label("3 hops · weakest: C").count() >= 1);
    harness.get_by_label("⚠ weakest hop");

    harness.get_by_label("Evidence").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Evidence").click();
    harness.run_steps(3);
    common::pick_in_combo(&mut harness, "source reliability", "B or better (usually reliable)");
    let trusted = first_paths(&harness);
    assert_eq!(trusted, [["Iran", "North Korea", "Russia", "Ukraine"]]);
    harness.get_by_label_contains("The only path over the 18 of 29 relations");
    assert_eq!(harness.state().found_paths().1, None, "the path chosen is gone");

    common::pick_in_combo(&mut harness, "source reliability", "A or better (completely reliable)");
    assert!(first_paths(&harness).is_empty());
    harness.get_by_label_contains("No path from Iran to Ukraine over the 0 of 29 relations");
}
