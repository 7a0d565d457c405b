//! The relations, drawn by Entente in one pass under egui_graphs' nodes and picked with the
//! mouse. egui_graphs would draw each edge as its own call with copies of both end nodes and
//! scan them all to hit-test; here what is off-screen costs a box test, and when too many are
//! on screen to tell their styles apart they become thin lines in a single mesh.

use std::sync::Arc;

use egui::{Color32, Pos2, Rect, Shape};

use super::camera::ScreenTransform;
use super::edge_buffers::EdgeBuffers;
use super::edge_shape::{
    Ends, OVERVIEW_INDICES, OVERVIEW_VERTICES, detailed_shapes, overview_line, pick_distance, to_vec,
};
use super::scene::{DrawnEdge, GraphScene};
use crate::layout::Vec2;

/// Up to this many relations on screen, each is drawn in full (curves, line styles, arrows);
/// beyond it, as plain lines. The selected relation is always drawn in full.
pub const DETAILED_LIMIT: usize = 2_500;
/// Up to this many relations on screen, their plain lines are smoothed; beyond it, where they
/// cross by the thousand and smoothing shows nothing, they are not (it halves their triangles).
pub const SMOOTH_LIMIT: usize = 10_000;
use super::node_shape::{MAX_SCREEN_RADIUS, MIN_SCREEN_RADIUS};
/// Up to this many relations on screen each is drawn in full strength; past it they thin
/// out (with the square root of their number), so a dense view shows its structure rather
/// than a solid block of colour.
const CLEAR_UP_TO: f32 = 150.0;
/// ...but never fainter than this.
const FAINTEST: f32 = 0.1;
/// How strongly relations outside a spotlight are drawn.
const OUTSIDE_SPOTLIGHT: f32 = 0.07;

/// Every node's centre and radius on screen, by node index, from where egui_graphs has them
/// this frame (so a node being dragged takes its relations along). Looking these up in a
/// small table is much quicker than in egui_graphs' graph, twice for each of 100,000 edges.
fn place_nodes(scene: &GraphScene, transform: ScreenTransform, nodes: &mut Vec<(Vec2, f32)>) {
    nodes.clear();
    for (index, node) in scene.graph.nodes_iter() {
        let slot = index.index();
        if nodes.len() <= slot {
            nodes.resize(slot + 1, (Vec2::ZERO, 0.0));
        }
        let radius = (node.payload().radius * transform.zoom).clamp(MIN_SCREEN_RADIUS, MAX_SCREEN_RADIUS);
        if let Some(entry) = nodes.get_mut(slot) {
            *entry = (transform.apply(node.location()), radius);
        }
    }
}

fn ends(nodes: &[(Vec2, f32)], edge: &DrawnEdge, zoom: f32) -> Option<Ends> {
    let (start, start_radius) = *nodes.get(edge.from.index())?;
    let (end, end_radius) = *nodes.get(edge.to.index())?;
    Some(Ends {
        start,
        end,
        start_radius,
        end_radius,
        same_node: edge.from == edge.to,
        zoom,
    })
}

/// How strongly each relation is drawn when `count` are on screen.
pub fn density_opacity(count: usize) -> f32 {
    (CLEAR_UP_TO / count.max(1) as f32).sqrt().clamp(FAINTEST, 1.0)
}

/// The shapes of every relation that shows inside `clip`: plain lines in one mesh first, then
/// relations in full, then those the spotlight brings forward, then the selected one on top.
pub fn edge_shapes(
    scene: &GraphScene,
    buffers: &mut EdgeBuffers,
    transform: ScreenTransform,
    clip: Rect,
    halo: Color32,
) -> Vec<Shape> {
    place_nodes(scene, transform, &mut buffers.nodes);
    let nodes = &buffers.nodes;
    let on_screen = |edge: &DrawnEdge| {
        ends(nodes, edge, transform.zoom).filter(|ends| ends.bounds(edge.payload.lane).intersects(clip))
    };
    // Counting stops at the last limit: past it, the answers are the same.
    let counted = scene
        .edges()
        .iter()
        .filter(|e| on_screen(e).is_some())
        .take(SMOOTH_LIMIT + 1)
        .count();
    let detailed = counted <= DETAILED_LIMIT;
    let smooth = counted <= SMOOTH_LIMIT;
    let spotlight = scene.spotlight();
    let opacity = density_opacity(counted);
    buffers.plain_lines = !detailed;
    let lines = Arc::make_mut(&mut buffers.mesh);
    // Not `Mesh::clear`, which gives the memory back.
    lines.vertices.clear();
    lines.indices.clear();
    if !detailed {
        let most = scene.edges().len();
        lines.reserve_vertices(most * OVERVIEW_VERTICES);
        lines.reserve_triangles(most * OVERVIEW_INDICES / 3);
    }
    let mut shapes = Vec::new();
    let mut highlighted = Vec::new();
    let mut brought_forward = Vec::new();
    for edge in scene.edges() {
        let Some(ends) = on_screen(edge) else {
            continue;
        };
        let relation = edge.payload.relation as usize;
        let opacity = match spotlight {
            Some(spotlight) if spotlight.has_relation(relation) => {
                brought_forward.push((edge, ends));
                continue;
            }
            Some(_) => OUTSIDE_SPOTLIGHT,
            None => opacity,
        };
        if edge.payload.highlighted {
            highlighted.push((edge, ends));
        } else if detailed {
            detailed_shapes(&edge.payload, &ends, clip, halo, opacity, &mut shapes);
        } else {
            overview_line(&edge.payload, &ends, smooth, opacity, lines);
        }
    }
    // What the spotlight brings forward is drawn in full, on top: a few dozen at most.
    for (edge, ends) in brought_forward {
        if edge.payload.highlighted {
            highlighted.push((edge, ends));
        } else {
            detailed_shapes(&edge.payload, &ends, clip, halo, 1.0, &mut shapes);
        }
    }
    for (edge, ends) in highlighted {
        detailed_shapes(&edge.payload, &ends, clip, halo, 1.0, &mut shapes);
    }
    if !lines.is_empty() {
        shapes.insert(0, Shape::Mesh(Arc::clone(&buffers.mesh)));
    }
    shapes
}

/// The relation under `pointer`, the nearest when several are in reach.
pub fn relation_at(
    scene: &GraphScene,
    buffers: &mut EdgeBuffers,
    transform: ScreenTransform,
    pointer: Pos2,
) -> Option<usize> {
    let pointer = to_vec(pointer);
    place_nodes(scene, transform, &mut buffers.nodes);
    let nodes = &buffers.nodes;
    scene
        .edges()
        .iter()
        .filter_map(|edge| {
            let ends = ends(nodes, edge, transform.zoom)?;
            pick_distance(&edge.payload, &ends, pointer).map(|d| (d, edge.payload.relation as usize))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, relation)| relation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_thin_out_as_more_crowd_the_view_but_never_vanish() {
        assert_eq!(density_opacity(10), 1.0, "a few are drawn in full");
        assert_eq!(density_opacity(CLEAR_UP_TO as usize), 1.0);
        let mut last = 1.0;
        for count in [300, 1_000, 3_000, 10_000, 100_000] {
            let opacity = density_opacity(count);
            assert!(opacity < last, "{count}: {opacity}");
            last = opacity;
        }
        assert_eq!(density_opacity(1_000_000), FAINTEST);
    }
}
