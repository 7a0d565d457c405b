//! Merge two records of one actor: choose the actor that stays.

use egui::{RichText, Ui};

use super::actor_picker::actor_picker;
use crate::model::{Dataset, DatasetIndex};

#[derive(Debug, Clone, PartialEq)]
pub struct MergeForm {
    /// The actor that goes: its relations move and its names become aliases.
    pub gone: usize,
    pub filter: String,
}

/// The actor picked to stay.
pub fn merge_form(ui: &mut Ui, dataset: &Dataset, index: &DatasetIndex, form: &mut MergeForm) -> Option<usize> {
    let gone = dataset.actors.get(form.gone)?;
    ui.heading("Merge actors");
    ui.add_space(4.0);
    ui.label(format!(
        "Merge “{}” into the actor you choose: its {} move over, and its names become aliases.",
        gone.name,
        crate::text::count(index.relations_of(form.gone).len(), "relation")
    ));
    ui.label(RichText::new("The actor that stays").weak());
    let picked = actor_picker(ui, dataset, &mut form.filter, "merge-into", Some(form.gone));
    ui.add_space(6.0);
    ui.label(RichText::new("Ctrl+Z takes the merge back.").weak());
    picked
}
