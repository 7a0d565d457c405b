//! The graph canvas: the only place that calls egui_graphs. Draws the scene, turns clicks
//! into commands, and handles zoom, fit and centring itself (egui_graphs would refit every
//! frame and zoom without limits).

use egui::{Rect, RichText, Ui};
use egui_graphs::{GraphChange, GraphView, MetadataFrame, SettingsInteraction, SettingsNavigation, SettingsStyle};

use super::edge_layer::{EdgeBuffers, ScreenTransform, edge_shapes, relation_at};
use super::external_layout::{ExternalLayout, ExternalLayoutState};
use super::label_layer::label_shapes;
use super::scene::GraphScene;
use super::spotlight::Subject;
use crate::model::{Dataset, DatasetIndex, Direction};
use crate::ui::command::{Command, Selection};

/// Keys egui_graphs' zoom and pan in egui memory; reset when a dataset is replaced.
pub const GRAPH_ID: &str = "entente-graph";
pub const MIN_ZOOM: f32 = 0.02;
pub const MAX_ZOOM: f32 = 6.0;
/// Room left around the graph when fitting, in points: enough for the labels at its rim,
/// which are kept inside the canvas.
const FIT_MARGIN: f32 = 14.0;
/// Fitting a handful of actors zooms in no further than this.
const MAX_FIT_ZOOM: f32 = 2.5;

type EntenteGraphView = GraphView<ExternalLayoutState, ExternalLayout>;

pub fn graph_canvas(ui: &mut Ui, scene: &mut GraphScene, dataset: &Dataset, index: &DatasetIndex) -> Vec<Command> {
    let mut commands = Vec::new();
    let id = Some(GRAPH_ID.to_owned());
    let rect = ui.available_rect_before_wrap().intersect(ui.clip_rect());
    let hovered = scene.graph.hovered_node().and_then(|n| scene.actor_of(n));
    // With Focus on, Focus decides what is in full; hovering still previews.
    let selection = scene.selection().filter(|_| !scene.focus_on);
    scene.set_spotlight(spotlight_subject(hovered, selection), index);

    if scene.layout_running() {
        // A few milliseconds a frame: the layout animates while the window stays responsive.
        scene.advance_layout(std::time::Duration::from_millis(6));
        // A layout on a worker asks for a frame itself whenever it has new positions.
        if !scene.layout_on_worker() {
            ui.ctx().request_repaint();
        }
    }
    let mut meta = MetadataFrame::new(id.clone()).load(ui);
    if scene.graph.node_count() > 0 {
        place_view(ui, scene, rect, &mut meta);
    }
    meta.save(ui);

    // The relations go under the nodes, but are drawn once egui_graphs has moved the view and
    // the nodes this frame: their place in the paint order is kept for them here.
    let edge_painter = ui.painter().with_clip_rect(rect);
    let edge_slot = edge_painter.add(egui::Shape::Noop);
    let response = EntenteGraphView::new()
        .with_id(id.clone())
        .with_interactions(
            &SettingsInteraction::new()
                .with_dragging_enabled(true)
                .with_hover_enabled(true)
                .with_node_clicking_enabled(true),
        )
        .with_navigations(
            &SettingsNavigation::new()
                .with_fit_to_screen_enabled(false)
                .with_zoom_and_pan_enabled(true),
        )
        .with_styles(&SettingsStyle::new().with_labels_always(false))
        .show(ui, &mut scene.graph);

    let mut meta = MetadataFrame::new(id).load(ui);
    let transform = ScreenTransform {
        offset: response.response.rect.min.to_vec2() + meta.pan,
        zoom: meta.zoom,
    };
    let halo = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
    let clip = ui.clip_rect().intersect(response.response.rect).expand(8.0);
    let mut buffers = std::mem::take(&mut scene.edge_buffers);
    let shapes = edge_shapes(scene, &mut buffers, transform, clip, halo);
    edge_painter.set(edge_slot, egui::Shape::Vec(shapes));
    let labels = label_shapes(ui, scene, transform, response.response.rect, hovered);
    ui.painter().with_clip_rect(rect).extend(labels);
    clamp_zoom(&mut meta, response.response.rect, ui.input(|i| i.pointer.hover_pos()));
    scene.view = (meta.zoom, meta.pan, response.response.rect.min);
    scene.frames_drawn = scene.frames_drawn.saturating_add(1);
    scene.canvas_rect = response.response.rect;
    meta.clone().save(ui);

    let mut clicked_something = false;
    for change in &response.changes {
        match change {
            GraphChange::NodeClicked { node } => {
                clicked_something = true;
                if let Some(actor) = scene.actor_of(*node) {
                    commands.push(Command::Select(Selection::Actor(actor)));
                }
            }
            // egui_graphs moves a node under the pointer as soon as it is pressed; only a real
            // drag puts it somewhere new.
            GraphChange::NodeMoved { node, new_position, .. } if response.response.dragged() => {
                scene.pin(*node, *new_position);
            }
            GraphChange::NodeMoved { node, .. } => scene.restore_position(*node),
            GraphChange::NodeDragEnded { node } => scene.settle_around(*node),
            GraphChange::Panned { .. } | GraphChange::Zoomed { .. } => {
                scene.follow_layout = false;
                scene.view_is_fitted = false;
            }
            _ => {}
        }
    }
    if response.response.clicked() && !clicked_something {
        let picked = response
            .response
            .interact_pointer_pos()
            .and_then(|pointer| relation_at(scene, &mut buffers, transform, pointer));
        commands.push(match picked {
            Some(relation) => Command::Select(Selection::Relation(relation)),
            None => Command::ClearSelection,
        });
    }
    if response.response.secondary_clicked()
        && let Some(actor) = scene.graph.hovered_node().and_then(|n| scene.actor_of(n))
        && scene.is_pinned(actor)
    {
        commands.push(Command::Unpin(actor));
    }
    hover_tooltip(scene, &mut buffers, dataset, &response.response, transform);
    scene.edge_buffers = buffers;

    if scene.graph.node_count() == 0 {
        let text = if dataset.actors.is_empty() {
            "This dataset has no actors to show."
        } else {
            "Everything is hidden: turn kinds back on in the legend."
        };
        ui.put(rect, egui::Label::new(RichText::new(text).weak().italics()));
    }
    commands
}

