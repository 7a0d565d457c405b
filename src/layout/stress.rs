//! A settled force layout refined towards low stress: every pair of nodes in one connected part
//! is drawn as far apart as links between them, times one length (Gansner, Koren and North's
//! stress majorisation, in its localised form: each node in turn moves to where its pairs,
//! weighted by 1/d², would put it). Forces alone leave a tree's branches bunched (stress 18%
//! over graphviz sfdp's on a balanced tree); a few sweeps of this untangle them.
//!
//! It needs every pair's distance in links, so it is kept to graphs of up to `STRESS_UP_TO`
//! nodes (a table of 2 bytes a pair: 32 MB at that size); bigger ones keep the forces' picture.

use std::collections::VecDeque;

use super::Vec2;
use super::links_apart::{UNREACHED, links_from, neighbour_lists};

/// The most nodes refined; see the module's comment.
pub const STRESS_UP_TO: usize = 4_000;
/// Sweeps over every node at most...
const MOST_SWEEPS: u32 = 30;
/// ...and none once no node moved more than this share of a link's length in a sweep.
const SETTLED_MOVE: f32 = 0.01;
/// Pairs looked at in one step (a quarter as many rows of the table while it is made), so a
/// step takes a few milliseconds whatever the size.
const PAIRS_PER_STEP: usize = 2_000_000;
/// A pair in different parts: no distance.
const UNREACHABLE: u16 = u16::MAX;

/// The refinement of one layout, run a slice at a time (`step`): first the table of links
/// between pairs, a few rows a step, then sweeps over the nodes.
#[derive(Debug, Clone)]
pub struct StressRefinement {
    node_count: usize,
    neighbours: Vec<Vec<u32>>,
    /// Links between each pair, row by row; rows from `rows_done` on are still to be found.
    hops: Vec<u16>,
    rows_done: usize,
    /// Layout units per link, once the table is done.
    unit: Option<f32>,
    /// Where the sweep under way has got to.
    next_node: usize,
    sweeps: u32,
    largest_move: f32,
    // Kept between steps, so a step allocates nothing.
    xs: Vec<f32>,
    ys: Vec<f32>,
    depth: Vec<u32>,
    queue: VecDeque<u32>,
}

impl StressRefinement {
    /// The refinement of a layout of `node_count` nodes linked by `edges`, or None when the
    /// graph is too big for it or has nothing to refine.
    pub fn new(node_count: usize, edges: &[(u32, u32)]) -> Option<Self> {
        if !(3..=STRESS_UP_TO).contains(&node_count) || edges.is_empty() {
            return None;
        }
        Some(Self {
            node_count,
            neighbours: neighbour_lists(node_count, edges),
            hops: vec![UNREACHABLE; node_count * node_count],
            rows_done: 0,
            unit: None,
            next_node: 0,
            sweeps: 0,
            largest_move: 0.0,
            xs: Vec::new(),
            ys: Vec::new(),
            depth: vec![UNREACHED; node_count],
            queue: VecDeque::new(),
        })
    }

    /// The next slice, about `PAIRS_PER_STEP` pairs' worth: rows of the table while it is
    /// being made, then moves of the nodes (skipping the `fixed`) towards lower stress.
    /// Returns how far a node moved, at most, and whether it is refined.
    pub fn step(&mut self, positions: &mut [Vec2], fixed: &[bool]) -> (f32, bool) {
        if self.is_done() || positions.len() != self.node_count {
            return (0.0, true);
        }
        let Some(unit) = self.unit else {
            self.find_rows(positions);
            return (0.0, self.is_done());
        };
        // Apart, so the pass over each node's pairs runs several pairs at once.
        self.xs.clear();
        self.xs.extend(positions.iter().map(|p| p.x));
        self.ys.clear();
        self.ys.extend(positions.iter().map(|p| p.y));
        let nodes_per_step = (PAIRS_PER_STEP / self.node_count).max(1);
        let end = (self.next_node + nodes_per_step).min(self.node_count);
        let mut moved = 0.0f32;
        for node in self.next_node..end {
            if fixed.get(node).copied().unwrap_or(false) {
                continue;
            }
            let row = self.hops.get(node * self.node_count..(node + 1) * self.node_count);
            let (Some(row), Some(position)) = (row, positions.get_mut(node)) else {
                continue;
            };
            if let Some(place) = majorised_place(*position, (&self.xs, &self.ys), row, unit) {
                moved = moved.max((place - *position).length());
                *position = place;
                if let (Some(x), Some(y)) = (self.xs.get_mut(node), self.ys.get_mut(node)) {
                    (*x, *y) = (place.x, place.y);
                }
            }
        }
        self.largest_move = self.largest_move.max(moved);
        self.next_node = end;
        if self.next_node == self.node_count {
            self.sweeps += 1;
            self.next_node = 0;
            if self.largest_move < SETTLED_MOVE * unit {
                self.sweeps = MOST_SWEEPS;
            }
            self.largest_move = 0.0;
        }
        (moved, self.is_done())
    }

