//! Where nodes start. Deterministic (same graph, same seed, same picture) and never all at
//! one point, which a force layout could not pull apart.

use std::collections::VecDeque;

use super::Vec2;
use crate::mix::mix;

/// Places nodes on a sunflower spiral, in breadth-first order from the best-connected node,
/// so linked nodes start near each other and the layout has little to untangle.
pub fn initial_positions(node_count: usize, edges: &[(u32, u32)], seed: u64, spacing: f32) -> Vec<Vec2> {
    let mut neighbours: Vec<Vec<u32>> = vec![Vec::new(); node_count];
    for &(a, b) in edges {
        if let Some(list) = neighbours.get_mut(a as usize) {
            list.push(b);
        }
        if let Some(list) = neighbours.get_mut(b as usize) {
            list.push(a);
        }
    }
    // Seeded tie-breaking keeps the order deterministic but lets the seed vary the picture.
    let mut roots: Vec<usize> = (0..node_count).collect();
    roots.sort_by_key(|&n| {
        (
            std::cmp::Reverse(neighbours.get(n).map_or(0, Vec::len)),
            mix(seed, n as u64),
        )
    });

    let mut order = Vec::with_capacity(node_count);
    let mut seen = vec![false; node_count];
    let mut queue = VecDeque::new();
    for root in roots {
        if seen.get(root).copied().unwrap_or(true) {
            continue;
        }
        if let Some(s) = seen.get_mut(root) {
            *s = true;
        }
        queue.push_back(root);
        while let Some(node) = queue.pop_front() {
            order.push(node);
            for &next in neighbours.get(node).map_or(&[][..], Vec::as_slice) {
                if let Some(s) = seen.get_mut(next as usize)
                    && !*s
                {
                    *s = true;
                    queue.push_back(next as usize);
                }
            }
        }
    }

    let mut positions = vec![Vec2::ZERO; node_count];
    const GOLDEN_ANGLE: f32 = 2.399_963;
    for (rank, node) in order.into_iter().enumerate() {
        let radius = spacing * 0.6 * (rank as f32 + 0.5).sqrt();
        let angle = rank as f32 * GOLDEN_ANGLE + (mix(seed, 0) % 628) as f32 / 100.0;
        if let Some(slot) = positions.get_mut(node) {
            *slot = Vec2::new(radius * angle.cos(), radius * angle.sin());
        }
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_node_gets_its_own_place() {
        let p = initial_positions(100, &[(0, 1), (1, 2)], 42, 90.0);
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                assert!((p[i] - p[j]).length() > 1.0);
            }
        }
        assert_eq!(p, initial_positions(100, &[(0, 1), (1, 2)], 42, 90.0));
    }
}
