//! What the time filter shows: what held during a span of years (or, comparing, at its two
//! ends), with what lies outside it faded or hidden.

use serde::{Deserialize, Serialize};

use super::{Actor, Dataset, DatasetIndex, Emphasis, OutsideTime, Relation, Visibility, YearSpan};

/// Show what was in force during a span of years; the rest is faded or hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeWindow {
    pub span: YearSpan,
    pub outside: OutsideTime,
    /// Compare the span's two years rather than show what held during it.
    #[serde(default)]
    pub compare: bool,
    /// Relations with no date at all: shown whatever the years, or treated as outside them.
    #[serde(default = "shown")]
    pub show_undated: bool,
}

fn shown() -> bool {
    true
}

impl TimeWindow {
    /// The alliances as of `year`, the rest faded; undated relations shown.
    pub fn as_of(year: i32) -> Self {
        Self {
            span: YearSpan::year(year),
            outside: OutsideTime::Fade,
            compare: false,
            show_undated: true,
        }
    }

    /// Whether the relation held at some time in `span` (its spells, when it has them).
    pub fn holds(&self, span: YearSpan, relation: &Relation) -> bool {
        if relation.period.is_none() && relation.spells.is_empty() {
            return self.show_undated;
        }
        span.meets(relation.period.as_ref(), &relation.spells)
    }

    /// Whether the actor was present at some time in `span`: by its own period when it has
    /// one, else by its relations: a state a file gives no dates is drawn in full in the
    /// years its relations hold, not in every year.
    pub fn present(&self, span: YearSpan, dataset: &Dataset, index: &DatasetIndex, actor: usize) -> bool {
        let Some(Actor { active, spells, .. }) = dataset.actors.get(actor) else {
            return false;
        };
        if active.is_some() || !spells.is_empty() {
            return span.meets(active.as_ref(), spells);
        }
        let relations = index.relations_of(actor);
        relations.is_empty()
            || relations
                .iter()
                .filter_map(|&r| dataset.relations.get(r))
                .any(|relation| self.holds(span, relation))
    }

    /// Fades or hides, as `outside` says, what lies outside the span.
    pub fn apply(&self, visibility: &mut Visibility, dataset: &Dataset, index: &DatasetIndex) {
        let fade = |emphasis: &mut Option<Emphasis>, in_time: bool| {
            if emphasis.is_some() && !in_time {
                *emphasis = match self.outside {
                    OutsideTime::Fade => Some(Emphasis::Dimmed),
                    OutsideTime::Hide => None,
                };
            }
        };
        for (emphasis, relation) in visibility.relations.iter_mut().zip(&dataset.relations) {
            fade(emphasis, self.holds(self.span, relation));
        }
        for (actor, emphasis) in visibility.actors.iter_mut().enumerate() {
            fade(emphasis, self.present(self.span, dataset, index, actor));
        }
        visibility.drop_relations_without_both_actors(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;
    use crate::model::{KindFilter, ViewQuery};

    #[test]
    fn in_1951_the_korean_war_relations_show_and_later_ones_fade_or_hide() {
        let d = built_in_dataset();
        let index = DatasetIndex::new(&d);
        let filter = KindFilter::default();
        let at = |year: i32, outside: OutsideTime| {
            let query = ViewQuery {
                time: Some(TimeWindow {
                    outside,
                    ..TimeWindow::as_of(year)
                }),
                ..ViewQuery::all(&filter)
            };
            Visibility::compute(&d, &index, &query)
        };
        let relation = |id: &str| d.relations.iter().position(|r| r.id == id).unwrap_or(usize::MAX);
        let faded = at(1951, OutsideTime::Fade);
        assert_eq!(
            faded.relation(relation("china-supports-north-korea-korean-war")),
            Some(Emphasis::Normal)
        );
        assert_eq!(
            faded.relation(relation("north-korea-munitions-to-russia")),
            Some(Emphasis::Dimmed)
        );
        assert_eq!(
            faded.relation(relation("russia-north-korea-mutual-defence-treaty")),
            Some(Emphasis::Dimmed),
            "signed in 2024"
        );
        assert_eq!(
            faded.relation(relation("north-korea-iran-partnership")),
            Some(Emphasis::Normal),
            "undated"
        );
        let hidden = at(1951, OutsideTime::Hide);
        assert_eq!(hidden.relation(relation("north-korea-munitions-to-russia")), None);
        let now = at(2024, OutsideTime::Hide);
        assert_eq!(now.relation(relation("china-supports-north-korea-korean-war")), None);
        assert_eq!(
            now.relation(relation("north-korea-munitions-to-russia")),
            Some(Emphasis::Normal)
        );
    }

    #[test]
    fn an_actor_with_no_period_of_its_own_is_present_while_its_relations_are() {
        let d = built_in_dataset();
        let index = DatasetIndex::new(&d);
        let filter = KindFilter::default();
        let actor = |name: &str| d.actors.iter().position(|a| a.name == name).unwrap_or(usize::MAX);
        let relation = |id: &str| d.relations.iter().position(|r| r.id == id).unwrap_or(usize::MAX);
        let at = |window: TimeWindow| {
            let query = ViewQuery {
                time: Some(window),
                ..ViewQuery::all(&filter)
            };
            Visibility::compute(&d, &index, &query)
        };
        let in_2025 = at(TimeWindow::as_of(2025));
        assert_eq!(
            in_2025.actor(actor("Soviet Union")),
            Some(Emphasis::Normal),
            "its undated Cold War ties are shown, and with them the Soviet Union"
        );
        assert_eq!(in_2025.actor(actor("Russia")), Some(Emphasis::Normal));
        assert_eq!(
            in_2025.relation(relation("north-korea-iran-partnership")),
            Some(Emphasis::Normal),
            "undated, shown"
        );
        let without_undated = at(TimeWindow {
            show_undated: false,
            ..TimeWindow::as_of(2025)
        });
        assert_eq!(
            without_undated.relation(relation("north-korea-iran-partnership")),
            Some(Emphasis::Dimmed),
            "undated, treated as outside the year"
        );
        assert_eq!(
            without_undated.relation(relation("russia-north-korea-mutual-defence-treaty")),
            Some(Emphasis::Normal)
        );
        assert_eq!(
            without_undated.actor(actor("Soviet Union")),
            Some(Emphasis::Dimmed),
            "none of its dated relations reaches 2025"
        );
        assert_eq!(without_undated.actor(actor("North Korea")), Some(Emphasis::Normal));
    }
}
