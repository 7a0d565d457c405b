//! File › Add Dataset: before another file is laid over the dataset, the user sees which of
//! its actors Entente takes to be actors already on screen, and why, and can correct it.

use egui::{Key, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use crate::model::{Dataset, ProposedMatch, normalise_name};

/// What the review shows; only `filter` is changed in place.
pub struct AddDatasetReview<'a> {
    pub file_name: &'a str,
    pub base: &'a Dataset,
    pub incoming: &'a Dataset,
    pub proposals: &'a [ProposedMatch],
    pub choices: &'a [Option<usize>],
    /// The base dataset's actors in name order, for the pickers.
    pub base_order: &'a [usize],
    pub warnings: usize,
    pub filter: &'a mut String,
}

const ROW_HEIGHT: f32 = 22.0;

/// A modal over the window; Escape or a click outside cancels.
pub fn add_dataset_dialog(ctx: &egui::Context, review: AddDatasetReview<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let modal = egui::Modal::new(egui::Id::new("add-dataset-review")).show(ctx, |ui| {
        let width = (ctx.content_rect().width() - 80.0).clamp(320.0, 760.0);
        ui.set_width(width);
        ui.heading(format!("Add “{}” to this dataset", review.file_name));
        ui.add_space(4.0);
        let matched = review.choices.iter().filter(|c| c.is_some()).count();
        let actors = review.incoming.actors.len();
        let matching = match (matched, actors - matched) {
            (_, 0) => format!("all {actors} match actors already here."),
            (0, _) => "none matches an actor already here, so all will be added as new actors.".to_owned(),
            (_, 1) => format!("{matched} match actors already here; the other one will be added as a new actor."),
            (_, new) => format!("{matched} match actors already here; the other {new} will be added as new actors."),
        };
        ui.label(format!(
            "Its {} are added as separate edges beside the ones already here, each with its own sources, so you can see where they agree. \
             Check which actor each of its {} is: {matching}",
            crate::text::count(review.incoming.relations.len(), "relation"),
            crate::text::count(actors, "actor"),
        ));
        if review.warnings > 0 {
            ui.label(
                RichText::new(format!(
                    "⚠ {} while reading the file: see the status bar's problems after adding.",
                    crate::text::count(review.warnings, "warning")
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
        ui.add_space(6.0);
        ui.add(
            egui::TextEdit::singleline(review.filter)
                .hint_text("Filter actors by name")
                .desired_width(240.0),
        );
        ui.add_space(4.0);
        let rows = visible_rows(&review);
        let table_height = (ctx.content_rect().height() * 0.55).clamp(120.0, 520.0);
        ui.push_id("add-dataset-table", |ui| {
            match_table(ui, &review, &rows, table_height, &mut commands);
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Add to dataset").strong())
                .on_hover_text("Merge the file's actors and relations into the dataset (Enter)")
                .clicked()
                || ui.input(|i| i.key_pressed(Key::Enter))
            {
                commands.push(Command::ConfirmAddDataset);
            }
            if ui.button("Cancel").on_hover_text("Leave the dataset as it is (Escape)").clicked() {
                commands.push(Command::CancelAddDataset);
            }
        });
    });
    if modal.should_close() && commands.is_empty() {
        commands.push(Command::CancelAddDataset);
    }
    commands
}

/// Indices of the incoming actors the filter lets through, in file order.
/// The rows the filter lets through: the actors Entente matched first (what the user checks),
/// by the proposal, so that a row does not jump when its choice changes.
fn visible_rows(review: &AddDatasetReview<'_>) -> Vec<usize> {
    let filter = normalise_name(review.filter);
    let mut rows: Vec<usize> = review
        .incoming
        .actors
        .iter()
        .enumerate()
        .filter(|(_, actor)| {
            filter.is_empty()
                || std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .any(|n| normalise_name(n).contains(&filter))
        })
        .map(|(i, _)| i)
        .collect();
    let mut proposed = vec![false; review.incoming.actors.len()];
    for proposal in review.proposals.iter().filter(|p| p.base.is_some()) {
        if let Some(flag) = proposed.get_mut(proposal.incoming) {
            *flag = true;
        }
    }
    rows.sort_by_key(|&i| !proposed.get(i).copied().unwrap_or(false));
    rows
}

fn match_table(ui: &mut Ui, review: &AddDatasetReview<'_>, rows: &[usize], height: f32, commands: &mut Vec<Command>) {
    TableBuilder::new(ui)
        .striped(true)
        .max_scroll_height(height)
        .min_scrolled_height(height.min(ROW_HEIGHT * (rows.len() as f32 + 1.5)))
        .column(Column::remainder().at_least(140.0).clip(true))
        .column(Column::initial(220.0).at_least(160.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.strong(format!("In {}", review.file_name));
            });
            header.col(|ui| {
                ui.strong("Is, in this dataset");
            });
            header.col(|ui| {
                ui.strong("Why");
            });
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let Some(&incoming) = rows.get(row.index()) else {
                    return;
                };
                let Some(actor) = review.incoming.actors.get(incoming) else {
                    return;
                };
                let mut label = None;
                row.col(|ui| {
                    let response = ui.label(&actor.name);
                    if !actor.aliases.is_empty() {
                        response
                            .clone()
                            .on_hover_text(format!("Also called: {}", actor.aliases.join("; ")));
                    }
                    label = Some(response.id);
                });
                let choice = review.choices.get(incoming).copied().flatten();
                row.col(|ui| {
                    if let Some(base) = counterpart_picker(ui, review, incoming, choice, label) {
                        commands.push(Command::SetAddedMatch { incoming, base });
                    }
                });
                row.col(|ui| {
                    ui.label(RichText::new(why(review, incoming, choice)).weak());
                });
            });
        });
}

