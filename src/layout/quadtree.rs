//! Barnes–Hut quadtree: far-away groups of nodes repel as one body, so a layout step
//! costs O(n log n) instead of O(n²).
//!
//! The tree is kept as one array in depth-first order, each cell followed by its subtree and
//! knowing where its subtree ends: a walk is a run forward through the array that jumps past
//! every cell taken as a whole, with no stack and no pointers to chase. The bodies are kept in
//! the same order (`order`), so bodies next to each other in it are near each other in the
//! picture and walk nearly the same cells, which the cache then already holds.

use std::ops::Range;

use super::Vec2;

/// Deep enough for any real layout; stops runaway splitting when nodes coincide.
const MAX_DEPTH: u32 = 32;
/// `slot_of` for a body left out of the tree (a position that is not finite).
const NOT_IN_TREE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    mass_centre: Vec2,
    mass: f32,
    /// The cell's width, squared; compared with the distance to decide whether the cell acts
    /// as one body.
    width_sq: f32,
    /// Where the cell's subtree ends in `cells`: the next cell a walk looks at once this one
    /// is taken whole.
    after: u32,
    /// A leaf's bodies are `order[first..first + count]`; an inner cell has `count` 0.
    first: u32,
    count: u32,
}

/// A body as the build sorts it: its place and mass travel with it, so the sorting reads
/// memory in order.
#[derive(Debug, Clone, Copy)]
struct Body {
    position: Vec2,
    mass: f32,
    index: u32,
}

#[derive(Debug, Clone, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    /// Scratch for the build, kept between builds.
    bodies: Vec<Body>,
    /// The bodies in the tree, leaf by leaf in the cells' order.
    order: Vec<u32>,
    /// Every body was in the last build's tree, so `order` holds each of them once.
    order_has_every_body: bool,
    /// Each body's place in `order`.
    slot_of: Vec<u32>,
}

/// The square a cell covers.
#[derive(Debug, Clone, Copy)]
struct Square {
    centre: Vec2,
    half_size: f32,
}

impl QuadTree {
    /// Builds the tree over `positions` with the given masses, reusing this tree's memory.
    /// Bodies whose position is not finite are left out.
    pub fn rebuild(&mut self, positions: &[Vec2], masses: &[f32]) {
        self.cells.clear();
        self.slot_of.clear();
        self.slot_of.resize(positions.len(), NOT_IN_TREE);
        // The last build's order, when it holds every body, is nearly sorted already: a layout
        // moves its bodies a little each step, so the sorting below moves few of them far.
        // One that left some out (or was for other bodies) would leave them out again.
        if !(self.order_has_every_body && self.order.len() == positions.len()) {
            self.order.clear();
            self.order.extend(0..positions.len() as u32);
        }
        self.bodies.clear();
        let (mut min, mut max) = (Vec2::new(f32::MAX, f32::MAX), Vec2::new(f32::MIN, f32::MIN));
        for &index in &self.order {
            let Some(&position) = positions.get(index as usize).filter(|p| p.is_finite()) else {
                continue;
            };
            min = Vec2::new(min.x.min(position.x), min.y.min(position.y));
            max = Vec2::new(max.x.max(position.x), max.y.max(position.y));
            let mass = masses.get(index as usize).copied().unwrap_or(1.0);
            self.bodies.push(Body { position, mass, index });
        }
        self.order_has_every_body = self.bodies.len() == positions.len();
        if self.bodies.is_empty() {
            self.order.clear();
            return;
        }
        let half_size = ((max.x - min.x).max(max.y - min.y) * 0.5).max(1.0) * 1.0001;
        let root = Square {
            centre: (min + max) * 0.5,
            half_size,
        };
        self.build(0..self.bodies.len(), root, 0);
        self.order.clear();
        self.order.extend(self.bodies.iter().map(|b| b.index));
        for (slot, &body) in self.order.iter().enumerate() {
            if let Some(s) = self.slot_of.get_mut(body as usize) {
                *s = slot as u32;
            }
        }
    }

