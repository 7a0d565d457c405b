//! The graph on screen: the egui_graphs graph built from the dataset and what the user
//! chose to see, plus the force layout that places it.

use std::time::Duration;

use egui::Pos2;
use egui_graphs::Graph;
use petgraph::Directed;
use petgraph::graph::DefaultIx;
use petgraph::stable_graph::NodeIndex;

mod drawn;
mod in_full;
mod placed;

pub use drawn::{Collapsed, SceneLook};

use super::camera::{Camera, ViewRequest};
use super::edge_buffers::EdgeBuffers;
use super::edge_shape::{HiddenEdge, lane_spacing_on_screen};
use super::node_shape::ActorNodeShape;
use super::payload::{ActorNode, RelationEdge};
use super::spotlight::{Spotlight, Subject};
use crate::layout::{EdgeCurve, ForceLayout, ForceParams, LayoutRunner, LayoutStart, SavedPosition, Vec2};
use crate::model::{Dataset, DatasetIndex, NodeShape};
use crate::ui::command::Selection;

/// The actors as egui_graphs draws them and lets the user drag and click them. It holds no
/// edges: the relations are `GraphScene::edges`, drawn and picked by `edge_layer`.
pub type ActorGraph = Graph<ActorNode, RelationEdge, Directed, DefaultIx, ActorNodeShape, HiddenEdge>;

/// A relation on screen: the egui_graphs nodes it joins, and how it is drawn.
#[derive(Debug, Clone)]
pub struct DrawnEdge {
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub payload: RelationEdge,
}

/// Node positions saved between runs.
pub type SavedPositions = Vec<SavedPosition>;

/// How an actor is drawn, for tests and tools that check the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnActor {
    /// The label drawn beside it (its name, or a collapsed bloc's).
    pub label: std::sync::Arc<str>,
    pub colour: egui::Color32,
    pub shape: NodeShape,
    /// Radius in layout units.
    pub radius: f32,
    /// Outside what the selection brings forward, or dimmed by Focus or the time window.
    pub faded: bool,
}

/// A label drawn last frame: the actor it names and where it is, in window coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedLabel {
    pub actor: usize,
    pub rect: egui::Rect,
}

pub struct GraphScene {
    pub graph: ActorGraph,
    layout: LayoutRunner,
    /// Asked for a repaint when a layout worker has new positions.
    repaint: egui::Context,
    node_of_actor: Vec<Option<NodeIndex>>,
    /// The visible relations, in dataset order.
    edges: Vec<DrawnEdge>,
    /// Per relation: its index in `edges`, when visible.
    edge_of_relation: Vec<Option<u32>>,
    /// Per relation: the actor indices it joins, when both exist.
    relation_ends: Vec<Option<(u32, u32)>>,
    lanes: Vec<f32>,
    /// Each actor's radius in layout units (see `node_size`).
    radii: Vec<f32>,
    /// Actors from the biggest down: the order in which labels claim room.
    label_order: Vec<u32>,
    /// The layout came from the file (Gephi's, yEd's): it is kept as it is.
    positions_from_file: bool,
    highlighted: Option<Selection>,
    spotlight: Option<Spotlight>,
    /// See `in_full`.
    in_full: Option<Vec<u32>>,
    /// Focus is on: it brings its own set forward, and Fit fits that set.
    pub focus_on: bool,
    /// The labels drawn last frame.
    pub placed_labels: Vec<PlacedLabel>,
    /// Each actor's label size on screen, measured the first time it is needed: measuring
    /// thousands of names every frame took longer than placing them.
    pub label_sizes: Vec<Option<egui::Vec2>>,
    /// Where the view looks, and what the app asked of it.
    pub camera: Camera,
    /// A node has been dragged since the pointer went down.
    moved_by_user: bool,
    /// What drawing the relations reuses from frame to frame.
    pub edge_buffers: EdgeBuffers,
    /// The relation under the resting pointer last frame, whose tooltip is shown and whose
    /// line glows.
    pub hovered_relation: Option<usize>,
}

impl GraphScene {
    /// A scene for `dataset`, laid out afresh or from `saved` positions.
    pub fn new(
        dataset: &Dataset,
        index: &DatasetIndex,
        saved: Option<&SavedPositions>,
        repaint: &egui::Context,
    ) -> Self {
        Self::from_start(LayoutStart::new(dataset, index), dataset, index, saved, repaint)
    }

