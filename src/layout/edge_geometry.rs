//! The shape of each edge: straight for a lone relation, fanned-out curves for several
//! relations between the same two actors, a loop for a relation of an actor with itself.

use std::collections::HashMap;

use super::Vec2;

/// For each edge, its signed lane among the edges joining the same two nodes, in either
/// direction: 0 for a lone edge; ±0.5 for a pair; -1, 0, 1 for three; and so on.
/// The sign is given for the direction from the lower node index to the higher, and flipped
/// for edges drawn the other way, so edges in opposite directions never overlap.
pub fn lane_offsets(edges: &[(u32, u32)]) -> Vec<f32> {
    let mut count_by_pair: HashMap<(u32, u32), u32> = HashMap::new();
    for &(a, b) in edges {
        *count_by_pair.entry((a.min(b), a.max(b))).or_insert(0) += 1;
    }
    let mut seen_by_pair: HashMap<(u32, u32), u32> = HashMap::new();
    edges
        .iter()
        .map(|&(a, b)| {
            let key = (a.min(b), a.max(b));
            let count = count_by_pair.get(&key).copied().unwrap_or(1);
            let seen = seen_by_pair.entry(key).or_insert(0);
            let lane = *seen as f32 - (count as f32 - 1.0) / 2.0;
            *seen += 1;
            if a > b { -lane } else { lane }
        })
        .collect()
}

/// A drawn edge in layout or screen space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EdgeCurve {
    /// A quadratic Bézier from `start` to `end` bending towards `control`; straight when
    /// `control` is the midpoint.
    Bezier { start: Vec2, control: Vec2, end: Vec2 },
    /// A relation of an actor with itself: a circle touching the node.
    Loop { centre: Vec2, radius: f32 },
}

impl EdgeCurve {
    /// The curve from `start` to `end` in `lane`, lanes `spacing` apart at their widest.
    pub fn between(start: Vec2, end: Vec2, lane: f32, spacing: f32) -> Self {
        let mid = (start + end) * 0.5;
        // Perpendicular of the canonical direction; lanes were signed for it.
        let along = (end - start).normalized();
        let perpendicular = along.perpendicular();
        // A quadratic Bézier's apex is half-way to its control point.
        let control = mid + perpendicular * (lane * spacing * 2.0);
        Self::Bezier { start, control, end }
    }

    /// A loop above a node of radius `node_radius`, bigger for each further lane.
    pub fn self_loop(node_centre: Vec2, node_radius: f32, lane_index: f32) -> Self {
        let radius = node_radius * (0.8 + 0.35 * lane_index.abs());
        Self::Loop {
            centre: node_centre + Vec2::new(0.0, -(node_radius + radius * 0.6)),
            radius,
        }
    }

    pub fn point_at(&self, t: f32) -> Vec2 {
        match *self {
            Self::Bezier { start, control, end } => {
                let u = 1.0 - t;
                start * (u * u) + control * (2.0 * u * t) + end * (t * t)
            }
            Self::Loop { centre, radius } => {
                let angle = std::f32::consts::TAU * t + std::f32::consts::FRAC_PI_2;
                centre + Vec2::new(angle.cos(), angle.sin()) * radius
            }
        }
    }

    /// The direction of travel at `t` (not normalised).
    pub fn tangent_at(&self, t: f32) -> Vec2 {
        match *self {
            Self::Bezier { start, control, end } => (control - start) * (2.0 * (1.0 - t)) + (end - control) * (2.0 * t),
            Self::Loop { .. } => {
                let angle = std::f32::consts::TAU * t + std::f32::consts::FRAC_PI_2;
                Vec2::new(-angle.sin(), angle.cos())
            }
        }
    }

    /// `segments + 1` points along the curve between parameters `from` and `to`.
    pub fn sample(&self, from: f32, to: f32, segments: usize) -> impl Iterator<Item = Vec2> + '_ {
        let segments = segments.max(1);
        (0..=segments).map(move |i| self.point_at(from + (to - from) * i as f32 / segments as f32))
    }

    /// The parameter where the curve leaves a circle of `radius` around its start (`at_end`
    /// false) or enters one around its end, so lines and arrowheads stop at node borders.
    pub fn trim_parameter(&self, radius: f32, at_end: bool) -> f32 {
        let Self::Bezier { start, end, .. } = *self else {
            return if at_end { 1.0 } else { 0.0 };
        };
        let centre = if at_end { end } else { start };
        // The distance from the centre grows monotonically near an end; bisect on it.
        let (mut inside, mut outside) = if at_end { (1.0f32, 0.5f32) } else { (0.0f32, 0.5f32) };
        if (self.point_at(outside) - centre).length() < radius {
            return outside;
        }
        for _ in 0..12 {
            let middle = (inside + outside) * 0.5;
            if (self.point_at(middle) - centre).length() < radius {
                inside = middle;
            } else {
                outside = middle;
            }
        }
        outside
    }
}

