use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::{Command, Selection};
use super::palette::relation_kind_colour;
use super::widgets::colour_swatch;
use crate::model::{Dataset, Direction};

/// Every relation as a row: kind, who, when, how much evidence. Rows are virtualised, so
/// only the visible ones cost anything on large datasets.
pub fn relation_table(ui: &mut Ui, dataset: &Dataset, selection: Option<Selection>) -> Vec<Command> {
    let mut commands = Vec::new();
    if dataset.relations.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label(RichText::new("This dataset has no relations yet.").weak().italics());
        });
        return commands;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    // Selectable text would take the click that selects the row.
    ui.style_mut().interaction.selectable_labels = false;
    egui::ScrollArea::horizontal().show(ui, |ui| table(ui, dataset, selection, row_height, &mut commands));
    commands
}

fn table(ui: &mut Ui, dataset: &Dataset, selection: Option<Selection>, row_height: f32, commands: &mut Vec<Command>) {
    TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(140.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::initial(105.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::exact(16.0))
        .column(Column::initial(105.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::initial(110.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::exact(60.0))
        .column(Column::initial(420.0).at_least(80.0).resizable(true).clip(true))
        .header(row_height, |mut header| {
            for title in ["Kind", "From", "", "To", "Period", "Evidence", "Summary"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, dataset.relations.len(), |mut row| {
                let index = row.index();
                let Some(relation) = dataset.relations.get(index) else {
                    return;
                };
                row.set_selected(selection == Some(Selection::Relation(index)));
                let name = |id: &str| dataset.actor(id).map_or_else(|| id.to_owned(), |a| a.name.clone());
                row.col(|ui| {
                    colour_swatch(ui, relation_kind_colour(dataset, &relation.kind));
                    ui.label(dataset.relation_kind_label(&relation.kind));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(name(&relation.from)).truncate());
                });
                row.col(|ui| {
                    ui.label(match relation.direction {
                        Direction::Directed => "→",
                        Direction::Mutual => "⇄",
                    });
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(name(&relation.to)).truncate());
                });
                row.col(|ui| {
                    ui.label(relation.period.unwrap_or_default().describe());
                });
                row.col(|ui| {
                    ui.label(relation.evidence.len().to_string());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(relation.summary.as_deref().unwrap_or_default()).truncate());
                });
                let response = row.response();
                let response = match &relation.summary {
                    Some(summary) => response.on_hover_text(summary),
                    None => response,
                };
                if response.clicked() {
                    commands.push(Command::Select(Selection::Relation(index)));
                }
            });
        });
}
