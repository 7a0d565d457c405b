//! Files built to break a loader: truncated, mis-encoded, nested without end, entity bombs,
//! gigantic values, links that are not links. Each must give its expected clear error or
//! warning, quickly, and never panic. The expectation sits beside each file in `.expect`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use entente::io::load_path;
use entente::model::Severity;

/// Generous for a debug build on a busy two-core machine; a hang or a quadratic blow-up
/// takes far longer.
const TIME_LIMIT: Duration = Duration::from_secs(5);

/// The files in a folder of `tests/`, each beside its `.expect` (a README explains the folder).
fn files_in(folder: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e != "expect"))
        .filter(|path| path.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

fn corpus() -> Vec<PathBuf> {
    files_in("hostile")
}

fn check(path: &Path, expectation: &str) {
    let name = path.display().to_string();
    let started = Instant::now();
    let report = load_path(path);
    let took = started.elapsed();
    assert!(took < TIME_LIMIT, "{name} took {took:?}");
    for diagnostic in &report.diagnostics {
        assert!(!diagnostic.message.trim().is_empty(), "{name}: an empty message");
        assert_eq!(
            diagnostic.file.as_deref(),
            Some(name.as_str()),
            "{name}: diagnostics name the file"
        );
    }
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let listing = || {
        report
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    match expectation.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["ok"] => {
            assert!(report.dataset.is_some(), "{name} should load:\n{}", listing());
            assert!(
                report.diagnostics.is_empty(),
                "{name} should load cleanly:\n{}",
                listing()
            );
        }
        ["warning", code] => {
            assert!(
                report.dataset.is_some() && errors.is_empty(),
                "{name} should load:\n{}",
                listing()
            );
            assert!(
                report
                    .diagnostics
                    .iter()
                    .any(|d| d.code == *code && d.severity == Severity::Warning),
                "{name} should warn {code}:\n{}",
                listing()
            );
        }
        ["error", code] => {
            assert!(report.dataset.is_none(), "{name} should not load");
            assert!(
                errors.iter().any(|d| d.code == *code),
                "{name} should fail with {code}:\n{}",
                listing()
            );
        }
        _ => panic!("{name}: bad expectation `{expectation}`"),
    }
}

#[test]
fn every_hostile_file_gets_its_expected_message_quickly() {
    let files = corpus();
    assert!(files.len() >= 50, "the corpus has {} files", files.len());
    for path in files {
        let expect_path = PathBuf::from(format!("{}.expect", path.display()));
        let expectation =
            std::fs::read_to_string(&expect_path).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        check(&path, expectation.trim());
    }
}

/// Inputs the fuzzers found to break a loader, kept once fixed (see docs/reliability.md).
#[test]
fn every_fuzzer_finding_stays_fixed() {
    for path in files_in("fuzz-regressions") {
        let expect_path = PathBuf::from(format!("{}.expect", path.display()));
        let expectation =
            std::fs::read_to_string(&expect_path).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        check(&path, expectation.trim());
    }
}

/// Files too big to keep in the repository are made here, then held to the same rules.
#[test]
fn gigantic_values_and_huge_graphs_are_handled_within_bounds() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, text: String| {
        let path = folder.path().join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let big_quote = "x".repeat(10 << 20);
    let json = format!(
        r#"{{"format": "entente-dataset", "version": 1, "title": "t", "sources": [{{"id": "s", "title": "S"}}],
        "actors": [{{"id": "a", "name": "A", "kind": "state"}}, {{"id": "b", "name": "B", "kind": "state"}}],
        "relations": [{{"id": "r", "kind": "treaty", "from": "a", "to": "b", "evidence": [{{"source": "s", "quote": "{big_quote}"}}]}}]}}"#
    );
    check(&write("ten-megabyte-quote.json", json), "ok");

    let attribute = format!(
        "<graphml><graph><node id=\"a\" note=\"{}\"/></graph></graphml>",
        "y".repeat(9 << 20)
    );
    check(&write("nine-megabyte-attribute.graphml", attribute), "error too-large");

    let mut rows = String::from("from,to\n");
    for i in 0..100_000 {
        rows.push_str(&format!("a{},a{}\n", i % 5000, (i * 7 + 1) % 5000));
    }
    check(&write("hundred-thousand-tiny-edges.csv", rows), "warning no-evidence");
}
