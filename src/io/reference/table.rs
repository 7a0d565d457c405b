//! A published data table read by its column names, with every row kept as the text it was
//! in the file: that text is the verbatim record an evidence item quotes.

use std::collections::HashMap;

use crate::model::{Diagnostic, PartialDate};

/// The columns a layout needs, and the ones it knows but can do without.
pub struct Layout {
    pub name: &'static str,
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
    /// Whether columns the layout does not list are worth a warning: true for fixed
    /// layouts (COW, SIPRI), false for ATOP, whose files carry a hundred coded variables.
    pub warn_unexpected: bool,
}

pub struct Table<'a> {
    text: &'a str,
    /// Byte offset of the header row in `text`; the reader starts there.
    start: usize,
    /// Line number (1-based) of the header row in the file.
    header_line: usize,
    reader: csv::Reader<&'a [u8]>,
    headers: Vec<String>,
}

pub struct Row<'a> {
    record: csv::StringRecord,
    columns: &'a HashMap<String, usize>,
    pub line: usize,
    pub raw: &'a str,
}

impl<'a> Table<'a> {
    /// The table whose header row starts at byte `start` of `text`, on line `header_line`.
    pub fn open(text: &'a str, start: usize, header_line: usize) -> Result<Self, Diagnostic> {
        let rest = text.get(start..).unwrap_or_default();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(rest.as_bytes());
        let headers = reader
            .headers()
            .map_err(|err| {
                Diagnostic::error("malformed-csv", format!("the header row cannot be read: {err}"))
                    .at_line_column(header_line, 1)
            })?
            .iter()
            .map(normalise_header)
            .collect();
        Ok(Self {
            text,
            start,
            header_line,
            reader,
            headers,
        })
    }

    /// The lines above the header row (SIPRI's notes), without their quotes; blank ones dropped.
    pub fn preamble(&self) -> Vec<String> {
        self.text
            .get(..self.start)
            .unwrap_or_default()
            .lines()
            .map(|line| line.trim().trim_matches(',').trim().trim_matches('"').trim().to_owned())
            .filter(|line| !line.is_empty())
            .collect()
    }

    /// The whole file's text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The position of each column the layout names; an error naming every required column
    /// that is missing, and a warning for each column the layout does not expect.
    pub fn columns(
        &self,
        layout: &Layout,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<HashMap<String, usize>, Diagnostic> {
        let mut columns = HashMap::new();
        for (i, header) in self.headers.iter().enumerate() {
            columns.entry(header.clone()).or_insert(i);
        }
        let missing: Vec<&str> = layout
            .required
            .iter()
            .copied()
            .filter(|c| !columns.contains_key(*c))
            .collect();
        if !missing.is_empty() {
            let list = missing.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
            return Err(Diagnostic::error(
                "missing-column",
                format!(
                    "this looks like a {} file, but its header row has no {list} column{}",
                    layout.name,
                    if missing.len() == 1 { "" } else { "s" }
                ),
            )
            .expected(format!("the columns {}", layout.required.join(", ")))
            .at_line_column(self.header_line, 1));
        }
        if layout.warn_unexpected {
            for (i, header) in self.headers.iter().enumerate() {
                let known = header.is_empty()
                    || layout.required.contains(&header.as_str())
                    || layout.optional.contains(&header.as_str());
                if !known {
                    warnings.push(
                        Diagnostic::warning(
                            "unexpected-column",
                            format!(
                                "column {} (`{header}`) is not part of the {} layout; it stays in each row's quoted record but is not read",
                                i + 1,
                                layout.name
                            ),
                        )
                        .at_line_column(self.header_line, column_of_field(self.header_line_text(), i)),
                    );
                }
            }
        }
        Ok(columns)
    }

    fn header_line_text(&self) -> &'a str {
        line_at(self.text, self.start)
    }

