//! Edits the user has not saved, and the questions asked before anything throws them away.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::App;
use super::background::{DialogPurpose, PendingLoad};
use super::document::Origin;
use crate::io::{Format, save_path};
use crate::ui::UnsavedChoice;

/// Something the user asked for that would replace or close an edited dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replacing {
    Quit,
    OpenDialog,
    OpenFile(PathBuf),
    Reload,
    /// The file changed on disk and auto-reload is on.
    ChangedOnDisk,
    /// File › Read File As: the open file read again another way.
    ReadAgain,
}

impl Replacing {
    /// Completes "…lost if you go on with ___ without saving".
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Quit => "quitting",
            Self::OpenDialog | Self::OpenFile(_) => "opening another file",
            Self::Reload => "reloading the file",
            Self::ChangedOnDisk => "loading the file as another program changed it",
            Self::ReadAgain => "reading the file again",
        }
    }
}

/// The user's edits and what waits on them.
#[derive(Debug, Default)]
pub struct Edits {
    /// The dataset on screen differs from its file.
    pub unsaved: bool,
    /// Asked "save first?", waiting for the answer.
    pub asking: Option<Replacing>,
    /// Answered "Save" for a dataset with no Entente file of its own: goes on once Save As succeeds.
    after_save: Option<Replacing>,
    /// The user chose to quit without saving: the close goes through.
    closing: bool,
    /// Size and time of the file as Entente last wrote it, so that the file watcher does not
    /// reload the app's own save.
    written: Option<(u64, SystemTime)>,
}

fn stamp(path: &Path) -> Option<(u64, SystemTime)> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.len(), metadata.modified().ok()?))
}

impl App {
    /// Does `action` now, or first asks whether to save when it would throw away edits.
    pub(super) fn unless_edited(&mut self, action: Replacing) {
        if !self.edits.unsaved {
            self.carry_out(action);
        } else if self.edits.asking.is_none() {
            self.edits.asking = Some(action);
        }
    }

    /// The edits stay flagged as unsaved until a new dataset has actually replaced them, so a
    /// file that fails to open, or a dialog the user cancels, loses nothing.
    fn carry_out(&mut self, action: Replacing) {
        match action {
            Replacing::Quit => {
                self.edits.closing = true;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Replacing::OpenDialog => self.start_dialog(DialogPurpose::Open),
            Replacing::OpenFile(path) => self.open_path(&path),
            Replacing::ReadAgain => self.review_import_mapping(),
            Replacing::Reload | Replacing::ChangedOnDisk => {
                if let Some(path) = self.doc.file() {
                    let quiet = action == Replacing::ChangedOnDisk;
                    self.loading = Some(PendingLoad::start(
                        path.clone(),
                        quiet,
                        self.state.import_mapping(path).cloned(),
                        &self.ctx,
                    ));
                }
            }
        }
    }

    pub(super) fn resolve_unsaved(&mut self, choice: UnsavedChoice) {
        let Some(action) = self.edits.asking.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => self.carry_out(action),
            UnsavedChoice::Save => {
                self.save_to_own_file();
                if !self.edits.unsaved {
                    self.carry_out(action);
                } else if self.dialog.is_some() {
                    self.edits.after_save = Some(action);
                }
            }
        }
    }

    /// Writes the dataset back to its Entente JSON file; a dataset from anywhere else (the
    /// built-in one, an imported GraphML) asks where first, so no import is overwritten.
    pub(super) fn save_to_own_file(&mut self) {
        match self.doc.file() {
            Some(path) if Format::from_extension(path) == Some(Format::Entente) => {
                let path = path.clone();
                match save_path(&self.doc.dataset, &path) {
                    Ok(()) => {
                        self.edits.unsaved = false;
                        self.doc.history.mark_saved();
                        self.edits.written = stamp(&path);
                        self.notify(format!("Saved {}", path.display()));
                    }
                    Err(err) => self.notices.failure("Could not save".into(), err.to_string()),
                }
            }
            _ => self.start_dialog(DialogPurpose::SaveAs(Format::Entente)),
        }
    }

    /// After Save As wrote Entente JSON: that file is now the dataset's own.
    pub(super) fn saved_as(&mut self, path: PathBuf) {
        self.edits.unsaved = false;
        self.doc.history.mark_saved();
        self.edits.written = stamp(&path);
        if self.doc.origin != Origin::File(path.clone()) {
            self.state.add_recent_file(path.clone());
            self.watch_file(&path);
            self.doc.origin = Origin::File(path);
        }
        if let Some(action) = self.edits.after_save.take() {
            self.carry_out(action);
        }
    }

    /// A Save As that did not happen (cancelled or failed) holds up nothing more.
    pub(super) fn save_as_abandoned(&mut self) {
        self.edits.after_save = None;
    }

    /// A new dataset is on screen: nothing of the old one is waiting to be saved.
    pub(super) fn edits_replaced(&mut self, path: &Path) {
        self.edits.unsaved = false;
        self.doc.history = crate::model::History::default();
        self.edits.written = stamp(path);
    }

    /// True when the file on disk is still what Entente itself last wrote or read.
    pub(super) fn is_own_write(&self, path: &Path) -> bool {
        self.edits.written.is_some() && stamp(path) == self.edits.written
    }

    /// The window's close button, like Quit, asks first when there are unsaved edits.
    pub(super) fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.edits.unsaved && !self.edits.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.edits.asking.is_none() {
                self.edits.asking = Some(Replacing::Quit);
            }
        }
    }
}