    /// A scene from a start worked out beforehand (for a file, on its loading thread).
    pub fn from_start(
        start: LayoutStart,
        dataset: &Dataset,
        index: &DatasetIndex,
        saved: Option<&SavedPositions>,
        repaint: &egui::Context,
    ) -> Self {
        let LayoutStart {
            relation_ends,
            lanes,
            mut layout,
        } = start;
        let restored = saved.is_some_and(|saved| {
            let positions: Vec<(usize, Vec2, bool)> = saved
                .iter()
                .filter_map(|saved| Some((index.actor(&saved.actor)?, Vec2::new(saved.x, saved.y), saved.pinned)))
                .collect();
            let complete = positions.len() == dataset.actors.len();
            let placed: Vec<usize> = positions.iter().map(|(actor, ..)| *actor).collect();
            layout.set_positions(positions);
            if !complete && !placed.is_empty() {
                layout.lay_out_around(&placed);
            }
            complete
        });
        // A layout made in Gephi or yEd travels with its file: use it rather than lay out afresh.
        let imported = !restored
            && positions_from_file(dataset).is_some_and(|positions| {
                layout.set_positions(positions);
                true
            });
        let restored = restored || imported;
        if restored {
            layout.settle_now();
        }
        let mut scene = Self::assemble(layout, (relation_ends, lanes), dataset.actors.len(), repaint);
        scene.positions_from_file = imported;
        scene.camera = Camera::new(!restored);
        scene
    }

    /// Brings an actor or relation forward and fades the rest (`None`: nothing is faded).
    pub fn set_spotlight(&mut self, subject: Option<Subject>, index: &DatasetIndex) {
        if self.spotlight.as_ref().map(|s| s.subject) == subject {
            return;
        }
        let spotlight = subject.map(|subject| {
            Spotlight::on(subject, index, |r| {
                self.edge_of_relation.get(r).copied().flatten().is_some()
            })
        });
        for (actor, node) in self.node_of_actor.iter().enumerate() {
            if let Some(node) = node.and_then(|n| self.graph.node_mut(n)) {
                let payload = node.payload_mut();
                payload.faded = spotlight.as_ref().is_some_and(|s| !s.has_actor(actor));
                payload.spotlit = spotlight.as_ref().is_some_and(|s| s.has_actor(actor));
            }
        }
        self.spotlight = spotlight;
    }

    /// The selected actor or relation, as last marked.
    pub fn selection(&self) -> Option<Selection> {
        self.highlighted
    }

    pub fn spotlight(&self) -> Option<&Spotlight> {
        self.spotlight.as_ref()
    }

    /// Marks the selected actor or relation so it is drawn on top and ringed.
    pub fn set_selection(&mut self, selection: Option<Selection>) {
        if self.highlighted == selection {
            return;
        }
        if let Some(previous) = self.highlighted {
            self.mark(previous, false);
        }
        if let Some(current) = selection {
            self.mark(current, true);
        }
        self.highlighted = selection;
    }

    fn mark(&mut self, selection: Selection, on: bool) {
        match selection {
            Selection::Actor(actor) => {
                if let Some(node) = self.node_of(actor).and_then(|n| self.graph.node_mut(n)) {
                    node.payload_mut().highlighted = on;
                    // egui_graphs draws selected elements last, on top of the rest.
                    node.set_selected(on);
                }
            }
            Selection::Relation(relation) => {
                if let Some(edge) = self
                    .edge_of_relation
                    .get(relation)
                    .copied()
                    .flatten()
                    .and_then(|e| self.edges.get_mut(e as usize))
                {
                    edge.payload.highlighted = on;
                }
            }
        }
    }

    /// Takes over the zoom and pan of the scene this one replaces, instead of fitting anew.
    /// A layout the old scene had not finished goes on from where it was.
    pub fn keep_view_of(&mut self, old: &GraphScene) {
        self.focus_on = old.focus_on;
        self.camera.keep_view_of(&old.camera);
        if old.layout_running() && !self.layout_running() {
            self.layout.reheat(0.3);
        }
    }

    /// Advances the layout for at most `budget`; returns true while it is still running.
    pub fn advance_layout(&mut self, budget: Duration) -> bool {
        if !self.layout.is_running() {
            return false;
        }
        let running = self.layout.advance(budget);
        self.push_positions();
        running
    }

    pub fn layout_running(&self) -> bool {
        self.layout.is_running()
    }

    /// True when the layout steps on a thread of its own (big graphs).
    pub fn layout_on_worker(&self) -> bool {
        self.layout.is_on_worker()
    }

