//! Tables as analysts have them: CSV files whose columns follow no convention (read through a
//! mapping), Gephi's node and edge spreadsheets, Kumu workbooks (.xlsx and .ods), and Parquet
//! extracts written by an Arrow writer, as DuckDB, Spark and pandas write them.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use entente::io::table::{ColumnMapping, Role};
use entente::io::{ImportMapping, load_path, load_path_with};
use entente::model::{Dataset, Direction};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

mod common;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name)
}

fn opened(path: &Path, mapping: Option<&str>) -> Dataset {
    let mapping = mapping.map(|m| ImportMapping {
        columns: Some(m.parse().unwrap_or_else(|e| panic!("{e}"))),
        ..ImportMapping::default()
    });
    let report = load_path_with(path, mapping.as_ref());
    report
        .dataset
        .unwrap_or_else(|| panic!("{} did not open: {:?}", path.display(), report.diagnostics))
}

fn relation<'a>(dataset: &'a Dataset, from: &str, to: &str) -> &'a entente::model::Relation {
    dataset
        .relations
        .iter()
        .find(|r| {
            dataset.actor(&r.from).map(|a| a.name.as_str()) == Some(from)
                && dataset.actor(&r.to).map(|a| a.name.as_str()) == Some(to)
        })
        .unwrap_or_else(|| panic!("no relation {from} → {to}"))
}

#[test]
fn columns_of_no_known_convention_are_refused_with_a_way_to_name_them() {
    let file = "tests/data/formats/mapping/defence-ties.csv";
    let (code, printed) = common::entente(&["check", file]);
    assert_eq!(code, 1, "{printed}");
    assert!(
        printed.contains("(country_a, country_b, tie, yr, until, type)"),
        "{printed}"
    );
    assert!(printed.contains("--map from=COLUMN,to=COLUMN"), "{printed}");

    let report = load_path(&fixture("mapping/defence-ties.csv"));
    let reading = report
        .table
        .unwrap_or_else(|| panic!("the app is given the table to map"));
    assert!(reading.needs_columns && reading.worth_asking());
    assert_eq!(reading.relations.rows.len(), 4, "the first rows, to show");

    let (code, printed) = common::entente(&[
        "check",
        file,
        "--map",
        "from=country_a,to=country_b,kind=tie,start=yr,end=until",
    ]);
    assert_eq!(code, 0, "{printed}");
}

#[test]
fn a_mapping_reads_each_role_from_its_column() {
    let dataset = opened(
        &fixture("mapping/defence-ties.csv"),
        Some("from=country_a,to=country_b,kind=tie,start=yr,end=until"),
    );
    assert_eq!(dataset.relations.len(), 4);
    let soviet = relation(&dataset, "Soviet Union", "North Korea");
    assert_eq!(soviet.kind, "defence_treaty");
    let period = soviet.period.unwrap_or_else(|| panic!("dated"));
    assert_eq!(
        (period.start.map(|d| d.to_string()), period.end.map(|d| d.to_string())),
        (Some("1961".into()), Some("1996".into()))
    );
    // The mapping names the roles; the rest of the proposal still applies on the command line.
    let (code, printed) = common::entente(&[
        "summary",
        "tests/data/formats/mapping/defence-ties.csv",
        "--map",
        "from=country_a,to=country_b",
    ]);
    assert_eq!(code, 0, "{printed}");
    assert!(printed.contains("4 relations"), "{printed}");
}

