use egui::{ThemePreference, Ui};

use super::command::{Command, InfoWindow, MainView};
use super::shortcuts::{self, Shortcut};

pub fn menu_bar(ui: &mut Ui, theme: ThemePreference, main_view: MainView) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if shortcut_button(ui, "Quit", Shortcut::Quit).clicked() {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            for (view, label) in [(MainView::Graph, "Graph"), (MainView::Table, "Table of relations")] {
                if ui.radio(main_view == view, label).clicked() {
                    commands.push(Command::SetMainView(view));
                }
            }
            ui.separator();
            if shortcut_button(ui, "Search actors…", Shortcut::Search).clicked() {
                commands.push(Command::FocusSearch);
            }
            if shortcut_button(ui, "Fit graph to window", Shortcut::Fit).clicked() {
                commands.push(Command::FitView);
            }
            if ui.button("Re-run layout").clicked() {
                commands.push(Command::RestartLayout);
            }
            if ui.button("Show all kinds").clicked() {
                commands.push(Command::ShowAllKinds);
            }
            ui.separator();
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
