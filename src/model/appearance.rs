//! How a file itself asks for an actor or relation to be drawn (Gephi's `viz:` attributes,
//! yEd's geometry, a declared kind's shape). Kept apart from what the actor *is*, so that
//! the viewer can draw a file in its own colours or in Entente's, as the user prefers.

use serde::{Deserialize, Serialize};

/// The outline an actor is drawn with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeShape {
    #[default]
    Disc,
    /// A disc drawn as a thick outline: past states.
    Ring,
    Square,
    Hexagon,
    Triangle,
    Diamond,
}

impl NodeShape {
    pub const ALL: [Self; 6] = [
        Self::Disc,
        Self::Ring,
        Self::Square,
        Self::Hexagon,
        Self::Triangle,
        Self::Diamond,
    ];

    /// Reads the names GEXF's `viz:shape` and yEd's shape nodes use, besides Entente's own.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "disc" | "circle" | "ellipse" | "dot" => Self::Disc,
            "ring" => Self::Ring,
            "square" | "rectangle" | "box" | "roundrectangle" => Self::Square,
            "hexagon" | "octagon" => Self::Hexagon,
            "triangle" => Self::Triangle,
            "diamond" | "parallelogram" => Self::Diamond,
            _ => return None,
        })
    }
}

/// An actor's look as its file gave it. Positions are in layout units with y pointing down,
/// as on screen (GEXF's y points up and is turned over when read and written).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Appearance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<f32>,
    /// `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// The file's size for the actor, in its own units (Gephi's `viz:size`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<NodeShape>,
}

impl Appearance {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The position, when the file gave both coordinates.
    pub fn position(&self) -> Option<(f32, f32)> {
        Some((self.x?, self.y?)).filter(|(x, y)| x.is_finite() && y.is_finite())
    }
}

/// A relation's look as its file gave it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineAppearance {
    /// `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Gephi's `viz:thickness`, in its own units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thickness: Option<f32>,
}

impl LineAppearance {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// `#rrggbb` from red, green and blue.
pub fn hex_colour(r: u8, g: u8, b: u8) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
