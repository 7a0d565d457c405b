use super::*;
use crate::layout::test_graphs::grid;

fn ring(n: u32) -> Vec<(u32, u32)> {
    (0..n).map(|i| (i, (i + 1) % n)).collect()
}

fn settled(n: usize, edges: &[(u32, u32)], seed: u64) -> ForceLayout {
    let mut layout = ForceLayout::new(n, edges, seed, ForceParams::default());
    layout.run(10_000);
    layout
}

#[test]
fn the_same_graph_and_seed_give_the_same_picture() {
    let a = settled(30, &ring(30), 7);
    let b = settled(30, &ring(30), 7);
    assert_eq!(a.positions(), b.positions());
}

#[test]
fn it_stops_by_itself() {
    let layout = settled(40, &ring(40), 1);
    assert_eq!(layout.status(), LayoutStatus::Settled);
    assert!(
        layout.steps() < ForceParams::default().max_steps,
        "took {} steps",
        layout.steps()
    );
}

#[test]
fn nodes_spread_out_and_linked_nodes_stay_close() {
    let edges = ring(12);
    let layout = settled(12, &edges, 3);
    let p = layout.positions();
    let k = ForceParams::default().ideal_distance;
    for i in 0..p.len() {
        for j in i + 1..p.len() {
            assert!((p[i] - p[j]).length() > 0.3 * k, "nodes {i} and {j} overlap");
        }
    }
    for &(a, b) in &edges {
        let d = (p[a as usize] - p[b as usize]).length();
        assert!(d < 2.0 * k, "linked nodes {a}-{b} are {d} apart");
    }
}

#[test]
fn nodes_that_start_at_one_point_separate() {
    let mut layout = ForceLayout::new(6, &[], 0, ForceParams::default());
    layout.set_positions((0..6).map(|i| (i, Vec2::new(5.0, 5.0), false)));
    layout.reheat(1.0);
    layout.run(10_000);
    let p = layout.positions();
    for i in 0..6 {
        for j in i + 1..6 {
            assert!((p[i] - p[j]).length() > 10.0, "{i} and {j} still together: {:?}", p);
        }
    }
}

#[test]
fn a_pinned_node_stays_where_it_was_put() {
    let mut layout = ForceLayout::new(10, &ring(10), 2, ForceParams::default());
    layout.pin_at(3, Vec2::new(500.0, -200.0));
    layout.run(10_000);
    assert_eq!(layout.position(3), Some(Vec2::new(500.0, -200.0)));
    layout.unpin(3);
    layout.reheat(1.0);
    layout.run(10_000);
    assert_ne!(layout.position(3), Some(Vec2::new(500.0, -200.0)));
}

#[test]
fn many_cores_give_the_same_picture_as_one() {
    let n = PARALLEL_FROM as u32 + 100;
    let edges: Vec<(u32, u32)> = (0..n).map(|i| (i, (i * 7 + 3) % n)).collect();
    let mut parallel = ForceLayout::new(n as usize, &edges, 5, ForceParams::default());
    let mut serial = ForceLayout::new(n as usize, &edges, 5, ForceParams::default());
    serial.parallel = false;
    for _ in 0..3 {
        parallel.step();
        serial.step();
    }
    assert_eq!(parallel.positions(), serial.positions());
}

#[test]
fn a_settled_star_leaves_no_two_nodes_overlapping() {
    // A dense star, as a SIPRI register's big suppliers make: 250 spokes on one hub.
    let edges: Vec<(u32, u32)> = (1..251).map(|i| (0, i)).chain((1..250).map(|i| (i, i + 1))).collect();
    let mut layout = ForceLayout::new(251, &edges, 9, ForceParams::default());
    let radii: Vec<f32> = (0..251).map(|i| if i == 0 { 24.0 } else { 9.0 }).collect();
    layout.set_radii(radii.clone());
    layout.run(10_000);
    let p = layout.positions();
    for i in 0..p.len() {
        for j in i + 1..p.len() {
            let d = (p[i] - p[j]).length();
            assert!(d >= radii[i] + radii[j], "{i} and {j} overlap: {d:.1} apart");
        }
    }
}

