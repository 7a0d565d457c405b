//! Parquet extracts (as DuckDB, Spark, Polars and pandas write them) as tables, through the
//! Apache Arrow crates. Only the columns the mapping reads are decoded: an aggregate's other
//! columns cost nothing.

use arrow_array::RecordBatch;
use arrow_cast::display::{ArrayFormatter, FormatOptions};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::reader::ChunkReader;

use super::column_mapping::ColumnMapping;
use super::{Table, TableRow};
use crate::model::Diagnostic;

/// Rows shown in the mapping step, and read to propose a mapping.
const HEAD_ROWS: usize = 6;
const BATCH_ROWS: usize = 65_536;

/// The file's first rows (every column), then the table of the columns `mapping` (or, without
/// one, the proposed mapping) reads. `open` gives a fresh reader of the file each time.
pub fn parquet_table<R: ChunkReader + 'static>(
    open: impl Fn() -> Result<R, Diagnostic>,
    name: &str,
    mapping: Option<&ColumnMapping>,
) -> Result<(Table, Table, ColumnMapping), Diagnostic> {
    let head = read(open()?, name, None, Some(HEAD_ROWS))?;
    let proposal = ColumnMapping::propose(&head, None);
    let mapping = match mapping {
        Some(chosen) if chosen.whole => chosen.clone(),
        Some(chosen) => chosen.over(proposal),
        None => proposal,
    };
    let wanted: Vec<usize> = head
        .headers
        .iter()
        .enumerate()
        .filter(|(_, header)| mapping.columns.iter().any(|(_, c)| c == *header))
        .map(|(at, _)| at)
        .collect();
    let table = read(open()?, name, Some(&wanted), None)?;
    Ok((head, table, mapping))
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
        add_rows(&batch, &mut rows)?;
    }
    Ok(Table {
        name: name.to_owned(),
        headers,
        rows,
    })
}

/// A batch's values as text, dates as ISO dates and missing values empty.
fn add_rows(batch: &RecordBatch, rows: &mut Vec<TableRow>) -> Result<(), Diagnostic> {
    let options = FormatOptions::default();
    let formatters = batch
        .columns()
        .iter()
        .map(|column| ArrayFormatter::try_new(column.as_ref(), &options))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| unreadable(&err.to_string()))?;
    let first = rows.len();
    rows.extend((0..batch.num_rows()).map(|i| TableRow {
        line: first + i + 1,
        cells: formatters.iter().map(|f| f.value(i).to_string()).collect(),
    }));
    Ok(())
}

fn unreadable(err: &str) -> Diagnostic {
    Diagnostic::error("unreadable-parquet", format!("the Parquet file cannot be read: {err}"))
        .expected("a Parquet file as DuckDB, Spark, Polars, pandas or pyarrow write it")
}
