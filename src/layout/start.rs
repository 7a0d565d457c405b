//! What laying a dataset out starts from: worked out once, on the loading thread.

use super::{ForceLayout, ForceParams, Vec2, lane_offsets};
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
        Self::with(index, |edges| {
            ForceLayout::new(
                dataset.actors.len(),
                edges,
                dataset.structure_key(),
                ForceParams::default(),
            )
        })
    }

    /// A start from the positions the actors have now (one per actor), for an edit that puts
    /// actors or relations in or takes them out: nothing on screen moves.
    pub fn from_positions(index: &DatasetIndex, positions: Vec<Vec2>) -> Self {
        Self::with(index, |edges| {
            ForceLayout::with_positions(positions, edges, ForceParams::default())
        })
    }

    fn with(index: &DatasetIndex, layout: impl FnOnce(&[(u32, u32)]) -> ForceLayout) -> Self {
        let relation_ends = index.relation_ends().to_vec();
        let edges: Vec<(u32, u32)> = relation_ends.iter().flatten().copied().collect();
        let lanes_of_edges = lane_offsets(&edges);
        let mut lanes_iter = lanes_of_edges.into_iter();
        let lanes = relation_ends
            .iter()
            .map(|ends| ends.and_then(|_| lanes_iter.next()).unwrap_or(0.0))
            .collect();
        Self {
            layout: layout(&edges),
            relation_ends,
            lanes,
        }
    }
}