    /// True when the layout asks for a frame itself whenever it has new positions.
    pub fn layout_wakes_the_window(&self) -> bool {
        self.layout.wakes_the_window()
    }

    fn push_positions(&mut self) {
        for (actor, node) in self.node_of_actor.iter().enumerate() {
            let (Some(node), Some(position)) = (node, self.layout.position(actor)) else {
                continue;
            };
            if let Some(node) = self.graph.node_mut(*node)
                && !node.dragged()
            {
                node.set_location(Pos2::new(position.x, position.y));
            }
        }
    }

    /// The user dragged an actor here (layout space): it stays until unpinned.
    pub fn pin(&mut self, actor: usize, [x, y]: [f32; 2]) {
        self.layout.pin_at(actor, Vec2::new(x, y));
        self.moved_by_user = true;
        if let Some(node) = self.node_of(actor).and_then(|n| self.graph.node_mut(n)) {
            node.payload_mut().pinned = true;
        }
    }

    /// Puts a node back where the layout has it (egui_graphs nudged it on a mere click).
    pub fn restore_position(&mut self, node: NodeIndex) {
        let Some(actor) = self.actor_of(node) else { return };
        if let (Some(p), Some(node)) = (self.layout.position(actor), self.graph.node_mut(node)) {
            node.set_location(Pos2::new(p.x, p.y));
        }
    }

    /// After a drop, lets the dropped actor's neighbourhood make room around it; the rest of
    /// the picture stays where it was.
    pub fn settle_around(&mut self, actor: usize) {
        if std::mem::take(&mut self.moved_by_user) {
            self.layout.reheat_near(actor, 1, 0.15);
        }
    }

    pub fn unpin(&mut self, actor: usize) {
        self.layout.unpin(actor);
        if let Some(node) = self.node_of(actor).and_then(|n| self.graph.node_mut(n)) {
            node.payload_mut().pinned = false;
        }
        self.layout.reheat(0.3);
    }

    pub fn is_pinned(&self, actor: usize) -> bool {
        self.layout.is_pinned(actor)
    }

    pub fn unpin_all(&mut self) {
        self.layout.unpin_all();
        for node in self.node_of_actor.iter().flatten() {
            if let Some(node) = self.graph.node_mut(*node) {
                node.payload_mut().pinned = false;
            }
        }
        self.layout.reheat(0.5);
    }

    /// Lays the graph out again from scratch (pinned nodes stay put).
    pub fn restart_layout(&mut self, dataset: &Dataset) {
        let edges: Vec<(u32, u32)> = self.relation_ends.iter().flatten().copied().collect();
        let mut fresh = ForceLayout::new(
            dataset.actors.len(),
            &edges,
            dataset.structure_key(),
            ForceParams::default(),
        );
        let pinned = (0..dataset.actors.len())
            .filter(|&a| self.layout.is_pinned(a))
            .filter_map(|a| Some((a, self.layout.position(a)?, true)));
        fresh.set_positions(pinned.collect::<Vec<_>>());
        fresh.set_radii(self.radii.clone());
        self.layout = runner(fresh, &self.repaint);
        self.positions_from_file = false;
        self.camera.request(ViewRequest::FollowLayout);
    }

    /// The actor's name changed: its label is measured again when next drawn.
    pub fn forget_label(&mut self, actor: usize) {
        if let Some(size) = self.label_sizes.get_mut(actor) {
            *size = None;
        }
    }

    pub fn actor_of(&self, node: NodeIndex) -> Option<usize> {
        self.graph.node(node).map(|n| n.payload().actor as usize)
    }

    /// Per relation, how far it is drawn from the straight line between its actors (parallel
    /// relations fan out).
    pub fn lanes(&self) -> &[f32] {
        &self.lanes
    }

    pub fn node_of(&self, actor: usize) -> Option<NodeIndex> {
        self.node_of_actor.get(actor).copied().flatten()
    }

    pub fn actor_position(&self, actor: usize) -> Option<Vec2> {
        self.layout.position(actor)
    }

    /// Where an actor was drawn last frame, in window coordinates.
    pub fn actor_screen_position(&self, actor: usize) -> Option<Pos2> {
        let p = self.layout.position(actor)?;
        Some(self.camera.to_screen(p.x, p.y))
    }

