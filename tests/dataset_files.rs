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
#[test]
fn every_built_in_quote_is_verbatim_from_the_article() {
    let article_path = repo_path("../shared/sources/north-korea-alliances-article.txt");
    let Ok(article) = fs::read_to_string(&article_path) else {
        eprintln!("skipped: {} is not present", article_path.display());
        return;
    };
    let dataset = load_path(&repo_path("data/north-korea-alliances.json"))
        .dataset
        .unwrap_or_else(|| panic!("must load"));
    let mut checked = 0;
    for relation in &dataset.relations {
        for evidence in &relation.evidence {
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
            checked += 1;
        }
    }
    assert!(checked >= 20);
    // What the article does not say stays unknown.
    let source = &dataset.sources[0];
    assert_eq!((source.url.as_ref(), source.published), (None, None));
}
