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
    /// How far evidence must be trusted for its relation to show.
    pub evidence_filter: crate::model::EvidenceFilter,
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
    /// What an actor's colour stands for.
    pub colour_by: crate::model::ColourBy,
    /// Whether paths follow hostile relations (war, opposition): a war connects its sides.
    pub paths_hostile: crate::analysis::Hostile,
    /// Whether centrality and blocs follow them: a bloc is of allies.
    pub metrics_hostile: crate::analysis::Hostile,
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
            evidence_filter: crate::model::EvidenceFilter::default(),
            focus_depth: 0,
            outside_focus: OutsideFocus::Dim,
            layouts: Vec::new(),
            recent_files: Vec::new(),
            watch_file: true,
            time_window: None,
            play_speed: 1.0,
            focus_among_neighbours: false,
            size_by: SizeBy::Degree,
            colour_by: crate::model::ColourBy::Kind,
            paths_hostile: crate::analysis::Hostile::Counts,
            metrics_hostile: crate::analysis::Hostile::LeftOut,
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

    /// Forgets how to read `path`, when what was remembered no longer fits the file.
    pub fn forget_import_mapping(&mut self, path: &std::path::Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.import_mappings.retain(|(p, _)| *p != path);
    }

    pub fn add_recent_file(&mut self, path: PathBuf) {
        let path = path.canonicalize().unwrap_or(path);
        self.recent_files.retain(|p| *p != path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(REMEMBERED_FILES);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use egui::ThemePreference;

    use super::*;
    use crate::layout::SavedPosition;
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
        state.filter.hidden_actor_kinds.insert(ActorKind::Coalition.into());
        state.layouts.push((
            "0123".into(),
            vec![SavedPosition {
                actor: "north_korea".into(),
                x: 1.5,
                y: -2.0,
                pinned: true,
            }],
        ));
        state.recent_files.push(PathBuf::from("/data/a.graphml"));
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
        let (state, problem) = PersistedState::load_or_explain(Some(&storage));
        assert_eq!(state, PersistedState::default());
        assert!(
            problem.is_some_and(|p| p.contains("could not be read")),
            "the user is told"
        );
        assert_eq!(PersistedState::load(None), PersistedState::default());
    }

    #[test]
    fn recent_files_are_most_recent_first_without_repeats_and_bounded() {
        let mut state = PersistedState::default();
        for i in 0..15 {
            state.add_recent_file(PathBuf::from(format!("/nowhere/{i}.json")));
        }
        state.add_recent_file(PathBuf::from("/nowhere/7.json"));
        assert_eq!(state.recent_files.len(), REMEMBERED_FILES);
        assert_eq!(state.recent_files[0], PathBuf::from("/nowhere/7.json"));
        assert_eq!(state.recent_files.iter().filter(|p| p.ends_with("7.json")).count(), 1);
    }
}
