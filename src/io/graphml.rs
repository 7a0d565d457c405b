//! GraphML (yEd, networkx, igraph, Cytoscape): keys and data become attributes, then the
//! shared import rules make them actors, relations, kinds and evidence.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use quick_xml::escape::escape;

use super::attribute_values::Attributes;
use super::attributes_out::{actor_attributes, graph_attributes, relation_attributes};
use super::import_builder::ImportBuilder;
use super::xml_reader::{XmlAttributes, XmlEvent, XmlReader, attribute};
use super::{ImportMapping, MappingProposal};
use crate::model::{Appearance, Dataset, Diagnostic, LineAppearance, NodeShape};

#[derive(Debug, Clone)]
struct Key {
    /// Shared by every `<data>` of this key, of which a big file has hundreds of thousands.
    name: Rc<str>,
    domain: String,
    default: Option<String>,
}

/// A `<data>` value by its key's name, as a view of the file's text where possible.
type Data<'a> = Vec<(Rc<str>, Cow<'a, str>)>;

struct Element<'a> {
    id: Option<Cow<'a, str>>,
    ends: Option<(Cow<'a, str>, Cow<'a, str>)>,
    directed: Option<bool>,
    attributes: Data<'a>,
    /// What yEd's graphics say: the node's place, size, fill and outline, or the line's colour.
    look: Appearance,
}

/// Reads a GraphML file; names and kinds come from the attributes `mapping` gives, or from
/// those Entente proposes, which it returns for the app to confirm with the user.
pub fn read_graphml(
    text: &str,
    title: &str,
    mapping: Option<&ImportMapping>,
) -> Result<(Dataset, Vec<Diagnostic>, MappingProposal), Diagnostic> {
    let mut reader = XmlReader::new(text);
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut nodes: Vec<Element<'_>> = Vec::new();
    let mut edges: Vec<Element<'_>> = Vec::new();
    let mut graph_data: Attributes = Vec::new();
    let mut edge_default_directed = true;
    let mut seen_root = false;
    let mut graph_depth = 0usize;
    let mut warnings: Vec<Diagnostic> = Vec::new();

    loop {
        let (name, attributes, offset, empty) = match reader.next()? {
            XmlEvent::Start {
                name,
                attributes,
                offset,
                empty,
            } => (name, attributes, offset, empty),
            XmlEvent::End { name } if name == "graph" => {
                graph_depth = graph_depth.saturating_sub(1);
                continue;
            }
            XmlEvent::Eof => break,
            XmlEvent::End { .. } | XmlEvent::Text(_) => continue,
        };
        if !seen_root {
            if name != "graphml" {
                return Err(reader.error_at(
                    offset,
                    "wrong-format",
                    format!("this is not a GraphML file: it starts with <{name}>, not <graphml>"),
                ));
            }
            seen_root = true;
            continue;
        }
        match name.as_ref() {
            "key" => {
                let (id, key) = read_key(&mut reader, &attributes, offset, empty)?;
                keys.insert(id, key);
            }
            "graph" => {
                graph_depth += 1;
                if graph_depth == 1 {
                    edge_default_directed = attribute(&attributes, "edgedefault") != Some("undirected");
                }
            }
            "node" | "edge" => {
                let is_node = name == "node";
                let element = read_element(&mut reader, attributes, is_node, empty, &keys)?;
                if is_node && element.id.is_none() || !is_node && element.ends.is_none() {
                    warnings.push(reader.skipped_element(offset, &name));
                } else if is_node {
                    nodes.push(element);
                } else {
                    edges.push(element);
                }
            }
            "data" => {
                let key = attribute(&attributes, "key").unwrap_or_default();
                let value = if empty {
                    Cow::Borrowed("")
                } else {
                    reader.text_until_end()?
                };
                let name = keys.get(key).map_or_else(|| key.to_owned(), |k| k.name.to_string());
                graph_data.push((name, value.into_owned()));
            }
            "hyperedge" => {
                return Err(reader.error_at(
                    offset,
                    "unsupported",
                    "hyperedges are not supported: Entente links two actors at a time",
                ));
            }
            _ => {}
        }
    }
    if !seen_root {
        return Err(Diagnostic::error("wrong-format", "the file holds no XML elements").at_line_column(1, 1));
    }

    let read = Read {
        keys: &keys,
        nodes: &nodes,
        edges: &edges,
        graph_data: &graph_data,
        edge_default_directed,
    };
    let (dataset, mut diagnostics, proposal) = finish(title, &read, mapping);
    warnings.append(&mut diagnostics);
    Ok((dataset, warnings, proposal))
}

/// Everything a GraphML file held, as read.
struct Read<'r, 'a> {
    keys: &'r HashMap<String, Key>,
    nodes: &'r [Element<'a>],
    edges: &'r [Element<'a>],
    graph_data: &'r Attributes,
    edge_default_directed: bool,
}

