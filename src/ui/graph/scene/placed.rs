//! Putting a scene together from a layout: for a new dataset (`GraphScene::from_start`) or
//! after an edit that put actors or relations in or took them out, with the picture the user
//! had kept (`GraphScene::placed`).

use super::{ActorGraph, Camera, EdgeBuffers, GraphScene, runner};
use crate::layout::{ForceLayout, LayoutStart, Vec2};

impl GraphScene {
    /// The scene after an edit put actors or relations in or took them out: the layout starts
    /// where every actor was (`start`), settled, with `pinned` actors pinned, and each label
    /// keeps the size measured for it (`label_sizes`, one per actor).
    pub fn placed(
        start: LayoutStart,
        pinned: &[usize],
        label_sizes: Vec<Option<egui::Vec2>>,
        repaint: &egui::Context,
    ) -> Self {
        let LayoutStart {
            relation_ends,
            lanes,
            mut layout,
        } = start;
        let pins: Vec<(usize, Vec2, bool)> = pinned
            .iter()
            .filter_map(|&actor| Some((actor, layout.position(actor)?, true)))
            .collect();
        layout.set_positions(pins);
        layout.settle_now();
        let mut scene = Self::assemble(layout, (relation_ends, lanes), label_sizes.len(), repaint);
        scene.label_sizes = label_sizes;
        scene
    }

    pub(super) fn assemble(
        layout: ForceLayout,
        (relation_ends, lanes): (Vec<Option<(u32, u32)>>, Vec<f32>),
        actors: usize,
        repaint: &egui::Context,
    ) -> Self {
        Self {
            graph: ActorGraph::new(),
            layout: runner(layout, repaint),
            repaint: repaint.clone(),
            node_of_actor: Vec::new(),
            edges: Vec::new(),
            edge_of_relation: Vec::new(),
            relation_ends,
            lanes,
            radii: vec![crate::ui::graph::node_size::MIN_RADIUS; actors],
            label_order: (0..actors as u32).collect(),
            positions_from_file: false,
            highlighted: None,
            spotlight: None,
            in_full: None,
            hovered_relation: None,
            focus_on: false,
            placed_labels: Vec::new(),
            label_sizes: vec![None; actors],
            camera: Camera::new(false),
            moved_by_user: false,
            edge_buffers: EdgeBuffers::default(),
        }
    }
}
