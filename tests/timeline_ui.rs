//! The timeline: seeing the built-in dataset as of a year, and playing through the years.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use entente::model::Emphasis;

mod common;

use common::{app_with, relation};

#[test]
fn playing_from_1950_shows_the_korean_war_and_fades_what_came_later() {
    let mut harness = app_with(None);
    harness.get_by_label(
        "1950–2026: all periods shown"
            .replace("2026", &entente::model::this_year().to_string())
            .as_str(),
    );
    harness.get_by_role_and_label(Role::CheckBox, "Time").click();
    harness.run_steps(3);
    let window = harness
        .state()
        .time_window()
        .unwrap_or_else(|| panic!("the time filter is on"));
    assert_eq!(
        window.span.from,
        entente::model::this_year(),
        "it starts at the latest year"
    );

    let korean_war = relation(&harness, "china-supports-north-korea-korean-war");
    let munitions = relation(&harness, "north-korea-munitions-to-russia");
    let treaty = relation(&harness, "russia-north-korea-mutual-defence-treaty");
    assert_eq!(harness.state().relation_emphasis(korean_war), Some(Emphasis::Dimmed));
    assert_eq!(harness.state().relation_emphasis(munitions), Some(Emphasis::Normal));

    // At the last year, Play starts again from the first.
    harness.get_by_role_and_label(Role::Button, "▶ Play").click();
    harness.run_steps(3);
    assert!(harness.state().is_playing());
    assert_eq!(harness.state().time_window().map(|w| w.span.from), Some(1950));
    assert_eq!(harness.state().relation_emphasis(korean_war), Some(Emphasis::Normal));
    assert_eq!(harness.state().relation_emphasis(munitions), Some(Emphasis::Dimmed));
    assert_eq!(
        harness.state().relation_emphasis(treaty),
        Some(Emphasis::Normal),
        "undated: always shown"
    );
    harness.get_by_label("16 undated, always shown");

    // One year a second by default.
    std::thread::sleep(std::time::Duration::from_millis(1050));
    harness.run_steps(3);
    assert_eq!(
        harness.state().time_window().map(|w| w.span.from),
        Some(1951),
        "a year later"
    );

    harness.get_by_role_and_label(Role::Button, "⏸ Pause").click();
    harness.run_steps(2);
    assert!(!harness.state().is_playing());
    harness
        .get_by_role_and_label(Role::CheckBox, "Hide other years")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().relation_emphasis(munitions), None, "hidden, not faded");
}
