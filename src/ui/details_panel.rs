//! The side panel: evidence for the selected relation, the selected actor's links, or,
//! with nothing selected, what the dataset is.

use egui::{RichText, Ui};

use super::changes_list::{ComparedYears, changes_list};
use super::command::{Command, Selection};
use super::evidence_card::evidence_card;
use super::palette::KindLooks;
use super::sources_list::sources_list;
use super::widgets::{count, edit_buttons, field, kind_chip};
use crate::model::EvidenceAt;
use crate::model::{Dataset, DatasetIndex, Direction, ExtraFields, QuoteChecks, Relation, Summary};

/// With two years compared and nothing selected, the panel lists what changed between them
/// above what the dataset is.
pub fn details_panel(
    ui: &mut Ui,
    (dataset, looks, summary, index): (&Dataset, &KindLooks, &Summary, &DatasetIndex),
    quotes: &QuoteChecks,
    selection: Option<Selection>,
    compared: Option<&ComparedYears<'_>>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| match selection {
            None if compared.is_some() => {
                if let Some(compared) = compared {
                    commands.extend(changes_list(ui, dataset, looks, compared));
                }
                ui.separator();
                dataset_overview(ui, dataset, summary, &mut commands);
            }
            Some(Selection::Relation(i)) => match dataset.relations.get(i) {
                Some(relation) => {
                    relation_details(
                        ui,
                        (dataset, looks, summary),
                        (index, quotes),
                        (i, relation),
                        &mut commands,
                    );
                }
                None => dataset_overview(ui, dataset, summary, &mut commands),
            },
            Some(Selection::Actor(i)) => match dataset.actors.get(i) {
                Some(_) => actor_details(ui, dataset, looks, index, i, &mut commands),
                None => dataset_overview(ui, dataset, summary, &mut commands),
            },
            None => dataset_overview(ui, dataset, summary, &mut commands),
        });
    commands
}

fn dataset_overview(ui: &mut Ui, dataset: &Dataset, summary: &Summary, commands: &mut Vec<Command>) {
    ui.heading(&dataset.title);
    if let Some(description) = &dataset.description {
        ui.label(description);
    }
    ui.add_space(6.0);
    ui.label(format!(
        "{} · {} · {} · {}",
        count(summary.actors, "actor"),
        count(summary.relations, "relation"),
        count(summary.evidence, "evidence item"),
        count(summary.sources, "source"),
    ));
    if let Some(author) = &dataset.author {
        field(ui, "Compiled by", author);
    }
    if let Some(licence) = &dataset.licence {
        field(ui, "Licence", licence);
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new("Select a relation or an actor to see the evidence behind it.")
            .weak()
            .italics(),
    );
    ui.add_space(8.0);
    commands.extend(sources_list(ui, dataset));
}

fn relation_details(
    ui: &mut Ui,
    (dataset, looks, summary): (&Dataset, &KindLooks, &Summary),
    (index, quotes): (&DatasetIndex, &QuoteChecks),
    (relation_index, relation): (usize, &Relation),
    commands: &mut Vec<Command>,
) {
    let colour = looks.relation_colour(&relation.kind);
    kind_chip(ui, colour, dataset.relation_kind_label(&relation.kind));
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        actor_link(ui, dataset, index, &relation.from, commands);
        let arrow = match relation.direction {
            Direction::Directed => "→",
            Direction::Mutual => "⇄",
        };
        ui.label(RichText::new(arrow).heading());
        actor_link(ui, dataset, index, &relation.to, commands);
    });
    let direction = match relation.direction {
        Direction::Directed => "One way",
        Direction::Mutual => "Mutual",
    };
    field(ui, "Direction", direction);
    edit_buttons(
        ui,
        commands,
        &[
            (
                "Edit",
                "Edit this relation's kind, direction, period and magnitude",
                Command::EditRelation(relation_index),
            ),
            (
                "Add evidence",
                "Add a quote from a source",
                Command::AddEvidence(relation_index),
            ),
            (
                "Delete",
                "Delete this relation and its evidence (Ctrl+Z brings it back)",
                Command::DeleteRelation(relation_index),
            ),
        ],
    );
    field(ui, "Period", relation.period.unwrap_or_default().describe());
    if let Some(magnitude) = &relation.magnitude {
        magnitude_field(ui, relation, magnitude);
    }
    if let Some(summary) = &relation.summary {
        ui.add_space(4.0);
        ui.label(summary);
    }
    extra_fields(ui, &relation.extra);
    caveats(ui, &relation.caveats);
    ui.add_space(8.0);
    ui.strong(format!("Evidence ({})", relation.evidence.len()));
    if relation.evidence.is_empty() {
        ui.label(
            RichText::new("No evidence is recorded for this relation.")
                .weak()
                .italics(),
        );
    }
    for (i, evidence) in relation.evidence.iter().enumerate() {
        let source = index.source(&evidence.source).and_then(|s| dataset.sources.get(s));
        let at = EvidenceAt {
            relation: relation_index,
            evidence: i,
        };
        let source_items = summary.evidence_by_source.get(&evidence.source).copied().unwrap_or(1);
        ui.push_id(i, |ui| {
            let check = quotes.get(relation_index, i);
            commands.extend(evidence_card(ui, evidence, (source, check), source_items, at));
        });
    }
}

