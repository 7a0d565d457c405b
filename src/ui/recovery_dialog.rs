//! The question at start when Entente closed before edits were saved: restore them, or not.

use std::time::SystemTime;

use egui::RichText;

use super::command::Command;

pub fn recovery_dialog(ctx: &egui::Context, name: &str, written: Option<SystemTime>) -> Option<Command> {
    let mut command = None;
    egui::Modal::new(egui::Id::new("recovery")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Restore unsaved edits?");
        let when = written
            .and_then(|w| w.elapsed().ok())
            .map(|ago| format!(" (last written {} ago)", ago_in_words(ago.as_secs())))
            .unwrap_or_default();
        ui.label(format!(
            "Entente closed before your edits to {name} were saved{when}. They were kept in a recovery file."
        ));
        ui.label(RichText::new("Restored, they are on screen unsaved: save them with Ctrl+S.").weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                command = Some(Command::RestoreJournal);
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the recovery file; the file on disk stays as last saved")
                .clicked()
            {
                command = Some(Command::DiscardJournal);
            }
        });
    });
    command
}

fn ago_in_words(seconds: u64) -> String {
    match seconds {
        0..=59 => "less than a minute".to_owned(),
        60..=3599 => format!("{} min", seconds / 60),
        3600..=86_399 => format!("{} h", seconds / 3600),
        _ => format!("{} days", seconds / 86_400),
    }
}
