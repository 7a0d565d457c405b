//! Where each relation in a picture runs, filed by cells of the window, so hovering or clicking
//! under a picture of half a million relations tries the few thousand near the pointer rather
//! than every one (10 ms a look-up at 100,000 actors). Filed by the painter as it walks the
//! relations, for full pictures only: a draft stands while the layout moves the actors, when
//! no filing would last.

use egui::Pos2;

use super::super::camera::ScreenTransform;
use super::super::edge_shape::{Ends, HIT_DISTANCE, lane_spacing_on_screen, to_vec};
use super::PictureRelation;
use crate::layout::{SegmentGrid, Vec2};

/// The side of a cell, in points.
const CELL: f32 = 12.0;
/// Past this many filings the painter gives up filing, and picking tries every relation
/// again, as before. 4 bytes each, up to twice that as the cells' lists grow, and the picture
/// shown keeps its own while the next is filed: at most about 400 MB for both.
const MOST_ENTRIES: usize = 24_000_000;

/// The relations of one picture, filed by where they run in the view it was painted for.
pub struct PickCells {
    /// What was drawn where in the layout (see `edge_layer::layout_key`).
    layout_key: u64,
    transform: ScreenTransform,
    grid: SegmentGrid,
}

impl PickCells {
    /// Empty cells over `area` as the view `transform` showed it.
    pub fn new(layout_key: u64, transform: ScreenTransform, area: egui::Rect) -> Self {
        Self {
            layout_key,
            transform,
            grid: SegmentGrid::new(to_vec(area.min), to_vec(area.size().to_pos2()), CELL),
        }
    }

    /// Files the relation at `at` (among the scene's) under every cell it may be picked in.
    /// False once there are too many filings to keep.
    pub fn file(&mut self, at: u32, relation: &PictureRelation, ends: &Ends) -> bool {
        if ends.same_node {
            // A loop is picked within its box.
            let bounds = ends
                .bounds(relation.lane)
                .expand((relation.reach - HIT_DISTANCE).max(0.0));
            self.grid.add_box(at, to_vec(bounds.min), to_vec(bounds.max));
        } else {
            // A curve in a lane strays from the line between the centres by at most what its
            // box allows it.
            let strays = relation.lane.abs() * lane_spacing_on_screen(ends.zoom) * 2.0;
            self.grid.add_segment(at, ends.start, ends.end, strays + relation.reach);
        }
        self.grid.entries() <= MOST_ENTRIES
    }

    /// The relations filed near `pointer` in the view `now`, or None when they may not all be
    /// there: the nodes have moved since (`layout_key`), the zoom has changed (lanes and node
    /// sizes on screen go with it), or the pointer is outside the view that was painted.
    pub fn near(&self, layout_key: u64, now: ScreenTransform, pointer: Pos2) -> Option<&[u32]> {
        if layout_key != self.layout_key || now.zoom != self.transform.zoom {
            return None;
        }
        let then = pointer - now.offset + self.transform.offset;
        self.grid.near(Vec2::new(then.x, then.y))
    }
}
