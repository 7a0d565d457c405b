//! What the relation layer keeps from one frame to the next. Owned by the scene, so it lives
//! as long as the drawn graph does, and filled by `edge_layer`.

use std::sync::Arc;

use crate::layout::Vec2;

/// What drawing the relations keeps between frames, so a frame allocates nothing new: the
/// plain lines' mesh (egui lets go of last frame's copy once painted) and where each node is
/// on screen this frame.
#[derive(Default)]
pub struct EdgeBuffers {
    pub(super) mesh: Arc<egui::Mesh>,
    pub(super) nodes: Vec<(Vec2, f32)>,
    /// Last frame drew too many relations to show their patterns: plain lines.
    pub plain_lines: bool,
}
