//! Writing GEXF 1.3: every Entente field as a string attribute, the look as Gephi's `viz:`
//! elements, and spells as `<spells>`, so Gephi draws the file and Entente reads it back whole.

use quick_xml::escape::escape;

use super::META_NODE;
use crate::io::attributes_out::{actor_attributes, graph_attributes, relation_attributes};
use crate::model::{Appearance, Dataset, Direction, NodeShape, Period};

/// The dataset as GEXF 1.3, with every Entente field as a string attribute.
pub fn write_gexf(dataset: &Dataset) -> String {
    let mut node_titles: Vec<String> = Vec::new();
    let mut edge_titles: Vec<String> = Vec::new();
    let title_id = |titles: &mut Vec<String>, title: &str| -> usize {
        match titles.iter().position(|t| t == title) {
            Some(i) => i,
            None => {
                titles.push(title.to_owned());
                titles.len() - 1
            }
        }
    };
    let mut nodes = String::new();
    let write_node = |nodes: &mut String,
                      titles: &mut Vec<String>,
                      (id, label): (&str, &str),
                      attrs: &[(String, String)],
                      look: Option<&Appearance>,
                      spells: &[Period]| {
        nodes.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues>\n",
            escape(id),
            escape(label)
        ));
        // What Gephi reads as the node's look goes out as viz elements, not attributes.
        let is_look = |title: &str| match look {
            // GEXF has no hexagon or ring: those stay an attribute, so they come back as they were.
            Some(look) if title == "shape" => look.shape.is_some_and(|s| gexf_shape(s).is_some()),
            Some(_) => VIZ_ATTRIBUTES.contains(&title) || title == "spells",
            None => false,
        };
        for (title, value) in attrs.iter().filter(|(title, _)| !is_look(title)) {
            let i = title_id(titles, title);
            nodes.push_str(&format!(
                "          <attvalue for=\"n{i}\" value=\"{}\"/>\n",
                escape_attribute(value)
            ));
        }
        nodes.push_str("        </attvalues>\n");
        if let Some(look) = look {
            write_viz(nodes, look);
        }
        write_spells(nodes, spells);
        nodes.push_str("      </node>\n");
    };
    write_node(
        &mut nodes,
        &mut node_titles,
        (META_NODE, ""),
        &graph_attributes(dataset),
        None,
        &[],
    );
    for actor in &dataset.actors {
        write_node(
            &mut nodes,
            &mut node_titles,
            (&actor.id, &actor.name),
            &actor_attributes(actor),
            Some(&actor.appearance),
            &actor.spells,
        );
    }
    let edges = write_edges(dataset, &mut edge_titles, title_id);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
    out.push_str(&format!(
        "  <meta>\n    <creator>Entente</creator>\n    <description>{}</description>\n  </meta>\n",
        escape(dataset.description.as_deref().unwrap_or_default())
    ));
    // Spells are dynamic GEXF: Gephi reads them only in a dynamic graph.
    let dynamic =
        dataset.actors.iter().any(|a| !a.spells.is_empty()) || dataset.relations.iter().any(|r| !r.spells.is_empty());
    let mode = if dynamic {
        "dynamic\" timeformat=\"date"
    } else {
        "static"
    };
    out.push_str(&format!("  <graph defaultedgetype=\"directed\" mode=\"{mode}\">\n"));
    for (class, prefix, titles) in [("node", "n", &node_titles), ("edge", "e", &edge_titles)] {
        out.push_str(&format!("    <attributes class=\"{class}\">\n"));
        for (i, title) in titles.iter().enumerate() {
            out.push_str(&format!(
                "      <attribute id=\"{prefix}{i}\" title=\"{}\" type=\"string\"/>\n",
                escape(title.as_str())
            ));
        }
        out.push_str("    </attributes>\n");
    }
    out.push_str(&format!(
        "    <nodes>\n{nodes}    </nodes>\n    <edges>\n{edges}    </edges>\n  </graph>\n</gexf>\n"
    ));
    out
}

