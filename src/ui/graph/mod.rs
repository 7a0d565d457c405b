//! The alliance graph on screen: egui_graphs draws the actors and handles dragging, zoom and
//! pan; Entente draws and picks the relations itself (`edge_layer`).

mod camera;
mod density;
mod edge_buffers;
mod edge_layer;
mod edge_shape;
mod external_layout;
mod headless;
mod label_layer;
mod node_shape;
mod node_size;
mod payload;
mod picture_source;
mod relation_pick;
mod scene;
mod spotlight;
pub mod style;
mod svg_export;
mod view;

pub use camera::{Camera, MAX_ZOOM, MIN_ZOOM, ViewRequest};
pub use headless::{opening_radii, scene_svg, settled_scene};
pub use node_size::actor_radii;
pub use scene::{Collapsed, DrawnActor, GraphScene, PlacedLabel, SavedPositions, SceneLook};
pub use svg_export::view_to_svg;
pub use view::{GRAPH_ID, graph_canvas, relation_screen_position, relation_under};