    /// Where a user would click a drawn relation, in layout space, at `zoom` (parallel
    /// relations fan out by a fixed distance on screen): on its curve, as near half-way as
    /// it can be while clear of every actor drawn over it.
    pub fn relation_pick_point(&self, relation: usize, zoom: f32) -> Option<Vec2> {
        let (from, to) = self.relation_ends.get(relation).copied().flatten()?;
        let (a, b) = (self.layout.position(from as usize)?, self.layout.position(to as usize)?);
        let lane = self.lanes.get(relation).copied().unwrap_or(0.0);
        let spacing = lane_spacing_on_screen(zoom) / zoom.max(1e-4);
        let curve = EdgeCurve::between(a, b, lane, spacing);
        // Clear of a node's disc with a few points to spare, as the eye wants it.
        let margin = 4.0 / zoom.max(1e-4);
        let clear = |p: Vec2| {
            self.graph.nodes_iter().all(|(_, node)| {
                let actor = node.payload().actor as usize;
                self.layout
                    .position(actor)
                    .is_none_or(|c| (p - c).length() > self.radius(actor) + margin)
            })
        };
        let candidates = [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8];
        let points = candidates.map(|t| curve.point_at(t));
        points.iter().copied().find(|&p| clear(p)).or(points.first().copied())
    }

    /// Bounds of the visible nodes in layout space, with their radii, as (min, max); with
    /// `focused_only`, of those not dimmed (the focus).
    pub fn visible_bounds(&self, focused_only: bool) -> Option<(Vec2, Vec2)> {
        let mut bounds: Option<(Vec2, Vec2)> = None;
        for (_, node) in self.graph.nodes_iter() {
            let payload = node.payload();
            if focused_only && payload.dimmed {
                continue;
            }
            let Some(p) = self.layout.position(payload.actor as usize) else {
                continue;
            };
            let r = Vec2::new(payload.radius, payload.radius);
            let (low, high) = (p - r, p + r);
            bounds = Some(match bounds {
                None => (low, high),
                Some((min, max)) => (
                    Vec2::new(min.x.min(low.x), min.y.min(low.y)),
                    Vec2::new(max.x.max(high.x), max.y.max(high.y)),
                ),
            });
        }
        bounds
    }

    /// True when Focus is on and fades part of the graph.
    pub fn fits_focus(&self) -> bool {
        self.focus_on && self.graph.nodes_iter().any(|(_, node)| node.payload().dimmed)
    }

    /// Positions to remember for the next run.
    pub fn saved_positions(&self, dataset: &Dataset) -> SavedPositions {
        dataset
            .actors
            .iter()
            .enumerate()
            .filter_map(|(i, actor)| {
                let p = self.layout.position(i)?;
                Some(SavedPosition {
                    actor: actor.id.clone(),
                    x: p.x,
                    y: p.y,
                    pinned: self.layout.is_pinned(i),
                })
            })
            .collect()
    }
}

fn runner(layout: ForceLayout, repaint: &egui::Context) -> LayoutRunner {
    let repaint = repaint.clone();
    LayoutRunner::new(layout, move || repaint.request_repaint())
}

/// Positions every actor carries from its file (GEXF's `viz:position`, yEd's geometry, x and
/// y attributes, Pajek's coordinates); `None` unless all have one and they are not all at one
/// point (networkx writes every Pajek vertex at 0 0). Coordinates on a unit square, as Pajek
/// and igraph write them, are spread to the scale Entente draws at (a link is about 90 long).
fn positions_from_file(dataset: &Dataset) -> Option<Vec<(usize, Vec2, bool)>> {
    if dataset.actors.is_empty() {
        return None;
    }
    let positions: Vec<Vec2> = dataset
        .actors
        .iter()
        .map(|actor| actor.appearance.position().map(|(x, y)| Vec2::new(x, y)))
        .collect::<Option<_>>()?;
    let (min, max) = positions.iter().fold(
        (
            Vec2::new(f32::INFINITY, f32::INFINITY),
            Vec2::new(f32::NEG_INFINITY, f32::NEG_INFINITY),
        ),
        |(lo, hi), p| {
            (
                Vec2::new(lo.x.min(p.x), lo.y.min(p.y)),
                Vec2::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        },
    );
    let span = (max.x - min.x).max(max.y - min.y);
    if positions.len() > 1 && span <= f32::EPSILON {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    let expected = 90.0 * (positions.len() as f32).sqrt();
    let scale = if span > 0.0 && span < expected / 4.0 {
        expected / span
    } else {
        1.0
    };
    Some(
        positions
            .into_iter()
            .enumerate()
            .map(|(i, p)| (i, p * scale, false))
            .collect(),
    )
}

#[cfg(test)]
mod tests;
