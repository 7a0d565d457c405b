//! Which of a file's attributes names an actor, gives its kind, and gives a relation's kind.
//! Files from other tools put these in attributes of their own choosing (`name`, TinkerPop's
//! `labelV`/`labelE`, networkx's `type`, a `tooltip`): the common ones are recognised, and
//! when the choice is a guess the app asks the user, showing what each choice would give.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::attribute_values::AttributePair;
use super::table::ColumnMapping;

/// The attributes an import reads, by name; `None` where the file has none for that role
/// (actors are then named by their id, and have or link with no particular kind).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportMapping {
    pub actor_label: Option<String>,
    pub actor_kind: Option<String>,
    pub relation_kind: Option<String>,
    /// For a table (CSV, workbook, Parquet): the column of each role.
    pub columns: Option<ColumnMapping>,
}

/// Attribute names (any case) that name an actor, by preference.
pub const ACTOR_LABEL_NAMES: [&str; 4] = ["name", "label", "title", "node_label"];
/// Attribute names (any case) that give an actor's kind, by preference.
pub const ACTOR_KIND_NAMES: [&str; 9] = [
    "kind",
    "type",
    "category",
    "labelV",
    "label_v",
    "~label",
    ":LABEL",
    "node_type",
    "nodetype",
];
/// Attribute names (any case) that give a relation's kind, by preference. A plain `label`
/// comes last: yEd and Gephi use it for free text as often as for a kind.
pub const RELATION_KIND_NAMES: [&str; 12] = [
    "kind",
    "type",
    "relation",
    "relationship",
    "labelE",
    "label_e",
    "~label",
    ":TYPE",
    "rel_type",
    "edge_type",
    "predicate",
    "label",
];

/// A kind attribute with more distinct values than this is free text, not a kind.
const MOST_KINDS: usize = 40;
/// An unrecognised attribute is offered as a kind when it has this few values.
const FEWEST_KINDS: usize = 2;
const MOST_GUESSED_KINDS: usize = 12;
/// How many values of each attribute are kept to show in the mapping step.
const SAMPLES: usize = 4;

/// What one attribute holds over all the actors (or relations) of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeSummary {
    pub name: String,
    /// On how many elements it has a value.
    pub present: usize,
    /// How many different values it takes (counted up to a cap).
    pub distinct: usize,
    /// How many of its values are numbers.
    pub numeric: usize,
    /// Its first few different values.
    pub samples: Vec<String>,
}

impl AttributeSummary {
    fn is_text(&self) -> bool {
        self.numeric * 2 < self.present
    }
}

/// Entente's reading of a file's attributes, and whether any of it is a guess.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MappingProposal {
    pub mapping: ImportMapping,
    /// True when some choice is a guess the user should confirm.
    pub unsure: bool,
    pub actor_count: usize,
    pub relation_count: usize,
    pub actor_attributes: Vec<AttributeSummary>,
    pub relation_attributes: Vec<AttributeSummary>,
    /// The first few actors: id and attributes, to preview a choice of name.
    pub sample_actors: Vec<(String, Vec<(String, String)>)>,
}

