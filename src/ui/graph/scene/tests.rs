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
