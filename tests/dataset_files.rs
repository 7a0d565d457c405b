//! The dataset files users open: the built-in dataset and good files (the broken ones are held
//! to their messages in `expected_diagnostics.rs`).

use std::fs;
use std::path::{Path, PathBuf};

use entente::io::{load_path, to_json};

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo_path(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.map(|e| e.path()).unwrap_or_default())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_built_in_dataset_loads_without_a_single_warning() {
    let report = load_path(&repo_path("data/north-korea-alliances.json"));
    assert_eq!(report.diagnostics, vec![]);
    let dataset = report
        .dataset
        .unwrap_or_else(|| panic!("the built-in dataset must load"));
    assert!(
        dataset.relations.iter().all(|r| !r.evidence.is_empty()),
        "every relation carries evidence"
    );
    for kind in ["treaty", "arms_supply", "troop_deployment", "historical_support"] {
        assert!(
            dataset.relations.iter().any(|r| r.kind == kind),
            "the article supports a {kind} relation"
        );
    }
}

#[test]
fn good_files_load_and_warnings_do_not_stop_them() {
    for file in json_files("tests/data/valid") {
        let report = load_path(&file);
        assert_eq!(report.error_count(), 0, "{}: {:#?}", file.display(), report.diagnostics);
        assert!(report.dataset.is_some());
    }
    let report = load_path(&repo_path("tests/data/valid/with-extensions.json"));
    let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["no-evidence"], "a relation without evidence is a warning only");
}

#[test]
fn fields_entente_does_not_know_survive_a_save() {
    let original = load_path(&repo_path("tests/data/valid/with-extensions.json"))
        .dataset
        .unwrap_or_else(|| panic!("fixture must load"));
    let saved = to_json(&original).unwrap_or_else(|e| panic!("{e}"));
    for field in [
        "x-editor",
        "last_opened_by",
        "x-order",
        "archive_id",
        "iso3",
        "founded_note",
        "confidence_band",
        "reviewed_by",
        "weight_hint",
    ] {
        assert!(saved.contains(&format!("\"{field}\"")), "`{field}` was lost on save");
    }
    let reloaded = entente::io::load_text(&saved, "saved.json")
        .dataset
        .unwrap_or_else(|| panic!("saved file must load"));
    assert_eq!(reloaded, original);

    let original_value: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(repo_path("tests/data/valid/with-extensions.json")).unwrap_or_default(),
    )
    .unwrap_or_default();
    let saved_value: serde_json::Value = serde_json::from_str(&saved).unwrap_or_default();
    assert_eq!(saved_value, original_value, "saving changes nothing a user wrote");
}

#[test]
fn the_schema_accepts_the_shipped_data_and_rejects_broken_files() {
    let schema_text = fs::read_to_string(repo_path("assets/entente-dataset.schema.json")).unwrap_or_default();
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap_or_else(|e| panic!("schema: {e}"));
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("schema: {e}"));
    let instance = |path: &Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(path).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let mut good = json_files("data");
    good.extend(json_files("tests/data/valid"));
    for file in good {
        let value = instance(&file);
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
    // Problems a schema can see must be seen by it too, so editors that use the schema agree with Entente.
    for broken in [
        "wrong-types",
        "missing-fields",
        "bad-dates",
        "bad-links",
        "empty-quote",
        "newer-version",
        "not-a-dataset",
        "bad-colour-and-credibility",
    ] {
        let value = instance(&repo_path(&format!("tests/data/invalid/{broken}.json")));
        assert!(!validator.is_valid(&value), "the schema accepts {broken}.json");
    }
}

/// Evidence is copied verbatim: every quote in the built-in dataset must stand, character for
/// character, in the article it cites. CI lays `../shared` beside the checkout.
const ARTICLE: &str = "newsweek-nk-partnerships";
const CHRONOLOGY: &str = "entente-nk-chronology";

/// The chronology ships with Entente (it is the project's own compilation); the article's text
/// is not the project's to redistribute and is read from `../shared` when it is there.
fn chronology_text() -> String {
    let shipped = fs::read_to_string(repo_path("data/sources/north-korea-dated-chronology.txt"))
        .unwrap_or_else(|e| panic!("the chronology ships in data/sources: {e}"));
    if let Ok(shared) = fs::read_to_string(repo_path("../shared/sources/north-korea-dated-chronology.txt")) {
        assert_eq!(shipped, shared, "the shipped chronology is the shared one, unchanged");
    }
    shipped
}

