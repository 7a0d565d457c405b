//! Member-level alliance tables (a row per state per alliance) turned into treaty relations
//! between every two members that belonged at the same time.

use serde_json::Value;

use super::Assembly;
use crate::model::{Direction, ExtraFields, PartialDate, Period, Relation};

/// One state's membership of one alliance, as a row records it.
pub struct Membership<'a> {
    pub code: u16,
    pub name_in_file: String,
    pub period: Period,
    pub obligations: Vec<&'static str>,
    /// ATOP records an alliance in phases (its terms changed); members are linked within a phase.
    pub phase: Option<i64>,
    pub line: usize,
    pub raw: &'a str,
}

/// Which dataset an alliance comes from, for ids, labels and the relation's extra fields.
pub struct Alliance<'a> {
    pub dataset: &'static str,
    pub id: i64,
    pub label: &'a str,
    pub right_censored: bool,
}

/// A treaty relation for each two members of `alliance` whose memberships overlap, quoting
/// both members' rows.
pub fn link_members(assembly: &mut Assembly, alliance: &Alliance, members: &[Membership]) {
    for (i, first) in members.iter().enumerate() {
        for second in members.iter().skip(i + 1) {
            if first.code == second.code || matches!((first.phase, second.phase), (Some(a), Some(b)) if a != b) {
                continue;
            }
            let Some(period) = overlap(&first.period, &second.period) else {
                continue;
            };
            let (low, high) = if first.code <= second.code {
                (first, second)
            } else {
                (second, first)
            };
            let from = assembly.state(low.code, period.start, &low.name_in_file);
            let to = assembly.state(high.code, period.start, &high.name_in_file);
            let mut obligations = low.obligations.clone();
            for obligation in &high.obligations {
                if !obligations.contains(obligation) {
                    obligations.push(obligation);
                }
            }
            let mut evidence = vec![assembly.record(low.raw, low.line, None)];
            if high.line != low.line {
                evidence.push(assembly.record(high.raw, high.line, None));
            }
            let id = assembly.relation_id(format!(
                "{}-{}-{}-{}",
                alliance.dataset, alliance.id, low.code, high.code
            ));
            assembly
                .dataset
                .relations
                .push(treaty(id, from, to, period, alliance, &obligations, evidence));
        }
    }
}

/// A treaty relation from one alliance record.
pub fn treaty(
    id: String,
    from: String,
    to: String,
    period: Period,
    alliance: &Alliance,
    obligations: &[&'static str],
    evidence: Vec<crate::model::Evidence>,
) -> Relation {
    let mut extra = ExtraFields::new();
    extra.insert(format!("{}_alliance_id", alliance.dataset), Value::from(alliance.id));
    extra.insert(
        "obligations".to_owned(),
        Value::from(obligations.iter().map(|o| Value::from(*o)).collect::<Vec<_>>()),
    );
    let mut summary = format!("{}: {}.", alliance.label, describe_obligations(obligations));
    if alliance.right_censored {
        summary.push_str(" Still in force when the data end.");
    }
    Relation {
        id,
        kind: "treaty".to_owned(),
        from,
        to,
        direction: Direction::Mutual,
        period: (period != Period::default()).then_some(period),
        spells: Vec::new(),
        summary: Some(summary),
        magnitude: None,
        evidence,
        appearance: Default::default(),
        caveats: Vec::new(),
        extra,
    }
}

/// "defence pact and non-aggression pact"; "no obligation coded" when the row codes none.
pub fn describe_obligations(obligations: &[&str]) -> String {
    match obligations {
        [] => "no obligation coded".to_owned(),
        [only] => (*only).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// When two memberships were held at once: None if one ended before the other began.
pub fn overlap(a: &Period, b: &Period) -> Option<Period> {
    let later = |x: Option<PartialDate>, y: Option<PartialDate>| match (x, y) {
        (Some(x), Some(y)) => Some(if x.earliest() >= y.earliest() { x } else { y }),
        (x, y) => x.or(y),
    };
    let sooner = |x: Option<PartialDate>, y: Option<PartialDate>| match (x, y) {
        (Some(x), Some(y)) => Some(if x.latest() <= y.latest() { x } else { y }),
        (x, y) => x.or(y),
    };
    let period = Period {
        start: later(a.start, b.start),
        end: sooner(a.end, b.end),
    };
    (!period.ends_before_it_starts()).then_some(period)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(start: &str, end: Option<&str>) -> Period {
        let date = |t: &str| t.parse::<PartialDate>().ok();
        Period {
            start: date(start),
            end: end.and_then(date),
        }
    }

    #[test]
    fn memberships_overlap_only_while_both_are_held() {
        let both = overlap(&period("1949-04-04", None), &period("1955-05-06", Some("1990-10-02")));
        assert_eq!(both, Some(period("1955-05-06", Some("1990-10-02"))));
        assert_eq!(overlap(&period("1950", Some("1955")), &period("1960", None)), None);
        assert_eq!(
            overlap(&period("1950", None), &period("1950", None)),
            Some(period("1950", None))
        );
    }

    #[test]
    fn obligations_read_as_a_list() {
        assert_eq!(describe_obligations(&[]), "no obligation coded");
        assert_eq!(describe_obligations(&["defence pact"]), "defence pact");
        assert_eq!(
            describe_obligations(&["defence pact", "neutrality pact", "entente"]),
            "defence pact, neutrality pact and entente"
        );
    }
}
