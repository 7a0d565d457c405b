//! Pajek `.net` files: `*Vertices n` (number, "label", optional x y z), then `*Arcs` (one
//! way), `*Edges` (mutual), `*Arcslist`/`*Edgeslist` (a vertex, then everyone it links to); a
//! line's third number is its weight, `l "…"` its label, which Entente reads as the kind.

use std::collections::HashMap;
use std::fmt::Write;

use super::attribute_values::Attributes;
use super::import_builder::ImportBuilder;
use crate::model::{Appearance, Dataset, Diagnostic, Direction};

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Vertices,
    Arcs,
    Edges,
    ArcsList,
    EdgesList,
}

/// The fields of a line: words, and quoted labels kept whole.
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            out.push(quoted.get(..end).unwrap_or_default().to_owned());
            rest = quoted.get(end + 1..).unwrap_or_default().trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push(rest.get(..end).unwrap_or_default().to_owned());
            rest = rest.get(end..).unwrap_or_default().trim_start();
        }
    }
    out
}

pub fn read_pajek(text: &str, title: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut builder = ImportBuilder::new(title, "Pajek");
    let mut section = Section::None;
    let mut seen_vertices = false;
    let mut labels: HashMap<String, String> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line_number = n + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('%') {
            continue;
        }
        if let Some(heading) = trimmed.strip_prefix('*') {
            let word = heading
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            section = match word.as_str() {
                "vertices" => Section::Vertices,
                "arcs" => Section::Arcs,
                "edges" => Section::Edges,
                "arcslist" => Section::ArcsList,
                "edgeslist" => Section::EdgesList,
                _ => {
                    builder.warn(
                        Diagnostic::warning("pajek-section-skipped", format!("the section *{word} is not read"))
                            .at_line_column(line_number, 1),
                    );
                    Section::None
                }
            };
            seen_vertices |= section == Section::Vertices;
            continue;
        }
        let parts = fields(trimmed);
        let (Some(first), rest) = (parts.first(), parts.get(1..).unwrap_or_default()) else {
            continue;
        };
        let vertex = |v: &str| labels.get(v).cloned().unwrap_or_else(|| v.to_owned());
        match section {
            Section::Vertices => {
                let name = rest.first().cloned().unwrap_or_else(|| first.clone());
                let number = |i: usize| {
                    rest.get(i)
                        .and_then(|v| v.parse::<f32>().ok())
                        .filter(|v| v.is_finite())
                };
                let look = Appearance {
                    x: number(1),
                    y: number(2),
                    ..Appearance::default()
                };
                let attributes: Attributes = vec![("label".to_owned(), name)];
                let id = format!("v{first}");
                builder.add_actor_drawn(&id, &attributes, look);
                labels.insert(first.clone(), id);
            }
            Section::Arcs | Section::Edges => {
                let Some(second) = rest.first() else {
                    builder.warn(
                        Diagnostic::warning("pajek-line-skipped", "a line names one vertex, not two")
                            .expected("from to [weight]")
                            .at_line_column(line_number, 1),
                    );
                    continue;
                };
                let mut attributes: Attributes = Vec::new();
                if let Some(weight) = rest.get(1).filter(|w| w.parse::<f64>().is_ok()) {
                    attributes.push(("weight".to_owned(), weight.clone()));
                }
                if let Some(at) = rest.iter().position(|f| f == "l") {
                    attributes.extend(rest.get(at + 1).map(|l| ("kind".to_owned(), l.clone())));
                }
                let directed = section == Section::Arcs;
                // Each line is a link of its own: a pair listed twice (two treaties years apart,
                // whose periods Pajek cannot hold) stays two relations.
                let id = format!("r{}", builder.relation_count() + 1);
                builder.add_relation(Some(&id), &vertex(first), &vertex(second), directed, &attributes);
            }
            Section::ArcsList | Section::EdgesList => {
                let directed = section == Section::ArcsList;
                for other in rest {
                    builder.add_relation(None, &vertex(first), &vertex(other), directed, &[] as &[(&str, &str)]);
                }
            }
            Section::None => {}
        }
    }
    if !seen_vertices {
        return Err(
            Diagnostic::error("malformed-pajek", "the file has no *Vertices section")
                .expected("*Vertices n, then one line per vertex: number \"label\" [x y]")
                .at_line_column(1, 1),
        );
    }
    Ok(builder.finish())
}

/// The dataset as Pajek: names as labels, positions as coordinates, one-way relations as
/// arcs and mutual ones as edges, each labelled with its kind.
pub fn write_pajek(dataset: &Dataset) -> String {
    let mut out = format!("*Vertices {}\n", dataset.actors.len());
    let number_of: HashMap<&str, usize> = dataset
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i + 1))
        .collect();
    for (i, actor) in dataset.actors.iter().enumerate() {
        let _ = write!(out, "{} \"{}\"", i + 1, actor.name.replace('"', "'"));
        if let Some((x, y)) = actor.appearance.position() {
            let _ = write!(out, " {x} {y} 0");
        }
        out.push('\n');
    }
    for (heading, direction) in [("*Arcs", Direction::Directed), ("*Edges", Direction::Mutual)] {
        out.push_str(heading);
        out.push('\n');
        for relation in dataset.relations.iter().filter(|r| r.direction == direction) {
            let (Some(from), Some(to)) = (
                number_of.get(relation.from.as_str()),
                number_of.get(relation.to.as_str()),
            ) else {
                continue;
            };
            let _ = writeln!(out, "{from} {to} 1 l \"{}\"", relation.kind.replace('"', "'"));
        }
    }
    out
}
