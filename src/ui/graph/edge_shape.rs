//! How one relation is drawn: its curve (parallel relations fan out in lanes, a relation of
//! an actor with itself is a loop), its line style, its arrow, and how near the pointer must
//! come to pick it.

use egui::{Color32, Pos2, Rect, Shape, Stroke};
use egui_graphs::{DisplayEdge, DrawContext, EdgeProps, Node};
use petgraph::Directed;
use petgraph::graph::DefaultIx;

use super::node_shape::ActorNodeShape;
use super::payload::{ActorNode, RelationEdge};
use super::style::styled_line;
use crate::layout::{EdgeCurve, Vec2, distance_to_curve, distance_to_curve_at_least};
use crate::model::Change;

type ActorGraphNode = Node<ActorNode, RelationEdge, Directed, DefaultIx, ActorNodeShape>;

/// Parallel relations fan out this far apart (layout units)...
const LANE_SPACING: f32 = 16.0;
/// ...but never closer than this on screen, so they stay apart when zoomed out.
const MIN_LANE_SPACING_ON_SCREEN: f32 = 7.0;
/// An edge can be picked this far from its line on screen: wide enough for a mouse.
pub const HIT_DISTANCE: f32 = 6.0;

/// How far apart parallel relations are drawn on screen at `zoom`.
pub fn lane_spacing_on_screen(zoom: f32) -> f32 {
    (LANE_SPACING * zoom).max(MIN_LANE_SPACING_ON_SCREEN)
}

/// egui_graphs' graph type needs an edge shape, but Entente draws and picks relations itself
/// (`edge_layer`), all in one pass: egui_graphs' graph holds no edges.
#[derive(Debug, Clone)]
pub struct HiddenEdge;

impl From<EdgeProps<RelationEdge>> for HiddenEdge {
    fn from(_: EdgeProps<RelationEdge>) -> Self {
        Self
    }
}

impl DisplayEdge<ActorNode, RelationEdge, Directed, DefaultIx, ActorNodeShape> for HiddenEdge {
    fn shapes(&mut self, _: &ActorGraphNode, _: &ActorGraphNode, _: &DrawContext) -> Vec<Shape> {
        Vec::new()
    }

    fn update(&mut self, _: &EdgeProps<RelationEdge>) {}

    fn is_inside(&self, _: &ActorGraphNode, _: &ActorGraphNode, _: Pos2) -> bool {
        false
    }
}

/// A relation's two ends on screen.
#[derive(Debug, Clone, Copy)]
pub struct Ends {
    pub start: Vec2,
    pub end: Vec2,
    pub start_radius: f32,
    pub end_radius: f32,
    pub same_node: bool,
    pub zoom: f32,
}

impl Ends {
    /// The ends of a relation between the nodes in slots `from` and `to` of `nodes` (each
    /// node's centre and radius on screen).
    pub fn between(nodes: &[(Vec2, f32)], from: usize, to: usize, zoom: f32) -> Option<Self> {
        let (start, start_radius) = *nodes.get(from)?;
        let (end, end_radius) = *nodes.get(to)?;
        Some(Self {
            start,
            end,
            start_radius,
            end_radius,
            same_node: from == to,
            zoom,
        })
    }

    pub fn curve(&self, lane: f32) -> EdgeCurve {
        if self.same_node {
            EdgeCurve::self_loop(self.start, self.start_radius, lane + 1.0)
        } else {
            EdgeCurve::between(self.start, self.end, lane, lane_spacing_on_screen(self.zoom))
        }
    }

    /// A box around everything the relation may draw, for skipping what is off-screen.
    pub fn bounds(&self, lane: f32) -> Rect {
        let reach = if self.same_node {
            self.start_radius * (2.2 + 0.7 * lane.abs())
        } else {
            lane.abs() * lane_spacing_on_screen(self.zoom) * 2.0
        };
        Rect::from_two_pos(to_pos(self.start), to_pos(self.end)).expand(reach + HIT_DISTANCE)
    }

