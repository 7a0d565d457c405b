//! GraphML (yEd, networkx, igraph, Cytoscape): keys and data become attributes, then the
//! shared import rules make them actors, relations, kinds and evidence.

use std::collections::HashMap;

use quick_xml::escape::escape;

use super::attributes_out::{actor_attributes, graph_attributes, relation_attributes};
use super::import_builder::{Attributes, ImportBuilder};
use super::xml_reader::{XmlEvent, XmlReader, attribute};
use crate::model::{Dataset, Diagnostic};

#[derive(Debug, Clone)]
struct Key {
    name: String,
    domain: String,
    default: Option<String>,
}

struct Element {
    id: Option<String>,
    ends: Option<(String, String)>,
    directed: Option<bool>,
    attributes: Attributes,
}

pub fn read_graphml(text: &str, title: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut reader = XmlReader::new(text);
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut nodes: Vec<Element> = Vec::new();
    let mut edges: Vec<Element> = Vec::new();
    let mut graph_data: Attributes = Vec::new();
    let mut edge_default_directed = true;
    let mut seen_root = false;
    let mut graph_depth = 0usize;

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
        match name.as_str() {
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
            "node" => {
                let Some(id) = attribute(&attributes, "id").map(str::to_owned) else {
                    return Err(reader.error_at(offset, "missing-field", "a <node> has no `id` attribute"));
                };
                let data = if empty {
                    Vec::new()
                } else {
                    read_data(&mut reader, &keys)?
                };
                nodes.push(Element {
                    id: Some(id),
                    ends: None,
                    directed: None,
                    attributes: data,
                });
            }
            "edge" => edges.push(read_edge(&mut reader, &attributes, offset, empty, &keys)?),
            "data" => {
                let key = attribute(&attributes, "key").unwrap_or_default().to_owned();
                let value = if empty { String::new() } else { reader.text_until_end()? };
                let name = keys.get(&key).map_or(key, |k| k.name.clone());
                graph_data.push((name, value));
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

    Ok(build(title, &keys, &nodes, &edges, &graph_data, edge_default_directed))
}

fn build(
    title: &str,
    keys: &HashMap<String, Key>,
    nodes: &[Element],
    edges: &[Element],
    graph_data: &Attributes,
    edge_default_directed: bool,
) -> (Dataset, Vec<Diagnostic>) {
    let mut builder = ImportBuilder::new(title, "GraphML");
    apply_graph_data(&mut builder, graph_data);
    for node in nodes {
        let attributes = with_defaults(&node.attributes, keys, "node");
        if let Some(id) = &node.id
            && !builder.add_actor(id, &attributes)
        {
            builder.warn(Diagnostic::warning(
                "duplicate-id",
                format!("node `{id}` is declared twice; the first is kept"),
            ));
        }
    }
    for edge in edges {
        let attributes = with_defaults(&edge.attributes, keys, "edge");
        if let Some((source, target)) = &edge.ends {
            builder.add_relation(
                edge.id.as_deref(),
                source,
                target,
                edge.directed.unwrap_or(edge_default_directed),
                &attributes,
            );
        }
    }
    builder.finish()
}

fn read_key(
    reader: &mut XmlReader<'_>,
    attributes: &[(String, String)],
    offset: usize,
    empty: bool,
) -> Result<(String, Key), Diagnostic> {
    let Some(id) = attribute(attributes, "id") else {
        return Err(reader.error_at(offset, "missing-field", "a <key> has no `id` attribute"));
    };
    let name = attribute(attributes, "attr.name")
        .map(str::to_owned)
        .or_else(|| attribute(attributes, "yfiles.type").map(|t| yed_name(t).to_owned()))
        .unwrap_or_else(|| id.to_owned());
    let domain = attribute(attributes, "for").unwrap_or("all").to_owned();
    let id = id.to_owned();
    let default = if empty { None } else { read_key_default(reader)? };
    Ok((id, Key { name, domain, default }))
}

fn read_edge(
    reader: &mut XmlReader<'_>,
    attributes: &[(String, String)],
    offset: usize,
    empty: bool,
    keys: &HashMap<String, Key>,
) -> Result<Element, Diagnostic> {
    let (Some(source), Some(target)) = (attribute(attributes, "source"), attribute(attributes, "target")) else {
        return Err(reader.error_at(offset, "missing-field", "an <edge> needs both `source` and `target`"));
    };
    let ends = Some((source.to_owned(), target.to_owned()));
    let id = attribute(attributes, "id").map(str::to_owned);
    let directed = attribute(attributes, "directed").map(|d| d == "true" || d == "1");
    let data = if empty { Vec::new() } else { read_data(reader, keys)? };
    Ok(Element {
        id,
        ends,
        directed,
        attributes: data,
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
            _ => {}
        }
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
            XmlEvent::Start { name, .. } if name == "default" => default = Some(reader.text_until_end()?),
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

/// The `<data>` children of the element just opened, named by their keys.
fn read_data(reader: &mut XmlReader<'_>, keys: &HashMap<String, Key>) -> Result<Attributes, Diagnostic> {
    let mut data = Vec::new();
    loop {
        match reader.next()? {
            XmlEvent::Start { name, attributes, .. } if name == "data" => {
                let key = attribute(&attributes, "key").unwrap_or_default().to_owned();
                let value = reader.text_until_end()?;
                let name = keys.get(&key).map_or(key, |k| k.name.clone());
                if !value.is_empty() {
                    data.push((name, value));
                }
            }
            XmlEvent::Start { .. } => {
                reader.text_until_end()?;
            }
            XmlEvent::End { .. } => return Ok(data),
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

fn with_defaults(attributes: &Attributes, keys: &HashMap<String, Key>, domain: &str) -> Attributes {
    let mut out = attributes.clone();
    for key in keys.values() {
        if let Some(default) = &key.default
            && (key.domain == domain || key.domain == "all")
            && !out.iter().any(|(k, _)| *k == key.name)
        {
            out.push((key.name.clone(), default.clone()));
        }
    }
    out
}

/// The dataset as GraphML, with Entente's fields as string-typed keys.
pub fn write_graphml(dataset: &Dataset) -> String {
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
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
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
