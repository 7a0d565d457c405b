//! The picture stays readable on files other people made: labels that never pile up, actors
//! that never sit on one another, the selected actor brought forward and its neighbourhood
//! focused, a view that fits, actors the user can find, drag and size.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::ui::Selection;

mod common;

use common::{actor, click_at, relation, settle, settled_app, type_into};

const SIPRI: &str = "tests/data/readability/sipri-dense.csv";

fn assert_labels_apart(harness: &Harness<'_, App>) {
    let labels = harness.state().drawn_labels();
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            assert!(
                !a.rect.shrink(0.5).intersects(b.rect.shrink(0.5)),
                "the labels of actors {} and {} overlap: {:?} and {:?}",
                a.actor,
                b.actor,
                a.rect,
                b.rect
            );
        }
    }
    let canvas = harness.state().graph_area();
    for label in labels {
        assert!(
            canvas.expand(0.5).contains_rect(label.rect),
            "{label:?} leaves the canvas"
        );
    }
}

fn labelled(harness: &Harness<'_, App>, actor: usize) -> bool {
    harness.state().drawn_labels().iter().any(|l| l.actor == actor)
}

#[test]
fn on_a_dense_trade_register_labels_never_overlap_and_actors_never_sit_on_one_another() {
    let mut harness = settled_app(Some(SIPRI));
    assert_eq!(harness.state().dataset().actors.len(), 258);
    let labels = harness.state().drawn_labels().len();
    assert!(labels >= 40, "the picture names a good share of its actors: {labels}");
    assert!(labels < 258, "but not so many that they pile up");
    assert_labels_apart(&harness);

    let app = harness.state();
    let actors = app.dataset().actors.len();
    let places: Vec<_> = (0..actors)
        .map(|a| {
            let p = app.actor_layout_position(a).unwrap_or_else(|| panic!("{a} placed"));
            (p, app.actor_radius(a))
        })
        .collect();
    for (i, (p, r)) in places.iter().enumerate() {
        for (j, (q, s)) in places.iter().enumerate().skip(i + 1) {
            assert!(
                (*p - *q).length() >= r + s,
                "actors {i} and {j} overlap once the layout has settled"
            );
        }
    }
    // Sizes grow with relations, but stay within bounds whatever a supplier's reach.
    let radii: Vec<f32> = places.iter().map(|(_, r)| *r).collect();
    let largest = radii.iter().copied().fold(0.0, f32::max);
    let smallest = radii.iter().copied().fold(f32::INFINITY, f32::min);
    assert!(largest <= 4.0 * smallest, "{largest} against {smallest}");

    // Zooming in lets more names in, still apart.
    let centre = harness.state().graph_area().center();
    common::wheel_at(&mut harness, centre, 6.0);
    harness.run_steps(4);
    assert_labels_apart(&harness);
}

#[test]
fn selecting_an_actor_brings_its_relations_and_neighbours_forward_and_fades_the_rest() {
    let mut harness = settled_app(Some(SIPRI));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness
        .query_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap_or_else(|| panic!("Ctrl+F focuses the search box"))
        .type_text("North Korea");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    let north_korea = actor(&harness, "North Korea");
    assert_eq!(harness.state().selection(), Some(Selection::Actor(north_korea)));

    let app = harness.state();
    let dataset = app.dataset();
    for (r, relation) in dataset.relations.iter().enumerate() {
        let own = relation.from.ends_with("north_korea") || relation.to.ends_with("north_korea");
        assert_eq!(app.is_brought_forward(r), own, "{}", relation.id);
    }
    let russia = actor(&harness, "Russia");
    let malta = actor(&harness, "Malta");
    let app = harness.state();
    assert!(
        !app.drawn_actor(russia).is_some_and(|d| d.faded),
        "a neighbour stays in full"
    );
    assert!(app.drawn_actor(malta).is_some_and(|d| d.faded), "the rest fades");
    assert!(labelled(&harness, north_korea), "the selected actor is named");
    assert!(labelled(&harness, russia), "and its neighbours are");
    assert!(!labelled(&harness, malta), "what fades is not");
    assert_labels_apart(&harness);
}

