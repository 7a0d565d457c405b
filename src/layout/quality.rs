//! How readable a layout is, as a number: linked actors should sit much closer together than
//! actors picked at random, and distances on screen should follow distances in links.

use super::links_apart::{UNREACHED, links_from, neighbour_lists};

use super::Vec2;

/// Mean distance between linked nodes divided by the mean distance between pairs of nodes
/// picked by a fixed pseudo-random sequence: 0 would put every link's ends on one point, 1 is
/// no better than chance. Lower is better.
pub fn linked_closeness(positions: &[Vec2], edges: &[(u32, u32)]) -> f32 {
    let distance = |a: u32, b: u32| match (positions.get(a as usize), positions.get(b as usize)) {
        (Some(&p), Some(&q)) => Some((p - q).length()),
        _ => None,
    };
    let linked: Vec<f32> = edges
        .iter()
        .filter(|(a, b)| a != b)
        .filter_map(|&(a, b)| distance(a, b))
        .collect();
    let n = positions.len() as u64;
    if linked.is_empty() || n < 2 {
        return 0.0;
    }
    // A fixed linear congruential sequence, so the measure is the same every run.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n) as u32
    };
    let samples = (linked.len() * 2).clamp(1_000, 200_000);
    let random: Vec<f32> = (0..samples).filter_map(|_| distance(next(), next())).collect();
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len().max(1) as f32;
    let baseline = mean(&random);
    if baseline <= 0.0 { 1.0 } else { mean(&linked) / baseline }
}

/// Normalised stress (Gansner, Koren and North's stress with weights 1/d², after the best
/// uniform scaling of the picture, over the pairs measured): how far distances on screen are
/// from distances in links, 0 being a picture whose every distance is proportional to the
/// shortest path. Pairs in different parts of the graph have no path and are left out. Each
/// of `sources` nodes (spread evenly; all of them when there are fewer) is measured against
/// every node it reaches. Lower is better.
pub fn normalised_stress(positions: &[Vec2], edges: &[(u32, u32)], sources: usize) -> f64 {
    let count = positions.len();
    let neighbours = neighbour_lists(count, edges);
    let stride = count.div_ceil(sources.max(1)).max(1);
    // Each pair's ratio r of distance on screen to distance in links: the stress after the
    // best scale s is the mean of (s·r − 1)², which three running sums give without keeping
    // the pairs (30 million of them at 100,000 nodes and 300 sources).
    let (mut pairs, mut sum, mut sum_sq) = (0.0f64, 0.0f64, 0.0f64);
    let mut depth = vec![UNREACHED; count];
    let mut queue = std::collections::VecDeque::new();
    for source in (0..count).step_by(stride) {
        links_from(source, &neighbours, &mut depth, &mut queue);
        let from = positions.get(source).copied().unwrap_or_default();
        for (node, &links) in depth.iter().enumerate() {
            if links == 0 || links == UNREACHED {
                continue;
            }
            let to = positions.get(node).copied().unwrap_or_default();
            let ratio = f64::from((to - from).length()) / f64::from(links);
            pairs += 1.0;
            sum += ratio;
            sum_sq += ratio * ratio;
        }
    }
    if pairs == 0.0 {
        return 0.0;
    }
    // The scale that minimises the stress: sum(r) / sum(r²).
    let scale = if sum_sq > 0.0 { sum / sum_sq } else { 1.0 };
    ((scale * scale * sum_sq - 2.0 * scale * sum + pairs) / pairs).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layout_that_keeps_links_short_scores_lower_than_a_shuffled_one() {
        // A ring laid out as a circle: every link joins neighbours.
        let n = 200;
        let circle: Vec<Vec2> = (0..n)
            .map(|i| {
                let angle = i as f32 / n as f32 * std::f32::consts::TAU;
                Vec2::new(angle.cos(), angle.sin()) * 100.0
            })
            .collect();
        let ring: Vec<(u32, u32)> = (0..n as u32).map(|i| (i, (i + 1) % n as u32)).collect();
        let good = linked_closeness(&circle, &ring);
        // The same links between nodes placed in another order.
        let shuffled: Vec<Vec2> = (0..n).map(|i| circle[(i * 73) % n]).collect();
        let bad = linked_closeness(&shuffled, &ring);
        assert!(good < 0.1, "{good}");
        assert!(bad > 0.5, "{bad}");
        assert_eq!(linked_closeness(&[], &ring), 0.0);
    }

    #[test]
    fn a_grid_drawn_as_a_grid_has_less_stress_than_one_drawn_shuffled_and_scale_does_not_matter() {
        let side = 12u32;
        let edges = crate::layout::test_graphs::grid(side);
        let drawn = |spacing: f32| -> Vec<Vec2> {
            (0..side * side)
                .map(|n| Vec2::new((n % side) as f32, (n / side) as f32) * spacing)
                .collect()
        };
        let grid = normalised_stress(&drawn(1.0), &edges, 1_000);
        assert!(grid < 0.05, "{grid}");
        let bigger = normalised_stress(&drawn(90.0), &edges, 1_000);
        assert!((grid - bigger).abs() < 1e-6, "{grid} against {bigger}");
        let positions = drawn(1.0);
        let shuffled: Vec<Vec2> = (0..positions.len())
            .map(|i| positions[(i * 37) % positions.len()])
            .collect();
        let bad = normalised_stress(&shuffled, &edges, 1_000);
        assert!(bad > 5.0 * grid && bad > 0.2, "{bad} against {grid}");
        // Measured from a sample of sources, the figure stays close.
        let sampled = normalised_stress(&shuffled, &edges, 20);
        assert!((sampled - bad).abs() < 0.3 * bad, "{sampled} against {bad}");
    }
}