#[test]
fn gephis_node_and_edge_spreadsheets_open_as_a_pair() {
    let dataset = opened(&fixture("gephi/edges.csv"), None);
    let names: Vec<&str> = dataset.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["North Korea", "Russia", "China", "South Korea"],
        "named by nodes.csv's Label"
    );
    let treaty = relation(&dataset, "North Korea", "Russia");
    assert_eq!(
        (treaty.kind.as_str(), treaty.direction),
        ("treaty", Direction::Mutual),
        "Type says Undirected"
    );
    let arms = relation(&dataset, "Russia", "North Korea");
    assert_eq!(
        (arms.kind.as_str(), arms.direction),
        ("arms_supply", Direction::Directed)
    );

    // Without its nodes file, the ids are numbers that name nobody: the app offers to find it.
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let alone = folder.path().join("edges.csv");
    std::fs::copy(fixture("gephi/edges.csv"), &alone).unwrap_or_else(|e| panic!("{e}"));
    let report = load_path(&alone);
    assert!(report.dataset.is_some(), "it opens as it is");
    let reading = report.table.unwrap_or_else(|| panic!("a table"));
    assert!(reading.unlabelled_ids && reading.worth_asking());
    // Named on the command line, the nodes file labels them.
    let nodes = fixture("gephi/nodes.csv");
    let dataset = opened(&alone, Some(&format!("actors={}", nodes.display())));
    assert_eq!(dataset.actor("0").map(|a| a.name.as_str()), Some("North Korea"));
}

#[test]
fn a_kumu_workbook_opens_directly_as_xlsx_and_as_ods() {
    for file in ["kumu-map.xlsx", "kumu-map.ods"] {
        let dataset = opened(&fixture(file), None);
        assert_eq!(dataset.actors.len(), 6, "{file}: the Elements sheet");
        let russia = dataset
            .actor("Russia")
            .unwrap_or_else(|| panic!("{file}: keyed by Label"));
        assert_eq!(russia.description.as_deref(), Some("Russian Federation"));
        let treaty = relation(&dataset, "Russia", "North Korea");
        assert_eq!(treaty.direction, Direction::Mutual, "{file}");
        assert_eq!(
            treaty.period.and_then(|p| p.start).map(|d| d.to_string()),
            Some("2024-06-19".into()),
            "{file}: a date cell is a date"
        );
        // Kumu links `From` to each name in a `To` cell separated by `|`.
        assert_eq!(relation(&dataset, "North Korea", "Iran").kind, "arms_supply", "{file}");
        assert_eq!(
            relation(&dataset, "North Korea", "Russia").kind,
            "arms_supply",
            "{file}"
        );
        assert_eq!(dataset.relations.len(), 5, "{file}: the (ignore) sheet is not read");
    }
}

struct DyadYears {
    actor1: Vec<&'static str>,
    actor2: Vec<&'static str>,
    year: Vec<i64>,
    event_type: Vec<&'static str>,
    notes: Vec<&'static str>,
}

fn dyad_years() -> DyadYears {
    DyadYears {
        actor1: vec!["PRK", "PRK", "RUS", "CHN"],
        actor2: vec!["RUS", "RUS", "PRK", "PRK"],
        year: vec![2023, 2024, 2024, 2024],
        event_type: vec![
            "Provide military aid",
            "Provide military aid",
            "Sign formal agreement",
            "Host a visit",
        ],
        notes: vec![
            "a long free-text column",
            "that the mapping does not name",
            "and so is never decoded",
            "—",
        ],
    }
}

/// Writes the table as an Arrow writer does (pyarrow, DuckDB and Spark write the same layout).
fn write_parquet(path: &Path, names: [&str; 5], compression: Compression) {
    let table = dyad_years();
    let columns: Vec<(&str, ArrayRef)> = vec![
        (names[0], Arc::new(StringArray::from(table.actor1))),
        (names[1], Arc::new(StringArray::from(table.actor2))),
        (names[2], Arc::new(Int64Array::from(table.year))),
        (names[3], Arc::new(StringArray::from(table.event_type))),
        (names[4], Arc::new(StringArray::from(table.notes))),
    ];
    write_batch(path, columns, compression);
}

