//! A CSV (or tab-separated) file as a table, each row with the line it starts on.

use super::{Table, TableRow};
use crate::model::Diagnostic;

/// Reads `text` as a table with a header row; `name` is the file's name. Tabs separate the
/// cells when the header row has tabs and no commas.
pub fn csv_table(text: &str, name: &str) -> Result<Table, Diagnostic> {
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else if first_line.contains(';') && !first_line.contains(',') {
        // Spreadsheets in much of Europe save CSV with semicolons.
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|err| csv_error(&err, "the header row cannot be read"))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|err| csv_error(&err, "a row cannot be read"))?;
        let line = record.position().map_or(index + 2, |p| p.line() as usize);
        rows.push(TableRow {
            line,
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    Ok(Table {
        name: name.to_owned(),
        headers,
        rows,
    })
}

fn csv_error(err: &csv::Error, what: &str) -> Diagnostic {
    let diagnostic = Diagnostic::error("malformed-csv", format!("{what}: {err}"));
    match err.position() {
        Some(position) => diagnostic.at_line_column(position.line() as usize, 1),
        None => diagnostic,
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_the_line_they_start_on() {
        let table = csv_table("a,b\n1,\"two\nlines\"\n3,4\n", "t.csv").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.headers, ["a", "b"]);
        assert_eq!(table.rows[1].line, 4);
        assert_eq!(table.rows[0].cells[1], "two\nlines");
    }

    #[test]
    fn tabs_and_semicolons_separate_when_the_header_has_no_commas() {
        let tabs = csv_table("from\tto\na\tb\n", "t.tsv").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tabs.rows[0].cells, ["a", "b"]);
        let semicolons = csv_table("from;to\na;b\n", "t.csv").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(semicolons.rows[0].cells, ["a", "b"]);
    }
}