/// Shortest distance from `point` to the curve, close enough for picking with a mouse.
pub fn distance_to_curve(curve: &EdgeCurve, point: Vec2) -> f32 {
    let (start, control, end) = match *curve {
        EdgeCurve::Loop { centre, radius } => return ((point - centre).length() - radius).abs(),
        EdgeCurve::Bezier { start, control, end } => (start, control, end),
    };
    if bulge(start, control, end) == 0.0 {
        return distance_to_segment(point, start, end); // straight: the chord is the curve
    }
    let mut best = f32::MAX;
    let mut previous = curve.point_at(0.0);
    for next in curve.sample(0.0, 1.0, 16).skip(1) {
        best = best.min(distance_to_segment(point, previous, next));
        previous = next;
    }
    best
}

/// At least how far `point` is from `curve`, for one segment's work: a quadratic Bézier
/// strays from its chord by at most half the distance from the chord's middle to its control
/// point (B(t) − chord(t) = 2t(1 − t)(control − middle)). Picking among half a million
/// relations tests this before sampling the curve.
pub fn distance_to_curve_at_least(curve: &EdgeCurve, point: Vec2) -> f32 {
    match *curve {
        EdgeCurve::Loop { .. } => distance_to_curve(curve, point),
        EdgeCurve::Bezier { start, control, end } => {
            distance_to_segment(point, start, end) - bulge(start, control, end)
        }
    }
}

/// How far a quadratic Bézier strays from its chord at most.
fn bulge(start: Vec2, control: Vec2, end: Vec2) -> f32 {
    (control - (start + end) * 0.5).length() * 0.5
}

fn distance_to_segment(point: Vec2, a: Vec2, b: Vec2) -> f32 {
    distance_sq_to_segment(point, a, b).sqrt()
}

/// The square of how far `point` is from the segment `a`–`b`: for comparing with a distance
/// squared, when many segments are tested against one point.
pub fn distance_sq_to_segment(point: Vec2, a: Vec2, b: Vec2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    let t = if length_sq > 0.0 {
        ((point - a).dot(ab) / length_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (point - (a + ab * t)).length_sq()
}

/// Liang–Barsky: the parameters (0 at `a`, 1 at `b`) between which the segment lies inside the
/// box from `min` to `max`, if any of it does.
pub fn clip_parameters(a: [f32; 2], b: [f32; 2], min: [f32; 2], max: [f32; 2]) -> Option<(f32, f32)> {
    let ([ax, ay], [bx, by], [left, top], [right, bottom]) = (a, b, min, max);
    let (dx, dy) = (bx - ax, by - ay);
    let (mut enter, mut leave) = (0.0_f32, 1.0_f32);
    for (p, q) in [(-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    (enter <= leave).then_some((enter, leave))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheap_bound_never_says_a_curve_is_further_than_it_is() {
        let (start, end) = (Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0));
        for lane in [-2.0, -0.5, 0.0, 0.5, 1.0, 3.0] {
            let curve = EdgeCurve::between(start, end, lane, 16.0);
            for (x, y) in [
                (50.0, 0.0),
                (50.0, 40.0),
                (50.0, -40.0),
                (-20.0, 5.0),
                (130.0, 60.0),
                (10.0, 8.0),
            ] {
                let point = Vec2::new(x, y);
                let exact = distance_to_curve(&curve, point);
                let bound = distance_to_curve_at_least(&curve, point);
                assert!(
                    bound <= exact + 1e-3,
                    "lane {lane} at ({x}, {y}): bound {bound} > {exact}"
                );
                if lane == 0.0 {
                    assert!(
                        (bound - exact).abs() < 1e-4,
                        "a straight relation's bound is its distance"
                    );
                }
            }
        }
        // Far from a curved relation the bound alone rules it out.
        let curve = EdgeCurve::between(start, end, 1.0, 16.0);
        assert!(distance_to_curve_at_least(&curve, Vec2::new(50.0, 200.0)) > 100.0);
    }

    #[test]
    fn parallel_edges_get_distinct_symmetric_lanes() {
        let lanes = lane_offsets(&[(0, 1), (1, 0), (0, 1), (2, 3)]);
        assert_eq!(lanes, vec![-1.0, 0.0, 1.0, 0.0]);
        let pair = lane_offsets(&[(5, 2), (2, 5)]);
        // Opposite directions, so opposite signs here give the same side... and different curves.
        let a = EdgeCurve::between(Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), -pair[0], 20.0);
        let b = EdgeCurve::between(Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), pair[1], 20.0);
        assert!((a.point_at(0.5) - b.point_at(0.5)).length() > 15.0);
    }

    #[test]
    fn a_lone_edge_is_straight_and_easy_to_hit() {
        let curve = EdgeCurve::between(Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), 0.0, 20.0);
        assert!((curve.point_at(0.5) - Vec2::new(50.0, 0.0)).length() < 1e-4);
        assert!(distance_to_curve(&curve, Vec2::new(50.0, 4.0)) < 4.01);
        assert!(distance_to_curve(&curve, Vec2::new(150.0, 0.0)) > 49.0);
    }

    #[test]
    fn trimming_stops_the_curve_at_the_node_border() {
        let curve = EdgeCurve::between(Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), 1.0, 20.0);
        let t = curve.trim_parameter(10.0, true);
        let distance = (curve.point_at(t) - Vec2::new(100.0, 0.0)).length();
        assert!((distance - 10.0).abs() < 0.1, "{distance}");
        let t = curve.trim_parameter(10.0, false);
        assert!(((curve.point_at(t) - Vec2::ZERO).length() - 10.0).abs() < 0.1);
    }
}
