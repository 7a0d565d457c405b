//! GEXF 1.2 and 1.3 (Gephi): nodes, edges, labels, attributes, direction, positions and
//! colours, and dynamic `start`/`end` and spells as periods.

use std::collections::HashMap;

use quick_xml::escape::escape;

use super::attribute_values::{Attributes, loose_date};
use super::attributes_out::{actor_attributes, graph_attributes, relation_attributes};
use super::graphml::apply_graph_data;
use super::import_builder::ImportBuilder;
use super::xml_reader::{XmlAttributes, XmlEvent, XmlReader, attribute};
use super::{ImportMapping, MappingProposal};
use crate::model::{Appearance, Dataset, Diagnostic, Direction, LineAppearance, NodeShape, PartialDate, hex_colour};

#[derive(Default)]
struct Element {
    id: Option<String>,
    ends: Option<(String, String)>,
    edge_type: Option<String>,
    attributes: Attributes,
    /// Gephi's `viz:` elements: position, colour, size and shape (thickness for an edge).
    look: Appearance,
    thickness: Option<f32>,
    /// Earliest start and latest end over the element's own dates and its spells.
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    open_start: bool,
    open_end: bool,
}

impl Element {
    fn add_span(&mut self, start: Option<&str>, end: Option<&str>) {
        match start.and_then(loose_date) {
            Some(s) => {
                self.start = Some(
                    self.start
                        .map_or(s, |x| if s.earliest() < x.earliest() { s } else { x }),
                )
            }
            None => self.open_start = true,
        }
        match end.and_then(loose_date) {
            Some(e) => self.end = Some(self.end.map_or(e, |x| if e.latest() > x.latest() { e } else { x })),
            None => self.open_end = true,
        }
    }

    /// The element's period as attributes the shared import rules read.
    fn period_attributes(&self) -> Attributes {
        let mut out = Vec::new();
        if let Some(start) = self.start.filter(|_| !self.open_start) {
            out.push(("start".to_owned(), start.to_string()));
        }
        if let Some(end) = self.end.filter(|_| !self.open_end) {
            out.push(("end".to_owned(), end.to_string()));
        }
        out
    }
}

/// Reads a GEXF file; names and kinds come from the attributes `mapping` gives, or from
/// those Entente proposes, which it returns for the app to confirm with the user.
pub fn read_gexf(
    text: &str,
    title: &str,
    mapping: Option<&ImportMapping>,
) -> Result<(Dataset, Vec<Diagnostic>, MappingProposal), Diagnostic> {
    let mut reader = XmlReader::new(text);
    // Attribute ids to titles, per class (node, edge).
    let mut titles: HashMap<(String, String), String> = HashMap::new();
    let mut attribute_class = String::from("node");
    let mut default_directed = true;
    let mut nodes: Vec<Element> = Vec::new();
    let mut edges: Vec<Element> = Vec::new();
    let mut graph_data: Attributes = Vec::new();
    let mut current: Option<(bool, Element)> = None;
    let mut seen_root = false;

    loop {
        let event = reader.next()?;
        let (name, attributes, offset) = match event {
            XmlEvent::Start {
                name,
                attributes,
                offset,
                ..
            } => (name, attributes, offset),
            XmlEvent::End { name } if name == "node" || name == "edge" => {
                if let Some((is_node, element)) = current.take() {
                    if is_node {
                        nodes.push(element)
                    } else {
                        edges.push(element)
                    }
                }
                continue;
            }
            XmlEvent::Eof => break,
            XmlEvent::End { .. } | XmlEvent::Text(_) => continue,
        };
        if !seen_root {
            if name != "gexf" {
                return Err(reader.error_at(
                    offset,
                    "wrong-format",
                    format!("this is not a GEXF file: it starts with <{name}>, not <gexf>"),
                ));
            }
            seen_root = true;
            continue;
        }
        match name.as_ref() {
            "graph" => default_directed = attribute(&attributes, "defaultedgetype") != Some("undirected"),
            "attributes" => attribute_class = attribute(&attributes, "class").unwrap_or("node").to_owned(),
            "attribute" => {
                if let (Some(id), Some(title)) = (attribute(&attributes, "id"), attribute(&attributes, "title")) {
                    titles.insert((attribute_class.clone(), id.to_owned()), title.to_owned());
                }
            }
            "node" | "edge" => current = Some((name == "node", open_element(&reader, &name, &attributes, offset)?)),
            "attvalue" => {
                let Some((is_node, element)) = current.as_mut() else {
                    continue;
                };
                let class = if *is_node { "node" } else { "edge" };
                let key = attribute(&attributes, "for")
                    .or(attribute(&attributes, "id"))
                    .unwrap_or_default();
                let title = titles
                    .get(&(class.to_owned(), key.to_owned()))
                    .cloned()
                    .unwrap_or_else(|| key.to_owned());
                if let Some(value) = attribute(&attributes, "value") {
                    element.attributes.push((title, value.to_owned()));
                }
            }
            "spell" => {
                if let Some((_, element)) = current.as_mut() {
                    element.add_span(attribute(&attributes, "start"), attribute(&attributes, "end"));
                }
            }
            "position" | "color" | "size" | "shape" | "thickness" => {
                if let Some((_, element)) = current.as_mut() {
                    read_viz(&name, &attributes, element);
                }
            }
            "description" => {
                let value = reader.text_until_end()?;
                graph_data.push(("description".to_owned(), value.into_owned()));
            }
            _ => {}
        }
    }
    if !seen_root {
        return Err(Diagnostic::error("wrong-format", "the file holds no XML elements").at_line_column(1, 1));
    }

    Ok(finish(title, nodes, edges, &graph_data, default_directed, mapping))
}

