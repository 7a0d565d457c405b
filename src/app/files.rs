//! Datasets in and out: opening a file on another thread and putting it on screen, the file
//! dialogs, saving as and exporting, watching the open file, and the background work's polling.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::background::{DialogPurpose, Loaded, PendingDialog, PendingLoad};
use super::derived::Derived;
use super::document::{Origin, file_name};
use super::file_watch::FileWatch;
use super::import_review::FileReading;
use super::persisted::REMEMBERED_LAYOUTS;
use super::unsaved::Replacing;

/// Past this many actors drawn, building the drawn graph takes most of a frame (20 ms at
/// 100,000): a dataset that big is first drawn in the frame after it is put on screen.
const BIG_SCENE_ACTORS: usize = 6_000;
use super::{App, PersistedState};
use crate::io::{Format, save_path, write_atomically};
use crate::model::Dataset;
use crate::ui::graph::{GraphScene, SavedPositions};
use crate::ui::{self, MainView, Selection, ViewImage};

/// Datasets bigger than this are laid out again rather than bloat the saved state.
const LARGEST_REMEMBERED_LAYOUT: usize = 5_000;

impl App {
    /// Starts reading a dataset file in the background; the current dataset stays on screen
    /// until it has loaded, and stays for good if it fails to.
    pub fn open_path(&mut self, path: &Path) {
        let mapping = self.state.import_mapping(path).cloned();
        self.loading = Some(PendingLoad::start(path.to_owned(), false, mapping, &self.ctx));
        self.ctx.request_repaint();
    }

    /// A status message, which goes after a few seconds.
    pub(super) fn notify(&mut self, text: String) {
        self.notices.tell(text);
        self.ctx
            .request_repaint_after(Duration::from_secs(super::notices::STATUS_SECONDS));
    }

