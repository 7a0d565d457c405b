//! CSV edge lists as analysts keep them in spreadsheets: one row per link, or per quote.
//! Header names are matched in any case. With a `from` column, `source` names the evidence
//! source; without one, `source`/`target` are the ends (as Gephi writes them).

use std::path::Path;

use super::attribute_values::Attributes;
use super::import_builder::ImportBuilder;
use crate::model::{Dataset, Diagnostic};

pub fn read_csv(text: &str, title: &str, actors_text: Option<&str>) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let (mut reader, headers) = open_table(text, "the header row")?;
    let column = |names: &[&str]| names.iter().find_map(|n| headers.iter().position(|h| h == n));
    let (from_column, to_column, source_is_end) = match (column(&["from"]), column(&["to"])) {
        (Some(from), Some(to)) => (from, to, false),
        _ => match (column(&["source"]), column(&["target"])) {
            (Some(from), Some(to)) => (from, to, true),
            _ => {
                return Err(Diagnostic::error(
                    "missing-column",
                    format!("the header row ({}) has no `from` and `to` columns", headers.join(", ")),
                )
                .expected("an edge list with columns from,to (or source,target), and optionally kind, quote, source, url, date")
                .at_line_column(1, 1));
            }
        },
    };

    let mut builder = ImportBuilder::new(title, "CSV");
    let mut linked_rows = 0usize;
    if let Some(actors_text) = actors_text {
        read_actor_list(actors_text, &mut builder)?;
    }
    for (row_index, record) in reader.records().enumerate() {
        let record = record.map_err(|err| csv_error(&err, "a row cannot be read"))?;
        let line = record.position().map_or(row_index + 2, |p| p.line() as usize);
        let cell = |i: usize| record.get(i).unwrap_or_default();
        let (from, to) = (cell(from_column), cell(to_column));
        if from.is_empty() || to.is_empty() {
            builder.warn(
                Diagnostic::warning(
                    "missing-end",
                    format!("row {line} has no `from` or no `to`; it is skipped"),
                )
                .at_line_column(line, 1),
            );
            continue;
        }
        let attributes: Attributes = headers
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != from_column && i != to_column)
            .filter(|&(i, _)| !(source_is_end && i == from_column))
            // An edge's own id in another tool names nothing in Entente.
            .filter(|&(_, name)| name != "id")
            .map(|(i, name)| (name.clone(), cell(i).to_owned()))
            .filter(|(_, value)| !value.is_empty())
            .collect();
        let directed = !matches!(column(&["direction", "directed"]).map(|i| cell(i).to_lowercase()), Some(d) if d == "mutual" || d == "undirected" || d == "false");
        builder.add_relation(None, from, to, directed, &attributes);
        linked_rows += 1;
    }
    if linked_rows == 0 {
        // Nothing usable: say why, rather than open an empty graph.
        let first_problem = builder.diagnostics.first().cloned();
        return Err(first_problem.map_or_else(
            || Diagnostic::error("empty", "the file has a header row but no rows of links").at_line_column(2, 1),
            |problem| Diagnostic {
                severity: crate::model::Severity::Error,
                ..problem
            },
        ));
    }
    Ok(builder.finish())
}

/// The actor list that may sit beside an edge list: `edges.csv` → `edges.actors.csv`, or the
/// nodes file of a bulk-load pair (`air-routes-edges.csv` → `air-routes-nodes.csv`, as
/// Neptune's loader takes them; `_edges`/`_relationships` → `_nodes`, as Neo4j's import does).
pub fn actor_list_path(edges: &Path) -> Option<std::path::PathBuf> {
    let stem = edges.file_stem()?.to_string_lossy().into_owned();
    let mut candidates = vec![format!("{stem}.actors.csv")];
    for (edges_part, nodes_part) in [
        ("-edges", "-nodes"),
        ("_edges", "_nodes"),
        ("-relationships", "-nodes"),
        ("_relationships", "_nodes"),
    ] {
        if let Some(base) = stem.strip_suffix(edges_part) {
            candidates.push(format!("{base}{nodes_part}.csv"));
        }
    }
    candidates
        .into_iter()
        .map(|name| edges.with_file_name(name))
        .find(|candidate| candidate.is_file())
}

/// Actors with columns id, name, kind, aliases (separated by `;`), description, start, end.
fn read_actor_list(text: &str, builder: &mut ImportBuilder) -> Result<(), Diagnostic> {
    let (mut reader, headers) = open_table(text, "the actor list's header row")?;
    let Some(id_column) = headers.iter().position(|h| h == "id") else {
        return Err(Diagnostic::error("missing-column", "the actor list has no `id` column")
            .expected("columns id, name, kind, aliases, description")
            .at_line_column(1, 1));
    };
    for record in reader.records() {
        let record = record.map_err(|err| csv_error(&err, "a row of the actor list cannot be read"))?;
        let Some(id) = record.get(id_column).filter(|id| !id.is_empty()) else {
            continue;
        };
        let attributes: Attributes = headers
            .iter()
            .zip(record.iter())
            .filter(|(name, value)| *name != "id" && !value.is_empty())
            .map(|(name, value)| (name.clone(), value.to_owned()))
            .collect();
        builder.add_actor(id, &attributes);
    }
    Ok(())
}