/// Proposes how to read the attributes, and builds the dataset with `mapping` or the proposal.
fn finish(
    title: &str,
    mut nodes: Vec<Element>,
    mut edges: Vec<Element>,
    graph_data: &Attributes,
    default_directed: bool,
    mapping: Option<&ImportMapping>,
) -> (Dataset, Vec<Diagnostic>, MappingProposal) {
    for element in nodes.iter_mut().chain(edges.iter_mut()) {
        let mut attributes = element.period_attributes();
        attributes.append(&mut element.attributes);
        element.attributes = attributes;
    }
    let proposal = MappingProposal::of(
        nodes
            .iter()
            .filter(|n| n.id.as_deref() != Some(META_NODE))
            .map(|n| (n.id.as_deref().unwrap_or_default(), n.attributes.as_slice())),
        edges.iter().map(|e| e.attributes.as_slice()),
    );
    let mapping = mapping.unwrap_or(&proposal.mapping).clone();
    let mut builder = ImportBuilder::new(title, "GEXF").with_mapping(mapping);
    build(&mut builder, nodes, edges, graph_data, default_directed);
    let (dataset, diagnostics) = builder.finish();
    (dataset, diagnostics, proposal)
}

fn build(
    builder: &mut ImportBuilder,
    nodes: Vec<Element>,
    edges: Vec<Element>,
    graph_data: &Attributes,
    default_directed: bool,
) {
    apply_graph_data(builder, graph_data);
    for node in nodes {
        if let Some(id) = &node.id {
            if id == META_NODE {
                apply_graph_data(builder, &node.attributes);
                continue;
            }
            if !builder.add_actor_drawn(id, &node.attributes, node.look) {
                let name = builder.actor_name(id);
                builder.warn(Diagnostic::warning(
                    "duplicate-id",
                    format!("actor {name} is declared twice in the file; the first is kept"),
                ));
            }
        }
    }
    for edge in edges {
        let directed = match edge.edge_type.as_deref() {
            Some("undirected" | "mutual") => false,
            Some(_) => true,
            None => default_directed,
        };
        if let Some((source, target)) = &edge.ends {
            builder.add_relation(edge.id.as_deref(), source, target, directed, &edge.attributes);
            builder.draw_last_relation(LineAppearance {
                colour: edge.look.colour,
                thickness: edge.thickness,
            });
        }
    }
}