/// The `<edge>` elements, naming their attributes in `titles`.
fn write_edges(
    dataset: &Dataset,
    edge_titles: &mut Vec<String>,
    title_id: impl Fn(&mut Vec<String>, &str) -> usize,
) -> String {
    let mut edges = String::new();
    for relation in &dataset.relations {
        let edge_type = if relation.direction == Direction::Directed {
            "directed"
        } else {
            "undirected"
        };
        edges.push_str(&format!(
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{edge_type}\">\n        <attvalues>\n",
            escape(relation.id.as_str()),
            escape(relation.from.as_str()),
            escape(relation.to.as_str())
        ));
        let line = &relation.appearance;
        // The look and the spells have elements of their own in GEXF.
        let is_look = |title: &str| matches!(title, "colour" | "thickness" | "spells");
        for (title, value) in relation_attributes(relation).into_iter().filter(|(t, _)| !is_look(t)) {
            let i = title_id(edge_titles, &title);
            edges.push_str(&format!(
                "          <attvalue for=\"e{i}\" value=\"{}\"/>\n",
                escape_attribute(&value)
            ));
        }
        edges.push_str("        </attvalues>\n");
        if let Some((r, g, b)) = line.colour.as_deref().and_then(rgb) {
            edges.push_str(&format!("        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>\n"));
        }
        if let Some(thickness) = line.thickness {
            edges.push_str(&format!("        <viz:thickness value=\"{thickness}\"/>\n"));
        }
        write_spells(&mut edges, &relation.spells);
        edges.push_str("      </edge>\n");
    }
    edges
}

/// `<spells>`, for what is present only at times within its period.
fn write_spells(out: &mut String, spells: &[Period]) {
    if spells.is_empty() {
        return;
    }
    out.push_str("        <spells>\n");
    for spell in spells {
        out.push_str("          <spell");
        if let Some(start) = spell.start {
            out.push_str(&format!(" start=\"{start}\""));
        }
        if let Some(end) = spell.end {
            out.push_str(&format!(" end=\"{end}\""));
        }
        out.push_str("/>\n");
    }
    out.push_str("        </spells>\n");
}

/// The attributes Entente writes for an actor's look, which GEXF has elements for instead.
const VIZ_ATTRIBUTES: [&str; 4] = ["x", "y", "size", "colour"];

/// An actor's look as Gephi's `viz:` elements (GEXF's y axis points up).
fn write_viz(out: &mut String, look: &Appearance) {
    if let Some((x, y)) = look.position() {
        out.push_str(&format!("        <viz:position x=\"{x}\" y=\"{}\" z=\"0.0\"/>\n", -y));
    }
    if let Some((r, g, b)) = look.colour.as_deref().and_then(rgb) {
        out.push_str(&format!("        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>\n"));
    }
    if let Some(size) = look.size {
        out.push_str(&format!("        <viz:size value=\"{size}\"/>\n"));
    }
    if let Some(name) = look.shape.and_then(gexf_shape) {
        out.push_str(&format!("        <viz:shape value=\"{name}\"/>\n"));
    }
}

/// GEXF's name for an outline, when it has one.
fn gexf_shape(shape: NodeShape) -> Option<&'static str> {
    match shape {
        NodeShape::Disc => Some("disc"),
        NodeShape::Square => Some("square"),
        NodeShape::Triangle => Some("triangle"),
        NodeShape::Diamond => Some("diamond"),
        NodeShape::Ring | NodeShape::Hexagon => None,
    }
}

/// `#rrggbb` as red, green and blue.
fn rgb(hex: &str) -> Option<(u8, u8, u8)> {
    let digits = hex.strip_prefix('#').filter(|d| d.len() == 6)?;
    let channel = |at: usize| digits.get(at..at + 2).and_then(|c| u8::from_str_radix(c, 16).ok());
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// Attribute values keep their line breaks and tabs (which XML would turn into spaces).
fn escape_attribute(value: &str) -> String {
    escape(value)
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}
