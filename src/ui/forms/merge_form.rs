//! Merge two records of one actor: choose the actor that stays, see what the merge will do,
//! then merge.

use egui::{RichText, Ui};

use super::actor_picker::actor_picker;
use crate::model::{Dataset, DatasetIndex};
use crate::text::count;

#[derive(Debug, Clone, PartialEq)]
pub struct MergeForm {
    /// The actor that goes: its relations move and its names become aliases.
    pub gone: usize,
    /// The actor chosen to stay, once chosen (typed or clicked in the graph).
    pub into: Option<usize>,
    pub filter: String,
}

impl MergeForm {
    pub fn new(gone: usize) -> Self {
        Self {
            gone,
            into: None,
            filter: String::new(),
        }
    }

    /// An actor clicked in the graph is the one that stays.
    pub fn take_actor(&mut self, actor: usize) {
        if actor != self.gone {
            self.into = Some(actor);
        }
    }
}

/// What the user did: merge into the actor chosen, or cancel.
pub enum MergeAction {
    Merge { keep: usize },
    Cancel,
}

pub fn merge_form(
    ui: &mut Ui,
    (dataset, index): (&Dataset, &DatasetIndex),
    form: &mut MergeForm,
) -> Option<MergeAction> {
    let gone = dataset.actors.get(form.gone)?;
    ui.heading("Merge actors");
    ui.add_space(4.0);
    let moving = index.relations_of(form.gone).len();
    let Some(kept) = form.into.and_then(|a| dataset.actors.get(a)) else {
        ui.label(format!(
            "Merge “{}” into another record of the same actor. Choose the actor that stays:",
            gone.name
        ));
        if let Some(actor) = actor_picker(ui, dataset, &mut form.filter, "merge-into", Some(form.gone)) {
            form.into = Some(actor);
        }
        ui.add_space(8.0);
        return ui.button("Cancel").clicked().then_some(MergeAction::Cancel);
    };
    ui.label(RichText::new(format!("Merge “{}” into “{}”", gone.name, kept.name)).strong());
    let moves = if moving == 1 { "moves" } else { "move" };
    ui.label(format!(
        "• Its {} {moves} over to “{}”.",
        count(moving, "relation"),
        kept.name
    ));
    let mut names: Vec<&str> = std::iter::once(gone.name.as_str())
        .chain(gone.aliases.iter().map(String::as_str))
        .filter(|n| *n != kept.name && !kept.aliases.iter().any(|a| a == n))
        .collect();
    names.dedup();
    if !names.is_empty() {
        ui.label(format!("• “{}” become aliases of “{}”.", names.join("”, “"), kept.name));
    }
    if gone.kind != kept.kind {
        ui.label(format!(
            "• “{}” stays a {}; “{}” was a {}.",
            kept.name,
            dataset.actor_kind_label(&kept.kind).to_lowercase(),
            gone.name,
            dataset.actor_kind_label(&gone.kind).to_lowercase()
        ));
    }
    match (&kept.description, &gone.description) {
        (None, Some(_)) => {
            ui.label(format!("• “{}” takes “{}”'s description.", kept.name, gone.name));
        }
        (Some(a), Some(b)) if a != b => {
            ui.label(format!("• Both descriptions are kept, “{}”'s first.", kept.name));
        }
        _ => {}
    }
    ui.label(RichText::new("Ctrl+Z takes the merge back.").weak());
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Merge").strong()).clicked() {
            return Some(MergeAction::Merge {
                keep: form.into.unwrap_or(form.gone),
            });
        }
        if ui.button("Choose another").clicked() {
            form.into = None;
        }
        ui.button("Cancel").clicked().then_some(MergeAction::Cancel)
    })
    .inner
}
