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

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};

    use super::FileWatch;

    #[test]
    fn a_change_on_disk_is_noticed_once_and_other_files_are_ignored() {
        let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = folder.path().join("watched.json");
        std::fs::write(&path, "{}").unwrap_or_else(|e| panic!("{e}"));
        let woken = Arc::new(AtomicBool::new(false));
        let flag = woken.clone();
        let Some(watch) = FileWatch::new(&path, move || flag.store(true, Ordering::SeqCst)) else {
            panic!("this platform can watch files");
        };
        std::fs::write(folder.path().join("other.json"), "{}").unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(Duration::from_millis(800));
        assert!(!watch.changed(), "another file's change is not ours");
        woken.store(false, Ordering::SeqCst);

        std::fs::write(&path, "{\"changed\": true}").unwrap_or_else(|e| panic!("{e}"));
        let deadline = Instant::now() + Duration::from_secs(5);
        while !woken.load(Ordering::SeqCst) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(watch.changed(), "the edit is noticed");
        assert!(!watch.changed(), "and reported once");
    }
}