/// What the spotlight is on: hovering an actor previews what selecting it would bring forward.
fn spotlight_subject(hovered: Option<usize>, selection: Option<Selection>) -> Option<Subject> {
    match (hovered, selection) {
        (Some(actor), _) => Some(Subject::Actor(actor)),
        (None, Some(Selection::Actor(actor))) => Some(Subject::Actor(actor)),
        (None, Some(Selection::Relation(relation))) => Some(Subject::Relation(relation)),
        (None, None) => None,
    }
}

/// Applies wheel zoom and pending fit/centre requests to the view before it is drawn.
fn place_view(ui: &Ui, scene: &mut GraphScene, rect: Rect, meta: &mut MetadataFrame) {
    let size = rect.size();
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|&p| ui.rect_contains_pointer(rect) && rect.contains(p));
    // egui reads a plain mouse wheel as scrolling; on the canvas it zooms, about the pointer.
    let scroll = ui.input(|i| i.smooth_scroll_delta.y);
    if let Some(pointer) = pointer
        && scroll != 0.0
    {
        let anchor = pointer - rect.min;
        let canvas = (anchor - meta.pan) / meta.zoom;
        meta.zoom = (meta.zoom * (scroll * 0.0025).exp()).clamp(MIN_ZOOM, MAX_ZOOM);
        meta.pan = anchor - canvas * meta.zoom;
        scene.follow_layout = false;
        scene.view_is_fitted = false;
    }
    let resized = (size - scene.canvas_size).length() > 0.5;
    scene.canvas_size = size;
    // egui_graphs fits the view its own way on the first frame it draws: fit again after it.
    if scene.fit_requested || scene.follow_layout || scene.frames_drawn < 2 || (scene.view_is_fitted && resized) {
        // With Focus on, fit what it shows in full.
        let bounds = scene
            .visible_bounds(scene.fits_focus())
            .or_else(|| scene.visible_bounds(false));
        if let Some((min, max)) = bounds {
            let extent = egui::vec2((max.x - min.x).max(1.0), (max.y - min.y).max(1.0));
            let room = (size - egui::vec2(FIT_MARGIN, FIT_MARGIN) * 2.0).max(egui::vec2(10.0, 10.0));
            let zoom = (room.x / extent.x).min(room.y / extent.y).clamp(MIN_ZOOM, MAX_FIT_ZOOM);
            let centre = (min + max) * 0.5;
            meta.zoom = zoom;
            meta.pan = size * 0.5 - egui::vec2(centre.x, centre.y) * zoom;
        }
        scene.fit_requested = false;
        scene.view_is_fitted = true;
        // Follow the first layout to its end, then leave the view to the user.
        scene.follow_layout &= scene.layout_running();
    }
    if let Some(actor) = scene.centre_on.take()
        && let Some(position) = scene.actor_position(actor)
    {
        meta.zoom = meta.zoom.max(0.8);
        meta.pan = size * 0.5 - egui::vec2(position.x, position.y) * meta.zoom;
        scene.follow_layout = false;
        scene.view_is_fitted = false;
    }
}

