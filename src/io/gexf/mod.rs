//! GEXF 1.2 and 1.3 (Gephi): nodes, edges, labels, attributes, direction, positions and
//! colours, and dynamic `start`/`end` and spells as periods.

mod write;

pub use write::write_gexf;

use std::collections::HashMap;

use crate::io::attribute_values::{Attributes, loose_date};
use crate::io::graphml::apply_graph_data;
use crate::io::import_builder::ImportBuilder;
use crate::io::xml_reader::{XmlAttributes, XmlEvent, XmlReader, attribute};
use crate::io::{ImportMapping, MappingProposal};
use crate::model::{
    Appearance, Caveat, Dataset, Diagnostic, LineAppearance, NodeShape, PartialDate, Period, hex_colour,
};

#[derive(Default)]
struct Element {
    id: Option<String>,
    ends: Option<(String, String)>,
    edge_type: Option<String>,
    attributes: Attributes,
    /// Gephi's `viz:` elements: position, colour, size and shape (thickness for an edge).
    look: Appearance,
    thickness: Option<f32>,
    /// When the element is present: its own `start`/`end`, each `<spell>`, and those of each
    /// further declaration of it (a dynamic file declares a node once per spell).
    spells: Vec<Period>,
    /// Dates the file gives that Entente cannot read: (which end, as written).
    unreadable_dates: Vec<(&'static str, String)>,
}

impl Element {
    fn add_span(&mut self, start: Option<&str>, end: Option<&str>) {
        let mut read = |which: &'static str, text: Option<&str>| {
            let text = text?.trim();
            let date = loose_date(text);
            if date.is_none() && !text.is_empty() {
                self.unreadable_dates.push((which, text.to_owned()));
            }
            date
        };
        let spell = Period {
            start: read("start", start),
            end: read("end", end),
        };
        if !self.spells.contains(&spell) {
            self.spells.push(spell);
        }
    }

    /// Another declaration of the same node or edge: one more spell of it.
    fn absorb(&mut self, mut again: Element) {
        for spell in again.spells {
            if !self.spells.contains(&spell) {
                self.spells.push(spell);
            }
        }
        self.unreadable_dates.append(&mut again.unreadable_dates);
    }

    /// From the earliest start to the latest end; an open end on any spell leaves it open.
    fn hull(&self) -> Period {
        let starts: Option<Vec<PartialDate>> = self.spells.iter().map(|s| s.start).collect();
        let ends: Option<Vec<PartialDate>> = self.spells.iter().map(|s| s.end).collect();
        Period {
            start: starts.and_then(|s| s.into_iter().min_by_key(|d| d.earliest())),
            end: ends.and_then(|e| e.into_iter().max_by_key(|d| d.latest())),
        }
    }

    /// The spells worth keeping apart from the period: two or more.
    fn separate_spells(&self) -> Vec<Period> {
        if self.spells.len() > 1 {
            let mut spells = self.spells.clone();
            spells.sort_by_key(|s| s.start.map(PartialDate::earliest));
            spells
        } else {
            Vec::new()
        }
    }

    /// The element's period as attributes the shared import rules read.
    fn period_attributes(&self) -> Attributes {
        let hull = self.hull();
        let mut out = Vec::new();
        if let Some(start) = hull.start {
            out.push(("start".to_owned(), start.to_string()));
        }
        if let Some(end) = hull.end {
            out.push(("end".to_owned(), end.to_string()));
        }
        out
    }
}

/// Declarations of one node (or one edge with an id) made one element, in the order of first
/// declaration; a declaration that adds no spell is a true duplicate, reported.
fn one_per_id(elements: Vec<Element>, duplicates: &mut Vec<String>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elements.len());
    let mut at: HashMap<String, usize> = HashMap::new();
    for element in elements {
        let Some(id) = element.id.clone() else {
            out.push(element);
            continue;
        };
        match at.get(&id).and_then(|&i| out.get_mut(i)) {
            Some(first) => {
                let adds_a_spell = element.spells.iter().any(|s| !first.spells.contains(s));
                if !adds_a_spell {
                    duplicates.push(id);
                }
                first.absorb(element);
            }
            None => {
                at.insert(id, out.len());
                out.push(element);
            }
        }
    }
    out
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
    let mut warnings: Vec<Diagnostic> = Vec::new();

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
            "node" | "edge" => {
                let element = open_element(&name, &attributes);
                if element.id.is_none() && name == "node" || element.ends.is_none() && name == "edge" {
                    warnings.push(reader.skipped_element(offset, &name));
                }
                current = Some((name == "node", element));
            }
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

    let (dataset, mut diagnostics, proposal) = finish(title, nodes, edges, &graph_data, default_directed, mapping);
    warnings.append(&mut diagnostics);
    Ok((dataset, warnings, proposal))
}

