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
/// Names are measured for the first time for at most this long in one frame (laying out text
/// is the costly part: sixty names took 15 to 35 ms of the first frames of a 100,000-actor
/// file); the others wait a frame or two, the most important measured first.
const MEASURING_PER_FRAME: std::time::Duration = std::time::Duration::from_millis(3);
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
    let measuring = std::time::Instant::now();
    let mut measured_any = false;
    // Those left to measure in a later frame count too: the first frames of a big graph
    // otherwise went through all its actors (100,000) looking for enough measured ones.
    let mut considered = 0;
    let mut unmeasured = false;
    for actor in first.iter().copied().chain(rest) {
        if considered >= MOST_CONSIDERED {
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
            None if measured_any && measuring.elapsed() >= MEASURING_PER_FRAME => {
                considered += 1;
                unmeasured = true;
                continue;
            }
            None => {
                measured_any = true;
                let galley = layout(ui, &payload.label, &font);
                let size = galley.size() + egui::vec2(4.0, 2.0);
                if let Some(slot) = sizes.get_mut(actor) {
                    *slot = Some(size);
                }
                size
            }
        };
        considered += 1;
        candidates.push(LabelCandidate {
            centre,
            radius,
            size: Vec2::new(size.x, size.y),
        });
        chosen.push((actor, payload.label.clone(), payload.dimmed || payload.faded));
    }
    scene.label_sizes = sizes;
    if unmeasured {
        ui.ctx().request_repaint();
    }
    let bounds = crate::layout::Rect {
        min: Vec2::new(canvas.min.x, canvas.min.y),
        max: Vec2::new(canvas.max.x, canvas.max.y),
    };
    let placed = place_labels(&candidates, &obstacles, bounds, MOST_LABELS);
    scene.placed_labels.clear();
    let mut shapes = Vec::new();
    for ((actor, label, faint), spot) in chosen.into_iter().zip(placed) {
        let Some(spot) = spot else { continue };
        let rect = Rect::from_min_max(egui::pos2(spot.min.x, spot.min.y), egui::pos2(spot.max.x, spot.max.y));
        label_shape(ui, &label, rect, faint && !important.contains(&actor), &mut shapes);
        scene.placed_labels.push(PlacedLabel { actor, rect });
    }
    shapes
}

/// A placed label: its backdrop, then its name, weak when its actor is.
fn label_shape(ui: &Ui, label: &str, rect: Rect, weak: bool, shapes: &mut Vec<Shape>) {
    let visuals = ui.visuals();
    let galley = layout(ui, label, &FontId::proportional(LABEL_SIZE));
    let colour = if weak {
        visuals.weak_text_color()
    } else {
        visuals.text_color()
    };
    shapes.push(Shape::rect_filled(
        rect,
        3.0,
        visuals.extreme_bg_color.gamma_multiply(0.85),
    ));
    shapes.push(Shape::galley_with_override_text_color(
        rect.min + egui::vec2(2.0, 1.0),
        galley,
        colour,
    ));
}
