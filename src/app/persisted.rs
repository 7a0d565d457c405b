use std::path::PathBuf;

use egui::ThemePreference;

use crate::io::ImportMapping;
use crate::model::{KindFilter, OutsideFocus, SizeBy, TimeWindow};
use crate::ui::graph::SavedPositions;
use crate::ui::{MainView, TableColumn};

/// Node positions are remembered for this many datasets, most recent first.
pub const REMEMBERED_LAYOUTS: usize = 12;
pub const REMEMBERED_FILES: usize = 10;
/// How a file's attributes were read is remembered for this many files.
pub const REMEMBERED_MAPPINGS: usize = 50;

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
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// Reload the open file when it changes on disk.
    pub watch_file: bool,
    /// The timeline's choice; `None` shows every period.
    pub time_window: Option<TimeWindow>,
    /// Years per second while playing through the timeline.
    pub play_speed: f32,
    /// With Focus on, also show the relations among the actors it reaches.
    pub focus_among_neighbours: bool,
    pub size_by: SizeBy,
    /// Draw a file's own colours, sizes and shapes where it has them.
    pub file_looks: bool,
    /// The attributes the user chose to read names and kinds from, per file, most recent first.
    pub import_mappings: Vec<(PathBuf, ImportMapping)>,
    /// The relation table's sort: column, and whether it runs from the highest.
    pub table_sort: (TableColumn, bool),
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
            recent_files: Vec::new(),
            watch_file: true,
            time_window: None,
            play_speed: 1.0,
            focus_among_neighbours: false,
            size_by: SizeBy::Degree,
            file_looks: true,
            import_mappings: Vec::new(),
            table_sort: (TableColumn::Kind, false),
        }
    }
}

impl PersistedState {
    /// The saved state, or defaults when there is none or it cannot be read (corrupt, or
    /// written by an incompatible version): a bad saved state must never stop the app.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        Self::load_or_explain(storage).0
    }

    /// Like `load`, with a message for the user when saved settings existed but could not be read.
    pub fn load_or_explain(storage: Option<&dyn eframe::Storage>) -> (Self, Option<String>) {
        let Some(storage) = storage else {
            return (Self::default(), None);
        };
        match eframe::get_value(storage, eframe::APP_KEY) {
            Some(state) => (state, None),
            None if storage.get_string(eframe::APP_KEY).is_some() => (
                Self::default(),
                Some(
                    "Your saved settings could not be read (damaged, or from another version); defaults are used."
                        .into(),
                ),
            ),
            None => (Self::default(), None),
        }
    }

    /// The attributes the user chose for `path`, if they ever did.
    pub fn import_mapping(&self, path: &std::path::Path) -> Option<&ImportMapping> {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.import_mappings.iter().find(|(p, _)| *p == path).map(|(_, m)| m)
    }

    pub fn remember_import_mapping(&mut self, path: &std::path::Path, mapping: ImportMapping) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.import_mappings.retain(|(p, _)| *p != path);
        self.import_mappings.insert(0, (path, mapping));
        self.import_mappings.truncate(REMEMBERED_MAPPINGS);
    }

    pub fn add_recent_file(&mut self, path: PathBuf) {
        let path = path.canonicalize().unwrap_or(path);
        self.recent_files.retain(|p| *p != path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(REMEMBERED_FILES);
    }
}
