//! Every quote checked against its source's own text, as an analyst relies on it: found as
//! written, found with whitespace, quotation marks or dashes set aside (and said), or not
//! found, in the app's model and by `entente check`.

use std::path::Path;
use std::sync::Arc;

use entente::built_in_dataset;
use entente::io::load_path;
use entente::model::{QuoteCheck, QuoteChecks, SourceText, Tolerated};

#[test]
fn each_quote_of_the_fixture_is_verified_tolerated_not_found_or_has_no_text() {
    let report = load_path(Path::new("tests/data/quotes/quoted.json"));
    let dataset = report
        .dataset
        .unwrap_or_else(|| panic!("opens despite a quote not found: {:?}", report.diagnostics));
    let not_found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "quote-not-found")
        .collect();
    assert_eq!(not_found.len(), 1, "{:?}", report.diagnostics);
    assert!(not_found[0].is_error());
    assert_eq!((not_found[0].line, not_found[0].column), (Some(35), Some(40)));

    let checks = QuoteChecks::of(&dataset);
    let troops = &checks.checks[0];
    assert!(matches!(&troops[0], QuoteCheck::Verified { tolerated, .. } if !tolerated.any()));
    assert_eq!(
        match &troops[1] {
            QuoteCheck::Verified { tolerated, .. } => *tolerated,
            other => panic!("{other:?}"),
        },
        Tolerated {
            whitespace: true,
            quote_marks: true,
            dashes: true
        },
        "a line break, a straight apostrophe and a hyphen for an em dash"
    );
    assert_eq!(troops[2], QuoteCheck::NotFound, "June written as July");
    assert!(matches!(troops[3], QuoteCheck::Verified { .. }), "an inline text");
    assert_eq!(troops[4], QuoteCheck::NoText);
    // Where the quote stands, for a jump to the passage.
    if let QuoteCheck::Verified { at, .. } = &troops[0] {
        let text = dataset.sources[0].attached.as_deref().unwrap_or_default();
        assert_eq!(&text[at.clone()], dataset.relations[0].evidence[0].quote);
    }
}

#[test]
fn check_fails_on_a_quote_not_found_and_points_at_it() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["check", "tests/data/quotes/quoted.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("tests/data/quotes/quoted.json:35:40: error: relation `troops` quotes words not found in the text attached to source `report`"),
        "{out}"
    );
}

#[test]
fn a_text_outside_the_datasets_folder_is_not_read() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("escape.json");
    let text = std::fs::read_to_string("tests/data/quotes/quoted.json")
        .unwrap_or_else(|e| panic!("{e}"))
        .replace("\"file\": \"report.txt\"", "\"file\": \"../../etc/passwd\"");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let report = load_path(&path);
    let warning = report
        .diagnostics
        .iter()
        .find(|d| d.code == "source-text-unreadable")
        .unwrap_or_else(|| panic!("{:?}", report.diagnostics));
    assert!(
        warning.message.contains("is not a path inside the dataset's folder"),
        "{}",
        warning.message
    );
    assert!(report.dataset.is_some_and(|d| d.sources[0].attached.is_none()));
}

#[test]
fn with_the_article_attached_every_quote_of_the_built_in_dataset_is_verified() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/north-korea-alliances-article.txt");
    let Ok(text) = std::fs::read_to_string(&article) else {
        eprintln!(
            "the article's quotes are not checked: {} is not present",
            article.display()
        );
        return;
    };
    let mut dataset = built_in_dataset();
    let source = dataset
        .sources
        .iter_mut()
        .find(|s| s.id == "newsweek-nk-partnerships")
        .unwrap_or_else(|| panic!("the article is a source"));
    source.text = Some(SourceText::File(article.display().to_string()));
    source.attached = Some(Arc::from(text.as_str()));
    let checks = QuoteChecks::of(&dataset);
    let (verified, not_found, no_text) = checks.counts();
    assert_eq!((not_found, no_text), (0, 0));
    assert_eq!(
        verified,
        dataset.relations.iter().map(|r| r.evidence.len()).sum::<usize>()
    );
}

#[test]
fn a_dataset_saved_elsewhere_takes_its_sources_texts_with_it() {
    let report = load_path(Path::new("tests/data/quotes/quoted.json"));
    let dataset = report.dataset.unwrap_or_else(|| panic!("opens"));
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let saved = folder.path().join("copy.json");
    entente::io::save_path(&dataset, &saved).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        folder.path().join("report.txt").is_file(),
        "the text is written beside the copy"
    );
    let again = load_path(&saved).dataset.unwrap_or_else(|| panic!("reopens"));
    assert_eq!(QuoteChecks::of(&again), QuoteChecks::of(&dataset));
}
