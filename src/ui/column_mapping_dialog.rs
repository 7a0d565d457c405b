//! "How should Entente read this table?": the first rows of a CSV file, a workbook's sheet or a
//! Parquet extract, and a column for each thing Entente reads (the two ends, the kind, dates,
//! quote, source; the actors' ids, names and kinds), proposed from the conventions.

use egui::{RichText, Ui};

use super::command::Command;
use crate::io::ImportMapping;
use crate::io::table::{ColumnMapping, Role, Table, TableReading};

/// Cells longer than this are cut in the preview.
const CELL_CHARS: usize = 28;

/// The dialog; edits `choice` in place and returns the user's answer when they give one.
pub fn column_mapping_dialog(
    ctx: &egui::Context,
    file_name: &str,
    reading: &TableReading,
    choice: &mut ColumnMapping,
) -> Option<Command> {
    let mut command = None;
    egui::Modal::new(egui::Id::new("column-mapping")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        ui.heading(format!("How should Entente read {file_name}?"));
        ui.label(explanation(reading, choice));
        if !reading.sheets.is_empty() {
            ui.add_space(4.0);
            sheet_choice(ui, reading, choice);
        }
        ui.add_space(6.0);
        let relations = reading.relations_for(choice);
        ui.label(RichText::new(format!("Relations: {}", relations.name)).strong());
        preview(ui, "relations-preview", relations, choice, &Role::RELATIONS);
        role_grid(ui, "relation-roles", relations, choice, &Role::RELATIONS);
        ui.add_space(8.0);
        command = actors_section(ui, reading, choice);
        let not_ready = (!choice.has_ends()).then_some("Choose the columns of both ends first");
        let answer = || ImportMapping {
            columns: Some(ColumnMapping {
                whole: true,
                ..choice.clone()
            }),
            ..ImportMapping::default()
        };
        if let Some(answer) = super::mapping_dialog::open_or_cancel(ui, not_ready, answer) {
            command = Some(answer);
        }
    });
    command
}

fn explanation(reading: &TableReading, choice: &ColumnMapping) -> String {
    // Said of the file, not of the choice: the dialog keeps its place while the user chooses.
    if reading.needs_columns && !reading.sheets.is_empty() {
        "Entente cannot tell which sheet of this workbook holds the relations, or which of its columns hold their two \
         ends. Choose the sheet of relations (and of actors, if there is one), then the columns; the preview shows the \
         first rows and what each column will be read as."
            .to_owned()
    } else if reading.needs_columns {
        "Entente does not know which of this table's columns hold the two ends of each relation. Choose them below; \
         the preview shows the first rows and what each column will be read as."
            .to_owned()
    } else if reading.unlabelled_ids {
        let ids: Vec<&str> = choice
            .column(Role::From)
            .and_then(|from| reading.relations.headers.iter().position(|h| h == from))
            .map(|at| {
                let mut ids: Vec<&str> = Vec::new();
                for id in reading.relations.rows.iter().filter_map(|r| r.cells.get(at)) {
                    if ids.len() < 3 && !ids.contains(&id.as_str()) {
                        ids.push(id);
                    }
                }
                ids
            })
            .unwrap_or_default();
        format!(
            "The relations name their actors by ids ({}, …) that nothing in this file turns into names. If another \
             file (a nodes or actors table) names them, choose it below; otherwise the actors will be called by their ids.",
            ids.join(", ")
        )
    } else {
        "Check what each column will be read as against the first rows, then open the table.".to_owned()
    }
}