/// Proposes how to read the attributes, and builds the dataset with `mapping` or the proposal.
fn finish(
    title: &str,
    read: &Read<'_, '_>,
    mapping: Option<&ImportMapping>,
) -> (Dataset, Vec<Diagnostic>, MappingProposal) {
    let (node_defaults, edge_defaults) = (defaults_for(read.keys, "node"), defaults_for(read.keys, "edge"));
    let node_data: Vec<_> = read
        .nodes
        .iter()
        .map(|n| with_defaults(&n.attributes, &node_defaults))
        .collect();
    let edge_data: Vec<_> = read
        .edges
        .iter()
        .map(|e| with_defaults(&e.attributes, &edge_defaults))
        .collect();
    let proposal = MappingProposal::of(
        read.nodes
            .iter()
            .zip(&node_data)
            .map(|(node, data)| (node.id.as_deref().unwrap_or_default(), data.as_slice())),
        edge_data.iter().map(|data| data.as_slice()),
    );
    let mapping = mapping.unwrap_or(&proposal.mapping).clone();
    let mut builder = ImportBuilder::new(title, "GraphML").with_mapping(mapping);
    apply_graph_data(&mut builder, read.graph_data);
    build(
        &mut builder,
        (read.nodes, &node_data),
        (read.edges, &edge_data),
        read.edge_default_directed,
    );
    let (dataset, diagnostics) = builder.finish();
    (dataset, diagnostics, proposal)
}

