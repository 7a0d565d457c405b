//! The forms that change the dataset: shown in the side panel in place of what they edit.
//! Each returns what the user asked for; the app checks the change as `entente check` would
//! and either takes it as one undo step or shows the problems beside their fields.

mod actor_form;
mod actor_picker;
mod evidence_form;
mod fields;
mod merge_form;
mod quote_form;
mod relation_form;
mod source_form;

use egui::Ui;

pub use actor_form::ActorForm;
pub use actor_picker::actor_picker;
pub use evidence_form::EvidenceForm;
pub use fields::{focus_field, id_from, unique_id};
pub use merge_form::MergeForm;
pub use quote_form::{QuoteForm, QuoteOnto, relation_label};
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
    /// A passage of a source's text made evidence.
    Quote(Box<QuoteForm>),
}

impl Form {
    /// The field typed in first when the form opens.
    pub fn first_field(&self) -> Option<&'static str> {
        match self {
            Self::Actor(_) => Some("name"),
            Self::Source(_) => Some("title"),
            Self::Evidence(_) => Some("quote"),
            Self::Relation(form) if form.target.is_none() => form.first_empty_end(),
            Self::Merge(_) => Some("merge-into"),
            Self::Quote(_) => None,
            Self::Relation(_) => None,
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
    /// Read the source's text from a file.
    OpenTextFile,
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
            Form::Quote(form) => quote_form::quote_form(ui, (dataset, index), form),
            Form::Merge(merge) => match merge_form::merge_form(ui, (dataset, index), merge) {
                Some(merge_form::MergeAction::Merge { keep }) => {
                    commands.push(Command::MergeActors { keep, gone: merge.gone });
                    None
                }
                Some(merge_form::MergeAction::Cancel) => Some(FormAction::Cancel),
                None => None,
            },
        };
        commands.extend(action.map(|action| match action {
            FormAction::Save => Command::SaveForm,
            FormAction::Cancel => Command::CancelForm,
            FormAction::NewSource => Command::NewSource,
            FormAction::OpenTextFile => Command::ChooseSourceTextFile,
        }));
    });
    commands
}

/// Save (Add for something new) and Cancel. Ctrl+Enter saves from any field; Enter alone does
/// not, so a half-typed form is never taken by accident (and Enter starts a new line in a quote).
fn buttons(ui: &mut Ui, new: bool) -> Option<FormAction> {
    ui.add_space(8.0);
    let ctrl_enter = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
    ui.horizontal(|ui| {
        let save = ui
            .button(if new { "Add" } else { "Save" })
            .on_hover_text("Take the change (Ctrl+Enter); Ctrl+Z takes it back")
            .clicked()
            || ctrl_enter;
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
