//! Any JSON that fits the dataset's shape, through the validator, whatever it holds: dangling
//! references, odd dates, duplicate ids, strange links. The validator must report, not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(dataset) = serde_json::from_slice::<entente::model::Dataset>(bytes) {
        let _ = entente::model::validate(&dataset);
        let _ = entente::model::Summary::of(&dataset);
    }
});
