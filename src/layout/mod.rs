#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
//! Graph layout: node positions from graph structure. Data in, positions out; no egui.

mod coarsening;
mod components;
mod edge_geometry;
mod force;
mod graph_size;
mod labels;
mod links_apart;
mod overlap;
mod quadtree;
mod quality;
mod runner;
mod saved_position;
mod seed;
mod segment_grid;
mod start;
mod stress;
#[cfg(test)]
mod test_graphs;
mod vector;

pub use components::Components;
pub use edge_geometry::{
    EdgeCurve, clip_parameters, distance_sq_to_segment, distance_to_curve, distance_to_curve_at_least, lane_offsets,
};
pub use force::{ForceLayout, ForceParams, LayoutStatus};
pub use graph_size::{LARGE_GRAPH, MULTILEVEL_FROM, WORKER_THRESHOLD};
pub use labels::{LabelCandidate, Obstacle, Rect, place_labels};
pub use overlap::{median_nearest_distance, remove_overlaps};
pub use quadtree::QuadTree;
pub use quality::{linked_closeness, normalised_stress};
pub use runner::{LayoutRunner, give_way_to_the_window};
pub use saved_position::SavedPosition;
pub use seed::initial_positions;
pub use segment_grid::SegmentGrid;
pub use start::LayoutStart;
pub use vector::Vec2;