/// Edit, link, merge and delete the actor.
fn actor_buttons(ui: &mut Ui, actor_index: usize, commands: &mut Vec<Command>) {
    edit_buttons(
        ui,
        commands,
        &[
            (
                "Edit",
                "Edit this actor's name, kind, aliases and period",
                Command::EditActor(actor_index),
            ),
            (
                "Link…",
                "Link this actor to another with a new relation",
                Command::NewRelation {
                    from: Some(actor_index),
                    to: None,
                },
            ),
            (
                "Paths…",
                "Find how this actor is connected to another (Ctrl+Shift+P)",
                Command::FindPaths(Some(actor_index)),
            ),
            (
                "Merge…",
                "Merge this actor into another record of the same actor",
                Command::StartMerge(actor_index),
            ),
            (
                "Delete",
                "Delete this actor and its relations",
                Command::DeleteActor(actor_index),
            ),
        ],
    );
}

/// What is odd about the record as its publisher wrote it, above the evidence it concerns.
fn caveats(ui: &mut Ui, caveats: &[crate::model::Caveat]) {
    if caveats.is_empty() {
        return;
    }
    let warn = ui.visuals().warn_fg_color;
    ui.add_space(6.0);
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, warn))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("⚠ As its source published it").color(warn).strong())
                .on_hover_text(
                    "Entente opens a publisher's record as published, and says here what looks wrong in it.",
                );
            for caveat in caveats {
                ui.label(&caveat.note);
            }
        });
}

/// The figure, then its wording: in quote marks only when the evidence quotes those words,
/// so a figure Entente worked out (a sum of SIPRI's deals) is never dressed as a quotation.
fn magnitude_field(ui: &mut Ui, relation: &Relation, magnitude: &crate::model::Magnitude) {
    let quoted = relation.evidence.iter().any(|e| e.quote.contains(&magnitude.as_stated));
    let wording = if quoted {
        format!("“{}”", magnitude.as_stated)
    } else {
        magnitude.as_stated.clone()
    };
    match &magnitude.value {
        Some(value) => {
            let unit = magnitude.unit.as_deref().unwrap_or_default();
            field(
                ui,
                "Magnitude",
                format!("{} {unit}", group_digits(value)).trim_end().to_owned(),
            );
            ui.label(RichText::new(wording).weak());
        }
        None => field(ui, "Magnitude", wording),
    }
}

/// `5000000` → `5,000,000`; other numbers as they are written.
fn group_digits(value: &serde_json::Number) -> String {
    let text = value.to_string();
    let Some(digits) = text
        .strip_prefix('-')
        .or(Some(&text))
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
    else {
        return text;
    };
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if text.starts_with('-') {
        format!("-{grouped}")
    } else {
        grouped
    }
}

