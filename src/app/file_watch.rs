//! Notices when the open file changes on disk (an analyst editing the JSON in another
//! editor), so the app can reload it. Debounced: an editor's save is one change, not five.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

pub struct FileWatch {
    path: PathBuf,
    receiver: Receiver<DebounceEventResult>,
    // Dropping the debouncer stops watching.
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl FileWatch {
    /// Watches `path`; `wake` is called from the watcher thread so an idle window notices.
    /// `None` where the platform cannot watch (the app then simply does not auto-reload).
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> Option<Self> {
        let (sender, receiver) = channel();
        let mut debouncer = new_debouncer(Duration::from_millis(300), move |result: DebounceEventResult| {
            let _ = sender.send(result);
            wake();
        })
        .ok()?;
        // Editors often save by writing a new file and renaming it over the old one, which a
        // watch on the file itself would lose: watch its folder and pick out the file.
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        debouncer.watcher().watch(folder, RecursiveMode::NonRecursive).ok()?;
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        Some(Self {
            path,
            receiver,
            _debouncer: debouncer,
        })
    }

    /// True if the file changed since the last call.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        while let Ok(result) = self.receiver.try_recv() {
            if let Ok(events) = result {
                changed |= events
                    .iter()
                    .any(|e| e.path.canonicalize().unwrap_or_else(|_| e.path.clone()) == self.path);
            }
        }
        changed
    }
}
