//! Every file the fuzzer starts from (`scripts/fuzz.sh` seeds its corpus from these folders),
//! through what each fuzz target checks: read the way the app opens a file of its kind, and
//! when it loads, indexed, filtered, searched, written in every format and read back. The
//! fuzzing itself runs in `scripts/fuzz.sh` (docs/reliability.md); this keeps its seeds' checks
//! in every `cargo test` without building the fuzzer.

use std::path::{Path, PathBuf};

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_checks;

/// The extensions the fuzz targets read, and the folders their corpus is seeded from.
const READ: [&str; 12] = [
    "json", "graphml", "gexf", "csv", "gml", "net", "txt", "edges", "tsv", "xlsx", "ods", "parquet",
];
const SEEDED_FROM: [&str; 4] = ["data", "tests/hostile", "tests/data", "tests/fuzz-regressions"];
/// The fuzzer takes inputs up to this size (`-max_len`), and seeds only smaller files.
const LARGEST_SEED: u64 = 64 << 10;

/// The name a fuzz target reads its input under, for a seed with this extension
/// (`scripts/fuzz.sh` seeds `load_edge_list` with `.txt`, `.edges` and `.tsv` files, and
/// `load_workbook` with `.xlsx` and `.ods`).
fn target_name(extension: &str) -> String {
    match extension {
        "txt" | "edges" | "tsv" => "fuzz.edges".to_owned(),
        "xlsx" | "ods" => "fuzz.xlsx".to_owned(),
        other => format!("fuzz.{other}"),
    }
}

fn seeds(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for path in entries.map(|e| e.unwrap_or_else(|e| panic!("{}: {e}", folder.display())).path()) {
        if path.is_dir() {
            seeds(&path, found);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| READ.contains(&e))
            && path.metadata().map_or(u64::MAX, |m| m.len()) < LARGEST_SEED
        {
            found.push(path);
        }
    }
}

#[test]
fn every_fuzz_seed_loads_or_is_refused_and_what_loads_survives_a_save() {
    let mut files = Vec::new();
    for folder in SEEDED_FROM {
        seeds(Path::new(folder), &mut files);
    }
    files.sort();
    assert!(files.len() > 100, "the seeds are found: {}", files.len());
    let mut loaded = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let extension = path.extension().and_then(|e| e.to_str()).unwrap();
        let name = PathBuf::from(target_name(extension));
        let report = entente::io::load_bytes(&bytes, &name);
        if let Some(dataset) = report.dataset {
            loaded += 1;
            let checked = std::panic::catch_unwind(|| fuzz_checks::saved_dataset_loads_again(&dataset));
            assert!(
                checked.is_ok(),
                "{}: a loaded dataset failed the fuzz checks",
                path.display()
            );
        }
        if extension == "json"
            && let Ok(dataset) = serde_json::from_slice::<entente::model::Dataset>(&bytes)
        {
            let _ = entente::model::validate(&dataset);
            let _ = entente::model::Summary::of(&dataset);
        }
    }
    eprintln!("{loaded} of {} seeds loaded and passed the checks", files.len());
    assert!(loaded > 50, "many seeds load: {loaded} of {}", files.len());
}
