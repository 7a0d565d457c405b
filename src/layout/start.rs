//! What laying a dataset out starts from: worked out once, on the loading thread.

use super::{ForceLayout, ForceParams, lane_offsets};
use crate::model::{Dataset, DatasetIndex};

/// What a drawn graph starts from that depends only on the dataset: every relation's ends, the
/// lanes of parallel relations, each actor's degree and the layout's starting positions. For a
/// 20,000-actor file this is tens of milliseconds, so it is worked out on the loading thread
/// rather than in the frame that shows the file.
pub struct LayoutStart {
    pub relation_ends: Vec<Option<(u32, u32)>>,
    pub lanes: Vec<f32>,
    pub layout: ForceLayout,
}

impl LayoutStart {
    pub fn new(dataset: &Dataset, index: &DatasetIndex) -> Self {
        let relation_ends = index.relation_ends().to_vec();
        let edges: Vec<(u32, u32)> = relation_ends.iter().flatten().copied().collect();
        let lanes_of_edges = lane_offsets(&edges);
        let mut lanes_iter = lanes_of_edges.into_iter();
        let lanes = relation_ends
            .iter()
            .map(|ends| ends.and_then(|_| lanes_iter.next()).unwrap_or(0.0))
            .collect();
        let layout = ForceLayout::new(
            dataset.actors.len(),
            &edges,
            dataset.structure_key(),
            ForceParams::default(),
        );
        Self {
            relation_ends,
            lanes,
            layout,
        }
    }
}