    pub fn is_done(&self) -> bool {
        self.sweeps >= MOST_SWEEPS
    }

    /// The next rows of the table, a breadth-first search from each node; once it is whole,
    /// the length per link that fits the layout (or done, when nothing is linked).
    fn find_rows(&mut self, positions: &[Vec2]) {
        let rows_per_step = (PAIRS_PER_STEP / (self.node_count * 4)).max(1);
        let end = (self.rows_done + rows_per_step).min(self.node_count);
        let n = self.node_count;
        for source in self.rows_done..end {
            let Some(row) = self.hops.get_mut(source * n..(source + 1) * n) else {
                continue;
            };
            links_from(source, &self.neighbours, &mut self.depth, &mut self.queue);
            // Two bytes a pair: a path longer than the table can say counts as its longest.
            for (slot, &links) in row.iter_mut().zip(&self.depth) {
                *slot = if links == UNREACHED {
                    UNREACHABLE
                } else {
                    links.min(u32::from(UNREACHABLE - 1)) as u16
                };
            }
        }
        self.rows_done = end;
        if self.rows_done == n {
            self.unit = fitting_unit(positions, &self.hops, n);
            if self.unit.is_none() {
                self.sweeps = MOST_SWEEPS;
            }
        }
    }
}

/// Pairs summed side by side: floating-point sums are only run several at once when each
/// lane has its own.
const LANES: usize = 8;

/// Where a node now `here` goes for its pairs (`hops` is its row): the mean, weighted by 1/d²,
/// of the places each other node would put it at, d links away along the line between them.
/// Without branches, so that it runs several pairs at once: a pair with no distance (the node
/// itself, another part) weighs nothing, and two nodes in one place have no direction.
fn majorised_place(here: Vec2, (xs, ys): (&[f32], &[f32]), hops: &[u16], unit: f32) -> Option<Vec2> {
    let (mut sum_x, mut sum_y, mut weights) = ([0.0f32; LANES], [0.0f32; LANES], [0.0f32; LANES]);
    let pair = |x: f32, y: f32, d: u16| {
        let links = f32::from(d);
        let weight = if d == 0 || d == UNREACHABLE {
            0.0
        } else {
            1.0 / (links * links)
        };
        let (dx, dy) = (here.x - x, here.y - y);
        let length = (dx * dx + dy * dy).sqrt().max(1e-6);
        let along = unit * links / length;
        (weight * (x + dx * along), weight * (y + dy * along), weight)
    };
    let (x_chunks, y_chunks, d_chunks) = (xs.chunks_exact(LANES), ys.chunks_exact(LANES), hops.chunks_exact(LANES));
    let rest = x_chunks
        .remainder()
        .iter()
        .zip(y_chunks.remainder())
        .zip(d_chunks.remainder());
    for ((x, y), d) in x_chunks.zip(y_chunks).zip(d_chunks) {
        for lane in 0..LANES {
            if let (Some(&x), Some(&y), Some(&d)) = (x.get(lane), y.get(lane), d.get(lane)) {
                let (px, py, w) = pair(x, y, d);
                if let (Some(sx), Some(sy), Some(sw)) =
                    (sum_x.get_mut(lane), sum_y.get_mut(lane), weights.get_mut(lane))
                {
                    *sx += px;
                    *sy += py;
                    *sw += w;
                }
            }
        }
    }
    let (mut total_x, mut total_y, mut total_weight): (f32, f32, f32) =
        (sum_x.iter().sum(), sum_y.iter().sum(), weights.iter().sum());
    for ((&x, &y), &d) in rest {
        let (px, py, w) = pair(x, y, d);
        total_x += px;
        total_y += py;
        total_weight += w;
    }
    (total_weight > 0.0).then(|| Vec2::new(total_x / total_weight, total_y / total_weight))
}