#[test]
fn every_built_in_quote_is_verbatim_from_its_source() {
    let chronology = chronology_text();
    let article_path = repo_path("../shared/sources/north-korea-alliances-article.txt");
    let article = fs::read_to_string(&article_path).ok();
    if article.is_none() {
        eprintln!(
            "the article's quotes are not checked: {} is not present",
            article_path.display()
        );
    }
    let dataset = load_path(&repo_path("data/north-korea-alliances.json"))
        .dataset
        .unwrap_or_else(|| panic!("must load"));
    let (mut from_article, mut from_chronology) = (0, 0);
    for relation in &dataset.relations {
        for evidence in &relation.evidence {
            match evidence.source.as_str() {
                CHRONOLOGY => {
                    // A whole line, so the outlets that reported the event come with it.
                    assert!(
                        chronology.lines().any(|line| line == evidence.quote),
                        "relation `{}` quotes what is not a line of the chronology: {:?}",
                        relation.id,
                        evidence.quote
                    );
                    assert_eq!(evidence.speaker, None, "the chronology quotes no one");
                    from_chronology += 1;
                }
                ARTICLE => {
                    let Some(article) = &article else { continue };
                    assert!(
                        article.contains(&evidence.quote),
                        "relation `{}` quotes words not in the article: {:?}",
                        relation.id,
                        evidence.quote
                    );
                    if let Some(speaker) = &evidence.speaker {
                        // The article names each speaker (or body) it quotes.
                        let surname = speaker.split_whitespace().last().unwrap_or(speaker);
                        assert!(
                            article.contains(surname),
                            "speaker {speaker} is not named in the article"
                        );
                    }
                    if let Some(as_stated) = relation.magnitude.as_ref().map(|m| &m.as_stated) {
                        assert!(
                            article.contains(as_stated.as_str()),
                            "magnitude of `{}` is not as stated",
                            relation.id
                        );
                    }
                    from_article += 1;
                }
                other => panic!("relation `{}` cites an unknown source `{other}`", relation.id),
            }
        }
    }
    assert!(from_article >= 20 || article.is_none());
    assert!(from_chronology >= 20, "{from_chronology} items quote the chronology");
    // What the article does not say stays unknown; its headline is the republications'.
    let source = dataset
        .source(ARTICLE)
        .unwrap_or_else(|| panic!("the article is a source"));
    assert_eq!((source.url.as_ref(), source.published), (None, None));
    assert!(
        source
            .notes
            .as_deref()
            .is_some_and(|n| n.contains("taken from two republications"))
    );
    let chronology_source = dataset
        .source(CHRONOLOGY)
        .unwrap_or_else(|| panic!("the chronology is a source"));
    assert!(
        chronology_source
            .notes
            .as_deref()
            .is_some_and(|n| n.contains("secondary compilation"))
    );
}

/// Every date on a built-in relation is one the article gives in so many words, or one a
/// line of the chronology quoted on that same relation gives.
#[test]
fn every_built_in_date_is_quoted_from_the_source_that_gives_it() {
    let dataset = load_path(&repo_path("data/north-korea-alliances.json"))
        .dataset
        .unwrap_or_else(|| panic!("must load"));
    let mut dated = 0;
    for relation in &dataset.relations {
        let periods = relation.period.iter().chain(&relation.spells);
        for date in periods.flat_map(|p| [p.start, p.end]).flatten() {
            let quoted = |source: &str, words: &str| {
                relation
                    .evidence
                    .iter()
                    .any(|e| e.source == source && e.quote.contains(words))
            };
            let in_article = quoted(ARTICLE, &date.describe());
            let in_chronology = quoted(CHRONOLOGY, &date.to_string()) || quoted(CHRONOLOGY, &date.describe());
            assert!(
                in_article || in_chronology,
                "relation `{}` is dated {date} but quotes no source that gives it",
                relation.id
            );
            dated += 1;
        }
    }
    assert!(dated >= 30, "{dated} dates");
}
