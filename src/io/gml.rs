//! GML as Gephi, networkx, igraph and Cytoscape write it: nested `key value` records in
//! `[ ]`, quoted strings, `graphics` blocks whose `x`, `y`, `w` and `fill` are the actor's look
//! (as GEXF's `viz:` elements are). The grammar is a dozen lines; what real files do beyond
//! it (edges listed twice, blocks nested deeper than the spec) is warned about, not refused.

use std::collections::HashMap;
use std::fmt::Write;

use super::attribute_values::{AttributePair, Attributes};
use super::attributes_out::{actor_attributes, graph_attributes, relation_attributes};
use super::graphml::apply_graph_data;
use super::import_builder::ImportBuilder;
use crate::model::{Appearance, Dataset, Diagnostic};

/// Deeper than any real file nests (graph › node › graphics › Line › point): a file nesting
/// further is refused rather than allowed to exhaust the stack.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Number(String),
    Text(String),
    List(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    key: String,
    value: Value,
    line: usize,
    column: usize,
}

impl Value {
    /// A scalar as text (numbers as written); `None` for a list.
    fn scalar(&self) -> Option<&str> {
        match self {
            Self::Number(n) | Self::Text(n) => Some(n),
            Self::List(_) => None,
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    column: usize,
    /// The line where the last text that ran over several lines began: when the file goes wrong
    /// after it, its closing quote is the likely culprit.
    multiline_text: Option<usize>,
}

impl<'a> Parser<'a> {
    fn error(&self, message: impl Into<String>, expected: &str) -> Diagnostic {
        let mut message = message.into();
        if let Some(line) = self.multiline_text {
            let _ = write!(
                message,
                "; the text opened on line {line} runs over several lines: is its closing \" missing?"
            );
        }
        Diagnostic::error("malformed-gml", message)
            .expected(expected.to_owned())
            .at_line_column(self.line, self.column)
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.at..).unwrap_or_default()
    }

    fn advance(&mut self, bytes: usize) {
        for c in self.rest().get(..bytes).unwrap_or_default().chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.at = (self.at + bytes).min(self.text.len());
    }

    /// Skips whitespace and `#` comments to the end of their line.
    fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.advance(rest.len() - trimmed.len());
            if trimmed.starts_with('#') {
                let line_end = trimmed.find('\n').unwrap_or(trimmed.len());
                self.advance(line_end);
            } else {
                return;
            }
        }
    }

    /// Entries up to `]` (inside a list) or the end of the file (at the top).
    fn entries(&mut self, depth: usize) -> Result<Vec<Entry>, Diagnostic> {
        if depth > MAX_DEPTH {
            return Err(self.error(
                format!("records are nested more than {MAX_DEPTH} deep"),
                "graph [ node [ … ] edge [ … ] ], nested a few levels",
            ));
        }
        let mut entries = Vec::new();
        loop {
            self.skip_blank();
            let rest = self.rest();
            if rest.is_empty() {
                return if depth == 0 {
                    Ok(entries)
                } else {
                    Err(self.error("the file ends inside a [ … ] record", "a ] closing it"))
                };
            }
            if rest.starts_with(']') {
                if depth == 0 {
                    return Err(self.error("a ] closes a record that was never opened", "a key"));
                }
                self.advance(1);
                return Ok(entries);
            }
            let key_len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if key_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                let found: String = rest.chars().take(12).collect();
                return Err(self.error(
                    format!("`{found}` is not a key"),
                    "a key such as node, edge, id or label",
                ));
            }
            let (line, column) = (self.line, self.column);
            let key = rest.get(..key_len).unwrap_or_default().to_owned();
            self.advance(key_len);
            self.skip_blank();
            let value = self.value(&key, depth)?;
            entries.push(Entry {
                key,
                value,
                line,
                column,
            });
        }
    }

    fn value(&mut self, key: &str, depth: usize) -> Result<Value, Diagnostic> {
        let rest = self.rest();
        if rest.starts_with('[') {
            self.advance(1);
            return Ok(Value::List(self.entries(depth + 1)?));
        }
        if let Some(quoted) = rest.strip_prefix('"') {
            let Some(end) = quoted.find('"') else {
                return Err(self.error(format!("the text of `{key}` is never closed"), "a closing \""));
            };
            let raw = quoted.get(..end).unwrap_or_default();
            if raw.contains('\n') {
                self.multiline_text = Some(self.line);
            }
            let text = decode_entities(raw);
            self.advance(end + 2);
            return Ok(Value::Text(text));
        }
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest.get(..len).unwrap_or_default().trim_end_matches(']');
        if word.is_empty() || word.parse::<f64>().is_err() {
            let found: String = rest.chars().take_while(|c| !c.is_whitespace()).take(24).collect();
            return Err(self.error(
                format!("`{key}` has `{found}` for a value: not a number, a text or a record"),
                "a number, a \"quoted text\" or a [ record ]",
            ));
        }
        let number = word.to_owned();
        self.advance(word.len());
        Ok(Value::Number(number))
    }
}

