//! Questions asked of the graph: how one actor is connected to another, who is central,
//! which blocs form; always on the relations that count (what the kind, time and evidence
//! filters let through). Knows nothing of egui: the app runs it off the UI thread and the
//! command line runs it directly.

mod betweenness;
mod blocs;
mod counted_graph;
mod grade;
mod metrics;
mod pagerank;
mod paths;

pub use counted_graph::{CountedGraph, Hostile, Step};
pub use grade::Grade;
pub use metrics::{ActorMetrics, DAMPING, Metrics, compute as compute_metrics};
pub use paths::{FoundPath, Hop, PathQuery, Trust, find_paths};
