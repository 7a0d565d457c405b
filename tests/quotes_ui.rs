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
    assert!(harness.get_all_by_label("No text attached to check against").count() >= 1);
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
