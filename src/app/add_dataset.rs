//! File › Add Dataset: another file laid over the dataset on screen, once the user has
//! checked which of its actors are which. Reading, reviewing and merging are one flow.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::App;
use super::background::{Loaded, PendingLoad};
use super::derived::Derived;
use super::document::file_name;
use crate::model::{Dataset, Diagnostic, MergeSummary, ProposedMatch, merge, propose_matches};
use crate::ui;
use crate::ui::graph::ViewRequest;

/// Where adding a file has got to.
pub enum AddDataset {
    /// The file is being read.
    Reading(PendingLoad),
    /// It has been read: the user checks which of its actors are which.
    Reviewing(Box<AddReview>),
    /// Reviewed: it is being merged into the dataset on another thread.
    Merging(PendingMerge),
}

/// A file read for adding, waiting for the user to review its actor matches.
pub struct AddReview {
    pub path: PathBuf,
    pub incoming: Dataset,
    pub proposals: Vec<ProposedMatch>,
    pub choices: Vec<Option<usize>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The dataset's actors in name order, for the pickers.
    pub base_order: Vec<usize>,
    pub filter: String,
}

/// A reviewed file being merged into the dataset on another thread, with the merged dataset
/// indexed there too: for a big dataset that is more than a frame's work.
pub struct PendingMerge {
    pub path: PathBuf,
    /// The revision of the dataset the merge started from; if the dataset changed meanwhile,
    /// the merge is out of date and is dropped.
    revision: u64,
    diagnostics: Vec<Diagnostic>,
    started: Instant,
    receiver: Receiver<Merged>,
}

pub struct Merged {
    dataset: Dataset,
    derived: Derived,
    summary: MergeSummary,
}

impl PendingMerge {
    fn start(base: Arc<Dataset>, draft: AddReview, revision: u64, repaint: egui::Context) -> Self {
        let (sender, receiver) = channel();
        let AddReview {
            path,
            incoming,
            choices,
            diagnostics,
            ..
        } = draft;
        std::thread::spawn(move || {
            let (dataset, summary) = merge(&base, &incoming, &choices);
            let derived = Derived::of(&dataset);
            // The app may have gone (closed the window); then nobody needs the result.
            let _ = sender.send(Merged {
                dataset,
                derived,
                summary,
            });
            repaint.request_repaint();
        });
        Self {
            path,
            revision,
            diagnostics,
            started: Instant::now(),
            receiver,
        }
    }

