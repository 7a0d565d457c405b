//! The changes an analyst makes by hand, each checked as `entente check` would check the saved
//! file and turned into one undoable `Edit` with the name the Edit menu gives it.

use super::{
    Actor, Dataset, DatasetIndex, Direction, Edit, Evidence, Part, Relation, RelationKindDecl, Slot, Source, validate,
};

/// A change ready to be taken: the edit, and what the user would call it.
#[derive(Debug, Clone)]
pub struct Proposed {
    pub edit: Edit,
    pub label: String,
}

/// What a form must fix before its change can be taken: the field (as the form names it,
/// e.g. `name`, `period/end`, `evidence/0/quote`, `kind/colour`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

pub type Checked = Result<Proposed, Vec<FieldProblem>>;

fn step(parts: Vec<Part>, label: String) -> Proposed {
    Proposed {
        edit: Edit::Parts(parts),
        label,
    }
}

/// A new actor, placed after the others.
pub fn add_actor(dataset: &Dataset, index: &DatasetIndex, actor: Actor) -> Checked {
    let mut problems = check_actor(dataset, &actor);
    if index.actor(&actor.id).is_some() {
        problems.push(FieldProblem::new(
            "id",
            format!("another actor has the id `{}`", actor.id),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let label = format!("Add actor “{}”", actor.name);
    let at = dataset.actors.len();
    Ok(step(vec![Part::Actor(Slot::Insert { at, item: actor })], label))
}

/// The actor at `at` as the form left it (its id stays).
pub fn change_actor(dataset: &Dataset, at: usize, mut actor: Actor) -> Checked {
    let Some(before) = dataset.actors.get(at) else {
        return Err(vec![FieldProblem::new("id", "the actor is no longer in the dataset")]);
    };
    actor.id.clone_from(&before.id);
    let problems = check_actor(dataset, &actor);
    if !problems.is_empty() {
        return Err(problems);
    }
    let label = format!("Edit actor “{}”", actor.name);
    let before = before.clone();
    Ok(step(
        vec![Part::Actor(Slot::Change {
            at,
            before,
            after: actor,
        })],
        label,
    ))
}

/// Deletes the actor at `at` and every relation it takes part in.
pub fn delete_actor(dataset: &Dataset, index: &DatasetIndex, at: usize) -> Option<Proposed> {
    let actor = dataset.actors.get(at)?;
    let relations = index.relations_of(at);
    // From the last relation back, so that each one's position holds when it is taken out.
    let mut parts: Vec<Part> = relations
        .iter()
        .rev()
        .filter_map(|&r| {
            let item = dataset.relations.get(r)?.clone();
            Some(Part::Relation(Slot::Remove { at: r, item }))
        })
        .collect();
    parts.push(Part::Actor(Slot::Remove {
        at,
        item: actor.clone(),
    }));
    let label = match relations.len() {
        0 => format!("Delete actor “{}”", actor.name),
        1 => format!("Delete actor “{}” and its relation", actor.name),
        n => format!("Delete actor “{}” and its {n} relations", actor.name),
    };
    Some(step(parts, label))
}

/// Makes `gone` part of `keep`, two records of one actor: `gone`'s relations move to `keep`,
/// its name and aliases become `keep`'s aliases, and whatever `keep` does not say is taken
/// from `gone`.
pub fn merge_actors(dataset: &Dataset, index: &DatasetIndex, keep: usize, gone: usize) -> Option<Proposed> {
    if keep == gone {
        return None;
    }
    let (kept, merged) = (dataset.actors.get(keep)?, dataset.actors.get(gone)?);
    let mut after = kept.clone();
    for name in std::iter::once(&merged.name).chain(&merged.aliases) {
        if *name != after.name && !after.aliases.contains(name) {
            after.aliases.push(name.clone());
        }
    }
    after.description = match (&kept.description, &merged.description) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}\n\n{b}")),
        (a, b) => a.clone().or_else(|| b.clone()),
    };
    after.active = kept.active.or(merged.active);
    if kept.active.is_some() && merged.active.is_some() && kept.active != merged.active {
        // Both say when they were active: keep both, as spells, rather than choose.
        after.spells.extend(
            kept.active
                .iter()
                .chain(&merged.active)
                .filter(|p| !kept.spells.contains(p)),
        );
    }
    after.spells.extend(
        merged
            .spells
            .iter()
            .filter(|p| !after.spells.contains(p))
            .copied()
            .collect::<Vec<_>>(),
    );
    after.caveats.extend(merged.caveats.iter().cloned());
    for (key, value) in &merged.extra {
        after.extra.entry(key.clone()).or_insert_with(|| value.clone());
    }
    let mut parts: Vec<Part> = index
        .relations_of(gone)
        .iter()
        .filter_map(|&r| {
            let before = dataset.relations.get(r)?.clone();
            let mut moved = before.clone();
            for end in [&mut moved.from, &mut moved.to] {
                if *end == merged.id {
                    end.clone_from(&kept.id);
                }
            }
            Some(Part::Relation(Slot::Change {
                at: r,
                before,
                after: moved,
            }))
        })
        .collect();
    parts.push(Part::Actor(Slot::Change {
        at: keep,
        before: kept.clone(),
        after,
    }));
    parts.push(Part::Actor(Slot::Remove {
        at: gone,
        item: merged.clone(),
    }));
    let label = format!("Merge “{}” into “{}”", merged.name, kept.name);
    Some(step(parts, label))
}

/// A new relation, placed after the others, with the kind it declares when it is a new one.
pub fn add_relation(
    dataset: &Dataset,
    index: &DatasetIndex,
    relation: Relation,
    new_kind: Option<RelationKindDecl>,
) -> Checked {
    let mut problems = check_relation(dataset, &relation, new_kind.as_ref());
    if dataset.relations.iter().any(|r| r.id == relation.id) {
        problems.push(FieldProblem::new(
            "id",
            format!("another relation has the id `{}`", relation.id),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let label = format!("Add relation {}", describe_relation(dataset, index, &relation));
    let mut parts = kind_part(dataset, new_kind);
    parts.push(Part::Relation(Slot::Insert {
        at: dataset.relations.len(),
        item: relation,
    }));
    Ok(step(parts, label))
}

/// The relation at `at` as the form left it (its id and ends stay), with the kind it declares
/// when it is a new one. `label` names what changed, e.g. "Edit relation" or "Add evidence to".
pub fn change_relation(
    dataset: &Dataset,
    index: &DatasetIndex,
    at: usize,
    mut relation: Relation,
    new_kind: Option<RelationKindDecl>,
    label: &str,
) -> Checked {
    let Some(before) = dataset.relations.get(at) else {
        return Err(vec![FieldProblem::new(
            "id",
            "the relation is no longer in the dataset",
        )]);
    };
    relation.id.clone_from(&before.id);
    let problems = check_relation(dataset, &relation, new_kind.as_ref());
    if !problems.is_empty() {
        return Err(problems);
    }
    let label = format!("{label} {}", describe_relation(dataset, index, &relation));
    let mut parts = kind_part(dataset, new_kind);
    parts.push(Part::Relation(Slot::Change {
        at,
        before: before.clone(),
        after: relation,
    }));
    Ok(step(parts, label))
}

/// The relation at `relation` with its evidence item at `at` replaced by `evidence`, or
/// taken out (`None`); `at: None` adds `evidence` after the others.
pub fn change_evidence(
    dataset: &Dataset,
    index: &DatasetIndex,
    relation: usize,
    at: Option<usize>,
    evidence: Option<Evidence>,
) -> Checked {
    let Some(mut changed) = dataset.relations.get(relation).cloned() else {
        return Err(vec![FieldProblem::new(
            "id",
            "the relation is no longer in the dataset",
        )]);
    };
    let label = match (at, evidence) {
        (None, Some(evidence)) => {
            changed.evidence.push(evidence);
            "Add evidence to"
        }
        (Some(at), Some(evidence)) => {
            let Some(slot) = changed.evidence.get_mut(at) else {
                return Err(vec![FieldProblem::new("quote", "the evidence item is no longer there")]);
            };
            *slot = evidence;
            "Edit evidence on"
        }
        (Some(at), None) if at < changed.evidence.len() => {
            changed.evidence.remove(at);
            "Delete evidence from"
        }
        _ => return Err(vec![FieldProblem::new("quote", "the evidence item is no longer there")]),
    };
    change_relation(dataset, index, relation, changed, None, label)
}

pub fn delete_relation(dataset: &Dataset, index: &DatasetIndex, at: usize) -> Option<Proposed> {
    let relation = dataset.relations.get(at)?;
    let label = format!("Delete relation {}", describe_relation(dataset, index, relation));
    Some(step(
        vec![Part::Relation(Slot::Remove {
            at,
            item: relation.clone(),
        })],
        label,
    ))
}

/// A new source, placed after the others.
pub fn add_source(dataset: &Dataset, index: &DatasetIndex, source: Source) -> Checked {
    let mut problems = check_source(&source);
    if index.source(&source.id).is_some() {
        problems.push(FieldProblem::new(
            "id",
            format!("another source has the id `{}`", source.id),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let label = format!("Add source “{}”", source.title);
    let at = dataset.sources.len();
    Ok(step(vec![Part::Source(Slot::Insert { at, item: source })], label))
}

/// The source at `at` as the form left it (its id stays: evidence cites it by id).
pub fn change_source(dataset: &Dataset, at: usize, mut source: Source, label: &str) -> Checked {
    let Some(before) = dataset.sources.get(at) else {
        return Err(vec![FieldProblem::new("id", "the source is no longer in the dataset")]);
    };
    source.id.clone_from(&before.id);
    let problems = check_source(&source);
    if !problems.is_empty() {
        return Err(problems);
    }
    let label = format!("{label} “{}”", source.title);
    Ok(step(
        vec![Part::Source(Slot::Change {
            at,
            before: before.clone(),
            after: source,
        })],
        label,
    ))
}

/// Deletes the source at `at`; refused while evidence cites it, naming the relations that do.
pub fn delete_source(dataset: &Dataset, index: &DatasetIndex, at: usize) -> Result<Proposed, String> {
    let source = dataset
        .sources
        .get(at)
        .ok_or("the source is no longer in the dataset")?;
    let citing: Vec<&Relation> = dataset
        .relations
        .iter()
        .filter(|r| r.evidence.iter().any(|e| e.source == source.id))
        .collect();
    if let Some(first) = citing.first() {
        let more = match citing.len() {
            1 => String::new(),
            2 => " and 1 other relation".to_owned(),
            n => format!(" and {} other relations", n - 1),
        };
        return Err(format!(
            "“{}” is cited by evidence on {}{more}: delete or move that evidence first",
            source.title,
            describe_relation(dataset, index, first)
        ));
    }
    let label = format!("Delete source “{}”", source.title);
    Ok(step(
        vec![Part::Source(Slot::Remove {
            at,
            item: source.clone(),
        })],
        label,
    ))
}

/// "North Korea → Russia", as the Edit menu and the history name a relation.
pub fn describe_relation(dataset: &Dataset, index: &DatasetIndex, relation: &Relation) -> String {
    let name = |id: &str| {
        index
            .actor(id)
            .and_then(|at| dataset.actors.get(at))
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    };
    let arrow = match relation.direction {
        Direction::Directed => "→",
        Direction::Mutual => "⇄",
    };
    format!("{} {arrow} {}", name(&relation.from), name(&relation.to))
}

fn kind_part(dataset: &Dataset, new_kind: Option<RelationKindDecl>) -> Vec<Part> {
    new_kind
        .map(|item| {
            Part::RelationKind(Slot::Insert {
                at: dataset.relation_kinds.len(),
                item,
            })
        })
        .into_iter()
        .collect()
}

/// The errors `entente check` would report on `actor`, by field.
pub fn check_actor(dataset: &Dataset, actor: &Actor) -> Vec<FieldProblem> {
    let mut alone = Dataset::new("check");
    alone.actor_kinds.clone_from(&dataset.actor_kinds);
    alone.actors.push(actor.clone());
    errors_under(&alone, "/actors/0/")
}

/// The errors `entente check` would report on `relation` (its evidence included), by field.
/// A new kind's own problems are reported under `kind/`.
pub fn check_relation(
    dataset: &Dataset,
    relation: &Relation,
    new_kind: Option<&RelationKindDecl>,
) -> Vec<FieldProblem> {
    let mut alone = Dataset::new("check");
    alone.relation_kinds.clone_from(&dataset.relation_kinds);
    let mut problems = Vec::new();
    if let Some(kind) = new_kind {
        if kind.id.trim().is_empty() || kind.label.trim().is_empty() {
            problems.push(FieldProblem::new("kind", "a new kind needs a name"));
        } else if dataset.known_relation_kinds().contains(&kind.id.as_str()) {
            problems.push(FieldProblem::new(
                "kind",
                format!("there is already a kind `{}`", kind.id),
            ));
        }
        alone.relation_kinds.push(kind.clone());
    }
    for end in [&relation.from, &relation.to] {
        if let Some(actor) = dataset.actor(end)
            && alone.actor(end).is_none()
        {
            alone.actors.push(actor.clone());
        }
    }
    for evidence in &relation.evidence {
        if let Some(source) = dataset.source(&evidence.source)
            && alone.source(&evidence.source).is_none()
        {
            alone.sources.push(source.clone());
        }
    }
    alone.relations.push(relation.clone());
    let kind_at = format!("/relation_kinds/{}/", alone.relation_kinds.len().saturating_sub(1));
    problems.extend(errors_under(&alone, "/relations/0/"));
    if new_kind.is_some() {
        problems.extend(errors_under(&alone, &kind_at).into_iter().map(|p| FieldProblem {
            field: format!("kind/{}", p.field),
            message: p.message,
        }));
    }
    problems
}

/// The errors `entente check` would report on `source`, by field.
pub fn check_source(source: &Source) -> Vec<FieldProblem> {
    let mut alone = Dataset::new("check");
    alone.sources.push(source.clone());
    let mut problems = errors_under(&alone, "/sources/0/");
    if source.title.trim().is_empty() {
        // A warning in a file someone else wrote; a form can ask for it.
        problems.push(FieldProblem::new("title", "a source needs a title"));
    }
    problems
}

/// What `entente check` says, as a form says it beside the field: without naming the record
/// by its id (the user is looking at it), and with what would do instead.
fn beside_the_field(diagnostic: &super::Diagnostic) -> String {
    match diagnostic.code {
        "empty-quote" => "The quote is empty: copy the source's own words here".to_owned(),
        "empty-name" => "A name is needed".to_owned(),
        "bad-link" => "Not a web address: a link starts with http:// or https://".to_owned(),
        "bad-colour" => "Not a colour: expected #rrggbb".to_owned(),
        "empty-magnitude" => "A figure needs the source's words for it".to_owned(),
        _ => {
            // "relation `x` ends (2021) before it starts (2022)" → "Ends (2021) before…"
            let message = &diagnostic.message;
            let said = message.split_once("` ").map_or(message.as_str(), |(_, rest)| rest);
            let mut said: String = said.to_owned();
            if let Some(first) = said.get(..1) {
                said.replace_range(..1, &first.to_uppercase());
            }
            match &diagnostic.expected {
                Some(expected) => format!("{said}: expected {expected}"),
                None => said,
            }
        }
    }
}

fn errors_under(dataset: &Dataset, prefix: &str) -> Vec<FieldProblem> {
    validate(dataset)
        .into_iter()
        .filter(|d| d.is_error())
        .filter_map(|d| {
            let field = d.pointer.as_deref()?.strip_prefix(prefix)?.to_owned();
            Some(FieldProblem {
                field,
                message: beside_the_field(&d),
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "editing_tests.rs"]
mod tests;
