//! Moves overlapping nodes apart once a layout has settled, as ForceAtlas2's "prevent
//! overlap" does: forces alone leave hubs' neighbours piled on one another, and a disc drawn
//! over another hides it.

use super::Vec2;

/// Pushes apart every pair of discs (centre, radius) closer than their radii plus `gap`,
/// a round at a time, until none overlap (but fixed ones, which stay as they are) or
/// `max_rounds` have run. Fixed nodes do not move; their partner moves the whole way. Returns
/// the rounds run.
pub fn remove_overlaps(positions: &mut [Vec2], radii: &[f32], fixed: &[bool], gap: f32, max_rounds: usize) -> usize {
    let count = positions.len().min(radii.len());
    if count < 2 {
        return 0;
    }
    spread_crowd(positions, radii, fixed, gap);
    let largest = radii.iter().take(count).copied().fold(0.0f32, f32::max);
    let cell = (2.0 * largest + gap).max(1.0);
    // Nodes sorted by their grid cell, and where each cell's run of them starts: one buffer
    // and one table for every round.
    let mut by_cell: Vec<((i32, i32), u32)> = Vec::with_capacity(count);
    let mut runs: rustc_hash::FxHashMap<(i32, i32), (u32, u32)> = rustc_hash::FxHashMap::default();
    // Two nodes that kept still since they were last compared cannot have come to overlap,
    // so after the first round only the pairs of a node that moved in the round before are
    // looked at: most of a big layout is quiet after a few rounds, and a round over every
    // node (20,000 nodes, 63 rounds: 1.5 s) became a round over the crowded spots.
    let mut active: Vec<u32> = (0..count as u32).collect();
    let mut is_active: Vec<bool> = vec![true; count];
    let mut moved: Vec<bool> = vec![false; count];
    // Each node's cell when the grid was last sorted: later rounds move few nodes, and fewer
    // still out of their cell, so the sort of every node (14 ms a round at 100,000) is done
    // again only when one has left its cell.
    let mut cells: Vec<(i32, i32)> = Vec::with_capacity(count);
    for round in 0..max_rounds {
        let left_cell = |node: &u32| {
            let node = *node as usize;
            positions.get(node).map(|p| cell_of(*p, cell)) != cells.get(node).copied()
        };
        if round == 0 || active.iter().any(left_cell) {
            cells.clear();
            cells.extend(positions.iter().take(count).map(|p| cell_of(*p, cell)));
            by_cell.clear();
            by_cell.extend(cells.iter().enumerate().map(|(node, &c)| (c, node as u32)));
            by_cell.sort_unstable();
            index_runs(&by_cell, &mut runs);
        }
        let mut overlapping = false;
        // Each pair is parted at once, in node order (Gauss–Seidel): in a crowd, later pairs
        // see the room earlier ones made, which settles many times faster than moving
        // everyone at the end of the round, and gives the same result every run.
        for &a in &active {
            let a = a as usize;
            let Some(&pa) = positions.get(a) else { continue };
            let (cx, cy) = cell_of(pa, cell);
            let ra = radii.get(a).copied().unwrap_or(0.0);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(&(start, length)) = runs.get(&(cx + dx, cy + dy)) else {
                        continue;
                    };
                    let members = by_cell
                        .get(start as usize..(start + length) as usize)
                        .unwrap_or_default();
                    for &(_, b) in members {
                        let b = b as usize;
                        // A pair of active nodes is parted once, from its lower node; a quiet
                        // node is parted from its active partner's side.
                        if b == a || (b < a && is_active.get(b).copied().unwrap_or(false)) {
                            continue;
                        }
                        let (Some(&pa), Some(&pb), Some(&rb)) = (positions.get(a), positions.get(b), radii.get(b))
                        else {
                            continue;
                        };
                        let wanted = ra + rb + gap;
                        let mut delta = pb - pa;
                        let mut distance = delta.length();
                        // A hair's breadth is no overlap: without the slack, rounding kept
                        // pairs parted exactly "overlapping" for ever.
                        if distance >= wanted - SLACK {
                            continue;
                        }
                        overlapping = true;
                        if distance < 1e-3 {
                            // Coincident: part along a direction fixed by the pair, so the
                            // result is deterministic and different pairs part different ways.
                            let (low, high) = (a.min(b), a.max(b));
                            let angle = (low * 31 + high) as f32 * 2.399_963;
                            delta = Vec2::new(angle.cos(), angle.sin());
                            distance = 1.0;
                        }
                        let push = delta * ((wanted + SLACK - distance) / distance);
                        let (share_a, share_b) = shares(fixed, a, b);
                        if share_a > 0.0
                            && let Some(p) = positions.get_mut(a)
                        {
                            *p -= push * share_a;
                            if let Some(m) = moved.get_mut(a) {
                                *m = true;
                            }
                        }
                        if share_b > 0.0
                            && let Some(p) = positions.get_mut(b)
                        {
                            *p += push * share_b;
                            if let Some(m) = moved.get_mut(b) {
                                *m = true;
                            }
                        }
                    }
                }
            }
        }
        if !overlapping {
            return round;
        }
        active.clear();
        active.extend((0..count as u32).filter(|&node| moved.get(node as usize).copied().unwrap_or(false)));
        std::mem::swap(&mut is_active, &mut moved);
        moved.fill(false);
    }
    max_rounds
}

