//! A table file opened as a dataset: its relations table, the actors table beside it (a file,
//! or a workbook's sheet), the mapping to read them with, and what the mapping step shows.

use std::path::{Path, PathBuf};

use super::column_mapping::{ColumnMapping, normalise};
use super::import::WORKBOOK;
use super::parquet_table::parquet_whole_table;
use super::role::Role;
use super::{Table, TableReading, csv_table, parquet_table, read_tables, workbook_tables};
use crate::io::Format;
use crate::model::{Dataset, Diagnostic};

/// Rows of each table kept to show in the mapping step.
const PREVIEW_ROWS: usize = 6;

pub type TableImport = (
    Result<(Dataset, Vec<Diagnostic>), Diagnostic>,
    Option<Box<TableReading>>,
);

/// Reads a CSV, workbook or Parquet file's `bytes` (`text` when they are text) with `mapping`,
/// or with the mapping the conventions give.
pub fn load_table_file(bytes: &[u8], text: Option<&str>, path: &Path, mapping: Option<&ColumnMapping>) -> TableImport {
    let title = path
        .file_stem()
        .map_or_else(|| "Imported dataset".to_owned(), |s| s.to_string_lossy().into_owned());
    let file_name = path
        .file_name()
        .map_or_else(|| title.clone(), |n| n.to_string_lossy().into_owned());
    let format = Format::from_extension(path);
    let mut unread: Vec<String> = Vec::new();
    let tables = match (format, text) {
        (Some(Format::Workbook), _) => workbook_tables(bytes, &file_name, mapping).map(|book| {
            (
                book.relations.head(PREVIEW_ROWS),
                book.relations,
                book.actors,
                book.sheets,
                None,
                WORKBOOK,
            )
        }),
        (Some(Format::Parquet), _) => {
            let shared = bytes::Bytes::copy_from_slice(bytes);
            parquet_table(|| Ok(shared.clone()), &file_name, mapping).map(|read| {
                unread = read.unread;
                (read.head, read.table, None, Vec::new(), None, "Parquet")
            })
        }
        (_, Some(text)) => csv_table(text, &file_name).map(|t| (t.clone(), t, None, Vec::new(), None, "CSV")),
        (_, None) => Err(Diagnostic::error("not-utf8", "the table is not text")),
    };
    let (head, relations, mut actors, sheets, mut actors_file, format_name) = match tables {
        Ok(tables) => tables,
        // A chosen sheet that is not there: read with the proposal, so the step can ask again.
        Err(diagnostic) if diagnostic.code == "missing-sheet" => {
            let (_, reading) = load_table_file(bytes, text, path, None);
            return (Err(diagnostic), reading);
        }
        Err(diagnostic) => return (Err(diagnostic), None),
    };
    if head.headers.iter().all(|h| h.trim().is_empty()) {
        let what = if format_name == WORKBOOK { "workbook" } else { "table" };
        return (
            Err(
                Diagnostic::error("empty", format!("the {what} has no header row and no data"))
                    .expected("a header row naming the columns, then a row per relation"),
            ),
            None,
        );
    }
    // A file the user chose wins over a sheet or a file found beside.
    let chosen = mapping.and_then(|m| m.actors_file.clone());
    let beside = || actors.is_none().then(|| actors_file_beside(path)).flatten();
    if let Some(actors_path) = chosen.clone().or_else(beside) {
        match read_actors_file(&actors_path) {
            Ok(table) => {
                actors = Some(table);
                actors_file = Some(actors_path);
            }
            Err(diagnostic) if chosen.is_some() => {
                let (_, reading) = load_table_file(bytes, text, path, None);
                return (Err(diagnostic), reading);
            }
            Err(diagnostic) => return (Err(diagnostic), None),
        }
    }
    let mut proposal = ColumnMapping::propose(&head, actors.as_ref());
    // A workbook's mapping names the sheets it was read from.
    proposal.relations_sheet = sheet_named(&sheets, &relations);
    proposal.actors_sheet = actors.as_ref().and_then(|actors| sheet_named(&sheets, actors));
    let mapping = match mapping {
        Some(chosen) if chosen.whole => chosen.clone(),
        // Roles named on the command line, over the proposal for the rest.
        Some(chosen) => chosen.over(proposal),
        None => proposal,
    };
    let mut result = read_tables(&relations, actors.as_ref(), &mapping, &title, format_name);
    if let (Ok((_, diagnostics)), false) = (&mut result, unread.is_empty()) {
        diagnostics.push(Diagnostic::warning(
            "columns-not-read",
            match unread.as_slice() {
                [one] => format!(
                    "the text column {one} is not read: no role in the mapping names it (File › Read File As… or --map)"
                ),
                many => format!(
                    "the text columns {} are not read: no role in the mapping names them (File › Read File As… or --map)",
                    many.join(", ")
                ),
            },
        ));
    }
    let reading = TableReading {
        needs_columns: !mapping.has_ends() || result.as_ref().is_err_and(|d| d.code == "missing-column"),
        unlabelled_ids: actors.is_none() && ends_are_ids(&head, &mapping),
        relations: head.head(PREVIEW_ROWS),
        actors: actors.map(|a| a.head(PREVIEW_ROWS)),
        actors_file,
        mapping,
        sheets,
    };
    (result, Some(Box::new(reading)))
}

