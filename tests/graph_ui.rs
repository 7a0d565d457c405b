//! The graph as a user works it: clicking edges, the legend, search and the keyboard.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::ui::Selection;

mod common;

use common::{actor, app_with, click_at, press, relation, wheel_at};

const FRAMES_TO_SETTLE: usize = 120;

fn app() -> Harness<'static, App> {
    app_with(None)
}

fn click_relation(harness: &mut Harness<'_, App>, id: &str) {
    let index = relation(harness, id);
    let pos = harness
        .state()
        .relation_screen_position(index)
        .unwrap_or_else(|| panic!("{id} is not drawn"));
    click_at(harness, pos);
}

#[test]
fn clicking_the_troop_deployment_edge_shows_who_estimated_it_and_where() {
    let mut harness = app();
    click_relation(&mut harness, "north-korea-troops-to-russia");
    let index = relation(&harness, "north-korea-troops-to-russia");
    assert_eq!(harness.state().selection(), Some(Selection::Relation(index)));
    harness.get_by_label_contains("The U.S. and NATO have estimated that up to 10,000 North Korean personnel");
    harness.get_by_label("— The U.S. and NATO");
    harness.get_by_label("paragraph 3, line 3");
    harness.get_by_label("“up to 10,000 North Korean personnel”");
}

#[test]
fn every_relation_can_be_clicked_on_the_canvas() {
    let mut harness = app();
    let count = harness.state().dataset().relations.len();
    for index in 0..count {
        let Some(pos) = harness.state().relation_screen_position(index) else {
            panic!("relation {index} not drawn")
        };
        click_at(&mut harness, pos);
        assert_eq!(
            harness.state().selection(),
            Some(Selection::Relation(index)),
            "relation {index} at {pos:?}"
        );
    }
}

#[test]
fn unticking_a_kind_in_the_legend_removes_its_edges() {
    let mut harness = app();
    let all = harness.state().drawn_relation_count();
    harness
        .get_by_role_and_label(Role::CheckBox, "Troop deployment")
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .state()
            .filter()
            .hidden_relation_kinds
            .contains("troop_deployment")
    );
    assert_eq!(harness.state().drawn_relation_count(), all - 3);

    // Its edge can no longer be clicked.
    let index = relation(&harness, "north-korea-troops-to-russia");
    if let Some(pos) = harness.state().relation_screen_position(index) {
        click_at(&mut harness, pos);
        assert_ne!(harness.state().selection(), Some(Selection::Relation(index)));
    }

    harness
        .get_by_role_and_label(Role::CheckBox, "Troop deployment")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().drawn_relation_count(), all);
}

#[test]
fn searching_for_an_actor_selects_it_and_lists_its_relations() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    let search = harness.query_all_by_role(Role::TextInput).find(|n| n.is_focused());
    search
        .unwrap_or_else(|| panic!("Ctrl+F focuses the search box"))
        .type_text("ira");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection(),
        Some(Selection::Actor(actor(&harness, "Iran")))
    );
    harness.get_by_label("Relations (2)");
    harness.get_by_label("⇄ North Korea");
    harness.get_by_label("← North Korea  (1982–February 1988)");
}

#[test]
fn escape_clears_and_f_fits() {
    let mut harness = app();
    click_relation(&mut harness, "russia-north-korea-mutual-defence-treaty");
    assert!(harness.state().selection().is_some());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selection(), None);
}

#[test]
fn focus_shows_only_the_neighbourhood() {
    let mut harness = app();
    common::pick_in_actor_list(&mut harness, "Hamas");
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::CheckBox, "Hide the rest").click();
    harness.run_steps(2);
    harness.get_by_label("1 step").click();
    harness.run_steps(3);
    // Hamas links to North Korea and Israel; only relations among those three stay.
    assert_eq!(harness.state().drawn_relation_count(), 2);
}

