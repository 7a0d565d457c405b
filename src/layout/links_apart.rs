//! How many links apart nodes are: each node's neighbours, and a breadth-first search from
//! one node. Stress, as measured (`quality`) and as refined (`stress`), is about these.

use std::collections::VecDeque;

/// Not reached from the source: in another part of the graph.
pub const UNREACHED: u32 = u32::MAX;

/// Each node's neighbours, both ways; self-loops and ends out of range are left out.
pub fn neighbour_lists(count: usize, edges: &[(u32, u32)]) -> Vec<Vec<u32>> {
    let mut neighbours: Vec<Vec<u32>> = vec![Vec::new(); count];
    for &(a, b) in edges {
        if a != b && (a as usize) < count && (b as usize) < count {
            for (from, to) in [(a, b), (b, a)] {
                if let Some(list) = neighbours.get_mut(from as usize) {
                    list.push(to);
                }
            }
        }
    }
    neighbours
}

/// Links from `source` to every node (`depth`, one per node; `UNREACHED` where there is no
/// path), by a breadth-first search. `queue` is scratch space.
pub fn links_from(source: usize, neighbours: &[Vec<u32>], depth: &mut [u32], queue: &mut VecDeque<u32>) {
    depth.fill(UNREACHED);
    queue.clear();
    if let Some(d) = depth.get_mut(source) {
        *d = 0;
        queue.push_back(source as u32);
    }
    while let Some(node) = queue.pop_front() {
        let here = depth.get(node as usize).copied().unwrap_or(0);
        for &next in neighbours.get(node as usize).map_or(&[][..], Vec::as_slice) {
            if let Some(d) = depth.get_mut(next as usize)
                && *d == UNREACHED
            {
                *d = here + 1;
                queue.push_back(next);
            }
        }
    }
}
