use egui::{Color32, FontId, Pos2, Shape, Stroke, Vec2};
use egui_graphs::{DisplayNode, DrawContext, NodeProps};
use petgraph::Directed;
use petgraph::graph::DefaultIx;

use super::payload::{ActorNode, RelationEdge};
use super::style::actor_shape;

/// Labels stay this size on screen whatever the zoom, so their text layout is cached.
const LABEL_SIZE: f32 = 12.5;
/// Below this radius on screen a node is a dot and its label would be clutter.
const LABEL_MIN_RADIUS: f32 = 5.0;
/// Nodes are at least this big on screen, to stay visible and clickable when zoomed out.
const MIN_SCREEN_RADIUS: f32 = 2.5;
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
        let centre = ctx.meta.canvas_to_screen_pos(self.location);
        let radius = ctx
            .meta
            .canvas_to_screen_size(self.payload.radius)
            .clamp(MIN_SCREEN_RADIUS, 60.0);
        // Nothing to draw off-screen (the margin leaves room for the label).
        if !ctx.painter.clip_rect().expand(radius + 120.0).contains(centre) {
            return Vec::new();
        }
        let emphasised = self.payload.highlighted || self.selected || self.hovered || self.dragged;
        let fill = if self.payload.dimmed && !emphasised {
            self.payload.colour.gamma_multiply(0.2)
        } else {
            self.payload.colour
        };
        // `labels_always` is set by the canvas when few enough actors are on screen to label.
        let readable = radius >= LABEL_MIN_RADIUS && !self.payload.dimmed && ctx.style.labels_always();
        if !emphasised && !readable && !self.payload.pinned {
            // The common case when zoomed out: a plain mark, with no need for the style (a
            // lock on the context, for each of thousands of nodes).
            let mut shapes = Vec::with_capacity(1);
            actor_shape(centre, radius, self.payload.kind, fill, Stroke::NONE, &mut shapes);
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
        let mut shapes = Vec::with_capacity(4);
        actor_shape(centre, radius, self.payload.kind, fill, ring, &mut shapes);
        if self.payload.pinned {
            let pin = centre + Vec2::new(radius * 0.8, -radius * 0.8);
            shapes.push(Shape::circle_filled(pin, 2.5, style.visuals.text_color()));
        }
        if emphasised || readable {
            let colour = if self.payload.dimmed && !emphasised {
                style.visuals.weak_text_color()
            } else {
                style.visuals.text_color()
            };
            let galley = ctx.ctx.fonts_mut(|f| {
                f.layout_no_wrap(self.payload.label.to_string(), FontId::proportional(LABEL_SIZE), colour)
            });
            let position = centre + Vec2::new(-galley.size().x / 2.0, radius + 3.0);
            let backdrop = egui::Rect::from_min_size(position, galley.size()).expand(1.5);
            shapes.push(Shape::rect_filled(
                backdrop,
                3.0,
                style.visuals.extreme_bg_color.gamma_multiply(0.7),
            ));
            shapes.push(Shape::galley(position, galley, Color32::PLACEHOLDER));
        }
        shapes
    }

    fn update(&mut self, state: &NodeProps<ActorNode>) {
        self.location = state.location();
        self.hovered = state.hovered;
        self.selected = state.selected;
        self.dragged = state.dragged;
        self.payload = state.payload.clone();
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        let hit_radius = self.payload.radius.max(MIN_HIT_RADIUS / self.zoom.max(1e-4));
        (pos - self.location).length() <= hit_radius
    }
}
