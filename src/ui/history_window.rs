//! Edit › History: every step the user took, oldest first, and the way back to any of them.
//! The dataset as opened is the first row; what was undone is greyed below what is done.

use egui::{RichText, Ui};

use super::command::Command;

/// The history as the window shows it.
pub struct HistoryView<'a> {
    /// Each step's name, oldest first, done and undone.
    pub steps: Vec<&'a str>,
    /// How many of them are done.
    pub position: usize,
}

pub fn history_window(ctx: &egui::Context, view: &HistoryView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut open = true;
    egui::Window::new("History")
        .open(&mut open)
        // Below the menu bar and the toolbar, over the graph rather than the menus.
        .default_pos([280.0, 90.0])
        .default_width(320.0)
        .resizable(true)
        .show(ctx, |ui| {
            ui.label(
                RichText::new("Click a step to go back (or forward) to just after it.")
                    .weak()
                    .small(),
            );
            ui.separator();
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                commands.extend(rows(ui, view));
            });
        });
    if !open {
        commands.push(Command::ShowHistory(false));
    }
    commands
}

fn rows(ui: &mut Ui, view: &HistoryView<'_>) -> Option<Command> {
    let mut chosen = None;
    let names = std::iter::once("The dataset as opened").chain(view.steps.iter().copied());
    for (at, name) in names.enumerate() {
        let current = at == view.position;
        let text = if at > view.position {
            RichText::new(name).weak()
        } else {
            RichText::new(name)
        };
        if ui
            .selectable_label(current, text)
            .on_hover_text(if current {
                "The dataset on screen"
            } else {
                "Go to the dataset as it was after this step"
            })
            .clicked()
            && !current
        {
            chosen = Some(Command::GoToStep(at));
        }
    }
    if view.steps.is_empty() {
        ui.label(RichText::new("No edits yet.").weak().italics());
    }
    chosen
}
