//! Workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`) as tables, read by calamine: a sheet of
//! relations and, when there is one, a sheet of actors. Kumu's layout (sheets "Elements" and
//! "Connections") is found by its sheet names.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::column_mapping::ColumnMapping;
use super::{Table, TableRow};
use crate::model::Diagnostic;

/// Kumu's sheet of relations and its sheet of actors.
pub const KUMU_SHEETS: (&str, &str) = ("Connections", "Elements");
const RELATION_SHEETS: [&str; 6] = ["connections", "edges", "relations", "relationships", "links", "ties"];
/// Rows of each sheet kept to show in the mapping step.
const HEAD_ROWS: usize = 6;
const ACTOR_SHEETS: [&str; 5] = ["elements", "nodes", "actors", "vertices", "entities"];

/// A workbook's tables, as Entente reads it.
pub struct WorkbookTables {
    pub relations: Table,
    pub actors: Option<Table>,
    /// Every sheet's name and first rows.
    pub sheets: Vec<(String, Table)>,
}

/// The relations sheet (the mapping's, or by its name, or the first with ends), and the actors
/// sheet if there is one.
pub fn workbook_tables(
    bytes: &[u8],
    file_name: &str,
    mapping: Option<&ColumnMapping>,
) -> Result<WorkbookTables, Diagnostic> {
    // calamine trusts counts written in the file (the shared strings' `uniqueCount`): a
    // hostile one makes it panic, which is a file Entente cannot read, not a crash.
    let (sheets, tables) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sheets(bytes, file_name)))
        .unwrap_or_else(|_| {
            Err(Diagnostic::error(
                "unreadable-workbook",
                "the workbook cannot be read: its parts contradict each other",
            ))
        })?;
    let named = |wanted: &Option<String>, conventional: &[&str]| {
        let position = match wanted {
            Some(name) => sheets.iter().position(|s| s == name),
            None => conventional
                .iter()
                .find_map(|c| sheets.iter().position(|s| s.trim().eq_ignore_ascii_case(c))),
        };
        position.and_then(|at| tables.get(at))
    };
    let relations_sheet = mapping.and_then(|m| m.relations_sheet.clone());
    let actors_sheet = mapping.and_then(|m| m.actors_sheet.clone());
    for wanted in relations_sheet.iter().chain(&actors_sheet) {
        if !wanted.is_empty() && !sheets.contains(wanted) {
            return Err(Diagnostic::error(
                "missing-sheet",
                format!(
                    "the workbook has no sheet “{wanted}” (its sheets are {})",
                    sheets.join(", ")
                ),
            )
            .expected("relations-sheet= and actors-sheet= naming sheets as the workbook spells them"));
        }
    }
    let relations = named(&relations_sheet, &RELATION_SHEETS)
        .or_else(|| {
            // Else the first sheet whose columns are those of relations, else the first sheet.
            tables
                .iter()
                .find(|t| ColumnMapping::propose(t, None).has_ends())
                .or_else(|| tables.first())
        })
        .cloned()
        .ok_or_else(|| Diagnostic::error("empty", "the workbook has no sheets"))?;
    let actors = named(&actors_sheet, &ACTOR_SHEETS)
        .filter(|t| t.name != relations.name)
        .cloned();
    let heads = sheets
        .into_iter()
        .zip(&tables)
        .map(|(sheet, table)| (sheet, table.head(HEAD_ROWS)))
        .collect();
    Ok(WorkbookTables {
        relations,
        actors,
        sheets: heads,
    })
}

/// Every sheet's name and table, but those Kumu would ignore.
fn read_sheets(bytes: &[u8], file_name: &str) -> Result<(Vec<String>, Vec<Table>), Diagnostic> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|err| {
        Diagnostic::error("unreadable-workbook", format!("the workbook cannot be read: {err}"))
            .expected("an .xlsx, .xlsm, .xls or .ods file as a spreadsheet program saves it")
    })?;
    // Kumu skips sheets whose names say "(ignore)"; so does Entente.
    let sheets: Vec<String> = workbook
        .sheet_names()
        .into_iter()
        .filter(|s| !s.to_lowercase().contains("(ignore)"))
        .collect();
    let mut tables = Vec::with_capacity(sheets.len());
    for sheet in &sheets {
        let range = workbook.worksheet_range(sheet).map_err(|err| {
            Diagnostic::error(
                "unreadable-workbook",
                format!("the sheet “{sheet}” cannot be read: {err}"),
            )
        })?;
        tables.push(sheet_table(&range, &format!("{file_name} › {sheet}")));
    }
    Ok((sheets, tables))
}

/// A sheet's used range as a table: its first non-empty row is the header.
fn sheet_table(range: &calamine::Range<Data>, name: &str) -> Table {
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut rows = range.rows().enumerate().map(|(i, cells)| (first_row + i + 1, cells));
    let headers: Vec<String> = rows
        .by_ref()
        .find(|(_, cells)| cells.iter().any(|c| !matches!(c, Data::Empty)))
        .map(|(_, cells)| cells.iter().map(cell_text).collect())
        .unwrap_or_default();
    let rows = rows
        .filter(|(_, cells)| cells.iter().any(|c| !matches!(c, Data::Empty)))
        .map(|(line, cells)| TableRow {
            line,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect();
    Table {
        name: name.to_owned(),
        headers,
        rows,
    }
}

/// A cell as the spreadsheet shows it: dates as ISO dates, whole numbers without a decimal point.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(date) if date.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::String(text) => text.trim().to_owned(),
        other => other.to_string(),
    }
}
