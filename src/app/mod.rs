//! The application: owns the loaded dataset and what the user is looking at, draws the
//! window through the `ui` functions and applies the commands they return.

mod background;
mod file_watch;
mod import_review;
mod overlay;
mod persisted;
mod unsaved;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use persisted::PersistedState;

use background::{Derived, DialogPurpose, Loaded, PendingDialog, PendingLoad};
use file_watch::FileWatch;
use import_review::MappingReview;
use overlay::{OverlayDraft, PendingMerge};
use persisted::REMEMBERED_LAYOUTS;
use unsaved::{Edits, Replacing};

use crate::builtin::{BUILT_IN_NAME, built_in_dataset};
use crate::io::{Format, MappingProposal, save_path, write_atomically};
use crate::model::{
    Dataset, DatasetIndex, Diagnostic, Focus, KindFilter, OutsideTime, Summary, TimeWindow, ViewQuery, Visibility,
    YearSpan, active_per_year, is_web_link, this_year, year_range,
};
use crate::ui::graph::{GraphScene, PlacedLabel, SavedPositions, SceneLook, actor_radii};
use crate::ui::{
    self, Command, InfoWindow, KindLooks, MainView, MenuState, RelationTableState, SearchState, Selection,
    ToolbarState, ViewImage,
};

/// Datasets bigger than this are laid out again rather than bloat the saved state.
const LARGEST_REMEMBERED_LAYOUT: usize = 5_000;
/// How long a status message stays.
const NOTICE_SECONDS: u64 = 5;

/// Where the dataset on screen came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

/// Problems found in a file, kept until the user dismisses them.
#[derive(Debug, Clone)]
struct ProblemReport {
    title: String,
    diagnostics: Vec<Diagnostic>,
    visible: bool,
}

pub struct App {
    state: PersistedState,
    /// Shared so that work on another thread (adding a dataset to it) can read it while the
    /// window goes on drawing it. It is never changed in place: a new one replaces it.
    dataset: Arc<Dataset>,
    index: DatasetIndex,
    origin: Origin,
    selection: Option<Selection>,
    visibility: Visibility,
    scene: GraphScene,
    search: SearchState,
    actor_filter: String,
    problems: Option<ProblemReport>,
    info_window: Option<InfoWindow>,
    /// Set by commands that change what is visible; the graph is rebuilt once per frame.
    view_dirty: bool,
    loading: Option<PendingLoad>,
    /// A file being read to lay over the dataset (File › Add Dataset).
    adding: Option<PendingLoad>,
    /// A file read for adding, while the user reviews its actor matches.
    overlay: Option<OverlayDraft>,
    /// A reviewed file being merged into the dataset on another thread.
    merging: Option<PendingMerge>,
    dialog: Option<PendingDialog>,
    watch: Option<FileWatch>,
    /// A short message in the status bar ("Saved …").
    notice: Option<(String, Instant)>,
    /// A PNG export waiting for the screenshot it is cut from.
    png_export: Option<PathBuf>,
    timeline: Option<TimelineData>,
    /// Counts by kind, for the legend and the overview: computed once per dataset, not per frame.
    summary: Summary,
    actor_list: ui::ActorListIndex,
    /// How each kind is drawn in this dataset.
    looks: KindLooks,
    /// Attributes the dataset's actors have as numbers, to size them by.
    size_attributes: Vec<String>,
    /// The file gives some actor a colour, size or shape of its own.
    has_file_looks: bool,
    /// The colours the file gives its actors, most used first, for the legend.
    file_colours: Vec<String>,
    /// The actor Focus is on: the last actor selected. Selecting one of its relations keeps it.
    focus_actor: Option<usize>,
    table: RelationTableState,
    /// Counts the times what is visible was worked out, so views of it know when to catch up.
    view_revision: u64,
    /// A file read with a guessed reading of its attributes, waiting for the user to confirm it.
    mapping_review: Option<MappingReview>,
    /// How the open file's attributes were read, for File › Read Attributes As.
    file_proposal: Option<(PathBuf, MappingProposal)>,
    /// Where the timeline was drawn last frame.
    timeline_rect: Option<egui::Rect>,
    /// While playing: when the year last moved on.
    playing: Option<Instant>,
    edits: Edits,
    /// The thread freeing the dataset last replaced.
    freeing: Option<std::thread::JoinHandle<()>>,
    /// Counts the datasets put on screen: the built-in one is 0, each open or reload adds one.
    generation: u64,
    /// Counts every change to the dataset on screen: a new one, or a grade given in place. A
    /// merge that started before a change is out of date.
    revision: u64,
    /// The window title last sent, so it is sent again only when it changes.
    title: String,
    ctx: egui::Context,
}

/// What the timeline draws, computed once per dataset.
struct TimelineData {
    years: (i32, i32),
    histogram: Vec<(egui::Color32, Vec<u32>)>,
    undated: usize,
}