    /// The merged dataset, once the thread has finished; `None` meanwhile and if it failed.
    pub fn poll(&self) -> Option<Option<Merged>> {
        match self.receiver.try_recv() {
            Ok(merged) => Some(Some(merged)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }

    /// Quick merges finish without a progress indicator flashing up.
    pub fn worth_showing(&self) -> bool {
        self.started.elapsed() > Duration::from_millis(150)
    }
}

impl App {
    /// Starts reading a file to add to the dataset on screen.
    pub fn add_dataset_path(&mut self, path: &Path) {
        self.add = Some(AddDataset::Reading(PendingLoad::start(
            path.to_owned(),
            false,
            self.state.import_mapping(path).cloned(),
            &self.ctx,
        )));
        self.ctx.request_repaint();
    }

    /// Moves the flow on when its background work is done. A file to add waits for a file
    /// being opened: it is matched against what ends up on screen.
    pub(super) fn poll_add_dataset(&mut self) {
        match self.add.take() {
            Some(AddDataset::Reading(pending)) if self.loading.is_none() => match pending.poll() {
                Some(loaded) => self.added_file_read(pending.path, loaded),
                None => self.add = Some(AddDataset::Reading(pending)),
            },
            Some(AddDataset::Merging(pending)) => match pending.poll() {
                Some(merged) => self.added_file_merged(pending, merged),
                None => self.add = Some(AddDataset::Merging(pending)),
            },
            other => self.add = other,
        }
    }

    /// True while a file to add is being read or merged (not while the user reviews it).
    pub(super) fn is_adding(&self) -> bool {
        matches!(self.add, Some(AddDataset::Reading(_) | AddDataset::Merging(_)))
    }

    /// The file to add has been read: on to the review, or to why it could not be read.
    fn added_file_read(&mut self, path: PathBuf, Loaded { report, .. }: Loaded) {
        let Some(incoming) = report.dataset else {
            self.notices
                .problems(format!("Could not add {}", file_name(&path)), report.diagnostics, true);
            return;
        };
        self.review_added(path, incoming, report.diagnostics);
    }

    /// Opens the review of `incoming` against the dataset on screen, with proposed matches.
    fn review_added(&mut self, path: PathBuf, incoming: Dataset, diagnostics: Vec<Diagnostic>) {
        let dataset = &self.doc.dataset;
        let proposals = propose_matches(dataset, &incoming);
        let choices = proposals.iter().map(|p| p.base).collect();
        let mut base_order: Vec<usize> = (0..dataset.actors.len()).collect();
        base_order.sort_by_cached_key(|&i| dataset.actors.get(i).map(|a| a.name.to_lowercase()));
        self.add = Some(AddDataset::Reviewing(Box::new(AddReview {
            path,
            incoming,
            proposals,
            choices,
            diagnostics,
            base_order,
            filter: String::new(),
        })));
    }

    /// The dataset under a review changed (the file was reloaded as another program changed
    /// it): the matches are proposed again, as the old ones point at the old dataset's actors.
    pub(super) fn review_again(&mut self) {
        if let Some(AddDataset::Reviewing(review)) = self.add.take() {
            self.review_added(review.path, review.incoming, review.diagnostics);
        }
    }

    pub(super) fn set_added_match(&mut self, incoming: usize, base: Option<usize>) {
        let actors = self.doc.dataset.actors.len();
        if let Some(AddDataset::Reviewing(review)) = &mut self.add
            && let Some(choice) = review.choices.get_mut(incoming)
        {
            *choice = base.filter(|&b| b < actors);
        }
    }

    /// Starts merging the reviewed file into the dataset, on another thread.
    pub(super) fn confirm_add_dataset(&mut self) {
        let Some(AddDataset::Reviewing(review)) = self.add.take() else {
            return;
        };
        let base = Arc::clone(&self.doc.dataset);
        let merge = PendingMerge::start(base, *review, self.doc.revision, self.ctx.clone());
        self.add = Some(AddDataset::Merging(merge));
    }

    pub(super) fn cancel_add_dataset(&mut self) {
        if matches!(self.add, Some(AddDataset::Reviewing(_))) {
            self.add = None;
        }
    }

    /// The merge has finished: the merged dataset goes on screen. The picture stays: actors
    /// already on screen keep their places and new ones are laid out around them.
    fn added_file_merged(&mut self, pending: PendingMerge, merged: Option<Merged>) {
        let name = file_name(&pending.path);
        let Some(Merged {
            dataset,
            derived,
            summary,
        }) = merged
        else {
            let failed = Diagnostic::error("merge-failed", "merging the file stopped unexpectedly");
            self.notices
                .problems(format!("Could not add {name}"), vec![failed], true);
            return;
        };
        if pending.revision != self.doc.revision {
            self.notify(format!(
                "{name} was not added: the dataset changed while it was being added. Add it again."
            ));
            return;
        }
        let before = Arc::clone(&self.doc.dataset);
        self.show_dataset(dataset, derived, true);
        let step = crate::model::Step {
            edit: crate::model::Edit::Replace {
                before,
                after: Arc::clone(&self.doc.dataset),
            },
            label: format!("Add dataset {name}"),
        };
        self.doc.history.record(step);
        if summary.actors_added > 0 {
            // New actors are laid out beside those they are linked to, often beyond what
            // was in view: show the whole graph. Nothing that was on screen moves.
            self.scene.camera.request(ViewRequest::FollowLayout);
        }
        self.edits.unsaved = true;
        if !pending.diagnostics.is_empty() {
            let title = format!("{name}: {}", ui::widgets::count(pending.diagnostics.len(), "warning"));
            self.notices.problems(title, pending.diagnostics, false);
        }
        self.notify(format!(
            "Added {} from {name}: {} matched, {} new",
            ui::widgets::count(summary.relations_added, "relation"),
            ui::widgets::count(summary.actors_matched, "actor"),
            summary.actors_added,
        ));
    }

    /// The review as the dialog shows it, if one is open.
    pub(super) fn add_dataset_review(&mut self) -> Option<ui::AddDatasetReview<'_>> {
        let Some(AddDataset::Reviewing(review)) = &mut self.add else {
            return None;
        };
        Some(ui::AddDatasetReview {
            file_name: review.path.file_name().and_then(|n| n.to_str()).unwrap_or("the file"),
            base: &self.doc.dataset,
            incoming: &review.incoming,
            proposals: &review.proposals,
            choices: &review.choices,
            base_order: &review.base_order,
            warnings: review.diagnostics.len(),
            filter: &mut review.filter,
        })
    }

    /// True while the user is reviewing a file to add.
    pub fn is_reviewing_added_dataset(&self) -> bool {
        matches!(self.add, Some(AddDataset::Reviewing(_)))
    }

    /// Work on a file to add worth a word in the status bar: a verb and the file's name.
    pub(super) fn add_dataset_progress(&self) -> Option<(&'static str, String)> {
        match &self.add {
            Some(AddDataset::Reading(pending)) if pending.worth_showing() && !pending.quiet => {
                Some(("Reading", file_name(&pending.path)))
            }
            Some(AddDataset::Merging(pending)) if pending.worth_showing() => Some(("Adding", file_name(&pending.path))),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use egui_kittest::Harness;

    use super::*;
    use crate::model::Reliability;
    use crate::ui::Command;

    fn app() -> Harness<'static, App> {
        Harness::builder().build_eframe(|cc| App::new(cc, None))
    }

    /// Reads the COW test file and confirms its review; returns the merge, finished.
    fn merge_cow_fixture(app: &mut App) -> (PendingMerge, Option<Merged>) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/reference/cow_alliance_by_dyad.csv");
        let incoming = crate::io::load_path(&path)
            .dataset
            .unwrap_or_else(|| panic!("the fixture reads"));
        app.review_added(path, incoming, Vec::new());
        app.confirm_add_dataset();
        let Some(AddDataset::Merging(pending)) = app.add.take() else {
            panic!("a merge started")
        };
        for _ in 0..1000 {
            if let Some(merged) = pending.poll() {
                return (pending, merged);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("the merge did not finish");
    }

    #[test]
    fn a_finished_merge_puts_the_merged_dataset_on_screen() {
        let mut harness = app();
        let app = harness.state_mut();
        let before = app.doc.dataset.relations.len();
        let (pending, merged) = merge_cow_fixture(app);
        app.added_file_merged(pending, merged);
        assert!(app.doc.dataset.relations.len() > before);
        assert!(app.edits.unsaved);
    }

    #[test]
    fn a_merge_is_dropped_if_the_dataset_was_graded_meanwhile_and_the_grade_is_kept() {
        let mut harness = app();
        let ctx = harness.ctx.clone();
        let app = harness.state_mut();
        let before = app.doc.dataset.relations.len();
        let (pending, merged) = merge_cow_fixture(app);
        let source = app.doc.dataset.sources[0].id.clone();
        assert_ne!(app.doc.dataset.sources[0].reliability, Some(Reliability::F));
        app.apply(
            Command::GradeSource {
                source,
                grade: Some(Reliability::F),
            },
            &ctx,
        );
        app.added_file_merged(pending, merged);
        assert_eq!(app.doc.dataset.relations.len(), before, "the merge was dropped");
        assert_eq!(
            app.doc.dataset.sources[0].reliability,
            Some(Reliability::F),
            "the grade was kept"
        );
        let notice = app.notices.status().unwrap_or_default();
        assert!(
            notice.contains("was not added") && notice.contains("Add it again"),
            "{notice}"
        );
    }
}
