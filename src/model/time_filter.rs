//! Seeing the alliances as of a date, or over a span of years.

use serde::{Deserialize, Serialize};

use super::{Dataset, Period};

/// A span of whole years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearSpan {
    pub from: i32,
    pub to: i32,
}

impl YearSpan {
    pub fn year(year: i32) -> Self {
        Self { from: year, to: year }
    }

    /// Whether something that held during `period` held at some time in this span. An open
    /// end holds on for ever (or back for ever); an unknown period is not known to miss it.
    pub fn overlaps(&self, period: Option<&Period>) -> bool {
        let Some(period) = period else { return true };
        let span_start = (self.from.min(self.to), 1, 1);
        let span_end = (self.from.max(self.to), 12, 31);
        let starts_in_time = period.start.is_none_or(|s| s.earliest() <= span_end);
        let ends_in_time = period.end.is_none_or(|e| e.latest() >= span_start);
        starts_in_time && ends_in_time
    }

    /// As `overlaps`, for something present over `period` or, when it has spells, only
    /// during them: a relation that lapsed in between is not there in the gap.
    pub fn meets(&self, period: Option<&Period>, spells: &[Period]) -> bool {
        if spells.is_empty() {
            self.overlaps(period)
        } else {
            spells.iter().any(|spell| self.overlaps(Some(spell)))
        }
    }
}

/// Whether what falls outside the chosen time is faded or left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutsideTime {
    #[default]
    Fade,
    Hide,
}

/// The years a dataset's dates cover, from the earliest start or end to the latest (and at
/// least to `this_year` when something is still going on).
pub fn year_range(dataset: &Dataset, this_year: i32) -> Option<(i32, i32)> {
    let periods = dataset
        .relations
        .iter()
        .filter_map(|r| r.period.as_ref())
        .chain(dataset.actors.iter().filter_map(|a| a.active.as_ref()));
    let mut range: Option<(i32, i32)> = None;
    let mut open_ended = false;
    for period in periods {
        for date in [period.start, period.end].into_iter().flatten() {
            let year = date.year;
            range = Some(range.map_or((year, year), |(lo, hi)| (lo.min(year), hi.max(year))));
        }
        open_ended |= period.start.is_some() && period.end.is_none();
    }
    range.map(|(lo, hi)| (lo, if open_ended { hi.max(this_year) } else { hi }))
}

/// How many relations of each kind were in force in each year of `years`, for the timeline's
/// histogram: `counts[kind][year - years.0]`, kinds in `kinds` order. Undated relations are
/// not counted (they are shown whatever the year).
pub fn active_per_year(dataset: &Dataset, kinds: &[&str], years: (i32, i32)) -> Vec<Vec<u32>> {
    let span = usize::try_from(years.1 - years.0 + 1).unwrap_or(0);
    let mut counts = vec![vec![0u32; span]; kinds.len()];
    let mut held = vec![false; span];
    for relation in &dataset.relations {
        let Some(period) = &relation.period else { continue };
        let Some(row) = kinds
            .iter()
            .position(|k| *k == relation.kind)
            .and_then(|k| counts.get_mut(k))
        else {
            continue;
        };
        // Spells may overlap; a year the relation held counts once.
        held.fill(false);
        let spells = if relation.spells.is_empty() {
            std::slice::from_ref(period)
        } else {
            relation.spells.as_slice()
        };
        for spell in spells {
            let first = spell.start.map_or(years.0, |s| s.year).max(years.0);
            let last = spell.end.map_or(years.1, |e| e.year).min(years.1);
            for year in first..=last {
                if let Some(cell) = usize::try_from(year - years.0).ok().and_then(|i| held.get_mut(i)) {
                    *cell = true;
                }
            }
        }
        for (cell, held) in row.iter_mut().zip(&held) {
            *cell += u32::from(*held);
        }
    }
    counts
}

