//! Checks that go beyond the JSON shape: ids, references, periods, links and quotes.
//! Every problem is reported, each with the JSON pointer of the value at fault.

use std::collections::{HashMap, HashSet};

use super::{Dataset, Diagnostic, FORMAT_NAME, FORMAT_VERSION, Period, credibility_meaning, is_hex_colour};

/// How problems name actors and relations: by id in Entente's own files, where ids are what
/// the user writes and looks for; by name in other tools' files, whose ids (node `4941`, a
/// generated `r17`) mean nothing to a reader. Other tools' files rarely carry evidence, so for
/// them relations without any are counted by the importer, not listed one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    Ids,
    Names,
}

/// Validates a dataset that parsed, returning every problem found (errors and warnings).
pub fn validate(dataset: &Dataset) -> Vec<Diagnostic> {
    validate_naming(dataset, Naming::Ids)
}

/// `validate`, naming actors and relations as `naming` says.
pub fn validate_naming(dataset: &Dataset, naming: Naming) -> Vec<Diagnostic> {
    let names = Names::new(dataset, naming);
    let names = &names;
    let mut out = Vec::new();
    check_header(dataset, &mut out);

    unique_ids(
        dataset.actor_kinds.iter().map(|k| k.id.as_str()),
        "actor_kinds",
        "actor kind",
        &mut out,
    );
    unique_ids(
        dataset.relation_kinds.iter().map(|k| k.id.as_str()),
        "relation_kinds",
        "relation kind",
        &mut out,
    );
    let source_ids = unique_ids(
        dataset.sources.iter().map(|s| s.id.as_str()),
        "sources",
        "source",
        &mut out,
    );
    let actor_ids = unique_ids(
        dataset.actors.iter().map(|a| a.id.as_str()),
        "actors",
        "actor",
        &mut out,
    );
    unique_ids(
        dataset.relations.iter().map(|r| r.id.as_str()),
        "relations",
        "relation",
        &mut out,
    );

    check_relation_kinds(dataset, &mut out);
    check_sources(dataset, &mut out);
    check_actors(dataset, names, &mut out);
    check_relations(dataset, names, (&actor_ids, &source_ids), &mut out);
    super::caveat::acknowledge_published(dataset, &mut out);
    out
}

/// Names for actors and relations in messages.
struct Names<'a> {
    dataset: &'a Dataset,
    naming: Naming,
    name_of: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn new(dataset: &'a Dataset, naming: Naming) -> Self {
        let name_of = match naming {
            Naming::Ids => HashMap::new(),
            Naming::Names => dataset
                .actors
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_str()))
                .collect(),
        };
        Self {
            dataset,
            naming,
            name_of,
        }
    }

    /// "actor `b`", or "actor “Beta” (id `b`)".
    fn actor(&self, id: &str) -> String {
        match self.name_of.get(id) {
            Some(name) if *name != id && !name.trim().is_empty() => format!("actor “{name}” (id `{id}`)"),
            _ => format!("actor `{id}`"),
        }
    }

    /// "relation `r1`", or "relation “Alpha → Beta” (Calls)".
    fn relation(&self, relation: &super::Relation) -> String {
        match self.naming {
            Naming::Ids => format!("relation `{}`", relation.id),
            Naming::Names => {
                let name = |id: &str| self.name_of.get(id).map_or_else(|| id.to_owned(), |n| (*n).to_owned());
                format!(
                    "relation “{} → {}” ({})",
                    name(&relation.from),
                    name(&relation.to),
                    self.dataset.relation_kind_label(&relation.kind)
                )
            }
        }
    }
}

