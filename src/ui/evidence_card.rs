use egui::{RichText, Ui};

use super::command::Command;
use super::widgets::{field, safe_link};
use crate::model::{Evidence, Source, credibility_meaning};

/// One piece of evidence: the verbatim quote first, then who said it and where it was published.
pub fn evidence_card(ui: &mut Ui, evidence: &Evidence, source: Option<&Source>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Frame::group(ui.style()).inner_margin(8.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("“{}”", evidence.quote)).italics().size(14.5));
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
                if let Some(grade) = source.reliability {
                    field(ui, "Source reliability", format!("{grade:?}, {}", grade.meaning()));
                }
            }
            None => field(ui, "Source", format!("`{}` (not in this dataset)", evidence.source)),
        }
        if let Some(grade) = evidence.credibility {
            let meaning = credibility_meaning(grade).unwrap_or("not a valid grade");
            field(ui, "Credibility", format!("{grade}, {meaning}"));
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
    });
    commands
}