/// GML keeps `"` and `&` out of strings as HTML entities (`&quot;`, `&#34;`).
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at..).unwrap_or_default();
        let entity = after.find(';').and_then(|end| after.get(1..end).map(|e| (e, end)));
        let decoded = entity.and_then(|(name, end)| {
            let c = match name {
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = after.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

fn encode_entities(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;")
}

/// Reads a GML file: its first `graph` record.
pub fn read_gml(text: &str, title: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut parser = Parser {
        text,
        at: 0,
        line: 1,
        column: 1,
        multiline_text: None,
    };
    let top = parser.entries(0)?;
    let Some(graph) = top.iter().find_map(|e| match (e.key.as_str(), &e.value) {
        ("graph", Value::List(entries)) => Some(entries),
        _ => None,
    }) else {
        return Err(Diagnostic::error("malformed-gml", "the file has no graph [ … ] record")
            .expected("graph [ node [ id 1 label \"…\" ] edge [ source 1 target 2 ] ]")
            .at_line_column(1, 1));
    };
    let directed = graph
        .iter()
        .any(|e| e.key == "directed" && e.value.scalar().is_some_and(|v| v.trim() == "1"));
    let mut builder = ImportBuilder::new(title, "GML");
    let graph_data: Attributes = scalars(graph)
        .into_iter()
        // Gephi names the graph `label`, networkx `name`.
        .map(|(k, v)| {
            if k == "label" || k == "name" {
                ("title".to_owned(), v)
            } else {
                (k, v)
            }
        })
        .collect();
    apply_graph_data(&mut builder, &graph_data);
    let mut actor_of: HashMap<String, String> = HashMap::new();
    for entry in graph.iter().filter(|e| e.key == "node") {
        let Value::List(fields) = &entry.value else { continue };
        let attributes = scalars(fields);
        let Some(gml_id) = find(&attributes, "id").map(str::to_owned) else {
            builder.warn(
                Diagnostic::warning("gml-node-without-id", "a node has no id and is left out")
                    .expected("node [ id 1 … ]")
                    .at_line_column(entry.line, entry.column),
            );
            continue;
        };
        // An Entente export names its actors' own ids; other files' ids are numbers.
        let id = find(&attributes, "entente_id").unwrap_or(&gml_id).to_owned();
        let look = graphics_look(fields);
        let attributes: Attributes = attributes
            .into_iter()
            .filter(|(k, _)| k != "id" && k != "entente_id")
            .collect();
        if !builder.add_actor_drawn(&id, &attributes, look) {
            builder.warn(
                Diagnostic::warning(
                    "duplicate-node",
                    format!("node {gml_id} is declared twice; the first is kept"),
                )
                .at_line_column(entry.line, entry.column),
            );
        }
        actor_of.insert(gml_id, id);
    }
    read_edges(&mut builder, graph, &actor_of, directed);
    Ok(builder.finish())
}

/// Each `edge` record a relation between the actors its ends name; an edge listed again is one
/// relation, with a warning where it repeats.
fn read_edges(builder: &mut ImportBuilder, graph: &[Entry], actor_of: &HashMap<String, String>, directed: bool) {
    let mut seen: HashMap<(String, String, String), (usize, usize)> = HashMap::new();
    for entry in graph.iter().filter(|e| e.key == "edge") {
        let Value::List(fields) = &entry.value else { continue };
        let attributes = scalars(fields);
        let (Some(source), Some(target)) = (find(&attributes, "source"), find(&attributes, "target")) else {
            builder.warn(
                Diagnostic::warning(
                    "gml-edge-without-ends",
                    "an edge lacks its source or target and is left out",
                )
                .expected("edge [ source 1 target 2 ]")
                .at_line_column(entry.line, entry.column),
            );
            continue;
        };
        let from = actor_of.get(source).cloned().unwrap_or_else(|| source.to_owned());
        let to = actor_of.get(target).cloned().unwrap_or_else(|| target.to_owned());
        let label = find(&attributes, "label").unwrap_or_default().to_owned();
        if let Some((line, _)) = seen.get(&(from.clone(), to.clone(), label.clone())) {
            builder.warn(
                Diagnostic::warning(
                    "duplicate-edge",
                    format!(
                        "the edge {source} → {target} is listed again (first on line {line}); the two are one relation"
                    ),
                )
                .at_line_column(entry.line, entry.column),
            );
        }
        seen.insert((from.clone(), to.clone(), label), (entry.line, entry.column));
        let id = find(&attributes, "entente_id").map(str::to_owned);
        let attributes: Attributes = attributes
            .into_iter()
            .filter(|(k, _)| !matches!(k.as_str(), "source" | "target" | "id" | "entente_id"))
            .collect();
        builder.add_relation(id.as_deref(), &from, &to, directed, &attributes);
    }
}

/// A record's scalar fields as attributes (its nested records left to their readers).
fn scalars(entries: &[Entry]) -> Attributes {
    entries
        .iter()
        .filter_map(|e| Some((e.key.clone(), e.value.scalar()?.to_owned())))
        .collect()
}

fn find<'a>(attributes: &'a Attributes, name: &str) -> Option<&'a str> {
    attributes.iter().find(|p| p.name() == name).map(|p| p.value())
}

/// A node's `graphics [ x y w h fill ]` as its look (Gephi writes `fill "#rrggbb"`).
fn graphics_look(fields: &[Entry]) -> Appearance {
    let mut look = Appearance::default();
    let Some(Value::List(graphics)) = fields.iter().find(|e| e.key == "graphics").map(|e| &e.value) else {
        return look;
    };
    let number = |name: &str| {
        graphics
            .iter()
            .find(|e| e.key == name)
            .and_then(|e| e.value.scalar()?.parse::<f32>().ok())
            .filter(|v| v.is_finite())
    };
    look.x = number("x");
    look.y = number("y");
    look.size = number("w").or_else(|| number("h")).filter(|s| *s > 0.0);
    look.colour = graphics
        .iter()
        .find(|e| e.key == "fill")
        .and_then(|e| e.value.scalar())
        .filter(|c| {
            c.len() == 7
                && c.strip_prefix('#')
                    .is_some_and(|h| h.chars().all(|h| h.is_ascii_hexdigit()))
        })
        .map(str::to_ascii_lowercase);
    look
}

/// The dataset as GML: numbered nodes labelled with names (as networkx and Gephi expect),
/// every Entente field as a string attribute, positions and colours in `graphics`.
pub fn write_gml(dataset: &Dataset) -> String {
    let mut out = String::from("graph [\n  directed 1\n");
    for (name, value) in graph_attributes(dataset) {
        let key = if name == "title" {
            "label".to_owned()
        } else {
            key_of(&name)
        };
        let _ = writeln!(out, "  {key} \"{}\"", encode_entities(&value));
    }
    let number_of: HashMap<&str, usize> = dataset
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    for (i, actor) in dataset.actors.iter().enumerate() {
        let _ = writeln!(
            out,
            "  node [\n    id {i}\n    label \"{}\"",
            encode_entities(&actor.name)
        );
        let _ = writeln!(out, "    entente_id \"{}\"", encode_entities(&actor.id));
        for (name, value) in actor_attributes(actor) {
            if !matches!(name.as_str(), "name" | "x" | "y" | "size" | "colour") {
                let _ = writeln!(out, "    {} \"{}\"", key_of(&name), encode_entities(&value));
            }
        }
        let look = &actor.appearance;
        if look.position().is_some() || look.colour.is_some() || look.size.is_some() {
            out.push_str("    graphics [\n");
            if let Some((x, y)) = look.position() {
                let _ = writeln!(out, "      x {x}\n      y {y}");
            }
            if let Some(size) = look.size {
                let _ = writeln!(out, "      w {size}\n      h {size}");
            }
            if let Some(colour) = &look.colour {
                let _ = writeln!(out, "      fill \"{}\"", encode_entities(colour));
            }
            out.push_str("    ]\n");
        }
        out.push_str("  ]\n");
    }
    for relation in &dataset.relations {
        let (Some(source), Some(target)) = (
            number_of.get(relation.from.as_str()),
            number_of.get(relation.to.as_str()),
        ) else {
            continue;
        };
        let _ = writeln!(out, "  edge [\n    source {source}\n    target {target}");
        let _ = writeln!(out, "    entente_id \"{}\"", encode_entities(&relation.id));
        for (name, value) in relation_attributes(relation) {
            let _ = writeln!(out, "    {} \"{}\"", key_of(&name), encode_entities(&value));
        }
        out.push_str("  ]\n");
    }
    out.push_str("]\n");
    out
}

/// GML keys are letters, digits and `_`, starting with a letter.
fn key_of(name: &str) -> String {
    let mut key: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        key.insert(0, 'a');
    }
    key
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn a_nesting_bomb_and_an_unclosed_string_are_refused_where_they_are() {
        let bomb = format!("graph {}", "[ a ".repeat(100_000));
        let err = read_gml(&bomb, "t")
            .err()
            .unwrap_or_else(|| Diagnostic::error("x", "not refused"));
        assert_eq!(err.code, "malformed-gml");
        let err = read_gml("graph [\n  node [ id 1 label \"open ]", "t")
            .err()
            .unwrap_or_else(|| Diagnostic::error("x", "not refused"));
        assert_eq!(
            (err.line, err.column),
            (Some(2), Some(21)),
            "at the opening quote: {err}"
        );
    }

    #[test]
    fn entities_are_decoded_and_unknown_ones_kept() {
        assert_eq!(
            decode_entities("&quot;a&quot; &amp; &#233;&#x263A; &nope;"),
            "\"a\" & é☺ &nope;"
        );
    }
}
