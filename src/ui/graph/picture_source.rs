//! What a picture of a crowded view is painted from (see `density`): made once per rebuild
//! of what is drawn and shared with the painting thread.

use super::density::{PictureActor, PictureRelation, PictureSource};
use super::edge_shape::{HIT_DISTANCE, strength};
use super::node_shape::FADED_ACTOR;
use super::scene::GraphScene;

/// Every relation drawn (and every actor, for when they go into the picture), as the picture
/// paints them. Neither selection nor spotlight shows in it: they are drawn over it, so
/// choosing or hovering something does not make it again.
pub(super) fn picture_source(scene: &GraphScene, revision: u64) -> PictureSource {
    let relations = scene
        .edges()
        .iter()
        .map(|edge| {
            let [r, g, b, _] = edge.payload.colour.to_normalized_gamma_f32();
            PictureRelation {
                from: edge.from.index() as u32,
                to: edge.to.index() as u32,
                lane: edge.payload.lane,
                rgb: [r, g, b],
                strength: strength(&edge.payload),
                reach: HIT_DISTANCE.max(edge.payload.width),
            }
        })
        .collect();
    // The selected and pinned are in it too (egui_graphs draws them again on top), so
    // choosing or unpinning one does not leave a hole until the next picture.
    let actors = scene
        .graph
        .nodes_iter()
        .map(|(index, node)| {
            let payload = node.payload();
            let colour = if payload.dimmed {
                payload.colour.gamma_multiply(FADED_ACTOR)
            } else {
                payload.colour
            };
            let [r, g, b, a] = colour.to_normalized_gamma_f32();
            PictureActor {
                slot: index.index() as u32,
                shape: payload.shape,
                rgba: if a > 0.0 { [r / a, g / a, b / a, a] } else { [0.0; 4] },
            }
        })
        .collect();
    PictureSource {
        revision,
        relations,
        actors,
    }
}