    /// The part of the curve between the two nodes' rims, as curve parameters.
    fn trimmed(&self, curve: &EdgeCurve) -> (f32, f32) {
        if self.same_node {
            (0.0, 1.0)
        } else {
            (
                curve.trim_parameter(self.start_radius + 1.0, false),
                curve.trim_parameter(self.end_radius + 2.0, true),
            )
        }
    }
}

/// How strongly a relation that ended between two compared years is drawn (and crossed out):
/// clearly there but fainter than what began, and stronger than what held in both (dimmed).
const GHOST: f32 = 0.4;
/// How strongly a relation outside the focus or the time window is drawn.
const DIMMED: f32 = 0.15;

/// The colour and width a relation is drawn in, after dimming and emphasis; `opacity`
/// thins out relations that crowd the view or lie outside what is brought forward.
fn colour_and_width(payload: &RelationEdge, opacity: f32) -> (Color32, f32) {
    if payload.highlighted {
        (payload.colour, payload.width + 1.5)
    } else if payload.change == Some(Change::Ended) {
        (payload.colour.gamma_multiply(GHOST * opacity), payload.width)
    } else if payload.change == Some(Change::Began) {
        (payload.colour.gamma_multiply(opacity), payload.width + 1.0)
    } else if payload.dimmed {
        (payload.colour.gamma_multiply(DIMMED * opacity), payload.width)
    } else {
        (payload.colour.gamma_multiply(opacity), payload.width)
    }
}

/// The relation in full: its curve in its lane, line style, arrow, and a halo when selected.
pub fn detailed_shapes(
    payload: &RelationEdge,
    ends: &Ends,
    clip: Rect,
    halo: Color32,
    opacity: f32,
    out: &mut Vec<Shape>,
) {
    let curve = ends.curve(payload.lane);
    let (colour, width) = colour_and_width(payload, opacity);
    let (from_t, to_t) = ends.trimmed(&curve);
    let straight = !ends.same_node && payload.lane == 0.0;
    let segments = if straight { 1 } else { 18 };
    let points: Vec<Pos2> = curve.sample(from_t, to_t, segments).map(to_pos).collect();
    if payload.highlighted {
        out.push(Shape::line(points.clone(), Stroke::new(width + 6.0, halo)));
    } else if payload.change == Some(Change::Began) {
        // What began between the two years compared glows in its own colour.
        out.push(Shape::line(
            points.clone(),
            Stroke::new(width + 7.0, colour.gamma_multiply(0.25)),
        ));
    }
    styled_line(&points, colour, width, payload.style, clip, out);
    if payload.change == Some(Change::Ended) && !payload.highlighted {
        // Cut through the middle: it no longer holds, which a faint line alone does not say.
        let middle = to_pos(curve.point_at((from_t + to_t) / 2.0));
        let arm = 4.5 + width;
        let cross = Stroke::new(2.0, payload.colour.gamma_multiply(opacity));
        for (dx, dy) in [(arm, arm), (arm, -arm)] {
            out.push(Shape::line_segment(
                [middle - egui::vec2(dx, dy), middle + egui::vec2(dx, dy)],
                cross,
            ));
        }
    }
    if payload.directed && !ends.same_node {
        let tip = curve.point_at(to_t);
        let direction = curve.tangent_at(to_t).normalized();
        let length = 7.0 + width * 2.0;
        let base = tip - direction * length;
        let side = direction.perpendicular() * (length * 0.45);
        let arrow = vec![to_pos(tip), to_pos(base + side), to_pos(base - side)];
        out.push(Shape::convex_polygon(arrow, colour, Stroke::NONE));
    }
}