/// One of Gephi's `viz:` elements. GEXF's y axis points up; Entente's, as on screen, down.
fn read_viz(name: &str, attributes: &XmlAttributes<'_>, element: &mut Element) {
    let number = |key: &str| {
        attribute(attributes, key)
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|v| v.is_finite())
    };
    let look = &mut element.look;
    match name {
        "position" => {
            if let (Some(x), Some(y)) = (number("x"), number("y")) {
                look.x = Some(x);
                look.y = Some(-y);
            }
        }
        "color" => {
            let channel = |key: &str| {
                number(key)
                    .filter(|v| (0.0..=255.0).contains(v))
                    .map(|v| v.round() as u8)
            };
            if let (Some(r), Some(g), Some(b)) = (channel("r"), channel("g"), channel("b")) {
                look.colour = Some(hex_colour(r, g, b));
            } else if let Some(hex) = attribute(attributes, "hex") {
                look.colour = Some(hex.to_ascii_lowercase()).filter(|h| crate::model::is_hex_colour(h));
            }
        }
        "size" => look.size = number("value").filter(|v| *v > 0.0),
        "thickness" => element.thickness = number("value").filter(|v| *v > 0.0),
        "shape" => look.shape = attribute(attributes, "value").and_then(NodeShape::from_name),
        _ => {}
    }
}

/// A `<node>` or `<edge>` from its own attributes; attvalues and spells follow inside it.
fn open_element(
    reader: &XmlReader<'_>,
    name: &str,
    attributes: &XmlAttributes<'_>,
    offset: usize,
) -> Result<Element, Diagnostic> {
    let is_node = name == "node";
    let mut element = Element {
        id: attribute(attributes, "id").map(str::to_owned),
        ..Default::default()
    };
    if is_node && element.id.is_none() {
        return Err(reader.error_at(offset, "missing-field", "a <node> has no `id` attribute"));
    }
    if !is_node {
        let (Some(source), Some(target)) = (attribute(attributes, "source"), attribute(attributes, "target")) else {
            return Err(reader.error_at(offset, "missing-field", "an <edge> needs both `source` and `target`"));
        };
        element.ends = Some((source.to_owned(), target.to_owned()));
        element.edge_type = attribute(attributes, "type").map(str::to_owned);
    }
    for native in ["label", "kind", "weight"] {
        if let Some(value) = attribute(attributes, native) {
            element.attributes.push((native.to_owned(), value.to_owned()));
        }
    }
    let (start, end) = (attribute(attributes, "start"), attribute(attributes, "end"));
    if start.is_some() || end.is_some() {
        element.add_span(start, end);
    }
    Ok(element)
}

/// GEXF has no attributes on the graph itself, so Entente's export carries the dataset's
/// title, sources and kinds on one node with this id, which its reader takes back out.
const META_NODE: &str = "__entente_dataset__";

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
                      look: Option<&Appearance>| {
        nodes.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues>\n",
            escape(id),
            escape(label)
        ));
        // What Gephi reads as the node's look goes out as viz elements, not attributes.
        let is_look = |title: &str| match look {
            // GEXF has no hexagon or ring: those stay an attribute, so they come back as they were.
            Some(look) if title == "shape" => look.shape.is_some_and(|s| gexf_shape(s).is_some()),
            Some(_) => VIZ_ATTRIBUTES.contains(&title),
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
        nodes.push_str("      </node>\n");
    };
    write_node(
        &mut nodes,
        &mut node_titles,
        (META_NODE, ""),
        &graph_attributes(dataset),
        None,
    );
    for actor in &dataset.actors {
        write_node(
            &mut nodes,
            &mut node_titles,
            (&actor.id, &actor.name),
            &actor_attributes(actor),
            Some(&actor.appearance),
        );
    }
    let edges = write_edges(dataset, &mut edge_titles, title_id);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
    out.push_str(&format!(
        "  <meta>\n    <creator>Entente</creator>\n    <description>{}</description>\n  </meta>\n",
        escape(dataset.description.as_deref().unwrap_or_default())
    ));
    out.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
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
        let is_look = |title: &str| matches!(title, "colour" | "thickness");
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
        edges.push_str("      </edge>\n");
    }
    edges
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
