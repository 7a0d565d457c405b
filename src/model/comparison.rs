//! Two years side by side: what began between them, what ended, and what held in both. The
//! timeline's Compare mode draws the first in full, the second as a ghost, the third dimmed.

use super::{Dataset, DatasetIndex, Emphasis, OutsideTime, Period, TimeWindow, Visibility, YearSpan};

/// How a relation stands between the earlier year and the later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// Not in force in the earlier year, in force in the later.
    Began,
    /// In force in the earlier year, no longer in the later.
    Ended,
    /// In force in both (undated relations too: they are always shown).
    Unchanged,
}

/// How something present over `period` (or only in its `spells`) changed from `before` to
/// `after`; None when it held in neither year.
pub fn change_between(before: i32, after: i32, period: Option<&Period>, spells: &[Period]) -> Option<Change> {
    let then = YearSpan::year(before).meets(period, spells);
    let now = YearSpan::year(after).meets(period, spells);
    match (then, now) {
        (true, true) => Some(Change::Unchanged),
        (false, true) => Some(Change::Began),
        (true, false) => Some(Change::Ended),
        (false, false) => None,
    }
}

/// Narrows `visibility` (kinds and focus already applied) to a comparison of `span`'s two
/// ends: what began or ended keeps its emphasis, what held in both is dimmed, and what held in
/// neither year is left out. Actors present in neither year are faded or hidden as `outside`
/// says. Returns each relation's change.
pub fn compare(
    visibility: &mut Visibility,
    dataset: &Dataset,
    index: &DatasetIndex,
    window: &TimeWindow,
) -> Vec<Option<Change>> {
    let span = window.span;
    let (before, after) = (span.from.min(span.to), span.from.max(span.to));
    let changes: Vec<Option<Change>> = dataset
        .relations
        .iter()
        .map(|r| {
            let held = |year: i32| window.holds(YearSpan::year(year), r);
            match (held(before), held(after)) {
                (true, true) => Some(Change::Unchanged),
                (false, true) => Some(Change::Began),
                (true, false) => Some(Change::Ended),
                (false, false) => None,
            }
        })
        .collect();
    for (emphasis, change) in visibility.relations.iter_mut().zip(&changes) {
        match change {
            None => *emphasis = None,
            Some(Change::Unchanged) => {
                if emphasis.is_some() {
                    *emphasis = Some(Emphasis::Dimmed);
                }
            }
            Some(Change::Began | Change::Ended) => {}
        }
    }
    for (actor, emphasis) in visibility.actors.iter_mut().enumerate() {
        let present = |year: i32| window.present(YearSpan::year(year), dataset, index, actor);
        if emphasis.is_some() && !present(before) && !present(after) {
            *emphasis = match window.outside {
                OutsideTime::Fade => Some(Emphasis::Dimmed),
                OutsideTime::Hide => None,
            };
        }
    }
    visibility.drop_relations_without_both_actors(index);
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;
    use crate::model::{KindFilter, TimeWindow, ViewQuery};

    fn period(start: Option<&str>, end: Option<&str>) -> Period {
        let date = |t: &str| t.parse().unwrap_or_else(|e| panic!("{e}"));
        Period {
            start: start.map(date),
            end: end.map(date),
        }
    }

    #[test]
    fn a_relation_began_ended_or_held_between_two_years() {
        let treaty_2024 = period(Some("2024-06-19"), None);
        let treaty_2000 = period(Some("2000-02-09"), Some("2024-12-04"));
        let korean_war = period(Some("1950"), Some("1953"));
        assert_eq!(change_between(2000, 2025, Some(&treaty_2024), &[]), Some(Change::Began));
        assert_eq!(change_between(2000, 2025, Some(&treaty_2000), &[]), Some(Change::Ended));
        assert_eq!(change_between(2000, 2025, Some(&korean_war), &[]), None);
        assert_eq!(
            change_between(2000, 2025, None, &[]),
            Some(Change::Unchanged),
            "undated"
        );
        let spells = [period(Some("1982"), Some("1982")), period(Some("1987"), Some("1988"))];
        assert_eq!(
            change_between(1982, 1985, Some(&period(Some("1982"), Some("1988"))), &spells),
            Some(Change::Ended),
            "gone between its spells"
        );
    }

    #[test]
    fn comparing_2000_with_2025_shows_the_2024_treaty_as_new_and_the_2000_treaty_as_ended() {
        let d = built_in_dataset();
        let index = DatasetIndex::new(&d);
        let filter = KindFilter::default();
        let query = ViewQuery {
            time: Some(TimeWindow {
                span: YearSpan { from: 2000, to: 2025 },
                compare: true,
                ..TimeWindow::as_of(2000)
            }),
            ..ViewQuery::all(&filter)
        };
        let visibility = Visibility::compute(&d, &index, &query);
        let at = |id: &str| d.relations.iter().position(|r| r.id == id).unwrap_or(usize::MAX);
        let change = |id: &str| visibility.changes.get(at(id)).copied().flatten();
        assert_eq!(change("russia-north-korea-mutual-defence-treaty"), Some(Change::Began));
        assert_eq!(change("north-korea-troops-to-russia"), Some(Change::Began));
        assert_eq!(change("russia-north-korea-treaty-2000"), Some(Change::Ended));
        assert_eq!(change("china-north-korea-treaty-1961"), Some(Change::Unchanged));
        assert_eq!(
            visibility.relation(at("china-north-korea-treaty-1961")),
            Some(Emphasis::Dimmed),
            "what held in both years is dimmed"
        );
        assert_eq!(
            visibility.relation(at("russia-north-korea-treaty-2000")),
            Some(Emphasis::Normal)
        );
        assert_eq!(
            visibility.relation(at("korean-war-north-korea-south-korea")),
            None,
            "in force in neither year"
        );
    }
}