/// How much of a push each of two nodes takes: none for a fixed one, whose partner moves the
/// whole way.
fn shares(fixed: &[bool], a: usize, b: usize) -> (f32, f32) {
    match (is_fixed(fixed, a), is_fixed(fixed, b)) {
        (true, true) => (0.0, 0.0),
        (true, false) => (0.0, 1.0),
        (false, true) => (1.0, 0.0),
        (false, false) => (0.5, 0.5),
    }
}

/// Where each cell's run of nodes starts in `by_cell` (sorted by cell), and how long it is.
fn index_runs(by_cell: &[((i32, i32), u32)], runs: &mut rustc_hash::FxHashMap<(i32, i32), (u32, u32)>) {
    runs.clear();
    let mut at = 0;
    while let Some(&(key, _)) = by_cell.get(at) {
        let length = by_cell
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|(k, _)| *k == key)
            .count();
        runs.insert(key, (at as u32, length as u32));
        at += length;
    }
}

/// A pile far too dense to hold its discs (as when many nodes start at one point) is first
/// widened about its middle, so that parting pairs has room to work in.
fn spread_crowd(positions: &mut [Vec2], radii: &[f32], fixed: &[bool], gap: f32) {
    let count = positions.len().min(radii.len());
    let (mut min, mut max) = (
        Vec2::new(f32::INFINITY, f32::INFINITY),
        Vec2::new(f32::NEG_INFINITY, f32::NEG_INFINITY),
    );
    for p in positions.iter().take(count) {
        min = Vec2::new(min.x.min(p.x), min.y.min(p.y));
        max = Vec2::new(max.x.max(p.x), max.y.max(p.y));
    }
    let needed: f32 = radii.iter().take(count).map(|r| (2.0 * r + gap).powi(2)).sum();
    let side = (max - min).x.max((max - min).y).max(1.0);
    let ratio = needed / (side * side);
    if ratio <= 1.0 || !ratio.is_finite() {
        return;
    }
    let centre = (min + max) * 0.5;
    let scale = ratio.sqrt();
    for (node, p) in positions.iter_mut().enumerate().take(count) {
        if !is_fixed(fixed, node) {
            *p = centre + (*p - centre) * scale;
        }
    }
}

/// The median distance from a node to its nearest neighbour: how closely a layout packs its
/// nodes, so that sizes can fit a layout made elsewhere. Measured on up to 2,000 nodes.
pub fn median_nearest_distance(positions: &[Vec2]) -> Option<f32> {
    if positions.len() < 2 {
        return None;
    }
    let mut by_x: Vec<Vec2> = positions.iter().copied().filter(|p| p.is_finite()).collect();
    by_x.sort_by(|a, b| a.x.total_cmp(&b.x));
    let step = (by_x.len() / 2_000).max(1);
    let mut nearest: Vec<f32> = (0..by_x.len())
        .step_by(step)
        .filter_map(|i| {
            let p = *by_x.get(i)?;
            let mut best = f32::INFINITY;
            // Outwards along x from the node, until no closer node can be left.
            for direction in [-1isize, 1] {
                let mut j = i as isize + direction;
                while let Some(q) = usize::try_from(j).ok().and_then(|j| by_x.get(j)) {
                    if (q.x - p.x).abs() >= best {
                        break;
                    }
                    best = best.min((*q - p).length());
                    j += direction;
                }
            }
            best.is_finite().then_some(best)
        })
        .collect();
    nearest.sort_by(f32::total_cmp);
    nearest.get(nearest.len() / 2).copied()
}

