//! Ctrl+F: type part of a name or alias, pick an actor, and the graph selects and centres it.

use egui::{Key, RichText, Ui};

use super::command::{Command, Selection};
use crate::model::{Dataset, search_actors};

const MAX_RESULTS: usize = 8;

#[derive(Debug, Default)]
pub struct SearchState {
    pub query: String,
    /// Row picked with the arrow keys.
    pub highlighted: usize,
}

/// The search field's id, so Ctrl+F can give it the keyboard from anywhere.
pub fn search_field_id() -> egui::Id {
    egui::Id::new("entente.search_field")
}

pub const SEARCH_HINT: &str = "Search actors (Ctrl+F)";

pub fn search_box(ui: &mut Ui, dataset: &Dataset, state: &mut SearchState) -> Vec<Command> {
    let mut commands = Vec::new();
    let response = ui.add(
        egui::TextEdit::singleline(&mut state.query)
            .hint_text(SEARCH_HINT)
            .desired_width(160.0)
            .id(search_field_id()),
    );
    if response.changed() {
        state.highlighted = 0;
    }
    if state.query.trim().is_empty() {
        return commands;
    }
    let results = search_actors(dataset, &state.query, MAX_RESULTS);
    let (down, up, enter, escape) = ui.input(|i| {
        (
            i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::ArrowUp),
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Escape),
        )
    });
    if response.has_focus() || response.lost_focus() {
        if down {
            state.highlighted = (state.highlighted + 1).min(results.len().saturating_sub(1));
        }
        if up {
            state.highlighted = state.highlighted.saturating_sub(1);
        }
    }
    let mut chosen = None;
    // Enter makes a single-line field lose focus, so it is read from `lost_focus`.
    if response.lost_focus() && enter {
        chosen = results.get(state.highlighted).map(|m| m.actor);
    }
    if escape {
        state.query.clear();
        return commands;
    }

    egui::Area::new(ui.id().with("search-results"))
        .order(egui::Order::Foreground)
        .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(response.rect.width());
                if results.is_empty() {
                    ui.label(RichText::new("No actor matches").weak().italics());
                }
                for (row, hit) in results.iter().enumerate() {
                    let Some(actor) = dataset.actors.get(hit.actor) else {
                        continue;
                    };
                    let text = match &hit.via_alias {
                        Some(alias) => format!("{}  ({alias})", actor.name),
                        None => actor.name.clone(),
                    };
                    let item = ui
                        .selectable_label(row == state.highlighted, text)
                        .on_hover_text(dataset.actor_kind_label(&actor.kind));
                    if item.clicked() {
                        chosen = Some(hit.actor);
                    }
                }
            });
        });

    if let Some(actor) = chosen {
        commands.push(Command::Select(Selection::Actor(actor)));
        commands.push(Command::CentreOn(actor));
        state.query.clear();
        response.surrender_focus();
    }
    commands
}
