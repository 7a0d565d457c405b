//! The application: owns the loaded dataset and what the user is looking at, draws the
//! window through the `ui` functions and applies the commands they return.

use std::path::{Path, PathBuf};

use egui::ThemePreference;

use crate::builtin::{BUILT_IN_NAME, built_in_dataset};
use crate::io::load_path;
use crate::model::{Dataset, DatasetIndex, Diagnostic, is_web_link};
use crate::ui::{self, Command, InfoWindow, Selection};

/// What we save between runs. Runtime data (the dataset, the selection) is not part of it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PersistedState {
    pub theme: ThemePreference,
}

impl Default for PersistedState {
    fn default() -> Self {
        Self {
            theme: ThemePreference::System,
        }
    }
}

/// Problems found in a file, kept until the user dismisses them.
#[derive(Debug, Clone)]
struct ProblemReport {
    title: String,
    diagnostics: Vec<Diagnostic>,
    visible: bool,
}

pub struct App {
    state: PersistedState,
    dataset: Dataset,
    index: DatasetIndex,
    /// Where the dataset came from, as shown to the user.
    origin: String,
    selection: Option<Selection>,
    actor_filter: String,
    problems: Option<ProblemReport>,
    info_window: Option<InfoWindow>,
}

impl App {
    /// Starts on `file` if given, else on the built-in dataset. A file that fails to load
    /// leaves the built-in dataset on screen and shows why.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        // A saved state that is corrupt or from an older version reads as None: use defaults.
        let state: PersistedState = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(state.theme);
        ui::install_fonts(&cc.egui_ctx);
        let mut app = Self::with_dataset(state, built_in_dataset(), BUILT_IN_NAME.to_owned());
        if let Some(path) = file {
            app.open_path(&path);
        }
        app
    }

    fn with_dataset(state: PersistedState, dataset: Dataset, origin: String) -> Self {
        Self {
            state,
            index: DatasetIndex::new(&dataset),
            dataset,
            origin,
            selection: None,
            actor_filter: String::new(),
            problems: None,
            info_window: None,
        }
    }

    /// Opens a dataset file. On errors the current dataset stays and the problems are shown.
    pub fn open_path(&mut self, path: &Path) {
        let report = load_path(path);
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        match report.dataset {
            Some(dataset) => {
                self.index = DatasetIndex::new(&dataset);
                self.dataset = dataset;
                self.origin = path.display().to_string();
                self.selection = None;
                self.problems = (!report.diagnostics.is_empty()).then(|| ProblemReport {
                    title: format!("{name}: {} warnings", report.diagnostics.len()),
                    diagnostics: report.diagnostics,
                    visible: false,
                });
            }
            None => {
                self.problems = Some(ProblemReport {
                    title: format!("Could not open {name}"),
                    diagnostics: report.diagnostics,
                    visible: true,
                });
            }
        }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Select(selection) => self.selection = Some(selection),
            Command::ClearSelection => self.selection = None,
            Command::OpenLink(url) => {
                // Checked again here: no path through the UI may open anything but the web.
                if is_web_link(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::SetTheme(theme) => {
                self.state.theme = theme;
                ctx.set_theme(theme);
            }
            Command::ShowWindow(window) => self.info_window = Some(window),
            Command::DismissDiagnostics => {
                if let Some(problems) = &mut self.problems {
                    problems.visible = false;
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&self.origin).weak())
                .on_hover_text("Where this dataset was loaded from");
            ui.separator();
            ui.label(format!(
                "{} actors · {} relations",
                self.dataset.actors.len(),
                self.dataset.relations.len()
            ));
            if let Some(problems) = &mut self.problems {
                ui.separator();
                let count = problems.diagnostics.len();
                if ui
                    .link(format!("⚠ {count} problem{}", if count == 1 { "" } else { "s" }))
                    .clicked()
                {
                    problems.visible = true;
                }
            }
        });
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = ui::shortcuts::dispatch(&ctx);

        egui::Panel::top("menu_bar").show(ui, |ui| commands.extend(ui::menu_bar(ui, self.state.theme)));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("actors")
            .resizable(true)
            .default_size(210.0)
            .min_size(160.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.heading("Actors");
                commands.extend(ui::actor_list(
                    ui,
                    &self.dataset,
                    &mut self.actor_filter,
                    self.selection,
                ));
            });
        egui::Panel::right("details")
            .resizable(true)
            .default_size(380.0)
            .min_size(260.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                commands.extend(ui::details_panel(ui, &self.dataset, &self.index, self.selection));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Relations");
            commands.extend(ui::relation_table(ui, &self.dataset, self.selection));
        });

        if let Some(problems) = self.problems.as_ref().filter(|p| p.visible)
            && let Some(command) = ui::diagnostics_window(&ctx, &problems.title, &problems.diagnostics)
        {
            commands.push(command);
        }
        if let Some(window) = self.info_window
            && !ui::info_window(&ctx, window)
        {
            self.info_window = None;
        }

        for command in commands {
            self.apply(command, &ctx);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}
