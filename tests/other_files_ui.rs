//! Files other people made keep what they say: a Gephi file's own colours and sizes, a typed
//! GraphML's kinds and names, names the user is asked about when they are a guess, a register
//! beside the article's claims, a relation table that sorts and filters, and a window that fits.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;

mod common;

use common::{actor, app_with, click_at, relation, run_until_idle, settle, settled_app, type_into};

const SIPRI: &str = "tests/data/readability/sipri-dense.csv";
const GEPHI: &str = "tests/data/readability/gephi-viz.gexf";
const TINKERPOP: &str = "tests/data/readability/tinkerpop-typed.graphml";
const AIRPORTS: &str = "tests/data/readability/airports.graphml";

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
    // Lower-case kinds are shown as the built-in ones are ("Song"); camel case is kept.
    for kind in ["Song", "Artist", "followedBy", "writtenBy", "sungBy"] {
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
    common::pick_in_actor_list(&mut harness, "Hamas");
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
        let undated = harness.get_by_label_contains(" undated").rect();
        assert!(
            strip.expand(1.0).contains_rect(undated),
            "at {size:?} the undated box ({undated:?}) is not cut off"
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

/// A publisher's record that looks wrong opens as published, and its relation says why it
/// looks wrong above the evidence that quotes the row.
#[test]
fn a_published_row_that_looks_wrong_says_so_on_its_relation() {
    let mut harness = settled_app(Some("tests/data/reference/as-published/cow_dyad_end_before_start.csv"));
    let index = relation(&harness, "cow-9101-678-679");
    let pos = harness
        .state()
        .relation_screen_position(index)
        .unwrap_or_else(|| panic!("drawn"));
    click_at(&mut harness, pos);
    harness.run_steps(2);
    harness.get_by_label("⚠ As its source published it");
    harness.get_by_label("line 2: the source records an end (1990-05-21) one day before the start (1990-05-22)");
}
