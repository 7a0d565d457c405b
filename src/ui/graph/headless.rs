//! The picture the app draws, made without a window: the same start, layout, sizes, looks and
//! SVG writer as the canvas, for `entente render`, `entente layout` and briefings.

use std::time::Duration;

use super::{GraphScene, SceneLook, actor_radii, view_to_svg};
use crate::model::{Dataset, DatasetIndex, SizeBy, Visibility};
use crate::ui::KindLooks;

/// The dataset laid out as the app lays it out on opening it (actors sized by their relations,
/// or by the file's own sizes), run until the layout settles.
pub fn settled_scene(dataset: &Dataset, index: &DatasetIndex) -> GraphScene {
    // A context with no window: the scene asks it for repaints, which nobody waits on here.
    let context = egui::Context::default();
    let mut scene = GraphScene::new(dataset, index, None, &context);
    scene.set_radii(opening_radii(dataset, index));
    while scene.advance_layout(Duration::from_millis(250)) {
        if scene.layout_on_worker() {
            // Big graphs step on a worker thread: wait for it rather than spin.
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    scene
}

/// Each actor's radius as the app draws it on opening a file: by its relations, or by the
/// file's own sizes.
pub fn opening_radii(dataset: &Dataset, index: &DatasetIndex) -> Vec<f32> {
    actor_radii(dataset, index, &SizeBy::Degree, dataset.has_file_looks(), None)
}

/// What `visibility` lets through of a laid-out scene, drawn as SVG.
pub fn scene_svg(scene: &mut GraphScene, dataset: &Dataset, visibility: &Visibility) -> String {
    let looks = KindLooks::of(dataset);
    let relations = crate::model::RelationFactTable::of(&dataset.relations);
    let look = SceneLook {
        looks: &looks,
        file_looks: true,
        actor_colours: None,
        collapsed: None,
        relations: &relations,
    };
    scene.rebuild(dataset, visibility, None, look);
    view_to_svg(scene, dataset)
}
