//! Briefings: what a view shows, with the evidence behind it as numbered citations, for a reader
//! who does not have Entente. Pure: the graph comes in as the SVG the app or `entente render`
//! drew.

mod content;
mod html;
mod markdown;

pub use content::{BriefRelation, BriefSource, Briefing, BriefingInput, Citation, describe_filters};
pub use html::briefing_html;
pub use markdown::briefing_markdown;
