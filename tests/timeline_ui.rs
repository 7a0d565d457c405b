//! The timeline: the built-in dataset as of a year, the story it tells through time, and
//! playing through the years.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::model::Emphasis;

mod common;

use common::{app_with, click_at, relation};

/// Turns the time filter on, as a user ticks "Time".
fn time_on(harness: &mut Harness<'_, App>) {
    harness.get_by_role_and_label(Role::CheckBox, "Time").click();
    harness.run_steps(3);
}

/// Clicks the year on the timeline's strip, as a user picks a year.
fn see_year(harness: &mut Harness<'_, App>, year: i32) {
    let at = harness
        .state()
        .timeline_year_position(year)
        .unwrap_or_else(|| panic!("the timeline shows {year}"));
    click_at(harness, at);
    harness.run_steps(2);
    assert_eq!(
        harness.state().time_window().map(|w| w.span.from),
        Some(year),
        "clicking {year} on the strip shows {year}"
    );
    harness.get_by_label(&format!("as of {year}"));
}

#[test]
fn playing_from_1945_starts_with_the_soviet_occupation_and_fades_what_came_later() {
    let mut harness = app_with(None);
    let this_year = entente::model::this_year();
    harness.get_by_label(&format!("1945–{this_year}: all periods shown"));
    time_on(&mut harness);
    let window = harness
        .state()
        .time_window()
        .unwrap_or_else(|| panic!("the time filter is on"));
    assert_eq!(window.span.from, this_year, "it starts at the latest year");

    let founding = relation(&harness, "soviet-union-founds-north-korea");
    let korean_war = relation(&harness, "china-supports-north-korea-korean-war");
    let munitions = relation(&harness, "north-korea-munitions-to-russia");
    let partnership = relation(&harness, "north-korea-iran-partnership");
    assert_eq!(harness.state().relation_emphasis(korean_war), Some(Emphasis::Dimmed));
    assert_eq!(harness.state().relation_emphasis(munitions), Some(Emphasis::Normal));

    // At the last year, Play starts again from the first.
    harness.get_by_role_and_label(Role::Button, "▶ Play").click();
    harness.run_steps(3);
    assert!(harness.state().is_playing());
    assert_eq!(harness.state().time_window().map(|w| w.span.from), Some(1945));
    assert_eq!(harness.state().relation_emphasis(founding), Some(Emphasis::Normal));
    assert_eq!(harness.state().relation_emphasis(korean_war), Some(Emphasis::Dimmed));
    assert_eq!(harness.state().relation_emphasis(munitions), Some(Emphasis::Dimmed));
    assert_eq!(
        harness.state().relation_emphasis(partnership),
        Some(Emphasis::Normal),
        "undated: always shown"
    );
    let undated = harness
        .state()
        .dataset()
        .relations
        .iter()
        .filter(|r| r.period.is_none())
        .count();
    let undated_box = format!("{undated} undated");
    harness.get_by_role_and_label(Role::CheckBox, &undated_box).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().relation_emphasis(partnership),
        Some(Emphasis::Dimmed),
        "unticked, the undated fade with the other years"
    );
    harness.get_by_role_and_label(Role::CheckBox, &undated_box).click();
    harness.run_steps(3);

    // One year a second by default.
    std::thread::sleep(std::time::Duration::from_millis(1050));
    harness.run_steps(3);
    assert_eq!(
        harness.state().time_window().map(|w| w.span.from),
        Some(1946),
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

/// As of 1951 the Korean War is on and the 2024 treaty is decades away; as of 2025 the 2024
/// treaty and the troops in Russia are there and the 1961 Soviet treaty is long gone.
#[test]
fn the_built_in_dataset_tells_the_story_through_time() {
    let mut harness = app_with(None);
    time_on(&mut harness);
    harness
        .get_by_role_and_label(Role::CheckBox, "Hide other years")
        .click();
    harness.run_steps(2);
    let shown = |harness: &Harness<'_, App>, id: &str| {
        harness.state().relation_emphasis(relation(harness, id)) == Some(Emphasis::Normal)
    };

    see_year(&mut harness, 1951);
    for id in [
        "china-supports-north-korea-korean-war",
        "soviet-union-supports-north-korea-korean-war",
        "korean-war-north-korea-south-korea",
        "korean-war-north-korea-coalition",
    ] {
        assert!(shown(&harness, id), "{id} is shown as of 1951");
    }
    for id in [
        "russia-north-korea-mutual-defence-treaty",
        "soviet-union-north-korea-treaty-1961",
        "north-korea-troops-to-russia",
    ] {
        assert!(!shown(&harness, id), "{id} is not shown as of 1951");
    }

    see_year(&mut harness, 2025);
    for id in [
        "russia-north-korea-mutual-defence-treaty",
        "north-korea-troops-to-russia",
        "north-korea-munitions-to-russia",
        "china-north-korea-treaty-1961",
    ] {
        assert!(shown(&harness, id), "{id} is shown as of 2025");
    }
    for id in [
        "soviet-union-north-korea-treaty-1961",
        "russia-north-korea-treaty-2000",
        "china-supports-north-korea-korean-war",
    ] {
        assert!(!shown(&harness, id), "{id} is not shown as of 2025");
    }

    // Iran's arms from North Korea came in two spells the chronology records, not between.
    see_year(&mut harness, 1985);
    assert!(!shown(&harness, "north-korea-arms-to-iran"), "between its spells");
    see_year(&mut harness, 1987);
    assert!(shown(&harness, "north-korea-arms-to-iran"), "the Scud-B deliveries");

    // A year at a time, with the buttons either side of the year.
    harness.get_by_role_and_label(Role::Button, "◀").click();
    harness.run_steps(2);
    harness.get_by_label("as of 1986");
    assert!(!shown(&harness, "north-korea-arms-to-iran"), "not yet");
    harness.get_by_role_and_label(Role::Button, "▶").click();
    harness.run_steps(2);
    harness.get_by_label("as of 1987");
}

