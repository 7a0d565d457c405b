//! "Delete this actor?": says how many relations go with it before anything is deleted.

use egui::{Key, RichText};

use super::command::Command;
use crate::model::{Dataset, DatasetIndex};

/// A modal over the whole window; Escape or a click outside cancels.
pub fn delete_dialog(ctx: &egui::Context, dataset: &Dataset, index: &DatasetIndex, actor: usize) -> Option<Command> {
    let name = dataset.actors.get(actor).map_or("this actor", |a| a.name.as_str());
    let relations = index.relations_of(actor).len();
    let mut command = None;
    let modal = egui::Modal::new(egui::Id::new("delete-actor")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading(format!("Delete “{name}”?"));
        ui.add_space(4.0);
        ui.label(match relations {
            0 => "It takes part in no relation.".to_owned(),
            1 => "Its 1 relation and that relation's evidence go with it.".to_owned(),
            n => format!("Its {n} relations and their evidence go with it."),
        });
        ui.label(RichText::new("Edit › Undo (Ctrl+Z) brings them back.").weak());
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            // A click, not Enter: a deletion is never one stray key away.
            if ui.button(RichText::new("Delete").strong()).clicked() {
                command = Some(Command::ConfirmDeleteActor(actor));
            }
            if ui.button("Cancel").clicked() {
                command = Some(Command::CancelDelete);
            }
        });
    });
    if modal.should_close() && command.is_none() {
        command = Some(Command::CancelDelete);
    }
    command
}

/// Why something cannot be deleted (a source still cited), until the user has read it.
pub fn refusal_dialog(ctx: &egui::Context, title: &str, why: &str) -> Option<Command> {
    let mut command = None;
    let modal = egui::Modal::new(egui::Id::new("delete-refused")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading(title);
        ui.add_space(4.0);
        ui.label(why);
        ui.add_space(10.0);
        if ui.button("OK").clicked() || ui.input(|i| i.key_pressed(Key::Enter)) {
            command = Some(Command::DismissRefusal);
        }
    });
    if modal.should_close() {
        command = Some(Command::DismissRefusal);
    }
    command
}
