//! Tables of rows, whatever file they come from (a CSV file, a workbook's sheets, a Parquet
//! extract), read into actors and relations through a column mapping.

mod column_mapping;
mod csv_table;
mod import;
mod load;
mod parquet_table;
mod role;
mod workbook;

use std::path::PathBuf;

pub use column_mapping::ColumnMapping;
pub use csv_table::csv_table;
pub use import::read_tables;
pub use load::{TableImport, actors_file_beside, load_table_file, preview_table_file};
pub use parquet_table::parquet_table;
pub use role::Role;
pub use workbook::{KUMU_SHEETS, WorkbookTables, workbook_tables};

/// A table as read: its header row as written, and its rows with where each was in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The file's name, or `file › sheet` for a workbook's sheet.
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The line (CSV) or row (sheet, Parquet) it came from, counting the header as 1.
    pub line: usize,
    pub cells: Vec<String>,
}

impl Table {
    /// The header row and the first `rows` rows, to show in the mapping step.
    pub fn head(&self, rows: usize) -> Self {
        Self {
            name: self.name.clone(),
            headers: self.headers.clone(),
            rows: self.rows.iter().take(rows).cloned().collect(),
        }
    }
}

/// How a table file was read, for the mapping step: what it holds and what was made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableReading {
    /// The first rows of the relations table (and of the actors table, when there is one).
    pub relations: Table,
    pub actors: Option<Table>,
    /// Where the actors table came from, when it is a file of its own.
    pub actors_file: Option<PathBuf>,
    /// The mapping the file was read with (the proposal, unless the user chose one).
    pub mapping: ColumnMapping,
    /// The sheets of a workbook and their first rows, to choose the relations and actors
    /// sheets from.
    pub sheets: Vec<(String, Table)>,
    /// No column could be taken for an end: the user must say which.
    pub needs_columns: bool,
    /// The relations name their actors by ids (numbers, a bulk-load's `~from`) that nothing
    /// in the file turns into names: an actors table would.
    pub unlabelled_ids: bool,
}

impl TableReading {
    /// The first rows of the relations table `mapping` reads (a workbook's chosen sheet).
    pub fn relations_for(&self, mapping: &ColumnMapping) -> &Table {
        self.sheet(mapping.relations_sheet.as_deref())
            .unwrap_or(&self.relations)
    }

    /// The first rows of the actors table `mapping` reads, if any.
    pub fn actors_for(&self, mapping: &ColumnMapping) -> Option<&Table> {
        match mapping.actors_sheet.as_deref() {
            Some(sheet) if mapping.actors_file.is_none() => self.sheet(Some(sheet)),
            _ => self.actors.as_ref(),
        }
    }

    fn sheet(&self, name: Option<&str>) -> Option<&Table> {
        let name = name?;
        self.sheets
            .iter()
            .find(|(sheet, _)| sheet == name)
            .map(|(_, table)| table)
    }

    /// Should the app ask before (or after) opening the file?
    pub fn worth_asking(&self) -> bool {
        self.needs_columns || (self.unlabelled_ids && self.actors.is_none())
    }
}