/// The name of the workbook sheet `table` was read from.
fn sheet_named(sheets: &[(String, Table)], table: &Table) -> Option<String> {
    sheets
        .iter()
        .find(|(_, t)| t.name == table.name)
        .map(|(s, _)| s.clone())
}

/// The first rows of a table file, to show when the user picks it as the actors table.
pub fn preview_table_file(path: &Path) -> Result<Table, Diagnostic> {
    read_actors_file(path).map(|t| t.head(PREVIEW_ROWS))
}

/// The actors table that may sit beside a relations table: `edges.csv` → `edges.actors.csv`,
/// the nodes file of a bulk-load pair (`air-routes-edges.csv` → `air-routes-nodes.csv`, as
/// Neptune's loader takes them; `_edges`/`_relationships` → `_nodes`, as Neo4j's import does),
/// or Gephi's `edges.csv` → `nodes.csv`; in the relations file's format, or CSV.
pub fn actors_file_beside(relations: &Path) -> Option<PathBuf> {
    let stem = relations.file_stem()?.to_string_lossy().into_owned();
    let extension = relations.extension()?.to_string_lossy().into_owned();
    let mut stems = vec![format!("{stem}.actors")];
    let lower = stem.to_lowercase();
    for (edges_part, nodes_part) in [
        ("edges", "nodes"),
        ("relationships", "nodes"),
        ("links", "nodes"),
        ("relations", "actors"),
        ("connections", "elements"),
    ] {
        if let Some(base) = lower.strip_suffix(edges_part) {
            let base = stem.get(..base.len()).unwrap_or(base);
            let nodes = if stem.ends_with(&edges_part.to_uppercase()) {
                nodes_part.to_uppercase()
            } else if stem
                .get(base.len()..)
                .is_some_and(|p| p.starts_with(char::is_uppercase))
            {
                let mut letters = nodes_part.chars();
                letters
                    .next()
                    .map(|first| first.to_uppercase().chain(letters).collect())
                    .unwrap_or_default()
            } else {
                nodes_part.to_owned()
            };
            stems.push(format!("{base}{nodes}"));
        }
    }
    let extensions = [extension.as_str(), "csv"];
    stems
        .iter()
        .flat_map(|stem| extensions.iter().map(move |ext| format!("{stem}.{ext}")))
        .map(|name| relations.with_file_name(name))
        .find(|candidate| candidate.is_file() && candidate != relations)
}

/// A table file of actors, whatever its format (a workbook's first sheet).
fn read_actors_file(path: &Path) -> Result<Table, Diagnostic> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let located = |diagnostic: Diagnostic| Diagnostic {
        message: format!("the actors table {name}: {}", diagnostic.message),
        ..diagnostic
    };
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let format = Format::from_extension(path);
    crate::io::memory_budget::check_fits(size, format, crate::io::memory_budget::available_memory())
        .map_err(located)?;
    let bytes = std::fs::read(path).map_err(|err| {
        Diagnostic::error(
            "unreadable",
            format!("cannot read the actors table {}: {err}", path.display()),
        )
    })?;
    match format {
        // Every column of an actors table is read: it is small beside its relations.
        Some(Format::Parquet) => parquet_whole_table(bytes::Bytes::from(bytes), &name).map_err(located),
        Some(Format::Workbook) => workbook_tables(&bytes, &name, None)
            .map(|book| book.relations)
            .map_err(located),
        _ => {
            // Saved by the same spreadsheet as the relations, so read as they are: UTF-8, else
            // Windows' Western encoding.
            let text = match std::str::from_utf8(&bytes) {
                Ok(text) => std::borrow::Cow::Borrowed(text),
                Err(_) => encoding_rs::WINDOWS_1252.decode(&bytes).0,
            };
            csv_table(text.strip_prefix('\u{feff}').unwrap_or(&text), &name).map_err(located)
        }
    }
}

/// Do the relations name their actors by ids rather than names: mostly numbers, or the id
/// columns of a bulk-load format?
fn ends_are_ids(head: &Table, mapping: &ColumnMapping) -> bool {
    let Some(from) = mapping.column(Role::From) else {
        return false;
    };
    let raw = from.trim().to_lowercase();
    if raw == "~from" || raw.contains(":start_id") {
        return true;
    }
    let Some(at) = head.headers.iter().position(|h| h == from) else {
        return false;
    };
    let ends: Vec<&str> = head
        .rows
        .iter()
        .filter_map(|r| r.cells.get(at))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    !ends.is_empty() && ends.iter().all(|e| e.parse::<f64>().is_ok()) && normalise(from) != "year"
}