    /// Checks background work: files being read, a file being added, dialogs, the file
    /// watch, the screenshot a PNG export waits for.
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(loaded) = self.loading.as_ref().and_then(PendingLoad::poll)
            && let Some(pending) = self.loading.take()
        {
            self.loaded(pending, loaded);
        }
        self.poll_add_dataset();
        // The reading thread asks for a frame when it is done; until then a frame a quarter
        // of a second is enough for the spinner (at 20 a second, drawing the window took a
        // core from the reading thread under a software renderer).
        if self.loading.is_some() || self.is_adding() {
            ctx.request_repaint_after(Duration::from_millis(250));
        }
        if let Some(choice) = self.dialog.as_ref().and_then(PendingDialog::poll)
            && let Some(dialog) = self.dialog.take()
        {
            match choice {
                Some(path) => self.dialog_chosen(dialog.purpose, path, ctx),
                None => self.save_as_abandoned(),
            }
        }
        if self.dialog.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if self.watch.as_ref().is_some_and(FileWatch::changed)
            && let Some(path) = self.doc.file()
            && self.loading.is_none()
            && !self.is_own_write(path)
        {
            self.unless_edited(Replacing::ChangedOnDisk);
        }
        if let Some(path) = self.png_export.clone() {
            let screenshot = ctx.input(|i| {
                i.raw.events.iter().find_map(|e| match e {
                    egui::Event::Screenshot { image, .. } => Some(image.clone()),
                    _ => None,
                })
            });
            if let Some(image) = screenshot {
                self.png_export = None;
                match self.write_png(&image, &path, ctx.pixels_per_point()) {
                    Ok(()) => self.notify(format!("Exported the view to {}", path.display())),
                    Err(message) => self.notices.failure("Could not export the view".into(), message),
                }
            }
        }
    }

    /// Puts a freshly read file on screen, or shows why it could not be read.
    pub(super) fn finish_load(&mut self, path: PathBuf, Loaded { mut report, derived }: Loaded) {
        let name = file_name(&path);
        let read_as = match (report.proposal.take(), report.table.take()) {
            (Some(proposal), _) => Some(FileReading::Attributes(Box::new(proposal))),
            (None, Some(table)) => Some(FileReading::Columns(table)),
            (None, None) => None,
        };
        let Some(dataset) = report.dataset else {
            self.notices
                .problems(format!("Could not open {name}"), report.diagnostics, true);
            return;
        };
        self.doc.reading = read_as.map(|reading| (path.clone(), reading));
        let same_file = self.doc.origin == Origin::File(path.clone());
        let derived = derived.unwrap_or_else(|| Derived::of(&dataset));
        self.show_dataset(dataset, derived, same_file);
        self.notices.problems = None;
        if !report.diagnostics.is_empty() {
            // Counted as the status bar counts them: that relations carry no evidence is a note.
            let notes = report.diagnostics.iter().filter(|d| d.code == "no-evidence").count();
            let warnings = report.diagnostics.len() - notes;
            let said = match (warnings, notes) {
                (0, notes) => ui::widgets::count(notes, "note"),
                (warnings, 0) => ui::widgets::count(warnings, "warning"),
                (warnings, notes) => format!(
                    "{} and {}",
                    ui::widgets::count(warnings, "warning"),
                    ui::widgets::count(notes, "note")
                ),
            };
            let title = format!("{name}: {said}");
            self.notices.problems(title, report.diagnostics, false);
        }
        if !same_file || self.watch.is_none() {
            self.watch_file(&path);
        }
        self.state.add_recent_file(path.clone());
        self.edits_replaced(&path);
        self.doc.origin = Origin::File(path);
        self.notify(if same_file {
            format!("Reloaded {name}")
        } else {
            format!("Opened {name}")
        });
    }

    /// Puts a dataset on screen. With `keep_picture` (a reload, an added dataset) actors stay
    /// where they were, new ones are laid out around them, the zoom and the selection stay.
    pub(super) fn show_dataset(&mut self, dataset: impl Into<Arc<Dataset>>, derived: Derived, keep_picture: bool) {
        let dataset: Arc<Dataset> = dataset.into();
        let Derived { views, layout_start } = derived;
        let old = &self.doc.dataset;
        let selected_id = match self.view.selection {
            Some(Selection::Actor(a)) => old.actors.get(a).map(|a| (true, a.id.clone())),
            Some(Selection::Relation(r)) => old.relations.get(r).map(|r| (false, r.id.clone())),
            None => None,
        };
        self.remember_layout();
        let carried = keep_picture.then(|| self.scene.saved_positions(&self.doc.dataset));
        let saved = carried.as_ref().or_else(|| saved_layout(&self.state, &dataset));
        let scene = GraphScene::from_start(layout_start, &dataset, &views.index, saved, &self.ctx);
        let old_scene = std::mem::replace(&mut self.scene, scene);
        if carried.is_some() {
            self.scene.keep_view_of(&old_scene);
        }
        let selection = selected_id.filter(|_| keep_picture).and_then(|(actor, id)| {
            if actor {
                views.index.actor(&id).map(Selection::Actor)
            } else {
                dataset
                    .relations
                    .iter()
                    .position(|r| r.id == id)
                    .map(Selection::Relation)
            }
        });
        let old_document = self.doc.replace(dataset, views);
        // A form open on the old dataset points at its actors by position.
        self.editing = Default::default();
        if !keep_picture {
            self.reader = None;
        }
        self.view.selection = selection;
        self.view.focus_actor = match selection {
            Some(Selection::Actor(actor)) => Some(actor),
            _ => None,
        };
        // Freeing a big dataset's hundreds of thousands of strings takes a while: not here.
        self.freeing = Some(std::thread::spawn(move || drop((old_document, old_scene))));
        self.player.stop();
        self.apply_sizes();
        self.refresh_view();
        // A reload or an undo keeps the picture: the graph stays on screen, however big.
        self.view.draw_graph_next_frame = !keep_picture && self.scene.graph.node_count() > BIG_SCENE_ACTORS;
        self.review_again();
    }

    /// Keeps the layout of the dataset on screen for the next time it is opened.
    pub(super) fn remember_layout(&mut self) {
        let dataset = &self.doc.dataset;
        if dataset.actors.len() > LARGEST_REMEMBERED_LAYOUT || self.scene.layout_running() {
            return;
        }
        let key = layout_key(dataset);
        self.state.layouts.retain(|(k, _)| *k != key);
        self.state.layouts.insert(0, (key, self.scene.saved_positions(dataset)));
        self.state.layouts.truncate(REMEMBERED_LAYOUTS);
    }

    pub(super) fn watch_file(&mut self, path: &Path) {
        self.watch = None;
        if self.state.watch_file {
            let ctx = self.ctx.clone();
            self.watch = FileWatch::new(path, move || ctx.request_repaint());
        }
    }

    pub(super) fn start_dialog(&mut self, purpose: DialogPurpose) {
        if self.dialog.is_some() {
            return;
        }
        let file = self.doc.file();
        let folder = match purpose {
            DialogPurpose::ActorsTable => self.review_folder(),
            _ => file.and_then(|path| path.parent().map(Path::to_path_buf)),
        };
        let stem = file.map_or_else(
            || "north-korea-alliances".to_owned(),
            |path| {
                path.file_stem()
                    .map_or_else(|| "dataset".into(), |s| s.to_string_lossy().into_owned())
            },
        );
        let extension = match purpose {
            DialogPurpose::Open
            | DialogPurpose::AddDataset
            | DialogPurpose::SourceText
            | DialogPurpose::ActorsTable => "",
            DialogPurpose::SaveAs(format) => format.extensions().first().copied().unwrap_or("json"),
            DialogPurpose::ExportImage(ViewImage::Svg) => "svg",
            DialogPurpose::ExportBriefing => "html",
            DialogPurpose::ExportImage(ViewImage::Png) => "png",
        };
        self.dialog = Some(PendingDialog::start(purpose, format!("{stem}.{extension}"), folder));
    }

    fn dialog_chosen(&mut self, purpose: DialogPurpose, path: PathBuf, ctx: &egui::Context) {
        match purpose {
            DialogPurpose::Open => self.open_path(&path),
            DialogPurpose::AddDataset => self.add_dataset_path(&path),
            DialogPurpose::ExportBriefing => self.export_briefing(&path),
            DialogPurpose::ActorsTable => self.choose_actors_table(path),
            DialogPurpose::SourceText => {
                self.apply_reader_command(&crate::ui::Command::AttachSourceTextFile(path));
            }
            DialogPurpose::SaveAs(format) => {
                let path = with_extension(path, format.extensions().first().copied().unwrap_or("json"));
                match save_path(&self.doc.dataset, &path) {
                    Ok(()) => {
                        self.notify(format!("Saved {}", path.display()));
                        if format == Format::Entente {
                            self.saved_as(path);
                        }
                    }
                    Err(err) => {
                        self.save_as_abandoned();
                        self.notices.failure("Could not save".into(), err.to_string());
                    }
                }
            }
            DialogPurpose::ExportImage(ViewImage::Svg) => {
                let path = with_extension(path, "svg");
                let svg = ui::graph::view_to_svg(&self.scene, &self.doc.dataset);
                match write_atomically(&path, svg.as_bytes()) {
                    Ok(()) => self.notify(format!("Exported the view to {}", path.display())),
                    Err(err) => self
                        .notices
                        .failure("Could not export the view".into(), err.to_string()),
                }
            }
            DialogPurpose::ExportImage(ViewImage::Png) => {
                self.png_export = Some(with_extension(path, "png"));
                self.state.main_view = MainView::Graph;
                ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::default()));
            }
        }
    }

    /// Cuts the graph canvas out of a screenshot of the window and writes it as PNG.
    fn write_png(&self, image: &egui::ColorImage, path: &Path, pixels_per_point: f32) -> Result<(), String> {
        let region = image.region(&self.scene.camera.canvas, Some(pixels_per_point));
        let [width, height] = region.size;
        let bytes: Vec<u8> = region.pixels.iter().flat_map(|c| c.to_array()).collect();
        let buffer = image::RgbaImage::from_raw(width as u32, height as u32, bytes)
            .ok_or_else(|| "the screenshot has an unexpected size".to_owned())?;
        let mut png = std::io::Cursor::new(Vec::new());
        buffer
            .write_to(&mut png, image::ImageFormat::Png)
            .map_err(|e| e.to_string())?;
        write_atomically(path, png.get_ref()).map_err(|e| e.to_string())
    }
}

fn layout_key(dataset: &Dataset) -> String {
    format!("{:016x}", dataset.structure_key())
}

/// The layout remembered for `dataset`, if any.
pub(super) fn saved_layout<'a>(state: &'a PersistedState, dataset: &Dataset) -> Option<&'a SavedPositions> {
    // No bigger layout is ever kept, and the key reads the whole dataset (17 ms at 100,000
    // actors, in the frame that puts it on screen).
    if dataset.actors.len() > LARGEST_REMEMBERED_LAYOUT || state.layouts.is_empty() {
        return None;
    }
    let key = layout_key(dataset);
    state
        .layouts
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, positions)| positions)
}

/// Dialogs do not always add the extension the user picked in the filter.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    let matches = path
        .extension()
        .is_some_and(|e| Format::from_extension(&path).is_some() || e == extension);
    if matches { path } else { path.with_extension(extension) }
}
