//! The picture stays readable on files other people made: labels that never pile up, actors
//! that never sit on one another, the selected actor brought forward, a file's own colours,
//! kinds and names kept, and a window that fits.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::ui::Selection;

mod common;

use common::{actor, app_with, click_at, relation, run_until_idle};

const SIPRI: &str = "tests/data/readability/sipri-dense.csv";
const GEPHI: &str = "tests/data/readability/gephi-viz.gexf";
const TINKERPOP: &str = "tests/data/readability/tinkerpop-typed.graphml";
const AIRPORTS: &str = "tests/data/readability/airports.graphml";

/// Runs frames until the layout has settled (big files lay out on a thread of their own).
fn settle(harness: &mut Harness<'_, App>) {
    for _ in 0..3_000 {
        harness.run_steps(1);
        if !harness.state().is_laying_out() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("the layout never settled");
}

fn settled_app(file: Option<&str>) -> Harness<'static, App> {
    let mut harness = app_with(file);
    settle(&mut harness);
    harness
}

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

/// Types into the text field whose place on screen `at` picks.
fn type_into(harness: &mut Harness<'_, App>, at: impl Fn(egui::Rect) -> bool, text: &str) {
    let field = harness
        .query_all_by_role(Role::TextInput)
        .find(|n| at(n.rect()))
        .unwrap_or_else(|| panic!("no text field there"));
    field.focus();
    harness.run_steps(1);
    harness
        .query_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap_or_else(|| panic!("the field took the focus"))
        .type_text(text);
    harness.run_steps(3);
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

    harness.get_by_role_and_label(Role::Button, "Hamas").click();
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
fn after_adding_a_register_the_legend_can_show_the_articles_claims_alone() {
    // Tall enough for the legend to show every source without scrolling.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 1200.0))
        .build_eframe(|cc| App::new(cc, None));
    run_until_idle(&mut harness);
    harness.state_mut().add_dataset_path(std::path::Path::new(SIPRI));
    run_until_idle(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Add to dataset").click();
    run_until_idle(&mut harness);
    harness.run_steps(5);
    let sipri_source = "SIPRI Arms Transfers Database (trade register)";
    harness
        .get(
            egui_kittest::kittest::By::new()
                .role(Role::CheckBox)
                .label_contains(sipri_source),
        )
        .click();
    harness.run_steps(3);
    let app = harness.state();
    let sources = &app.dataset().sources;
    for (r, relation) in app.dataset().relations.iter().enumerate() {
        let from_sipri = relation
            .evidence
            .iter()
            .all(|e| sources.iter().any(|s| s.id == e.source && s.title == sipri_source));
        assert_eq!(
            app.relation_emphasis(r).is_none(),
            from_sipri,
            "{} is {}",
            relation.id,
            if from_sipri { "SIPRI's" } else { "the article's" }
        );
    }
}

#[test]
fn a_gephi_file_is_drawn_in_its_own_colours_and_sizes_until_the_user_switches_them_off() {
    let mut harness = settled_app(Some(GEPHI));
    let hub = actor(&harness, "Hub");
    let east = actor(&harness, "East");
    let drawn = |harness: &Harness<'_, App>, a: usize| {
        harness
            .state()
            .drawn_actor(a)
            .unwrap_or_else(|| panic!("actor {a} drawn"))
    };
    assert_eq!(drawn(&harness, hub).colour, egui::Color32::from_rgb(235, 81, 72));
    assert_eq!(drawn(&harness, east).colour, egui::Color32::from_rgb(91, 91, 245));
    assert_eq!(drawn(&harness, hub).shape, entente::model::NodeShape::Disc);
    assert!(
        drawn(&harness, hub).radius > 2.0 * drawn(&harness, east).radius,
        "viz:size 28.7 against 9.2"
    );
    // Gephi's layout is kept: east of the hub stays east, north stays up.
    let (p_hub, p_east) = (
        harness.state().actor_screen_position(hub),
        harness.state().actor_screen_position(east),
    );
    let north = harness.state().actor_screen_position(actor(&harness, "North"));
    assert!(p_east.zip(p_hub).is_some_and(|(e, h)| e.x > h.x));
    assert!(north.zip(p_hub).is_some_and(|(n, h)| n.y < h.y));

    harness
        .get_by_role_and_label(Role::CheckBox, "The file's own colours and sizes")
        .click();
    harness.run_steps(3);
    let kind = harness.state().kind_looks().actor("other");
    assert_eq!(drawn(&harness, hub).colour, kind.0, "drawn by kind");
    assert_eq!(drawn(&harness, hub).shape, kind.1);
}

#[test]
fn a_typed_graphml_keeps_its_kinds_and_names() {
    let harness = settled_app(Some(TINKERPOP));
    for kind in ["song", "artist", "followedBy", "writtenBy", "sungBy"] {
        harness.get_by_role_and_label(Role::CheckBox, kind);
    }
    let dataset = harness.state().dataset();
    assert!(dataset.actors.iter().any(|a| a.name == "SONG ONE" && a.kind == "song"));
    assert!(
        dataset
            .actors
            .iter()
            .any(|a| a.name == "Writer_A" && a.kind == "artist")
    );
    assert!(
        !harness.state().is_asking_how_to_read(),
        "TinkerPop's conventions need no question"
    );
}

#[test]
fn when_names_are_a_guess_the_user_is_asked_and_the_answer_is_remembered() {
    let mut harness = app_with(Some(AIRPORTS));
    assert!(harness.state().is_asking_how_to_read());
    assert_eq!(
        harness.state().dataset().title,
        "North Korea's partnerships",
        "nothing opens before the answer"
    );
    harness.get_by_label_contains("How should Entente read airports.graphml?");
    harness.get_by_label_contains("AAA, BBB, CCC");
    harness.get_by_role_and_label(Role::Button, "Open").click();
    run_until_idle(&mut harness);
    settle(&mut harness);
    let app = harness.state();
    assert!(!app.is_asking_how_to_read());
    let names: Vec<&str> = app.dataset().actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(&names[..3], ["AAA", "BBB", "CCC"]);
    // The file's x/y are the layout: AAA is west of BBB, as its x says.
    let (aaa, bbb) = (actor(&harness, "AAA"), actor(&harness, "BBB"));
    let (a, b) = (
        harness.state().actor_layout_position(aaa),
        harness.state().actor_layout_position(bbb),
    );
    assert!(a.zip(b).is_some_and(|(a, b)| a.x < b.x));

    // Opened again, the file is read the same way without asking.
    harness
        .state_mut()
        .open_path(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(AIRPORTS));
    run_until_idle(&mut harness);
    assert!(!harness.state().is_asking_how_to_read());
    assert!(harness.state().dataset().actors.iter().any(|a| a.name == "LLL"));
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
fn the_relation_table_sorts_by_any_column_filters_and_follows_focus() {
    let mut harness = settled_app(None);
    harness.get_by_label("Table").click();
    harness.run_steps(3);
    let total = harness.state().dataset().relations.len();
    assert_eq!(harness.state().table_rows().len(), total);
    harness.get_by_label("From").click();
    harness.run_steps(2);
    let from_names = |harness: &Harness<'_, App>| {
        let app = harness.state();
        app.table_rows()
            .iter()
            .map(|&r| {
                let id = &app.dataset().relations[r].from;
                app.dataset().actor(id).map_or(id.clone(), |a| a.name.to_lowercase())
            })
            .collect::<Vec<_>>()
    };
    let names = from_names(&harness);
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted by From: {names:?}");
    harness.get_by_label("From ▲").click();
    harness.run_steps(2);
    let names = from_names(&harness);
    assert!(names.windows(2).all(|w| w[0] >= w[1]), "and reversed: {names:?}");

    // The table's filter is the text field lowest on screen outside the left panel.
    let canvas_left = harness.state().graph_area().left();
    let table_filter_top = harness
        .query_all_by_role(Role::TextInput)
        .map(|n| n.rect())
        .filter(|r| r.left() >= canvas_left - 10.0)
        .map(|r| r.top())
        .fold(0.0f32, f32::max);
    let in_table = |r: egui::Rect| r.left() >= canvas_left - 10.0 && r.top() >= table_filter_top;
    type_into(&mut harness, in_table, "Hezbollah");
    assert_eq!(harness.state().table_rows().len(), 2, "Hezbollah's two relations");
    for _ in 0.."Hezbollah".len() {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run_steps(2);
    assert_eq!(harness.state().table_rows().len(), total);

    // Focus set on the graph applies to the table too.
    harness.get_by_label("Graph").click();
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "Hamas").click();
    harness.run_steps(2);
    harness.get_by_label("1 step").click();
    harness.run_steps(2);
    harness.get_by_label("Table").click();
    harness.run_steps(3);
    assert_eq!(harness.state().table_rows().len(), 2, "Hamas's own two relations");
    let period = harness.get_by_label("Period");
    let canvas = harness.state().graph_area();
    assert!(period.rect().right() <= canvas.right(), "the Period column is in view");
}

#[test]
fn the_evidence_card_says_a_sources_reliability_covers_all_its_items() {
    let mut harness = settled_app(None);
    let index = relation(&harness, "north-korea-troops-to-russia");
    let pos = harness
        .state()
        .relation_screen_position(index)
        .unwrap_or_else(|| panic!("drawn"));
    click_at(&mut harness, pos);
    let items = harness
        .state()
        .dataset()
        .relations
        .iter()
        .flat_map(|r| &r.evidence)
        .filter(|e| e.source == "newsweek-nk-partnerships")
        .count();
    let note = format!("A source's reliability is one grade for all {items} evidence items from it.");
    assert!(
        harness.query_all_by_label(&note).count() >= 1,
        "each evidence card says so"
    );
}

#[test]
fn the_window_fits_at_1280_by_800_and_at_1024_by_700() {
    for size in [egui::vec2(1280.0, 800.0), egui::vec2(1024.0, 700.0)] {
        let mut harness = Harness::builder().with_size(size).build_eframe(|cc| App::new(cc, None));
        run_until_idle(&mut harness);
        harness.run_steps(30);
        harness.get_by_role_and_label(Role::CheckBox, "Time").click();
        harness.run_steps(4);
        let canvas = harness.state().graph_area();
        let strip = harness
            .state()
            .timeline_area()
            .unwrap_or_else(|| panic!("the timeline is drawn"));
        assert!(
            strip.right() <= canvas.right() + 1.0 && strip.left() >= canvas.left() - 1.0,
            "at {size:?} the timeline ({strip:?}) stays beside the canvas ({canvas:?}), not under a side panel"
        );
        assert!(strip.bottom() <= size.y, "and inside the window");
        let undated = harness.get_by_label_contains("undated, always shown").rect();
        assert!(
            strip.expand(1.0).contains_rect(undated),
            "at {size:?} “undated, always shown” ({undated:?}) is not cut off"
        );
        let play = harness.get_by_label("▶ Play").rect();
        assert!(strip.contains_rect(play), "at {size:?} Play is in view");
        for control in ["Fit", "Re-layout", "Unpin all"] {
            let at = harness.get_by_label(control).rect();
            assert!(
                at.right() <= canvas.right() + 1.0,
                "at {size:?} the toolbar's {control} ({at:?}) is beside the canvas ({canvas:?})"
            );
        }
        let hide = harness.get_by_label("Hide the rest").rect();
        assert!(
            hide.right() <= canvas.right() + 1.0,
            "at {size:?} Focus's controls are in view"
        );
        assert!(
            canvas.width() >= 0.44 * size.x,
            "at {size:?} the canvas keeps the largest share of the window: {canvas:?}"
        );
    }
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
