//! Every file that must fail, or load with a word of warning, beside what it must say. One
//! runner for all of them: the broken datasets in `tests/data/invalid/`, the files built to
//! break a loader in `tests/hostile/` (truncated, mis-encoded, nested without end, entity
//! bombs, gigantic values, links that are not links), and what the fuzzers once found in
//! `tests/fuzz-regressions/`.
//!
//! Beside each file `NAME` sits `NAME.expect`, one line per diagnostic in the order they are
//! reported (`#` starts a comment):
//!
//! ```text
//! ok                                       it loads, and nothing is said about it
//! error invalid-value 5:54 | not a date    severity, code, optionally line:column, and
//! warning missing-end                      optionally words the message contains
//! ...                                      more diagnostics may follow the ones listed
//! ```
//!
//! A file expected to give an error must not load; one expected to give only warnings must
//! load. Either way every diagnostic names the file, says something, and comes quickly.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use entente::io::load_path;
use entente::model::{Diagnostic, Severity};

/// Generous for a debug build on a busy two-core machine; a hang or a quadratic blow-up
/// takes far longer.
const TIME_LIMIT: Duration = Duration::from_secs(5);

/// One diagnostic the expectation asks for.
struct Expected<'a> {
    severity: Severity,
    code: &'a str,
    at: Option<(usize, usize)>,
    words: &'a str,
}

impl Expected<'_> {
    fn matches(&self, diagnostic: &Diagnostic) -> bool {
        diagnostic.severity == self.severity
            && diagnostic.code == self.code
            && self
                .at
                .is_none_or(|(line, column)| diagnostic.line == Some(line) && diagnostic.column == Some(column))
            && diagnostic.message.contains(self.words)
    }
}

struct Expectation<'a> {
    diagnostics: Vec<Expected<'a>>,
    /// `...`: the listed diagnostics need not be all of them.
    open_ended: bool,
}

fn parse_expectation<'a>(name: &str, text: &'a str) -> Expectation<'a> {
    let mut expectation = Expectation {
        diagnostics: Vec::new(),
        open_ended: false,
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') || line == "ok" {
            continue;
        }
        if line == "..." {
            expectation.open_ended = true;
            continue;
        }
        let (head, words) = line.split_once(" | ").unwrap_or((line, ""));
        let parts: Vec<&str> = head.split_whitespace().collect();
        let severity = match parts.first() {
            Some(&"error") => Severity::Error,
            Some(&"warning") => Severity::Warning,
            _ => panic!("{name}: `{line}` should start with ok, error, warning or ..."),
        };
        let code = parts
            .get(1)
            .unwrap_or_else(|| panic!("{name}: `{line}` names no diagnostic code"));
        let at = parts.get(2).map(|place| {
            place
                .split_once(':')
                .and_then(|(l, c)| Some((l.parse().ok()?, c.parse().ok()?)))
                .unwrap_or_else(|| panic!("{name}: `{place}` should be line:column"))
        });
        expectation.diagnostics.push(Expected {
            severity,
            code,
            at,
            words,
        });
    }
    expectation
}

/// Loads `path` and holds it to `expectation`.
fn check(path: &Path, expectation: &str) {
    let name = path.display().to_string();
    let expectation = parse_expectation(&name, expectation);
    let started = Instant::now();
    let report = load_path(path);
    let took = started.elapsed();
    assert!(took < TIME_LIMIT, "{name} took {took:?}");

    let listing = report
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    for diagnostic in &report.diagnostics {
        assert!(!diagnostic.message.trim().is_empty(), "{name}: an empty message");
        assert_eq!(
            diagnostic.file.as_deref(),
            Some(name.as_str()),
            "{name}: every diagnostic names its file"
        );
        if let (Some(line), Some(column)) = (diagnostic.line, diagnostic.column) {
            assert!(
                diagnostic.to_string().starts_with(&format!("{name}:{line}:{column}: ")),
                "{name}: `{diagnostic}` should start with its place, as editors link it"
            );
        }
    }

    let expects_error = expectation.diagnostics.iter().any(|d| d.severity == Severity::Error);
    if expects_error {
        assert!(
            report.dataset.is_none(),
            "{name} loaded although it has errors:\n{listing}"
        );
    } else {
        let has_error = report.diagnostics.iter().any(|d| d.severity == Severity::Error);
        assert!(report.dataset.is_some() && !has_error, "{name} should load:\n{listing}");
    }
    if !expectation.open_ended {
        assert_eq!(
            report.diagnostics.len(),
            expectation.diagnostics.len(),
            "{name}: expected exactly {} diagnostics, got:\n{listing}",
            expectation.diagnostics.len()
        );
    }
    // In order, each expected diagnostic is one of those reported after the one before it.
    let mut reported = report.diagnostics.iter();
    for expected in &expectation.diagnostics {
        let found = reported.by_ref().any(|d| expected.matches(d));
        let place = expected.at.map(|(l, c)| format!(" at {l}:{c}")).unwrap_or_default();
        assert!(
            found,
            "{name}: expected {:?} {}{place} mentioning `{}`, in this order, got:\n{listing}",
            expected.severity, expected.code, expected.words
        );
    }
}