impl MappingProposal {
    /// Proposes a mapping from the actors' and relations' attributes (ids and attribute lists).
    pub fn of<'a, A: AttributePair + 'a, B: AttributePair + 'a>(
        actors: impl IntoIterator<Item = (&'a str, &'a [A])>,
        relations: impl IntoIterator<Item = &'a [B]>,
    ) -> Self {
        let mut actor_summaries = Summaries::default();
        let mut numeric_ids = 0usize;
        let mut actor_count = 0usize;
        let mut sample_actors = Vec::new();
        for (id, attributes) in actors {
            actor_count += 1;
            if id.trim().parse::<f64>().is_ok() {
                numeric_ids += 1;
            }
            actor_summaries.add(attributes);
            if sample_actors.len() < 6 {
                let pairs = attributes
                    .iter()
                    .map(|a| (a.name().to_owned(), a.value().to_owned()))
                    .collect();
                sample_actors.push((id.to_owned(), pairs));
            }
        }
        let mut relation_summaries = Summaries::default();
        let mut relation_count = 0usize;
        for attributes in relations {
            relation_count += 1;
            relation_summaries.add(attributes);
        }
        let actor_attributes = actor_summaries.finish();
        let relation_attributes = relation_summaries.finish();

        let mut unsure = false;
        let actor_label = match known(&actor_attributes, &ACTOR_LABEL_NAMES, actor_count, usize::MAX) {
            Some(name) => Some(name),
            None => {
                // Ids that are only numbers name nothing: an attribute that tells the actors
                // apart is probably their name, but only the user can say.
                let guess = actor_attributes
                    .iter()
                    .filter(|a| a.is_text() && covers(a.present, actor_count) && a.distinct * 10 >= a.present * 9)
                    .max_by_key(|a| a.distinct)
                    .map(|a| a.name.clone());
                if guess.is_some() && numeric_ids * 2 > actor_count {
                    unsure = true;
                    guess
                } else {
                    None
                }
            }
        };
        let (actor_kind, kind_guessed) = kind_attribute(
            &actor_attributes,
            &ACTOR_KIND_NAMES,
            actor_count,
            actor_label.as_deref(),
        );
        let (relation_kind, relation_kind_guessed) =
            kind_attribute(&relation_attributes, &RELATION_KIND_NAMES, relation_count, None);
        unsure |= kind_guessed || relation_kind_guessed;
        Self {
            mapping: ImportMapping {
                actor_label,
                actor_kind,
                relation_kind,
                columns: None,
            },
            unsure,
            actor_count,
            relation_count,
            actor_attributes,
            relation_attributes,
            sample_actors,
        }
    }

    /// The name an actor gets under `mapping`, for the preview.
    pub fn preview_name(&self, sample: usize, mapping: &ImportMapping) -> Option<String> {
        let (id, attributes) = self.sample_actors.get(sample)?;
        let name = mapping
            .actor_label
            .as_deref()
            .and_then(|n| attributes.iter().find(|(k, _)| k == n))
            .map(|(_, v)| clean_label(v));
        Some(name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| id.clone()))
    }
}

/// The first attribute named any of `names` (any case) on most elements, with no more than
/// `most_values` different values.
fn known(summaries: &[AttributeSummary], names: &[&str], count: usize, most_values: usize) -> Option<String> {
    names.iter().find_map(|wanted| {
        summaries
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(wanted) && a.present * 2 >= count && a.distinct <= most_values)
            .map(|a| a.name.clone())
    })
}

/// A kind is shared: past a dozen elements, an attribute whose values mostly differ is free text.
fn repeats(summary: &AttributeSummary) -> bool {
    summary.present <= 12 || summary.distinct * 2 <= summary.present
}

/// A kind attribute: a recognised one (sure), else a text attribute with a handful of values
/// on nearly every element (a guess).
fn kind_attribute(
    summaries: &[AttributeSummary],
    names: &[&str],
    count: usize,
    taken: Option<&str>,
) -> (Option<String>, bool) {
    let repeating: Vec<AttributeSummary> = summaries.iter().filter(|a| repeats(a)).cloned().collect();
    if let Some(name) = known(&repeating, names, count, MOST_KINDS) {
        return (Some(name), false);
    }
    // An attribute the file names as a kind but that holds free text is no kind at all.
    let guess = summaries
        .iter()
        .filter(|a| Some(a.name.as_str()) != taken && !names.iter().any(|n| a.name.eq_ignore_ascii_case(n)))
        .filter(|a| a.is_text() && covers(a.present, count))
        .filter(|a| (FEWEST_KINDS..=MOST_GUESSED_KINDS).contains(&a.distinct))
        .min_by_key(|a| a.distinct)
        .map(|a| a.name.clone());
    let guessed = guess.is_some();
    (guess, guessed)
}

/// Present on at least nine in ten elements.
fn covers(present: usize, count: usize) -> bool {
    count > 0 && present * 10 >= count * 9
}

/// A display name from an attribute: a trailing group of `key=value` pairs in brackets is
/// data about the actor, not part of its name (`LIT(lngx=-92.2,laty=34.7)` is `LIT`).
pub fn clean_label(text: &str) -> String {
    let trimmed = text.trim();
    if let Some(open) = trimmed.rfind('(')
        && trimmed.ends_with(')')
        && open > 0
        && trimmed.get(open..).is_some_and(|group| group.contains('='))
    {
        return trimmed.get(..open).unwrap_or(trimmed).trim_end().to_owned();
    }
    trimmed.to_owned()
}

#[derive(Default)]
struct Summaries {
    by_name: Vec<(AttributeSummary, HashSet<String>)>,
}

impl Summaries {
    /// Distinct values are counted up to this many; more says "free text" just as well.
    const DISTINCT_CAP: usize = 5_000;

