//! The legend's Evidence section: how far a relation's evidence must be trusted for it to show.

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::{EvidenceFilter, Reliability, Ungraded, credibility_meaning};

/// The new filter, when the user changed it.
pub fn evidence_filter(ui: &mut Ui, current: &EvidenceFilter) -> Option<Command> {
    let mut filter = current.clone();
    let title = if current.is_active() {
        "Evidence (filtered)"
    } else {
        "Evidence"
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("evidence-filter")
        .default_open(current.is_active())
        .show(ui, |ui| {
            ui.label(RichText::new("Show relations only on evidence…").weak());
            egui::ComboBox::from_label("source reliability")
                .selected_text(
                    filter
                        .min_reliability
                        .map_or_else(|| "any".to_owned(), |g| format!("{g:?} or better")),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.min_reliability, None, "any");
                    for grade in Reliability::ALL {
                        let text = format!("{grade:?} or better ({})", grade.meaning());
                        ui.selectable_value(&mut filter.min_reliability, Some(grade), text);
                    }
                })
                .response
                .on_hover_text("The least reliable source (Admiralty A–F) whose statements count");
            egui::ComboBox::from_label("credibility")
                .selected_text(
                    filter
                        .min_credibility
                        .map_or_else(|| "any".to_owned(), |g| format!("{g} or better")),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.min_credibility, None, "any");
                    for grade in 1..=6u8 {
                        let text = format!("{grade} or better ({})", credibility_meaning(grade).unwrap_or(""));
                        ui.selectable_value(&mut filter.min_credibility, Some(grade), text);
                    }
                })
                .response
                .on_hover_text("The least credible statement (1–6) that counts");
            let mut ungraded_fails = filter.ungraded == Ungraded::Fails;
            if ui
                .checkbox(&mut ungraded_fails, "Ungraded evidence does not count")
                .on_hover_text("Under a minimum grade, a source or statement nobody graded fails it")
                .changed()
            {
                filter.ungraded = if ungraded_fails {
                    Ungraded::Fails
                } else {
                    Ungraded::Passes
                };
            }
            ui.horizontal(|ui| {
                ui.add(egui::DragValue::new(&mut filter.min_items).range(0..=20));
                ui.label("statements at least");
            });
            ui.horizontal(|ui| {
                ui.add(egui::DragValue::new(&mut filter.min_sources).range(0..=20));
                ui.label("distinct sources at least");
            });
            if current.is_active() && ui.small_button("Trust all evidence").clicked() {
                filter = EvidenceFilter::default();
            }
        });
    (filter != *current).then_some(Command::SetEvidenceFilter(filter))
}
