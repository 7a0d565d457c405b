//! Opening an aggregate exported from DuckDB or Spark: a 500,000-row dyad-year table as
//! Parquet (Snappy, as both write by default), side by side with the same table as CSV, from
//! the file to the dataset Entente shows, in the same run.
//!
//! Run: `cargo bench --bench tables`.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use entente::io::{ImportMapping, load_path_with, write_atomically};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

mod common;

const EVENT_TYPES: [&str; 6] = [
    "Provide aid",
    "Engage in material cooperation",
    "Sign formal agreement",
    "Provide military aid",
    "Express intent to cooperate",
    "Host a visit",
];

fn main() {
    let (rows, actors, runs) = if common::is_full_run() {
        (500_000, 5_000, 5)
    } else {
        (5_000, 200, 1)
    };
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let table = dyad_years(rows, actors);
    let parquet = folder.path().join("dyad-years.parquet");
    let csv = folder.path().join("dyad-years.csv");
    write_parquet(&table, &parquet);
    write_csv(&table, &csv);
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len()) >> 20;

    println!(
        "Dyad-year table: {rows} rows, {actors} actors, columns actor1, actor2, year, event_type, events, notes \
         (the text column notes is left unread: the mapping does not name it); median of {runs} runs after one untimed run of each, all shown\n"
    );
    println!("| file | size | median | runs |");
    println!("|---|---:|---:|---|");
    // One untimed opening of each first: the first touch of fresh memory costs far more on
    // this machine's virtual machine than any later one, and says nothing about either format.
    open(&parquet, rows);
    open(&csv, rows);
    let ours = common::time(runs, || open(&parquet, rows));
    row("dyad-years.parquet (Snappy)", size(&parquet), &ours);
    let baseline = common::time(runs, || open(&csv, rows));
    row("dyad-years.csv (the same rows)", size(&csv), &baseline);
    let ratio = common::median(&baseline).as_secs_f64() / common::median(&ours).as_secs_f64();
    println!(
        "\nThe Parquet table opens in {:.2} s; the same table as CSV takes {ratio:.2}x as long.",
        common::median(&ours).as_secs_f64()
    );
}

struct DyadYears {
    actor1: Vec<String>,
    actor2: Vec<String>,
    year: Vec<i64>,
    event_type: Vec<&'static str>,
    events: Vec<i64>,
    notes: Vec<String>,
}

/// Rows with distinct (actor1, actor2, year, event type), as a GROUP BY writes them.
fn dyad_years(rows: usize, actors: usize) -> DyadYears {
    let mut table = DyadYears {
        actor1: Vec::with_capacity(rows),
        actor2: Vec::with_capacity(rows),
        year: Vec::with_capacity(rows),
        event_type: Vec::with_capacity(rows),
        events: Vec::with_capacity(rows),
        notes: Vec::with_capacity(rows),
    };
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    for i in 0..rows {
        let from = next(actors);
        let to = (from + 1 + next(actors - 1)) % actors;
        table.actor1.push(format!("Actor {from}"));
        table.actor2.push(format!("Actor {to}"));
        // Each row its own (pair, year, type): i spread over 30 years and six types.
        table.year.push(1995 + (i % 30) as i64);
        table
            .event_type
            .push(EVENT_TYPES.get((i / 30) % 6).copied().unwrap_or("Host a visit"));
        table.events.push(1 + next(40) as i64);
        table
            .notes
            .push(format!("aggregated from {} source events, row {i}", 1 + next(400)));
    }
    table
}

fn write_parquet(table: &DyadYears, path: &Path) {
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("actor1", Arc::new(StringArray::from_iter_values(&table.actor1))),
        ("actor2", Arc::new(StringArray::from_iter_values(&table.actor2))),
        ("year", Arc::new(Int64Array::from(table.year.clone()))),
        ("event_type", Arc::new(StringArray::from_iter_values(&table.event_type))),
        ("events", Arc::new(Int64Array::from(table.events.clone()))),
        ("notes", Arc::new(StringArray::from_iter_values(&table.notes))),
    ];
    let batch = RecordBatch::try_from_iter(columns).unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{e}"));
    let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(properties)).unwrap_or_else(|e| panic!("{e}"));
    writer.write(&batch).unwrap_or_else(|e| panic!("{e}"));
    writer.close().unwrap_or_else(|e| panic!("{e}"));
}

fn write_csv(table: &DyadYears, path: &Path) {
    let mut text = String::from("actor1,actor2,year,event_type,events,notes\n");
    for i in 0..table.actor1.len() {
        let cell = |v: &Vec<String>| v.get(i).cloned().unwrap_or_default();
        text.push_str(&format!(
            "{},{},{},{},{},\"{}\"\n",
            cell(&table.actor1),
            cell(&table.actor2),
            table.year.get(i).copied().unwrap_or_default(),
            table.event_type.get(i).copied().unwrap_or_default(),
            table.events.get(i).copied().unwrap_or_default(),
            cell(&table.notes),
        ));
    }
    write_atomically(path, text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
}

/// Opens the file as the app does once the user has said `event_type` is the kind, and checks
/// the rows became relations (a few random pairs repeat in a year, and merge).
fn open(path: &Path, rows: usize) {
    let mapping = ImportMapping {
        columns: Some("kind=event_type".parse().unwrap_or_else(|e| panic!("{e}"))),
        ..ImportMapping::default()
    };
    let report = load_path_with(path, Some(&mapping));
    let dataset = report
        .dataset
        .unwrap_or_else(|| panic!("{} did not open: {:?}", path.display(), report.diagnostics));
    assert!(
        dataset.relations.len() * 100 > rows * 99,
        "one relation per dyad-year and type"
    );
}

fn row(what: &str, mib: u64, times: &[Duration]) {
    let all: Vec<String> = times.iter().map(|t| format!("{:.2} s", t.as_secs_f64())).collect();
    println!(
        "| {what} | {mib} MiB | {:.2} s | {} |",
        common::median(times).as_secs_f64(),
        all.join(", ")
    );
}