/// Keeps zoom within limits, holding the point under the pointer (or the centre) in place.
fn clamp_zoom(meta: &mut MetadataFrame, rect: Rect, pointer: Option<egui::Pos2>) {
    let clamped = meta.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
    if clamped == meta.zoom || !meta.zoom.is_finite() {
        if !meta.zoom.is_finite() {
            meta.zoom = 1.0;
        }
        return;
    }
    let anchor = pointer.filter(|p| rect.contains(*p)).unwrap_or(rect.center()) - rect.min;
    let canvas = (anchor - meta.pan) / meta.zoom;
    meta.zoom = clamped;
    meta.pan = anchor - canvas * clamped;
}

fn hover_tooltip(
    scene: &GraphScene,
    buffers: &mut EdgeBuffers,
    dataset: &Dataset,
    response: &egui::Response,
    transform: ScreenTransform,
) {
    let Some(pointer) = response.hover_pos() else { return };
    if let Some((index, actor)) = scene
        .graph
        .hovered_node()
        .and_then(|n| scene.actor_of(n))
        .and_then(|a| Some((a, dataset.actors.get(a)?)))
    {
        let pinned = scene.is_pinned(index);
        response.clone().on_hover_ui_at_pointer(|ui| {
            // Never wrapped: while the layout moves actors under a resting pointer the tooltip
            // changes actor, and egui sizes it from the last frame's, which could be narrower.
            ui.add(egui::Label::new(RichText::new(&actor.name).strong()).extend());
            ui.add(egui::Label::new(dataset.actor_kind_label(&actor.kind)).extend());
            if !actor.aliases.is_empty() {
                ui.label(RichText::new(format!("Also known as {}", actor.aliases.join(", "))).weak());
            }
            if pinned {
                ui.label(RichText::new("Pinned where you put it; right-click to let the layout move it.").weak());
            }
        });
        return;
    }
    // Relations are only looked for while the pointer rests, not on every move.
    if response.ctx.input(|i| i.pointer.time_since_last_movement()) < 0.05 {
        response.ctx.request_repaint_after(std::time::Duration::from_millis(60));
        return;
    }
    let Some(relation) = relation_at(scene, buffers, transform, pointer).and_then(|r| dataset.relations.get(r)) else {
        return;
    };
    let name = |id: &str| dataset.actor(id).map_or_else(|| id.to_owned(), |a| a.name.clone());
    let arrow = if relation.direction == Direction::Directed {
        "→"
    } else {
        "⇄"
    };
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.strong(format!(
            "{}: {} {arrow} {}",
            dataset.relation_kind_label(&relation.kind),
            name(&relation.from),
            name(&relation.to)
        ));
        ui.label(relation.period.unwrap_or_default().describe());
        if let Some(summary) = &relation.summary {
            ui.label(summary);
        }
        ui.label(
            RichText::new(format!(
                "{}; click to read",
                crate::ui::widgets::count(relation.evidence.len(), "evidence item")
            ))
            .weak(),
        );
    });
}

/// Where a relation's midpoint was drawn last frame, for tests that click edges as a user would.
pub fn relation_screen_position(scene: &GraphScene, relation: usize) -> Option<egui::Pos2> {
    let (zoom, pan, origin) = scene.view;
    let midpoint: crate::layout::Vec2 = scene.relation_midpoint(relation, zoom)?;
    Some(origin + egui::vec2(midpoint.x, midpoint.y) * zoom + pan)
}
