//! The evidence card says whether each quote stands in its source's text.

use egui_kittest::kittest::Queryable;
use entente::ui::Selection;

mod common;

#[test]
fn the_built_in_chronology_quotes_show_verified_and_the_articles_show_no_text_to_check() {
    let mut harness = common::app_with(None);
    let troops = common::relation(&harness, "north-korea-troops-to-russia");
    // Russia's panel lists its relations; the troop deployment is "← North Korea (since October 2024)".
    common::pick_in_actor_list(&mut harness, "Russia");
    harness.get_by_label_contains("since October 2024").click();
    harness.run_steps(4);
    assert_eq!(harness.state().selection(), Some(Selection::Relation(troops)));
    assert!(harness.get_all_by_label("✔ Verified in the source's text").count() >= 1);
    assert!(harness.query_all_by_label("No text attached to check against").count() >= 1);
}

#[test]
fn a_quote_with_a_word_changed_shows_not_found_and_a_tolerated_one_says_what_was_set_aside() {
    let mut harness = common::app_with(Some("tests/data/quotes/quoted.json"));
    let troops = common::relation(&harness, "troops");
    common::open_relation_from_list(&mut harness, "Russia", "← North Korea");
    assert_eq!(harness.state().selection(), Some(Selection::Relation(troops)));
    harness.get_by_label("⚠ Not found in the source's text");
    harness.get_by_label(
        "✔ Verified in the source's text (whitespace and quotation marks and apostrophes and dashes aside)",
    );
    assert_eq!(harness.get_all_by_label("✔ Verified in the source's text").count(), 2);
    harness.get_by_label("No text attached to check against");
}

/// Clicks the topmost `label` in the side panel.
fn click_in_panel(harness: &mut egui_kittest::Harness<'_, entente::App>, label: &str) {
    harness
        .get_all_by_label(label)
        .filter(|n| n.rect().min.x > 800.0)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| panic!("no {label} in the side panel"))
        .click();
    harness.run_steps(3);
}

#[test]
fn pasting_the_articles_text_into_its_source_verifies_every_quote_from_it() {
    let article =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/north-korea-alliances-article.txt");
    let Ok(text) = std::fs::read_to_string(&article) else {
        eprintln!("not run: {} is not present", article.display());
        return;
    };
    let mut harness = common::app_with(None);
    // The dataset's overview lists its sources, the article first.
    click_in_panel(&mut harness, "Edit");
    harness
        .get_by(|n| n.placeholder() == Some("paste the source's text to check its quotes against"))
        .focus();
    harness.run_steps(1);
    harness
        .get_by(|n| n.placeholder() == Some("paste the source's text to check its quotes against"))
        .type_text(&text);
    harness.run_steps(2);
    click_in_panel(&mut harness, "Save");
    let article_source = harness
        .state()
        .dataset()
        .sources
        .iter()
        .find(|s| s.id == "newsweek-nk-partnerships")
        .and_then(|s| s.attached.clone());
    assert_eq!(article_source.as_deref().map(str::trim_end), Some(text.trim_end()));

    common::open_relation_from_list(&mut harness, "Russia", "← North Korea  (since October 2024)");
    assert_eq!(
        harness.query_all_by_label("No text attached to check against").count(),
        0
    );
    assert!(harness.get_all_by_label("✔ Verified in the source's text").count() >= 3);
    // One undo step takes the text off again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert!(harness.query_all_by_label("No text attached to check against").count() >= 1);
}
