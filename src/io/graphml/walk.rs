//! The walk through a GraphML file's elements: its keys, nodes, edges and graph data, as
//! views of the file's text. A big file's second half is walked on the other core.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::element::{Element, Key, read_element, read_key};
use crate::io::attribute_values::Attributes;
use crate::io::xml_reader::{XmlEvent, XmlReader, attribute};
use crate::model::Diagnostic;

/// Below this a file is walked in one piece: a second thread would cost more than it saves.
const SPLIT_FROM_BYTES: usize = 4 << 20;

/// Everything a GraphML file held, as read.
#[derive(Default)]
pub(super) struct Walked<'a> {
    pub keys: HashMap<String, Key>,
    pub nodes: Vec<Element<'a>>,
    pub edges: Vec<Element<'a>>,
    pub graph_data: Attributes,
    pub edge_default_directed: bool,
    pub warnings: Vec<Diagnostic>,
    seen_root: bool,
    graph_depth: usize,
    /// Graphs opened at the top, so a split can tell it is still in the graph it began in.
    graphs_opened: usize,
    /// Where the root and the graph began, for a resumed reader to know what it is inside.
    graph_offsets: Vec<usize>,
    /// A `<key>` after a graph began, which the other half of a split walk would not know.
    key_after_graph: bool,
    /// Where the second half began, when the file was walked in two.
    pub split_at: Option<usize>,
}

/// Walks the whole file; past a few megabytes, the two halves at once.
pub(super) fn walk(text: &str) -> Result<Walked<'_>, Diagnostic> {
    walk_splitting_from(text, SPLIT_FROM_BYTES)
}

/// `walk`, splitting files of `split_from` bytes or more.
fn walk_splitting_from(text: &str, split_from: usize) -> Result<Walked<'_>, Diagnostic> {
    let mut reader = XmlReader::new(text);
    let mut walked = Walked {
        edge_default_directed: true,
        ..Walked::default()
    };
    // The keys come before the graph; both halves need them.
    while walked.graph_depth == 0 {
        if !step(&mut reader, &mut walked)? {
            return finished(walked);
        }
    }
    let split = split_point(text, reader.position(), split_from);
    // Only a graph right inside the root: the second half is told of those two alone.
    let (Some(split), [root, graph], 2) = (split, walked.graph_offsets.as_slice(), reader.depth()) else {
        return walk_rest(reader, walked);
    };
    let enclosing = vec![reader.name_written_at(*root), reader.name_written_at(*graph)];
    let second = Walked {
        keys: walked.keys.clone(),
        edge_default_directed: walked.edge_default_directed,
        seen_root: true,
        graph_depth: walked.graph_depth,
        graphs_opened: walked.graphs_opened,
        ..Walked::default()
    };
    let depth = reader.depth();
    let graphs_opened = walked.graphs_opened;
    std::thread::scope(|scope| {
        let second_half = scope.spawn(move || walk_rest(XmlReader::resumed(text, split, enclosing), second));
        while reader.position() < split {
            if !step(&mut reader, &mut walked)? {
                break;
            }
        }
        let landed = reader.position() == split
            && reader.depth() == depth
            && walked.graphs_opened == graphs_opened
            && walked.graph_depth == 1;
        match second_half.join() {
            // The first half ended where the second began, inside the same graph: one file.
            Ok(Ok(second)) if landed && !walked.key_after_graph && !second.key_after_graph => {
                Ok(joined(walked, second, split))
            }
            Ok(Err(error)) if landed => Err(error),
            // The split fell inside something (a comment, a nested graph): read on in one piece.
            _ => walk_rest(reader, walked),
        }
    })
}

