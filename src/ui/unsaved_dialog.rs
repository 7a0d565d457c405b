//! "Save your changes first?": asked before anything would replace an edited dataset.

use egui::{Key, RichText};

use super::command::{Command, UnsavedChoice};

/// A modal over the whole window. `dataset` names what was edited, `then` says what the user
/// asked for ("quitting", "opening another file"). Escape or a click outside cancels.
pub fn unsaved_dialog(ctx: &egui::Context, dataset: &str, then: &str) -> Option<Command> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::new("unsaved-changes")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading("Save your changes?");
        ui.add_space(4.0);
        ui.label(format!(
            "Your changes to “{dataset}” (edits, grades, added datasets) are not saved. They are lost if you go on with {then} without saving."
        ));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Save").strong())
                .on_hover_text("Save, then go on")
                .clicked()
                || ui.input(|i| i.key_pressed(Key::Enter))
            {
                choice = Some(UnsavedChoice::Save);
            }
            if ui
                .button("Don't Save")
                .on_hover_text("Throw the changes away and go on")
                .clicked()
            {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").on_hover_text("Stay here, changes kept").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(UnsavedChoice::Cancel);
    }
    choice.map(Command::ResolveUnsaved)
}
