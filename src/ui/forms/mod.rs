//! The forms that change the dataset: shown in the side panel in place of what they edit.
//! Each returns what the user asked for; the app checks the change as `entente check` would
//! and either takes it as one undo step or shows the problems beside their fields.

mod actor_form;
mod actor_picker;
mod evidence_form;
mod fields;
mod merge_form;
mod relation_form;
mod source_form;

use egui::Ui;

pub use actor_form::ActorForm;
pub use evidence_form::EvidenceForm;
pub use fields::{focus_field, id_from, unique_id};
pub use merge_form::MergeForm;
pub use relation_form::RelationForm;
pub use source_form::SourceForm;

use super::command::Command;
use crate::model::{Dataset, DatasetIndex};

/// A form open in the side panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    Actor(ActorForm),
    Relation(RelationForm),
    Evidence(EvidenceForm),
    Source(SourceForm),
    Merge(MergeForm),
}

impl Form {
    /// The field typed in first when the form opens.
    pub fn first_field(&self) -> Option<&'static str> {
        match self {
            Self::Actor(_) => Some("name"),
            Self::Source(_) => Some("title"),
            Self::Evidence(_) => Some("quote"),
            Self::Relation(_) | Self::Merge(_) => None,
        }
    }
}

/// What the user did with a form this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Save,
    Cancel,
    /// Add a source first (from the evidence form).
    NewSource,
}

/// Draws `form`; the commands its buttons give.
pub fn form_panel(ui: &mut Ui, (dataset, index): (&Dataset, &DatasetIndex), form: &mut Form) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let action = match form {
            Form::Actor(form) => actor_form::actor_form(ui, dataset, form),
            Form::Relation(form) => relation_form::relation_form(ui, dataset, form),
            Form::Evidence(form) => evidence_form::evidence_form(ui, dataset, form),
            Form::Source(form) => source_form::source_form(ui, form),
            Form::Merge(merge) => {
                if let Some(keep) = merge_form::merge_form(ui, dataset, index, merge) {
                    commands.push(Command::MergeActors { keep, gone: merge.gone });
                }
                cancel_button(ui)
            }
        };
        commands.extend(action.map(|action| match action {
            FormAction::Save => Command::SaveForm,
            FormAction::Cancel => Command::CancelForm,
            FormAction::NewSource => Command::NewSource,
        }));
    });
    commands
}

/// Save (Add for something new) and Cancel; Enter in a one-line field does not save, so a
/// half-typed form is never taken by accident.
fn buttons(ui: &mut Ui, new: bool) -> Option<FormAction> {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let save = ui
            .button(if new { "Add" } else { "Save" })
            .on_hover_text("Take the change (Ctrl+Z takes it back)")
            .clicked();
        let cancel = ui
            .button("Cancel")
            .on_hover_text("Close the form and change nothing (Esc)")
            .clicked();
        if save {
            Some(FormAction::Save)
        } else if cancel {
            Some(FormAction::Cancel)
        } else {
            None
        }
    })
    .inner
}

fn cancel_button(ui: &mut Ui) -> Option<FormAction> {
    ui.add_space(8.0);
    ui.button("Cancel").clicked().then_some(FormAction::Cancel)
}