#[test]
fn a_dragged_actor_stays_where_it_was_dropped_until_unpinned() {
    let mut harness = app();
    let iran = actor(&harness, "Iran");
    let start = harness
        .state()
        .actor_screen_position(iran)
        .unwrap_or_else(|| panic!("Iran is drawn"));
    // Dropped in a clear spot, so the right-click below lands on Iran and no other actor.
    let clear = |spot: egui::Pos2| {
        (0..harness.state().dataset().actors.len())
            .filter(|&other| other != iran)
            .filter_map(|other| harness.state().actor_screen_position(other))
            .all(|p| (p - spot).length() > 40.0)
    };
    let target = [
        (-60.0, 40.0),
        (60.0, 40.0),
        (-60.0, -40.0),
        (60.0, -40.0),
        (0.0, 70.0),
        (0.0, -70.0),
    ]
    .into_iter()
    .map(|(x, y)| start + egui::vec2(x, y))
    .find(|&spot| clear(spot))
    .unwrap_or_else(|| panic!("a clear spot near Iran"));
    harness.event(egui::Event::PointerMoved(start));
    harness.run_steps(1);
    press(&mut harness, start, egui::PointerButton::Primary, true);
    for i in 1..=10 {
        harness.event(egui::Event::PointerMoved(start + (target - start) * (i as f32 / 10.0)));
        harness.run_steps(1);
    }
    press(&mut harness, target, egui::PointerButton::Primary, false);
    harness.run_steps(FRAMES_TO_SETTLE);
    assert!(harness.state().is_pinned(iran));
    let now = harness
        .state()
        .actor_screen_position(iran)
        .unwrap_or_else(|| panic!("Iran is drawn"));
    assert!(
        (now - target).length() < 3.0,
        "Iran moved from where it was dropped: {now:?} vs {target:?}"
    );

    press(&mut harness, now, egui::PointerButton::Secondary, true);
    press(&mut harness, now, egui::PointerButton::Secondary, false);
    harness.run_steps(2);
    assert!(!harness.state().is_pinned(iran), "right-click unpins");
}

#[test]
fn the_mouse_wheel_zooms_about_the_pointer_within_limits() {
    let mut harness = app();
    let iran = actor(&harness, "Iran");
    let over_iran = harness
        .state()
        .actor_screen_position(iran)
        .unwrap_or_else(|| panic!("Iran is drawn"));
    let start = harness.state().zoom();
    let wheel = |harness: &mut Harness<'static, App>, lines: f32| {
        wheel_at(harness, over_iran, lines);
        harness.run_steps(3);
    };
    wheel(&mut harness, 3.0);
    assert!(harness.state().zoom() > start, "wheel up zooms in");
    let after = harness
        .state()
        .actor_screen_position(iran)
        .unwrap_or_else(|| panic!("Iran is drawn"));
    assert!(
        (after - over_iran).length() < 2.0,
        "the point under the pointer stays put"
    );
    for _ in 0..40 {
        wheel(&mut harness, 10.0);
    }
    assert!(
        (harness.state().zoom() - 6.0).abs() < 1e-3,
        "zoom stops at its limit: {}",
        harness.state().zoom()
    );
    for _ in 0..60 {
        wheel(&mut harness, -10.0);
    }
    assert!(
        (harness.state().zoom() - 0.02).abs() < 1e-4,
        "and at the other: {}",
        harness.state().zoom()
    );
}

#[test]
fn a_click_on_an_actor_selects_it_without_pinning_or_moving_it() {
    let mut harness = app();
    let iran = actor(&harness, "Iran");
    let before = harness
        .state()
        .actor_screen_position(iran)
        .unwrap_or_else(|| panic!("Iran is drawn"));
    click_at(&mut harness, before + egui::vec2(3.0, 2.0));
    assert_eq!(harness.state().selection(), Some(Selection::Actor(iran)));
    assert!(!harness.state().is_pinned(iran), "a click is not a drag");
    let after = harness
        .state()
        .actor_screen_position(iran)
        .unwrap_or_else(|| panic!("Iran is drawn"));
    assert!(
        (after - before).length() < 0.5,
        "Iran moved on a click: {before:?} -> {after:?}"
    );
}

