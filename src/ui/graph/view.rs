//! The graph canvas: the only place that calls egui_graphs. Draws the scene, turns clicks
//! into commands, and handles zoom, fit and centring itself (egui_graphs would refit every
//! frame and zoom without limits).

use egui::{Rect, RichText, Shape, Ui};
use egui_graphs::{GraphChange, GraphView, MetadataFrame, SettingsInteraction, SettingsNavigation, SettingsStyle};

use super::camera::ScreenTransform;
use super::edge_buffers::EdgeBuffers;
use super::edge_layer::{Canvas, choose_marks_in_picture, edge_shapes, hovered_relation_shapes};
use super::external_layout::{ExternalLayout, ExternalLayoutState};
use super::label_layer::label_shapes;
use super::relation_pick::relation_at;
use super::scene::GraphScene;
use super::spotlight::Subject;
use crate::model::{Dataset, DatasetIndex, Direction};
use crate::ui::command::{Command, Selection};

/// Keys egui_graphs' zoom and pan in egui memory; reset when a dataset is replaced.
pub const GRAPH_ID: &str = "entente-graph";

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
        // A layout on a worker asks for a frame itself whenever it has new positions, once it
        // has started.
        if !scene.layout_wakes_the_window() {
            ui.ctx().request_repaint();
        }
    }
    if scene.graph.node_count() > 0 {
        place_view(ui, scene, rect);
    }
    // egui_graphs keeps the view in egui memory and pans it itself when the background is
    // dragged: it is handed the camera's, and the camera takes back what it did.
    let mut meta = MetadataFrame::new(id.clone()).load(ui);
    (meta.zoom, meta.pan) = (scene.camera.zoom, scene.camera.pan);
    meta.save(ui);

    // The relations go under the nodes, but are drawn once egui_graphs has moved the view and
    // the nodes this frame: their place in the paint order is kept for them here.
    let edge_painter = ui.painter().with_clip_rect(rect);
    let edge_slot = edge_painter.add(egui::Shape::Noop);
    let hovered_slot = edge_painter.add(egui::Shape::Noop);
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
    let camera = &mut scene.camera;
    (camera.zoom, camera.pan, camera.canvas) = (meta.zoom, meta.pan, response.response.rect);
    camera.clamp_zoom(ui.input(|i| i.pointer.hover_pos()));
    camera.frames = camera.frames.saturating_add(1);
    (meta.zoom, meta.pan) = (camera.zoom, camera.pan);
    meta.save(ui);
    let transform = camera.transform();

    let halo = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
    let clip = ui.clip_rect().intersect(response.response.rect).expand(8.0);
    let mut buffers = std::mem::take(&mut scene.edge_buffers);
    let shapes = edge_shapes(ui.ctx(), scene, &mut buffers, Canvas { transform, clip, halo });
    choose_marks_in_picture(ui.ctx(), scene, &mut buffers);
    edge_painter.set(edge_slot, egui::Shape::Vec(shapes));
    let labels = label_shapes(ui, scene, transform, response.response.rect, hovered);
    ui.painter().with_clip_rect(rect).extend(labels);

    let (changes, clicked_something) = graph_changes(scene, &response);
    commands.extend(changes);
    if response.response.clicked() && !clicked_something {
        let picked = response
            .response
            .interact_pointer_pos()
            .and_then(|pointer| relation_at(scene, &buffers, transform, pointer));
        commands.push(match picked {
            Some(relation) => Command::Select(Selection::Relation(relation)),
            None => Command::ClearSelection,
        });
    }
    // A double-click on empty canvas asks for a new actor there.
    if response.response.double_clicked()
        && !clicked_something
        && scene.graph.hovered_node().is_none()
        && let Some(pointer) = response.response.interact_pointer_pos()
        && relation_at(scene, &buffers, transform, pointer).is_none()
    {
        let at = (pointer.to_vec2() - transform.offset) / transform.zoom.max(1e-4);
        commands.push(Command::NewActor(Some([at.x, at.y])));
    }
    if response.response.secondary_clicked()
        && let Some(actor) = scene.graph.hovered_node().and_then(|n| scene.actor_of(n))
        && scene.is_pinned(actor)
    {
        commands.push(Command::Unpin(actor));
    }
    scene.hovered_relation = hover_tooltip(scene, &buffers, dataset, &response.response, transform);
    if let Some(relation) = scene.hovered_relation {
        let glow = ui.visuals().widgets.hovered.bg_stroke.color.gamma_multiply(0.8);
        let canvas = Canvas {
            transform,
            clip,
            halo: glow,
        };
        edge_painter.set(
            hovered_slot,
            Shape::Vec(hovered_relation_shapes(scene, &buffers, canvas, relation)),
        );
    }
    scene.edge_buffers = buffers;

    if scene.graph.node_count() == 0 {
        empty_canvas_note(ui, rect, dataset);
    }
    commands
}

