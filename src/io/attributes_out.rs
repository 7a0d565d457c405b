//! What Entente writes into GraphML and GEXF for each actor and relation, so that other tools
//! see plain attributes and Entente reads its own exports back without loss.

use serde_json::Value;

use crate::model::{Actor, Dataset, Direction, Relation};

/// (attribute name, value) pairs for an actor, in a fixed order.
pub fn actor_attributes(actor: &Actor) -> Vec<(String, String)> {
    let mut out = vec![
        ("name".to_owned(), actor.name.clone()),
        ("kind".to_owned(), actor.kind.clone()),
    ];
    if !actor.aliases.is_empty() {
        out.push(("aliases".to_owned(), actor.aliases.join("; ")));
    }
    if let Some(description) = &actor.description {
        out.push(("description".to_owned(), description.clone()));
    }
    if let Some(active) = &actor.active {
        if let Some(start) = active.start {
            out.push(("active_start".to_owned(), start.to_string()));
        }
        if let Some(end) = active.end {
            out.push(("active_end".to_owned(), end.to_string()));
        }
    }
    if !actor.spells.is_empty()
        && let Ok(json) = serde_json::to_string(&actor.spells)
    {
        out.push(("spells".to_owned(), json));
    }
    let look = &actor.appearance;
    for (name, value) in [("x", look.x), ("y", look.y), ("size", look.size)] {
        if let Some(value) = value {
            out.push((name.to_owned(), value.to_string()));
        }
    }
    if let Some(colour) = &look.colour {
        out.push(("colour".to_owned(), colour.clone()));
    }
    if let Some(shape) = look.shape
        && let Ok(Value::String(name)) = serde_json::to_value(shape)
    {
        out.push(("shape".to_owned(), name));
    }
    push_kept_attributes(&actor.extra, &mut out);
    out
}

pub fn relation_attributes(relation: &Relation) -> Vec<(String, String)> {
    let direction = match relation.direction {
        Direction::Directed => "directed",
        Direction::Mutual => "mutual",
    };
    let mut out = vec![
        ("kind".to_owned(), relation.kind.clone()),
        ("direction".to_owned(), direction.to_owned()),
    ];
    if let Some(period) = &relation.period {
        if let Some(start) = period.start {
            out.push(("start".to_owned(), start.to_string()));
        }
        if let Some(end) = period.end {
            out.push(("end".to_owned(), end.to_string()));
        }
    }
    if let Some(summary) = &relation.summary {
        out.push(("summary".to_owned(), summary.clone()));
    }
    if let Some(magnitude) = &relation.magnitude
        && let Ok(json) = serde_json::to_string(magnitude)
    {
        out.push(("magnitude".to_owned(), json));
    }
    if !relation.spells.is_empty()
        && let Ok(json) = serde_json::to_string(&relation.spells)
    {
        out.push(("spells".to_owned(), json));
    }
    if !relation.caveats.is_empty()
        && let Ok(json) = serde_json::to_string(&relation.caveats)
    {
        out.push(("caveats".to_owned(), json));
    }
    if let Some(colour) = &relation.appearance.colour {
        out.push(("colour".to_owned(), colour.clone()));
    }
    if let Some(thickness) = relation.appearance.thickness {
        out.push(("thickness".to_owned(), thickness.to_string()));
    }
    if !relation.evidence.is_empty()
        && let Ok(json) = serde_json::to_string(&relation.evidence)
    {
        out.push(("evidence".to_owned(), json));
    }
    push_kept_attributes(&relation.extra, &mut out);
    out
}

/// Graph-level attributes: what a dataset says about itself, and its sources and kinds as JSON.
pub fn graph_attributes(dataset: &Dataset) -> Vec<(String, String)> {
    let mut out = vec![("title".to_owned(), dataset.title.clone())];
    if let Some(description) = &dataset.description {
        out.push(("description".to_owned(), description.clone()));
    }
    if let Ok(json) = serde_json::to_string(&dataset.sources) {
        out.push(("sources".to_owned(), json));
    }
    if !dataset.actor_kinds.is_empty()
        && let Ok(json) = serde_json::to_string(&dataset.actor_kinds)
    {
        out.push(("actor_kinds".to_owned(), json));
    }
    if let Ok(json) = serde_json::to_string(&dataset.relation_kinds) {
        out.push(("relation_kinds".to_owned(), json));
    }
    out
}

/// Attributes imported from another tool (kept under `attributes`) go back out as they came.
fn push_kept_attributes(extra: &serde_json::Map<String, Value>, out: &mut Vec<(String, String)>) {
    if let Some(Value::Object(attributes)) = extra.get("attributes") {
        for (key, value) in attributes {
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.push((key.clone(), text));
        }
    }
}
