//! Entente's rules, applied to a table someone else published (COW, ATOP, SIPRI, a CSV, a
//! GraphML or GEXF file). An analyst cannot edit the publisher's file, so what is wrong inside
//! one record (an end before the start, a link that is not a web address, a grade out of
//! range) is a warning: the record opens as published, and a caveat on its relation says what
//! is odd, so every reader of it sees it. Only what makes the file unreadable, or what the
//! importer itself must get right (ids kept apart, relations whose actors exist), stops it.
//! Entente's own files keep the strict rules: they are the user's to fix.

use crate::model::{Caveat, Dataset, Diagnostic, KEPT_AS_PUBLISHED, Period, Severity};

/// Turns the problems inside records into warnings, leaves out what must never be used as
/// published (a `javascript:` link, a grade Entente cannot show), and puts a caveat on each
/// relation concerned.
pub fn keep_as_published(dataset: &mut Dataset, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    // A reader that found an end before the start put a caveat on the relation and warned
    // at the row; the rules' own warning about it would only say it again, with no line.
    let already_said = |d: &Diagnostic| {
        d.code == "period-order"
            && !d.is_error()
            && record_of(d, "relations")
                .and_then(|r| dataset.relations.get(r))
                .is_some()
    };
    let found: Vec<Diagnostic> = found.into_iter().filter(|d| !already_said(d)).collect();
    found
        .into_iter()
        .map(|mut diagnostic| {
            if !diagnostic.is_error() || !KEPT_AS_PUBLISHED.contains(&diagnostic.code) {
                return diagnostic;
            }
            diagnostic.severity = Severity::Warning;
            let pointer = diagnostic.pointer.clone().unwrap_or_default();
            let segments: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
            if leave_out(dataset, &segments) {
                diagnostic.message.push_str("; Entente leaves it out");
            }
            if let Some(relation) = record_of(&diagnostic, "relations").and_then(|r| dataset.relations.get_mut(r)) {
                let note = match (diagnostic.code, relation.period) {
                    ("period-order", Some(period)) => end_before_start(period),
                    _ => diagnostic.message.clone(),
                };
                relation.caveats.push(Caveat::new(diagnostic.code, note));
            }
            if let Some(actor) = record_of(&diagnostic, "actors").and_then(|a| dataset.actors.get_mut(a)) {
                actor
                    .caveats
                    .push(Caveat::new(diagnostic.code, diagnostic.message.clone()));
            }
            diagnostic
        })
        .collect()
}

/// The record of `section` (`relations`, `actors`) a diagnostic points into, if any.
fn record_of(diagnostic: &Diagnostic, section: &str) -> Option<usize> {
    let pointer = diagnostic.pointer.as_deref()?;
    let mut segments = pointer.trim_start_matches('/').split('/');
    match (segments.next(), segments.next()) {
        (Some(found), Some(index)) if found == section => index.parse().ok(),
        _ => None,
    }
}

/// Clears a value that must not be used as published; true when there was one.
fn leave_out(dataset: &mut Dataset, segments: &[&str]) -> bool {
    let index = |text: &str| text.parse::<usize>().ok();
    match segments {
        ["sources", s, "url"] => index(s)
            .and_then(|s| dataset.sources.get_mut(s))
            .is_some_and(|source| source.url.take().is_some()),
        ["relations", r, "evidence", e, field @ ("url" | "credibility")] => index(r)
            .and_then(|r| dataset.relations.get_mut(r))
            .and_then(|relation| index(e).and_then(|e| relation.evidence.get_mut(e)))
            .is_some_and(|evidence| match *field {
                "url" => evidence.url.take().is_some(),
                _ => evidence.credibility.take().is_some(),
            }),
        [section @ ("relation_kinds" | "actor_kinds"), k, "colour"] => {
            let Some(k) = index(k) else { return false };
            if *section == "relation_kinds" {
                dataset
                    .relation_kinds
                    .get_mut(k)
                    .is_some_and(|kind| kind.colour.take().is_some())
            } else {
                dataset
                    .actor_kinds
                    .get_mut(k)
                    .is_some_and(|kind| kind.colour.take().is_some())
            }
        }
        _ => false,
    }
}

