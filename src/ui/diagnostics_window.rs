use egui::{Color32, RichText};

use super::command::Command;
use crate::model::{Diagnostic, Severity};

/// The problems found in a file the user tried to open. The dataset on screen stays as it was.
pub fn diagnostics_window(ctx: &egui::Context, title: &str, diagnostics: &[Diagnostic]) -> Option<Command> {
    let mut open = true;
    let mut dismissed = false;
    egui::Window::new(title)
        .id(egui::Id::new("diagnostics"))
        .open(&mut open)
        .default_width(560.0)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                for diagnostic in diagnostics {
                    let (label, colour) = match diagnostic.severity {
                        Severity::Error => ("Error", Color32::from_rgb(0xD5, 0x5E, 0x00)),
                        Severity::Warning => ("Warning", Color32::from_rgb(0xE6, 0x9F, 0x00)),
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(label).color(colour).strong());
                        ui.label(RichText::new(diagnostic.location()).monospace());
                    });
                    ui.label(&diagnostic.message);
                    if let Some(expected) = &diagnostic.expected {
                        ui.label(RichText::new(format!("Expected {expected}.")).weak());
                    }
                    ui.separator();
                }
            });
            if ui.button("Dismiss").clicked() {
                dismissed = true;
            }
        });
    (!open || dismissed).then_some(Command::DismissDiagnostics)
}
