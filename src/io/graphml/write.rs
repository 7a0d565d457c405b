//! GraphML as Entente writes it: its fields as string-typed keys, and yEd's geometry on request.

use quick_xml::escape::escape;

use crate::io::attributes_out::{actor_attributes, graph_attributes, relation_attributes};
use crate::model::Dataset;

/// The dataset as GraphML, with Entente's fields as string-typed keys.
pub fn write_graphml(dataset: &Dataset) -> String {
    write(dataset, false)
}

/// GraphML with every positioned actor's place as yEd keeps it too (a `y:ShapeNode` whose
/// geometry is centred on the position), so that yEd opens the layout as well as Gephi and
/// Cytoscape (which read the `x` and `y` attributes).
pub fn write_graphml_with_geometry(dataset: &Dataset) -> String {
    write(dataset, true)
}

fn write(dataset: &Dataset, yed_geometry: bool) -> String {
    let graph = graph_attributes(dataset);
    let actors: Vec<_> = dataset.actors.iter().map(|a| (a, actor_attributes(a))).collect();
    let relations: Vec<_> = dataset.relations.iter().map(|r| (r, relation_attributes(r))).collect();
    let mut key_ids: Vec<(String, &str, String)> = Vec::new();
    let mut key_for = |domain: &'static str, name: &str| -> String {
        if let Some((id, _, _)) = key_ids.iter().find(|(_, d, n)| *d == domain && n == name) {
            return id.clone();
        }
        let id = format!("{}{}", &domain[..1], key_ids.len());
        key_ids.push((id.clone(), domain, name.to_owned()));
        id
    };
    let mut body = String::new();
    body.push_str("  <graph id=\"G\" edgedefault=\"directed\">\n");
    for (name, value) in &graph {
        let key = key_for("graph", name);
        body.push_str(&format!("    <data key=\"{key}\">{}</data>\n", escape(value.as_str())));
    }
    for (actor, attributes) in &actors {
        body.push_str(&format!("    <node id=\"{}\">\n", escape(actor.id.as_str())));
        for (name, value) in attributes {
            let key = key_for("node", name);
            body.push_str(&format!(
                "      <data key=\"{key}\">{}</data>\n",
                escape(value.as_str())
            ));
        }
        if yed_geometry && let Some((x, y)) = actor.appearance.position() {
            // yEd's box is 30 wide unless the file sizes its actors.
            let side = actor.appearance.size.unwrap_or(30.0);
            body.push_str(&format!(
                "      <data key=\"yed\"><y:ShapeNode><y:Geometry x=\"{}\" y=\"{}\" width=\"{side}\" height=\"{side}\"/>\
                 <y:NodeLabel>{}</y:NodeLabel></y:ShapeNode></data>\n",
                x - side / 2.0,
                y - side / 2.0,
                escape(actor.name.as_str())
            ));
        }
        body.push_str("    </node>\n");
    }
    for (relation, attributes) in &relations {
        let directed = relation.direction == crate::model::Direction::Directed;
        body.push_str(&format!(
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\" directed=\"{directed}\">\n",
            escape(relation.id.as_str()),
            escape(relation.from.as_str()),
            escape(relation.to.as_str())
        ));
        for (name, value) in attributes {
            let key = key_for("edge", name);
            body.push_str(&format!(
                "      <data key=\"{key}\">{}</data>\n",
                escape(value.as_str())
            ));
        }
        body.push_str("    </edge>\n");
    }
    body.push_str("  </graph>\n");

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if yed_geometry {
        out.push_str(
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"http://www.yworks.com/xml/graphml\">\n",
        );
        out.push_str("  <key id=\"yed\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    } else {
        out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    }
    for (id, domain, name) in &key_ids {
        out.push_str(&format!(
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"string\"/>\n",
            escape(name.as_str())
        ));
    }
    out.push_str(&body);
    out.push_str("</graphml>\n");
    out
}
