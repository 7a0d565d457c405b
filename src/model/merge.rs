//! Laying one dataset over another: which incoming actor is which actor already on screen,
//! and the merge itself. Relations are never merged: a news story's claim and a dataset's
//! record about the same pair stay two edges, each with its own sources, so they can be
//! compared.

use std::collections::{HashMap, HashSet};

use super::{Dataset, KnownNames, normalise_name};

/// Why an incoming actor was taken to be one already in the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchReason {
    SameId,
    SameName,
    /// Both names are in the shipped table of alternative names, in the same row.
    KnownName(String),
    SharedAlias(String),
}

impl MatchReason {
    pub fn describe(&self) -> String {
        match self {
            Self::SameId => "same id".to_owned(),
            Self::SameName => "same name".to_owned(),
            Self::KnownName(label) => format!("known alternative names of {label}"),
            Self::SharedAlias(alias) => format!("shared alias \u{201c}{alias}\u{201d}"),
        }
    }
}

/// The proposed counterpart of one incoming actor, which the user may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedMatch {
    pub incoming: usize,
    pub base: Option<usize>,
    pub reason: Option<MatchReason>,
    /// How many actors fitted equally well when none was chosen for that reason.
    pub ambiguous_between: usize,
}

/// What a merge did, for telling the user.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub actors_matched: usize,
    pub actors_added: usize,
    pub relations_added: usize,
    pub sources_added: usize,
}

/// For each actor of `incoming`, the actor of `base` it is most likely to be: the same id,
/// else the same name, else names the shipped table says are the same, else a shared alias.
/// Where several fit equally well, none is chosen and the user decides.
pub fn propose_matches(base: &Dataset, incoming: &Dataset) -> Vec<ProposedMatch> {
    let known = KnownNames::shipped();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_alias: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_group: HashMap<usize, Vec<usize>> = HashMap::new();
    for (index, actor) in base.actors.iter().enumerate() {
        by_id.insert(&actor.id, index);
        push_unique(by_name.entry(normalise_name(&actor.name)).or_default(), index);
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            push_unique(by_alias.entry(normalise_name(name)).or_default(), index);
            for &group in known.groups_of(name) {
                push_unique(by_group.entry(group).or_default(), index);
            }
        }
    }
    incoming
        .actors
        .iter()
        .enumerate()
        .map(|(index, actor)| {
            let proposal = |base: Option<usize>, reason: Option<MatchReason>, ambiguous_between: usize| ProposedMatch {
                incoming: index,
                base,
                reason,
                ambiguous_between,
            };
            if let Some(&same) = by_id.get(actor.id.as_str()) {
                return proposal(Some(same), Some(MatchReason::SameId), 0);
            }
            let names: Vec<&String> = std::iter::once(&actor.name).chain(&actor.aliases).collect();
            match by_name.get(&normalise_name(&actor.name)).map(Vec::as_slice) {
                Some(&[only]) => return proposal(Some(only), Some(MatchReason::SameName), 0),
                Some(several) if several.len() > 1 => return proposal(None, None, several.len()),
                _ => {}
            }
            let mut group_hits: Vec<(usize, usize)> = Vec::new();
            for name in &names {
                for &group in known.groups_of(name) {
                    for &candidate in by_group.get(&group).map_or(&[][..], Vec::as_slice) {
                        if !group_hits.iter().any(|&(c, _)| c == candidate) {
                            group_hits.push((candidate, group));
                        }
                    }
                }
            }
            match group_hits.as_slice() {
                &[(only, group)] => {
                    return proposal(Some(only), Some(MatchReason::KnownName(known.group_label(group))), 0);
                }
                several if several.len() > 1 => return proposal(None, None, several.len()),
                _ => {}
            }
            let mut alias_hits: Vec<(usize, &str)> = Vec::new();
            for name in &names {
                for &candidate in by_alias.get(&normalise_name(name)).map_or(&[][..], Vec::as_slice) {
                    if !alias_hits.iter().any(|&(c, _)| c == candidate) {
                        alias_hits.push((candidate, name.as_str()));
                    }
                }
            }
            match alias_hits.as_slice() {
                &[(only, alias)] => proposal(Some(only), Some(MatchReason::SharedAlias(alias.to_owned())), 0),
                several => proposal(None, None, if several.len() > 1 { several.len() } else { 0 }),
            }
        })
        .collect()
}

