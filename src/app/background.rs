//! Work that must not freeze the window: reading files and waiting on file dialogs run on
//! their own threads; the app polls them once a frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::derived::Derived;
use crate::io::{Format, ImportMapping, LoadReport, load_path_with};
use crate::ui::ViewImage;

/// A file read, checked and, if it loaded, indexed.
pub struct Loaded {
    pub report: LoadReport,
    pub derived: Option<Derived>,
}

/// A file being read on another thread.
pub struct PendingLoad {
    pub path: PathBuf,
    pub started: Instant,
    /// A reload after a change on disk replaces the dataset without a fuss.
    pub quiet: bool,
    /// The attributes the user chose for this file, when they did: nothing to ask then.
    pub mapping: Option<ImportMapping>,
    receiver: Receiver<Loaded>,
}

impl PendingLoad {
    /// Reads `path` on a thread of its own, which asks `wake` for a frame when it is done.
    pub fn start(path: PathBuf, quiet: bool, mapping: Option<ImportMapping>, wake: &egui::Context) -> Self {
        let (sender, receiver) = channel();
        let thread_path = path.clone();
        let thread_mapping = mapping.clone();
        let wake = wake.clone();
        std::thread::spawn(move || {
            // The app may have gone (closed the window); then nobody needs the result.
            let report = load_path_with(&thread_path, thread_mapping.as_ref());
            let derived = report.dataset.as_ref().map(Derived::of);
            let _ = sender.send(Loaded { report, derived });
            wake.request_repaint();
        });
        Self {
            path,
            started: Instant::now(),
            quiet,
            mapping,
            receiver,
        }
    }

    /// The result, once the thread has finished.
    pub fn poll(&self) -> Option<Loaded> {
        match self.receiver.try_recv() {
            Ok(loaded) => Some(loaded),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Loaded {
                report: LoadReport::failed(crate::model::Diagnostic::error(
                    "unreadable",
                    "reading the file stopped unexpectedly",
                )),
                derived: None,
            }),
        }
    }

    /// Small files open without a progress indicator flashing up.
    pub fn worth_showing(&self) -> bool {
        self.started.elapsed() > Duration::from_millis(150)
    }
}

/// What a file dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    /// A file to lay over the dataset on screen.
    AddDataset,
    SaveAs(Format),
    ExportImage(ViewImage),
    /// A text, Markdown or web-page file to read a source's text from.
    SourceText,
    /// Where to write a briefing of the view.
    ExportBriefing,
    /// A table of actors for the table file under review.
    ActorsTable,
}

/// A native file dialog open on another thread.
pub struct PendingDialog {
    pub purpose: DialogPurpose,
    receiver: Receiver<Option<PathBuf>>,
}

impl PendingDialog {
    pub fn start(purpose: DialogPurpose, suggested_name: String, folder: Option<PathBuf>) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let chosen = match purpose {
                DialogPurpose::Open | DialogPurpose::AddDataset => {
                    let all: Vec<&str> = Format::READABLE
                        .iter()
                        .flat_map(|f| f.extensions().iter().copied())
                        .collect();
                    dialog = dialog.add_filter("All datasets", &all);
                    for format in Format::READABLE {
                        dialog = dialog.add_filter(format.name(), format.extensions());
                    }
                    let title = if purpose == DialogPurpose::Open {
                        "Open dataset"
                    } else {
                        "Add a dataset to the one on screen"
                    };
                    dialog.set_title(title).pick_file()
                }
                DialogPurpose::ExportBriefing => dialog
                    .set_title("Export briefing")
                    .add_filter("Web page (HTML)", &["html"])
                    .add_filter("Markdown (the graph as an SVG beside it)", &["md"])
                    .set_file_name(suggested_name)
                    .save_file(),
                DialogPurpose::ActorsTable => dialog
                    .set_title("Choose the table of actors")
                    .add_filter("Tables", &["csv", "tsv", "xlsx", "xlsm", "xls", "ods", "parquet", "pq"])
                    .pick_file(),
                DialogPurpose::SourceText => dialog
                    .set_title("Open the source's text")
                    .add_filter(
                        "Text, Markdown or web page",
                        &["txt", "text", "md", "markdown", "html", "htm", "xhtml"],
                    )
                    .add_filter("All files", &["*"])
                    .pick_file(),
                DialogPurpose::SaveAs(format) => dialog
                    .set_title("Save dataset as")
                    .add_filter(format.name(), format.extensions())
                    .set_file_name(suggested_name)
                    .save_file(),
                DialogPurpose::ExportImage(image) => {
                    let (name, extension) = match image {
                        ViewImage::Svg => ("SVG image", "svg"),
                        ViewImage::Png => ("PNG image", "png"),
                    };
                    dialog
                        .set_title("Export view")
                        .add_filter(name, &[extension])
                        .set_file_name(suggested_name)
                        .save_file()
                }
            };
            let _ = sender.send(chosen);
        });
        Self { purpose, receiver }
    }

    /// `Some(choice)` once the dialog closed; the choice is `None` if it was cancelled.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.receiver.try_recv() {
            Ok(choice) => Some(choice),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}
