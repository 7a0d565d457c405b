//! Find Paths in the app: the question asked in its window, answered again whenever the
//! dataset or the filters change, and the path chosen highlighted on the canvas.

use super::App;
use crate::analysis::{CountedGraph, FoundPath, Hostile, PathQuery, Trust, find_paths};
use crate::model::{Emphasis, EvidenceFilter, KindFilter, TimeWindow, ViewQuery, Visibility};
use crate::ui::{self, Command, PathsAnswer, PathsForm};

/// The Find Paths window's question and its answer.
pub struct Paths {
    pub form: PathsForm,
    answer: Option<Answer>,
    /// The ends and the avoided actor by id, to find them again after an edit moves them.
    ids: [Option<String>; 3],
    revision: u64,
}

struct Answer {
    asked: Asked,
    paths: Vec<FoundPath>,
    counted: usize,
    total: usize,
}

/// Everything an answer depends on: when any of it changes, the paths are found again.
#[derive(PartialEq)]
struct Asked {
    query: PathQuery,
    revision: u64,
    kinds: KindFilter,
    evidence: EvidenceFilter,
    time: Option<TimeWindow>,
    hostile: Hostile,
}

impl App {
    pub(super) fn apply_paths_command(&mut self, command: &Command) -> bool {
        match command {
            Command::FindPaths(from) => {
                let from = from.or(match self.view.selection {
                    Some(ui::Selection::Actor(actor)) => Some(actor),
                    _ => None,
                });
                // The panel takes the place of the actor's details.
                self.select(None);
                let field = if from.is_some() { "paths-to" } else { "paths-from" };
                ui::forms::focus_field(&self.ctx, field);
                self.paths = Some(Paths {
                    form: PathsForm::from(from),
                    answer: None,
                    ids: Default::default(),
                    revision: self.doc.revision,
                });
                self.answer_paths();
            }
            Command::ChoosePath(chosen) => {
                if let Some(paths) = &mut self.paths {
                    paths.form.chosen = *chosen;
                    self.view.dirty = true;
                }
                // On a big graph the path is a few lines among thousands: bring it into view.
                if let Some(path) = self.chosen_path() {
                    let actors = path.actors.clone();
                    self.scene.camera.request(crate::ui::graph::ViewRequest::Show(actors));
                }
            }
            Command::ClosePaths => {
                self.paths = None;
                self.view.dirty = true;
            }
            _ => return false,
        }
        true
    }

    /// An actor clicked while Find Paths waits for an end becomes that end.
    pub(super) fn paths_take_actor(&mut self, actor: usize) -> bool {
        self.paths.as_mut().is_some_and(|p| p.form.take_actor(actor))
    }

    /// Escape goes back from a hop's relation to the paths, then takes the highlight off the
    /// chosen path, before it clears the selection.
    pub(super) fn clear_chosen_path(&mut self) -> bool {
        if self.paths.is_some() && self.view.selection.is_some() {
            self.select(None);
            return true;
        }
        match &mut self.paths {
            Some(paths) if paths.form.chosen.is_some() => {
                paths.form.chosen = None;
                self.view.dirty = true;
                true
            }
            _ => false,
        }
    }