#[test]
fn hovering_an_actor_previews_what_selecting_it_would_bring_forward() {
    let mut harness = settled_app(None);
    let hamas = actor(&harness, "Hamas");
    let pos = harness
        .state()
        .actor_screen_position(hamas)
        .unwrap_or_else(|| panic!("Hamas is drawn"));
    harness.event(egui::Event::PointerMoved(pos));
    harness.run_steps(3);
    let own = relation(&harness, "north-korea-military-assistance-hamas");
    let other = relation(&harness, "north-korea-troops-to-russia");
    assert!(harness.state().is_brought_forward(own));
    assert!(!harness.state().is_brought_forward(other));
    assert_eq!(harness.state().selection(), None, "a preview selects nothing");
    harness.event(egui::Event::PointerMoved(egui::pos2(5.0, 795.0)));
    harness.run_steps(3);
    assert!(
        !harness.state().is_brought_forward(own),
        "the preview ends with the hover"
    );
}

#[test]
fn focus_keeps_to_the_actors_own_relations_and_stays_while_they_are_read() {
    let mut harness = settled_app(None);
    harness.get_by_role_and_label(Role::Button, "South Korea").click();
    harness.run_steps(2);
    harness.get_by_label("1 step").click();
    harness.run_steps(3);
    let in_full = |harness: &Harness<'_, App>| {
        (0..harness.state().dataset().relations.len())
            .filter(|&r| harness.state().relation_emphasis(r) == Some(entente::model::Emphasis::Normal))
            .collect::<Vec<_>>()
    };
    let south_korea = harness.state().dataset().actors[actor(&harness, "South Korea")]
        .id
        .clone();
    let own: Vec<usize> = (0..harness.state().dataset().relations.len())
        .filter(|&r| {
            let relation = &harness.state().dataset().relations[r];
            relation.from == south_korea || relation.to == south_korea
        })
        .collect();
    assert_eq!(
        in_full(&harness),
        own,
        "only South Korea's own relations, not the one between its neighbours"
    );

    // Reading one of them keeps Focus on South Korea.
    let first = own[0];
    let pos = harness
        .state()
        .relation_screen_position(first)
        .unwrap_or_else(|| panic!("drawn"));
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selection(), Some(Selection::Relation(first)));
    assert_eq!(in_full(&harness), own, "Focus stays on while its relations are read");

    harness
        .get_by_role_and_label(Role::CheckBox, "Links among them")
        .click();
    harness.run_steps(3);
    assert!(
        in_full(&harness).len() > own.len(),
        "the option adds the relations among its neighbours"
    );
}

#[test]
fn fit_fills_the_canvas_and_with_focus_fits_what_focus_shows() {
    let mut harness = settled_app(None);
    let spread = |harness: &Harness<'_, App>, actors: &[usize]| {
        let app = harness.state();
        let points: Vec<egui::Pos2> = actors.iter().filter_map(|&a| app.actor_screen_position(a)).collect();
        egui::Rect::from_points(&points)
    };
    let everyone: Vec<usize> = (0..harness.state().dataset().actors.len()).collect();
    harness.key_press(egui::Key::F);
    harness.run_steps(3);
    let canvas = harness.state().graph_area();
    let drawn = spread(&harness, &everyone);
    assert!(
        drawn.width() >= 0.8 * canvas.width() || drawn.height() >= 0.8 * canvas.height(),
        "the graph ({drawn:?}) fills the canvas ({canvas:?})"
    );

    common::pick_in_actor_list(&mut harness, "Hamas");
    harness.run_steps(2);
    harness.get_by_label("1 step").click();
    harness.run_steps(3);
    harness.key_press(egui::Key::F);
    harness.run_steps(3);
    let focused: Vec<usize> = ["Hamas", "North Korea", "Israel"]
        .iter()
        .map(|name| actor(&harness, name))
        .collect();
    let drawn = spread(&harness, &focused);
    assert!(
        drawn.width() >= 0.7 * canvas.width() || drawn.height() >= 0.7 * canvas.height(),
        "the focused actors ({drawn:?}) fill the canvas ({canvas:?})"
    );
}

