//! File › Add Dataset: another file laid over the dataset on screen, once the user has
//! checked which of its actors are which.

use std::path::{Path, PathBuf};

use super::background::{Derived, Loaded, PendingLoad};
use super::{App, ProblemReport};
use crate::model::{Dataset, Diagnostic, ProposedMatch, merge, propose_matches};
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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

impl App {
    /// Starts reading a file to lay over the dataset on screen.
    pub fn add_dataset_path(&mut self, path: &Path) {
        self.adding = Some(PendingLoad::start(path.to_owned(), false));
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

    /// Merges the reviewed file into the dataset. The picture stays: actors already on screen
    /// keep their places and new ones are laid out around them.
    pub(super) fn confirm_overlay(&mut self) {
        let Some(draft) = self.overlay.take() else {
            return;
        };
        let (merged, summary) = merge(&self.dataset, &draft.incoming, &draft.choices);
        let derived = Derived::of(&merged);
        self.show_dataset(merged, derived, true);
        self.edits.unsaved = true;
        let name = file_name(&draft.path);
        if !draft.diagnostics.is_empty() {
            self.problems = Some(ProblemReport {
                title: format!("{name}: {}", ui::widgets::count(draft.diagnostics.len(), "warning")),
                diagnostics: draft.diagnostics,
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
