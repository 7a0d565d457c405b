//! How kinds look on the canvas: a line style per relation kind and a shape per actor kind,
//! so kinds can be told apart without relying on colour. The legend draws with these too.

use egui::{Color32, Pos2, Rect, Shape, Stroke, Vec2};

use crate::model::NodeShape;
pub use crate::ui::line_style::{LineStyle, PATTERN_UNIT};

/// On screen, a line's pattern repeats as often as on a line this long at most; see `styled_line`.
const PATTERN_LENGTH: f32 = 400.0;

/// Appends the shapes of a polyline drawn in `style`. Patterned lines are cut to `clip` first:
/// zoomed in, an edge between two far-off actors is thousands of points long, and dashing all
/// of it would make thousands of shapes nobody sees.
pub fn styled_line(points: &[Pos2], colour: Color32, width: f32, style: LineStyle, clip: Rect, out: &mut Vec<Shape>) {
    if points.len() < 2 {
        return;
    }
    let stroke = Stroke::new(width, colour);
    let mut unit = PATTERN_UNIT;
    let runs = match style.period() {
        Some(period) => {
            let period = period / PATTERN_UNIT;
            let runs = visible_runs(points, clip, period * unit);
            // A line across the whole window would be hundreds of dashes, each a shape to
            // tessellate: past PATTERN_LENGTH the pattern grows (by powers of two, so it seldom
            // changes while panning) instead of multiplying. Shorter lines keep it as drawn.
            let length: f32 = runs
                .iter()
                .flat_map(|run| run.windows(2))
                .map(|w| w[0].distance(w[1]))
                .sum();
            if length > PATTERN_LENGTH {
                unit *= (length / PATTERN_LENGTH).log2().ceil().exp2();
                visible_runs(points, clip, period * unit)
            } else {
                runs
            }
        }
        None => vec![points.to_vec()],
    };
    for run in &runs {
        match style {
            LineStyle::Solid => out.push(Shape::line(run.clone(), stroke)),
            LineStyle::Dashed => out.extend(Shape::dashed_line(run, stroke, 6.0 * unit, 4.0 * unit)),
            LineStyle::LongDashed => out.extend(Shape::dashed_line(run, stroke, 14.0 * unit, 5.0 * unit)),
            LineStyle::Dotted => out.extend(Shape::dotted_line(run, colour, 3.5 * unit, (width * 0.75).max(1.0))),
            LineStyle::DashDot => out.extend(Shape::dashed_line_with_offset(
                run,
                stroke,
                &[9.0 * unit, 1.5 * unit],
                &[3.5 * unit, 3.5 * unit],
                0.0,
            )),
            LineStyle::DashDotDot => out.extend(Shape::dashed_line_with_offset(
                run,
                stroke,
                &[9.0 * unit, 1.5 * unit, 1.5 * unit],
                &[3.5 * unit, 3.5 * unit, 3.0 * unit],
                0.0,
            )),
            LineStyle::Double => {
                let thin = Stroke::new((width * 0.6).max(1.0), colour);
                let gap = width * 0.9 + 1.0;
                for side in [-1.0, 1.0] {
                    out.push(Shape::line(offset_polyline(run, gap * side), thin));
                }
            }
        }
    }
}