fn check_header(dataset: &Dataset, out: &mut Vec<Diagnostic>) {
    if dataset.format != FORMAT_NAME {
        out.push(
            Diagnostic::error(
                "wrong-format",
                format!("`format` is `{}`, so this is not an Entente dataset", dataset.format),
            )
            .expected(format!("\"{FORMAT_NAME}\""))
            .at("/format"),
        );
    }
    if dataset.version == 0 || dataset.version > FORMAT_VERSION {
        out.push(
            Diagnostic::error(
                "unsupported-version",
                format!(
                    "format version {} is not one this build of Entente reads",
                    dataset.version
                ),
            )
            .expected(format!(
                "a version from 1 to {FORMAT_VERSION}; a newer Entente may open this file"
            ))
            .at("/version"),
        );
    }
    if dataset.title.trim().is_empty() {
        out.push(Diagnostic::warning("empty-title", "the dataset has no title").at("/title"));
    }
}

/// Reports empty and repeated ids; returns the set of ids seen.
fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    section: &str,
    what: &str,
    out: &mut Vec<Diagnostic>,
) -> HashSet<&'a str> {
    let mut first_index: HashMap<&str, usize> = HashMap::new();
    // Ids that differ only in case or surrounding spaces are almost always one thing typed twice.
    let mut folded: HashMap<std::borrow::Cow<'a, str>, &str> = HashMap::new();
    for (index, id) in ids.enumerate() {
        // Most ids are already folded: no copy for them.
        let trimmed = id.trim();
        let key: std::borrow::Cow<'_, str> = if trimmed.chars().any(char::is_uppercase) {
            trimmed.to_lowercase().into()
        } else {
            trimmed.into()
        };
        if let Some(other) = folded.get(&key)
            && *other != id
        {
            out.push(
                Diagnostic::warning(
                    "similar-ids",
                    format!("{what} ids `{id}` and `{other}` differ only in case or spaces; are they the same {what}?"),
                )
                .at(format!("/{section}/{index}/id")),
            );
        }
        folded.entry(key).or_insert(id);
        if id.trim().is_empty() {
            out.push(
                Diagnostic::error("empty-id", format!("{what} #{} has an empty id", index + 1))
                    .expected("a short unique name such as `north_korea`")
                    .at(format!("/{section}/{index}/id")),
            );
            continue;
        }
        if let Some(first) = first_index.get(id) {
            out.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("{what} id `{id}` is used twice (first by {what} #{})", first + 1),
                )
                .expected(format!("each {what} to have its own id"))
                .at(format!("/{section}/{index}/id")),
            );
        } else {
            first_index.insert(id, index);
        }
    }
    first_index.into_keys().collect()
}

fn check_relation_kinds(dataset: &Dataset, out: &mut Vec<Diagnostic>) {
    let relation_kinds = dataset
        .relation_kinds
        .iter()
        .map(|k| (k.id.as_str(), k.label.as_str(), k.colour.as_deref()));
    let actor_kinds = dataset
        .actor_kinds
        .iter()
        .map(|k| (k.id.as_str(), k.label.as_str(), k.colour.as_deref()));
    for (section, what, kinds) in [
        ("relation_kinds", "relation kind", relation_kinds.collect::<Vec<_>>()),
        ("actor_kinds", "actor kind", actor_kinds.collect()),
    ] {
        for (index, (id, label, colour)) in kinds.into_iter().enumerate() {
            if let Some(colour) = colour
                && !is_hex_colour(colour)
            {
                out.push(
                    Diagnostic::error("bad-colour", format!("{what} `{id}` has colour `{colour}`"))
                        .expected("a colour written as #rrggbb, e.g. #1f77b4")
                        .at(format!("/{section}/{index}/colour")),
                );
            }
            if label.trim().is_empty() {
                out.push(
                    Diagnostic::warning("empty-label", format!("{what} `{id}` has an empty label"))
                        .at(format!("/{section}/{index}/label")),
                );
            }
        }
    }
}