/// Compare 2000 with 2025: the 2024 treaty and the troops began, the 2000 treaty ended, the
/// 1961 Chinese treaty held throughout; the side panel lists the changes and opens each one's
/// evidence.
#[test]
fn comparing_2000_with_2025_shows_what_began_and_what_ended() {
    use entente::model::Change;
    use entente::ui::Selection;
    let mut harness = app_with(None);
    time_on(&mut harness);
    harness.get_by_role_and_label(Role::CheckBox, "Compare").click();
    harness.run_steps(3);
    let this_year = entente::model::this_year();
    let span = |harness: &Harness<'_, App>| harness.state().time_window().map(|w| (w.span.from, w.span.to));
    assert_eq!(
        span(&harness),
        Some((this_year - 10, this_year)),
        "ten years back to now"
    );
    // The handles move to the years clicked, each the one nearer.
    for year in [2000, 2025] {
        let at = harness
            .state()
            .timeline_year_position(year)
            .unwrap_or_else(|| panic!("the strip shows {year}"));
        click_at(&mut harness, at);
        harness.run_steps(2);
    }
    assert_eq!(span(&harness), Some((2000, 2025)));
    let change = |harness: &Harness<'_, App>, id: &str| harness.state().relation_change(relation(harness, id));
    assert_eq!(
        change(&harness, "russia-north-korea-mutual-defence-treaty"),
        Some(Change::Began)
    );
    assert_eq!(change(&harness, "north-korea-troops-to-russia"), Some(Change::Began));
    assert_eq!(change(&harness, "russia-north-korea-treaty-2000"), Some(Change::Ended));
    assert_eq!(
        change(&harness, "china-north-korea-treaty-1961"),
        Some(Change::Unchanged)
    );
    let unchanged = relation(&harness, "china-north-korea-treaty-1961");
    assert_eq!(
        harness.state().relation_emphasis(unchanged),
        Some(Emphasis::Dimmed),
        "faint"
    );
    let ended = relation(&harness, "russia-north-korea-treaty-2000");
    assert_eq!(
        harness.state().relation_emphasis(ended),
        Some(Emphasis::Normal),
        "drawn, as a ghost"
    );

    harness.get_by_label("What changed, 2000 → 2025");
    harness.get_by_label("Ended by 2025 (1)");
    harness.get_by_label_contains("2000-02-09: Russia and North Korea signed the Treaty");
    // The one ended relation's link opens it with its evidence.
    let links: Vec<_> = harness.query_all_by_label("Russia ⇄ North Korea").collect();
    let last = links.last().unwrap_or_else(|| panic!("the ended treaty is listed"));
    last.click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection(), Some(Selection::Relation(ended)));
    harness.get_by_label("Evidence (1)");
}

/// The two years compared can be typed, as precisely as the strip's narrow bars cannot be
/// clicked.
#[test]
fn the_years_compared_can_be_typed() {
    let mut harness = app_with(None);
    time_on(&mut harness);
    harness.get_by_role_and_label(Role::CheckBox, "Compare").click();
    harness.run_steps(3);
    let this_year = entente::model::this_year();
    let first_year = (this_year - 10).to_string();
    let field = |harness: &Harness<'_, App>| {
        harness
            .query_all_by_role(Role::TextInput)
            .find(|n| n.value().as_deref() == Some(first_year.as_str()) || n.is_focused())
            .map(|n| n.rect().center())
            .unwrap_or_else(|| panic!("the first year is a field"))
    };
    let at = field(&harness);
    click_at(&mut harness, at);
    harness.run_steps(2);
    // Clicked, the field's year is selected: typing replaces it.
    harness
        .query_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap_or_else(|| panic!("clicking the year lets the user type it"))
        .type_text("1961");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        harness.state().time_window().map(|w| (w.span.from, w.span.to)),
        Some((1961, this_year))
    );
}
