//! Which of many thick segments may lie near a point, without trying them all: each is filed
//! under every square cell it may reach. Picking a relation under the pointer in a view of half
//! a million tries the few thousand filed under the pointer's cell instead of every one.

use super::Vec2;

/// Thick segments (and boxes) filed by the square cells of a rectangle they may reach.
#[derive(Debug, Clone)]
pub struct SegmentGrid {
    origin: Vec2,
    /// The rectangle's size: its last cells reach past it, but nothing beyond it was filed.
    size: Vec2,
    cell: f32,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    entries: usize,
}

impl SegmentGrid {
    /// An empty grid over the rectangle from `origin` of `size`, in cells of side `cell`.
    pub fn new(origin: Vec2, size: Vec2, cell: f32) -> Self {
        let cell = cell.max(1.0);
        let count = |extent: f32| ((extent.max(0.0) / cell).ceil() as usize).max(1);
        let (columns, rows) = (count(size.x), count(size.y));
        Self {
            origin,
            size,
            cell,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
            entries: 0,
        }
    }

    /// How many times segments and boxes were filed, over all cells.
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// Files `id` under every cell that a point within `half_width` of the segment from `a` to
    /// `b` may fall in (a few more near its ends: the cover is a band per row of cells).
    pub fn add_segment(&mut self, id: u32, a: Vec2, b: Vec2, half_width: f32) {
        let (a, b) = (a - self.origin, b - self.origin);
        let t = half_width.max(0.0);
        let Some((first_row, last_row)) = self.span(a.y.min(b.y) - t, a.y.max(b.y) + t, self.rows) else {
            return;
        };
        let dy = b.y - a.y;
        for row in first_row..=last_row {
            // The segment's points whose height is within `t` of this row of cells...
            let (top, bottom) = (row as f32 * self.cell - t, (row + 1) as f32 * self.cell + t);
            let (from, to) = if dy.abs() < f32::EPSILON {
                (0.0, 1.0)
            } else {
                let (s, e) = ((top - a.y) / dy, (bottom - a.y) / dy);
                (s.min(e).max(0.0), s.max(e).min(1.0))
            };
            if from > to {
                continue;
            }
            // ...and the cells within `t` of them across.
            let (x0, x1) = (a.x + (b.x - a.x) * from, a.x + (b.x - a.x) * to);
            if let Some(columns) = self.span(x0.min(x1) - t, x0.max(x1) + t, self.columns) {
                self.file(id, row, columns);
            }
        }
    }

    /// Files `id` under every cell the box from `min` to `max` overlaps.
    pub fn add_box(&mut self, id: u32, min: Vec2, max: Vec2) {
        let (min, max) = (min - self.origin, max - self.origin);
        let (Some((first_row, last_row)), Some(columns)) = (
            self.span(min.y, max.y, self.rows),
            self.span(min.x, max.x, self.columns),
        ) else {
            return;
        };
        for row in first_row..=last_row {
            self.file(id, row, columns);
        }
    }

    /// Everything filed under the cell `point` falls in: every segment within its half-width
    /// of `point`, and every box holding it, is among them. None outside the rectangle (even
    /// where its last cells reach past it: what lies only there was never filed).
    pub fn near(&self, point: Vec2) -> Option<&[u32]> {
        let local = point - self.origin;
        if !(local.x >= 0.0 && local.y >= 0.0 && local.x <= self.size.x && local.y <= self.size.y) {
            return None;
        }
        let (column, row) = ((local.x / self.cell) as usize, (local.y / self.cell) as usize);
        if column >= self.columns || row >= self.rows {
            return None;
        }
        self.cells.get(row * self.columns + column).map(Vec::as_slice)
    }

    fn file(&mut self, id: u32, row: usize, (first, last): (usize, usize)) {
        let start = row * self.columns;
        if let Some(cells) = self.cells.get_mut(start + first..=start + last) {
            for cell in cells {
                cell.push(id);
            }
            self.entries += last - first + 1;
        }
    }

