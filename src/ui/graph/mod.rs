//! The alliance graph on screen, drawn with egui_graphs.

mod edge_shape;
mod external_layout;
mod node_shape;
mod payload;
mod scene;
pub mod style;
mod svg_export;
mod view;

pub use scene::{GraphScene, SavedPositions};
pub use svg_export::view_to_svg;
pub use view::{GRAPH_ID, graph_canvas, relation_screen_position};
