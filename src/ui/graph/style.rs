//! How kinds look on the canvas: a line style per relation kind and a shape per actor kind,
//! so kinds can be told apart without relying on colour. The legend draws with these too.

use egui::{Color32, Pos2, Shape, Stroke, Vec2};

use crate::model::{ActorKind, BuiltinKind, Dataset};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    Solid,
    Dashed,
    LongDashed,
    Dotted,
    DashDot,
    Double,
}

/// Built-ins have fixed styles; declared kinds take the styles no built-in uses first.
pub fn relation_line_style(dataset: &Dataset, kind: &str) -> LineStyle {
    const FOR_DECLARED: [LineStyle; 6] = [
        LineStyle::LongDashed,
        LineStyle::DashDot,
        LineStyle::Solid,
        LineStyle::Dashed,
        LineStyle::Dotted,
        LineStyle::Double,
    ];
    match BuiltinKind::from_id(kind) {
        Some(BuiltinKind::Treaty) => LineStyle::Double,
        Some(BuiltinKind::ArmsSupply) => LineStyle::Solid,
        Some(BuiltinKind::TroopDeployment) => LineStyle::Dashed,
        Some(BuiltinKind::HistoricalSupport) => LineStyle::Dotted,
        None => {
            let position = dataset
                .relation_kinds
                .iter()
                .filter(|k| BuiltinKind::from_id(&k.id).is_none())
                .position(|k| k.id == kind)
                .unwrap_or(0);
            FOR_DECLARED[position % FOR_DECLARED.len()]
        }
    }
}

/// Appends the shapes of a polyline drawn in `style`.
pub fn styled_line(points: &[Pos2], colour: Color32, width: f32, style: LineStyle, out: &mut Vec<Shape>) {
    if points.len() < 2 {
        return;
    }
    let stroke = Stroke::new(width, colour);
    let unit = width.max(1.0);
    match style {
        LineStyle::Solid => out.push(Shape::line(points.to_vec(), stroke)),
        LineStyle::Dashed => out.extend(Shape::dashed_line(points, stroke, 6.0 * unit, 4.0 * unit)),
        LineStyle::LongDashed => out.extend(Shape::dashed_line(points, stroke, 14.0 * unit, 5.0 * unit)),
        LineStyle::Dotted => out.extend(Shape::dotted_line(points, colour, 3.5 * unit, width * 0.75)),
        LineStyle::DashDot => out.extend(Shape::dashed_line_with_offset(
            points,
            stroke,
            &[9.0 * unit, 1.5 * unit],
            &[3.5 * unit, 3.5 * unit],
            0.0,
        )),
        LineStyle::Double => {
            let thin = Stroke::new((width * 0.6).max(1.0), colour);
            let gap = width * 0.9 + 1.0;
            for side in [-1.0, 1.0] {
                out.push(Shape::line(offset_polyline(points, gap * side), thin));
            }
        }
    }
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

/// Appends the outline of an actor of `kind`: a circle for states, a ring for historical
/// states, a square for organisations, a hexagon for coalitions, a triangle for armed groups
/// and a diamond for the rest.
pub fn actor_shape(centre: Pos2, radius: f32, kind: ActorKind, fill: Color32, stroke: Stroke, out: &mut Vec<Shape>) {
    match (kind, polygon_outline(kind)) {
        (ActorKind::HistoricalState, _) => {
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

/// The corners of an actor kind drawn as a polygon, for a radius of 1; `None` for the kinds
/// drawn as circles. Shared by the canvas and the SVG export.
pub fn polygon_outline(kind: ActorKind) -> Option<Vec<[f32; 2]>> {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, TAU};
    let (corners, rotation, scale) = match kind {
        ActorKind::State | ActorKind::HistoricalState => return None,
        ActorKind::Organisation => (4, FRAC_PI_4, 1.2),
        ActorKind::Coalition => (6, 0.0, 1.1),
        ActorKind::NonStateArmedGroup => (3, -FRAC_PI_2, 1.3),
        ActorKind::Other => (4, 0.0, 1.25),
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

/// Draws a short sample of a line style, for legends.
pub fn line_sample(ui: &mut egui::Ui, colour: Color32, style: LineStyle) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(36.0, 14.0), egui::Sense::hover());
    let mut shapes = Vec::new();
    let y = rect.center().y;
    styled_line(
        &[Pos2::new(rect.left() + 2.0, y), Pos2::new(rect.right() - 2.0, y)],
        colour,
        2.0,
        style,
        &mut shapes,
    );
    ui.painter().extend(shapes);
    response
}

/// Draws a small actor symbol, for legends.
pub fn actor_sample(ui: &mut egui::Ui, kind: ActorKind, colour: Color32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(18.0, 16.0), egui::Sense::hover());
    let mut shapes = Vec::new();
    actor_shape(rect.center(), 6.0, kind, colour, Stroke::NONE, &mut shapes);
    ui.painter().extend(shapes);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_built_in_kinds_have_four_different_line_styles() {
        let dataset = Dataset::new("t");
        let styles: Vec<LineStyle> = BuiltinKind::ALL
            .iter()
            .map(|k| relation_line_style(&dataset, k.id()))
            .collect();
        for (i, a) in styles.iter().enumerate() {
            assert!(!styles[i + 1..].contains(a), "{a:?} is used twice");
        }
    }
}