/// Where to start the second half: an `<edge` or `<node` tag past the middle of the file.
/// The first half's walk checks it lands there as on an element of the top graph.
fn split_point(text: &str, from: usize, split_from: usize) -> Option<usize> {
    if text.len() < split_from {
        return None;
    }
    let middle = (from.max(text.len() / 2)..text.len()).find(|&at| text.is_char_boundary(at))?;
    let rest = text.get(middle..)?;
    ["<edge", "<node"]
        .iter()
        .filter_map(|tag| {
            rest.match_indices(tag)
                .find(|(at, _)| {
                    rest.as_bytes()
                        .get(at + tag.len())
                        .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
                })
                .map(|(at, _)| middle + at)
        })
        .min()
}

fn walk_rest<'a>(mut reader: XmlReader<'a>, mut walked: Walked<'a>) -> Result<Walked<'a>, Diagnostic> {
    while step(&mut reader, &mut walked)? {}
    finished(walked)
}

fn finished(walked: Walked<'_>) -> Result<Walked<'_>, Diagnostic> {
    if walked.seen_root {
        Ok(walked)
    } else {
        Err(Diagnostic::error("wrong-format", "the file holds no XML elements").at_line_column(1, 1))
    }
}

fn joined<'a>(mut first: Walked<'a>, mut second: Walked<'a>, split: usize) -> Walked<'a> {
    first.split_at = Some(split);
    first.nodes.append(&mut second.nodes);
    first.edges.append(&mut second.edges);
    first.graph_data.append(&mut second.graph_data);
    first.warnings.append(&mut second.warnings);
    // The second half began with the first's; a graph opened in it would have changed it.
    first.edge_default_directed = second.edge_default_directed;
    first
}

/// Reads one element at the file's top levels (with all inside it); `false` at the end.
fn step<'a>(reader: &mut XmlReader<'a>, walked: &mut Walked<'a>) -> Result<bool, Diagnostic> {
    let (name, attributes, offset, empty) = match reader.next()? {
        XmlEvent::Start {
            name,
            attributes,
            offset,
            empty,
        } => (name, attributes, offset, empty),
        XmlEvent::End { name } if name == "graph" => {
            walked.graph_depth = walked.graph_depth.saturating_sub(1);
            return Ok(true);
        }
        XmlEvent::Eof => return Ok(false),
        XmlEvent::End { .. } | XmlEvent::Text(_) => return Ok(true),
    };
    if !walked.seen_root {
        if name != "graphml" {
            return Err(reader.error_at(
                offset,
                "wrong-format",
                format!("this is not a GraphML file: it starts with <{name}>, not <graphml>"),
            ));
        }
        walked.seen_root = true;
        walked.graph_offsets.push(offset);
        return Ok(true);
    }
    match name.as_ref() {
        "key" => {
            let (id, key) = read_key(reader, &attributes, offset, empty)?;
            walked.key_after_graph |= walked.graphs_opened > 0;
            walked.keys.insert(id, key);
        }
        "graph" => {
            walked.graph_depth += 1;
            if walked.graph_depth == 1 {
                walked.graphs_opened += 1;
                walked.graph_offsets.truncate(1);
                walked.graph_offsets.push(offset);
                walked.edge_default_directed = attribute(&attributes, "edgedefault") != Some("undirected");
            }
        }
        "node" | "edge" => {
            let is_node = name == "node";
            let element = read_element(reader, attributes, is_node, empty, &walked.keys)?;
            if is_node && element.id.is_none() || !is_node && element.ends.is_none() {
                walked.warnings.push(reader.skipped_element(offset, &name));
            } else if is_node {
                walked.nodes.push(element);
            } else {
                walked.edges.push(element);
            }
        }
        "data" => {
            let key = attribute(&attributes, "key").unwrap_or_default();
            let value = if empty {
                Cow::Borrowed("")
            } else {
                reader.text_until_end()?
            };
            let name = walked
                .keys
                .get(key)
                .map_or_else(|| key.to_owned(), |k| k.name.to_string());
            walked.graph_data.push((name, value.into_owned()));
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
    Ok(true)
}

#[cfg(test)]
mod tests;