/// Distances within this of the wanted one count as met.
const SLACK: f32 = 0.01;

fn is_fixed(fixed: &[bool], node: usize) -> bool {
    fixed.get(node).copied().unwrap_or(false)
}

fn cell_of(p: Vec2, cell: f32) -> (i32, i32) {
    ((p.x / cell).floor() as i32, (p.y / cell).floor() as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mix::mix;

    fn overlaps(positions: &[Vec2], radii: &[f32], gap: f32) -> usize {
        let mut count = 0;
        for i in 0..positions.len() {
            for j in i + 1..positions.len() {
                if (positions[i] - positions[j]).length() < radii[i] + radii[j] + gap - 0.01 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn a_crowd_around_a_hub_is_spread_until_no_two_discs_touch() {
        let n = 250;
        let mut positions: Vec<Vec2> = (0..n as u64)
            .map(|i| Vec2::new((mix(7, i) % 100) as f32, (mix(8, i) % 100) as f32))
            .collect();
        let mut radii = vec![8.0; n];
        radii[0] = 24.0;
        assert!(overlaps(&positions, &radii, 2.0) > 1000);
        let rounds = remove_overlaps(&mut positions, &radii, &[], 2.0, 500);
        assert!(rounds < 500, "it finishes");
        assert_eq!(overlaps(&positions, &radii, 2.0), 0);
    }

    #[test]
    fn a_big_crowd_of_mixed_sizes_ends_with_no_two_discs_touching_and_fixed_ones_in_place() {
        // After the first round only nodes that moved are looked at again: every pair must
        // still be parted in the end, hubs and small nodes alike.
        let n = 1_500;
        let mut positions: Vec<Vec2> = (0..n as u64)
            .map(|i| Vec2::new((mix(3, i) % 1_500) as f32, (mix(4, i) % 1_500) as f32))
            .collect();
        let radii: Vec<f32> = (0..n as u64).map(|i| 7.0 + (mix(5, i) % 18) as f32).collect();
        let fixed: Vec<bool> = (0..n).map(|i| i % 97 == 0).collect();
        let before = positions.clone();
        assert!(overlaps(&positions, &radii, 4.0) > 1000);
        let rounds = remove_overlaps(&mut positions, &radii, &fixed, 4.0, 500);
        assert!(rounds > 1 && rounds < 500, "it took rounds, and finished: {rounds}");
        assert_eq!(overlaps(&positions, &radii, 4.0), 0);
        for node in (0..n).filter(|&i| fixed[i]) {
            assert_eq!(positions[node], before[node], "fixed node {node} moved");
        }
        let mut again = before.clone();
        remove_overlaps(&mut again, &radii, &fixed, 4.0, 500);
        assert_eq!(again, positions, "the same every run");
    }

    #[test]
    fn fixed_nodes_stay_and_coincident_ones_part() {
        let mut positions = vec![Vec2::new(5.0, 5.0); 4];
        let radii = [10.0; 4];
        let fixed = [true, false, false, false];
        remove_overlaps(&mut positions, &radii, &fixed, 1.0, 200);
        assert_eq!(positions[0], Vec2::new(5.0, 5.0));
        assert_eq!(overlaps(&positions, &radii, 1.0), 0);
    }

    #[test]
    fn a_grids_nearest_distance_is_its_spacing() {
        let grid: Vec<Vec2> = (0..100)
            .map(|i| Vec2::new((i % 10) as f32 * 7.0, (i / 10) as f32 * 7.0))
            .collect();
        assert_eq!(median_nearest_distance(&grid), Some(7.0));
        assert_eq!(median_nearest_distance(&grid[..1]), None);
    }

    #[test]
    fn nodes_already_apart_do_not_move() {
        let mut positions = vec![Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0)];
        let before = positions.clone();
        assert_eq!(remove_overlaps(&mut positions, &[10.0, 10.0], &[], 2.0, 10), 0);
        assert_eq!(positions, before);
    }
}
