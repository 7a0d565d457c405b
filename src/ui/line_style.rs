//! How a relation kind's line is drawn: its pattern of dashes, shared by the canvas, the
//! legend and the SVG export.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LineStyle {
    #[default]
    Solid,
    Dashed,
    LongDashed,
    Dotted,
    DashDot,
    DashDotDot,
    Double,
}

impl LineStyle {
    /// The length after which the pattern repeats, in points (`None` for unbroken lines).
    pub fn period(self) -> Option<f32> {
        match self {
            Self::Solid | Self::Double => None,
            Self::Dashed => Some(10.0 * PATTERN_UNIT),
            Self::LongDashed => Some(19.0 * PATTERN_UNIT),
            Self::Dotted => Some(3.5 * PATTERN_UNIT),
            Self::DashDot => Some(17.5 * PATTERN_UNIT),
            Self::DashDotDot => Some(22.0 * PATTERN_UNIT),
        }
    }
}

/// The scale of every dash pattern, in points. Patterns do not grow with the line's width,
/// so a thick relation on the canvas and the thin sample in the legend show the same pattern.
pub const PATTERN_UNIT: f32 = 1.2;
