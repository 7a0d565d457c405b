//! The legend's Evidence section: how far a relation's evidence must be trusted for it to show.

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::{EvidenceFilter, QuoteFilter, Reliability, Source, Ungraded, credibility_meaning};

/// The new filter, when the user changed it.
pub fn evidence_filter(ui: &mut Ui, current: &EvidenceFilter, sources: &[Source]) -> Option<Command> {
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
            let quote_label = |q: QuoteFilter| match q {
                QuoteFilter::Any => "any",
                QuoteFilter::Verified => "only verified in their source",
                QuoteFilter::Unverified => "only unverified (to check)",
            };
            egui::ComboBox::from_label("quotes")
                .selected_text(quote_label(filter.quotes))
                .show_ui(ui, |ui| {
                    for choice in [QuoteFilter::Any, QuoteFilter::Verified, QuoteFilter::Unverified] {
                        ui.selectable_value(&mut filter.quotes, choice, quote_label(choice));
                    }
                })
                .response
                .on_hover_text(
                    "Count only statements whose quote was found in the text attached to their source, \
                     or only those not found or with no text to check against",
                );
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
            if !sources.is_empty() {
                sources_that_count(ui, &mut filter, sources);
            }
            if current.is_active() && ui.small_button("Trust all evidence").clicked() {
                filter = EvidenceFilter::default();
            }
        });
    (filter != *current).then_some(Command::SetEvidenceFilter(filter))
}

/// A tick per source: unticked, its statements do not count, wherever they are cited.
fn sources_that_count(ui: &mut Ui, filter: &mut EvidenceFilter, sources: &[Source]) {
    let left_out = sources
        .iter()
        .filter(|s| filter.excluded_sources.contains(&s.id))
        .count();
    let title = if left_out > 0 {
        format!("Sources that count ({} of {})", sources.len() - left_out, sources.len())
    } else {
        "Sources that count".to_owned()
    };
    egui::CollapsingHeader::new(title)
        .id_salt("evidence-sources")
        .default_open(left_out > 0)
        .show(ui, |ui| {
            for source in sources {
                let mut counts = !filter.excluded_sources.contains(&source.id);
                let grade = source.reliability.map(|g| format!(" ({g:?})")).unwrap_or_default();
                if ui
                    .checkbox(&mut counts, format!("{}{grade}", source.title))
                    .on_hover_text(
                        "Untick to leave this source's statements out: a relation then needs another that counts",
                    )
                    .changed()
                {
                    if counts {
                        filter.excluded_sources.remove(&source.id);
                    } else {
                        filter.excluded_sources.insert(source.id.clone());
                    }
                }
            }
        });
}
