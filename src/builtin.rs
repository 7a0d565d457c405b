//! The dataset a first launch shows: North Korea's partnerships, built from one news article.

use crate::io::load_text;
use crate::model::Dataset;

pub const BUILT_IN_NAME: &str = "Built-in: North Korea's partnerships";

const BUILT_IN_JSON: &str = include_str!("../data/north-korea-alliances.json");

/// The built-in dataset. Tests prove it loads cleanly; should it ever fail, the app still
/// starts, on an empty dataset that says so, rather than not at all.
pub fn built_in_dataset() -> Dataset {
    load_text(BUILT_IN_JSON, BUILT_IN_NAME)
        .dataset
        .unwrap_or_else(|| Dataset::new("The built-in dataset could not be read"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_dataset_is_the_shipped_file_and_loads() {
        let dataset = super::built_in_dataset();
        assert_eq!(dataset.title, "North Korea's partnerships");
        assert!(dataset.relations.len() >= 20);
    }
}
