use egui::{ThemePreference, Ui};

use super::command::{Command, InfoWindow};
use super::shortcuts::{self, Shortcut};

pub fn menu_bar(ui: &mut Ui, theme: ThemePreference) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if shortcut_button(ui, "Quit", Shortcut::Quit).clicked() {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            ui.label("Theme");
            for (choice, label) in [
                (ThemePreference::System, "Follow system"),
                (ThemePreference::Dark, "Dark"),
                (ThemePreference::Light, "Light"),
            ] {
                if ui.radio(theme == choice, label).clicked() {
                    commands.push(Command::SetTheme(choice));
                }
            }
            ui.separator();
            if shortcut_button(ui, "Clear selection", Shortcut::ClearSelection).clicked() {
                commands.push(Command::ClearSelection);
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts").clicked() {
                commands.push(Command::ShowWindow(InfoWindow::Shortcuts));
            }
            if ui.button("About Entente").clicked() {
                commands.push(Command::ShowWindow(InfoWindow::About));
            }
        });
    });
    commands
}

fn shortcut_button(ui: &mut Ui, label: &str, shortcut: Shortcut) -> egui::Response {
    ui.add(egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&shortcuts::keys(shortcut))))
}
