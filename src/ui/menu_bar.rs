use std::path::PathBuf;

use egui::{ThemePreference, Ui};

use super::command::{Command, InfoWindow, MainView, ViewImage};
use super::shortcuts::{self, Shortcut};
use crate::io::Format;

/// What the menus need to know; they change nothing themselves.
pub struct MenuState<'a> {
    pub theme: ThemePreference,
    pub main_view: MainView,
    pub recent_files: &'a [PathBuf],
    pub has_file: bool,
    pub watch_file: bool,
    /// The dataset has edits that are not saved yet.
    pub edited: bool,
    /// The open file came from another tool and its attributes could be read another way.
    pub has_attribute_reading: bool,
    /// What Undo and Redo would take back or take again, as the history names them.
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
}

pub fn menu_bar(ui: &mut Ui, state: &MenuState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, &mut commands));
        ui.menu_button("Edit", |ui| edit_menu(ui, state, &mut commands));
        ui.menu_button("View", |ui| view_menu(ui, state, &mut commands));
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

fn file_menu(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    if shortcut_button(ui, "Open…", Shortcut::Open).clicked() {
        commands.push(Command::OpenDialog);
    }
    if shortcut_button(ui, "Add Dataset…", Shortcut::AddDataset)
        .on_hover_text("Lay another file (a COW, ATOP or SIPRI table, say) over this dataset, to compare sources")
        .clicked()
    {
        commands.push(Command::AddDatasetDialog);
    }
    ui.add_enabled_ui(!state.recent_files.is_empty(), |ui| {
        ui.menu_button("Open Recent", |ui| {
            for path in state.recent_files {
                let name = path
                    .file_name()
                    .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                let exists = path.is_file();
                let response = ui
                    .add_enabled(exists, egui::Button::new(name))
                    .on_hover_text(path.display().to_string())
                    .on_disabled_hover_text(format!("{} is no longer there", path.display()));
                if response.clicked() {
                    commands.push(Command::OpenFile(path.clone()));
                }
            }
            ui.separator();
            if ui.button("Clear list").clicked() {
                commands.push(Command::ClearRecentFiles);
            }
        });
    });
    ui.add_enabled_ui(state.has_file, |ui| {
        if shortcut_button(ui, "Reload", Shortcut::Reload).clicked() {
            commands.push(Command::Reload);
        }
        let mut watch = state.watch_file;
        if ui.checkbox(&mut watch, "Reload when the file changes").changed() {
            commands.push(Command::SetWatchFile(watch));
        }
    });
    if ui
        .add_enabled(state.has_attribute_reading, egui::Button::new("Read File As…"))
        .on_hover_text("Choose which of the file's attributes name the actors and give their kinds")
        .on_disabled_hover_text("For GraphML and GEXF files from other tools")
        .clicked()
    {
        commands.push(Command::ReviewImportMapping);
    }
    ui.separator();
    let save = ui
        .add_enabled_ui(state.edited, |ui| shortcut_button(ui, "Save", Shortcut::Save))
        .inner
        .on_disabled_hover_text("Nothing to save: grades you set on evidence, and datasets you add, are saved here");
    if save.clicked() {
        commands.push(Command::Save);
    }
    if shortcut_button(ui, "Save As…", Shortcut::SaveAs).clicked() {
        commands.push(Command::SaveAsDialog(Format::Entente));
    }
    ui.menu_button("Export", |ui| {
        for format in [Format::GraphMl, Format::Gexf, Format::Gml, Format::Pajek, Format::Dot] {
            if ui.button(format!("{}…", format.name())).clicked() {
                commands.push(Command::SaveAsDialog(format));
            }
        }
        ui.separator();
        if ui.button("Graph view as SVG…").clicked() {
            commands.push(Command::ExportViewDialog(ViewImage::Svg));
        }
        if ui.button("Graph view as PNG…").clicked() {
            commands.push(Command::ExportViewDialog(ViewImage::Png));
        }
    });
    if ui
        .button("Export Briefing…")
        .on_hover_text(
            "The view as filtered, for a reader without Entente: the graph, the relations shown and their \
             evidence as numbered citations, as one HTML file or as Markdown",
        )
        .clicked()
    {
        commands.push(Command::ExportBriefingDialog);
    }
    ui.separator();
    if shortcut_button(ui, "Quit", Shortcut::Quit).clicked() {
        commands.push(Command::Quit);
    }
}

fn view_menu(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    for (view, label) in [
        (MainView::Graph, "Graph"),
        (MainView::Table, "Table of relations"),
        (MainView::Actors, "Table of actors (centrality, blocs)"),
    ] {
        if ui.radio(state.main_view == view, label).clicked() {
            commands.push(Command::SetMainView(view));
        }
    }
    ui.separator();
    if shortcut_button(ui, "Search actors…", Shortcut::Search).clicked() {
        commands.push(Command::FocusSearch);
    }
    if shortcut_button(ui, "Find Paths…", Shortcut::FindPaths).clicked() {
        commands.push(Command::FindPaths(None));
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
    if shortcut_button(ui, "Clear selection", Shortcut::ClearSelection).clicked() {
        commands.push(Command::ClearSelection);
    }
    ui.separator();
    ui.label("Theme");
    for (choice, label) in [
        (ThemePreference::System, "Follow system"),
        (ThemePreference::Dark, "Dark"),
        (ThemePreference::Light, "Light"),
    ] {
        if ui.radio(state.theme == choice, label).clicked() {
            commands.push(Command::SetTheme(choice));
        }
    }
}

/// Undo and Redo, each naming the step it would take back or take again; then what adds to
/// the dataset.
fn edit_menu(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    for (verb, step, shortcut, command) in [
        ("Undo", state.undo, Shortcut::Undo, Command::Undo),
        ("Redo", state.redo, Shortcut::Redo, Command::Redo),
    ] {
        let label = step.map_or_else(|| verb.to_owned(), |step| format!("{verb} {step}"));
        let clicked = ui
            .add_enabled_ui(step.is_some(), |ui| shortcut_button(ui, &label, shortcut))
            .inner
            .on_disabled_hover_text(format!("Nothing to {}", verb.to_lowercase()))
            .clicked();
        if clicked {
            commands.push(command);
        }
    }
    ui.separator();
    for (label, shortcut, command, tip) in [
        (
            "New Actor…",
            Shortcut::NewActor,
            Command::NewActor(None),
            "Add an actor (or double-click empty canvas)",
        ),
        (
            "New Relation…",
            Shortcut::NewRelation,
            Command::NewRelation { from: None, to: None },
            "Link two actors: pick them by name or click them in the graph",
        ),
    ] {
        if shortcut_button(ui, label, shortcut).on_hover_text(tip).clicked() {
            commands.push(command);
        }
    }
    if ui
        .button("New Source…")
        .on_hover_text("Add a source evidence can cite")
        .clicked()
    {
        commands.push(Command::NewSource);
    }
    if ui
        .button("Sources")
        .on_hover_text("List the dataset's sources in the side panel, to edit or delete them")
        .clicked()
    {
        commands.push(Command::ShowSources);
    }
    ui.separator();
    if ui
        .button("History…")
        .on_hover_text("Every edit since the dataset was opened; go back to any of them")
        .clicked()
    {
        commands.push(Command::ShowHistory(true));
    }
}

fn shortcut_button(ui: &mut Ui, label: &str, shortcut: Shortcut) -> egui::Response {
    ui.add(egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&shortcuts::keys(shortcut))))
}