#[test]
fn empty_and_edgeless_graphs_are_fine() {
    assert_eq!(settled(0, &[], 0).status(), LayoutStatus::Settled);
    let lone = settled(1, &[(0, 0), (0, 5)], 0);
    assert!(lone.positions()[0].is_finite());
}

#[test]
fn parts_with_no_link_to_the_main_one_settle_beside_it() {
    // A ring of 60, a linked pair, and 8 actors with no relation at all.
    let mut edges = ring(60);
    edges.push((60, 61));
    let n = 70;
    let layout = settled(n, &edges, 4);
    let p = layout.positions();
    let centre = p[..60].iter().fold(Vec2::ZERO, |sum, q| sum + *q) * (1.0 / 60.0);
    let rim = p[..60].iter().map(|q| (*q - centre).length()).fold(0.0f32, f32::max);
    let k = ForceParams::default().ideal_distance;
    for (node, q) in p.iter().enumerate().skip(60) {
        let distance = (*q - centre).length();
        assert!(
            distance <= rim + 2.5 * k,
            "actor {node} is {distance:.0} from the middle; the main part's rim is at {rim:.0}"
        );
    }
    // Still apart from one another and from the main part.
    for i in 60..n {
        for j in 0..n {
            assert!(i == j || (p[i] - p[j]).length() > 0.3 * k, "{i} and {j} overlap");
        }
    }
}

#[test]
fn a_big_graph_is_laid_out_coarse_first_and_the_same_every_time() {
    let side = 40u32;
    let edges = grid(side);
    let count = (side * side) as usize;
    assert!(count >= MULTILEVEL_FROM);
    let mut layout = ForceLayout::new(count, &edges, 5, ForceParams::default());
    assert!(layout.is_on_coarse_levels());
    let mut coarse_steps = 0;
    while layout.is_on_coarse_levels() {
        layout.step();
        coarse_steps += 1;
        assert_eq!(
            layout.status(),
            LayoutStatus::Running,
            "the full graph is still to come"
        );
    }
    assert!(coarse_steps > 10, "{coarse_steps}");
    layout.run(10_000);
    assert_eq!(layout.status(), LayoutStatus::Settled);
    let again = settled(count, &edges, 5);
    assert_eq!(layout.positions(), again.positions(), "same file, same picture");
    let mut one_core = ForceLayout::new(count, &edges, 5, ForceParams::default());
    one_core.parallel = false;
    one_core.run(10_000);
    assert_eq!(one_core.positions(), again.positions(), "one core or two");
}

#[test]
fn the_coarse_levels_untangle_a_grid_that_a_single_level_leaves_folded() {
    let side = 40u32;
    let edges = grid(side);
    let count = (side * side) as usize;
    // Forces alone on both sides: the stress refinement that follows a fresh layout would
    // untangle either.
    let mut multilevel = ForceLayout::new(count, &edges, 5, ForceParams::default());
    multilevel.refine_when_settled = false;
    multilevel.run(10_000);
    let mut single = ForceLayout::starting(count, &edges, ForceParams::default(), |edges, spacing| {
        initial_positions(count, edges, 5, spacing)
    });
    single.run(10_000);
    assert!(!single.refine_when_settled);
    let stress = |layout: &ForceLayout| crate::layout::normalised_stress(layout.positions(), &edges, 1_000);
    let (ours, plain) = (stress(&multilevel), stress(&single));
    assert!(ours < plain, "multilevel {ours} against a single level {plain}");
}

