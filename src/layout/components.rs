//! Connected components, and keeping the small ones beside the largest.
//!
//! Every node repels every other, and gravity towards the middle is weak so that it does not
//! squash the graph; a part with no link to the rest is therefore pushed out until that weak
//! gravity holds it, several times the main part's radius away. Fit-to-screen then shows the
//! main part small in the middle of an empty window. Graphviz and yFiles lay components out
//! apart and pack them; here the force layout keeps running on the whole graph, and after each
//! step a part that has drifted beyond the main part's rim is moved back to it, whole.

use super::Vec2;

/// Which component each node is in, and which one is the largest.
#[derive(Debug, Clone, Default)]
pub struct Components {
    of_node: Vec<u32>,
    count: usize,
    largest: u32,
}

impl Components {
    /// The components of a graph of `node_count` nodes linked by `edges` (ends in range).
    pub fn new(node_count: usize, edges: &[(u32, u32)]) -> Self {
        let mut parent: Vec<u32> = (0..node_count as u32).collect();
        for &(a, b) in edges {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb {
                // The smaller root wins, so the result does not depend on the edges' order.
                let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
                if let Some(slot) = parent.get_mut(join as usize) {
                    *slot = keep;
                }
            }
        }
        let mut id_of_root = vec![u32::MAX; node_count];
        let mut sizes: Vec<usize> = Vec::new();
        let mut of_node = Vec::with_capacity(node_count);
        for node in 0..node_count as u32 {
            let r = root(&mut parent, node) as usize;
            let id = match id_of_root.get(r).copied() {
                Some(id) if id != u32::MAX => id,
                _ => {
                    let id = sizes.len() as u32;
                    if let Some(slot) = id_of_root.get_mut(r) {
                        *slot = id;
                    }
                    sizes.push(0);
                    id
                }
            };
            if let Some(size) = sizes.get_mut(id as usize) {
                *size += 1;
            }
            of_node.push(id);
        }
        // The first of the largest, so ties go to the component with the lowest node.
        let largest = sizes
            .iter()
            .enumerate()
            .fold(
                (0usize, 0usize),
                |best, (id, &size)| if size > best.1 { (id, size) } else { best },
            )
            .0 as u32;
        Self {
            of_node,
            count: sizes.len(),
            largest,
        }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    pub fn of(&self, node: usize) -> Option<u32> {
        self.of_node.get(node).copied()
    }

    pub fn largest(&self) -> u32 {
        self.largest
    }

    /// Moves every other component that lies beyond the largest one's rim back to it, whole,
    /// leaving `gap` between the rim and the component's own edge. Components with a node
    /// pinned by the user or held during a reload stay where they are. Adds each move to
    /// `moved`, per node.
    pub fn keep_beside_largest(
        &self,
        positions: &mut [Vec2],
        (pinned, held_nodes): (&[bool], &[bool]),
        gap: f32,
        moved: &mut [Vec2],
    ) {
        if self.count < 2 {
            return;
        }
        let mut centre_sum = vec![(Vec2::ZERO, 0u32); self.count];
        let mut held = vec![false; self.count];
        for (node, (&component, position)) in self.of_node.iter().zip(positions.iter()).enumerate() {
            if let Some(sum) = centre_sum.get_mut(component as usize) {
                sum.0 += *position;
                sum.1 += 1;
            }
            let fixed = pinned.get(node) == Some(&true) || held_nodes.get(node) == Some(&true);
            if fixed && let Some(h) = held.get_mut(component as usize) {
                *h = true;
            }
        }
        let centres: Vec<Vec2> = centre_sum
            .iter()
            .map(|(sum, n)| *sum * (1.0 / (*n).max(1) as f32))
            .collect();
        let mut radii = vec![0.0f32; self.count];
        for (&component, position) in self.of_node.iter().zip(positions.iter()) {
            let c = component as usize;
            if let (Some(radius), Some(centre)) = (radii.get_mut(c), centres.get(c)) {
                *radius = radius.max((*position - *centre).length());
            }
        }
        let main = self.largest as usize;
        let (Some(&main_centre), Some(&rim)) = (centres.get(main), radii.get(main)) else {
            return;
        };
        let shifts: Vec<Vec2> = (0..self.count)
            .map(|c| {
                let (Some(&centre), Some(&radius)) = (centres.get(c), radii.get(c)) else {
                    return Vec2::ZERO;
                };
                let offset = centre - main_centre;
                let distance = offset.length();
                let furthest = rim + gap + radius;
                if c == main || held.get(c) == Some(&true) || distance <= furthest || !distance.is_finite() {
                    return Vec2::ZERO;
                }
                offset * ((furthest - distance) / distance)
            })
            .collect();
        for ((&component, position), moved) in self.of_node.iter().zip(positions.iter_mut()).zip(moved) {
            if let Some(&shift) = shifts.get(component as usize) {
                *position += shift;
                *moved += shift;
            }
        }
    }
}

fn root(parent: &mut [u32], mut node: u32) -> u32 {
    // Path halving: each step points a node at its grandparent.
    while let Some(&up) = parent.get(node as usize) {
        if up == node {
            break;
        }
        let grand = parent.get(up as usize).copied().unwrap_or(up);
        if let Some(slot) = parent.get_mut(node as usize) {
            *slot = grand;
        }
        node = grand;
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_components_and_the_largest() {
        // 0-1-2 and 3-4, 5 alone.
        let components = Components::new(6, &[(0, 1), (4, 3), (1, 2)]);
        assert_eq!(components.count(), 3);
        let of = |n| components.of(n);
        assert_eq!((of(0), of(1), of(2)), (of(0), of(0), of(0)));
        assert_eq!(of(3), of(4));
        assert_ne!(of(3), of(0));
        assert_ne!(of(5), of(3));
        assert_eq!(Some(components.largest()), of(0));
        assert_eq!(Components::new(0, &[]).count(), 0);
    }

    #[test]
    fn a_far_part_comes_back_whole_to_the_rim_and_a_fixed_one_stays() {
        // Main part: 0 and 1, radius 10 around (0, 0). A pair far to the right; one far up.
        let components = Components::new(6, &[(0, 1), (2, 3), (4, 5)]);
        let mut positions = vec![
            Vec2::new(-10.0, 0.0),
            Vec2::new(10.0, 0.0),
            Vec2::new(995.0, 0.0),
            Vec2::new(1005.0, 0.0),
            Vec2::new(0.0, 1000.0),
            Vec2::new(0.0, 1010.0),
        ];
        let mut pinned = vec![false; 6];
        pinned[5] = true;
        let fixed = (pinned.as_slice(), [false; 6].as_slice());
        let mut moved = vec![Vec2::ZERO; 6];
        components.keep_beside_largest(&mut positions, fixed, 20.0, &mut moved);
        // The pair keeps its shape; its near end is `gap` beyond the rim.
        assert_eq!(positions[2], Vec2::new(30.0, 0.0));
        assert_eq!(positions[3], Vec2::new(40.0, 0.0));
        assert_eq!(moved[2], Vec2::new(-965.0, 0.0));
        assert_eq!((positions[4], moved[4]), (Vec2::new(0.0, 1000.0), Vec2::ZERO));
        // Already beside the rim: nothing moves.
        let before = positions.clone();
        components.keep_beside_largest(&mut positions, fixed, 20.0, &mut moved);
        assert_eq!(positions, before);
    }
}