/// The parts of a polyline inside `clip`. Each part starts a whole number of pattern `period`s
/// from the line's start, so dashes stay in place as the view pans.
pub fn visible_runs(points: &[Pos2], clip: Rect, period: f32) -> Vec<Vec<Pos2>> {
    let mut runs: Vec<Vec<Pos2>> = Vec::new();
    let mut current: Vec<Pos2> = Vec::new();
    let mut travelled = 0.0;
    for pair in points.windows(2) {
        let &[a, b] = pair else { continue };
        let length = a.distance(b);
        match clip_segment(a, b, clip) {
            Some((t0, t1)) => {
                if current.is_empty() {
                    let start = travelled + t0 * length;
                    let snapped = (start / period).floor() * period;
                    let t = if length > 0.0 {
                        ((snapped - travelled) / length).max(0.0)
                    } else {
                        0.0
                    };
                    current.push(a.lerp(b, t));
                }
                current.push(a.lerp(b, t1));
                if t1 < 1.0 {
                    runs.push(std::mem::take(&mut current));
                }
            }
            None => {
                if current.len() >= 2 {
                    runs.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
        travelled += length;
    }
    if current.len() >= 2 {
        runs.push(current);
    }
    runs
}

/// The parameters between which segment `a`–`b` lies inside `clip`.
fn clip_segment(a: Pos2, b: Pos2, clip: Rect) -> Option<(f32, f32)> {
    crate::layout::clip_parameters(
        [a.x, a.y],
        [b.x, b.y],
        [clip.min.x, clip.min.y],
        [clip.max.x, clip.max.y],
    )
}

/// The polyline moved sideways by `distance` (positive to the left of travel).
fn offset_polyline(points: &[Pos2], distance: f32) -> Vec<Pos2> {
    let count = points.len();
    (0..count)
        .map(|i| {
            let before = points.get(i.saturating_sub(1)).copied().unwrap_or_default();
            let after = points.get((i + 1).min(count - 1)).copied().unwrap_or_default();
            let direction = (after - before).normalized();
            points.get(i).copied().unwrap_or_default() + Vec2::new(-direction.y, direction.x) * distance
        })
        .collect()
}

/// Appends an actor's outline: filled, except a ring, which is a thick outline round a
/// faint fill.
pub fn actor_shape(centre: Pos2, radius: f32, shape: NodeShape, fill: Color32, stroke: Stroke, out: &mut Vec<Shape>) {
    match (shape, polygon_outline(shape)) {
        (NodeShape::Ring, _) => {
            out.push(Shape::circle_filled(centre, radius, fill.gamma_multiply(0.35)));
            out.push(Shape::circle_stroke(centre, radius - 1.5, Stroke::new(3.0, fill)));
        }
        (_, Some(outline)) => {
            let corners = outline
                .iter()
                .map(|[x, y]| centre + Vec2::new(*x, *y) * radius)
                .collect();
            out.push(Shape::convex_polygon(corners, fill, Stroke::NONE));
        }
        (_, None) => out.push(Shape::circle_filled(centre, radius, fill)),
    }
    if stroke.width > 0.0 {
        out.push(Shape::circle_stroke(centre, radius + 3.0, stroke));
    }
}

/// The corners of an outline drawn as a polygon, for a radius of 1; `None` for the round
/// ones. Shared by the canvas and the SVG export.
pub fn polygon_outline(shape: NodeShape) -> Option<Vec<[f32; 2]>> {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, TAU};
    let (corners, rotation, scale) = match shape {
        NodeShape::Disc | NodeShape::Ring => return None,
        NodeShape::Square => (4, FRAC_PI_4, 1.2),
        NodeShape::Hexagon => (6, 0.0, 1.1),
        NodeShape::Triangle => (3, -FRAC_PI_2, 1.3),
        NodeShape::Diamond => (4, 0.0, 1.25),
    };
    Some(
        (0..corners)
            .map(|i| {
                let angle = rotation + TAU * i as f32 / corners as f32;
                [angle.cos() * scale, angle.sin() * scale]
            })
            .collect(),
    )
}

/// How long a legend's sample line is: two periods of the longest pattern, so a pattern in
/// the legend never looks like an unbroken line.
pub const SAMPLE_LENGTH: f32 = 2.0 * 22.0 * PATTERN_UNIT + 4.0;
/// How thick a legend's sample line is.
pub const SAMPLE_WIDTH: f32 = 2.0;

/// Draws a short sample of a line style, for legends.
pub fn line_sample(ui: &mut egui::Ui, colour: Color32, style: LineStyle) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(SAMPLE_LENGTH, 14.0), egui::Sense::hover());
    let mut shapes = Vec::new();
    let y = rect.center().y;
    styled_line(
        &[Pos2::new(rect.left() + 2.0, y), Pos2::new(rect.right() - 2.0, y)],
        colour,
        SAMPLE_WIDTH,
        style,
        rect,
        &mut shapes,
    );
    ui.painter().extend(shapes);
    response
}

