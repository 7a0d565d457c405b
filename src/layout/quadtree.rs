//! Barnes–Hut quadtree: far-away groups of nodes repel as one body, so a layout step
//! costs O(n log n) instead of O(n²).

use super::Vec2;

const NO_CHILD: u32 = u32::MAX;
/// Deep enough for any real layout; stops runaway splitting when nodes coincide.
const MAX_DEPTH: u32 = 32;

#[derive(Debug, Clone)]
struct Cell {
    centre: Vec2,
    half_size: f32,
    mass: f32,
    /// Mass-weighted sum of positions; divided by `mass` when the tree is finished.
    mass_centre: Vec2,
    children: [u32; 4],
    /// The single body in a leaf, or NO_CHILD for an internal cell.
    body: u32,
    /// Bodies in a leaf at MAX_DEPTH beyond `body` (coincident nodes).
    extra_bodies: Vec<u32>,
}

impl Cell {
    fn new(centre: Vec2, half_size: f32) -> Self {
        Self {
            centre,
            half_size,
            mass: 0.0,
            mass_centre: Vec2::ZERO,
            children: [NO_CHILD; 4],
            body: NO_CHILD,
            extra_bodies: Vec::new(),
        }
    }

    fn is_leaf(&self) -> bool {
        self.children == [NO_CHILD; 4]
    }
}

#[derive(Debug, Clone, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    /// Builds the tree over `positions` with the given masses, reusing this tree's memory.
    pub fn rebuild(&mut self, positions: &[Vec2], masses: &[f32]) {
        self.cells.clear();
        let (mut min, mut max) = (Vec2::new(f32::MAX, f32::MAX), Vec2::new(f32::MIN, f32::MIN));
        for p in positions.iter().filter(|p| p.is_finite()) {
            min = Vec2::new(min.x.min(p.x), min.y.min(p.y));
            max = Vec2::new(max.x.max(p.x), max.y.max(p.y));
        }
        if min.x > max.x {
            return;
        }
        let half_size = ((max.x - min.x).max(max.y - min.y) * 0.5).max(1.0) * 1.0001;
        self.cells.push(Cell::new((min + max) * 0.5, half_size));
        for (body, (&position, &mass)) in positions.iter().zip(masses).enumerate() {
            if position.is_finite() {
                self.insert(body as u32, position, mass, positions);
            }
        }
        for cell in &mut self.cells {
            if cell.mass > 0.0 {
                cell.mass_centre = cell.mass_centre * (1.0 / cell.mass);
            }
        }
    }

    fn insert(&mut self, body: u32, position: Vec2, mass: f32, positions: &[Vec2]) {
        let mut cell_index = 0usize;
        let mut depth = 0;
        loop {
            let Some(cell) = self.cells.get_mut(cell_index) else {
                return;
            };
            cell.mass += mass;
            cell.mass_centre += position * mass;
            if cell.is_leaf() {
                if cell.body == NO_CHILD && cell.extra_bodies.is_empty() && cell.mass == mass {
                    cell.body = body;
                    return;
                }
                if depth >= MAX_DEPTH {
                    cell.extra_bodies.push(body);
                    return;
                }
                // Split: push the resident body one level down, then carry on with the new one.
                let resident = std::mem::replace(&mut cell.body, NO_CHILD);
                let resident_mass = cell.mass - mass;
                let resident_position = positions.get(resident as usize).copied().unwrap_or(cell.centre);
                let child = self.child_for(cell_index, resident_position);
                if let Some(child_cell) = self.cells.get_mut(child) {
                    child_cell.mass = resident_mass;
                    child_cell.mass_centre = resident_position * resident_mass;
                    child_cell.body = resident;
                }
            }
            cell_index = self.child_for(cell_index, position);
            depth += 1;
        }
    }

    /// The child of `cell_index` that holds `position`, created if needed.
    fn child_for(&mut self, cell_index: usize, position: Vec2) -> usize {
        let Some(cell) = self.cells.get(cell_index) else {
            return 0;
        };
        let quadrant = usize::from(position.x >= cell.centre.x) | (usize::from(position.y >= cell.centre.y) << 1);
        let existing = cell.children.get(quadrant).copied().unwrap_or(NO_CHILD);
        if existing != NO_CHILD {
            return existing as usize;
        }
        let quarter = cell.half_size * 0.5;
        let offset = Vec2::new(
            if quadrant & 1 == 1 { quarter } else { -quarter },
            if quadrant & 2 == 2 { quarter } else { -quarter },
        );
        let child = Cell::new(cell.centre + offset, quarter);
        let child_index = self.cells.len();
        self.cells.push(child);
        if let Some(slot) = self
            .cells
            .get_mut(cell_index)
            .and_then(|c| c.children.get_mut(quadrant))
        {
            *slot = child_index as u32;
        }
        child_index
    }

    /// Calls `apply(mass_centre, mass)` for every body or group of bodies that acts on a body
    /// at `position`, skipping `body` itself. `theta` trades accuracy for speed (0 = exact).
    /// `stack` is scratch space, passed in so a layout step allocates nothing per node.
    pub fn for_each_influence(
        &self,
        body: u32,
        position: Vec2,
        theta: f32,
        stack: &mut Vec<u32>,
        mut apply: impl FnMut(Vec2, f32),
    ) {
        stack.clear();
        if self.cells.is_empty() {
            return;
        }
        stack.push(0);
        let theta_sq = theta * theta;
        while let Some(index) = stack.pop() {
            let Some(cell) = self.cells.get(index as usize) else {
                continue;
            };
            if cell.mass <= 0.0 {
                continue;
            }
            if cell.is_leaf() {
                let bodies = std::iter::once(cell.body).chain(cell.extra_bodies.iter().copied());
                let count = bodies.clone().filter(|&b| b != NO_CHILD).count() as f32;
                let others = bodies.clone().filter(|&b| b != NO_CHILD && b != body).count() as f32;
                if others > 0.0 {
                    // Bodies in one leaf share a position; their mass is split evenly.
                    apply(cell.mass_centre, cell.mass * others / count);
                }
                continue;
            }
            let size = cell.half_size * 2.0;
            let distance_sq = (cell.mass_centre - position).length_sq();
            if size * size < theta_sq * distance_sq {
                apply(cell.mass_centre, cell.mass);
            } else {
                stack.extend(cell.children.iter().copied().filter(|&c| c != NO_CHILD));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total_influence(tree: &QuadTree, body: u32, position: Vec2, theta: f32) -> f32 {
        let mut total = 0.0;
        tree.for_each_influence(body, position, theta, &mut Vec::new(), |_, mass| total += mass);
        total
    }

    #[test]
    fn every_other_body_is_felt_exactly_once() {
        let positions: Vec<Vec2> = (0..200)
            .map(|i| Vec2::new((i % 17) as f32 * 13.0, (i / 17) as f32 * 7.0))
            .collect();
        let masses = vec![1.0; positions.len()];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        for theta in [0.0, 0.8, 1.5] {
            let felt = total_influence(&tree, 5, positions[5], theta);
            assert!((felt - 199.0).abs() < 1e-3, "theta {theta}: felt {felt}");
        }
    }

    #[test]
    fn coincident_bodies_do_not_recurse_forever() {
        let positions = vec![Vec2::new(1.0, 1.0); 50];
        let masses = vec![2.0; 50];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        assert!((total_influence(&tree, 0, positions[0], 1.0) - 98.0).abs() < 1e-3);
    }
}