impl TimelineData {
    fn of(dataset: &Dataset, looks: &KindLooks) -> Option<Self> {
        let years = year_range(dataset, this_year())?;
        let kinds = dataset.known_relation_kinds();
        let histogram = active_per_year(dataset, &kinds, years)
            .into_iter()
            .zip(&kinds)
            .map(|(counts, kind)| (looks.relation_colour(kind), counts))
            .collect();
        let undated = dataset.relations.iter().filter(|r| r.period.is_none()).count();
        Some(Self {
            years,
            histogram,
            undated,
        })
    }
}

impl App {
    /// Starts on the built-in dataset and, if a file is given, opens it; a file that fails to
    /// load leaves the built-in dataset on screen and shows why.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let (state, settings_problem) = PersistedState::load_or_explain(cc.storage);
        cc.egui_ctx.set_theme(state.theme);
        ui::install_fonts(&cc.egui_ctx);
        let dataset = built_in_dataset();
        let derived = Derived::of(&dataset);
        let index = derived.index;
        let saved = saved_layout(&state, &dataset);
        let scene = GraphScene::from_start(derived.scene_start, &dataset, &index, saved, &cc.egui_ctx);
        let table = RelationTableState::sorted_by(state.table_sort.0, state.table_sort.1);
        let mut app = Self {
            state,
            index,
            dataset: Arc::new(dataset),
            origin: Origin::BuiltIn,
            selection: None,
            visibility: Visibility::default(),
            scene,
            search: SearchState::default(),
            actor_filter: String::new(),
            problems: None,
            info_window: None,
            view_dirty: true,
            loading: None,
            adding: None,
            overlay: None,
            merging: None,
            dialog: None,
            watch: None,
            notice: None,
            png_export: None,
            timeline: derived.timeline,
            summary: derived.summary,
            actor_list: derived.actor_list,
            looks: derived.looks,
            size_attributes: derived.size_attributes,
            has_file_looks: derived.has_file_looks,
            file_colours: derived.file_colours,
            focus_actor: None,
            table,
            view_revision: 0,
            mapping_review: None,
            file_proposal: None,
            timeline_rect: None,
            playing: None,
            edits: Edits::default(),
            generation: 0,
            revision: 0,
            freeing: None,
            title: String::new(),
            ctx: cc.egui_ctx.clone(),
        };
        if let Some(message) = settings_problem {
            app.notify(message);
        }
        app.apply_sizes();
        app.refresh_view();
        if let Some(path) = file {
            app.open_path(&path);
        }
        app
    }

    /// Starts reading a dataset file in the background; the current dataset stays on screen
    /// until it has loaded, and stays for good if it fails to.
    pub fn open_path(&mut self, path: &Path) {
        let mapping = self.state.import_mapping(path).cloned();
        self.loading = Some(PendingLoad::start(path.to_owned(), false, mapping));
        self.ctx.request_repaint();
    }

    /// True while a file is being read, a file dialog is open, or a replaced dataset is still
    /// being freed.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some()
            || self.adding.is_some()
            || self.merging.is_some()
            || self.dialog.is_some()
            || self.freeing.as_ref().is_some_and(|f| !f.is_finished())
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }

    pub fn filter(&self) -> &KindFilter {
        &self.state.filter
    }

    pub fn recent_files(&self) -> &[PathBuf] {
        &self.state.recent_files
    }

    pub fn is_pinned(&self, actor: usize) -> bool {
        self.scene.is_pinned(actor)
    }

    /// Where an actor was drawn last frame, in window coordinates.
    pub fn actor_screen_position(&self, actor: usize) -> Option<egui::Pos2> {
        self.scene.actor_screen_position(actor)
    }

    /// True while the force layout is still moving actors.
    pub fn is_laying_out(&self) -> bool {
        self.scene.layout_running()
    }

    /// Where the graph canvas was on screen last frame.
    pub fn graph_area(&self) -> egui::Rect {
        self.scene.canvas_rect
    }

    /// The graph view's zoom factor last frame.
    pub fn zoom(&self) -> f32 {
        self.scene.view.0
    }

    /// How many relations the graph draws right now.
    pub fn drawn_relation_count(&self) -> usize {
        self.scene.edges().len()
    }

    /// Where a relation's midpoint was drawn last frame, in window coordinates.
    pub fn relation_screen_position(&self, relation: usize) -> Option<egui::Pos2> {
        ui::graph::relation_screen_position(&self.scene, relation)
    }

    fn focus(&self) -> Option<Focus> {
        let actor = self.focus_actor.filter(|_| self.state.focus_depth > 0)?;
        Some(Focus {
            actor,
            depth: self.state.focus_depth,
            among_neighbours: self.state.focus_among_neighbours,
        })
    }

    /// The labels drawn last frame, with where they are in the window.
    pub fn drawn_labels(&self) -> &[PlacedLabel] {
        &self.scene.placed_labels
    }

    /// The relations the table lists, in its order.
    pub fn table_rows(&self) -> &[usize] {
        self.table.rows()
    }

    /// How each kind is drawn in the dataset on screen.
    pub fn kind_looks(&self) -> &KindLooks {
        &self.looks
    }

    /// Each actor's radius as drawn, in layout units.
    pub fn actor_radius(&self, actor: usize) -> f32 {
        self.scene.radius(actor)
    }

    /// Where the actor is in layout space.
    pub fn actor_layout_position(&self, actor: usize) -> Option<crate::layout::Vec2> {
        self.scene.actor_position(actor)
    }

    /// How an actor is drawn: its colour and outline, and whether it is faded (outside what
    /// the selection brings forward, or dimmed by Focus or time); `None` when hidden.
    pub fn drawn_actor(&self, actor: usize) -> Option<ui::graph::DrawnActor> {
        self.scene.drawn_actor(actor)
    }

    /// True when the spotlight (the selected or hovered actor or relation) brings this relation forward.
    pub fn is_brought_forward(&self, relation: usize) -> bool {
        self.scene.spotlight().is_some_and(|s| s.has_relation(relation))
    }

    /// Where the timeline was drawn last frame, when it was.
    pub fn timeline_area(&self) -> Option<egui::Rect> {
        self.timeline_rect
    }

    /// True while a file waits for the user to say how to read its attributes.
    pub fn is_asking_how_to_read(&self) -> bool {
        self.mapping_review.is_some()
    }

    /// Sizes actors by what the user chose, or by the file's own sizes.
    fn apply_sizes(&mut self) {
        let file_sizes = self.state.file_looks && self.has_file_looks;
        let radii = actor_radii(&self.dataset, &self.index, &self.state.size_by, file_sizes);
        self.scene.set_radii(radii);
        self.view_dirty = true;
    }

    /// Recomputes what is visible and rebuilds the graph, if anything changed.
    fn refresh_view(&mut self) {
        if !self.view_dirty {
            return;
        }
        let query = ViewQuery {
            filter: &self.state.filter,
            focus: self.focus(),
            outside_focus: self.state.outside_focus,
            time: self.state.time_window,
        };
        self.visibility = Visibility::compute(&self.dataset, &self.index, &query);
        let look = SceneLook {
            looks: &self.looks,
            file_looks: self.state.file_looks,
        };
        self.scene
            .rebuild(&self.dataset, &self.visibility, self.selection, look);
        self.scene.focus_on = query.focus.is_some();
        self.view_revision += 1;
        self.view_dirty = false;
    }

    fn remember_layout(&mut self) {
        if self.dataset.actors.len() > LARGEST_REMEMBERED_LAYOUT || self.scene.layout_running() {
            return;
        }
        let key = layout_key(&self.dataset);
        self.state.layouts.retain(|(k, _)| *k != key);
        self.state
            .layouts
            .insert(0, (key, self.scene.saved_positions(&self.dataset)));
        self.state.layouts.truncate(REMEMBERED_LAYOUTS);
    }

    /// Puts a freshly read file on screen, or shows why it could not be read.
    fn finish_load(&mut self, path: PathBuf, Loaded { mut report, derived }: Loaded) {
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        self.file_proposal = report.proposal.take().map(|proposal| (path.clone(), proposal));
        let Some(dataset) = report.dataset else {
            self.problems = Some(ProblemReport {
                title: format!("Could not open {name}"),
                diagnostics: report.diagnostics,
                visible: true,
            });
            return;
        };
        let same_file = self.origin == Origin::File(path.clone());
        let derived = derived.unwrap_or_else(|| Derived::of(&dataset));
        self.show_dataset(dataset, derived, same_file);
        self.problems = (!report.diagnostics.is_empty()).then(|| ProblemReport {
            title: format!("{name}: {}", ui::widgets::count(report.diagnostics.len(), "warning")),
            diagnostics: report.diagnostics,
            visible: false,
        });
        if !same_file || self.watch.is_none() {
            self.watch_file(&path);
        }
        self.state.add_recent_file(path.clone());
        self.edits_replaced(&path);
        self.origin = Origin::File(path);
        self.notify(if same_file {
            format!("Reloaded {name}")
        } else {
            format!("Opened {name}")
        });
    }

    /// Puts a dataset on screen. With `keep_picture` (a reload, an added dataset) actors stay
    /// where they were, new ones are laid out around them, the zoom and the selection stay.
    fn show_dataset(&mut self, dataset: Dataset, derived: Derived, keep_picture: bool) {
        let selected_id = match self.selection {
            Some(Selection::Actor(a)) => self.dataset.actors.get(a).map(|a| (true, a.id.clone())),
            Some(Selection::Relation(r)) => self.dataset.relations.get(r).map(|r| (false, r.id.clone())),
            None => None,
        };
        self.remember_layout();
        let old_index = std::mem::replace(&mut self.index, derived.index);
        let carried = keep_picture.then(|| self.scene.saved_positions(&self.dataset));
        let saved = carried.as_ref().or_else(|| saved_layout(&self.state, &dataset));
        let scene = GraphScene::from_start(derived.scene_start, &dataset, &self.index, saved, &self.ctx);
        let old_scene = std::mem::replace(&mut self.scene, scene);
        if carried.is_some() {
            self.scene.keep_view_of(&old_scene);
        }
        self.selection = selected_id.filter(|_| keep_picture).and_then(|(actor, id)| {
            if actor {
                self.index.actor(&id).map(Selection::Actor)
            } else {
                dataset
                    .relations
                    .iter()
                    .position(|r| r.id == id)
                    .map(Selection::Relation)
            }
        });
        let old_dataset = std::mem::replace(&mut self.dataset, Arc::new(dataset));
        self.generation += 1;
        self.revision += 1;
        let old_derived = (
            std::mem::replace(&mut self.timeline, derived.timeline),
            std::mem::replace(&mut self.summary, derived.summary),
            std::mem::replace(&mut self.actor_list, derived.actor_list),
            std::mem::replace(&mut self.looks, derived.looks),
        );
        self.size_attributes = derived.size_attributes;
        self.has_file_looks = derived.has_file_looks;
        self.file_colours = derived.file_colours;
        self.focus_actor = match self.selection {
            Some(Selection::Actor(actor)) => Some(actor),
            _ => None,
        };
        // Freeing a big dataset's hundreds of thousands of strings takes a while: not here.
        self.freeing = Some(std::thread::spawn(move || {
            drop((old_dataset, old_index, old_derived, old_scene));
        }));
        self.playing = None;
        self.apply_sizes();
        self.refresh_view();
        self.review_again();
    }

    fn watch_file(&mut self, path: &Path) {
        self.watch = None;
        if self.state.watch_file {
            let ctx = self.ctx.clone();
            self.watch = FileWatch::new(path, move || ctx.request_repaint());
        }
    }

    fn notify(&mut self, text: String) {
        self.notice = Some((text, Instant::now()));
        self.ctx.request_repaint_after(Duration::from_secs(NOTICE_SECONDS));
    }

    fn report_failure(&mut self, title: String, message: String) {
        self.problems = Some(ProblemReport {
            title,
            diagnostics: vec![Diagnostic::error("save-failed", message)],
            visible: true,
        });
    }

    /// Checks background work: files being read, dialogs, the file watch, screenshots.
    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(loaded) = self.loading.as_ref().and_then(PendingLoad::poll)
            && let Some(pending) = self.loading.take()
        {
            self.loaded(pending, loaded);
        }
        // A file to add waits for a file being opened: it is matched against what ends up on screen.
        if let Some(loaded) = self
            .adding
            .as_ref()
            .filter(|_| self.loading.is_none())
            .and_then(PendingLoad::poll)
            && let Some(pending) = self.adding.take()
        {
            self.overlay_loaded(pending.path, loaded);
        }
        if let Some(merged) = self.merging.as_ref().and_then(PendingMerge::poll)
            && let Some(pending) = self.merging.take()
        {
            self.overlay_merged(pending, merged);
        }
        if self.loading.is_some() || self.adding.is_some() || self.merging.is_some() {
            ctx.request_repaint_after(Duration::from_millis(50));
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
            && let Origin::File(path) = &self.origin
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
                    Err(message) => self.report_failure("Could not export the view".into(), message),
                }
            }
        }
    }

    fn dialog_chosen(&mut self, purpose: DialogPurpose, path: PathBuf, ctx: &egui::Context) {
        match purpose {
            DialogPurpose::Open => self.open_path(&path),
            DialogPurpose::AddDataset => self.add_dataset_path(&path),
            DialogPurpose::SaveAs(format) => {
                let path = with_extension(path, format.extensions().first().copied().unwrap_or("json"));
                match save_path(&self.dataset, &path) {
                    Ok(()) => {
                        self.notify(format!("Saved {}", path.display()));
                        if format == Format::Entente {
                            self.saved_as(path);
                        }
                    }
                    Err(err) => {
                        self.save_as_abandoned();
                        self.report_failure("Could not save".into(), err.to_string());
                    }
                }
            }
            DialogPurpose::ExportImage(ViewImage::Svg) => {
                let path = with_extension(path, "svg");
                let svg = ui::graph::view_to_svg(&self.scene, &self.dataset);
                match write_atomically(&path, svg.as_bytes()) {
                    Ok(()) => self.notify(format!("Exported the view to {}", path.display())),
                    Err(err) => self.report_failure("Could not export the view".into(), err.to_string()),
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
        let region = image.region(&self.scene.canvas_rect, Some(pixels_per_point));
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

    fn start_dialog(&mut self, purpose: DialogPurpose) {
        if self.dialog.is_some() {
            return;
        }
        let folder = match &self.origin {
            Origin::File(path) => path.parent().map(Path::to_path_buf),
            Origin::BuiltIn => None,
        };
        let stem = match &self.origin {
            Origin::File(path) => path
                .file_stem()
                .map_or_else(|| "dataset".into(), |s| s.to_string_lossy().into_owned()),
            Origin::BuiltIn => "north-korea-alliances".to_owned(),
        };
        let extension = match purpose {
            DialogPurpose::Open | DialogPurpose::AddDataset => "",
            DialogPurpose::SaveAs(format) => format.extensions().first().copied().unwrap_or("json"),
            DialogPurpose::ExportImage(ViewImage::Svg) => "svg",
            DialogPurpose::ExportImage(ViewImage::Png) => "png",
        };
        self.dialog = Some(PendingDialog::start(purpose, format!("{stem}.{extension}"), folder));
    }

    fn toggle_play(&mut self) {
        if self.playing.take().is_some() {
            return;
        }
        let Some(timeline) = &self.timeline else { return };
        let (first, last) = timeline.years;
        let mut window = self.state.time_window.unwrap_or(TimeWindow {
            span: YearSpan::year(first),
            outside: OutsideTime::Fade,
        });
        if window.span.from.max(window.span.to) >= last {
            let width = (window.span.to - window.span.from).abs();
            window.span = YearSpan {
                from: first,
                to: first + width,
            };
        }
        self.state.time_window = Some(window);
        self.view_dirty = true;
        self.playing = Some(Instant::now());
    }

    /// Moves the time window on a year at a time while playing; stops at the last year.
    fn advance_play(&mut self, ctx: &egui::Context) {
        let (Some(started), Some(timeline), Some(window)) = (self.playing, &self.timeline, self.state.time_window)
        else {
            return;
        };
        let step = Duration::from_secs_f32(1.0 / self.state.play_speed.clamp(0.1, 10.0));
        if started.elapsed() >= step {
            let last = timeline.years.1;
            if window.span.from.max(window.span.to) >= last {
                self.playing = None;
                return;
            }
            let span = YearSpan {
                from: window.span.from + 1,
                to: window.span.to + 1,
            };
            self.state.time_window = Some(TimeWindow { span, ..window });
            self.view_dirty = true;
            self.playing = Some(Instant::now());
        }
        ctx.request_repaint_after(step.saturating_sub(started.elapsed()));
    }

    /// Whether the year is moving on by itself.
    pub fn is_playing(&self) -> bool {
        self.playing.is_some()
    }

    /// How a relation is drawn right now: `None` when hidden.
    pub fn relation_emphasis(&self, relation: usize) -> Option<crate::model::Emphasis> {
        self.visibility.relation(relation)
    }

    pub fn time_window(&self) -> Option<TimeWindow> {
        self.state.time_window
    }

    fn select(&mut self, selection: Option<Selection>) {
        self.selection = selection;
        self.scene.set_selection(selection);
        // Focus follows the actor last selected, and stays on while its relations are read.
        let focus_actor = match selection {
            Some(Selection::Actor(actor)) => Some(actor),
            Some(Selection::Relation(_)) => self.focus_actor,
            None => None,
        };
        if focus_actor != self.focus_actor {
            self.focus_actor = focus_actor;
            if self.state.focus_depth > 0 {
                self.view_dirty = true;
            }
        }
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Select(selection) => self.select(Some(selection)),
            Command::ClearSelection => self.select(None),
            Command::CentreOn(actor) => self.scene.centre_on = Some(actor),
            Command::FitView => self.scene.fit_requested = true,
            Command::OpenLink(url) => {
                // Checked again here: no path through the UI may open anything but the web.
                if is_web_link(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::SetTheme(theme) => {
                self.state.theme = theme;
                ctx.set_theme(theme);
            }
            Command::SetMainView(view) => self.state.main_view = view,
            Command::RestartLayout => self.scene.restart_layout(&self.dataset),
            Command::Unpin(actor) => self.scene.unpin(actor),
            Command::UnpinAll => self.scene.unpin_all(),
            Command::SetTimeWindow(window) => {
                if window.is_none() {
                    self.playing = None;
                }
                if window.is_some() != self.state.time_window.is_some() {
                    // The timeline's strip opens or closes, so the canvas changes size.
                    self.scene.fit_requested = true;
                }
                self.state.time_window = window;
                self.view_dirty = true;
            }
            Command::TogglePlay => self.toggle_play(),
            Command::SetPlaySpeed(speed) => self.state.play_speed = speed.clamp(0.1, 10.0),
            Command::FocusSearch => {
                self.state.main_view = MainView::Graph;
                self.search.focus_requested = true;
            }
            Command::ShowWindow(window) => self.info_window = Some(window),
            Command::ReviewImportMapping => self.review_import_mapping(),
            Command::ConfirmImportMapping(mapping) => self.confirm_import_mapping(mapping),
            Command::CancelImportMapping => self.cancel_import_mapping(),
            Command::DismissDiagnostics => {
                if let Some(problems) = &mut self.problems {
                    problems.visible = false;
                }
            }
            Command::GradeSource { source, grade } => {
                if let Some(at) = self.index.source(&source)
                    && let Some(source) = Arc::make_mut(&mut self.dataset).sources.get_mut(at)
                {
                    source.reliability = grade;
                    self.edits.unsaved = true;
                    self.revision += 1;
                }
            }
            Command::GradeEvidence { at, grade } => {
                if let Some(evidence) = Arc::make_mut(&mut self.dataset)
                    .relations
                    .get_mut(at.relation)
                    .and_then(|r| r.evidence.get_mut(at.evidence))
                {
                    evidence.credibility = grade;
                    self.edits.unsaved = true;
                    self.revision += 1;
                }
            }
            other => self.apply_view_command(other),
        }
    }

    /// Commands about what the graph shows and how: the legend's filters, sizes, Focus.
    fn apply_view_command(&mut self, command: Command) {
        match command {
            Command::ShowRelationKind(kind, shown) => {
                self.state.filter.show_relation_kind(kind, shown);
                self.view_dirty = true;
            }
            Command::ShowActorKind(kind, shown) => {
                self.state.filter.show_actor_kind(kind, shown);
                self.view_dirty = true;
            }
            Command::ShowSource(source, shown) => {
                self.state.filter.show_source(source, shown);
                self.view_dirty = true;
            }
            Command::SetSizeBy(size_by) => {
                self.state.size_by = size_by;
                self.apply_sizes();
            }
            Command::SetFileLooks(on) => {
                self.state.file_looks = on;
                self.apply_sizes();
            }
            Command::SetFocusAmongNeighbours(on) => {
                self.state.focus_among_neighbours = on;
                self.view_dirty = true;
            }
            Command::ShowAllKinds => {
                self.state.filter = KindFilter::default();
                self.view_dirty = true;
            }
            Command::SetFocusDepth(depth) => {
                self.state.focus_depth = depth.min(2);
                self.view_dirty = true;
                // The view moves to what Focus now shows (or back to everything).
                self.scene.fit_requested |= self.focus_actor.is_some();
            }
            Command::SetOutsideFocus(outside) => {
                self.state.outside_focus = outside;
                self.view_dirty = true;
                self.scene.fit_requested |= self.focus().is_some();
            }
            file_command => self.apply_file_command(file_command),
        }
    }

    /// Commands about files: opening, adding, reloading, saving, quitting.
    fn apply_file_command(&mut self, command: Command) {
        match command {
            Command::OpenDialog => self.unless_edited(Replacing::OpenDialog),
            Command::OpenFile(path) => self.unless_edited(Replacing::OpenFile(path)),
            Command::AddDatasetDialog => self.start_dialog(DialogPurpose::AddDataset),
            Command::AddDatasetFile(path) => self.add_dataset_path(&path),
            Command::SetOverlayMatch { incoming, base } => self.set_overlay_match(incoming, base),
            Command::ConfirmOverlay => self.confirm_overlay(),
            Command::CancelOverlay => self.overlay = None,
            Command::Reload => {
                if matches!(self.origin, Origin::File(_)) {
                    self.unless_edited(Replacing::Reload);
                }
            }
            Command::ClearRecentFiles => self.state.recent_files.clear(),
            Command::SetWatchFile(watch) => {
                self.state.watch_file = watch;
                match (&self.origin, watch) {
                    (Origin::File(path), true) => self.watch_file(&path.clone()),
                    _ => self.watch = None,
                }
            }
            Command::SaveAsDialog(format) => self.start_dialog(DialogPurpose::SaveAs(format)),
            Command::ExportViewDialog(image) => self.start_dialog(DialogPurpose::ExportImage(image)),
            Command::Save => self.save_to_own_file(),
            Command::ResolveUnsaved(choice) => self.resolve_unsaved(choice),
            Command::Quit => self.unless_edited(Replacing::Quit),
            _ => {}
        }
    }

    /// "● name — Entente" while there are unsaved edits, as desktop apps mark them.
    fn update_title(&mut self, ctx: &egui::Context) {
        let name = match &self.origin {
            Origin::BuiltIn => BUILT_IN_NAME.to_owned(),
            Origin::File(path) => path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
        };
        let mark = if self.edits.unsaved { "● " } else { "" };
        let title = format!("{mark}{name} — Entente");
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// How many datasets have been put on screen since start (each reload counts).
    pub fn dataset_generation(&self) -> u64 {
        self.generation
    }

    /// True while there are edits not yet saved to a file.
    pub fn has_unsaved_edits(&self) -> bool {
        self.edits.unsaved
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if self.edits.unsaved {
                ui.label(egui::RichText::new("● Unsaved changes").color(ui.visuals().warn_fg_color))
                    .on_hover_text("Your changes (grades, added datasets) are not saved yet: File > Save (Ctrl+S)");
                ui.separator();
            }
            let origin = match &self.origin {
                Origin::BuiltIn => BUILT_IN_NAME.to_owned(),
                Origin::File(path) => path.display().to_string(),
            };
            ui.label(egui::RichText::new(origin).weak())
                .on_hover_text("Where this dataset was loaded from");
            ui.separator();
            ui.label(format!(
                "{} actors · {} relations",
                self.dataset.actors.len(),
                self.dataset.relations.len()
            ));
            let hidden = self.dataset.relations.len().saturating_sub(self.scene.edges().len());
            if hidden > 0 && self.state.main_view == MainView::Graph {
                ui.label(egui::RichText::new(format!("({} hidden)", ui::widgets::count(hidden, "relation"))).weak())
                    .on_hover_text("Hidden by the legend, the time window or Focus");
            }
            if self.scene.layout_running() {
                // Words, not a spinner: a spinner asks for a new frame every frame, and drawing
                // a big graph sixty times a second would take the cores the layout is using.
                ui.separator();
                ui.label(egui::RichText::new("Laying out…").weak())
                    .on_hover_text("The layout is placing the actors; it stops by itself once they have settled");
            }
            if let Some(problems) = &mut self.problems {
                ui.separator();
                // That a graph file carries no evidence is worth knowing, not a problem.
                let notes = problems.diagnostics.iter().filter(|d| d.code == "no-evidence").count();
                let count = problems.diagnostics.len() - notes;
                let link = if count > 0 {
                    ui.link(format!("⚠ {}", ui::widgets::count(count, "problem")))
                } else {
                    ui.link(ui::widgets::count(notes, "note"))
                        .on_hover_text("Worth knowing about this file, such as relations that carry no evidence")
                };
                if link.clicked() {
                    problems.visible = true;
                }
            }
            let reading = [("Opening", &self.loading), ("Reading", &self.adding)];
            let working = reading
                .into_iter()
                .filter_map(|(verb, pending)| {
                    let pending = pending.as_ref().filter(|l| l.worth_showing() && !l.quiet)?;
                    Some((verb, pending.path.as_path()))
                })
                .chain(
                    self.merging
                        .as_ref()
                        .filter(|m| m.worth_showing())
                        .map(|m| ("Adding", m.path.as_path())),
                );
            for (verb, path) in working {
                ui.separator();
                ui.spinner();
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ui.label(format!("{verb} {name}…"));
            }
            if let Some((text, at)) = &self.notice
                && at.elapsed() < Duration::from_secs(NOTICE_SECONDS)
            {
                ui.separator();
                ui.label(text);
            }
        });
    }

    /// The left panel: the legend over the list of actors.
    fn sidebar(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.add_space(4.0);
        ui.heading("Legend");
        let legend = ui::LegendView {
            dataset: &self.dataset,
            summary: &self.summary,
            looks: &self.looks,
            filter: &self.state.filter,
            size_by: &self.state.size_by,
            size_attributes: &self.size_attributes,
            file_looks: self.has_file_looks.then_some(self.state.file_looks),
            file_colours: &self.file_colours,
            plain_lines: self.scene.edge_buffers.plain_lines && self.state.main_view == MainView::Graph,
        };
        // The legend takes what it needs up to half the panel; the actor list the rest.
        egui::ScrollArea::vertical()
            .id_salt("legend-scroll")
            .max_height(ui.available_height() * 0.5)
            .show(ui, |ui| commands.extend(ui::legend(ui, &legend)));
        ui.separator();
        ui.heading("Actors");
        commands.extend(ui::actor_list(
            ui,
            (&self.dataset, &self.looks, &self.state.filter, self.state.file_looks),
            &self.actor_list,
            &mut self.actor_filter,
            self.selection,
        ));
        commands
    }

    fn main_area(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let toolbar_state = ToolbarState {
            main_view: self.state.main_view,
            focus_depth: self.state.focus_depth,
            outside_focus: self.state.outside_focus,
            focus_among_neighbours: self.state.focus_among_neighbours,
            focus_available: self.focus_actor.is_some(),
            any_pinned: (0..self.dataset.actors.len()).any(|a| self.scene.is_pinned(a)),
        };
        let mut commands = ui::toolbar(ui, &self.dataset, &mut self.search, &toolbar_state);
        ui.separator();
        match self.state.main_view {
            MainView::Graph => {
                if let Some(timeline) = &self.timeline {
                    let view = ui::TimelineView {
                        years: timeline.years,
                        window: self.state.time_window,
                        histogram: &timeline.histogram,
                        playing: self.playing.is_some(),
                        speed: self.state.play_speed,
                        undated: timeline.undated,
                    };
                    let strip = egui::Panel::bottom("timeline").show(ui, |ui| commands.extend(ui::timeline(ui, &view)));
                    self.timeline_rect = Some(strip.response.rect);
                }
                commands.extend(ui::graph::graph_canvas(ui, &mut self.scene, &self.dataset, &self.index));
            }
            MainView::Table => {
                self.table.refresh(
                    &self.dataset,
                    &self.index,
                    &self.visibility,
                    self.focus().is_some(),
                    self.view_revision,
                );
                commands.extend(ui::relation_table(
                    ui,
                    &self.dataset,
                    &self.index,
                    &self.looks,
                    &mut self.table,
                    self.selection,
                ));
                self.state.table_sort = (self.table.sort, self.table.descending);
            }
        }
        commands
    }
}

fn layout_key(dataset: &Dataset) -> String {
    format!("{:016x}", dataset.structure_key())
}

fn saved_layout<'a>(state: &'a PersistedState, dataset: &Dataset) -> Option<&'a SavedPositions> {
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

/// Files dropped on the window, opened one at a time (the last one wins).
fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| i.raw.dropped_files.last().map(|f| f.path().to_path_buf()))
        .filter(|p| !p.as_os_str().is_empty())
}

