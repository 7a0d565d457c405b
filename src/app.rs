//! The application: owns the loaded dataset and what the user is looking at, draws the
//! window through the `ui` functions and applies the commands they return.

use std::path::{Path, PathBuf};

use egui::ThemePreference;

use crate::builtin::{BUILT_IN_NAME, built_in_dataset};
use crate::io::load_path;
use crate::model::{Dataset, DatasetIndex, Diagnostic, Focus, KindFilter, OutsideFocus, Visibility, is_web_link};
use crate::ui::graph::{GraphScene, SavedPositions};
use crate::ui::{self, Command, InfoWindow, MainView, SearchState, Selection, ToolbarState};

/// Node positions are remembered for this many datasets, most recent first.
const REMEMBERED_LAYOUTS: usize = 12;
/// Datasets bigger than this are laid out again rather than bloat the saved state.
const LARGEST_REMEMBERED_LAYOUT: usize = 5_000;

/// What we save between runs. Runtime data (the dataset, the selection) is not part of it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PersistedState {
    pub theme: ThemePreference,
    pub main_view: MainView,
    pub filter: KindFilter,
    pub focus_depth: u8,
    pub outside_focus: OutsideFocus,
    /// Node positions per dataset, keyed by the dataset's structure.
    pub layouts: Vec<(String, SavedPositions)>,
}

impl Default for PersistedState {
    fn default() -> Self {
        Self {
            theme: ThemePreference::System,
            main_view: MainView::Graph,
            filter: KindFilter::default(),
            focus_depth: 0,
            outside_focus: OutsideFocus::Dim,
            layouts: Vec::new(),
        }
    }
}

