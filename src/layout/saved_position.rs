//! Where an actor was, remembered between runs so a dataset opens as the user left it.

use serde::{Deserialize, Serialize};

/// An actor's place in the layout, by the actor's id, and whether the user pinned it there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedPosition {
    pub actor: String,
    pub x: f32,
    pub y: f32,
    pub pinned: bool,
}
