//! Parquet extracts (as DuckDB, Spark, Polars and pandas write them) as tables, through the
//! Apache Arrow crates. Only the columns the mapping reads are decoded: an aggregate's other
//! columns cost nothing.

use arrow_array::RecordBatch;
use arrow_cast::display::{ArrayFormatter, FormatOptions};
use arrow_schema::DataType;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::reader::ChunkReader;

use super::column_mapping::{ColumnMapping, normalise};
use super::role::Role;
use super::{Table, TableRow};
use crate::model::Diagnostic;

/// Text columns the shared import rules read by their name, which no role names.
const READ_BY_NAME: [&str; 10] = [
    "note",
    "credibility",
    "speaker_role",
    "locator",
    "description",
    "summary",
    "aliases",
    "colour",
    "color",
    "caveats",
];

/// Rows shown in the mapping step, and read to propose a mapping.
const HEAD_ROWS: usize = 6;
const BATCH_ROWS: usize = 65_536;

/// A Parquet file as Entente reads it.
pub struct ParquetTables {
    /// The first rows of every column.
    pub head: Table,
    /// The columns read: those the mapping names, and every column that is not text.
    pub table: Table,
    pub mapping: ColumnMapping,
    /// Text columns the mapping leaves out, which are not decoded.
    pub unread: Vec<String>,
}

/// The file's first rows (every column), then the columns `mapping` (or, without one, the
/// proposed mapping) reads and the numbers and dates beside them. Text the mapping does not
/// name is not decoded. `open` gives a fresh reader of the file each time.
pub fn parquet_table<R: ChunkReader + 'static>(
    open: impl Fn() -> Result<R, Diagnostic>,
    name: &str,
    mapping: Option<&ColumnMapping>,
) -> Result<ParquetTables, Diagnostic> {
    let text_columns = text_columns(open()?)?;
    let head = read(open()?, name, None, Some(HEAD_ROWS))?;
    let proposal = ColumnMapping::propose(&head, None);
    let mapping = match mapping {
        Some(chosen) if chosen.whole => chosen.clone(),
        Some(chosen) => chosen.over(proposal),
        None => proposal,
    };
    // Without both ends there is nothing to read; the first rows show what there is.
    let named = |role| {
        mapping
            .column(role)
            .is_some_and(|c| head.headers.iter().any(|h| h == c))
    };
    if !named(Role::From) || !named(Role::To) {
        return Ok(ParquetTables {
            table: head.clone(),
            head,
            mapping,
            unread: Vec::new(),
        });
    }
    let mapped = |header: &String| {
        mapping.columns.iter().any(|(_, c)| c == header) || READ_BY_NAME.contains(&normalise(header).as_str())
    };
    let (wanted, unread): (Vec<usize>, Vec<usize>) = (0..head.headers.len())
        .partition(|&at| head.headers.get(at).is_some_and(mapped) || !text_columns.contains(&at));
    let table = read(open()?, name, Some(&wanted), None)?;
    let unread = unread.iter().filter_map(|&at| head.headers.get(at).cloned()).collect();
    Ok(ParquetTables {
        head,
        table,
        mapping,
        unread,
    })
}

/// The root columns that hold text (strings, or dictionaries of them).
fn text_columns<R: ChunkReader + 'static>(reader: R) -> Result<Vec<usize>, Diagnostic> {
    let builder = ParquetRecordBatchReaderBuilder::try_new(reader).map_err(|err| unreadable(&err.to_string()))?;
    let is_text = |data_type: &DataType| {
        matches!(
            data_type,
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Binary | DataType::LargeBinary
        )
    };
    Ok(builder
        .schema()
        .fields()
        .iter()
        .enumerate()
        .filter(|(_, field)| match field.data_type() {
            DataType::Dictionary(_, values) => is_text(values),
            other => is_text(other),
        })
        .map(|(at, _)| at)
        .collect())
}

/// Every column and row of a (small) Parquet file.
pub(super) fn parquet_whole_table<R: ChunkReader + 'static>(reader: R, name: &str) -> Result<Table, Diagnostic> {
    read(reader, name, None, None)
}

/// Reads the root columns `columns` (all when `None`), at most `limit` rows.
fn read<R: ChunkReader + 'static>(
    reader: R,
    name: &str,
    columns: Option<&[usize]>,
    limit: Option<usize>,
) -> Result<Table, Diagnostic> {
    let mut builder = ParquetRecordBatchReaderBuilder::try_new(reader)
        .map_err(|err| unreadable(&err.to_string()))?
        .with_batch_size(limit.unwrap_or(BATCH_ROWS).max(1));
    if let Some(columns) = columns {
        let mask = ProjectionMask::roots(builder.parquet_schema(), columns.iter().copied());
        builder = builder.with_projection(mask);
    }
    if let Some(limit) = limit {
        builder = builder.with_limit(limit);
    }
    let batches = builder.build().map_err(|err| unreadable(&err.to_string()))?;
    let headers: Vec<String> = arrow_array::RecordBatchReader::schema(&batches)
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let mut rows: Vec<TableRow> = Vec::new();
    for batch in batches {
        let batch = batch.map_err(|err| unreadable(&err.to_string()))?;
        add_rows(&batch, &mut rows);
    }
    Ok(Table {
        name: name.to_owned(),
        headers,
        rows,
    })
}

/// A batch's values as text, dates as ISO dates and missing values empty.
fn add_rows(batch: &RecordBatch, rows: &mut Vec<TableRow>) {
    let options = FormatOptions::default();
    // A column of a type with no text form reads as empty cells rather than refusing the file.
    let formatters: Vec<Option<ArrayFormatter<'_>>> = batch
        .columns()
        .iter()
        .map(|column| ArrayFormatter::try_new(column.as_ref(), &options).ok())
        .collect();
    let first = rows.len();
    rows.extend((0..batch.num_rows()).map(|i| {
        TableRow {
            line: first + i + 2,
            cells: formatters
                .iter()
                .map(|f| f.as_ref().map_or_else(String::new, |f| f.value(i).to_string()))
                .collect(),
        }
    }));
}

fn unreadable(err: &str) -> Diagnostic {
    Diagnostic::error("unreadable-parquet", format!("the Parquet file cannot be read: {err}"))
        .expected("a Parquet file as DuckDB, Spark, Polars, pandas or pyarrow write it")
}
