//! Synthetic datasets for benchmarks and tests: deterministic (same arguments, same file),
//! with a realistic spread of degrees (a few hubs, many actors with one or two links), every
//! relation kind, and evidence on every relation. The text says plainly that it is generated.

use super::{
    Actor, ActorKind, BuiltinKind, Dataset, Direction, Evidence, ExtraFields, PartialDate, Period, Relation,
    RelationKindDecl, Source,
};
use crate::mix::mix;

pub fn generate(actor_count: usize, relation_count: usize, seed: u64) -> Dataset {
    let mut dataset = Dataset::new(format!(
        "Generated graph: {actor_count} actors, {relation_count} relations"
    ));
    dataset.description = Some(format!(
        "Synthetic data made by `entente generate` (seed {seed}) for tests and benchmarks. Not real."
    ));
    dataset.relation_kinds = ["political_support", "military_assistance", "war"]
        .iter()
        .map(|id| RelationKindDecl {
            id: (*id).to_owned(),
            label: id.replace('_', " "),
            colour: None,
            description: None,
            hostile: *id == "war",
            extra: ExtraFields::new(),
        })
        .collect();
    dataset.sources = (0..10).map(generated_source).collect();
    dataset.actors = (0..actor_count)
        .map(|i| {
            let kind = ActorKind::ALL
                .get((mix(seed, i as u64) % 6) as usize)
                .copied()
                .unwrap_or(ActorKind::Other);
            Actor::new(format!("a{i}"), format!("Actor {i}"), kind)
        })
        .collect();
    if actor_count < 2 {
        return dataset;
    }
    let kinds: Vec<String> = BuiltinKind::ALL
        .iter()
        .map(|k| k.id().to_owned())
        .chain(dataset.relation_kinds.iter().map(|k| k.id.clone()))
        .collect();
    // Preferential attachment: each new link picks the end of an earlier link half the time,
    // which gives hubs the way real alliance networks have them.
    let mut ends: Vec<usize> = Vec::with_capacity(relation_count * 2);
    for r in 0..relation_count {
        let random = |salt: u64| mix(seed ^ salt, r as u64);
        let pick = |salt: u64, ends: &[usize]| -> usize {
            let earlier = ends.get((random(salt + 1) % ends.len().max(1) as u64) as usize);
            match earlier {
                Some(&end) if random(salt) % 2 == 0 => end,
                _ => (random(salt + 2) % actor_count as u64) as usize,
            }
        };
        let from = pick(11, &ends);
        let mut to = pick(23, &ends);
        if to == from {
            to = (from + 1 + (random(31) % (actor_count as u64 - 1)) as usize) % actor_count;
        }
        ends.push(from);
        ends.push(to);
        let start = 1945 + (random(41) % 80) as i32;
        let kind = kinds
            .get((random(43) % kinds.len() as u64) as usize)
            .cloned()
            .unwrap_or_default();
        dataset.relations.push(Relation {
            id: format!("r{r}"),
            kind,
            from: format!("a{from}"),
            to: format!("a{to}"),
            direction: if random(47) % 3 == 0 {
                Direction::Mutual
            } else {
                Direction::Directed
            },
            period: Some(Period {
                start: Some(PartialDate::year(start)),
                end: (random(53) % 2 == 0).then(|| PartialDate::year(start + 1 + (random(59) % 10) as i32)),
            }),
            spells: Vec::new(),
            summary: Some(format!("Generated relation {r}.")),
            magnitude: None,
            evidence: (0..1 + random(61) % 3)
                .map(|e| Evidence {
                    source: format!("s{}", random(67 + e) % 10),
                    quote: format!("Generated statement {e} about relation {r}."),
                    speaker: None,
                    speaker_role: None,
                    locator: None,
                    url: None,
                    date: None,
                    credibility: Some(1 + (random(71 + e) % 6) as u8),
                    note: None,
                    extra: ExtraFields::new(),
                })
                .collect(),
            appearance: Default::default(),
            caveats: Vec::new(),
            extra: ExtraFields::new(),
        });
    }
    dataset
}

fn generated_source(i: i32) -> Source {
    Source {
        id: format!("s{i}"),
        title: format!("Generated source {i}"),
        publisher: Some("Entente generator".to_owned()),
        url: Some(format!("https://example.org/generated/{i}")),
        published: Some(PartialDate::year(2000 + i)),
        reliability: None,
        notes: None,
        ..Source::new("", "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn generated_datasets_are_valid_deterministic_and_have_hubs() {
        let a = generate(500, 2000, 7);
        assert_eq!(a, generate(500, 2000, 7));
        assert_ne!(a, generate(500, 2000, 8));
        assert_eq!(validate(&a), vec![]);
        assert_eq!((a.actors.len(), a.relations.len()), (500, 2000));
        let mut degree = vec![0usize; 500];
        for r in &a.relations {
            for end in [&r.from, &r.to] {
                if let Some(i) = end.strip_prefix('a').and_then(|n| n.parse::<usize>().ok()) {
                    degree[i] += 1;
                }
            }
        }
        let max = degree.iter().max().copied().unwrap_or(0);
        assert!(max > 4 * 4000 / 500, "a hub has {max} links: the spread is too even");
        let kinds: std::collections::BTreeSet<&str> = a.relations.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(kinds.len(), 7, "every kind appears");
    }
}
