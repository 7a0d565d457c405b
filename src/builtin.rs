//! The dataset a first launch shows: North Korea's partnerships, built from one news article.

use crate::io::{TextFolder, attach_and_check, load_text};
use crate::model::Dataset;

pub const BUILT_IN_NAME: &str = "Built-in: North Korea's partnerships";

const BUILT_IN_JSON: &str = include_str!("../data/north-korea-alliances.json");

/// The texts the built-in dataset attaches to its sources, by the path its file gives: the
/// chronology is the project's own compilation and ships with it; the news article is not ours
/// to redistribute, so its quotes have no text to be checked against until a user attaches one.
fn built_in_text(path: &str) -> Option<&'static str> {
    match path {
        "sources/north-korea-dated-chronology.txt" => {
            Some(include_str!("../data/sources/north-korea-dated-chronology.txt"))
        }
        _ => None,
    }
}

/// The built-in dataset. Tests prove it loads cleanly; should it ever fail, the app still
/// starts, on an empty dataset that says so, rather than not at all.
pub fn built_in_dataset() -> Dataset {
    let mut dataset = load_text(BUILT_IN_JSON, BUILT_IN_NAME)
        .dataset
        .unwrap_or_else(|| Dataset::new("The built-in dataset could not be read"));
    // Tests prove every quote is found; here only the texts are wanted.
    let _ = attach_and_check(&mut dataset, &TextFolder::BuiltIn(&built_in_text), None);
    dataset
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_dataset_is_the_shipped_file_and_loads() {
        let dataset = super::built_in_dataset();
        assert_eq!(dataset.title, "North Korea's partnerships");
        assert!(dataset.relations.len() >= 20);
    }

    #[test]
    fn the_chronology_is_attached_and_every_quote_from_it_is_verified() {
        let dataset = super::built_in_dataset();
        let checks = crate::model::QuoteChecks::of(&dataset);
        let mut from_chronology = 0;
        for (relation, per_item) in dataset.relations.iter().zip(&checks.checks) {
            for (evidence, check) in relation.evidence.iter().zip(per_item) {
                if evidence.source == "entente-nk-chronology" {
                    assert!(
                        matches!(check, crate::model::QuoteCheck::Verified { .. }),
                        "{}",
                        evidence.quote
                    );
                    from_chronology += 1;
                } else {
                    assert_eq!(
                        *check,
                        crate::model::QuoteCheck::NoText,
                        "the article's text is not ours to ship"
                    );
                }
            }
        }
        assert!(from_chronology > 20);
    }
}
