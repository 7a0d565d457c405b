//! Actor names on the canvas, placed so that none covers another (`layout::place_labels`):
//! the selected and hovered actors first, then what the spotlight brings forward, then the
//! rest from the biggest down. Labels keep one size on screen at every zoom; zooming in
//! spreads the actors out and lets more of them in.

use std::collections::HashSet;

use egui::{Color32, FontId, Rect, Shape, Ui};

use super::camera::ScreenTransform;
use super::node_shape::{MAX_SCREEN_RADIUS, MIN_SCREEN_RADIUS};
use super::scene::{GraphScene, PlacedLabel};
use crate::layout::{LabelCandidate, Obstacle, Vec2, place_labels};
use crate::ui::command::Selection;

/// Labels keep this size on screen whatever the zoom, so their text layouts are cached.
const LABEL_SIZE: f32 = 12.5;
/// At most this many actors are considered for a label each frame, biggest first: past it,
/// on a big graph, the rest would find no room anyway.
const MOST_CONSIDERED: usize = 1_500;
/// At most this many names are measured for the first time in one frame (laying out text is
/// the costly part); the others wait a frame or two, the most important measured first.
const MEASURED_PER_FRAME: usize = 60;
/// At most this many labels are drawn.
const MOST_LABELS: usize = 300;
/// Actors drawn at least this big (radius on screen) are kept clear of lesser actors' labels.
const OBSTACLE_RADIUS: f32 = 5.0;

/// A label's text laid out (egui caches it from frame to frame).
fn layout(ui: &Ui, label: &str, font: &FontId) -> std::sync::Arc<egui::Galley> {
    ui.fonts_mut(|f| f.layout_no_wrap(label.to_owned(), font.clone(), Color32::PLACEHOLDER))
}

/// Places this frame's labels, remembers them in the scene, and returns their shapes.
pub fn label_shapes(
    ui: &Ui,
    scene: &mut GraphScene,
    transform: ScreenTransform,
    canvas: Rect,
    hovered: Option<usize>,
) -> Vec<Shape> {
    let selected = match scene.selection() {
        Some(Selection::Actor(actor)) => Some(actor),
        _ => None,
    };
    let mut first: Vec<usize> = selected.into_iter().chain(hovered).collect();
    if let Some(spotlight) = scene.spotlight() {
        let mut forward: Vec<usize> = spotlight.actors().collect();
        forward.sort_by(|&a, &b| scene.radius(b).total_cmp(&scene.radius(a)).then(a.cmp(&b)));
        first.extend(forward);
    }
    let mut sizes = std::mem::take(&mut scene.label_sizes);
    let mut important: HashSet<usize> = HashSet::new();
    first.retain(|a| important.insert(*a));
    let rest = scene
        .label_order()
        .iter()
        .map(|&a| a as usize)
        .filter(|a| !important.contains(a));
    let font = FontId::proportional(LABEL_SIZE);
    let mut chosen = Vec::new();
    let mut candidates = Vec::new();
    // Labels keep off the actors in full view that are big enough to hide and rank above
    // their own: a dot under a label is no loss, an important actor under a lesser name is.
    let mut obstacles = Vec::new();
    let mut measured = 0;
    for actor in first.iter().copied().chain(rest) {
        if candidates.len() >= MOST_CONSIDERED {
            break;
        }
        let Some(node) = scene.node_of(actor).and_then(|n| scene.graph.node(n)) else {
            continue;
        };
        let payload = node.payload();
        if (payload.dimmed || payload.faded) && !important.contains(&actor) {
            continue;
        }
        let centre = transform.apply(node.location());
        let radius = (payload.radius * transform.zoom).clamp(MIN_SCREEN_RADIUS, MAX_SCREEN_RADIUS);
        if !canvas.expand(radius).contains(egui::pos2(centre.x, centre.y)) {
            continue;
        }
        if radius >= OBSTACLE_RADIUS && !(payload.dimmed || payload.faded) {
            let r = Vec2::new(radius, radius);
            obstacles.push(Obstacle {
                rect: crate::layout::Rect {
                    min: centre - r,
                    max: centre + r,
                },
                rank: candidates.len(),
            });
        }
        let size = match sizes.get(actor).copied().flatten() {
            Some(size) => size,
            None if measured >= MEASURED_PER_FRAME => {
                ui.ctx().request_repaint();
                continue;
            }
            None => {
                measured += 1;
                let galley = layout(ui, &payload.label, &font);
                let size = galley.size() + egui::vec2(4.0, 2.0);
                if let Some(slot) = sizes.get_mut(actor) {
                    *slot = Some(size);
                }
                size
            }
        };
        candidates.push(LabelCandidate {
            centre,
            radius,
            size: Vec2::new(size.x, size.y),
        });
        chosen.push((actor, payload.label.clone(), payload.dimmed || payload.faded));
    }
    scene.label_sizes = sizes;
    let bounds = crate::layout::Rect {
        min: Vec2::new(canvas.min.x, canvas.min.y),
        max: Vec2::new(canvas.max.x, canvas.max.y),
    };
    let placed = place_labels(&candidates, &obstacles, bounds, MOST_LABELS);
    let visuals = ui.visuals();
    let backdrop = visuals.extreme_bg_color.gamma_multiply(0.85);
    let mut shapes = Vec::new();
    scene.placed_labels.clear();
    for ((actor, label, faint), spot) in chosen.into_iter().zip(placed) {
        let Some(spot) = spot else { continue };
        let galley = layout(ui, &label, &font);
        let rect = Rect::from_min_max(egui::pos2(spot.min.x, spot.min.y), egui::pos2(spot.max.x, spot.max.y));
        let colour = if faint && !important.contains(&actor) {
            visuals.weak_text_color()
        } else {
            visuals.text_color()
        };
        shapes.push(Shape::rect_filled(rect, 3.0, backdrop));
        shapes.push(Shape::galley_with_override_text_color(
            rect.min + egui::vec2(2.0, 1.0),
            galley,
            colour,
        ));
        scene.placed_labels.push(PlacedLabel { actor, rect });
    }
    shapes
}
