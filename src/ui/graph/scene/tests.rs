use super::*;
use crate::builtin::built_in_dataset;

#[test]
fn saved_positions_come_back_and_need_no_new_layout() {
    let dataset = built_in_dataset();
    let index = DatasetIndex::new(&dataset);
    let mut first = GraphScene::new(&dataset, &index, None, &egui::Context::default());
    assert!(first.layout_running(), "a new dataset is laid out");
    while first.advance_layout(Duration::from_secs(1)) {}
    first.layout.pin_at(2, Vec2::new(1234.0, -50.0));
    let saved = first.saved_positions(&dataset);

    let second = GraphScene::new(&dataset, &index, Some(&saved), &egui::Context::default());
    assert!(!second.layout_running(), "restored positions are used as they are");
    assert_eq!(second.layout.positions(), first.layout.positions());
    assert!(second.is_pinned(2));
}

#[test]
fn a_gephi_layout_in_the_file_is_used_as_it_is() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/gephi-dynamic.gexf");
    let dataset = crate::io::load_path(&path)
        .dataset
        .unwrap_or_else(|| panic!("fixture loads"));
    let index = DatasetIndex::new(&dataset);
    let scene = GraphScene::new(&dataset, &index, None, &egui::Context::default());
    assert!(!scene.layout_running(), "no new layout");
    assert_eq!(scene.actor_position(0), Some(Vec2::new(-120.5, -40.0)));
    assert_eq!(scene.actor_position(2), Some(Vec2::new(60.0, -30.0)));

    let mut partial = dataset.clone();
    partial.actors[2].appearance = Default::default();
    let scene = GraphScene::new(&partial, &DatasetIndex::new(&partial), None, &egui::Context::default());
    assert!(
        scene.layout_running(),
        "without a position for every actor, Entente lays out"
    );
}

#[test]
fn positions_saved_for_other_actors_are_ignored() {
    let dataset = built_in_dataset();
    let index = DatasetIndex::new(&dataset);
    let saved: SavedPositions = vec![SavedPosition {
        actor: "atlantis".into(),
        x: 5.0,
        y: 5.0,
        pinned: true,
    }];
    let scene = GraphScene::new(&dataset, &index, Some(&saved), &egui::Context::default());
    assert!(scene.layout_running(), "an incomplete saved layout is laid out afresh");
}

/// Focus with the rest dimmed: the scene lists the relations in full, to draw over the
/// picture of a crowded view, and marks the actors in full to be drawn over it too.
#[test]
fn focus_with_the_rest_dimmed_lists_what_is_in_full() {
    use crate::model::{Emphasis, Focus, KindFilter, RelationFactTable, ViewQuery, Visibility};
    let dataset = built_in_dataset();
    let index = DatasetIndex::new(&dataset);
    let mut scene = GraphScene::new(&dataset, &index, None, &egui::Context::default());
    let looks = crate::ui::KindLooks::of(&dataset);
    let relations = RelationFactTable::of(&dataset.relations);
    let look = SceneLook {
        looks: &looks,
        file_looks: true,
        actor_colours: None,
        collapsed: None,
        relations: &relations,
    };
    let filter = KindFilter::default();
    let everything = Visibility::compute(&dataset, &index, &ViewQuery::all(&filter));
    scene.rebuild(&dataset, &everything, None, look);
    assert_eq!(scene.in_full(), None, "nothing is dimmed");

    let iran = index
        .actor("iran")
        .unwrap_or_else(|| panic!("the built-in dataset has Iran"));
    let query = ViewQuery {
        focus: Some(Focus {
            actor: iran,
            depth: 1,
            among_neighbours: false,
        }),
        ..ViewQuery::all(&filter)
    };
    let focused = Visibility::compute(&dataset, &index, &query);
    scene.rebuild(&dataset, &focused, None, look);
    let expected: Vec<u32> = (0..dataset.relations.len())
        .filter(|&r| focused.relation(r) == Some(Emphasis::Normal))
        .map(|r| r as u32)
        .collect();
    assert!(!expected.is_empty() && expected.len() < dataset.relations.len());
    assert_eq!(scene.in_full(), Some(expected.as_slice()));
    for (actor, emphasis) in focused.actors.iter().enumerate() {
        let Some(node) = scene.node_of(actor).and_then(|n| scene.graph.node(n)) else {
            continue;
        };
        assert_eq!(
            node.payload().in_full,
            *emphasis == Some(Emphasis::Normal),
            "actor {actor}"
        );
    }
}