    /// Finds the paths again when the question, the dataset or a filter changed.
    pub(super) fn answer_paths(&mut self) {
        let Some(paths) = &mut self.paths else { return };
        let dataset = &self.doc.dataset;
        let index = &self.doc.views.index;
        if paths.revision != self.doc.revision {
            // An edit may have moved actors: find the chosen ones again by id.
            let slots = [&mut paths.form.from, &mut paths.form.to, &mut paths.form.avoid];
            for (slot, id) in slots.into_iter().zip(&paths.ids) {
                *slot = id.as_deref().and_then(|id| index.actor(id));
            }
            paths.revision = self.doc.revision;
        }
        paths.ids = [paths.form.from, paths.form.to, paths.form.avoid]
            .map(|a| a.and_then(|a| dataset.actors.get(a)).map(|a| a.id.clone()));
        let Some(query) = paths.form.query() else {
            if paths.answer.take().is_some() {
                self.view.dirty = true;
            }
            return;
        };
        let asked = Asked {
            query,
            revision: self.doc.revision,
            kinds: self.state.filter.clone(),
            evidence: self.state.evidence_filter.clone(),
            time: self.state.time_window,
            hostile: self.state.paths_hostile,
        };
        if paths.answer.as_ref().is_some_and(|a| a.asked == asked) {
            return;
        }
        let view = ViewQuery {
            filter: &asked.kinds,
            evidence: &asked.evidence,
            focus: None,
            outside_focus: self.state.outside_focus,
            time: asked.time,
        };
        let graph = CountedGraph::of_view(dataset, index, &view, asked.hostile);
        let trust = Trust {
            dataset,
            index,
            filter: &asked.evidence,
            quotes: &self.doc.views.quotes,
        };
        let found = find_paths(&graph, &query, &trust);
        if paths.form.chosen.is_some_and(|c| c >= found.len()) {
            paths.form.chosen = None;
        }
        paths.answer = Some(Answer {
            asked,
            paths: found,
            counted: graph.relation_count(),
            total: dataset.relations.len(),
        });
        self.view.dirty = true;
    }

    /// The chosen path stands out: everything else on the canvas is dimmed.
    pub(super) fn highlight_path(&self, visibility: &mut Visibility) {
        let Some(path) = self.chosen_path() else { return };
        let dim = |e: &mut Option<Emphasis>| {
            if e.is_some() {
                *e = Some(Emphasis::Dimmed);
            }
        };
        visibility.actors.iter_mut().for_each(dim);
        visibility.relations.iter_mut().for_each(dim);
        for &a in &path.actors {
            if let Some(e) = visibility.actors.get_mut(a) {
                *e = Some(Emphasis::Normal);
            }
        }
        for r in path.relations() {
            if let Some(e) = visibility.relations.get_mut(r) {
                *e = Some(Emphasis::Normal);
            }
        }
    }

    /// "The path North Korea → Russia → Ukraine", for a briefing of the view.
    pub(super) fn chosen_path_in_words(&self) -> Option<String> {
        let path = self.chosen_path()?;
        let names: Vec<&str> = path
            .actors
            .iter()
            .filter_map(|&a| self.doc.dataset.actors.get(a).map(|actor| actor.name.as_str()))
            .collect();
        Some(format!("The path {}", names.join(" → ")))
    }

    fn chosen_path(&self) -> Option<&FoundPath> {
        let paths = self.paths.as_ref()?;
        paths.answer.as_ref()?.paths.get(paths.form.chosen?)
    }

    /// Find Paths in the side panel, when it is open and nothing is selected (a relation
    /// chosen from a hop shows its evidence there, with the way back above it).
    pub(super) fn paths_panel(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let Some(paths) = &mut self.paths else {
            return Vec::new();
        };
        let answer = paths.answer.as_ref().map(|a| PathsAnswer {
            paths: &a.paths,
            counted: a.counted,
            total: a.total,
        });
        ui::paths_panel(
            ui,
            (&self.doc.dataset, &self.doc.views.looks),
            &mut paths.form,
            answer.as_ref(),
            self.state.paths_hostile,
        )
    }

    /// For tests: the paths found, as actor names, and which is chosen.
    pub fn found_paths(&self) -> (Vec<Vec<String>>, Option<usize>) {
        let Some(paths) = &self.paths else {
            return (Vec::new(), None);
        };
        let names = paths.answer.as_ref().map_or_else(Vec::new, |a| {
            a.paths
                .iter()
                .map(|p| {
                    p.actors
                        .iter()
                        .filter_map(|&x| self.doc.dataset.actors.get(x))
                        .map(|x| x.name.clone())
                        .collect()
                })
                .collect()
        });
        (names, paths.form.chosen)
    }
}