/// One record batch of `columns`, written by Arrow's Parquet writer.
fn write_batch(path: &Path, columns: Vec<(&str, ArrayRef)>, compression: Compression) {
    let batch = RecordBatch::try_from_iter(columns).unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{e}"));
    let properties = WriterProperties::builder().set_compression(compression).build();
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(properties)).unwrap_or_else(|e| panic!("{e}"));
    writer.write(&batch).unwrap_or_else(|e| panic!("{e}"));
    writer.close().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_parquet_extract_opens_with_the_columns_its_mapping_names() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let names = ["actor1", "actor2", "year", "event_type", "notes"];
    for (file, compression) in [
        ("snappy.parquet", Compression::SNAPPY),
        ("zstd.parquet", Compression::ZSTD(ZstdLevel::default())),
        ("plain.parquet", Compression::UNCOMPRESSED),
    ] {
        let path = folder.path().join(file);
        write_parquet(&path, names, compression);
        let dataset = opened(&path, Some("kind=event_type"));
        assert_eq!(
            dataset.relations.len(),
            4,
            "{file}: one relation per dyad-year and kind"
        );
        let aid: Vec<String> = dataset
            .relations
            .iter()
            .filter(|r| r.kind == "provide_military_aid")
            .filter_map(|r| r.period.and_then(|p| p.start).map(|d| d.to_string()))
            .collect();
        assert_eq!(aid, ["2023", "2024"], "{file}: the year starts and ends each");
        let json = serde_json::to_string(&dataset).unwrap_or_default();
        assert!(
            !json.contains("free-text"),
            "{file}: a column the mapping leaves out is not read"
        );
    }
}

#[test]
fn a_parquet_file_of_unknown_columns_asks_for_them_and_takes_them_from_the_command_line() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("dyads.parquet");
    write_parquet(&path, ["side_x", "side_y", "yr", "what", "notes"], Compression::SNAPPY);
    let report = load_path(&path);
    assert!(report.dataset.is_none());
    let reading = report.table.unwrap_or_else(|| panic!("a table"));
    assert!(reading.needs_columns);
    assert_eq!(reading.relations.headers, ["side_x", "side_y", "yr", "what", "notes"]);
    assert_eq!(
        reading.relations.rows.first().map(|r| r.cells.clone()),
        Some(vec![
            "PRK".to_owned(),
            "RUS".to_owned(),
            "2023".to_owned(),
            "Provide military aid".to_owned(),
            "a long free-text column".to_owned(),
        ])
    );
    let path_text = path.display().to_string();
    let (code, printed) = common::entente(&[
        "summary",
        &path_text,
        "--map",
        "from=side_x,to=side_y,year=yr,kind=what",
    ]);
    assert_eq!(code, 0, "{printed}");
    assert!(printed.contains("4 relations"), "{printed}");
    assert!(printed.contains("Provide military aid"), "{printed}");
}

#[test]
fn a_mapping_proposal_follows_each_tools_conventions() {
    let report = load_path(&fixture("neptune/alliances-edges.csv"));
    let reading = report.table.unwrap_or_else(|| panic!("a table"));
    assert_eq!(reading.mapping.column(Role::From), Some("~from"));
    assert_eq!(reading.mapping.column(Role::Kind), Some("~label"));
    assert!(reading.actors.is_some(), "the nodes file beside it");
    assert!(!reading.worth_asking(), "a known convention opens directly");
    let mapping: ColumnMapping = "from=a,to=b".parse().unwrap_or_else(|e| panic!("{e}"));
    assert!(mapping.has_ends());
}

#[test]
fn another_workbook_names_its_sheets_and_columns_on_the_command_line() {
    let file = "tests/data/formats/mapping/agreements.xlsx";
    let (code, printed) = common::entente(&["check", file]);
    assert_eq!(code, 1, "{printed}");
    assert!(
        printed.contains("agreements.xlsx › Read me"),
        "says which sheet it tried: {printed}"
    );
    assert!(printed.contains("relations-sheet=SHEET"), "{printed}");
    let report = load_path(&fixture("mapping/agreements.xlsx"));
    let reading = report.table.unwrap_or_else(|| panic!("a table"));
    let sheets: Vec<&str> = reading.sheets.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(sheets, ["Read me", "Countries", "Agreements"]);

    let dataset = opened(
        &fixture("mapping/agreements.xlsx"),
        Some(
            "relations-sheet=Agreements,actors-sheet=Countries,from=Party 1,to=Party 2,kind=Agreement,start=Signed,id=Code,label=Country",
        ),
    );
    assert_eq!(dataset.actor("ROK").map(|a| a.name.as_str()), Some("South Korea"));
    assert_eq!(
        relation(&dataset, "Russia", "North Korea").kind,
        "comprehensive_strategic_partnership"
    );
}

