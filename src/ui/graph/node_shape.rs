use egui::{Pos2, Shape, Stroke, Vec2};
use egui_graphs::{DisplayNode, DrawContext, NodeProps};
use petgraph::Directed;
use petgraph::graph::DefaultIx;

use super::payload::{ActorNode, RelationEdge};
use super::style::actor_shape;

/// Nodes are at least this big on screen, to stay visible and clickable when zoomed out.
pub const MIN_SCREEN_RADIUS: f32 = 2.5;
/// ...and at most this big, however far one zooms in.
pub const MAX_SCREEN_RADIUS: f32 = 60.0;
/// How much of its colour a dimmed or faded actor keeps.
pub const FADED_ACTOR: f32 = 0.2;
/// Hit area radius on screen, however small the node is drawn.
const MIN_HIT_RADIUS: f32 = 8.0;

#[derive(Debug, Clone)]
pub struct ActorNodeShape {
    location: Pos2,
    payload: ActorNode,
    hovered: bool,
    selected: bool,
    dragged: bool,
    /// Zoom at the last draw; hit-testing runs in layout space but needs a size on screen.
    zoom: f32,
}

impl From<NodeProps<ActorNode>> for ActorNodeShape {
    fn from(props: NodeProps<ActorNode>) -> Self {
        Self {
            location: props.location(),
            hovered: props.hovered,
            selected: props.selected,
            dragged: props.dragged,
            payload: props.payload,
            zoom: 1.0,
        }
    }
}

impl DisplayNode<ActorNode, RelationEdge, Directed, DefaultIx> for ActorNodeShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        self.location + dir * self.payload.radius
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom;
        let emphasised = self.payload.highlighted || self.selected || self.hovered || self.dragged;
        let stands_out = self.payload.pinned || self.payload.spotlit || self.payload.in_full;
        if self.payload.in_picture && !emphasised && !stands_out {
            return Vec::new(); // stamped into the picture of the crowded view
        }
        let centre = ctx.meta.canvas_to_screen_pos(self.location);
        let radius = ctx
            .meta
            .canvas_to_screen_size(self.payload.radius)
            .clamp(MIN_SCREEN_RADIUS, MAX_SCREEN_RADIUS);
        // Nothing to draw off-screen. Labels are drawn by `label_layer`, not here.
        if !ctx.painter.clip_rect().expand(radius + 4.0).contains(centre) {
            return Vec::new();
        }
        let fill = if (self.payload.dimmed || self.payload.faded) && !emphasised {
            self.payload.colour.gamma_multiply(FADED_ACTOR)
        } else {
            self.payload.colour
        };
        if !emphasised && !self.payload.pinned {
            // The common case: a plain mark, with no need for the style (a lock on the
            // context, for each of thousands of nodes).
            let mut shapes = Vec::with_capacity(1);
            actor_shape(centre, radius, self.payload.shape, fill, Stroke::NONE, &mut shapes);
            return shapes;
        }
        let style = ctx.ctx.global_style();
        let ring = if self.payload.highlighted || self.selected {
            Stroke::new(2.5, style.visuals.selection.stroke.color)
        } else if self.hovered || self.dragged {
            Stroke::new(1.5, style.visuals.widgets.hovered.fg_stroke.color)
        } else {
            Stroke::NONE
        };
        let mut shapes = Vec::with_capacity(3);
        actor_shape(centre, radius, self.payload.shape, fill, ring, &mut shapes);
        if self.payload.pinned {
            let pin = centre + Vec2::new(radius * 0.8, -radius * 0.8);
            shapes.push(Shape::circle_filled(pin, 2.5, style.visuals.text_color()));
        }
        shapes
    }

    fn update(&mut self, state: &NodeProps<ActorNode>) {
        self.location = state.location();
        self.hovered = state.hovered;
        self.selected = state.selected;
        self.dragged = state.dragged;
        // Field by field: every node is brought up to date every frame, and cloning the
        // label's Arc for each of 100,000 was two atomic operations apiece for nothing.
        let payload = &state.payload;
        if !std::sync::Arc::ptr_eq(&self.payload.label, &payload.label) {
            self.payload.label = std::sync::Arc::clone(&payload.label);
        }
        let ActorNode {
            actor,
            shape,
            colour,
            radius,
            label: _,
            dimmed,
            faded,
            pinned,
            highlighted,
            spotlit,
            in_full,
            in_picture,
        } = *payload;
        let mine = &mut self.payload;
        (mine.actor, mine.shape, mine.colour, mine.radius) = (actor, shape, colour, radius);
        (mine.dimmed, mine.faded, mine.pinned) = (dimmed, faded, pinned);
        (mine.highlighted, mine.spotlit, mine.in_full, mine.in_picture) = (highlighted, spotlit, in_full, in_picture);
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        let hit_radius = self.payload.radius.max(MIN_HIT_RADIUS / self.zoom.max(1e-4));
        // Squared: egui_graphs asks every node while the pointer is over the canvas, and egui's
        // length is libm's hypot.
        (pos - self.location).length_sq() <= hit_radius * hit_radius
    }
}
