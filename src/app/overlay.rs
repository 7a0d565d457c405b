//! File › Add Dataset: another file laid over the dataset on screen, once the user has
//! checked which of its actors are which.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::background::{Derived, Loaded, PendingLoad};
use super::{App, ProblemReport};
use crate::model::{Dataset, Diagnostic, MergeSummary, ProposedMatch, merge, propose_matches};
use crate::ui;

/// A file read for adding, waiting for the user to review its actor matches.
pub struct OverlayDraft {
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
    fn start(base: Arc<Dataset>, draft: OverlayDraft, revision: u64, repaint: egui::Context) -> Self {
        let (sender, receiver) = channel();
        let OverlayDraft {
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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

impl App {
    /// Starts reading a file to lay over the dataset on screen.
    pub fn add_dataset_path(&mut self, path: &Path) {
        self.adding = Some(PendingLoad::start(
            path.to_owned(),
            false,
            self.state.import_mapping(path).cloned(),
        ));
        self.ctx.request_repaint();
    }

    /// The file to add has been read: on to the review, or to why it could not be read.
    pub(super) fn overlay_loaded(&mut self, path: PathBuf, Loaded { report, .. }: Loaded) {
        let Some(incoming) = report.dataset else {
            self.problems = Some(ProblemReport {
                title: format!("Could not add {}", file_name(&path)),
                diagnostics: report.diagnostics,
                visible: true,
            });
            return;
        };
        self.review_overlay(path, incoming, report.diagnostics);
    }

    /// Opens the review of `incoming` against the dataset on screen, with proposed matches.
    fn review_overlay(&mut self, path: PathBuf, incoming: Dataset, diagnostics: Vec<Diagnostic>) {
        let proposals = propose_matches(&self.dataset, &incoming);
        let choices = proposals.iter().map(|p| p.base).collect();
        let mut base_order: Vec<usize> = (0..self.dataset.actors.len()).collect();
        base_order.sort_by_cached_key(|&i| self.dataset.actors.get(i).map(|a| a.name.to_lowercase()));
        self.overlay = Some(OverlayDraft {
            path,
            incoming,
            proposals,
            choices,
            diagnostics,
            base_order,
            filter: String::new(),
        });
    }

    /// The dataset under a review changed (the file was reloaded as another program changed
    /// it): the matches are proposed again, as the old ones point at the old dataset's actors.
    pub(super) fn review_again(&mut self) {
        if let Some(draft) = self.overlay.take() {
            self.review_overlay(draft.path, draft.incoming, draft.diagnostics);
        }
    }

    pub(super) fn set_overlay_match(&mut self, incoming: usize, base: Option<usize>) {
        if let Some(choice) = self.overlay.as_mut().and_then(|d| d.choices.get_mut(incoming)) {
            *choice = base.filter(|&b| b < self.dataset.actors.len());
        }
    }

    /// Starts merging the reviewed file into the dataset, on another thread.
    pub(super) fn confirm_overlay(&mut self) {
        let Some(draft) = self.overlay.take() else {
            return;
        };
        let base = Arc::clone(&self.dataset);
        self.merging = Some(PendingMerge::start(base, draft, self.revision, self.ctx.clone()));
    }

    /// The merge has finished: the merged dataset goes on screen. The picture stays: actors
    /// already on screen keep their places and new ones are laid out around them.
    pub(super) fn overlay_merged(&mut self, pending: PendingMerge, merged: Option<Merged>) {
        let name = file_name(&pending.path);
        let Some(Merged {
            dataset,
            derived,
            summary,
        }) = merged
        else {
            self.problems = Some(ProblemReport {
                title: format!("Could not add {name}"),
                diagnostics: vec![Diagnostic::error(
                    "merge-failed",
                    "merging the file stopped unexpectedly",
                )],
                visible: true,
            });
            return;
        };
        if pending.revision != self.revision {
            self.notify(format!(
                "{name} was not added: the dataset changed while it was being added. Add it again."
            ));
            return;
        }
        self.show_dataset(dataset, derived, true);
        if summary.actors_added > 0 {
            // New actors are laid out beside those they are linked to, often beyond what
            // was in view: show the whole graph. Nothing that was on screen moves.
            self.scene.fit_while_settling();
        }
        self.edits.unsaved = true;
        if !pending.diagnostics.is_empty() {
            self.problems = Some(ProblemReport {
                title: format!("{name}: {}", ui::widgets::count(pending.diagnostics.len(), "warning")),
                diagnostics: pending.diagnostics,
                visible: false,
            });
        }
        self.notify(format!(
            "Added {} from {name}: {} matched, {} new",
            ui::widgets::count(summary.relations_added, "relation"),
            ui::widgets::count(summary.actors_matched, "actor"),
            summary.actors_added,
        ));
    }

    /// The review as the dialog shows it, if one is open.
    pub(super) fn overlay_review(&mut self) -> Option<ui::OverlayReview<'_>> {
        let draft = self.overlay.as_mut()?;
        Some(ui::OverlayReview {
            file_name: draft.path.file_name().and_then(|n| n.to_str()).unwrap_or("the file"),
            base: &self.dataset,
            incoming: &draft.incoming,
            proposals: &draft.proposals,
            choices: &draft.choices,
            base_order: &draft.base_order,
            warnings: draft.diagnostics.len(),
            filter: &mut draft.filter,
        })
    }

    /// True while the user is reviewing a file to add.
    pub fn is_reviewing_overlay(&self) -> bool {
        self.overlay.is_some()
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
        app.review_overlay(path, incoming, Vec::new());
        app.confirm_overlay();
        let pending = app.merging.take().unwrap_or_else(|| panic!("a merge started"));
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
        let before = app.dataset.relations.len();
        let (pending, merged) = merge_cow_fixture(app);
        app.overlay_merged(pending, merged);
        assert!(app.dataset.relations.len() > before);
        assert!(app.edits.unsaved);
    }

    #[test]
    fn a_merge_is_dropped_if_the_dataset_was_graded_meanwhile_and_the_grade_is_kept() {
        let mut harness = app();
        let ctx = harness.ctx.clone();
        let app = harness.state_mut();
        let before = app.dataset.relations.len();
        let (pending, merged) = merge_cow_fixture(app);
        let source = app.dataset.sources[0].id.clone();
        assert_ne!(app.dataset.sources[0].reliability, Some(Reliability::F));
        app.apply(
            Command::GradeSource {
                source,
                grade: Some(Reliability::F),
            },
            &ctx,
        );
        app.overlay_merged(pending, merged);
        assert_eq!(app.dataset.relations.len(), before, "the merge was dropped");
        assert_eq!(
            app.dataset.sources[0].reliability,
            Some(Reliability::F),
            "the grade was kept"
        );
        let notice = app.notice.as_ref().map(|(text, _)| text.as_str()).unwrap_or_default();
        assert!(
            notice.contains("was not added") && notice.contains("Add it again"),
            "{notice}"
        );
    }
}
