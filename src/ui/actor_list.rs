use egui::{RichText, Ui};

use super::command::{Command, Selection};
use super::palette::actor_kind_colour;
use super::widgets::colour_swatch;
use crate::model::{ActorKind, Dataset};

/// Above this many matches the list is one flat, virtualised list: only the rows on screen
/// are laid out, so twenty thousand actors cost no more than twenty.
const GROUPED_UP_TO: usize = 400;

/// What the list needs of a dataset, worked out once when it is loaded.
#[derive(Debug, Default)]
pub struct ActorListIndex {
    /// Actor indices by kind, then name.
    order: Vec<usize>,
    /// Lower-case name and aliases of each actor, for filtering.
    search_text: Vec<String>,
}

impl ActorListIndex {
    pub fn new(dataset: &Dataset) -> Self {
        let mut order: Vec<usize> = (0..dataset.actors.len()).collect();
        order.sort_by_cached_key(|&i| dataset.actors.get(i).map(|a| (a.kind, a.name.to_lowercase())));
        let search_text = dataset
            .actors
            .iter()
            .map(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .map(|s| s.to_lowercase())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        Self { order, search_text }
    }
}

/// Actors grouped by kind, filtered by `filter` (name or alias, any case).
pub fn actor_list(
    ui: &mut Ui,
    dataset: &Dataset,
    list: &ActorListIndex,
    filter: &mut String,
    selection: Option<Selection>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add(
        egui::TextEdit::singleline(filter)
            .hint_text("Filter actors")
            .desired_width(f32::INFINITY),
    );
    let needle = filter.trim().to_lowercase();
    let matches: Vec<usize> = list
        .order
        .iter()
        .copied()
        .filter(|&i| needle.is_empty() || list.search_text.get(i).is_some_and(|t| t.contains(&needle)))
        .collect();
    if matches.is_empty() {
        let text = if dataset.actors.is_empty() {
            "This dataset has no actors."
        } else {
            "No actor matches the filter."
        };
        ui.label(RichText::new(text).weak().italics());
        return commands;
    }
    if matches.len() > GROUPED_UP_TO {
        ui.label(RichText::new(format!("{} actors; type to narrow the list", matches.len())).weak());
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_rows(ui, row_height, matches.len(), |ui, rows| {
                for &i in matches.get(rows).unwrap_or_default() {
                    actor_row(ui, dataset, i, selection, &mut commands);
                }
            });
        return commands;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for kind in ActorKind::ALL {
            let members: Vec<usize> = matches
                .iter()
                .copied()
                .filter(|&i| dataset.actors.get(i).is_some_and(|a| a.kind == kind))
                .collect();
            if members.is_empty() {
                continue;
            }
            let title = format!("{} ({})", kind.label(), members.len());
            egui::CollapsingHeader::new(title)
                .id_salt(kind.id())
                .default_open(true)
                .show(ui, |ui| {
                    for i in members {
                        actor_row(ui, dataset, i, selection, &mut commands);
                    }
                });
        }
    });
    commands
}

fn actor_row(
    ui: &mut Ui,
    dataset: &Dataset,
    actor_index: usize,
    selection: Option<Selection>,
    commands: &mut Vec<Command>,
) {
    let Some(actor) = dataset.actors.get(actor_index) else {
        return;
    };
    ui.horizontal(|ui| {
        colour_swatch(ui, actor_kind_colour(actor.kind));
        let selected = selection == Some(Selection::Actor(actor_index));
        let mut response = ui.selectable_label(selected, &actor.name);
        if !actor.aliases.is_empty() {
            response = response.on_hover_text(format!("Also known as {}", actor.aliases.join(", ")));
        }
        if response.clicked() {
            commands.push(Command::Select(Selection::Actor(actor_index)));
        }
    });
}