fn push_unique(list: &mut Vec<usize>, index: usize) {
    if !list.contains(&index) {
        list.push(index);
    }
}

/// `base` with `incoming` laid over it. `matches[i]` is the actor of `base` that incoming
/// actor `i` is, or None to add it as a new actor. Ids that would clash get a suffix.
pub fn merge(base: &Dataset, incoming: &Dataset, matches: &[Option<usize>]) -> (Dataset, MergeSummary) {
    let mut merged = base.clone();
    let mut summary = MergeSummary::default();

    let mut source_ids: HashSet<String> = merged.sources.iter().map(|s| s.id.clone()).collect();
    let mut source_map: HashMap<&str, String> = HashMap::new();
    for source in &incoming.sources {
        if merged.sources.iter().any(|s| s == source) {
            source_map.insert(&source.id, source.id.clone());
            continue;
        }
        let id = unique_id(&source.id, &mut source_ids);
        source_map.insert(&source.id, id.clone());
        merged.sources.push(crate::model::Source { id, ..source.clone() });
        summary.sources_added += 1;
    }

    let mut actor_ids: HashSet<String> = merged.actors.iter().map(|a| a.id.clone()).collect();
    let mut actor_map: HashMap<&str, String> = HashMap::new();
    for (index, actor) in incoming.actors.iter().enumerate() {
        match matches.get(index).copied().flatten().and_then(|b| base.actors.get(b)) {
            Some(counterpart) => {
                actor_map.insert(&actor.id, counterpart.id.clone());
                summary.actors_matched += 1;
            }
            None => {
                let id = unique_id(&actor.id, &mut actor_ids);
                actor_map.insert(&actor.id, id.clone());
                merged.actors.push(crate::model::Actor { id, ..actor.clone() });
                summary.actors_added += 1;
            }
        }
    }

    for decl in &incoming.relation_kinds {
        if !merged.relation_kinds.iter().any(|k| k.id == decl.id) {
            merged.relation_kinds.push(decl.clone());
        }
    }

    let mut relation_ids: HashSet<String> = merged.relations.iter().map(|r| r.id.clone()).collect();
    let mapped = |map: &HashMap<&str, String>, id: &str| map.get(id).cloned().unwrap_or_else(|| id.to_owned());
    for relation in &incoming.relations {
        let mut relation = relation.clone();
        relation.id = unique_id(&relation.id, &mut relation_ids);
        relation.from = mapped(&actor_map, &relation.from);
        relation.to = mapped(&actor_map, &relation.to);
        for evidence in &mut relation.evidence {
            evidence.source = mapped(&source_map, &evidence.source);
        }
        merged.relations.push(relation);
        summary.relations_added += 1;
    }
    (merged, summary)
}

