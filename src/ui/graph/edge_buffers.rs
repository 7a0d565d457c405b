//! What the relation layer keeps from one frame to the next. Owned by the scene, so it lives
//! as long as the drawn graph does, and filled by `edge_layer`.

use std::sync::Arc;

use super::density::{DensityLayer, PictureSource};
use super::edge_shape::Ends;
use crate::layout::Vec2;

/// Past this many actors on screen, they are left to the crowded view's picture; below the
/// lower count, drawn one by one again (two counts, so a view near one does not flicker). A
/// graph with more actors than this has them stamped into every picture.
pub const MARKS_IN_PICTURE_FROM: usize = 6_000;
pub const MARKS_DRAWN_BELOW: usize = 4_000;

/// What drawing the relations keeps between frames, so a frame allocates nothing new: the
/// plain lines' mesh (egui lets go of last frame's copy once painted), where each node is
/// on screen this frame, and the picture of a crowded view.
#[derive(Default)]
pub struct EdgeBuffers {
    pub(super) mesh: Arc<egui::Mesh>,
    pub(super) nodes: Vec<(Vec2, f32)>,
    /// The relations on screen this frame (by index among the scene's) and their ends, while
    /// they are drawn as lines: drawing and picking go through these rather than all of them.
    pub(super) visible: Vec<(u32, Ends)>,
    /// What the picture is painted from, as of `source.revision`.
    pub(super) source: Option<Arc<PictureSource>>,
    /// Last frame drew too many relations to show their patterns: plain lines.
    pub plain_lines: bool,
    /// Last frame drew the relations as one picture of their density.
    pub density: bool,
    pub(super) picture: DensityLayer,
    /// Counts the rebuilds of what is drawn, so a picture made before one is not reused.
    pub(super) revision: u64,
    /// What is drawn where in the layout this frame (the view apart): picking under a picture
    /// trusts the painter's filing of the relations only while it is the same.
    pub(super) layout_key: u64,
    /// So many actors are on screen that they are left to the picture rather than drawn one
    /// by one (once a picture with them is shown).
    pub(super) marks_wanted: bool,
    /// The picture shown has the actors in it, so egui_graphs does not draw them one by one
    /// (set on their payloads).
    pub(super) marks_in_picture: bool,
    /// Until it does, they are drawn as dots in `mesh` (see `edge_layer::picture_shapes`).
    pub(super) dots_shown: bool,
}

impl EdgeBuffers {
    /// A new scene (a file opened, an edit) with this many actors drawn starts with them left
    /// to the picture (dots stand in until it comes): egui_graphs draws its nodes before the
    /// relation layer can tell, and drawing 100,000 one by one took 90 ms of the frame that
    /// puts a file on screen. If few are on screen after all, they are drawn again from the
    /// next frame (see `edge_layer::choose_marks_in_picture`).
    pub(super) fn start_with_marks_in_picture(&mut self, drawn_actors: usize) {
        if self.revision == 0 && drawn_actors > MARKS_IN_PICTURE_FROM {
            self.marks_wanted = true;
            self.marks_in_picture = true;
        }
    }

    /// True while a picture of the relations is being painted (benchmarks wait for it, as a
    /// user resting on a view does).
    pub fn is_painting(&self) -> bool {
        self.picture.is_painting()
    }
}