/// Where a relation's thin straight line runs in its lane, from rim to rim; `None` for a
/// loop, or when its actors overlap and nothing of it would show.
pub fn overview_segment(lane: f32, ends: &Ends) -> Option<(Vec2, Vec2)> {
    if ends.same_node {
        return None;
    }
    let along = (ends.end - ends.start).normalized();
    let offset = along.perpendicular() * (lane * lane_spacing_on_screen(ends.zoom));
    let start = ends.start + offset + along * ends.start_radius;
    let end = ends.end + offset - along * ends.end_radius;
    ((end - start).dot(along) > 0.0).then_some((start, end))
}

/// How strongly a relation is drawn against one in full, before crowding thins it out, as
/// if it were not selected (the selected one is drawn over the crowd on its own).
pub fn strength(payload: &RelationEdge) -> f32 {
    if payload.change == Some(Change::Began) {
        1.0
    } else if payload.change == Some(Change::Ended) {
        GHOST
    } else if payload.dimmed {
        DIMMED
    } else {
        1.0
    }
}

/// The relation as a thin straight line in its lane, added to one shared mesh: how relations
/// are drawn when there are too many on screen to tell their styles apart.
pub fn overview_line(payload: &RelationEdge, ends: &Ends, smooth: bool, opacity: f32, mesh: &mut egui::Mesh) {
    let Some((start, end)) = overview_segment(payload.lane, ends) else {
        return;
    };
    let (colour, _) = colour_and_width(payload, opacity);
    if smooth {
        push_feathered_segment(mesh, start, end, 1.0, colour);
    } else {
        push_plain_segment(mesh, start, end, colour);
    }
}

/// A one-point line without smoothing: two triangles. Where tens of thousands of lines cross,
/// smoothing shows nothing and costs half the drawing.
fn push_plain_segment(mesh: &mut egui::Mesh, a: Vec2, b: Vec2, colour: Color32) {
    let half = (b - a).normalized().perpendicular() * 0.5;
    let first = mesh.vertices.len() as u32;
    for point in [a + half, a - half, b + half, b - half] {
        mesh.colored_vertex(to_pos(point), colour);
    }
    mesh.add_triangle(first, first + 1, first + 2);
    mesh.add_triangle(first + 1, first + 3, first + 2);
}

/// Vertices and indices `overview_line` adds to the mesh per relation.
pub const OVERVIEW_VERTICES: usize = 6;
pub const OVERVIEW_INDICES: usize = 12;

/// A hairline as triangles: full colour along the middle, fading to transparent one point to
/// each side, which is how egui smooths its own thin lines.
fn push_feathered_segment(mesh: &mut egui::Mesh, a: Vec2, b: Vec2, width: f32, colour: Color32) {
    let normal = (b - a).normalized().perpendicular() * width;
    let clear = Color32::TRANSPARENT;
    let first = mesh.vertices.len() as u32;
    for point in [a, b] {
        mesh.colored_vertex(to_pos(point + normal), clear);
        mesh.colored_vertex(to_pos(point), colour);
        mesh.colored_vertex(to_pos(point - normal), clear);
    }
    // Two strips (each side of the middle) between the vertices at `a` (0–2) and `b` (3–5).
    for side in 0..2 {
        let (p, q) = (first + side, first + side + 1);
        mesh.add_triangle(p, q, p + 3);
        mesh.add_triangle(q, q + 3, p + 3);
    }
}

/// How far `pointer` is from the relation as drawn, or None when out of picking reach.
pub fn pick_distance(payload: &RelationEdge, ends: &Ends, pointer: Vec2) -> Option<f32> {
    if !ends.bounds(payload.lane).contains(to_pos(pointer)) {
        return None;
    }
    let curve = ends.curve(payload.lane);
    let reach = HIT_DISTANCE.max(payload.width);
    if distance_to_curve_at_least(&curve, pointer) > reach {
        return None;
    }
    let distance = distance_to_curve(&curve, pointer);
    (distance <= reach).then_some(distance)
}

pub fn to_vec(p: Pos2) -> Vec2 {
    Vec2::new(p.x, p.y)
}

pub fn to_pos(v: Vec2) -> Pos2 {
    Pos2::new(v.x, v.y)
}
