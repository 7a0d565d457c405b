//! The mapping step: when Entente can only guess which of a file's attributes name the actors
//! and give their kinds, it shows its guess and what each choice gives, before opening the
//! file. The user's choice is remembered for that file.

use std::path::PathBuf;

use super::App;
use super::background::{Loaded, PendingLoad};
use crate::io::{ImportMapping, MappingProposal};

/// A file waiting for the user to say how to read its attributes.
pub struct MappingReview {
    pub path: PathBuf,
    pub proposal: MappingProposal,
    /// What the user has chosen so far in the dialog.
    pub choice: ImportMapping,
    /// The file as read with the proposal, put on screen as it is if the user keeps it.
    read_with_proposal: Option<Loaded>,
}

impl App {
    /// A file has been read: on screen with it, unless its reading was a guess to confirm.
    pub(super) fn loaded(&mut self, pending: PendingLoad, mut loaded: Loaded) {
        let unsure = pending.mapping.is_none()
            && loaded.report.dataset.is_some()
            && loaded.report.proposal.as_ref().is_some_and(|p| p.unsure);
        if unsure && let Some(proposal) = loaded.report.proposal.take() {
            self.mapping_review = Some(MappingReview {
                path: pending.path,
                choice: proposal.mapping.clone(),
                proposal,
                read_with_proposal: Some(loaded),
            });
            return;
        }
        self.finish_load(pending.path, loaded);
    }

    /// File › Read Attributes As: the step again for the open file.
    pub(super) fn review_import_mapping(&mut self) {
        let Some((path, proposal)) = self.doc.reading.clone() else {
            return;
        };
        let choice = self
            .state
            .import_mapping(&path)
            .cloned()
            .unwrap_or_else(|| proposal.mapping.clone());
        self.mapping_review = Some(MappingReview {
            path,
            choice,
            proposal,
            read_with_proposal: None,
        });
    }

    pub(super) fn confirm_import_mapping(&mut self, mapping: ImportMapping) {
        let Some(review) = self.mapping_review.take() else {
            return;
        };
        self.state.remember_import_mapping(&review.path, mapping.clone());
        match review.read_with_proposal {
            Some(mut loaded) if mapping == review.proposal.mapping => {
                loaded.report.proposal = Some(review.proposal);
                self.finish_load(review.path, loaded);
            }
            _ => {
                // Read again with the user's choice (a reload of the open file keeps its picture).
                self.loading = Some(PendingLoad::start(review.path, false, Some(mapping)));
                self.ctx.request_repaint();
            }
        }
    }

    pub(super) fn cancel_import_mapping(&mut self) {
        if let Some(review) = self.mapping_review.take()
            && review.read_with_proposal.is_some()
        {
            let name = review
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.notify(format!("Did not open {name}"));
        }
    }

    /// The dialog for the file under review, if any.
    pub(super) fn mapping_dialog(&mut self, ctx: &egui::Context) -> Option<crate::ui::Command> {
        let review = self.mapping_review.as_mut()?;
        let file_name = review
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        crate::ui::mapping_dialog(ctx, &file_name, &review.proposal, &mut review.choice)
    }
}
