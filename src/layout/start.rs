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

    /// A start for an edit that put relations in or took them out: lanes carried over from the
    /// picture (`lanes`, one per relation, already shifted with the edit) are worked out again
    /// only between the `touched` pairs of actors, the only lanes an edit can change.
    pub fn after_edit(index: &DatasetIndex, positions: Vec<Vec2>, mut lanes: Vec<f32>, touched: &[(u32, u32)]) -> Self {
        lanes.resize(index.relation_ends().len(), 0.0);
        for &(a, b) in touched {
            let between: Vec<(usize, (u32, u32))> = index
                .relations_of(a as usize)
                .iter()
                .filter_map(|&r| {
                    let ends = index.relation_ends().get(r).copied().flatten()?;
                    (ends == (a, b) || ends == (b, a)).then_some((r, ends))
                })
                .collect();
            let edges: Vec<(u32, u32)> = between.iter().map(|&(_, ends)| ends).collect();
            for ((r, _), lane) in between.iter().zip(lane_offsets(&edges)) {
                if let Some(slot) = lanes.get_mut(*r) {
                    *slot = lane;
                }
            }
        }
        let relation_ends = index.relation_ends().to_vec();
        let edges: Vec<(u32, u32)> = relation_ends.iter().flatten().copied().collect();
        Self {
            layout: ForceLayout::with_positions(positions, &edges, ForceParams::default()),
            relation_ends,
            lanes,
        }
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::builtin::built_in_dataset;
    use crate::model::{self as editing, Relation};

    #[test]
    fn lanes_worked_out_again_only_where_an_edit_touched_equal_lanes_worked_out_afresh() {
        let mut dataset = Arc::new(built_in_dataset());
        let index = DatasetIndex::new(&dataset);
        let before = LayoutStart::new(&dataset, &index);
        // A third relation between North Korea and Russia, inserted among the others.
        let proposed = editing::add_relation(
            &dataset,
            &index,
            Relation::new("x", "treaty", "russia", "north_korea"),
            None,
        )
        .unwrap_or_else(|p| panic!("{p:?}"));
        proposed.edit.apply(&mut dataset, true);
        let index = DatasetIndex::new(&dataset);
        let mut lanes = before.lanes.clone();
        lanes.push(0.0);
        let pair = |a: &str, b: &str| -> (u32, u32) {
            let at = |id: &str| index.actor(id).map_or(u32::MAX, |i| i as u32);
            (at(a), at(b))
        };
        let positions = vec![Vec2::ZERO; dataset.actors.len()];
        let after = LayoutStart::after_edit(&index, positions, lanes, &[pair("russia", "north_korea")]);
        let fresh = LayoutStart::new(&dataset, &index);
        assert_eq!(after.lanes, fresh.lanes);
        assert_ne!(
            after.lanes[..before.lanes.len()],
            before.lanes[..],
            "the pair's lanes moved apart"
        );
    }
}