/// The length per link that fits the layout as it stands best (least stress with 1/d²
/// weights: the mean of distance over links), so refining keeps the picture's size.
fn fitting_unit(positions: &[Vec2], hops: &[u16], node_count: usize) -> Option<f32> {
    let (mut total, mut pairs) = (0.0f64, 0u64);
    for (a, row) in hops.chunks_exact(node_count).enumerate() {
        let Some(&here) = positions.get(a) else { continue };
        for (b, &d) in row.iter().enumerate().skip(a + 1) {
            if d == UNREACHABLE || d == 0 {
                continue;
            }
            if let Some(&there) = positions.get(b) {
                total += f64::from((here - there).length()) / f64::from(d);
                pairs += 1;
            }
        }
    }
    let unit = (total / pairs.max(1) as f64) as f32;
    (pairs > 0 && unit.is_finite() && unit > 0.0).then_some(unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::normalised_stress;

    fn refined(positions: &mut [Vec2], edges: &[(u32, u32)], fixed: &[bool]) {
        let mut refinement =
            StressRefinement::new(positions.len(), edges).unwrap_or_else(|| panic!("a small graph is refined"));
        let mut steps = 0;
        while !refinement.step(positions, fixed).1 {
            steps += 1;
            assert!(steps < 10_000, "it ends");
        }
    }

    #[test]
    fn a_path_folded_on_itself_is_drawn_straight_at_its_own_scale() {
        // A path of 12 nodes zig-zagging back and forth, 50 units a link.
        let edges: Vec<(u32, u32)> = (0..11).map(|i| (i, i + 1)).collect();
        let mut positions: Vec<Vec2> = (0..12)
            .map(|i| Vec2::new(if i % 2 == 0 { 0.0 } else { 50.0 }, i as f32 * 3.0))
            .collect();
        let before = normalised_stress(&positions, &edges, 1_000);
        refined(&mut positions, &edges, &[]);
        let after = normalised_stress(&positions, &edges, 1_000);
        assert!(after < before * 0.2, "stress {before} → {after}");
        let ends = (positions[11] - positions[0]).length();
        let links: f32 = (0..11).map(|i| (positions[i + 1] - positions[i]).length()).sum();
        assert!(ends > 0.9 * links, "straightened: ends {ends} apart, {links} of links");
    }

    #[test]
    fn fixed_nodes_stay_and_parts_keep_apart() {
        // Two triangles, unlinked, and a lone node; the first node is pinned.
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)];
        let mut positions = vec![
            Vec2::new(0.0, 0.0),
            Vec2::new(10.0, 0.0),
            Vec2::new(200.0, 5.0),
            Vec2::new(500.0, 0.0),
            Vec2::new(520.0, 0.0),
            Vec2::new(510.0, 3.0),
            Vec2::new(-300.0, -300.0),
        ];
        let fixed = [true, false, false, false, false, false, false];
        refined(&mut positions, &edges, &fixed);
        assert_eq!(positions[0], Vec2::new(0.0, 0.0), "the pinned node stays");
        assert_eq!(positions[6], Vec2::new(-300.0, -300.0), "a lone node has no pairs");
        let side = |a: usize, b: usize| (positions[a] - positions[b]).length();
        for (a, b) in [(0, 1), (1, 2), (2, 0)] {
            assert!((side(a, b) - side(3, 4)).abs() < 0.05 * side(3, 4), "equal triangles");
        }
        assert!(side(0, 3) > 300.0, "the triangles are not pulled together");
    }

    #[test]
    fn refining_is_deterministic_and_skips_graphs_too_big_or_without_links() {
        let edges: Vec<(u32, u32)> = (0..30).map(|i| (i, (i * 7 + 3) % 31)).collect();
        let start: Vec<Vec2> = (0..31)
            .map(|i| Vec2::new((i * 37 % 11) as f32, (i * 13 % 7) as f32))
            .collect();
        let (mut a, mut b) = (start.clone(), start);
        refined(&mut a, &edges, &[]);
        refined(&mut b, &edges, &[]);
        assert_eq!(a, b);
        assert!(StressRefinement::new(10, &[]).is_none());
        assert!(StressRefinement::new(STRESS_UP_TO + 1, &[(0, 1)]).is_none());
        // Every node in one place: no length per link to keep, nothing to do.
        let mut together = vec![Vec2::ZERO; 5];
        let mut refinement = StressRefinement::new(5, &[(0, 1), (1, 2)]).unwrap();
        let mut steps = 0;
        while !refinement.step(&mut together, &[]).1 {
            steps += 1;
            assert!(steps < 10, "it ends");
        }
        assert_eq!(together, vec![Vec2::ZERO; 5]);
    }
}