/// The current calendar year, for "since 2024" relations that are still going on.
pub fn this_year() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    // Close enough for a timeline: 365.2425 days a year since 1970.
    1970 + (days as f64 / 365.2425) as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    fn period(start: Option<&str>, end: Option<&str>) -> Period {
        let date = |t: &str| t.parse::<PartialDate>().unwrap_or_else(|e| panic!("{e}"));
        Period {
            start: start.map(date),
            end: end.map(date),
        }
    }

    #[test]
    fn overlap_respects_precision_and_open_ends() {
        let korean_war = period(Some("1950-06-25"), Some("1953-07-27"));
        assert!(YearSpan::year(1951).overlaps(Some(&korean_war)));
        assert!(YearSpan::year(1950).overlaps(Some(&korean_war)), "June 1950 is in 1950");
        assert!(YearSpan::year(1953).overlaps(Some(&korean_war)));
        assert!(!YearSpan::year(1954).overlaps(Some(&korean_war)));
        assert!(!YearSpan::year(1949).overlaps(Some(&korean_war)));

        let since_june_2024 = period(Some("2024-06"), None);
        assert!(!YearSpan::year(2023).overlaps(Some(&since_june_2024)));
        assert!(YearSpan::year(2024).overlaps(Some(&since_june_2024)));
        assert!(YearSpan::year(2090).overlaps(Some(&since_june_2024)), "still in force");

        let until_1991 = period(None, Some("1991-12"));
        assert!(YearSpan::year(1900).overlaps(Some(&until_1991)));
        assert!(!YearSpan::year(1992).overlaps(Some(&until_1991)));
        assert!(
            YearSpan::year(1800).overlaps(None),
            "undated relations are always shown"
        );
    }

    #[test]
    fn a_range_overlaps_anything_in_force_during_it() {
        let span = YearSpan { from: 1960, to: 1970 };
        assert!(span.overlaps(Some(&period(Some("1969"), Some("1975")))));
        assert!(span.overlaps(Some(&period(Some("1900"), Some("1960-01")))));
        assert!(!span.overlaps(Some(&period(Some("1971"), None))));
        assert!(
            YearSpan { from: 1970, to: 1960 }.overlaps(Some(&period(Some("1965"), None))),
            "either order"
        );
    }

    #[test]
    fn something_present_in_spells_is_absent_between_them() {
        let spells = [period(Some("1961"), Some("1965")), period(Some("1990"), None)];
        let hull = period(Some("1961"), None);
        assert!(YearSpan::year(1963).meets(Some(&hull), &spells));
        assert!(!YearSpan::year(1975).meets(Some(&hull), &spells), "lapsed in between");
        assert!(YearSpan::year(2020).meets(Some(&hull), &spells));
        assert!(
            YearSpan::year(1975).meets(Some(&hull), &[]),
            "without spells, the period"
        );

        let mut dataset = Dataset::new("t");
        let mut relation = crate::model::Relation {
            period: Some(hull),
            spells: spells.to_vec(),
            ..crate::model::Relation::new("r", "treaty", "a", "b")
        };
        relation.spells.push(period(Some("1964"), Some("1966")));
        dataset.relations.push(relation);
        let counts = active_per_year(&dataset, &["treaty"], (1960, 1999));
        let held: Vec<i32> = (1960..=1999).filter(|y| counts[0][(y - 1960) as usize] > 0).collect();
        let expected: Vec<i32> = (1961..=1966).chain(1990..=1999).collect();
        assert_eq!(held, expected);
        assert!(
            counts[0].iter().all(|&c| c <= 1),
            "overlapping spells count a year once"
        );
    }

    #[test]
    fn the_built_in_dataset_spans_the_soviet_occupation_to_today() {
        let dataset = crate::builtin::built_in_dataset();
        let years = (1945, 2026);
        assert_eq!(year_range(&dataset, 2026), Some(years));
        let kinds = ["historical_support", "war", "arms_supply"];
        let counts = active_per_year(&dataset, &kinds, years);
        let in_year = |kind: usize, year: i32| counts[kind][(year - years.0) as usize];
        assert_eq!(in_year(0, 1946), 1, "the Soviet Union founding North Korea");
        assert_eq!(in_year(0, 1951), 2, "Soviet and Chinese support in 1951");
        assert_eq!(in_year(0, 1955), 0, "and none in 1955");
        assert_eq!(in_year(1, 2022), 1, "Russia's war in Ukraine in 2022");
        assert_eq!(in_year(2, 1982), 1, "North Korean arms to Iran in 1982");
        assert_eq!(in_year(2, 1985), 0, "but not between the chronology's two spells");
    }
}