impl PersistedState {
    /// The saved state, or defaults when there is none or it cannot be read (corrupt, or
    /// written by an incompatible version): a bad saved state must never stop the app.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default()
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
    visibility: Visibility,
    scene: GraphScene,
    search: SearchState,
    actor_filter: String,
    problems: Option<ProblemReport>,
    info_window: Option<InfoWindow>,
    /// Set by commands that change what is visible; the graph is rebuilt once per frame.
    view_dirty: bool,
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
        let index = DatasetIndex::new(&dataset);
        let scene = GraphScene::new(&dataset, &index, saved_layout(&state, &dataset));
        let mut app = Self {
            state,
            index,
            dataset,
            origin,
            selection: None,
            visibility: Visibility::default(),
            scene,
            search: SearchState::default(),
            actor_filter: String::new(),
            problems: None,
            info_window: None,
            view_dirty: true,
        };
        app.refresh_view();
        app
    }

    /// Opens a dataset file. On errors the current dataset stays and the problems are shown.
    pub fn open_path(&mut self, path: &Path) {
        let report = load_path(path);
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        match report.dataset {
            Some(dataset) => {
                self.remember_layout();
                self.index = DatasetIndex::new(&dataset);
                self.scene = GraphScene::new(&dataset, &self.index, saved_layout(&self.state, &dataset));
                self.dataset = dataset;
                self.origin = path.display().to_string();
                self.selection = None;
                self.view_dirty = true;
                self.refresh_view();
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

    pub fn filter(&self) -> &KindFilter {
        &self.state.filter
    }

    pub fn is_pinned(&self, actor: usize) -> bool {
        self.scene.is_pinned(actor)
    }

    /// Where an actor was drawn last frame, in window coordinates.
    pub fn actor_screen_position(&self, actor: usize) -> Option<egui::Pos2> {
        self.scene.actor_screen_position(actor)
    }

    /// How many relations the graph draws right now.
    pub fn drawn_relation_count(&self) -> usize {
        self.scene.graph.edge_count()
    }

    /// Where a relation's midpoint was drawn last frame, in window coordinates.
    pub fn relation_screen_position(&self, relation: usize) -> Option<egui::Pos2> {
        ui::graph::relation_screen_position(&self.scene, relation)
    }

    fn focus(&self) -> Option<Focus> {
        match self.selection {
            Some(Selection::Actor(actor)) if self.state.focus_depth > 0 => Some(Focus {
                actor,
                depth: self.state.focus_depth,
            }),
            _ => None,
        }
    }

    /// Recomputes what is visible and rebuilds the graph, if anything changed.
    fn refresh_view(&mut self) {
        if !self.view_dirty {
            return;
        }
        self.visibility = Visibility::compute(
            &self.dataset,
            &self.index,
            &self.state.filter,
            self.focus(),
            self.state.outside_focus,
        );
        self.scene.rebuild(&self.dataset, &self.visibility, self.selection);
        self.view_dirty = false;
    }

    fn remember_layout(&mut self) {
        if self.dataset.actors.len() > LARGEST_REMEMBERED_LAYOUT || self.scene.layout_running() {
            return;
        }
        let key = layout_key(&self.dataset);
        self.state.layouts.retain(|(k, _)| *k != key);
        self.state
            .layouts
            .insert(0, (key, self.scene.saved_positions(&self.dataset)));
        self.state.layouts.truncate(REMEMBERED_LAYOUTS);
    }

    fn select(&mut self, selection: Option<Selection>) {
        self.selection = selection;
        self.scene.set_selection(selection);
        if self.state.focus_depth > 0 {
            self.view_dirty = true;
        }
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Select(selection) => self.select(Some(selection)),
            Command::ClearSelection => self.select(None),
            Command::CentreOn(actor) => self.scene.centre_on = Some(actor),
            Command::FitView => self.scene.fit_requested = true,
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
            Command::SetMainView(view) => self.state.main_view = view,
            Command::ShowRelationKind(kind, shown) => {
                if shown {
                    self.state.filter.hidden_relation_kinds.remove(&kind);
                } else {
                    self.state.filter.hidden_relation_kinds.insert(kind);
                }
                self.view_dirty = true;
            }
            Command::ShowActorKind(kind, shown) => {
                if shown {
                    self.state.filter.hidden_actor_kinds.remove(&kind);
                } else {
                    self.state.filter.hidden_actor_kinds.insert(kind);
                }
                self.view_dirty = true;
            }
            Command::ShowAllKinds => {
                self.state.filter = KindFilter::default();
                self.view_dirty = true;
            }
            Command::SetFocusDepth(depth) => {
                self.state.focus_depth = depth.min(2);
                self.view_dirty = true;
            }
            Command::SetOutsideFocus(outside) => {
                self.state.outside_focus = outside;
                self.view_dirty = true;
            }
            Command::RestartLayout => self.scene.restart_layout(&self.dataset),
            Command::Unpin(actor) => self.scene.unpin(actor),
            Command::UnpinAll => self.scene.unpin_all(),
            Command::FocusSearch => {
                self.state.main_view = MainView::Graph;
                self.search.focus_requested = true;
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
            let hidden = self
                .dataset
                .relations
                .len()
                .saturating_sub(self.scene.graph.edge_count());
            if hidden > 0 && self.state.main_view == MainView::Graph {
                ui.label(egui::RichText::new(format!("({hidden} hidden)")).weak());
            }
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

    fn main_area(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let toolbar_state = ToolbarState {
            main_view: self.state.main_view,
            focus_depth: self.state.focus_depth,
            outside_focus: self.state.outside_focus,
            focus_available: matches!(self.selection, Some(Selection::Actor(_))),
            layout_running: self.scene.layout_running(),
            any_pinned: (0..self.dataset.actors.len()).any(|a| self.scene.is_pinned(a)),
        };
        let mut commands = ui::toolbar(ui, &self.dataset, &mut self.search, &toolbar_state);
        ui.separator();
        match self.state.main_view {
            MainView::Graph => {
                commands.extend(ui::graph::graph_canvas(ui, &mut self.scene, &self.dataset));
            }
            MainView::Table => commands.extend(ui::relation_table(ui, &self.dataset, self.selection)),
        }
        commands
    }
}

fn layout_key(dataset: &Dataset) -> String {
    format!("{:016x}", dataset.structure_key())
}

fn saved_layout<'a>(state: &'a PersistedState, dataset: &Dataset) -> Option<&'a SavedPositions> {
    let key = layout_key(dataset);
    state
        .layouts
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, positions)| positions)
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = ui::shortcuts::dispatch(&ctx);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            commands.extend(ui::menu_bar(ui, self.state.theme, self.state.main_view))
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(230.0)
            .min_size(180.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.heading("Legend");
                commands.extend(ui::legend(ui, &self.dataset, &self.state.filter));
                ui.separator();
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
        egui::CentralPanel::default().show(ui, |ui| commands.extend(self.main_area(ui)));

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

        if !commands.is_empty() {
            // Some commands (fit, centre, filters) take effect on the next frame.
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command, &ctx);
        }
        self.refresh_view();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_layout();
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::model::ActorKind;

    #[derive(Default)]
    struct MemoryStorage(HashMap<String, String>);

    impl eframe::Storage for MemoryStorage {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }

        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }

        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }

        fn flush(&mut self) {}
    }

    #[test]
    fn view_settings_survive_a_restart() {
        let mut state = PersistedState {
            theme: ThemePreference::Light,
            focus_depth: 2,
            ..Default::default()
        };
        state.filter.hidden_relation_kinds.insert("war".into());
        state.filter.hidden_actor_kinds.insert(ActorKind::Coalition);
        state
            .layouts
            .push(("0123".into(), vec![("north_korea".into(), 1.5, -2.0, true)]));
        let mut storage = MemoryStorage::default();
        eframe::set_value(&mut storage, eframe::APP_KEY, &state);
        assert_eq!(PersistedState::load(Some(&storage)), state);
    }

    #[test]
    fn a_corrupt_or_missing_saved_state_gives_defaults() {
        let mut storage = MemoryStorage::default();
        assert_eq!(PersistedState::load(Some(&storage)), PersistedState::default());
        eframe::Storage::set_string(
            &mut storage,
            eframe::APP_KEY,
            "(theme: Dark, filter: {{{ not ron".into(),
        );
        assert_eq!(PersistedState::load(Some(&storage)), PersistedState::default());
        assert_eq!(PersistedState::load(None), PersistedState::default());
    }
}