    /// The bodies in the tree, near ones next to each other: the order to walk them in.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Adds the cell over `self.bodies[bodies]`, then its subtree; returns its mass and mass
    /// centre.
    fn build(&mut self, bodies: Range<usize>, square: Square, depth: u32) -> (f32, Vec2) {
        let at = self.cells.len();
        self.cells.push(Cell::default());
        let (mass, weighted, width_sq, count) = if bodies.len() <= 1 || depth >= MAX_DEPTH {
            let mut mass = 0.0;
            let mut weighted = Vec2::ZERO;
            for body in self.bodies.get(bodies.clone()).unwrap_or_default() {
                mass += body.mass;
                weighted += body.position * body.mass;
            }
            (mass, weighted, 0.0, bodies.len() as u32)
        } else {
            let mut mass = 0.0;
            let mut weighted = Vec2::ZERO;
            for (quadrant, part) in self.split(bodies.clone(), square.centre).into_iter().enumerate() {
                if part.is_empty() {
                    continue;
                }
                let quarter = square.half_size * 0.5;
                let offset = Vec2::new(
                    if quadrant & 1 == 1 { quarter } else { -quarter },
                    if quadrant & 2 == 2 { quarter } else { -quarter },
                );
                let child = Square {
                    centre: square.centre + offset,
                    half_size: quarter,
                };
                let (m, centre) = self.build(part, child, depth + 1);
                mass += m;
                weighted += centre * m;
            }
            let width = square.half_size * 2.0;
            (mass, weighted, width * width, 0)
        };
        let mass_centre = if mass > 0.0 {
            weighted * (1.0 / mass)
        } else {
            square.centre
        };
        let after = self.cells.len() as u32;
        if let Some(cell) = self.cells.get_mut(at) {
            *cell = Cell {
                mass_centre,
                mass,
                width_sq,
                after,
                first: bodies.start as u32,
                count,
            };
        }
        (mass, mass_centre)
    }

    /// Reorders `self.bodies[bodies]` by quadrant around `centre` (below-left, below-right,
    /// above-left, above-right) and returns each quadrant's range.
    fn split(&mut self, bodies: Range<usize>, centre: Vec2) -> [Range<usize>; 4] {
        let start = bodies.start;
        let Some(slice) = self.bodies.get_mut(bodies.clone()) else {
            return [start..start, start..start, start..start, bodies];
        };
        let lower = move_to_front(slice, |b| b.position.y < centre.y);
        let (below, above) = slice.split_at_mut(lower);
        let below_left = move_to_front(below, |b| b.position.x < centre.x);
        let above_left = move_to_front(above, |b| b.position.x < centre.x);
        let (a, b, c) = (start + below_left, start + lower, start + lower + above_left);
        [start..a, a..b, b..c, c..bodies.end]
    }

    /// Calls `apply(mass_centre, mass)` for every body or group of bodies that acts on `body`
    /// at `position`, skipping `body` itself. `theta` trades accuracy for speed (0 = exact).
    pub fn for_each_influence(&self, body: u32, position: Vec2, theta: f32, mut apply: impl FnMut(Vec2, f32)) {
        let slot = self.slot_of.get(body as usize).copied().unwrap_or(NOT_IN_TREE);
        let theta_sq = theta * theta;
        let mut at = 0usize;
        while let Some(cell) = self.cells.get(at) {
            if cell.mass <= 0.0 {
                at = cell.after as usize;
            } else if cell.count > 0 {
                let own = u32::from(slot.wrapping_sub(cell.first) < cell.count);
                let others = cell.count - own;
                if others > 0 {
                    // Bodies in one leaf share a position; their mass is split evenly.
                    apply(cell.mass_centre, cell.mass * others as f32 / cell.count as f32);
                }
                at = cell.after as usize;
            } else if cell.width_sq < theta_sq * (cell.mass_centre - position).length_sq() {
                apply(cell.mass_centre, cell.mass);
                at = cell.after as usize;
            } else {
                at += 1;
            }
        }
    }
}