/// What an empty canvas says: how to add an actor, or that the legend hides everything.
fn empty_canvas_note(ui: &mut Ui, rect: Rect, dataset: &Dataset) {
    let text = if dataset.actors.is_empty() {
        "This dataset has no actors to show. Double-click here or use Edit › New Actor to add one."
    } else {
        "Everything is hidden: turn kinds back on in the legend."
    };
    ui.put(rect, egui::Label::new(RichText::new(text).weak().italics()));
}

/// What egui_graphs reports the user did to actors, as commands; and whether an actor was
/// clicked (a click anywhere else may be on a relation).
fn graph_changes(scene: &mut GraphScene, response: &egui_graphs::GraphViewResponse) -> (Vec<Command>, bool) {
    let mut commands = Vec::new();
    let mut clicked_something = false;
    let canvas = &response.response;
    let user_navigated = canvas.dragged() || canvas.ctx.input(|i| i.zoom_delta() != 1.0);
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
                if let Some(actor) = scene.actor_of(*node) {
                    commands.push(Command::Pin {
                        actor,
                        at: [new_position.x, new_position.y],
                    });
                }
            }
            GraphChange::NodeMoved { node, .. } => scene.restore_position(*node),
            GraphChange::NodeDragEnded { node } => {
                if let Some(actor) = scene.actor_of(*node) {
                    commands.push(Command::Dropped(actor));
                }
            }
            // egui_graphs also fits a view of its own on its first frame and reports that as a
            // pan and zoom; only the user's drag or pinch makes the view theirs, or a layout
            // that grows while it settles would no longer be followed.
            GraphChange::Panned { .. } | GraphChange::Zoomed { .. } if user_navigated => scene.camera.moved_by_user(),
            _ => {}
        }
    }
    (commands, clicked_something)
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

/// Applies wheel zoom and the app's requests (fit, follow, centre) before the view is drawn.
fn place_view(ui: &Ui, scene: &mut GraphScene, rect: Rect) {
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|&p| ui.rect_contains_pointer(rect) && rect.contains(p));
    // egui reads a plain mouse wheel as scrolling; on the canvas it zooms, about the pointer.
    let scroll = ui.input(|i| i.smooth_scroll_delta.y);
    if let Some(pointer) = pointer
        && scroll != 0.0
    {
        scene.camera.zoom_about(pointer - rect.min, (scroll * 0.0025).exp());
    }
    // With Focus on, Fit fits what it shows in full.
    let bounds = || {
        let to_egui = |(min, max): (crate::layout::Vec2, crate::layout::Vec2)| {
            (egui::vec2(min.x, min.y), egui::vec2(max.x, max.y))
        };
        scene
            .visible_bounds(scene.fits_focus())
            .or_else(|| scene.visible_bounds(false))
            .map(to_egui)
    };
    let position = |actor: usize| scene.actor_position(actor).map(|p| egui::vec2(p.x, p.y));
    let mut camera = scene.camera.clone();
    camera.place(rect, scene.layout_running(), bounds, position);
    scene.camera = camera;
}

/// The tooltip of what is under the pointer; returns the relation it is about, if any.
fn hover_tooltip(
    scene: &GraphScene,
    buffers: &EdgeBuffers,
    dataset: &Dataset,
    response: &egui::Response,
    transform: ScreenTransform,
) -> Option<usize> {
    let pointer = response.hover_pos()?;
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
        return None;
    }
    // Relations are only looked for while the pointer rests, not on every move.
    if response.ctx.input(|i| i.pointer.time_since_last_movement()) < 0.05 {
        response.ctx.request_repaint_after(std::time::Duration::from_millis(60));
        return None;
    }
    let index = relation_at(scene, buffers, transform, pointer)?;
    let relation = dataset.relations.get(index)?;
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
    Some(index)
}

/// The relation that hovering or clicking at `pointer` (window coordinates) finds, as the
/// last frame drew the view: the look-up hover and click make, for benchmarks.
pub fn relation_under(scene: &GraphScene, pointer: egui::Pos2) -> Option<usize> {
    relation_at(scene, &scene.edge_buffers, scene.camera.transform(), pointer)
}

/// Where a relation's midpoint was drawn last frame, for tests that click edges as a user would.
pub fn relation_screen_position(scene: &GraphScene, relation: usize) -> Option<egui::Pos2> {
    let point = scene.relation_pick_point(relation, scene.camera.zoom)?;
    Some(scene.camera.to_screen(point.x, point.y))
}
