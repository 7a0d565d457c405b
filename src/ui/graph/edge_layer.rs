//! The relations, drawn by Entente in one pass under egui_graphs' nodes and picked with the
//! mouse. egui_graphs would draw each edge as its own call with copies of both end nodes and
//! scan them all to hit-test; here what is off-screen costs a box test, and when too many are
//! on screen to tell their styles apart they become thin lines in a single mesh.

use egui::{Color32, Pos2, Rect, Shape};

use super::edge_shape::{
    Ends, OVERVIEW_INDICES, OVERVIEW_VERTICES, detailed_shapes, overview_line, pick_distance, to_vec,
};
use super::scene::{DrawnEdge, GraphScene};
use crate::layout::Vec2;

/// Up to this many relations on screen, each is drawn in full (curves, line styles, arrows);
/// beyond it, as plain lines. The selected relation is always drawn in full.
pub const DETAILED_LIMIT: usize = 2_500;
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

/// Where a relation's ends are on screen, from where egui_graphs has its nodes this frame
/// (so a node being dragged takes its relations along).
fn ends(scene: &GraphScene, edge: &DrawnEdge, transform: ScreenTransform) -> Option<Ends> {
    let (start, end) = (scene.graph.node(edge.from)?, scene.graph.node(edge.to)?);
    let radius = |r: f32| (r * transform.zoom).clamp(MIN_SCREEN_RADIUS, MAX_SCREEN_RADIUS);
    Some(Ends {
        start: transform.apply(start.location()),
        end: transform.apply(end.location()),
        start_radius: radius(start.payload().radius),
        end_radius: radius(end.payload().radius),
        same_node: edge.from == edge.to,
        zoom: transform.zoom,
    })
}

/// The shapes of every relation that shows inside `clip`: plain lines in one mesh first, then
/// relations in full, then the selected one on top.
pub fn edge_shapes(scene: &GraphScene, transform: ScreenTransform, clip: Rect, halo: Color32) -> Vec<Shape> {
    let on_screen =
        |edge: &DrawnEdge| ends(scene, edge, transform).filter(|ends| ends.bounds(edge.payload.lane).intersects(clip));
    // Counting stops at the limit: past it, the answer is the same.
    let counted = scene
        .edges()
        .iter()
        .filter(|e| on_screen(e).is_some())
        .take(DETAILED_LIMIT + 1)
        .count();
    let detailed = counted <= DETAILED_LIMIT;
    let mut mesh = egui::Mesh::default();
    if !detailed {
        let most = scene.edges().len();
        mesh.reserve_vertices(most * OVERVIEW_VERTICES);
        mesh.reserve_triangles(most * OVERVIEW_INDICES / 3);
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
            overview_line(&edge.payload, &ends, &mut mesh);
        }
    }
    for (edge, ends) in highlighted {
        detailed_shapes(&edge.payload, &ends, clip, halo, &mut shapes);
    }
    if !mesh.is_empty() {
        shapes.insert(0, Shape::mesh(mesh));
    }
    shapes
}

/// The relation under `pointer`, the nearest when several are in reach.
pub fn relation_at(scene: &GraphScene, transform: ScreenTransform, pointer: Pos2) -> Option<usize> {
    let pointer = to_vec(pointer);
    scene
        .edges()
        .iter()
        .filter_map(|edge| {
            let ends = ends(scene, edge, transform)?;
            pick_distance(&edge.payload, &ends, pointer).map(|d| (d, edge.payload.relation as usize))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, relation)| relation)
}
