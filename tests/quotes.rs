//! Every quote checked against its source's own text, as an analyst relies on it: found as
//! written, found with whitespace, quotation marks or dashes set aside (and said), or not
//! found, in the app's model and by `entente check`.

use std::path::Path;
use std::sync::Arc;

use entente::built_in_dataset;
use entente::io::load_path;
use entente::model::{Paragraphs, QuoteCheck, QuoteChecks, SourceText, Tolerated, propose_attribution};

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

#[test]
fn a_saved_web_page_in_windows_1252_is_read_as_its_text_and_its_quotes_verified_as_written() {
    let report = load_path(Path::new("tests/data/quotes/web-page.json"));
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let dataset = report.dataset.unwrap_or_else(|| panic!("opens"));
    let text = dataset.sources[0].attached.as_deref().unwrap_or_default();
    // The page as a reader sees it: its heading and paragraphs, not its menu, script or title.
    let paragraphs = Paragraphs::of(text);
    let shown: Vec<&str> = paragraphs.iter().map(|r| &text[r]).collect();
    assert_eq!(
        shown,
        [
            "Pyongyang and Moscow sign a pact",
            "The leaders met in June. He called it “a historic step” for the alliance, the agency said.",
            "Arms & ammunition followed – by rail, officials said.",
            "Café de la Presse © 2024",
        ]
    );
    let checks = QuoteChecks::of(&dataset);
    for check in &checks.checks[0] {
        assert!(
            matches!(check, QuoteCheck::Verified { tolerated, .. } if !tolerated.any()),
            "found as written once the page is decoded: {check:?}"
        );
    }
}

#[test]
fn the_speakers_offered_from_the_articles_sentences_are_the_ones_the_built_in_dataset_names() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/north-korea-alliances-article.txt");
    let Ok(text) = std::fs::read_to_string(&article) else {
        eprintln!("not run: {} is not present", article.display());
        return;
    };
    let paragraphs = Paragraphs::of(&text);
    let dataset = built_in_dataset();
    let mut offered = std::collections::BTreeSet::new();
    for item in dataset
        .relations
        .iter()
        .flat_map(|r| &r.evidence)
        .filter(|e| e.source == "newsweek-nk-partnerships")
    {
        let at = text
            .find(&item.quote)
            .unwrap_or_else(|| panic!("{} is in the article", item.quote));
        let paragraph = paragraphs
            .get(paragraphs.at_byte(at).unwrap_or_default())
            .unwrap_or_default();
        let local = at - paragraph.start..at - paragraph.start + item.quote.len();
        let Some(found) = propose_attribution(&text, &text[paragraph], local) else {
            continue;
        };
        // An offer is never a different person from the one the dataset's author named.
        assert_eq!(Some(&found.speaker), item.speaker.as_ref(), "for “{}”", item.quote);
        if let (Some(role), Some(named)) = (&found.role, &item.speaker_role) {
            assert_eq!(role, named, "for “{}”", item.quote);
        }
        offered.insert(found.speaker);
    }
    let offered: Vec<&str> = offered.iter().map(String::as_str).collect();
    assert_eq!(
        offered,
        [
            "Alexey Maslov",
            "Christopher Chivvis",
            "Samuel Ramani",
            "The U.S. and NATO"
        ],
        "everyone the article quotes by name is offered"
    );
}

/// The line a locator names ("…, line 12"), if it names one.
fn located_line(locator: &str) -> Option<usize> {
    let (_, after) = locator.rsplit_once("line ")?;
    after.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

#[test]
fn every_built_in_locator_names_the_line_its_quote_stands_on_as_the_reader_numbers_it() {
    let mut dataset = built_in_dataset();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/north-korea-alliances-article.txt");
    if let Ok(text) = std::fs::read_to_string(&article)
        && let Some(source) = dataset.sources.iter_mut().find(|s| s.id == "newsweek-nk-partnerships")
    {
        source.attached = Some(Arc::from(text.as_str()));
    }
    let mut checked = 0;
    for (r, relation) in dataset.relations.iter().enumerate() {
        for (e, item) in relation.evidence.iter().enumerate() {
            let Some(text) = dataset
                .sources
                .iter()
                .find(|s| s.id == item.source)
                .and_then(|s| s.attached.clone())
            else {
                continue;
            };
            let locator = item
                .locator
                .as_deref()
                .unwrap_or_else(|| panic!("“{}” has no locator", item.quote));
            let line = located_line(locator).unwrap_or_else(|| panic!("{locator} names no line"));
            let QuoteCheck::Verified { at, .. } = QuoteChecks::of(&dataset).get(r, e).clone() else {
                panic!("“{}” is verified", item.quote)
            };
            let paragraphs = Paragraphs::of(&text);
            let paragraph = paragraphs.at_byte(at.start).unwrap_or_default();
            assert_eq!(paragraphs.number(paragraph), line, "{locator}: “{}”", item.quote);
            assert_eq!(text[..at.start].matches('\n').count() + 1, line);
            checked += 1;
        }
    }
    assert!(checked >= 29, "the chronology's quotes at least: {checked}");
}