    fn add(&mut self, attributes: &[impl AttributePair]) {
        for attribute in attributes {
            let value = attribute.value().trim();
            if value.is_empty() {
                continue;
            }
            let at = match self.by_name.iter().position(|(s, _)| s.name == attribute.name()) {
                Some(at) => at,
                None => {
                    self.by_name.push((
                        AttributeSummary {
                            name: attribute.name().to_owned(),
                            present: 0,
                            distinct: 0,
                            numeric: 0,
                            samples: Vec::new(),
                        },
                        HashSet::new(),
                    ));
                    self.by_name.len() - 1
                }
            };
            let Some((summary, seen)) = self.by_name.get_mut(at) else {
                continue;
            };
            summary.present += 1;
            if value.parse::<f64>().is_ok() {
                summary.numeric += 1;
            }
            if seen.len() < Self::DISTINCT_CAP && !seen.contains(value) {
                seen.insert(value.to_owned());
                if summary.samples.len() < SAMPLES {
                    summary.samples.push(value.to_owned());
                }
            }
        }
    }

    fn finish(self) -> Vec<AttributeSummary> {
        self.by_name
            .into_iter()
            .map(|(mut summary, seen)| {
                summary.distinct = seen.len();
                summary
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Pairs = Vec<(&'static str, String)>;

    fn propose(actors: &[(String, Pairs)], relations: &[Pairs]) -> MappingProposal {
        MappingProposal::of(
            actors.iter().map(|(id, a)| (id.as_str(), a.as_slice())),
            relations.iter().map(Vec::as_slice),
        )
    }

    #[test]
    fn tinkerpop_labels_give_kinds_and_names_give_labels() {
        let actors: Vec<(String, Pairs)> = (0..20)
            .map(|i| {
                let kind = if i % 3 == 0 { "artist" } else { "song" };
                (
                    i.to_string(),
                    vec![("labelV", kind.to_owned()), ("name", format!("Song {i}"))],
                )
            })
            .collect();
        let relations: Vec<Pairs> = (0..30)
            .map(|i| vec![("labelE", ["followedBy", "sungBy", "writtenBy"][i % 3].to_owned())])
            .collect();
        let proposal = propose(&actors, &relations);
        assert_eq!(
            proposal.mapping,
            ImportMapping {
                actor_label: Some("name".into()),
                actor_kind: Some("labelV".into()),
                relation_kind: Some("labelE".into()),
                columns: None,
            }
        );
        assert!(!proposal.unsure, "every choice is a known convention");
    }

    #[test]
    fn a_text_attribute_that_tells_numbered_actors_apart_is_proposed_as_their_name() {
        let actors: Vec<(String, Pairs)> = (0..50)
            .map(|i| {
                (
                    i.to_string(),
                    vec![
                        ("x", format!("{}.5", i * 3)),
                        ("tooltip", format!("A{i:02}(lngx=-92.2,laty=34.7)")),
                        ("y", format!("-{i}")),
                    ],
                )
            })
            .collect();
        let proposal = propose(&actors, &[]);
        assert_eq!(proposal.mapping.actor_label.as_deref(), Some("tooltip"));
        assert!(proposal.unsure, "a guess, to be confirmed");
        assert_eq!(proposal.preview_name(3, &proposal.mapping).as_deref(), Some("A03"));
        assert_eq!(
            proposal.preview_name(3, &ImportMapping::default()).as_deref(),
            Some("3"),
            "without a name attribute, the id"
        );
    }

    #[test]
    fn free_text_is_no_kind_and_a_few_repeated_values_are_a_guessed_one() {
        let actors: Vec<(String, Pairs)> = (0..60)
            .map(|i| {
                (
                    format!("n{i}"),
                    vec![
                        ("type", format!("free text number {i} that differs")),
                        ("role", ["Entity", "Method"][i % 2].to_owned()),
                    ],
                )
            })
            .collect();
        let proposal = propose(&actors, &[]);
        assert_eq!(proposal.mapping.actor_kind.as_deref(), Some("role"));
        assert!(proposal.unsure);
        assert_eq!(proposal.mapping.actor_label, None, "the ids are names already");
    }

    #[test]
    fn only_data_in_brackets_is_cut_from_a_name() {
        assert_eq!(clean_label("LIT(lngx=-92.224444,laty=34.729444)"), "LIT");
        assert_eq!(clean_label("Houthis (Yemen)"), "Houthis (Yemen)");
        assert_eq!(clean_label("(a=b)"), "(a=b)");
        assert_eq!(clean_label("  Plain  "), "Plain");
    }
}