/// "the source records an end (1990-05-21) one day before the start (1990-05-22)".
pub fn end_before_start(period: Period) -> String {
    let (Some(start), Some(end)) = (period.start, period.end) else {
        return "the source records an end before the start".to_owned();
    };
    let gap = start.day_number().zip(end.day_number()).map(|(s, e)| s - e);
    let how_long = match gap {
        Some(1) => "one day ".to_owned(),
        Some(days) => format!("{days} days "),
        None => String::new(),
    };
    format!("the source records an end ({end}) {how_long}before the start ({start})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Evidence, Relation, Source, validate};

    fn dataset_with(period: Period, link: &str) -> Dataset {
        let mut dataset = Dataset::new("t");
        dataset.sources.push(Source {
            url: Some(link.to_owned()),
            ..Source::new("s", "S")
        });
        dataset.actors.push(Actor::new("a", "A", ActorKind::State));
        dataset.actors.push(Actor::new("b", "B", ActorKind::State));
        dataset.relations.push(Relation {
            period: Some(period),
            evidence: vec![Evidence {
                url: Some(link.to_owned()),
                credibility: Some(9),
                ..Evidence::quoting("s", "a row")
            }],
            ..Relation::new("r", "treaty", "a", "b")
        });
        dataset
    }

    fn period(start: &str, end: &str) -> Period {
        Period {
            start: start.parse().ok(),
            end: end.parse().ok(),
        }
    }

    #[test]
    fn a_published_end_before_the_start_is_kept_with_a_caveat_and_stays_a_warning_when_saved() {
        let mut dataset = dataset_with(period("1990-05-22", "1990-05-21"), "https://example.org");
        let found = validate(&dataset);
        assert!(found.iter().any(|d| d.code == "period-order" && d.is_error()));
        let kept = keep_as_published(&mut dataset, found);
        assert!(kept.iter().all(|d| !d.is_error()), "{kept:#?}");
        let caveat = &dataset.relations[0].caveats[0];
        assert_eq!(caveat.code, "period-order");
        assert_eq!(
            caveat.note,
            "the source records an end (1990-05-21) one day before the start (1990-05-22)"
        );
        assert_eq!(
            dataset.relations[0].period,
            Some(period("1990-05-22", "1990-05-21")),
            "as published"
        );

        // Saved as Entente's own file and read again, the caveat keeps it a warning.
        let again = validate(&dataset);
        let order = again.iter().find(|d| d.code == "period-order");
        assert!(order.is_some_and(|d| !d.is_error() && d.message.ends_with("as its source records it")));

        // Without the caveat, Entente's own rules still refuse it.
        dataset.relations[0].caveats.clear();
        assert!(
            validate(&dataset)
                .iter()
                .any(|d| d.code == "period-order" && d.is_error())
        );
    }

    #[test]
    fn links_and_grades_that_cannot_be_used_are_left_out_and_said_so() {
        let mut dataset = dataset_with(period("1961", "1995"), "javascript:alert(1)");
        let found = validate(&dataset);
        let kept = keep_as_published(&mut dataset, found);
        assert!(kept.iter().all(|d| !d.is_error()), "{kept:#?}");
        assert_eq!(dataset.sources[0].url, None);
        assert_eq!(dataset.relations[0].evidence[0].url, None);
        assert_eq!(dataset.relations[0].evidence[0].credibility, None);
        assert!(
            kept.iter()
                .filter(|d| d.code == "bad-link")
                .all(|d| d.message.ends_with("Entente leaves it out"))
        );
        assert_eq!(dataset.relations[0].caveats.len(), 2, "the evidence link and the grade");
        assert!(validate(&dataset).iter().all(|d| !d.is_error()), "what is left passes");
    }
}