/// A workbook's relations and actors sheets; changing the relations sheet proposes its columns.
fn sheet_choice(ui: &mut Ui, reading: &TableReading, choice: &mut ColumnMapping) {
    ui.horizontal(|ui| {
        let label = ui.label("Relations sheet").id;
        let before = choice.relations_sheet.clone();
        egui::ComboBox::from_id_salt("relations-sheet")
            .selected_text(choice.relations_sheet.clone().unwrap_or_default())
            .show_ui(ui, |ui| {
                for (sheet, _) in &reading.sheets {
                    ui.selectable_value(&mut choice.relations_sheet, Some(sheet.clone()), sheet);
                }
            })
            .response
            .labelled_by(label);
        if choice.relations_sheet != before {
            let sheets = (choice.relations_sheet.clone(), choice.actors_sheet.clone());
            let actors = reading.actors_for(choice).cloned();
            *choice = ColumnMapping::propose(reading.relations_for(choice), actors.as_ref());
            (choice.relations_sheet, choice.actors_sheet) = sheets;
        }
        ui.add_space(12.0);
        let label = ui.label("Actors sheet").id;
        let before = choice.actors_sheet.clone();
        egui::ComboBox::from_id_salt("actors-sheet")
            .selected_text(
                choice
                    .actors_sheet
                    .clone()
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "none".to_owned()),
            )
            .show_ui(ui, |ui| {
                // Said outright, so that a sheet named Nodes or Elements is not taken instead.
                ui.selectable_value(&mut choice.actors_sheet, Some(String::new()), "none");
                for (sheet, _) in &reading.sheets {
                    ui.selectable_value(&mut choice.actors_sheet, Some(sheet.clone()), sheet);
                }
            })
            .response
            .labelled_by(label);
        if choice.actors_sheet != before {
            choice.forget_actors();
            if let Some(actors) = reading.actors_for(choice).cloned() {
                choice.propose_actors(&actors);
            }
        }
    });
}

/// The actors table: where it comes from, a button to choose a file, its first rows and roles.
fn actors_section(ui: &mut Ui, reading: &TableReading, choice: &mut ColumnMapping) -> Option<Command> {
    let mut command = None;
    let actors = reading.actors_for(choice);
    ui.horizontal(|ui| {
        let from = match (actors, &choice.actors_file) {
            (Some(table), _) => table.name.clone(),
            (None, _) => "none (each relation's ends are its actors' names)".to_owned(),
        };
        ui.label(RichText::new(format!("Actors: {from}")).strong());
        if ui
            .button("Choose Actors File…")
            .on_hover_text("A CSV, workbook or Parquet table of the actors: their ids, names and kinds")
            .clicked()
        {
            command = Some(Command::ChooseActorsTable);
        }
    });
    if let Some(actors) = actors {
        preview(ui, "actors-preview", actors, choice, &Role::ACTORS);
        role_grid(ui, "actor-roles", actors, choice, &Role::ACTORS);
    }
    command
}

/// The table's first rows, each column headed by what it will be read as.
fn preview(ui: &mut Ui, id: &str, table: &Table, choice: &ColumnMapping, roles: &[Role]) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::horizontal()
            .id_salt(id)
            .max_width(720.0)
            .show(ui, |ui| {
                egui::Grid::new(id).striped(true).spacing([14.0, 2.0]).show(ui, |ui| {
                    for header in &table.headers {
                        let role = roles.iter().find(|r| choice.column(**r) == Some(header.as_str()));
                        let text = match role {
                            Some(role) => RichText::new(format!("{header} → {}", role.title())).strong(),
                            None => RichText::new(header).weak(),
                        };
                        ui.label(text);
                    }
                    ui.end_row();
                    for row in table.rows.iter().take(5) {
                        for cell in &row.cells {
                            ui.label(shortened(cell));
                        }
                        ui.end_row();
                    }
                });
            });
    });
}

/// A drop-down of the table's columns for each role, two roles to a row.
fn role_grid(ui: &mut Ui, id: &str, table: &Table, choice: &mut ColumnMapping, roles: &[Role]) {
    egui::Grid::new(id).num_columns(4).spacing([10.0, 4.0]).show(ui, |ui| {
        for (i, role) in roles.iter().enumerate() {
            let label = ui.label(role.title()).id;
            let mut chosen = choice.column(*role).map(str::to_owned);
            let none = if matches!(role, Role::From | Role::To) {
                "— choose —"
            } else {
                "none"
            };
            egui::ComboBox::from_id_salt((id, role.key()))
                .selected_text(chosen.clone().unwrap_or_else(|| none.to_owned()))
                .width(170.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, none);
                    for header in &table.headers {
                        ui.selectable_value(&mut chosen, Some(header.clone()), header);
                    }
                })
                .response
                .labelled_by(label);
            if chosen.as_deref() != choice.column(*role) {
                choice.set(*role, chosen);
            }
            if i % 2 == 1 {
                ui.end_row();
            }
        }
    });
}

fn shortened(cell: &str) -> String {
    let line = cell.lines().next().unwrap_or_default();
    if line.chars().count() > CELL_CHARS || line.len() < cell.len() {
        let cut: String = line.chars().take(CELL_CHARS).collect();
        format!("{cut}…")
    } else {
        line.to_owned()
    }
}