#[test]
fn the_whole_graph_and_its_labels_fit_in_the_window_at_start() {
    let harness = app();
    let canvas_left = 230.0; // the left panel's default width
    let coalition = actor(&harness, "U.S.-led international coalition (Korean War)");
    let at = harness
        .state()
        .actor_screen_position(coalition)
        .unwrap_or_else(|| panic!("drawn"));
    // The label is about 230 points wide, centred under the node.
    assert!(at.x - 115.0 > canvas_left, "the longest label is cut off at {at:?}");
    for index in 0..harness.state().dataset().actors.len() {
        let p = harness
            .state()
            .actor_screen_position(index)
            .unwrap_or_else(|| panic!("drawn"));
        assert!(
            p.x > canvas_left && p.x < 1280.0 - 260.0 && p.y > 60.0 && p.y < 800.0,
            "actor {index} at {p:?}"
        );
    }
}

#[test]
fn a_reload_keeps_the_layout_and_the_zoom_and_lays_out_only_new_actors() {
    let (_folder, path) = common::copy_of_built_in_file();
    let mut harness = app_with(Some(&path.display().to_string()));
    harness.run_steps(FRAMES_TO_SETTLE);
    let iran = actor(&harness, "Iran");
    let over_iran = harness
        .state()
        .actor_screen_position(iran)
        .unwrap_or_else(|| panic!("Iran is drawn"));
    wheel_at(&mut harness, over_iran, 4.0);
    // egui spreads a wheel turn over several frames.
    harness.run_steps(60);
    let zoom = harness.state().zoom();
    assert!(zoom > 1.0, "zoomed in");
    let iran_before = harness.state().actor_screen_position(iran);
    let russia = actor(&harness, "Russia");
    let russia_before = harness.state().actor_screen_position(russia);

    // Another program adds an actor and saves; the user reloads.
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading the copy: {e}"));
    let text = text.replacen(
        "\"actors\": [",
        "\"actors\": [\n    { \"id\": \"newcomer\", \"name\": \"Newcomer\", \"kind\": \"state\" },",
        1,
    );
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing the copy: {e}"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    harness.run_steps(1);
    common::run_until_idle(&mut harness);
    assert_eq!(
        harness.state().dataset().actors.len(),
        entente::built_in_dataset().actors.len() + 1,
        "the new actor is there"
    );

    assert!((harness.state().zoom() - zoom).abs() < 1e-4, "the zoom is kept");
    let moved = |before: Option<egui::Pos2>, actor: usize, harness: &Harness<'_, App>| {
        let after = harness.state().actor_screen_position(actor);
        before.zip(after).map(|(b, a)| (a - b).length())
    };
    let iran = actor(&harness, "Iran");
    let russia = actor(&harness, "Russia");
    assert!(
        moved(iran_before, iran, &harness).is_some_and(|d| d < 1.0),
        "Iran stays put"
    );
    assert!(
        moved(russia_before, russia, &harness).is_some_and(|d| d < 1.0),
        "Russia stays put"
    );
}

/// A big graph's layout grows as it untangles (its coarse levels are compact): the view follows
/// it to the end, so the settled picture is shown whole, not the corner an early frame showed.
#[test]
fn a_big_layout_that_grows_as_it_settles_ends_shown_whole() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("grid.txt");
    let side = 40;
    let mut text = String::new();
    for row in 0..side {
        for column in 0..side {
            let at = row * side + column;
            if column + 1 < side {
                text.push_str(&format!("{at} {}\n", at + 1));
            }
            if row + 1 < side {
                text.push_str(&format!("{at} {}\n", at + side));
            }
        }
    }
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = app_with(path.to_str());
    common::settle(&mut harness);
    let area = harness.state().graph_area();
    let actors = harness.state().dataset().actors.len();
    let outside = (0..actors)
        .filter(|&a| {
            harness
                .state()
                .actor_screen_position(a)
                .is_none_or(|p| !area.expand(2.0).contains(p))
        })
        .count();
    assert_eq!(outside, 0, "{outside} of {actors} actors are outside the view");
}