    /// Every row after the header, in file order.
    pub fn rows<'t>(
        &'t mut self,
        columns: &'t HashMap<String, usize>,
    ) -> impl Iterator<Item = Result<Row<'t>, Diagnostic>> + 't {
        let (text, start, header_line) = (self.text, self.start, self.header_line);
        self.reader.records().map(move |record| {
            let record = record.map_err(|err| {
                let line = err
                    .position()
                    .map_or(header_line, |p| header_line + p.line() as usize - 1);
                Diagnostic::error("malformed-csv", format!("a row cannot be read: {err}")).at_line_column(line, 1)
            })?;
            let (mut byte, mut line) = record
                .position()
                .map_or((0, 1), |p| (p.byte() as usize, p.line() as usize));
            // After a CRLF line end the reader's position is still on the LF.
            if text.as_bytes().get(start + byte) == Some(&b'\n') {
                byte += 1;
                line += 1;
            }
            let raw = line_at(text, start + byte);
            Ok(Row {
                line: header_line + line - 1,
                raw,
                record,
                columns,
            })
        })
    }
}

impl Row<'_> {
    /// The trimmed cell under `column`, empty when the row has no such cell.
    pub fn get(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or_default()
    }

    /// The cell right after `column`, under a header with no name: SIPRI keeps its `?`
    /// uncertainty flags there.
    pub fn flag_after(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i + 1))
            .unwrap_or_default()
    }

    /// The character column of the cell under `column`, for diagnostics.
    pub fn column(&self, column: &str) -> usize {
        self.columns.get(column).map_or(1, |&i| column_of_field(self.raw, i))
    }

    /// A whole number, or None when the cell is empty or holds a missing-value code.
    pub fn number(&self, column: &str) -> Option<i64> {
        whole_number(self.get(column))
    }

    /// The whole number under `column`, or, with a warning that the row is skipped for want
    /// of it, None. `what` names the number for the user ("alliance number").
    pub fn required_number(&self, column: &str, what: &str, warnings: &mut Vec<Diagnostic>) -> Option<i64> {
        let value = self.number(column);
        if value.is_none() {
            warnings.push(self.skipped_for_want_of(what, column));
        }
        value
    }

    /// A COW country code under `column`, or, with a warning that the row is skipped, None.
    pub fn required_code(&self, column: &str, warnings: &mut Vec<Diagnostic>) -> Option<u16> {
        let code = self.number(column).and_then(|c| u16::try_from(c).ok());
        if code.is_none() {
            warnings.push(self.skipped_for_want_of("country code", column));
        }
        code
    }

    /// The warning that this row is skipped, as `column` holds no usable `what`.
    fn skipped_for_want_of(&self, what: &str, column: &str) -> Diagnostic {
        self.warning(
            column,
            "bad-cell",
            format!(
                "row {} has no {what} in `{column}` (`{}`); it is skipped",
                self.line,
                self.get(column)
            ),
        )
    }

    /// The labels of the flag columns set in this row (the obligations an alliance row codes),
    /// in the order of `flags`: (column, label) pairs.
    pub fn labels_of_flags(&self, flags: &[(&str, &'static str)]) -> Vec<&'static str> {
        flags
            .iter()
            .filter(|(column, _)| self.flag(column))
            .map(|&(_, label)| label)
            .collect()
    }

    /// An obligation or censoring flag: any positive code means yes.
    pub fn flag(&self, column: &str) -> bool {
        self.number(column).is_some_and(|n| n > 0)
    }

    /// A warning pointing at the cell under `column`.
    pub fn warning(&self, column: &str, code: &'static str, message: String) -> Diagnostic {
        Diagnostic::warning(code, message).at_line_column(self.line, self.column(column))
    }
}

/// Headers compared in lower case, with runs of spaces made one.
fn normalise_header(header: &str) -> String {
    header.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// `12`, ` 12 `, `12.0`; empty cells, `NA`, `.` and negative missing-value codes are None.
pub fn whole_number(cell: &str) -> Option<i64> {
    let cell = cell.trim();
    let value = cell.parse::<i64>().ok().or_else(|| {
        cell.parse::<f64>()
            .ok()
            .filter(|v| v.fract() == 0.0 && v.abs() < 1e15)
            .map(|v| v as i64)
    })?;
    (value >= 0).then_some(value)
}

/// A date from year, month and day cells, as precise as they are: a zero or missing month
/// leaves a year, a zero or missing day leaves a month. A year of 0 means no date.
pub fn date_from_parts(year: Option<i64>, month: Option<i64>, day: Option<i64>) -> Option<PartialDate> {
    let year = i32::try_from(year?).ok().filter(|y| (1..=9999).contains(y))?;
    let month = month
        .and_then(|m| u8::try_from(m).ok())
        .filter(|m| (1..=12).contains(m));
    let day = day.and_then(|d| u8::try_from(d).ok()).filter(|d| *d >= 1);
    let date = PartialDate {
        year,
        month,
        day: month.and(day),
    };
    // An impossible day (31 April) falls back to the month rather than to nothing.
    match date.to_string().parse::<PartialDate>() {
        Ok(valid) => Some(valid),
        Err(_) => Some(PartialDate { day: None, ..date }),
    }
}

/// The line of `text` that starts at byte `start`, without its line ending.
fn line_at(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or_default();
    let line = rest.split('\n').next().unwrap_or_default();
    line.strip_suffix('\r').unwrap_or(line)
}

/// The character column (1-based) where field `index` starts, counting commas outside quotes.
fn column_of_field(line: &str, index: usize) -> usize {
    if index == 0 {
        return 1;
    }
    let mut fields = 0;
    let mut quoted = false;
    for (column, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                fields += 1;
                if fields == index {
                    return column + 2;
                }
            }
            _ => {}
        }
    }
    line.chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_as_precise_as_their_parts() {
        let d = |y, m, d| date_from_parts(y, m, d).map(|d| d.to_string());
        assert_eq!(d(Some(1961), Some(7), Some(6)), Some("1961-07-06".into()));
        assert_eq!(d(Some(1961), Some(7), None), Some("1961-07".into()));
        assert_eq!(d(Some(1961), Some(0), Some(6)), Some("1961".into()));
        assert_eq!(d(Some(1961), Some(4), Some(31)), Some("1961-04".into()));
        assert_eq!(d(Some(0), Some(1), Some(1)), None);
        assert_eq!(d(None, Some(1), Some(1)), None);
    }

    #[test]
    fn missing_value_codes_are_not_numbers() {
        assert_eq!(whole_number(" 731 "), Some(731));
        assert_eq!(whole_number("4.0"), Some(4));
        for missing in ["", "NA", ".", "-9", "4.5"] {
            assert_eq!(whole_number(missing), None, "{missing}");
        }
    }

    #[test]
    fn rows_keep_their_text_and_line() {
        let text = "note\nA,B,,C\n1,2,?,\"x, y\"\r\n3,4,,z\n";
        let mut table = Table::open(text, 5, 2).unwrap_or_else(|e| panic!("{e}"));
        let layout = Layout {
            name: "test",
            required: &["a", "b"],
            optional: &["c"],
            warn_unexpected: true,
        };
        let mut warnings = Vec::new();
        let columns = table.columns(&layout, &mut warnings).unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty());
        let rows: Vec<_> = table
            .rows(&columns)
            .filter_map(Result::ok)
            .map(|r| {
                (
                    r.line,
                    r.raw.to_owned(),
                    r.get("c").to_owned(),
                    r.flag_after("b").to_owned(),
                    r.column("c"),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (3, "1,2,?,\"x, y\"".to_owned(), "x, y".to_owned(), "?".to_owned(), 7),
                (4, "3,4,,z".to_owned(), "z".to_owned(), String::new(), 6)
            ]
        );
    }

    #[test]
    fn a_missing_column_is_named_and_an_unexpected_one_is_pointed_at() {
        let layout = Layout {
            name: "test",
            required: &["a", "b", "c"],
            optional: &[],
            warn_unexpected: true,
        };
        let table = Table::open("a,x\n", 0, 1).unwrap_or_else(|e| panic!("{e}"));
        let err = table
            .columns(&layout, &mut Vec::new())
            .err()
            .unwrap_or_else(|| panic!("must fail"));
        assert!(err.message.contains("no `b`, `c` columns"), "{}", err.message);
        let table = Table::open("a,b,c,x\n", 0, 1).unwrap_or_else(|e| panic!("{e}"));
        let mut warnings = Vec::new();
        assert!(table.columns(&layout, &mut warnings).is_ok());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("column 4 (`x`)"));
        assert_eq!((warnings[0].line, warnings[0].column), (Some(1), Some(7)));
    }
}
