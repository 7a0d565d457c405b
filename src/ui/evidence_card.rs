use egui::{RichText, Ui};

use super::command::Command;
use super::widgets::{field, safe_link};
use crate::model::{Evidence, EvidenceAt, QuoteCheck, Reliability, Source, credibility_meaning};

/// One piece of evidence: the verbatim quote first, then who said it and where it was published,
/// then the analyst's grades, which can be changed here.
/// `source_items` is how many evidence items in the dataset cite the same source: its
/// reliability grade is theirs too.
pub fn evidence_card(
    ui: &mut Ui,
    evidence: &Evidence,
    (source, check): (Option<&Source>, &QuoteCheck),
    source_items: usize,
    at: EvidenceAt,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Frame::group(ui.style()).inner_margin(8.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("“{}”", evidence.quote)).italics().size(14.5));
        commands.extend(quote_check(ui, check, &evidence.source, at));
        if let Some(speaker) = &evidence.speaker {
            let attribution = match &evidence.speaker_role {
                Some(role) => format!("— {speaker}, {role}"),
                None => format!("— {speaker}"),
            };
            ui.label(RichText::new(attribution).strong());
        }
        ui.add_space(4.0);
        match source {
            Some(source) => {
                let outlet = source
                    .publisher
                    .as_deref()
                    .map(|p| format!("{p}: "))
                    .unwrap_or_default();
                field(ui, "Source", format!("{outlet}{}", source.title));
                let date = evidence.date.or(source.published);
                field(ui, "Date", date.map_or_else(|| "unknown".to_owned(), |d| d.describe()));
                if let Some(grade) = reliability_picker(ui, source.reliability) {
                    commands.push(Command::GradeSource {
                        source: source.id.clone(),
                        grade,
                    });
                }
                let scope = if source_items > 1 {
                    format!("A source's reliability is one grade for all {source_items} evidence items from it.")
                } else {
                    "A source's reliability is one grade for every evidence item from it.".to_owned()
                };
                ui.label(RichText::new(scope).weak().small());
            }
            None => field(ui, "Source", format!("`{}` (not in this dataset)", evidence.source)),
        }
        if let Some(grade) = credibility_picker(ui, evidence.credibility) {
            commands.push(Command::GradeEvidence { at, grade });
        }
        if let Some(locator) = &evidence.locator {
            field(ui, "Where", locator);
        }
        let link = evidence.url.as_deref().or(source.and_then(|s| s.url.as_deref()));
        if let Some(url) = link
            && let Some(command) = safe_link(ui, "Open source ↗", url)
        {
            commands.push(command);
        }
        if let Some(note) = &evidence.note {
            ui.add_space(2.0);
            ui.label(RichText::new(format!("Analyst note: {note}")).weak());
        }
        ui.horizontal(|ui| {
            if ui
                .small_button("Edit")
                .on_hover_text("Edit this evidence item")
                .clicked()
            {
                commands.push(Command::EditEvidence(at));
            }
            if ui
                .small_button("Delete")
                .on_hover_text("Delete this evidence item (Ctrl+Z brings it back)")
                .clicked()
            {
                commands.push(Command::DeleteEvidence(at));
            }
        });
    });
    commands
}

const NOT_GRADED: &str = "not graded";

fn reliability_text(grade: Option<Reliability>) -> String {
    grade.map_or_else(|| NOT_GRADED.to_owned(), |g| format!("{g:?}, {}", g.meaning()))
}

fn credibility_text(grade: Option<u8>) -> String {
    grade.map_or_else(
        || NOT_GRADED.to_owned(),
        |g| format!("{g}, {}", credibility_meaning(g).unwrap_or("not a valid grade")),
    )
}

/// The source's reliability, A to F on the Admiralty scale; the new grade when the user picks one.
fn reliability_picker(ui: &mut Ui, current: Option<Reliability>) -> Option<Option<Reliability>> {
    let picker = GradePicker {
        label: "Source reliability",
        hover: "How far the source can be trusted (Admiralty scale A–F). Applies to every quote from this source; saved with the dataset.",
        text: reliability_text,
    };
    picker.show(ui, current, Reliability::ALL)
}

/// How credible this one statement is, 1 to 6 on the Admiralty scale.
fn credibility_picker(ui: &mut Ui, current: Option<u8>) -> Option<Option<u8>> {
    let picker = GradePicker {
        label: "Credibility",
        hover: "How credible this statement is (Admiralty scale 1–6); saved with the dataset.",
        text: credibility_text,
    };
    picker.show(ui, current, 1..=6)
}

/// A labelled drop-down of grades, "not graded" first.
struct GradePicker<T> {
    label: &'static str,
    hover: &'static str,
    text: fn(Option<T>) -> String,
}

impl<T: Copy + PartialEq> GradePicker<T> {
    /// The new grade when the user picks one other than `current`.
    fn show(&self, ui: &mut Ui, current: Option<T>, grades: impl IntoIterator<Item = T>) -> Option<Option<T>> {
        let mut picked = None;
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(self.label).weak());
            egui::ComboBox::from_id_salt(self.label)
                .selected_text((self.text)(current))
                .show_ui(ui, |ui| {
                    for grade in std::iter::once(None).chain(grades.into_iter().map(Some)) {
                        if ui.selectable_label(grade == current, (self.text)(grade)).clicked() && grade != current {
                            picked = Some(grade);
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(self.hover);
        });
        picked
    }
}

/// Whether the quote stands in its source's text: verified (and what was set aside to find
/// it), not found, or nothing to check against.
fn quote_check(ui: &mut Ui, check: &QuoteCheck, source: &str, at: EvidenceAt) -> Option<Command> {
    let read = |passage| Command::ReadSource {
        source: source.to_owned(),
        passage,
    };
    ui.horizontal_wrapped(|ui| match check {
        QuoteCheck::Verified { tolerated, .. } => {
            let text = if tolerated.any() {
                format!("✔ Verified in the source's text ({} aside)", tolerated.describe())
            } else {
                "✔ Verified in the source's text".to_owned()
            };
            ui.label(RichText::new(text).color(ui.visuals().widgets.noninteractive.fg_stroke.color))
                .on_hover_text("These words stand in the text attached to the source");
            ui.small_button("Show in the source")
                .on_hover_text("Open the source's text in the reader at this passage")
                .clicked()
                .then(|| read(Some(at)))
        }
        QuoteCheck::NotFound => {
            ui.label(RichText::new("⚠ Not found in the source's text").color(ui.visuals().warn_fg_color))
                .on_hover_text(
                    "The source carries its text and these words are not in it, even with whitespace, \
                     quotation marks and dashes set aside: check the quote against the source",
                );
            ui.small_button("Read the source")
                .on_hover_text("Open the source's text in the reader to find what it says")
                .clicked()
                .then(|| read(None))
        }
        QuoteCheck::NoText => {
            ui.label(RichText::new("No text attached to check against").weak().small())
                .on_hover_text("The source carries no text of its own, so this quote cannot be checked here");
            ui.small_button("Attach text…")
                .on_hover_text("Paste the source's text or open it from a file, to check its quotes against it")
                .clicked()
                .then(|| Command::EditSourceText(source.to_owned()))
        }
    })
    .inner
}
