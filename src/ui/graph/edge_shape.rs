use egui::{Pos2, Shape, Stroke};
use egui_graphs::{DisplayEdge, DrawContext, EdgeProps, Node};
use petgraph::Directed;
use petgraph::graph::DefaultIx;

use super::node_shape::ActorNodeShape;
use super::payload::{ActorNode, RelationEdge};
use super::style::styled_line;
use crate::layout::{EdgeCurve, Vec2, distance_to_curve};

type ActorGraphNode = Node<ActorNode, RelationEdge, Directed, DefaultIx, ActorNodeShape>;

/// Parallel relations fan out this far apart (layout units)...
const LANE_SPACING: f32 = 16.0;
/// ...but never closer than this on screen, so they stay apart when zoomed out.
const MIN_LANE_SPACING_ON_SCREEN: f32 = 7.0;
/// An edge can be picked this far from its line on screen: wide enough for a mouse.
const HIT_DISTANCE: f32 = 6.0;

/// How far apart parallel relations are drawn on screen at `zoom`.
pub fn lane_spacing_on_screen(zoom: f32) -> f32 {
    (LANE_SPACING * zoom).max(MIN_LANE_SPACING_ON_SCREEN)
}

#[derive(Debug, Clone)]
pub struct RelationEdgeShape {
    payload: RelationEdge,
    selected: bool,
    zoom: f32,
}

impl From<EdgeProps<RelationEdge>> for RelationEdgeShape {
    fn from(props: EdgeProps<RelationEdge>) -> Self {
        Self {
            selected: props.selected,
            payload: props.payload,
            zoom: 1.0,
        }
    }
}

fn to_vec(p: Pos2) -> Vec2 {
    Vec2::new(p.x, p.y)
}

fn to_pos(v: Vec2) -> Pos2 {
    Pos2::new(v.x, v.y)
}

impl RelationEdgeShape {
    /// The edge's curve between two points in one space; `spacing` is in that space.
    fn curve(&self, start: Vec2, end: Vec2, start_radius: f32, same_node: bool, spacing: f32) -> EdgeCurve {
        if same_node {
            EdgeCurve::self_loop(start, start_radius, self.payload.lane + 1.0)
        } else {
            EdgeCurve::between(start, end, self.payload.lane, spacing)
        }
    }

    fn screen_spacing(&self) -> f32 {
        lane_spacing_on_screen(self.zoom)
    }
}

impl DisplayEdge<ActorNode, RelationEdge, Directed, DefaultIx, ActorNodeShape> for RelationEdgeShape {
    fn shapes(&mut self, start: &ActorGraphNode, end: &ActorGraphNode, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom;
        let a = to_vec(ctx.meta.canvas_to_screen_pos(start.location()));
        let b = to_vec(ctx.meta.canvas_to_screen_pos(end.location()));
        let radius = |n: &ActorGraphNode| ctx.meta.canvas_to_screen_size(n.payload().radius).clamp(2.5, 60.0);
        let same_node = start.id() == end.id();
        let curve = self.curve(a, b, radius(start), same_node, self.screen_spacing());

        // Skip edges whose whole extent is off-screen.
        let clip = ctx.painter.clip_rect().expand(8.0);
        let bounds = match curve {
            EdgeCurve::Bezier { start, control, end } => {
                egui::Rect::from_points(&[to_pos(start), to_pos(control), to_pos(end)])
            }
            EdgeCurve::Loop { centre, radius } => {
                egui::Rect::from_center_size(to_pos(centre), egui::vec2(radius, radius) * 2.0)
            }
        };
        if !clip.intersects(bounds) {
            return Vec::new();
        }

        let style = ctx.ctx.global_style();
        let emphasised = self.payload.highlighted || self.selected;
        let colour = if self.payload.dimmed && !emphasised {
            self.payload.colour.gamma_multiply(0.15)
        } else {
            self.payload.colour
        };
        let width = if emphasised {
            self.payload.width + 1.5
        } else {
            self.payload.width
        };

        let (from_t, to_t) = if same_node {
            (0.0, 1.0)
        } else {
            (
                curve.trim_parameter(radius(start) + 1.0, false),
                curve.trim_parameter(radius(end) + 2.0, true),
            )
        };
        let straight = !same_node && self.payload.lane == 0.0;
        let segments = if straight { 1 } else { 18 };
        let points: Vec<Pos2> = curve.sample(from_t, to_t, segments).map(to_pos).collect();

        let mut shapes = Vec::new();
        if emphasised {
            let halo = style.visuals.selection.bg_fill.gamma_multiply(0.6);
            shapes.push(Shape::line(points.clone(), Stroke::new(width + 6.0, halo)));
        }
        styled_line(&points, colour, width, self.payload.style, clip, &mut shapes);
        if self.payload.directed && !same_node {
            let tip = curve.point_at(to_t);
            let direction = curve.tangent_at(to_t).normalized();
            let length = 7.0 + width * 2.0;
            let base = tip - direction * length;
            let side = direction.perpendicular() * (length * 0.45);
            let arrow = vec![to_pos(tip), to_pos(base + side), to_pos(base - side)];
            shapes.push(Shape::convex_polygon(arrow, colour, Stroke::NONE));
        }
        shapes
    }

    fn update(&mut self, state: &EdgeProps<RelationEdge>) {
        self.selected = state.selected;
        self.payload = state.payload.clone();
    }

    fn is_inside(&self, start: &ActorGraphNode, end: &ActorGraphNode, pos: Pos2) -> bool {
        let zoom = self.zoom.max(1e-4);
        let spacing = self.screen_spacing() / zoom;
        let same_node = start.id() == end.id();
        let curve = self.curve(
            to_vec(start.location()),
            to_vec(end.location()),
            start.payload().radius,
            same_node,
            spacing,
        );
        let reach = HIT_DISTANCE.max(self.payload.width) / zoom;
        distance_to_curve(&curve, to_vec(pos)) <= reach
    }
}