#[test]
fn kumu_connections_may_name_elements_by_label_where_elements_have_ids() {
    let dataset = opened(&fixture("kumu-with-ids.xlsx"), None);
    assert_eq!(dataset.actors.len(), 3, "no second, unlinked copy of each actor");
    let support = relation(&dataset, "North Korea", "Hezbollah");
    assert_eq!((support.from.as_str(), support.to.as_str()), ("NK", "HZ"));
    assert_eq!(
        dataset.actor("HZ").map(|a| a.kind.clone()),
        Some(entente::model::ActorKind::NonStateArmedGroup.into())
    );
}

#[test]
fn a_parquet_file_keeps_its_numbers_and_dates_reads_named_time_zones_and_says_which_text_it_left() {
    use arrow_array::TimestampSecondArray;
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("polars-like.parquet");
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("actor1", Arc::new(StringArray::from(vec!["PRK", "RUS"]))),
        ("actor2", Arc::new(StringArray::from(vec!["RUS", "PRK"]))),
        ("events", Arc::new(Int64Array::from(vec![12, 3]))),
        (
            "loaded_at",
            Arc::new(TimestampSecondArray::from(vec![1_700_000_000, 1_700_000_100]).with_timezone("Europe/Berlin")),
        ),
        ("notes", Arc::new(StringArray::from(vec!["free text", "more"]))),
    ];
    write_batch(&path, columns, Compression::UNCOMPRESSED);

    let report = load_path(&path);
    let dataset = report.dataset.unwrap_or_else(|| panic!("{:?}", report.diagnostics));
    let json = serde_json::to_string(&dataset.relations).unwrap_or_default();
    assert!(json.contains(r#""events":"12""#), "numbers are kept: {json}");
    assert!(
        json.contains("2023-11-14T23:13:20+01:00"),
        "a Berlin timestamp, in Berlin time: {json}"
    );
    assert!(!json.contains("free text"));
    let unread = report
        .diagnostics
        .iter()
        .find(|d| d.code == "columns-not-read")
        .unwrap_or_else(|| panic!("the user is told"));
    assert!(
        unread.message.contains("text column notes is not read"),
        "{}",
        unread.message
    );
}

#[test]
fn rows_of_a_published_table_read_as_a_user_expects() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // European dates, a repeated row, and a date with no quote dating the link, not evidence.
    let path = folder.path().join("european.csv");
    std::fs::write(
        &path,
        "from;to;kind;date\nFrance;Germany;treaty;22.01.1963\nFrance;Germany;treaty;22.01.1963\nSpain;Portugal;treaty;1977\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let report = load_path(&path);
    let dataset = report.dataset.unwrap_or_else(|| panic!("{:?}", report.diagnostics));
    let elysee = relation(&dataset, "France", "Germany");
    assert_eq!(
        elysee.period.and_then(|p| p.start).map(|d| d.to_string()),
        Some("1963-01-22".into())
    );
    assert_eq!(dataset.relations.len(), 2);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == "merged-rows" && d.message.starts_with("1 row repeats")),
        "{:?}",
        report.diagnostics
    );

    let (code, printed) = common::entente(&[
        "check",
        "tests/data/formats/mapping/agreements.xlsx",
        "--map",
        "relations-sheet=Agreement,from=a,to=b",
    ]);
    assert_eq!(code, 1);
    assert!(
        printed.contains("no sheet “Agreement” (its sheets are Read me, Countries, Agreements)"),
        "{printed}"
    );
}

#[test]
fn a_workbooks_actors_sheet_can_be_left_out() {
    let dataset = opened(&fixture("kumu-map.xlsx"), Some("actors-sheet="));
    assert_eq!(dataset.actors.len(), 6, "the actors the connections name");
    assert_eq!(
        dataset.actor("Russia").and_then(|a| a.description.clone()),
        None,
        "the Elements sheet is not read"
    );
}