/// A drop-down of "New actor" and every actor of the dataset; `Some(choice)` when changed.
fn counterpart_picker(
    ui: &mut Ui,
    review: &AddDatasetReview<'_>,
    incoming: usize,
    choice: Option<usize>,
    label: Option<egui::Id>,
) -> Option<Option<usize>> {
    let name_of = |base: Option<usize>| {
        base.and_then(|b| review.base.actors.get(b))
            .map_or_else(|| "New actor".to_owned(), |a| a.name.clone())
    };
    let mut picked = None;
    let combo = egui::ComboBox::from_id_salt(("overlay-match", incoming))
        .width(200.0)
        // Taller than the list inside, which scrolls (and draws only the rows in view) itself.
        .height(320.0)
        .selected_text(name_of(choice))
        .show_ui(ui, |ui| {
            if ui.selectable_label(choice.is_none(), "New actor").clicked() {
                picked = Some(None);
            }
            ui.separator();
            // Datasets can hold thousands of actors: only the rows in view are drawn.
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical().max_height(260.0).show_rows(
                ui,
                row_height,
                review.base_order.len(),
                |ui, range| {
                    for &base in review.base_order.get(range).unwrap_or_default() {
                        if ui.selectable_label(choice == Some(base), name_of(Some(base))).clicked() {
                            picked = Some(Some(base));
                        }
                    }
                },
            );
        });
    if let Some(label) = label {
        combo.response.labelled_by(label);
    }
    picked.filter(|p| *p != choice)
}

fn why(review: &AddDatasetReview<'_>, incoming: usize, choice: Option<usize>) -> String {
    let Some(proposal) = review.proposals.get(incoming) else {
        return String::new();
    };
    match (choice, proposal.base) {
        (chosen, proposed) if chosen != proposed => "your choice".to_owned(),
        (Some(_), _) => proposal.reason.as_ref().map_or_else(String::new, |r| r.describe()),
        (None, _) if proposal.ambiguous_between > 1 => {
            format!(
                "{} actors fit equally: pick one, or add it as new",
                proposal.ambiguous_between
            )
        }
        (None, _) => "no actor here by this name".to_owned(),
    }
}
