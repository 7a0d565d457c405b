//! What egui_graphs carries per node and edge. It clones these every frame, so they hold
//! only what drawing needs; the evidence stays in the dataset.

use std::sync::Arc;

use egui::Color32;

use super::style::LineStyle;
use crate::model::{Change, NodeShape};

#[derive(Debug, Clone)]
pub struct ActorNode {
    /// Index into the dataset's actors.
    pub actor: u32,
    pub shape: NodeShape,
    pub colour: Color32,
    /// Radius in layout units; grows with the number of relations.
    pub radius: f32,
    /// Shared, so cloning a node does not copy its name.
    pub label: Arc<str>,
    /// Outside the focus or the time window.
    pub dimmed: bool,
    /// Outside what the selected or hovered actor brings forward.
    pub faded: bool,
    pub pinned: bool,
    /// Selected: drawn with a ring, and its label always shown.
    pub highlighted: bool,
    /// Brought forward by the spotlight (what the selected or hovered actor is linked to).
    pub spotlit: bool,
    /// In full among dimmed ones, and drawn over the picture of a crowded view (see
    /// `GraphScene::in_full`).
    pub in_full: bool,
    /// Stamped into the picture of a crowded view (see `density`) rather than drawn on its
    /// own, unless it stands out (selected, hovered, pinned, spotlit, in full).
    pub in_picture: bool,
}

#[derive(Debug, Clone)]
pub struct RelationEdge {
    /// Index into the dataset's relations.
    pub relation: u32,
    pub colour: Color32,
    pub style: LineStyle,
    /// Line width in points; grows with the evidence behind the relation.
    pub width: f32,
    /// Signed lane among the relations joining the same two actors (see `lane_offsets`).
    pub lane: f32,
    pub directed: bool,
    /// Outside the focus or the time window.
    pub dimmed: bool,
    /// Selected: drawn on top, wider, with a halo.
    pub highlighted: bool,
    /// When comparing two years: began (drawn bold, with a glow) or ended (faint, crossed out).
    pub change: Option<Change>,
}