/// The files of a folder of `tests/` that have an expectation beside them.
fn expected_files(folder: &str) -> Vec<(PathBuf, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e != "expect"))
        .filter(|path| path.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let expect_path = PathBuf::from(format!("{}.expect", path.display()));
            let expectation =
                std::fs::read_to_string(&expect_path).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
            (path, expectation)
        })
        .collect()
}

#[test]
fn every_broken_dataset_fails_with_the_expected_message_and_location() {
    let files = expected_files("data/invalid");
    assert!(
        files.len() >= 15,
        "the broken-dataset folder should cover every kind of problem"
    );
    for (path, expectation) in files {
        check(&path, &expectation);
    }
}

#[test]
fn every_hostile_file_gets_its_expected_message_quickly() {
    let files = expected_files("hostile");
    assert!(files.len() >= 50, "the corpus has {} files", files.len());
    for (path, expectation) in files {
        check(&path, &expectation);
    }
}

/// Inputs the fuzzers found to break a loader, kept once fixed (see docs/reliability.md). As
/// the fuzzers do, each that opens is saved as Entente JSON and must open again: a file
/// Entente wrote from someone else's table keeps its caveats, so its odd records stay warnings.
#[test]
fn every_fuzzer_finding_stays_fixed() {
    let files = expected_files("fuzz-regressions");
    assert!(!files.is_empty());
    for (path, expectation) in files {
        check(&path, &expectation);
        let Some(dataset) = load_path(&path).dataset else {
            continue;
        };
        let written = entente::io::encode(&dataset, entente::io::Format::Entente)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let again = entente::io::load_bytes(written.as_bytes(), Path::new("again.json"));
        let errors: Vec<String> = again
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        assert!(
            again.dataset.is_some(),
            "{}: saved as Entente JSON, it does not open again: {errors:?}",
            path.display()
        );
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
    check(
        &write("nine-megabyte-attribute.graphml", attribute),
        "error too-large\n...",
    );

    let mut rows = String::from("from,to\n");
    for i in 0..100_000 {
        rows.push_str(&format!("a{},a{}\n", i % 5000, (i * 7 + 1) % 5000));
    }
    check(
        &write("hundred-thousand-tiny-edges.csv", rows),
        "warning no-evidence\n...",
    );
}

/// No size wall: a file bigger than the old 256 MiB limit opens when it fits in memory (here
/// 270 MiB of JSON, most of it the spaces a pretty-printer might leave).
#[test]
fn a_file_over_256_mib_opens_when_it_fits_in_memory() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("big.json");
    let dataset = r#"{"format": "entente-dataset", "version": 1, "title": "Padded", "actors": [
        {"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
        "relations": [{"id": "r", "kind": "treaty", "from": "a", "to": "b"}]}"#;
    let mut text = String::with_capacity(271 << 20);
    text.push_str(dataset);
    text.push_str(&" ".repeat(270 << 20));
    text.push('\n');
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let report = entente::io::load_path(&path);
    assert!(
        report.dataset.is_some_and(|d| d.relations.len() == 1),
        "{:?}",
        report.diagnostics
    );
}
