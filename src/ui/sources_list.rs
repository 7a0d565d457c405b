//! The dataset's sources, listed under its overview, each with Edit and Delete, and a button to
//! add one.

use egui::{RichText, Ui};

use super::command::Command;
use super::widgets::{edit_buttons, field, safe_link};
use crate::model::Dataset;

pub fn sources_list(ui: &mut Ui, dataset: &Dataset) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.strong(format!("Sources ({})", dataset.sources.len()));
        if ui
            .small_button("New source…")
            .on_hover_text("Add a source evidence can cite")
            .clicked()
        {
            commands.push(Command::NewSource);
        }
    });
    for (at, source) in dataset.sources.iter().enumerate() {
        ui.push_id(("source", at), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(&source.title).strong());
                let mut buttons = vec![
                    (
                        "Edit",
                        "Edit this source's title, outlet, link, date, grade and text",
                        Command::EditSource(at),
                    ),
                    (
                        "Delete",
                        "Delete this source (only while no evidence cites it)",
                        Command::DeleteSource(at),
                    ),
                ];
                if source.attached.is_some() {
                    buttons.insert(
                        0,
                        (
                            "Read",
                            "Open the source's text in the reader: what is quoted from it, and quote more",
                            Command::ReadSource {
                                source: source.id.clone(),
                                passage: None,
                            },
                        ),
                    );
                }
                edit_buttons(ui, &mut commands, &buttons);
                if let Some(publisher) = &source.publisher {
                    field(ui, "Outlet", publisher);
                }
                field(
                    ui,
                    "Published",
                    source.published.map_or_else(|| "unknown".to_owned(), |d| d.describe()),
                );
                if let Some(grade) = source.reliability {
                    field(ui, "Reliability", format!("{grade:?}, {}", grade.meaning()));
                }
                if let Some(url) = &source.url
                    && let Some(command) = safe_link(ui, "Open source", url)
                {
                    commands.push(command);
                }
                if let Some(notes) = &source.notes {
                    ui.label(RichText::new(notes).weak());
                }
            })
        });
    }
    commands
}