fn drop_hint(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::new("drop-hint")));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a dataset to open it\nHold Shift to add it to this one",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_background(&ctx);
        self.advance_play(&ctx);
        self.refresh_view();
        // A dialog over the window takes the keys (Escape cancels it, Enter confirms).
        let dialog_open = self.overlay.is_some() || self.edits.asking.is_some() || self.mapping_review.is_some();
        let mut commands = if dialog_open {
            Vec::new()
        } else {
            ui::shortcuts::dispatch(&ctx)
        };
        if let Some(path) = dropped_file(&ctx) {
            // Shift adds the file to the dataset on screen, as File › Add Dataset does.
            commands.push(if ctx.input(|i| i.modifiers.shift) {
                Command::AddDatasetFile(path)
            } else {
                Command::OpenFile(path)
            });
        }

        let menu_state = MenuState {
            theme: self.state.theme,
            main_view: self.state.main_view,
            recent_files: &self.state.recent_files,
            has_file: matches!(self.origin, Origin::File(_)),
            watch_file: self.state.watch_file,
            edited: self.edits.unsaved,
            has_attribute_reading: matches!((&self.origin, &self.file_proposal), (Origin::File(open), Some((read, _))) if open == read),
        };
        egui::Panel::top("menu_bar").show(ui, |ui| commands.extend(ui::menu_bar(ui, &menu_state)));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));
        // Side panels give way in a small window, so the graph keeps most of it.
        let width = ctx.content_rect().width();
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size((width * 0.19).clamp(180.0, 240.0))
            .min_size(180.0)
            .max_size((width * 0.3).max(180.0))
            .show(ui, |ui| commands.extend(self.sidebar(ui)));
        egui::Panel::right("details")
            .resizable(true)
            .default_size((width * 0.29).clamp(260.0, 380.0))
            .min_size(240.0)
            .max_size((width * 0.4).max(240.0))
            .show(ui, |ui| {
                ui.add_space(4.0);
                commands.extend(ui::details_panel(
                    ui,
                    &self.dataset,
                    &self.looks,
                    &self.summary,
                    &self.index,
                    self.selection,
                ));
            });
        egui::CentralPanel::default().show(ui, |ui| commands.extend(self.main_area(ui)));

        if let Some(problems) = self.problems.as_ref().filter(|p| p.visible)
            && let Some(command) = ui::diagnostics_window(&ctx, &problems.title, &problems.diagnostics)
        {
            commands.push(command);
        }
        if let Some(window) = self.info_window
            && !ui::info_window(&ctx, window)
        {
            self.info_window = None;
        }
        drop_hint(&ctx);
        if let Some(command) = self.mapping_dialog(&ctx) {
            commands.push(command);
        }
        if let Some(review) = self.overlay_review() {
            commands.extend(ui::overlay_dialog(&ctx, review));
        }
        if let Some(action) = &self.edits.asking
            && let Some(command) = ui::unsaved_dialog(&ctx, &self.dataset.title, action.describe())
        {
            commands.push(command);
        }

        if !commands.is_empty() {
            // Some commands (fit, centre, filters) take effect on the next frame.
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command, &ctx);
        }
        self.refresh_view();
        self.intercept_close(&ctx);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_layout();
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use egui::ThemePreference;

    use super::*;
    use crate::model::ActorKind;

    #[derive(Default)]
    struct MemoryStorage(HashMap<String, String>);

    impl eframe::Storage for MemoryStorage {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }

        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }

        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }

        fn flush(&mut self) {}
    }

    #[test]
    fn view_settings_survive_a_restart() {
        let mut state = PersistedState {
            theme: ThemePreference::Light,
            focus_depth: 2,
            ..Default::default()
        };
        state.filter.hidden_relation_kinds.insert("war".into());
        state.filter.hidden_actor_kinds.insert(ActorKind::Coalition.into());
        state
            .layouts
            .push(("0123".into(), vec![("north_korea".into(), 1.5, -2.0, true)]));
        state.recent_files.push(PathBuf::from("/data/a.graphml"));
        let mut storage = MemoryStorage::default();
        eframe::set_value(&mut storage, eframe::APP_KEY, &state);
        assert_eq!(PersistedState::load(Some(&storage)), state);
    }

    #[test]
    fn a_corrupt_or_missing_saved_state_gives_defaults() {
        let mut storage = MemoryStorage::default();
        assert_eq!(PersistedState::load(Some(&storage)), PersistedState::default());
        eframe::Storage::set_string(
            &mut storage,
            eframe::APP_KEY,
            "(theme: Dark, filter: {{{ not ron".into(),
        );
        let (state, problem) = PersistedState::load_or_explain(Some(&storage));
        assert_eq!(state, PersistedState::default());
        assert!(
            problem.is_some_and(|p| p.contains("could not be read")),
            "the user is told"
        );
        assert_eq!(PersistedState::load(None), PersistedState::default());
    }

    #[test]
    fn recent_files_are_most_recent_first_without_repeats_and_bounded() {
        let mut state = PersistedState::default();
        for i in 0..15 {
            state.add_recent_file(PathBuf::from(format!("/nowhere/{i}.json")));
        }
        state.add_recent_file(PathBuf::from("/nowhere/7.json"));
        assert_eq!(state.recent_files.len(), persisted::REMEMBERED_FILES);
        assert_eq!(state.recent_files[0], PathBuf::from("/nowhere/7.json"));
        assert_eq!(state.recent_files.iter().filter(|p| p.ends_with("7.json")).count(), 1);
    }
}