fn actor_details(
    ui: &mut Ui,
    dataset: &Dataset,
    looks: &KindLooks,
    index: &DatasetIndex,
    actor_index: usize,
    commands: &mut Vec<Command>,
) {
    let Some(actor) = dataset.actors.get(actor_index) else {
        return;
    };
    ui.heading(&actor.name);
    kind_chip(
        ui,
        looks.actor_colour(&actor.kind),
        dataset.actor_kind_label(&actor.kind),
    );
    actor_buttons(ui, actor_index, commands);
    if !actor.aliases.is_empty() {
        field(ui, "Also known as", actor.aliases.join(", "));
    }
    if let Some(active) = &actor.active {
        field(ui, "Active", active.describe());
    }
    if let Some(description) = &actor.description {
        ui.add_space(4.0);
        ui.label(description);
    }
    extra_fields(ui, &actor.extra);
    caveats(ui, &actor.caveats);
    let relations = index.relations_of(actor_index);
    ui.add_space(8.0);
    ui.strong(format!("Relations ({})", relations.len()));
    let mut kinds: Vec<&str> = relations
        .iter()
        .filter_map(|&r| dataset.relations.get(r))
        .map(|r| r.kind.as_str())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        ui.add_space(4.0);
        kind_chip(ui, looks.relation_colour(kind), dataset.relation_kind_label(kind));
        // Relations with the same actor sit together, oldest first, so that a news claim and a
        // dataset's record about one pair can be read side by side.
        let mut rows: Vec<RelationRow> = relations
            .iter()
            .filter_map(|&r| dataset.relations.get(r).map(|rel| (r, rel)))
            .filter(|(_, rel)| rel.kind == kind)
            .map(|(r, relation)| {
                let other = if relation.from == actor.id {
                    &relation.to
                } else {
                    &relation.from
                };
                let other_name = dataset.actor(other).map_or(other.as_str(), |a| a.name.as_str());
                let start = relation
                    .period
                    .and_then(|p| p.start)
                    .map_or((i32::MAX, 0, 0), |d| d.earliest());
                RelationRow {
                    other_name,
                    start,
                    index: r,
                    relation,
                }
            })
            .collect();
        rows.sort_by(|a, b| a.other_name.cmp(b.other_name).then(a.start.cmp(&b.start)));
        for RelationRow {
            other_name,
            index: r,
            relation,
            ..
        } in rows
        {
            let arrow = match (relation.from == actor.id, relation.direction) {
                (true, Direction::Directed) => "→",
                (false, Direction::Directed) => "←",
                (_, Direction::Mutual) => "⇄",
            };
            let period = relation
                .period
                .map(|p| format!("  ({})", p.describe()))
                .unwrap_or_default();
            let label = format!("{arrow} {other_name}{period}");
            let response = ui.selectable_label(false, label);
            let response = match &relation.summary {
                Some(summary) => response.on_hover_text(summary),
                None => response,
            };
            if response.clicked() {
                commands.push(Command::Select(Selection::Relation(r)));
            }
            let (short, full) = sources_of(dataset, index, relation);
            ui.indent(r, |ui| {
                ui.label(RichText::new(format!("from {short}")).small().weak())
                    .on_hover_text(full);
            });
        }
    }
}

/// One line of an actor's relations: the other actor, and when the relation began.
struct RelationRow<'a> {
    other_name: &'a str,
    start: (i32, u8, u8),
    index: usize,
    relation: &'a Relation,
}

/// Who a relation's evidence comes from: outlets (or titles) for the line under it, and the
/// sources' full titles for its tooltip.
fn sources_of(dataset: &Dataset, index: &DatasetIndex, relation: &Relation) -> (String, String) {
    let mut short: Vec<&str> = Vec::new();
    let mut full: Vec<&str> = Vec::new();
    for evidence in &relation.evidence {
        let source = index.source(&evidence.source).and_then(|s| dataset.sources.get(s));
        let (name, title) = source.map_or((evidence.source.as_str(), evidence.source.as_str()), |s| {
            (s.publisher.as_deref().unwrap_or(&s.title), s.title.as_str())
        });
        if !short.contains(&name) {
            short.push(name);
        }
        if !full.contains(&title) {
            full.push(title);
        }
    }
    if short.is_empty() {
        return (
            "no source".to_owned(),
            "No evidence is recorded for this relation.".to_owned(),
        );
    }
    (short.join(", "), full.join("\n"))
}

/// Fields Entente does not use itself (attributes from other tools, a user's own notes),
/// shown as they were written.
fn extra_fields(ui: &mut Ui, extra: &ExtraFields) {
    if extra.is_empty() {
        return;
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    for (key, value) in extra {
        match value {
            serde_json::Value::Object(map) if key == "attributes" => {
                rows.extend(map.iter().map(|(k, v)| (k.clone(), plain(v))));
            }
            other => rows.push((key.clone(), plain(other))),
        }
    }
    egui::CollapsingHeader::new(format!("Other attributes ({})", rows.len()))
        .default_open(rows.len() <= 6)
        .show(ui, |ui| {
            egui::Grid::new("extra-fields")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (key, value) in rows {
                        ui.label(RichText::new(key).weak());
                        ui.add(egui::Label::new(value).wrap());
                        ui.end_row();
                    }
                });
        });
}

fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) if items.iter().all(serde_json::Value::is_string) => items
            .iter()
            .filter_map(serde_json::Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn actor_link(ui: &mut Ui, dataset: &Dataset, index: &DatasetIndex, id: &str, commands: &mut Vec<Command>) {
    match index.actor(id).and_then(|i| dataset.actors.get(i).map(|a| (i, a))) {
        Some((i, actor)) => {
            if ui
                .link(RichText::new(&actor.name).heading())
                .on_hover_text(dataset.actor_kind_label(&actor.kind))
                .clicked()
            {
                commands.push(Command::Select(Selection::Actor(i)));
            }
        }
        None => {
            ui.label(RichText::new(id).heading());
        }
    }
}