fn build(
    builder: &mut ImportBuilder,
    (nodes, node_data): (&[Element<'_>], &[Cow<'_, Data<'_>>]),
    (edges, edge_data): (&[Element<'_>], &[Cow<'_, Data<'_>>]),
    edge_default_directed: bool,
) {
    builder.reserve_relations(edges.len());
    for (node, attributes) in nodes.iter().zip(node_data) {
        if let Some(id) = &node.id
            && !builder.add_actor_drawn(id, attributes, node.look.clone())
        {
            let name = builder.actor_name(id);
            builder.warn(Diagnostic::warning(
                "duplicate-id",
                format!("actor {name} is declared twice in the file; the first is kept"),
            ));
        }
    }
    for (edge, attributes) in edges.iter().zip(edge_data) {
        if let Some((source, target)) = &edge.ends {
            builder.add_relation(
                edge.id.as_deref(),
                source,
                target,
                edge.directed.unwrap_or(edge_default_directed),
                attributes,
            );
            if edge.look.colour.is_some() {
                builder.draw_last_relation(LineAppearance {
                    colour: edge.look.colour.clone(),
                    thickness: None,
                });
            }
        }
    }
}

fn read_key(
    reader: &mut XmlReader<'_>,
    attributes: &XmlAttributes<'_>,
    offset: usize,
    empty: bool,
) -> Result<(String, Key), Diagnostic> {
    let Some(id) = attribute(attributes, "id") else {
        return Err(reader.error_at(offset, "missing-field", "a <key> has no `id` attribute"));
    };
    let name: Rc<str> = attribute(attributes, "attr.name")
        .or_else(|| attribute(attributes, "yfiles.type").map(yed_name))
        .unwrap_or(id)
        .into();
    let domain = attribute(attributes, "for").unwrap_or("all").to_owned();
    let id = id.to_owned();
    let default = if empty { None } else { read_key_default(reader)? };
    Ok((id, Key { name, domain, default }))
}

/// A `<node>` or `<edge>` and its data. A node without an id, or an edge without both ends,
/// has none, and the caller skips it.
fn read_element<'a>(
    reader: &mut XmlReader<'a>,
    mut attributes: XmlAttributes<'a>,
    is_node: bool,
    empty: bool,
    keys: &HashMap<String, Key>,
) -> Result<Element<'a>, Diagnostic> {
    let directed = attribute(&attributes, "directed").map(|d| d == "true" || d == "1");
    let id = take_attribute(&mut attributes, "id");
    let ends = if is_node {
        None
    } else {
        take_attribute(&mut attributes, "source").zip(take_attribute(&mut attributes, "target"))
    };
    let (data, look) = if empty {
        (Vec::new(), Appearance::default())
    } else {
        read_data(reader, keys)?
    };
    Ok(Element {
        id,
        ends,
        directed,
        attributes: data,
        look,
    })
}

/// Title, description and Entente's own sources and kinds, from graph-level data.
pub fn apply_graph_data(builder: &mut ImportBuilder, data: &Attributes) {
    for (name, value) in data {
        match name.as_str() {
            "title" if !value.trim().is_empty() => builder.dataset_mut().title = value.clone(),
            "description" => builder.dataset_mut().description = Some(value.clone()),
            "sources" => builder.add_sources_json(value),
            "relation_kinds" => builder.add_relation_kinds_json(value),
            "actor_kinds" => builder.add_actor_kinds_json(value),
            _ => {}
        }
    }
}

/// What a yEd graphics element says about a node's (or line's) look. Its geometry is the
/// node's box, so the centre is its position and its width its size.
fn yed_graphics(element: &str, attributes: &XmlAttributes<'_>, look: &mut Appearance) {
    let number = |name: &str| {
        attribute(attributes, name)
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|v| v.is_finite())
    };
    match element {
        "Geometry" => {
            if let (Some(x), Some(y)) = (number("x"), number("y")) {
                let (width, height) = (number("width").unwrap_or(0.0), number("height").unwrap_or(0.0));
                look.x = Some(x + width / 2.0);
                look.y = Some(y + height / 2.0);
                look.size = Some(width.max(height)).filter(|s| *s > 0.0);
            }
        }
        "Fill" | "LineStyle" => {
            let transparent = attribute(attributes, "transparent") == Some("true");
            if let Some(colour) = attribute(attributes, "color").filter(|_| !transparent)
                && let Some(hex) = colour.strip_prefix('#').and_then(|h| h.get(..6))
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
                && look.colour.is_none()
            {
                look.colour = Some(format!("#{}", hex.to_ascii_lowercase()));
            }
        }
        "Shape" => look.shape = attribute(attributes, "type").and_then(NodeShape::from_name),
        _ => {}
    }
}

fn yed_name(yfiles_type: &str) -> &str {
    match yfiles_type {
        "nodegraphics" | "edgegraphics" => "label",
        other => other,
    }
}

fn read_key_default(reader: &mut XmlReader<'_>) -> Result<Option<String>, Diagnostic> {
    let mut default = None;
    loop {
        match reader.next()? {
            XmlEvent::Start { name, .. } if name == "default" => default = Some(reader.text_until_end()?.into_owned()),
            XmlEvent::Start { .. } => {
                reader.text_until_end()?;
            }
            XmlEvent::End { .. } => return Ok(default),
            XmlEvent::Text(_) => {}
            XmlEvent::Eof => {
                return Err(reader.error_at(reader.position(), "malformed-xml", "the file ends inside a <key>"));
            }
        }
    }
}

/// The `<data>` children of the element just opened, named by their keys, and the look
/// yEd's graphics inside them give.
fn read_data<'a>(
    reader: &mut XmlReader<'a>,
    keys: &HashMap<String, Key>,
) -> Result<(Data<'a>, Appearance), Diagnostic> {
    let mut data = Vec::new();
    let mut look = Appearance::default();
    loop {
        match reader.next()? {
            XmlEvent::Start { name, attributes, .. } if name == "data" => {
                let key = attribute(&attributes, "key").unwrap_or_default();
                let name = keys.get(key).map_or_else(|| Rc::from(key), |k| k.name.clone());
                let value = reader
                    .text_until_end_visiting(|element, attributes| yed_graphics(element, attributes, &mut look))?;
                if !value.is_empty() {
                    data.push((name, value));
                }
            }
            XmlEvent::Start { .. } => {
                reader.text_until_end()?;
            }
            XmlEvent::End { .. } => return Ok((data, look)),
            XmlEvent::Text(_) => {}
            XmlEvent::Eof => {
                return Err(reader.error_at(
                    reader.position(),
                    "malformed-xml",
                    "the file ends inside a node or edge",
                ));
            }
        }
    }
}

/// The defaults the keys give an element of `domain` ("node", "edge"): key name and value.
fn defaults_for<'k>(keys: &'k HashMap<String, Key>, domain: &str) -> Vec<(&'k Rc<str>, &'k String)> {
    keys.values()
        .filter(|key| key.domain == domain || key.domain == "all")
        .filter_map(|key| Some((&key.name, key.default.as_ref()?)))
        .collect()
}

/// The element's data with the defaults for what it leaves out; the data itself when it
/// leaves out none of them, as when no key has a default, in most files.
fn with_defaults<'d, 'a>(attributes: &'d Data<'a>, defaults: &[(&Rc<str>, &String)]) -> Cow<'d, Data<'a>> {
    let mut missing = defaults
        .iter()
        .filter(|(name, _)| !attributes.iter().any(|(given, _)| given == *name))
        .peekable();
    if missing.peek().is_none() {
        return Cow::Borrowed(attributes);
    }
    let mut out = attributes.clone();
    out.extend(missing.map(|(name, default)| (Rc::clone(name), Cow::Owned((*default).clone()))));
    Cow::Owned(out)
}

/// Takes an XML attribute's value out of the list, keeping it a view of the file's text.
fn take_attribute<'a>(attributes: &mut XmlAttributes<'a>, name: &str) -> Option<Cow<'a, str>> {
    let at = attributes.iter().position(|(k, _)| k == name)?;
    Some(attributes.swap_remove(at).1)
}

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
