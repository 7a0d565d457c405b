//! The relations, drawn by Entente in one pass under egui_graphs' nodes and picked with the
//! mouse. egui_graphs would draw each edge as its own call with copies of both end nodes and
//! scan them all to hit-test; here what is off-screen costs a box test, and when too many are
//! on screen to tell their styles apart they become thin lines in a single mesh.

use std::sync::Arc;

use egui::{Color32, Pos2, Rect, Shape};

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
/// Nodes are at least this big on screen, as `node_shape` draws them.
const MIN_SCREEN_RADIUS: f32 = 2.5;
const MAX_SCREEN_RADIUS: f32 = 60.0;

/// Layout space to window: `screen = offset + position × zoom`.
#[derive(Debug, Clone, Copy)]
pub struct ScreenTransform {
    pub offset: egui::Vec2,
    pub zoom: f32,
}

impl ScreenTransform {
    fn apply(&self, p: Pos2) -> Vec2 {
        Vec2::new(self.offset.x + p.x * self.zoom, self.offset.y + p.y * self.zoom)
    }
}

/// What drawing the relations keeps between frames, so a frame allocates nothing new: the
/// plain lines' mesh (egui lets go of last frame's copy once painted) and where each node is
/// on screen this frame.
#[derive(Default)]
pub struct EdgeBuffers {
    mesh: Arc<egui::Mesh>,
    nodes: Vec<(Vec2, f32)>,
}

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

/// The shapes of every relation that shows inside `clip`: plain lines in one mesh first, then
/// relations in full, then the selected one on top.
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
    for edge in scene.edges() {
        let Some(ends) = on_screen(edge) else {
            continue;
        };
        if edge.payload.highlighted {
            highlighted.push((edge, ends));
        } else if detailed {
            detailed_shapes(&edge.payload, &ends, clip, halo, &mut shapes);
        } else {
            overview_line(&edge.payload, &ends, smooth, lines);
        }
    }
    for (edge, ends) in highlighted {
        detailed_shapes(&edge.payload, &ends, clip, halo, &mut shapes);
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
