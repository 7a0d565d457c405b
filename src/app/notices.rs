//! What the app tells the user apart from the views: problems found in a file, a short
//! status message, and the small information windows.

use std::time::{Duration, Instant};

use crate::model::Diagnostic;
use crate::ui::InfoWindow;

/// How long a status message stays.
pub const STATUS_SECONDS: u64 = 5;

/// Problems found in a file, kept until the user dismisses them.
#[derive(Debug, Clone)]
pub struct ProblemReport {
    pub title: String,
    pub diagnostics: Vec<Diagnostic>,
    pub visible: bool,
}

#[derive(Debug, Default)]
pub struct Notices {
    pub problems: Option<ProblemReport>,
    /// A short message in the status bar ("Saved …"), and when it was given.
    pub status: Option<(String, Instant)>,
    pub info_window: Option<InfoWindow>,
    /// Edit › History is open.
    pub history_shown: bool,
}

impl Notices {
    /// A status message; the caller asks for a frame when it is to go.
    pub fn tell(&mut self, text: String) {
        self.status = Some((text, Instant::now()));
    }

    /// The status message while it is to be shown.
    pub fn status(&self) -> Option<&str> {
        self.status
            .as_ref()
            .filter(|(_, at)| at.elapsed() < Duration::from_secs(STATUS_SECONDS))
            .map(|(text, _)| text.as_str())
    }

    /// Problems to look at: shown at once when `visible`, else behind the status bar's link.
    pub fn problems(&mut self, title: String, diagnostics: Vec<Diagnostic>, visible: bool) {
        self.problems = Some(ProblemReport {
            title,
            diagnostics,
            visible,
        });
    }

    /// One thing that went wrong, shown at once.
    pub fn failure(&mut self, title: String, message: String) {
        self.problems(title, vec![Diagnostic::error("save-failed", message)], true);
    }
}
