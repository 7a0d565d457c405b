//! The graph as an SVG drawing for reports: what the canvas shows (visible actors and
//! relations, kind colours and line styles, arrows, labels), at print resolution.

use std::fmt::Write;

use egui::Color32;
use quick_xml::escape::escape;

use super::scene::{DrawnEdge, GraphScene};
use super::style::{LineStyle, PATTERN_UNIT, polygon_outline};
use crate::layout::{EdgeCurve, Vec2};
use crate::model::{Dataset, NodeShape};

const MARGIN: f32 = 60.0;
const LANE_SPACING: f32 = 16.0;

pub fn view_to_svg(scene: &GraphScene, dataset: &Dataset) -> String {
    let Some((min, max)) = scene.visible_bounds(false) else {
        return String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"40\"/>\n");
    };
    let origin = min - Vec2::new(MARGIN * 2.0, MARGIN);
    let size = (max - min) + Vec2::new(MARGIN * 4.0, MARGIN * 2.0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" viewBox=\"0 0 {:.0} {:.0}\" \
         font-family=\"sans-serif\" font-size=\"12\">",
        size.x, size.y, size.x, size.y
    );
    let _ = writeln!(out, "<title>{}</title>", escape(dataset.title.as_str()));
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");

    for edge in scene.edges() {
        write_edge(&mut out, scene, dataset, edge, origin);
    }
    for (_, node) in scene.graph.nodes_iter() {
        write_node(&mut out, node, origin);
    }
    out.push_str("</svg>\n");
    out
}

type ActorGraphNode = egui_graphs::Node<
    super::payload::ActorNode,
    super::payload::RelationEdge,
    petgraph::Directed,
    petgraph::graph::DefaultIx,
    super::node_shape::ActorNodeShape,
>;

fn write_edge(out: &mut String, scene: &GraphScene, dataset: &Dataset, edge: &DrawnEdge, origin: Vec2) {
    let at = |p: Vec2| p - origin;
    let payload = &edge.payload;
    let (a, b) = (edge.from, edge.to);
    let (Some(start), Some(end)) = (scene.graph.node(a), scene.graph.node(b)) else {
        return;
    };
    let (p, q) = (to_vec(start.location()), to_vec(end.location()));
    let curve = if a == b {
        EdgeCurve::self_loop(p, start.payload().radius, payload.lane + 1.0)
    } else {
        EdgeCurve::between(p, q, payload.lane, LANE_SPACING)
    };
    // As on screen: what ended between two compared years is a ghost, what held in both faint.
    let opacity = match (payload.change, payload.dimmed) {
        (Some(crate::model::Change::Ended), _) => 0.4,
        (_, true) => 0.2,
        _ => 1.0,
    };
    let (t0, t1) = if a == b {
        (0.0, 1.0)
    } else {
        (
            curve.trim_parameter(start.payload().radius + 1.0, false),
            curve.trim_parameter(end.payload().radius + 2.0, true),
        )
    };
    let path = match curve {
        // The stretch between the ends of a quadratic Bézier is a quadratic Bézier: one
        // segment, not a polyline (a fifth of the file on a big graph).
        EdgeCurve::Bezier { .. } => {
            let (from, to) = (at(curve.point_at(t0)), at(curve.point_at(t1)));
            if payload.lane == 0.0 {
                format!("M{:.1} {:.1} L{:.1} {:.1}", from.x, from.y, to.x, to.y)
            } else {
                let control = from + curve.tangent_at(t0) * ((t1 - t0) / 2.0);
                format!(
                    "M{:.1} {:.1} Q{:.1} {:.1} {:.1} {:.1}",
                    from.x, from.y, control.x, control.y, to.x, to.y
                )
            }
        }
        EdgeCurve::Loop { .. } => polyline(&curve.sample(t0, t1, 24).map(at).collect::<Vec<_>>()),
    };
    let colour = hex(payload.colour);
    let title = dataset
        .relations
        .get(payload.relation as usize)
        .map(|r| r.id.as_str())
        .unwrap_or_default();
    let _ = write!(out, "<g opacity=\"{opacity}\"><title>{}</title>", escape(title));
    if payload.style == LineStyle::Double {
        let _ = write!(
            out,
            "<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{:.1}\"/>\
             <path d=\"{path}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"{:.1}\"/>",
            payload.width * 2.6,
            payload.width * 1.0
        );
    } else {
        let _ = write!(
            out,
            "<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{:.1}\"{}/>",
            payload.width,
            dasharray(payload.style)
        );
    }
    if payload.directed && a != b {
        let tip = at(curve.point_at(t1));
        let direction = curve.tangent_at(t1).normalized();
        let length = 7.0 + payload.width * 2.0;
        let base = tip - direction * length;
        let side = direction.perpendicular() * (length * 0.45);
        let _ = write!(
            out,
            "<polygon points=\"{}\" fill=\"{colour}\"/>",
            polyline_points(&[tip, base + side, base - side])
        );
    }
    let _ = writeln!(out, "</g>");
}

