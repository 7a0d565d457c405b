//! What a picture is painted from, apart from where the nodes are this frame: each relation's
//! ends, lane, colour and strength, and each actor's mark. It changes only when what is drawn
//! is rebuilt, so it is made once then and shared with the painting thread: ordering a picture
//! copies the nodes' places and nothing else, and the pass over every relation (half a
//! million at the largest) runs on the painting thread rather than in the window's frame.

use crate::model::NodeShape;

/// A relation as the picture draws it: between the nodes in two slots of the placed nodes.
#[derive(Debug, Clone, Copy)]
pub struct PictureRelation {
    pub from: u32,
    pub to: u32,
    pub lane: f32,
    pub rgb: [f32; 3],
    /// How strongly it is drawn against one in full (dimmed, ended), before crowding.
    pub strength: f32,
    /// How far from its line on screen it can be picked.
    pub reach: f32,
}

/// An actor as the picture stamps it.
#[derive(Debug, Clone, Copy)]
pub struct PictureActor {
    /// Its slot among the placed nodes.
    pub slot: u32,
    pub shape: NodeShape,
    /// Straight alpha, 0..=1.
    pub rgba: [f32; 4],
}

/// Everything drawn, as of one rebuild (`revision`).
#[derive(Debug, Default)]
pub struct PictureSource {
    pub revision: u64,
    pub relations: Vec<PictureRelation>,
    pub actors: Vec<PictureActor>,
}
