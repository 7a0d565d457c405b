//! Which relation is under the pointer, for hover and click: among the relations drawn as
//! lines this frame, or under the picture of a crowded view through what its painter filed
//! (`density::PickCells`).

use egui::Pos2;

use super::camera::ScreenTransform;
use super::edge_buffers::EdgeBuffers;
use super::edge_layer::ends;
use super::edge_shape::{pick_distance, to_pos, to_vec};
use super::scene::{DrawnEdge, GraphScene};

/// The relation under `pointer`, the nearest when several are in reach, among those drawn
/// this frame (`edge_shapes` has placed the nodes for `transform`).
pub fn relation_at(
    scene: &GraphScene,
    buffers: &EdgeBuffers,
    transform: ScreenTransform,
    pointer: Pos2,
) -> Option<usize> {
    let pointer = to_vec(pointer);
    let nearest = |found: Option<(f32, usize)>, (d, relation): (f32, usize)| match found {
        Some((best, _)) if best <= d => found,
        _ => Some((d, relation)),
    };
    let edges = scene.edges();
    let nodes = &buffers.nodes;
    let tried = |edge: &DrawnEdge| {
        let ends = ends(nodes, edge, transform.zoom)?;
        pick_distance(&edge.payload, &ends, pointer).map(|d| (d, edge.payload.relation as usize))
    };
    let relation_of = |at: u32| edges.get(at as usize).map(|e| e.payload.relation as usize);
    if !buffers.density {
        return buffers
            .visible
            .iter()
            .filter_map(|&(at, ends)| {
                let edge = edges.get(at as usize)?;
                pick_distance(&edge.payload, &ends, pointer).map(|d| (d, edge.payload.relation as usize))
            })
            .fold(None, nearest)
            .map(|(_, relation)| relation);
    }
    // Under the picture, through what its painter filed near the pointer; every relation when
    // the picture shown was painted for other places or another zoom.
    let measure = |at: u32| edges.get(at as usize).and_then(tried).map(|(d, _)| d);
    match buffers
        .picture
        .relation_near(buffers.layout_key, transform, to_pos(pointer), measure)
    {
        Some(near) => near.and_then(relation_of),
        None => edges
            .iter()
            .filter_map(tried)
            .fold(None, nearest)
            .map(|(_, relation)| relation),
    }
}
