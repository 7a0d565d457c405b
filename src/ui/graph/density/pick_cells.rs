//! Where each relation in a picture runs, filed by cells of the window, so hovering or clicking
//! under a picture of half a million relations tries the few thousand near the pointer rather
//! than every one (10 ms a look-up at 100,000 actors). Filed by the painter as it walks the
//! relations, for full pictures only: a draft stands while the layout moves the actors, when
//! no filing would last.

use egui::Pos2;

use super::super::camera::ScreenTransform;
use super::super::edge_shape::{Ends, HIT_DISTANCE, lane_spacing_on_screen, to_pos, to_vec};
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
    /// How far from the curve a pointer picks it.
    reach: f32,
    /// How far the curve strays from the line at most: 0 for a straight relation, whose
    /// distance the line gives exactly; infinite for a loop.
    strays: f32,
}

/// What a relation never filed is kept as: never near.
const NOT_FILED: PaintedLine = PaintedLine {
    start: Vec2::ZERO,
    end: Vec2::ZERO,
    reach: -1.0,
    strays: 0.0,
};

/// A relation that may be under the pointer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Candidate {
    /// A straight relation under the pointer, and how far from it: measured on its painted
    /// line, as picking measures it, without reading the relation.
    Measured { at: u32, distance: f32 },
    /// A curve or a loop that passes close enough to be under the pointer: picking must
    /// measure the curve itself.
    ToMeasure(u32),
}

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
                    reach: relation.reach,
                    strays: f32::INFINITY,
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
                    reach: relation.reach,
                    strays,
                };
            }
        }
        self.grid.entries() <= MOST_ENTRIES
    }

    /// The relations filed near `pointer` in the view `now`, or None when they may not all be
    /// there: the nodes have moved since (`layout_key`), the zoom has changed (lanes and node
    /// sizes on screen go with it), or the pointer is outside the view that was painted.
    /// Only those whose painted line passes close enough to the pointer to be picked, with
    /// the most its lane may bend it: what the exact test could find, and no more. Straight
    /// ones come measured: at the densest point thousands are in reach, and measuring each
    /// from its record and its actors' places was most of a look-up.
    fn near(&self, layout_key: u64, now: ScreenTransform, pointer: Pos2) -> Option<impl Iterator<Item = Candidate>> {
        if layout_key != self.layout_key || now.zoom != self.transform.zoom {
            return None;
        }
        let then = pointer - now.offset + self.transform.offset;
        let then = Vec2::new(then.x, then.y);
        let filed = self.grid.near(then)?;
        Some(filed.iter().filter_map(move |&at| {
            let line = self.lines.get(at as usize)?;
            let within = line.strays + line.reach;
            let distance_sq = distance_sq_to_segment(then, line.start, line.end);
            if distance_sq > within * within {
                return None;
            }
            if line.strays > 0.0 {
                return Some(Candidate::ToMeasure(at));
            }
            // As `edge_shape::pick_distance` measures a straight relation: inside the box
            // round its ends, and within reach of the line between them.
            let bounds = egui::Rect::from_two_pos(to_pos(line.start), to_pos(line.end)).expand(HIT_DISTANCE);
            let distance = distance_sq.sqrt();
            (bounds.contains(to_pos(then)) && distance <= line.reach).then_some(Candidate::Measured { at, distance })
        }))
    }

    /// The relation under `pointer` in the view `now`: the nearest in reach, the first filed
    /// among equals, as trying every relation would find it. `measure` gives a curve's or a
    /// loop's distance as picking measures it (None out of reach). None when the filing
    /// cannot answer (see `near`) and every relation must be tried; Some(None) when no
    /// relation is under the pointer.
    pub fn nearest(
        &self,
        layout_key: u64,
        now: ScreenTransform,
        pointer: Pos2,
        measure: impl Fn(u32) -> Option<f32>,
    ) -> Option<Option<u32>> {
        let closer = |best: Option<(f32, u32)>, (d, at): (f32, u32)| match best {
            Some((b, first)) if (b, first) <= (d, at) => best,
            _ => Some((d, at)),
        };
        let mut best = None;
        let mut curves = Vec::new();
        for candidate in self.near(layout_key, now, pointer)? {
            match candidate {
                Candidate::Measured { at, distance } => best = closer(best, (distance, at)),
                Candidate::ToMeasure(at) => curves.push(at),
            }
        }
        for at in curves {
            if let Some(d) = measure(at) {
                best = closer(best, (d, at));
            }
        }
        Some(best.map(|(_, at)| at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::graph::edge_shape::pick_distance;
    use crate::ui::graph::payload::RelationEdge;

    /// A crowd of relations of every sort (straight, in lanes either side, loops, thicker
    /// than the hit distance) between actors packed into a small view, so that many pass
    /// under each point: the filing finds the relation that trying every one finds, at every
    /// point of a fine grid.
    #[test]
    fn the_filing_finds_what_trying_every_relation_finds() {
        let transform = ScreenTransform {
            offset: egui::vec2(3.0, -2.0),
            zoom: 1.5,
        };
        let area = egui::Rect::from_min_size(Pos2::ZERO, egui::vec2(240.0, 180.0));
        // A fixed scatter (a linear congruential sequence), so the test is the same each run.
        let mut state = 12_345_u32;
        let mut next = move |below: u32| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 8) % below
        };
        let nodes: Vec<(Vec2, f32)> = (0..60)
            .map(|_| {
                let place = Vec2::new(next(260) as f32 - 10.0, next(200) as f32 - 10.0);
                (place, 2.0 + next(6) as f32)
            })
            .collect();
        let lanes = [0.0, 0.0, 0.0, 1.0, -1.0, 2.0, -0.5];
        let widths = [1.5, 3.0, 8.0, 11.0];
        let relations: Vec<(PictureRelation, f32)> = (0..400)
            .map(|i| {
                let from = next(60);
                let to = if i % 37 == 0 { from } else { next(60) };
                let width = widths[next(4) as usize];
                let relation = PictureRelation {
                    from,
                    to,
                    lane: lanes[next(7) as usize],
                    rgb: [1.0; 3],
                    strength: 1.0,
                    reach: HIT_DISTANCE.max(width),
                };
                (relation, width)
            })
            .collect();
        let mut cells = PickCells::new(1, transform, area);
        let ends_of = |r: &PictureRelation| Ends::between(&nodes, r.from as usize, r.to as usize, transform.zoom);
        for (at, (relation, _)) in relations.iter().enumerate() {
            let ends = ends_of(relation).unwrap_or_else(|| panic!("both ends are placed"));
            assert!(cells.file(at as u32, relation, &ends));
        }
        let measure_at = |at: u32, pointer: Vec2| {
            let (relation, width) = relations.get(at as usize)?;
            let payload = RelationEdge {
                relation: at,
                colour: egui::Color32::WHITE,
                style: Default::default(),
                width: *width,
                lane: relation.lane,
                directed: false,
                dimmed: false,
                highlighted: false,
                change: None,
            };
            pick_distance(&payload, &ends_of(relation)?, pointer)
        };
        let (mut found, mut curves_found) = (0, 0);
        for y in (0..180).step_by(3) {
            for x in (0..240).step_by(3) {
                let pointer = Vec2::new(x as f32 + 0.5, y as f32 + 0.25);
                let every = (0..relations.len() as u32)
                    .filter_map(|at| Some((measure_at(at, pointer)?, at)))
                    .fold(None, |best: Option<(f32, u32)>, (d, at)| match best {
                        Some((b, _)) if b <= d => best,
                        _ => Some((d, at)),
                    })
                    .map(|(_, at)| at);
                // The filing is asked in the view now: the same as painted here.
                let filed = cells.nearest(1, transform, to_pos(pointer), |at| measure_at(at, pointer));
                assert_eq!(filed, Some(every), "at {pointer:?}");
                found += usize::from(every.is_some());
                curves_found += usize::from(every.is_some_and(|at| relations[at as usize].0.lane != 0.0));
            }
        }
        assert!(
            found > 1_000 && curves_found > 100,
            "{found} points on a relation, {curves_found} on a curve"
        );
    }

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
        let near = |y: f32| -> Vec<Candidate> {
            cells
                .near(7, transform, Pos2::new(100.0, y))
                .map(Iterator::collect)
                .unwrap_or_default()
        };
        let measured = |at, distance| Candidate::Measured { at, distance };
        assert_eq!(
            near(99.0),
            vec![measured(0, 1.0)],
            "on the first line, past the second's reach"
        );
        assert_eq!(
            near(104.0),
            vec![measured(0, 4.0), measured(1, 4.0)],
            "between them, within both"
        );
        assert_eq!(near(109.0), vec![measured(1, 1.0)]);
        assert_eq!(
            near(116.0),
            Vec::<Candidate>::new(),
            "beside both: 8 points from the nearest"
        );
        assert!(
            cells.near(8, transform, Pos2::new(100.0, 99.0)).is_none(),
            "the nodes have moved"
        );
    }
}
