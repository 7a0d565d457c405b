//! Small helpers for the words the app and the command line print.

/// "1 source", "3 sources".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(feature = "analysis")]
/// "The 3 shortest paths", "The only path": fewer than asked means there are no more.
pub fn shortest_paths(found: usize, asked: usize) -> String {
    match found {
        1 if asked > 1 => "The only path".to_owned(),
        1 => "The shortest path".to_owned(),
        n if n < asked => format!("The only {n} paths"),
        n => format!("The {n} shortest paths"),
    }
}

#[cfg(feature = "analysis")]
/// A measure to four significant figures: 0.4376, 0.0001234 (not 0.0001 nor 0.0000).
pub fn measure(value: f64) -> String {
    if value == 0.0 || value.abs() >= 0.001 {
        format!("{value:.4}")
    } else {
        format!("{value:.3e}")
    }
}

#[cfg(feature = "analysis")]
/// A relation as a path's hop lists it: kind, its own direction (which may run against the
/// path's) and period, as in "Arms supply: North Korea → Iran · 1982–February 1988".
pub fn relation_line(dataset: &crate::model::Dataset, relation: &crate::model::Relation) -> String {
    let name = |id: &str| {
        dataset
            .actors
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    };
    let arrow = match relation.direction {
        crate::model::Direction::Directed => "→",
        crate::model::Direction::Mutual => "↔",
    };
    let period = relation.period.map_or_else(|| "undated".to_owned(), |p| p.describe());
    format!(
        "{}: {} {arrow} {} · {period}",
        dataset.relation_kind_label(&relation.kind),
        name(&relation.from),
        name(&relation.to)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(super::count(1, "warning"), "1 warning");
        assert_eq!(super::count(0, "warning"), "0 warnings");
        assert_eq!(super::count(12, "error"), "12 errors");
    }

    #[test]
    #[cfg(feature = "analysis")]
    fn small_measures_keep_their_figures() {
        assert_eq!(super::measure(0.437_635), "0.4376");
        assert_eq!(super::measure(0.0), "0.0000");
        assert_eq!(super::measure(0.000_123_4), "1.234e-4");
        assert_eq!(super::shortest_paths(3, 5), "The only 3 paths");
        assert_eq!(super::shortest_paths(5, 5), "The 5 shortest paths");
    }
}
