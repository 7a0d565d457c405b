//! How readable a layout is, as a number: linked actors should sit much closer together than
//! actors picked at random.

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
}