/// `id`, or `id-2`, `id-3`… if taken; the result is marked as taken.
fn unique_id(id: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = id.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Direction, Evidence, ExtraFields, Relation, Source};

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            ..Actor::new(id, name, ActorKind::State)
        }
    }

    fn dataset(actors: Vec<Actor>) -> Dataset {
        let mut dataset = Dataset::new("t");
        dataset.actors = actors;
        dataset
    }

    fn relation(id: &str, from: &str, to: &str, source: &str) -> Relation {
        Relation {
            id: id.to_owned(),
            kind: "treaty".to_owned(),
            from: from.to_owned(),
            to: to.to_owned(),
            direction: Direction::Mutual,
            period: None,
            spells: Vec::new(),
            summary: None,
            magnitude: None,
            evidence: vec![Evidence::quoting(source, "q")],
            appearance: Default::default(),
            caveats: Vec::new(),
            extra: ExtraFields::new(),
        }
    }

    #[test]
    fn actors_are_matched_by_id_then_name_then_known_names_then_aliases() {
        let base = dataset(vec![
            actor("north_korea", "North Korea", &["DPRK"]),
            actor("soviet_union", "Soviet Union", &["USSR", "Moscow"]),
            actor("russia", "Russia", &["Russian Federation", "Moscow"]),
            actor("hezbollah", "Hezbollah", &["Hizballah"]),
            actor("x", "Example", &["Exemplar"]),
        ]);
        let incoming = dataset(vec![
            actor("russia", "Russian Federation", &[]),
            actor("cow:731", "Korea, North", &[]),
            actor("cow:365:soviet_union", "Soviet Union", &[]),
            actor("sipri:hizbollah", "Hizbollah", &[]),
            actor("y", "Exemplar", &[]),
            actor("moscow", "Moscow", &[]),
            actor("z", "Atlantis", &[]),
        ]);
        let proposed: Vec<(Option<&str>, Option<MatchReason>, usize)> = propose_matches(&base, &incoming)
            .into_iter()
            .map(|m| {
                (
                    m.base.map(|b| base.actors[b].id.as_str()),
                    m.reason,
                    m.ambiguous_between,
                )
            })
            .collect();
        assert_eq!(proposed[0], (Some("russia"), Some(MatchReason::SameId), 0));
        assert_eq!(
            proposed[1],
            (
                Some("north_korea"),
                Some(MatchReason::KnownName("North Korea (COW 731)".into())),
                0
            )
        );
        assert_eq!(proposed[2], (Some("soviet_union"), Some(MatchReason::SameName), 0));
        assert_eq!(
            proposed[3],
            (Some("hezbollah"), Some(MatchReason::KnownName("Hezbollah".into())), 0)
        );
        assert_eq!(
            proposed[4],
            (Some("x"), Some(MatchReason::SharedAlias("Exemplar".into())), 0)
        );
        assert_eq!(proposed[5], (None, None, 2), "Moscow could be either; the user decides");
        assert_eq!(proposed[6], (None, None, 0));
    }

    #[test]
    fn the_soviet_union_is_not_matched_to_russia() {
        let base = dataset(vec![actor("russia", "Russia", &[])]);
        let incoming = dataset(vec![actor("cow:365:soviet_union", "Soviet Union", &["USSR"])]);
        assert_eq!(propose_matches(&base, &incoming)[0].base, None);
    }

    #[test]
    fn a_merge_keeps_relations_apart_and_renames_what_would_clash() {
        let mut base = dataset(vec![actor("nk", "North Korea", &[]), actor("ru", "Russia", &[])]);
        base.sources.push(Source::new("s", "News"));
        base.relations.push(relation("r1", "ru", "nk", "s"));
        let mut incoming = dataset(vec![
            actor("a", "North Korea", &[]),
            actor("b", "Russia", &[]),
            actor("nk", "Nauru", &[]),
        ]);
        incoming.sources.push(Source {
            title: "Record".into(),
            ..base.sources[0].clone()
        });
        incoming.relations.push(relation("r1", "b", "a", "s"));
        incoming.relations.push(relation("r2", "nk", "a", "s"));
        let (merged, summary) = merge(&base, &incoming, &[Some(0), Some(1), None]);
        assert_eq!(
            summary,
            MergeSummary {
                actors_matched: 2,
                actors_added: 1,
                relations_added: 2,
                sources_added: 1
            }
        );
        assert_eq!(merged.relations.len(), 3);
        let record = &merged.relations[1];
        assert_eq!(
            (record.id.as_str(), record.from.as_str(), record.to.as_str()),
            ("r1-2", "ru", "nk")
        );
        assert_eq!(
            record.evidence[0].source, "s-2",
            "the incoming source keeps its own identity"
        );
        assert_eq!(merged.source("s-2").map(|s| s.title.as_str()), Some("Record"));
        let nauru = &merged.relations[2];
        assert_eq!(
            nauru.from, "nk-2",
            "an unmatched actor whose id is taken gets a new one"
        );
        assert_eq!(merged.actor("nk-2").map(|a| a.name.as_str()), Some("Nauru"));
        assert!(crate::model::validate(&merged).iter().all(|d| !d.is_error()));
    }
}
