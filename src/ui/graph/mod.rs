//! The alliance graph on screen: egui_graphs draws the actors and handles dragging, zoom and
//! pan; Entente draws and picks the relations itself (`edge_layer`).

mod edge_layer;
mod edge_shape;
mod external_layout;
mod node_shape;
mod payload;
mod scene;
pub mod style;
mod svg_export;
mod view;

pub use scene::{GraphScene, SavedPositions, SceneStart};
pub use svg_export::view_to_svg;
pub use view::{GRAPH_ID, graph_canvas, relation_screen_position};