/// A CSV reader over `text` and its header names in lower case.
fn open_table<'a>(text: &'a str, what: &str) -> Result<(csv::Reader<&'a [u8]>, Vec<String>), Diagnostic> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|err| csv_error(&err, &format!("{what} cannot be read")))?
        .iter()
        .map(|h| conventional_name(&h.trim().to_lowercase()))
        .collect();
    Ok((reader, headers))
}

/// A column name as Entente reads it, from the conventions graph tools export with:
/// TinkerPop/Neptune (`~id ~from ~to ~label`, `name:String`), Neo4j (`:ID`, `:START_ID(Person)`,
/// `:END_ID`, `:TYPE`, `:LABEL`), event data (`actor1`, `actor2`) and arms registers
/// (`supplier`, `recipient`).
fn conventional_name(header: &str) -> String {
    let name = match header {
        "~id" => "id",
        "~from" | "actor1" | "supplier" => "from",
        "~to" | "actor2" | "recipient" => "to",
        "~label" => "kind",
        // Neo4j: `personId:ID(Actor)`, `:START_ID(Actor)`, `:TYPE`; Neptune: `name:String`.
        h => match h.split_once(':') {
            Some((_, role)) if role.starts_with("id") => "id",
            Some((_, role)) if role.starts_with("start_id") => "from",
            Some((_, role)) if role.starts_with("end_id") => "to",
            Some((_, "type" | "label")) => "kind",
            Some((name, _)) if !name.is_empty() => name,
            _ => h,
        },
    };
    name.to_owned()
}

fn csv_error(err: &csv::Error, what: &str) -> Diagnostic {
    let diagnostic = Diagnostic::error("malformed-csv", format!("{what}: {err}"));
    match err.position() {
        Some(position) => diagnostic.at_line_column(position.line() as usize, 1),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;

    #[test]
    fn reads_an_edge_list_with_evidence_columns() {
        let text = "From,To,Kind,Quote,Source,URL,Date,Weight\n\
                    North Korea,Russia,arms supply,\"Shells, and more shells\",Newsweek,https://example.org/a,2024-11,5\n\
                    North Korea,Russia,arms supply,Second account,Reuters,,2024,\n\
                    Russia,North Korea,treaty,,,,,\n";
        let (d, diagnostics) = read_csv(text, "t", None).unwrap_or_else(|e| panic!("{e}"));
        assert!(diagnostics.is_empty());
        assert_eq!(d.actors.len(), 2);
        assert_eq!(d.relations.len(), 2, "rows about the same link merge");
        let arms = &d.relations[0];
        assert_eq!((arms.kind.as_str(), arms.evidence.len()), ("arms_supply", 2));
        assert_eq!(arms.evidence[0].quote, "Shells, and more shells");
        assert_eq!(arms.evidence[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!(arms.evidence[0].date.map(|d| d.to_string()), Some("2024-11".into()));
        assert_eq!(
            d.source(&arms.evidence[1].source).map(|s| s.title.as_str()),
            Some("Reuters")
        );
        assert_eq!(d.relations[1].kind, "treaty");
        assert_eq!(d.relations[1].direction, Direction::Directed);
    }

    #[test]
    fn gephi_style_source_and_target_are_the_ends() {
        let (d, _) = read_csv("Source,Target,Type\na,b,Undirected\n", "t", None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((d.relations[0].from.as_str(), d.relations[0].to.as_str()), ("a", "b"));
    }

    #[test]
    fn a_file_without_ends_is_refused_with_the_columns_it_has() {
        let err = read_csv("name,age\nx,3\n", "t", None)
            .err()
            .unwrap_or_else(|| panic!("must fail"));
        assert_eq!(err.code, "missing-column");
        assert!(err.message.contains("name, age"));
    }

    #[test]
    fn an_actor_list_names_and_kinds_the_actors() {
        let actors = "id,name,kind,aliases\nnk,North Korea,state,DPRK;Pyongyang\nh,Hamas,armed group,\n";
        let (d, _) = read_csv("from,to\nnk,h\n", "t", Some(actors)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.actors[0].name, "North Korea");
        assert_eq!(d.actors[0].aliases, ["DPRK", "Pyongyang"]);
        assert_eq!(d.actors[1].kind, crate::model::ActorKind::NonStateArmedGroup);
    }
}