#[test]
fn clicking_an_actor_in_the_list_centres_it() {
    let mut harness = settled_app(Some(SIPRI));
    let centre = harness.state().graph_area().center();
    type_into(&mut harness, |r| r.left() < 300.0, "Zambia");
    harness.get_by_role_and_label(Role::Button, "Zambia").click();
    harness.run_steps(4);
    let zambia = actor(&harness, "Zambia");
    let at = harness
        .state()
        .actor_screen_position(zambia)
        .unwrap_or_else(|| panic!("drawn"));
    assert!(at.distance(centre) < 2.0, "{at:?} is not the centre {centre:?}");
}

#[test]
fn dragging_an_actor_moves_its_neighbourhood_not_the_whole_picture() {
    let mut harness = settled_app(Some(SIPRI));
    let mover = actor(&harness, "Test armed group 7");
    let far = actor(&harness, "Iceland");
    let before = harness.state().actor_layout_position(far);
    let start = harness
        .state()
        .actor_screen_position(mover)
        .unwrap_or_else(|| panic!("drawn"));
    harness.event(egui::Event::PointerMoved(start));
    harness.run_steps(1);
    common::press(&mut harness, start, egui::PointerButton::Primary, true);
    for step in 1..=10 {
        harness.event(egui::Event::PointerMoved(
            start + egui::vec2(6.0 * step as f32, 4.0 * step as f32),
        ));
        harness.run_steps(1);
    }
    common::press(
        &mut harness,
        start + egui::vec2(60.0, 40.0),
        egui::PointerButton::Primary,
        false,
    );
    settle(&mut harness);
    assert!(harness.state().is_pinned(mover));
    let shared_neighbour = {
        let app = harness.state();
        let ids = |a: usize| app.dataset().actors[a].id.clone();
        let (mover_id, far_id) = (ids(mover), ids(far));
        app.dataset()
            .relations
            .iter()
            .any(|r| (r.from == mover_id || r.to == mover_id) && (r.from == far_id || r.to == far_id))
    };
    assert!(!shared_neighbour, "the fixture's two actors are not linked");
    assert_eq!(
        harness.state().actor_layout_position(far),
        before,
        "a distant actor did not move"
    );
}

#[test]
fn the_user_chooses_what_sizes_actors() {
    let mut harness = settled_app(None);
    let radii = |harness: &Harness<'_, App>| {
        (0..harness.state().dataset().actors.len())
            .map(|a| harness.state().actor_radius(a))
            .collect::<Vec<f32>>()
    };
    let by_relations = radii(&harness);
    let north_korea = actor(&harness, "North Korea");
    assert!(
        by_relations.iter().all(|r| *r <= by_relations[north_korea]),
        "the hub is the biggest"
    );
    harness.get_by_role_and_label(Role::ComboBox, "sized by").click();
    harness.run_steps(2);
    harness.get_by_label("Nothing (all the same)").click();
    harness.run_steps(3);
    let same = radii(&harness);
    assert!(same.windows(2).all(|w| w[0] == w[1]), "{same:?}");
    assert_eq!(
        harness.state().drawn_actor(north_korea).map(|d| d.radius),
        Some(same[0])
    );
}

#[test]
fn a_relation_under_the_resting_pointer_says_what_it_is_and_glows() {
    let mut harness = settled_app(None);
    let troops = relation(&harness, "north-korea-troops-to-russia");
    let pos = harness
        .state()
        .relation_screen_position(troops)
        .unwrap_or_else(|| panic!("the relation is drawn"));
    harness.event(egui::Event::PointerMoved(pos));
    harness.run_steps(10);
    assert_eq!(harness.state().hovered_relation(), Some(troops));
    assert!(
        harness.query_by_label_contains("click to read").is_some(),
        "its tooltip is shown"
    );
    harness.event(egui::Event::PointerMoved(egui::pos2(5.0, 795.0)));
    harness.run_steps(3);
    assert_eq!(
        harness.state().hovered_relation(),
        None,
        "nothing glows once the pointer leaves"
    );
}
