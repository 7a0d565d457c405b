//! Where each relation in a picture runs, filed by cells of the window, so hovering or clicking
//! under a picture of half a million relations tries the few thousand near the pointer rather
//! than every one (10 ms a look-up at 100,000 actors). Filed by the painter as it walks the
//! relations, for full pictures only: a draft stands while the layout moves the actors, when
//! no filing would last.

use egui::Pos2;

use super::super::camera::ScreenTransform;
use super::super::edge_shape::{Ends, HIT_DISTANCE, lane_spacing_on_screen, to_vec};
use super::PictureRelation;
use crate::layout::{SegmentGrid, Vec2, distance_sq_to_segment};

/// The side of a cell, in points.
const CELL: f32 = 12.0;
/// Past this many filings the painter gives up filing, and picking tries every relation
/// again, as before. 4 bytes each, up to twice that as the cells' lists grow, and the picture
/// shown keeps its own while the next is filed: at most about 400 MB for both (and 20 bytes a
/// relation for the lines as painted: 10 MB at 500,000).
const MOST_ENTRIES: usize = 24_000_000;

/// The relations of one picture, filed by where they run in the view it was painted for.
pub struct PickCells {
    /// What was drawn where in the layout (see `edge_layer::layout_key`).
    layout_key: u64,
    transform: ScreenTransform,
    grid: SegmentGrid,
    /// Each filed relation's line as painted (start, end) and how far from it a pointer may
    /// pick it, side by side: at the graph's densest point tens of thousands of relations are
    /// filed under one cell, and reading each one's record and both its actors to test it
    /// cost 4 ms a look-up. A loop is kept with no limit, so it is always tried in full.
    lines: Vec<PaintedLine>,
}

/// A relation's line as painted, and how far from it it may be picked.
#[derive(Clone, Copy)]
struct PaintedLine {
    start: Vec2,
    end: Vec2,
    within: f32,
}

/// What a relation never filed is kept as: never near.
const NOT_FILED: PaintedLine = PaintedLine {
    start: Vec2::ZERO,
    end: Vec2::ZERO,
    within: -1.0,
};

impl PickCells {
    /// Empty cells over `area` as the view `transform` showed it.
    pub fn new(layout_key: u64, transform: ScreenTransform, area: egui::Rect) -> Self {
        Self {
            layout_key,
            transform,
            grid: SegmentGrid::new(to_vec(area.min), to_vec(area.size().to_pos2()), CELL),
            lines: Vec::new(),
        }
    }

    /// Files the relation at `at` (among the scene's) under every cell it may be picked in.
    /// False once there are too many filings to keep.
    pub fn file(&mut self, at: u32, relation: &PictureRelation, ends: &Ends) -> bool {
        let slot = at as usize;
        if self.lines.len() <= slot {
            self.lines.resize(slot + 1, NOT_FILED);
        }
        if ends.same_node {
            // A loop is picked within its box.
            let bounds = ends
                .bounds(relation.lane)
                .expand((relation.reach - HIT_DISTANCE).max(0.0));
            self.grid.add_box(at, to_vec(bounds.min), to_vec(bounds.max));
            if let Some(line) = self.lines.get_mut(slot) {
                *line = PaintedLine {
                    start: ends.start,
                    end: ends.start,
                    within: f32::INFINITY,
                };
            }
        } else {
            // A curve in a lane strays from the line between the centres by at most what its
            // box allows it.
            let strays = relation.lane.abs() * lane_spacing_on_screen(ends.zoom) * 2.0;
            self.grid.add_segment(at, ends.start, ends.end, strays + relation.reach);
            if let Some(line) = self.lines.get_mut(slot) {
                *line = PaintedLine {
                    start: ends.start,
                    end: ends.end,
                    within: strays + relation.reach,
                };
            }
        }
        self.grid.entries() <= MOST_ENTRIES
    }

    /// The relations filed near `pointer` in the view `now`, or None when they may not all be
    /// there: the nodes have moved since (`layout_key`), the zoom has changed (lanes and node
    /// sizes on screen go with it), or the pointer is outside the view that was painted.
    /// Only those whose painted line passes close enough to the pointer to be picked, with
    /// the most its lane may bend it: what the exact test could find, and no more.
    pub fn near(&self, layout_key: u64, now: ScreenTransform, pointer: Pos2) -> Option<impl Iterator<Item = u32>> {
        if layout_key != self.layout_key || now.zoom != self.transform.zoom {
            return None;
        }
        let then = pointer - now.offset + self.transform.offset;
        let then = Vec2::new(then.x, then.y);
        let filed = self.grid.near(then)?;
        Some(filed.iter().copied().filter(move |&at| {
            self.lines
                .get(at as usize)
                .is_some_and(|line| distance_sq_to_segment(then, line.start, line.end) <= line.within * line.within)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two straight relations filed under the same cells, 8 points apart: a pointer on one is
    /// offered that one only; one beside both, past their reach, neither.
    #[test]
    fn only_relations_whose_painted_line_passes_within_reach_are_offered() {
        let transform = ScreenTransform {
            offset: egui::Vec2::ZERO,
            zoom: 1.0,
        };
        let area = egui::Rect::from_min_size(Pos2::ZERO, egui::vec2(200.0, 200.0));
        let mut cells = PickCells::new(7, transform, area);
        let nodes = [
            (Vec2::new(10.0, 100.0), 3.0),
            (Vec2::new(190.0, 100.0), 3.0),
            (Vec2::new(10.0, 108.0), 3.0),
            (Vec2::new(190.0, 108.0), 3.0),
        ];
        let relation = |from, to| PictureRelation {
            from,
            to,
            lane: 0.0,
            rgb: [1.0; 3],
            strength: 1.0,
            reach: HIT_DISTANCE,
        };
        for (at, (from, to)) in [(0_u32, 1_u32), (2, 3)].into_iter().enumerate() {
            let ends = Ends::between(&nodes, from as usize, to as usize, 1.0)
                .unwrap_or_else(|| panic!("both ends are placed"));
            assert!(cells.file(at as u32, &relation(from, to), &ends));
        }
        let near = |y: f32| -> Vec<u32> {
            cells
                .near(7, transform, Pos2::new(100.0, y))
                .map(Iterator::collect)
                .unwrap_or_default()
        };
        assert_eq!(near(99.0), vec![0], "on the first line, past the second's reach");
        assert_eq!(near(104.0), vec![0, 1], "between them, within both");
        assert_eq!(near(109.0), vec![1]);
        assert_eq!(near(116.0), Vec::<u32>::new(), "beside both: 8 points from the nearest");
        assert!(
            cells.near(8, transform, Pos2::new(100.0, 99.0)).is_none(),
            "the nodes have moved"
        );
    }
}
