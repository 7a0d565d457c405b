use egui::{RichText, Ui};

use super::command::{Command, Selection};
use super::palette::actor_kind_colour;
use super::widgets::colour_swatch;
use crate::model::{ActorKind, Dataset};

/// Actors grouped by kind, filtered by `filter` (name or alias, any case).
pub fn actor_list(ui: &mut Ui, dataset: &Dataset, filter: &mut String, selection: Option<Selection>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add(
        egui::TextEdit::singleline(filter)
            .hint_text("Filter actors")
            .desired_width(f32::INFINITY),
    );
    let needle = filter.trim().to_lowercase();
    let matches = |i: &usize| {
        let Some(actor) = dataset.actors.get(*i) else {
            return false;
        };
        needle.is_empty()
            || actor.name.to_lowercase().contains(&needle)
            || actor.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
    };
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let mut shown = 0;
        for kind in ActorKind::ALL {
            let mut members: Vec<usize> = (0..dataset.actors.len())
                .filter(|&i| dataset.actors.get(i).is_some_and(|a| a.kind == kind))
                .collect();
            members.retain(matches);
            if members.is_empty() {
                continue;
            }
            shown += members.len();
            members.sort_by_key(|&i| dataset.actors.get(i).map(|a| a.name.to_lowercase()));
            let title = format!("{} ({})", kind.label(), members.len());
            egui::CollapsingHeader::new(title)
                .id_salt(kind.id())
                .default_open(true)
                .show(ui, |ui| {
                    for i in members {
                        let Some(actor) = dataset.actors.get(i) else { continue };
                        ui.horizontal(|ui| {
                            colour_swatch(ui, actor_kind_colour(kind));
                            let selected = selection == Some(Selection::Actor(i));
                            let mut response = ui.selectable_label(selected, &actor.name);
                            if !actor.aliases.is_empty() {
                                response =
                                    response.on_hover_text(format!("Also known as {}", actor.aliases.join(", ")));
                            }
                            if response.clicked() {
                                commands.push(Command::Select(Selection::Actor(i)));
                            }
                        });
                    }
                });
        }
        if shown == 0 {
            let text = if dataset.actors.is_empty() {
                "This dataset has no actors."
            } else {
                "No actor matches the filter."
            };
            ui.label(RichText::new(text).weak().italics());
        }
    });
    commands
}
