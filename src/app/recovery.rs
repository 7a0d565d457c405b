//! Nothing lost on a crash: while there are unsaved edits, the dataset is journaled to a
//! recovery folder (on a thread of its own, after each change; for a big dataset once a burst
//! of edits pauses for a second), and removed once they are saved or given up. The next start finds a journal left behind by a crash or a kill, and
//! offers to restore it or discard it.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use super::App;
use super::derived::Derived;
use super::document::{Origin, file_name};
use crate::io::{load_path, save_path, write_atomically};
use crate::model::{Dataset, History};

const DATASET: &str = "unsaved.json";
/// Above this many relations a dataset takes long enough to write that the journal waits for
/// the edits to pause (`QUIET_BEFORE_WRITING`) before writing it.
const BIG_DATASET: usize = 20_000;
const QUIET_BEFORE_WRITING: Duration = Duration::from_secs(1);
/// The path of the file the edits belong to; empty for the built-in dataset.
const ORIGIN: &str = "unsaved-origin.txt";

/// A journal found at start: the edited dataset, the file it belongs to, and when it was written.
pub struct Journal {
    pub dataset: Dataset,
    pub origin: Origin,
    pub written: Option<SystemTime>,
}

/// The recovery folder and what is being written to it.
#[derive(Default)]
pub struct Recovery {
    dir: Option<PathBuf>,
    /// The revision of the dataset last journaled; None when no journal is on disk.
    journaled: Option<u64>,
    writer: Option<JoinHandle<()>>,
    /// When the dataset last changed and by which revision, to wait for a pause in a burst of
    /// edits to a big dataset before journaling it.
    last_change: Option<(u64, Instant)>,
    /// A journal from an earlier run, waiting for the user to restore or discard it.
    pub offer: Option<Journal>,
}

/// Reads a journal left in `dir`, if there is one that opens.
fn read_journal(dir: &Path) -> Option<Journal> {
    let path = dir.join(DATASET);
    let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    let dataset = load_path(&path).dataset?;
    let origin = match std::fs::read_to_string(dir.join(ORIGIN)) {
        Ok(text) if !text.trim().is_empty() => Origin::File(PathBuf::from(text.trim())),
        _ => Origin::BuiltIn,
    };
    Some(Journal {
        dataset,
        origin,
        written,
    })
}

fn remove_journal(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(DATASET));
    let _ = std::fs::remove_file(dir.join(ORIGIN));
}

impl App {
    /// Journals unsaved edits in `dir` from now on, and offers any journal already there.
    pub fn use_recovery_dir(&mut self, dir: PathBuf) {
        self.recovery.offer = read_journal(&dir);
        if self.recovery.offer.is_none() {
            remove_journal(&dir);
        }
        self.recovery.dir = Some(dir);
    }

    /// Once a frame: journals the dataset when it has changed since it was last journaled
    /// and is not saved; removes the journal once nothing is unsaved.
    pub(super) fn journal_edits(&mut self) {
        let Some(dir) = self.recovery.dir.clone() else {
            return;
        };
        if self.recovery.offer.is_some() {
            // The journal on disk is the user's until they choose.
            return;
        }
        if self.recovery.writer.as_ref().is_some_and(|w| !w.is_finished()) {
            return;
        }
        if let Some(writer) = self.recovery.writer.take() {
            let _ = writer.join();
        }
        if !self.edits.unsaved {
            if self.recovery.journaled.take().is_some() {
                remove_journal(&dir);
            }
            return;
        }
        let revision = self.doc.revision;
        if self.recovery.journaled == Some(revision) {
            return;
        }
        // Writing a big dataset takes the writer a while, and an edit made meanwhile would have
        // to copy the dataset it is reading: wait until the edits pause.
        let changed = match self.recovery.last_change {
            Some((seen, at)) if seen == revision => at,
            _ => {
                let now = Instant::now();
                self.recovery.last_change = Some((revision, now));
                now
            }
        };
        let wait = if self.doc.dataset.relations.len() > BIG_DATASET {
            QUIET_BEFORE_WRITING
        } else {
            Duration::ZERO
        };
        if changed.elapsed() < wait {
            self.ctx.request_repaint_after(wait.saturating_sub(changed.elapsed()));
            return;
        }
        self.recovery.journaled = Some(revision);
        let dataset = std::sync::Arc::clone(&self.doc.dataset);
        let origin = self.doc.file().map(|p| p.display().to_string()).unwrap_or_default();
        self.recovery.writer = Some(std::thread::spawn(move || {
            if std::fs::create_dir_all(&dir).is_ok() && write_atomically(&dir.join(ORIGIN), origin.as_bytes()).is_ok() {
                let _ = save_path(&dataset, &dir.join(DATASET));
            }
        }));
    }

    /// Puts the journaled edits on screen, unsaved, belonging to their file as before.
    pub(super) fn restore_journal(&mut self) {
        let Some(Journal { dataset, origin, .. }) = self.recovery.offer.take() else {
            return;
        };
        let derived = Derived::of(&dataset);
        self.show_dataset(dataset, derived, false);
        self.doc.origin = origin;
        let mut history = History::default();
        history.mark_unsaved();
        self.doc.history = history;
        self.edits.unsaved = true;
        self.notify(format!("Restored unsaved edits to {}", self.doc.name()));
    }

    pub(super) fn discard_journal(&mut self) {
        if self.recovery.offer.take().is_some()
            && let Some(dir) = &self.recovery.dir
        {
            remove_journal(dir);
        }
    }

    /// What the restore question says about the journal on offer.
    pub(super) fn journal_offered(&self) -> Option<(String, Option<SystemTime>)> {
        let journal = self.recovery.offer.as_ref()?;
        let name = match &journal.origin {
            Origin::File(path) => file_name(path),
            Origin::BuiltIn => "the built-in dataset".to_owned(),
        };
        Some((name, journal.written))
    }
}