/// Moves the bodies for which `goes_first` holds to the front of `bodies`, keeping nothing
/// else in order; returns how many there are.
fn move_to_front(bodies: &mut [Body], goes_first: impl Fn(&Body) -> bool) -> usize {
    let mut front = 0;
    for i in 0..bodies.len() {
        if bodies.get(i).is_some_and(&goes_first) {
            bodies.swap(front, i);
            front += 1;
        }
    }
    front
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total_influence(tree: &QuadTree, body: u32, position: Vec2, theta: f32) -> f32 {
        let mut total = 0.0;
        tree.for_each_influence(body, position, theta, |_, mass| total += mass);
        total
    }

    fn grid(count: usize) -> Vec<Vec2> {
        (0..count)
            .map(|i| Vec2::new((i % 17) as f32 * 13.0, (i / 17) as f32 * 7.0))
            .collect()
    }

    #[test]
    fn every_other_body_is_felt_exactly_once() {
        let positions = grid(200);
        let masses = vec![1.0; positions.len()];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        for theta in [0.0, 0.8, 1.5] {
            let felt = total_influence(&tree, 5, positions[5], theta);
            assert!((felt - 199.0).abs() < 1e-3, "theta {theta}: felt {felt}");
        }
    }

    #[test]
    fn exact_walk_feels_each_body_at_its_own_place() {
        let positions = grid(60);
        let masses: Vec<f32> = (0..60).map(|i| 1.0 + i as f32 * 0.5).collect();
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        let mut felt = Vec::new();
        tree.for_each_influence(7, positions[7], 0.0, |centre, mass| felt.push((centre, mass)));
        let mut expected: Vec<(Vec2, f32)> = positions
            .iter()
            .zip(&masses)
            .enumerate()
            .filter(|(body, _)| *body != 7)
            .map(|(_, (&p, &m))| (p, m))
            .collect();
        // Every mass differs, so sorting by mass pairs each influence with its body; the
        // place is the body's own up to rounding (a leaf's centre is its weighted sum over
        // its mass).
        felt.sort_by(|a, b| a.1.total_cmp(&b.1));
        expected.sort_by(|a, b| a.1.total_cmp(&b.1));
        assert_eq!(felt.len(), expected.len());
        for ((place, mass), (expected_place, expected_mass)) in felt.iter().zip(&expected) {
            assert_eq!(mass, expected_mass);
            assert!(
                (*place - *expected_place).length() < 1e-3,
                "{place:?} against {expected_place:?}"
            );
        }
    }

    #[test]
    fn far_groups_act_at_their_mass_centre() {
        // Two bodies far to the right, seen from the left with a loose theta: one influence
        // at their mass-weighted centre.
        let positions = vec![Vec2::new(0.0, 0.0), Vec2::new(1000.0, 0.0), Vec2::new(1002.0, 0.0)];
        let masses = vec![1.0, 1.0, 3.0];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        let mut felt = Vec::new();
        tree.for_each_influence(0, positions[0], 1.0, |centre, mass| felt.push((centre, mass)));
        assert_eq!(felt.len(), 1, "{felt:?}");
        assert!(
            (felt[0].0.x - 1001.5).abs() < 1e-3 && (felt[0].1 - 4.0).abs() < 1e-6,
            "{felt:?}"
        );
    }

    #[test]
    fn near_bodies_are_next_to_each_other_in_the_walking_order() {
        // Four tight clusters in the corners: each cluster's bodies come together.
        let corners = [
            Vec2::new(0.0, 0.0),
            Vec2::new(500.0, 0.0),
            Vec2::new(0.0, 500.0),
            Vec2::new(500.0, 500.0),
        ];
        let positions: Vec<Vec2> = (0..40)
            .map(|i| corners[i % 4] + Vec2::new((i / 4) as f32, 0.0))
            .collect();
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &[1.0; 40]);
        let order = tree.order();
        assert_eq!(order.len(), 40);
        for run in order.chunks(10) {
            assert!(run.iter().all(|&b| b as usize % 4 == run[0] as usize % 4), "{order:?}");
        }
    }

    #[test]
    fn a_body_left_out_comes_back_once_its_place_is_finite_whatever_came_between() {
        let mut positions = grid(30);
        positions[3] = Vec2::new(f32::NAN, 0.0);
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &[1.0; 30]);
        // Twenty-nine bodies, the count the last order holds: it must not be taken for theirs.
        let fewer = grid(29);
        tree.rebuild(&fewer, &[1.0; 29]);
        assert_eq!(tree.order().len(), 29);
        assert!(
            (total_influence(&tree, 4, fewer[4], 0.0) - 28.0).abs() < 1e-3,
            "every other body felt"
        );
        positions[3] = Vec2::new(5.0, 5.0);
        tree.rebuild(&positions, &[1.0; 30]);
        assert_eq!(tree.order().len(), 30);
        assert!((total_influence(&tree, 4, positions[4], 0.0) - 29.0).abs() < 1e-3);
    }

    #[test]
    fn coincident_bodies_do_not_recurse_forever() {
        let positions = vec![Vec2::new(1.0, 1.0); 50];
        let masses = vec![2.0; 50];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        assert!((total_influence(&tree, 0, positions[0], 1.0) - 98.0).abs() < 1e-3);
    }

    #[test]
    fn a_body_with_no_finite_place_is_left_out_and_feels_everyone() {
        let mut positions = grid(30);
        positions[3] = Vec2::new(f32::NAN, 0.0);
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &[1.0; 30]);
        assert_eq!(tree.order().len(), 29);
        assert!((total_influence(&tree, 4, positions[4], 0.0) - 28.0).abs() < 1e-3);
        assert!((total_influence(&tree, 3, Vec2::ZERO, 0.0) - 29.0).abs() < 1e-3);
    }
}