fn write_node(out: &mut String, node: &ActorGraphNode, origin: Vec2) {
    let at = |p: Vec2| p - origin;
    let payload = node.payload();
    let centre = at(to_vec(node.location()));
    let opacity = if payload.dimmed { 0.25 } else { 1.0 };
    let colour = hex(payload.colour);
    let r = payload.radius;
    let shape = match payload.shape {
        NodeShape::Disc => format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r:.1}\" fill=\"{colour}\"/>",
            centre.x, centre.y
        ),
        NodeShape::Ring => format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{colour}\" fill-opacity=\"0.35\" stroke=\"{colour}\" stroke-width=\"3\"/>",
            centre.x,
            centre.y,
            r - 1.5
        ),
        shape => {
            let corners: Vec<Vec2> = polygon_outline(shape)
                .unwrap_or_default()
                .into_iter()
                .map(|[x, y]| centre + Vec2::new(x, y) * r)
                .collect();
            format!("<polygon points=\"{}\" fill=\"{colour}\"/>", polyline_points(&corners))
        }
    };
    let _ = writeln!(
        out,
        "<g opacity=\"{opacity}\">{shape}<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#222222\" \
         stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text></g>",
        centre.x,
        centre.y + r + 14.0,
        escape(payload.label.as_ref())
    );
}

fn to_vec(p: egui::Pos2) -> Vec2 {
    Vec2::new(p.x, p.y)
}

fn hex(colour: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.r(), colour.g(), colour.b())
}

fn polyline(points: &[Vec2]) -> String {
    let mut path = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(path, "{}{:.1} {:.1} ", if i == 0 { "M" } else { "L" }, p.x, p.y);
    }
    path.trim_end().to_owned()
}

fn polyline_points(points: &[Vec2]) -> String {
    points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

fn dasharray(style: LineStyle) -> String {
    let unit = PATTERN_UNIT;
    let pattern = match style {
        LineStyle::Solid | LineStyle::Double => return String::new(),
        LineStyle::Dashed => format!("{:.1} {:.1}", 6.0 * unit, 4.0 * unit),
        LineStyle::LongDashed => format!("{:.1} {:.1}", 14.0 * unit, 5.0 * unit),
        LineStyle::Dotted => format!("0.1 {:.1}\" stroke-linecap=\"round", 3.5 * unit),
        LineStyle::DashDot => format!(
            "{:.1} {:.1} {:.1} {:.1}",
            9.0 * unit,
            3.5 * unit,
            1.5 * unit,
            3.5 * unit
        ),
        LineStyle::DashDotDot => format!(
            "{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
            9.0 * unit,
            3.5 * unit,
            1.5 * unit,
            3.5 * unit,
            1.5 * unit,
            3.0 * unit
        ),
    };
    format!(" stroke-dasharray=\"{pattern}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;
    use crate::model::{DatasetIndex, KindFilter, ViewQuery, Visibility};

    #[test]
    fn draws_every_visible_actor_and_relation() {
        let dataset = built_in_dataset();
        let index = DatasetIndex::new(&dataset);
        let mut scene = GraphScene::new(&dataset, &index, None, &egui::Context::default());
        while scene.advance_layout(std::time::Duration::from_secs(1)) {}
        let mut filter = KindFilter::default();
        filter.hidden_relation_kinds.insert("war".into());
        let visibility = Visibility::compute(&dataset, &index, &ViewQuery::all(&filter));
        let looks = crate::ui::KindLooks::of(&dataset);
        let look = crate::ui::graph::SceneLook {
            looks: &looks,
            file_looks: true,
            actor_colours: None,
            collapsed: None,
            relations: index.relation_facts(),
        };
        scene.rebuild(&dataset, &visibility, None, look);
        let svg = view_to_svg(&scene, &dataset);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<text ").count(), dataset.actors.len());
        let shown = dataset.relations.iter().filter(|r| r.kind != "war").count();
        assert_eq!(svg.matches("<g opacity").count() - dataset.actors.len(), shown);
        assert!(svg.contains(">North Korea</text>"));
        assert!(
            !svg.contains("korean-war-north-korea-south-korea"),
            "hidden relations are not drawn"
        );
    }
}