/// Proposes how to read the attributes, and builds the dataset with `mapping` or the proposal.
fn finish(
    title: &str,
    nodes: Vec<Element>,
    edges: Vec<Element>,
    graph_data: &Attributes,
    default_directed: bool,
    mapping: Option<&ImportMapping>,
) -> (Dataset, Vec<Diagnostic>, MappingProposal) {
    let mut duplicate_nodes = Vec::new();
    let mut nodes = one_per_id(nodes, &mut duplicate_nodes);
    let mut duplicate_edges = Vec::new();
    let mut edges = one_per_id(edges, &mut duplicate_edges);
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
    for id in duplicate_nodes {
        let name = builder.actor_name(&id);
        builder.warn(Diagnostic::warning(
            "duplicate-id",
            format!("actor {name} is declared twice in the file; the first is kept"),
        ));
    }
    for id in duplicate_edges {
        builder.warn(Diagnostic::warning(
            "duplicate-id",
            format!("edge `{id}` is declared twice in the file with the same dates; the first is kept"),
        ));
    }
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
    builder.reserve_relations(edges.len());
    for node in nodes {
        if let Some(id) = &node.id {
            if id == META_NODE {
                apply_graph_data(builder, &node.attributes);
                continue;
            }
            if builder.add_actor_drawn(id, &node.attributes, node.look.clone())
                && let Some(actor) = builder.dataset_mut().actors.last_mut()
            {
                actor.spells = node.separate_spells();
            }
            let owner = format!("actor {}", builder.actor_name(id));
            for problem in unreadable_dates(&node, &owner) {
                builder.warn(problem);
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
            let before = builder.dataset_mut().relations.len();
            builder.add_relation(edge.id.as_deref(), source, target, directed, &edge.attributes);
            builder.draw_last_relation(LineAppearance {
                colour: edge.look.colour.clone(),
                thickness: edge.thickness,
            });
            let owner = format!(
                "relation “{} → {}”",
                builder.actor_label(source),
                builder.actor_label(target)
            );
            let problems = unreadable_dates(&edge, &owner);
            if builder.dataset_mut().relations.len() > before
                && let Some(relation) = builder.dataset_mut().relations.last_mut()
            {
                relation.spells = edge.separate_spells();
                relation
                    .caveats
                    .extend(problems.iter().map(|p| Caveat::new(p.code, p.message.clone())));
            }
            for problem in problems {
                builder.warn(problem);
            }
        }
    }
}

/// A warning for each date the element gives that Entente cannot read: the record opens
/// without it.
fn unreadable_dates(element: &Element, owner: &str) -> Vec<Diagnostic> {
    element
        .unreadable_dates
        .iter()
        .map(|(which, text)| {
            Diagnostic::warning(
                "bad-cell",
                format!("{owner}: the {which} `{text}` is not a date; it is left out"),
            )
        })
        .collect()
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
fn open_element(name: &str, attributes: &XmlAttributes<'_>) -> Element {
    let is_node = name == "node";
    let mut element = Element {
        id: attribute(attributes, "id").map(str::to_owned),
        ..Default::default()
    };
    if !is_node {
        // An edge without both ends is one bad record, not a bad file: read_gexf skips it.
        element.ends = attribute(attributes, "source")
            .zip(attribute(attributes, "target"))
            .map(|(source, target)| (source.to_owned(), target.to_owned()));
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
    element
}

/// GEXF has no attributes on the graph itself, so Entente's export carries the dataset's
/// title, sources and kinds on one node with this id, which its reader takes back out.
const META_NODE: &str = "__entente_dataset__";
