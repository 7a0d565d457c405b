//! "How should Entente read this file?": which attribute names the actors, which gives their
//! kind, which gives a relation's kind, each with a preview of what the choice gives.

use egui::{RichText, Ui};

use super::command::Command;
use crate::io::{AttributeSummary, ImportMapping, MappingProposal};

/// A kind attribute with more values than this is offered but marked as free text.
const MANY_VALUES: usize = 40;

/// The dialog; edits `choice` in place and returns the user's answer when they give one.
pub fn mapping_dialog(
    ctx: &egui::Context,
    file_name: &str,
    proposal: &MappingProposal,
    choice: &mut ImportMapping,
) -> Option<Command> {
    let mut command = None;
    egui::Modal::new(egui::Id::new("import-mapping")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(format!("How should Entente read {file_name}?"));
        ui.label(format!(
            "{} actors and {} relations. Entente could only guess which of the file's attributes name the actors and give \
             their kinds. Check the guess against the preview, then open the file.",
            proposal.actor_count, proposal.relation_count
        ));
        ui.add_space(8.0);
        egui::Grid::new("mapping-grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                ui.label("Actor names");
                attribute_choice(
                    ui,
                    "actor-label",
                    "the id",
                    &proposal.actor_attributes,
                    &mut choice.actor_label,
                );
                ui.end_row();
                ui.label("");
                let names: Vec<String> = (0..proposal.sample_actors.len())
                    .filter_map(|i| proposal.preview_name(i, choice))
                    .collect();
                ui.label(RichText::new(format!("{}, …", names.join(", "))).weak());
                ui.end_row();
                ui.label("Actor kinds");
                attribute_choice(
                    ui,
                    "actor-kind",
                    "none (all Other)",
                    &proposal.actor_attributes,
                    &mut choice.actor_kind,
                );
                ui.end_row();
                ui.label("");
                ui.label(RichText::new(values_of(&proposal.actor_attributes, choice.actor_kind.as_deref())).weak());
                ui.end_row();
                ui.label("Relation kinds");
                attribute_choice(
                    ui,
                    "relation-kind",
                    "none (all Link)",
                    &proposal.relation_attributes,
                    &mut choice.relation_kind,
                );
                ui.end_row();
                ui.label("");
                ui.label(
                    RichText::new(values_of(
                        &proposal.relation_attributes,
                        choice.relation_kind.as_deref(),
                    ))
                    .weak(),
                );
                ui.end_row();
            });
        command = open_or_cancel(ui, None, || choice.clone());
    });
    command
}

/// The foot of a mapping dialog: that the choice is remembered, and Open (with what `answer`
/// gives; disabled with the reason `not_ready` says) or Cancel, also by Enter and Escape.
pub(super) fn open_or_cancel(
    ui: &mut Ui,
    not_ready: Option<&str>,
    answer: impl FnOnce() -> ImportMapping,
) -> Option<Command> {
    ui.add_space(6.0);
    ui.label(
        RichText::new("Entente remembers your choice for this file. File › Read File As… changes it.")
            .weak()
            .italics(),
    );
    ui.separator();
    ui.horizontal(|ui| {
        let open = ui
            .add_enabled(not_ready.is_none(), egui::Button::new("Open"))
            .on_disabled_hover_text(not_ready.unwrap_or_default());
        if open.clicked() || (not_ready.is_none() && ui.input(|i| i.key_pressed(egui::Key::Enter))) {
            return Some(Command::ConfirmImportMapping(answer()));
        }
        let cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
        cancel.then_some(Command::CancelImportMapping)
    })
    .inner
}

/// A drop-down of the attributes, with `none` standing for no attribute at all.
fn attribute_choice(ui: &mut Ui, id: &str, none: &str, attributes: &[AttributeSummary], chosen: &mut Option<String>) {
    // Names are meant to differ; kinds are not.
    let for_kinds = !id.ends_with("label");
    let describe = |a: &AttributeSummary| {
        let free_text = if for_kinds && a.distinct > MANY_VALUES {
            ", free text"
        } else {
            ""
        };
        format!("“{}” ({} values{free_text})", a.name, a.distinct)
    };
    let selected = chosen
        .as_deref()
        .and_then(|name| attributes.iter().find(|a| a.name == name))
        .map_or_else(|| none.to_owned(), describe);
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .width(300.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, none);
            // Numbers (coordinates, weights) are neither names nor kinds.
            for attribute in attributes.iter().filter(|a| a.numeric * 2 < a.present) {
                ui.selectable_value(chosen, Some(attribute.name.clone()), describe(attribute))
                    .on_hover_text(format!("For example: {}", attribute.samples.join(", ")));
            }
        });
}

/// The first values of the chosen attribute, to show what kinds it would give.
fn values_of(attributes: &[AttributeSummary], chosen: Option<&str>) -> String {
    match chosen.and_then(|name| attributes.iter().find(|a| a.name == name)) {
        Some(attribute) => {
            let more = if attribute.distinct > attribute.samples.len() {
                format!(", … ({} in all)", attribute.distinct)
            } else {
                String::new()
            };
            format!("{}{more}", attribute.samples.join(", "))
        }
        None => "—".to_owned(),
    }
}
