//! Choosing an actor by typing part of its name (or clicking it on the canvas, which the app
//! passes on to the form that is waiting for one).

use egui::{RichText, Ui};

use crate::model::{Dataset, search_actors};

/// How many matches the picker lists.
const SHOWN: usize = 8;

/// A type-ahead list of actors; the one clicked.
pub fn actor_picker(
    ui: &mut Ui,
    dataset: &Dataset,
    filter: &mut String,
    id_salt: &str,
    skip: Option<usize>,
) -> Option<usize> {
    ui.push_id(id_salt, |ui| {
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text("type a name, or click an actor in the graph")
                .desired_width(f32::INFINITY),
        );
        let mut picked = None;
        for found in search_actors(dataset, filter, SHOWN + 1)
            .into_iter()
            .filter(|m| Some(m.actor) != skip)
            .take(SHOWN)
        {
            let Some(actor) = dataset.actors.get(found.actor) else {
                continue;
            };
            let text = match &found.via_alias {
                Some(alias) => format!("{} ({alias})", actor.name),
                None => actor.name.clone(),
            };
            if ui.selectable_label(false, text).clicked() {
                picked = Some(found.actor);
            }
        }
        if !filter.trim().is_empty() && picked.is_none() && search_actors(dataset, filter, 1).is_empty() {
            ui.label(RichText::new("No actor has that name.").weak().italics());
        }
        picked
    })
    .inner
}