fn check_sources(dataset: &Dataset, out: &mut Vec<Diagnostic>) {
    for (index, source) in dataset.sources.iter().enumerate() {
        if source.title.trim().is_empty() {
            out.push(
                Diagnostic::warning("empty-title", format!("source `{}` has an empty title", source.id))
                    .at(format!("/sources/{index}/title")),
            );
        }
        if let Some(url) = &source.url {
            check_link(
                url,
                &format!("source `{}`", source.id),
                &format!("/sources/{index}/url"),
                out,
            );
        }
    }
}

fn check_actors(dataset: &Dataset, names: &Names<'_>, out: &mut Vec<Diagnostic>) {
    let known_kinds = dataset.known_actor_kinds();
    for (index, actor) in dataset.actors.iter().enumerate() {
        if !known_kinds.contains(&actor.kind.as_str()) {
            out.push(
                Diagnostic::error(
                    "unknown-actor-kind",
                    format!(
                        "{} has kind `{}`, which is neither built in nor declared",
                        names.actor(&actor.id),
                        actor.kind
                    ),
                )
                .expected(format!(
                    "one of {}, or a kind declared in `actor_kinds`",
                    quoted_list(&known_kinds)
                ))
                .at(format!("/actors/{index}/kind")),
            );
        }
        if actor.name.trim().is_empty() {
            out.push(
                Diagnostic::error("empty-name", format!("actor `{}` has an empty name", actor.id))
                    .expected("the name users will see")
                    .at(format!("/actors/{index}/name")),
            );
        }
        if let Some(period) = &actor.active {
            check_period(period, &names.actor(&actor.id), &format!("/actors/{index}/active"), out);
        }
        for (spell_index, spell) in actor.spells.iter().enumerate() {
            let owner = format!("spell #{} of {}", spell_index + 1, names.actor(&actor.id));
            check_period(spell, &owner, &format!("/actors/{index}/spells/{spell_index}"), out);
        }
    }
}

/// A relation's name as problems give it, written only when there is a problem to give.
struct RelationName<'a>(&'a Names<'a>, &'a super::Relation);

impl std::fmt::Display for RelationName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.relation(self.1))
    }
}

fn check_relations(
    dataset: &Dataset,
    names: &Names<'_>,
    (actor_ids, source_ids): (&HashSet<&str>, &HashSet<&str>),
    out: &mut Vec<Diagnostic>,
) {
    let known_kinds = dataset.known_relation_kinds();
    for (index, relation) in dataset.relations.iter().enumerate() {
        let at = |field: &str| format!("/relations/{index}/{field}");
        let name = RelationName(names, relation);
        if !known_kinds.contains(&relation.kind.as_str()) {
            out.push(
                Diagnostic::error(
                    "unknown-kind",
                    format!(
                        "{name} has kind `{}`, which is neither built in nor declared",
                        relation.kind
                    ),
                )
                .expected(format!(
                    "one of {}, or a kind declared in `relation_kinds`",
                    quoted_list(&known_kinds)
                ))
                .at(at("kind")),
            );
        }
        for (field, actor) in [("from", &relation.from), ("to", &relation.to)] {
            if !actor_ids.contains(actor.as_str()) {
                out.push(
                    Diagnostic::error(
                        "unknown-actor",
                        format!("{name} points `{field}` at actor `{actor}`, which does not exist"),
                    )
                    .expected("the id of an actor listed in `actors`")
                    .at(at(field)),
                );
            }
        }
        if relation.from == relation.to {
            out.push(
                Diagnostic::warning(
                    "self-relation",
                    format!("{name} links {} to itself", names.actor(&relation.from)),
                )
                .at(at("to")),
            );
        }
        if let Some(period) = &relation.period {
            check_period(period, &name, &at("period"), out);
        }
        for (spell_index, spell) in relation.spells.iter().enumerate() {
            let owner = format!("spell #{} of {name}", spell_index + 1);
            check_period(spell, &owner, &at(&format!("spells/{spell_index}")), out);
        }
        if let Some(magnitude) = &relation.magnitude
            && magnitude.as_stated.trim().is_empty()
        {
            out.push(
                Diagnostic::error(
                    "empty-magnitude",
                    format!("{name} has a magnitude with no `as_stated` wording"),
                )
                .expected("the source's own words, e.g. \"up to 10,000 personnel\"")
                .at(at("magnitude/as_stated")),
            );
        }
        if relation.evidence.is_empty() && names.naming == Naming::Ids {
            out.push(
                Diagnostic::warning("no-evidence", format!("{name} has no evidence"))
                    .expected("at least one quote from a source")
                    .at(at("evidence")),
            );
        }
        check_evidence(relation, (index, &name), source_ids, out);
    }
}

