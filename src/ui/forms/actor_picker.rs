//! Choosing an actor by typing part of its name (or clicking it on the canvas, which the app
//! passes on to the form that is waiting for one).

use egui::{RichText, Ui};

use super::fields::{field_id, take_focus_if_asked};
use crate::model::{Dataset, search_actors};

/// How many matches the picker lists.
const SHOWN: usize = 8;

/// A type-ahead list of actors; the one clicked, or the first when Enter is pressed. `name`
/// names the field (so that a form can open with it focused).
pub fn actor_picker(
    ui: &mut Ui,
    dataset: &Dataset,
    filter: &mut String,
    name: &str,
    skip: Option<usize>,
) -> Option<usize> {
    ui.push_id(name, |ui| {
        let response = ui.add(
            egui::TextEdit::singleline(filter)
                .id(field_id(name))
                .hint_text("type a name, or click an actor in the graph")
                .desired_width(f32::INFINITY),
        );
        take_focus_if_asked(ui, &response, name);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let matches: Vec<_> = search_actors(dataset, filter, SHOWN + 1)
            .into_iter()
            .filter(|m| Some(m.actor) != skip)
            .take(SHOWN)
            .collect();
        let mut picked = if entered {
            matches.first().map(|m| m.actor)
        } else {
            None
        };
        for found in &matches {
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
        if !filter.trim().is_empty() && matches.is_empty() {
            ui.label(RichText::new("No actor has that name.").weak().italics());
        }
        picked
    })
    .inner
}