#[test]
fn a_pin_made_while_coarse_levels_run_holds() {
    let edges = grid(40);
    let mut layout = ForceLayout::new(1_600, &edges, 5, ForceParams::default());
    layout.step();
    let spot = Vec2::new(-5_000.0, 777.0);
    layout.pin_at(3, spot);
    layout.run(10_000);
    assert_eq!(layout.position(3), Some(spot));
}

#[test]
fn a_restored_picture_skips_the_coarse_levels() {
    let edges = grid(40);
    let mut layout = ForceLayout::new(1_600, &edges, 5, ForceParams::default());
    let placed: Vec<usize> = (0..1_500).collect();
    layout.lay_out_around(&placed);
    assert!(!layout.is_on_coarse_levels());
}

#[test]
fn dragging_an_actor_while_the_coarse_levels_run_lets_the_rest_go_on() {
    let edges = grid(40);
    let undisturbed = settled(1_600, &edges, 5);
    let mut layout = ForceLayout::new(1_600, &edges, 5, ForceParams::default());
    layout.step();
    // What a drop does: pin where dropped, let the neighbourhood make room; then unpin.
    let spot = layout.position(3).unwrap_or_default() + Vec2::new(40.0, 0.0);
    layout.pin_at(3, spot);
    layout.reheat_near(3, 1, 0.15);
    layout.unpin(3);
    layout.reheat(0.3);
    assert!(layout.is_on_coarse_levels(), "the levels go on");
    layout.run(10_000);
    let stress = |layout: &ForceLayout| crate::layout::normalised_stress(layout.positions(), &edges, 1_000);
    let (dragged, calm) = (stress(&layout), stress(&undisturbed));
    assert!(
        dragged < calm * 1.5,
        "{dragged} against {calm}: the picture froze half made"
    );
}

#[test]
fn a_reheat_after_a_multilevel_start_cools_as_a_fresh_start_does() {
    let edges = grid(40);
    let mut layout = settled(1_600, &edges, 5);
    let single = ForceLayout::starting(1_600, &edges, ForceParams::default(), |edges, spacing| {
        initial_positions(1_600, edges, 5, spacing)
    });
    layout.reheat(1.0);
    assert_eq!(layout.cooling, single.cooling);
}

#[test]
fn newcomers_in_a_partly_restored_big_picture_start_spread_out() {
    let edges = grid(40);
    let mut layout = ForceLayout::new(1_600, &edges, 5, ForceParams::default());
    // The first 100 restored; the rest new.
    layout.lay_out_around(&(0..100).collect::<Vec<_>>());
    let newcomers: Vec<Vec2> = layout.positions()[100..].to_vec();
    let spacing = crate::layout::median_nearest_distance(&newcomers).unwrap_or(0.0);
    let k = ForceParams::default().ideal_distance;
    assert!(
        spacing > 0.5 * k,
        "newcomers start {spacing} apart, against links of {k}"
    );
}

#[test]
fn a_layout_restarted_around_pins_starts_as_one_level_and_keeps_the_pins() {
    let edges = grid(40);
    let mut layout = ForceLayout::new(1_600, &edges, 5, ForceParams::default());
    let spot = Vec2::new(-5_000.0, 0.0);
    layout.set_positions([(3, spot, true)]);
    assert!(
        !layout.is_on_coarse_levels(),
        "the coarse levels could not hold the pin"
    );
    layout.run(10_000);
    assert_eq!(layout.position(3), Some(spot));
    // The pinned actor's links pull its neighbours towards it, ahead of the rest.
    let mut distances: Vec<f32> = layout.positions().iter().map(|p| (*p - spot).length()).collect();
    distances.sort_by(f32::total_cmp);
    let median = distances[distances.len() / 2];
    for &(a, b) in edges.iter().filter(|&&(a, b)| a == 3 || b == 3) {
        let other = if a == 3 { b } else { a };
        let distance = (layout.position(other as usize).unwrap_or_default() - spot).length();
        assert!(
            distance < median,
            "{other} is {distance} from the pinned actor it links to"
        );
    }
}
