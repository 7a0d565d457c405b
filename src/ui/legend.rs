//! The legend: every relation and actor kind in the dataset, how it is drawn, how many
//! there are, and a check box to hide or show it.

use egui::{RichText, Ui};

use super::command::Command;
use super::graph::style::{actor_sample, line_sample, relation_line_style};
use super::palette::{actor_kind_colour, relation_kind_colour};
use crate::model::{ActorKind, Dataset, KindFilter, Summary};

pub fn legend(ui: &mut Ui, dataset: &Dataset, summary: &Summary, filter: &KindFilter) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.label(RichText::new("Relations").strong());
    let mut kinds: Vec<&str> = dataset.known_relation_kinds();
    // Kinds used but never declared (a file with errors would not load, but be safe).
    for kind in summary.relations_by_kind.keys() {
        if !kinds.contains(&kind.as_str()) {
            kinds.push(kind);
        }
    }
    for kind in kinds {
        let Some(&count) = summary.relations_by_kind.get(kind) else {
            continue;
        };
        ui.horizontal(|ui| {
            let colour = relation_kind_colour(dataset, kind);
            line_sample(ui, colour, relation_line_style(dataset, kind));
            let mut shown = filter.relation_kind_shown(kind);
            let label = dataset.relation_kind_label(kind);
            let description = dataset
                .relation_kinds
                .iter()
                .find(|k| k.id == kind)
                .and_then(|k| k.description.clone());
            let response = ui.checkbox(&mut shown, label);
            let response = match description {
                Some(text) => response.on_hover_text(text),
                None => response.on_hover_text(format!("Show or hide {label} relations")),
            };
            if response.changed() {
                commands.push(Command::ShowRelationKind(kind.to_owned(), shown));
            }
            ui.label(RichText::new(count.to_string()).weak());
        });
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Actors").strong());
    for kind in ActorKind::ALL {
        let Some(&count) = summary.actors_by_kind.get(&kind) else {
            continue;
        };
        ui.horizontal(|ui| {
            ui.add_space(9.0);
            actor_sample(ui, kind, actor_kind_colour(kind));
            ui.add_space(9.0);
            let mut shown = filter.actor_kind_shown(kind);
            if ui
                .checkbox(&mut shown, kind.label())
                .on_hover_text("Show or hide these actors and their relations")
                .changed()
            {
                commands.push(Command::ShowActorKind(kind, shown));
            }
            ui.label(RichText::new(count.to_string()).weak());
        });
    }
    let anything_hidden = !filter.hidden_relation_kinds.is_empty() || !filter.hidden_actor_kinds.is_empty();
    if anything_hidden && ui.small_button("Show all").clicked() {
        commands.push(Command::ShowAllKinds);
    }
    commands
}
