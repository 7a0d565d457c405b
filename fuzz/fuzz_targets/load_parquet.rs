//! Any bytes, read as a .parquet file the way the app opens one: never a panic, a hang or a crash.
//! A file that loads must also survive a save as Entente JSON and load again.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let report = entente::io::load_bytes(bytes, Path::new("fuzz.parquet"));
    if let Some(dataset) = report.dataset {
        entente_fuzz::saved_dataset_loads_again(&dataset);
    }
});
