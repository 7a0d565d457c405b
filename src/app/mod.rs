//! The application: owns the dataset on screen and what the user is looking at, draws the
//! window through the `ui` functions and applies the commands they return.

mod add_dataset;
mod background;
mod briefing;
mod commands;
mod derived;
mod document;
mod editing;
mod file_watch;
mod files;
mod forms;
mod import_review;
mod inspect;
mod metrics;
mod notices;
mod paths;
mod persisted;
mod player;
mod reader;
mod recovery;
mod start_time;
mod undo;
mod unsaved;
mod view_state;
mod window;

use std::path::PathBuf;

pub use document::Origin;
pub use persisted::PersistedState;
pub use start_time::{main_started, report_first_frame};

use add_dataset::AddDataset;
use background::{PendingDialog, PendingLoad};
use derived::Derived;
use document::Document;
use file_watch::FileWatch;
use import_review::MappingReview;
use notices::Notices;
use player::Player;
use unsaved::Edits;
use view_state::ViewState;

use crate::builtin::built_in_dataset;
use crate::ui::graph::GraphScene;
use crate::ui::{self, RelationTableState, SearchState};

pub struct App {
    /// What is kept between runs: settings, filters, recent files, remembered layouts.
    state: PersistedState,
    /// The dataset on screen, what is worked out from it, and where it came from.
    doc: Document,
    /// What of it is shown: the selection, Focus, what the filters leave, the table.
    view: ViewState,
    /// The drawn graph, its layout and its camera.
    scene: GraphScene,
    /// A file being opened on another thread.
    loading: Option<PendingLoad>,
    /// File › Add Dataset, from reading the file to merging it.
    add: Option<AddDataset>,
    /// A file dialog open on another thread.
    dialog: Option<PendingDialog>,
    /// The thread freeing the dataset last replaced.
    freeing: Option<std::thread::JoinHandle<()>>,
    /// A PNG export waiting for the screenshot it is cut from.
    png_export: Option<PathBuf>,
    watch: Option<FileWatch>,
    /// Problems, the status message, the information windows.
    notices: Notices,
    /// Play on the timeline.
    player: Player,
    /// Edits not saved yet, and the questions asked before anything throws them away.
    edits: Edits,
    recovery: recovery::Recovery,
    /// The form open in the side panel, and a deletion waiting for confirmation.
    editing: forms::Editing,
    /// Degree, betweenness, eigenvector, PageRank and blocs, worked out on another thread.
    metrics: metrics::MetricsJob,
    /// Find Paths: its question, answer and the path highlighted.
    paths: Option<paths::Paths>,
    /// The reader beside the graph, open on a source's text.
    reader: Option<reader::Reader>,
    /// A file read with a guessed reading of its attributes, waiting for the user to confirm it.
    mapping_review: Option<MappingReview>,
    search: SearchState,
    actor_filter: String,
    /// The window title last sent, so it is sent again only when it changes.
    title: String,
    ctx: egui::Context,
}

impl App {
    /// Starts on the built-in dataset and, if a file is given, opens it; a file that fails to
    /// load leaves the built-in dataset on screen and shows why.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let (state, settings_problem) = PersistedState::load_or_explain(cc.storage);
        cc.egui_ctx.set_theme(state.theme);
        ui::install_fonts(&cc.egui_ctx);
        let dataset = built_in_dataset();
        let Derived { views, layout_start } = Derived::of(&dataset);
        let saved = files::saved_layout(&state, &dataset);
        let scene = GraphScene::from_start(layout_start, &dataset, &views.index, saved, &cc.egui_ctx);
        let table = RelationTableState::sorted_by(state.table_sort.0, state.table_sort.1);
        let mut app = Self {
            state,
            doc: Document::built_in(dataset, views),
            view: ViewState::new(table),
            scene,
            loading: None,
            add: None,
            dialog: None,
            freeing: None,
            png_export: None,
            watch: None,
            notices: Notices::default(),
            player: Player::default(),
            edits: Edits::default(),
            recovery: recovery::Recovery::default(),
            editing: forms::Editing::default(),
            paths: None,
            metrics: metrics::MetricsJob::default(),
            reader: None,
            mapping_review: None,
            search: SearchState::default(),
            actor_filter: String::new(),
            title: String::new(),
            ctx: cc.egui_ctx.clone(),
        };
        if let Some(message) = settings_problem {
            app.notify(message);
        }
        // Journals live beside the saved settings; without those (in tests) nowhere.
        if cc.storage.is_some()
            && let Some(dir) = eframe::storage_dir("entente")
        {
            app.use_recovery_dir(dir.join("recovery"));
        }
        app.apply_sizes();
        app.refresh_view();
        if let Some(path) = file {
            app.open_path(&path);
        }
        app
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_layout();
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}