/// Draws a small actor symbol, for legends.
pub fn actor_sample(ui: &mut egui::Ui, shape: NodeShape, colour: Color32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(18.0, 16.0), egui::Sense::hover());
    let mut shapes = Vec::new();
    actor_shape(rect.center(), 6.0, shape, colour, Stroke::NONE, &mut shapes);
    ui.painter().extend(shapes);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_visible_part_of_a_long_line_is_kept_and_its_dashes_stay_in_step() {
        let clip = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(100.0, 100.0));
        let line = [Pos2::new(-10_000.0, 50.0), Pos2::new(10_000.0, 50.0)];
        let runs = visible_runs(&line, clip, 10.0);
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        let close = |a: Pos2, b: Pos2| a.distance(b) < 0.01;
        assert!(
            close(run[0], Pos2::new(0.0, 50.0)),
            "starts at the edge, on a whole period"
        );
        assert!(close(run[1], Pos2::new(100.0, 50.0)));
        // Panned by 3 points, the run starts 7 points early: the pattern does not slide.
        let shifted = [Pos2::new(-9_997.0, 50.0), Pos2::new(10_003.0, 50.0)];
        assert!(close(visible_runs(&shifted, clip, 10.0)[0][0], Pos2::new(-7.0, 50.0)));
        let outside = [Pos2::new(-50.0, -50.0), Pos2::new(-10.0, 500.0)];
        assert!(visible_runs(&outside, clip, 10.0).is_empty());
        let through_and_back = [Pos2::new(-50.0, 50.0), Pos2::new(50.0, 50.0), Pos2::new(50.0, 500.0)];
        let runs = visible_runs(&through_and_back, clip, 10.0);
        assert_eq!(runs.len(), 1, "one run across the corner");
        assert!(runs[0].last().is_some_and(|&end| close(end, Pos2::new(50.0, 100.0))));
    }

    #[test]
    fn a_patterned_line_across_the_window_is_a_bounded_number_of_shapes() {
        let clip = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(2000.0, 1000.0));
        let line = [Pos2::new(0.0, 500.0), Pos2::new(2000.0, 500.0)];
        for style in [
            LineStyle::Dashed,
            LineStyle::LongDashed,
            LineStyle::Dotted,
            LineStyle::DashDot,
        ] {
            let mut shapes = Vec::new();
            styled_line(&line, Color32::RED, 1.0, style, clip, &mut shapes);
            // A 2000-point line is drawn with no more dashes than a 400-point one, and no
            // fewer than half as many.
            let mut at_400 = Vec::new();
            let short_line = [line[0], Pos2::new(400.0, 500.0)];
            styled_line(&short_line, Color32::RED, 1.0, style, clip, &mut at_400);
            assert!(
                shapes.len() >= at_400.len() / 2,
                "{style:?} is still a pattern: {}",
                shapes.len()
            );
            assert!(shapes.len() <= at_400.len() + 1, "{style:?}: {} shapes", shapes.len());
        }
        let short = [Pos2::new(0.0, 500.0), Pos2::new(100.0, 500.0)];
        let mut shapes = Vec::new();
        styled_line(&short, Color32::RED, 1.0, LineStyle::Dashed, clip, &mut shapes);
        let periods = (100.0 / LineStyle::Dashed.period().unwrap_or(1.0)).ceil() as usize;
        assert_eq!(shapes.len(), periods, "a short line keeps its fine pattern");
    }

    /// The lengths of the dashes a line is drawn with, in order.
    fn dash_lengths(style: LineStyle, width: f32, length: f32) -> Vec<f32> {
        let clip = Rect::from_min_max(Pos2::new(-10.0, -10.0), Pos2::new(1000.0, 10.0));
        let mut shapes = Vec::new();
        styled_line(
            &[Pos2::ZERO, Pos2::new(length, 0.0)],
            Color32::RED,
            width,
            style,
            clip,
            &mut shapes,
        );
        shapes
            .iter()
            .map(|shape| match shape {
                Shape::LineSegment { points, .. } => points[0].distance(points[1]),
                Shape::Path(path) => path.points.windows(2).map(|w| w[0].distance(w[1])).sum(),
                Shape::Circle(_) => 0.0,
                _ => -1.0,
            })
            .collect()
    }

    #[test]
    fn the_legend_shows_each_pattern_as_a_thick_relation_on_the_canvas_has_it() {
        let styles = [
            LineStyle::Solid,
            LineStyle::Dashed,
            LineStyle::LongDashed,
            LineStyle::Dotted,
            LineStyle::DashDot,
            LineStyle::DashDotDot,
            LineStyle::Double,
        ];
        for style in styles {
            let sample = dash_lengths(style, SAMPLE_WIDTH, SAMPLE_LENGTH - 4.0);
            // A relation with five evidence items is drawn 4.5 points wide.
            let canvas = dash_lengths(style, 4.5, SAMPLE_LENGTH - 4.0);
            assert_eq!(sample.len(), canvas.len(), "{style:?}: {sample:?} against {canvas:?}");
            for (a, b) in sample.iter().zip(&canvas) {
                assert!((a - b).abs() < 0.01, "{style:?}: {sample:?} against {canvas:?}");
            }
            if let Some(period) = style.period() {
                assert!(
                    SAMPLE_LENGTH - 4.0 >= 2.0 * period,
                    "{style:?} repeats at least twice in the legend"
                );
                assert!(
                    sample.len() >= 3,
                    "{style:?} is broken at least twice in the legend: {sample:?}"
                );
            }
        }
    }
}