fn check_evidence(
    relation: &super::Relation,
    (relation_index, relation_name): (usize, &dyn std::fmt::Display),
    source_ids: &HashSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    for (index, item) in relation.evidence.iter().enumerate() {
        let at = |field: &str| format!("/relations/{relation_index}/evidence/{index}/{field}");
        let name = format!("evidence #{} of {relation_name}", index + 1);
        if !source_ids.contains(item.source.as_str()) {
            out.push(
                Diagnostic::error(
                    "unknown-source",
                    format!("{name} cites source `{}`, which does not exist", item.source),
                )
                .expected("the id of a source listed in `sources`")
                .at(at("source")),
            );
        }
        if item.quote.trim().is_empty() {
            out.push(
                Diagnostic::error("empty-quote", format!("{name} has an empty quote"))
                    .expected("the words copied verbatim from the source")
                    .at(at("quote")),
            );
        }
        if let Some(grade) = item.credibility
            && credibility_meaning(grade).is_none()
        {
            out.push(
                Diagnostic::error("bad-credibility", format!("{name} has credibility {grade}"))
                    .expected("a grade from 1 (confirmed) to 6 (cannot be judged)")
                    .at(at("credibility")),
            );
        }
        if let Some(url) = &item.url {
            check_link(url, &name, &at("url"), out);
        }
    }
}

fn check_period(period: &Period, owner: &dyn std::fmt::Display, pointer: &str, out: &mut Vec<Diagnostic>) {
    if period.ends_before_it_starts() {
        let (Some(start), Some(end)) = (period.start, period.end) else {
            return;
        };
        out.push(
            Diagnostic::error(
                "period-order",
                format!("{owner} ends ({end}) before it starts ({start})"),
            )
            .expected("an end on or after the start")
            .at(format!("{pointer}/end")),
        );
    }
}

/// Links are opened in the user's browser, so only web links are allowed.
fn check_link(link: &str, owner: &str, pointer: &str, out: &mut Vec<Diagnostic>) {
    if !is_web_link(link) {
        out.push(
            Diagnostic::error(
                "bad-link",
                format!("{owner} has link `{link}`, which is not a web address"),
            )
            .expected("an http:// or https:// address")
            .at(pointer),
        );
    }
}

/// True for an absolute `http` or `https` URL with a host.
pub fn is_web_link(link: &str) -> bool {
    url::Url::parse(link).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
}

fn quoted_list(items: &[&str]) -> String {
    items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Relation};

    #[test]
    fn problems_in_other_tools_files_name_actors_by_name_and_keep_the_id_beside_it() {
        let mut dataset = Dataset::new("t");
        dataset
            .actors
            .push(Actor::new("4941", "Order service", ActorKind::Other));
        dataset.relations.push(Relation::new("r4", "treaty", "4941", "4941"));
        let message = |naming| {
            validate_naming(&dataset, naming)
                .into_iter()
                .find(|d| d.code == "self-relation")
                .map(|d| d.message)
                .unwrap_or_default()
        };
        assert_eq!(
            message(Naming::Names),
            "relation “Order service → Order service” (Treaty) links actor “Order service” (id `4941`) to itself"
        );
        assert_eq!(message(Naming::Ids), "relation `r4` links actor `4941` to itself");
    }
}