    /// The cells (of `count` along this axis) from `low` to `high`, or None when none is.
    fn span(&self, low: f32, high: f32, count: usize) -> Option<(usize, usize)> {
        if !(high >= 0.0 && low < count as f32 * self.cell) {
            return None;
        }
        let first = (low.max(0.0) / self.cell) as usize;
        let last = ((high / self.cell) as usize).min(count - 1);
        (first <= last).then_some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance_to_segment(p: Vec2, a: Vec2, b: Vec2) -> f32 {
        let ab = b - a;
        let s = if ab.length_sq() > 0.0 {
            ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (p - (a + ab * s)).length()
    }

    /// A small deterministic generator, so the test needs no crate and gives the same cases.
    fn next(state: &mut u64) -> f32 {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (*state >> 40) as f32 / (1u64 << 24) as f32
    }

    #[test]
    fn every_segment_within_reach_of_a_point_is_filed_under_its_cell() {
        let size = Vec2::new(400.0, 300.0);
        let mut grid = SegmentGrid::new(Vec2::new(-50.0, 20.0), size, 32.0);
        let mut state = 7;
        let point = |state: &mut u64| Vec2::new(next(state) * 600.0 - 150.0, next(state) * 500.0 - 80.0);
        let segments: Vec<(Vec2, Vec2, f32)> = (0..300)
            .map(|i| {
                let a = point(&mut state);
                // Some horizontal, some vertical, some a point.
                let b = match i % 10 {
                    0 => Vec2::new(a.x + 90.0, a.y),
                    1 => Vec2::new(a.x, a.y - 70.0),
                    2 => a,
                    _ => point(&mut state),
                };
                (a, b, next(&mut state) * 20.0)
            })
            .collect();
        for (id, &(a, b, t)) in segments.iter().enumerate() {
            grid.add_segment(id as u32, a, b, t);
        }
        let mut found_some = 0;
        for _ in 0..5_000 {
            let p = Vec2::new(-50.0 + next(&mut state) * 400.0, 20.0 + next(&mut state) * 300.0);
            let filed = grid.near(p).unwrap_or_else(|| panic!("{p:?} is inside the grid"));
            for (id, &(a, b, t)) in segments.iter().enumerate() {
                if distance_to_segment(p, a, b) <= t {
                    found_some += 1;
                    assert!(filed.contains(&(id as u32)), "segment {id} is within {t} of {p:?}");
                }
            }
        }
        assert!(found_some > 1_000, "the cases reach many segments: {found_some}");
        let per_segment = grid.entries() as f32 / segments.len() as f32;
        assert!(
            per_segment < 20.0,
            "segments are filed only near where they run: {per_segment}"
        );
    }

    #[test]
    fn a_segment_is_not_filed_far_from_where_it_runs() {
        let mut grid = SegmentGrid::new(Vec2::ZERO, Vec2::new(320.0, 320.0), 32.0);
        grid.add_segment(1, Vec2::new(16.0, 16.0), Vec2::new(300.0, 300.0), 4.0);
        assert!(grid.near(Vec2::new(160.0, 160.0)).is_some_and(|ids| ids == [1]));
        assert!(grid.near(Vec2::new(300.0, 20.0)).is_some_and(<[u32]>::is_empty));
        assert!(grid.near(Vec2::new(20.0, 300.0)).is_some_and(<[u32]>::is_empty));
        assert_eq!(grid.near(Vec2::new(-1.0, 5.0)), None, "outside the grid");
        assert_eq!(grid.near(Vec2::new(5.0, 321.0)), None);
        // A grid of 100 across has cells to 108; past 100 nothing was filed.
        let narrow = SegmentGrid::new(Vec2::ZERO, Vec2::new(100.0, 12.0), 12.0);
        assert!(narrow.near(Vec2::new(99.0, 5.0)).is_some());
        assert_eq!(
            narrow.near(Vec2::new(104.0, 5.0)),
            None,
            "past the rectangle, in its last cell"
        );
        // Along the diagonal: a band of about three cells per row, not the whole box.
        assert!(grid.entries() <= 3 * 10, "{}", grid.entries());
    }

    #[test]
    fn a_box_is_filed_under_every_cell_it_overlaps_and_segments_outside_are_dropped() {
        let mut grid = SegmentGrid::new(Vec2::ZERO, Vec2::new(100.0, 100.0), 10.0);
        grid.add_box(3, Vec2::new(15.0, 15.0), Vec2::new(34.0, 24.0));
        assert_eq!(grid.entries(), 3 * 2);
        assert!(grid.near(Vec2::new(31.0, 16.0)).is_some_and(|ids| ids == [3]));
        grid.add_segment(4, Vec2::new(-50.0, -50.0), Vec2::new(-10.0, 200.0), 2.0);
        grid.add_box(5, Vec2::new(150.0, 0.0), Vec2::new(160.0, 10.0));
        assert_eq!(grid.entries(), 6, "nothing of them is inside");
    }
}
