//! Applying what the UI asks for. Each frame the UI functions return commands; the app
//! applies them here, once, at the end of the frame.

use super::App;
use super::background::DialogPurpose;
use super::player::Step;
use super::unsaved::Replacing;
use crate::model::{KindFilter, is_web_link};
use crate::ui::graph::ViewRequest;
use crate::ui::{Command, MainView, Selection};

impl App {
    pub(super) fn apply(&mut self, command: Command, ctx: &egui::Context) {
        if self.apply_edit_command(&command)
            || self.apply_paths_command(&command)
            || self.apply_reader_command(&command)
        {
            return;
        }
        match command {
            Command::Select(Selection::Actor(actor)) if self.form_takes_actor(actor) => {}
            // The edge picked for a quote is shown picked on the canvas too.
            Command::Select(Selection::Relation(relation)) if self.form_takes_relation(relation) => {
                self.select(Some(Selection::Relation(relation)));
            }
            Command::Select(Selection::Actor(actor)) if self.paths_take_actor(actor) => {}
            Command::Select(selection) => self.select(Some(selection)),
            // Escape closes an open form first, then clears the selection.
            Command::ClearSelection if self.editing.form.is_some() => self.editing.form = self.editing.waiting.take(),
            Command::ClearSelection if self.clear_chosen_path() => {}
            Command::ClearSelection => self.select(None),
            Command::CentreOn(actor) => self.scene.camera.request(ViewRequest::CentreOn(actor)),
            Command::FitView => self.scene.camera.request(ViewRequest::Fit),
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
            Command::RestartLayout => self.scene.restart_layout(&self.doc.dataset),
            Command::Pin { actor, at } => self.scene.pin(actor, at),
            Command::Dropped(actor) => self.scene.settle_around(actor),
            Command::Unpin(actor) => self.scene.unpin(actor),
            Command::UnpinAll => self.scene.unpin_all(),
            Command::FocusSearch => {
                self.state.main_view = MainView::Graph;
                ctx.memory_mut(|memory| memory.request_focus(crate::ui::search_field_id()));
            }
            Command::ShowWindow(window) => self.notices.info_window = Some(window),
            Command::CloseInfoWindow => self.notices.info_window = None,
            Command::ShowProblems => {
                if let Some(problems) = &mut self.notices.problems {
                    problems.visible = true;
                }
            }
            Command::DismissDiagnostics => {
                if let Some(problems) = &mut self.notices.problems {
                    problems.visible = false;
                }
            }
            Command::ReviewImportMapping => self.unless_edited(Replacing::ReadAgain),
            Command::ConfirmImportMapping(mapping) => self.confirm_import_mapping(mapping),
            Command::CancelImportMapping => self.cancel_import_mapping(),
            Command::ChooseActorsTable => self.start_dialog(DialogPurpose::ActorsTable),
            Command::GradeSource { source, grade } => {
                if let Some(grade) = self.doc.grade_source(&source, grade) {
                    self.take_edit(grade, None);
                }
            }
            Command::GradeEvidence { at, grade } => {
                if let Some(grade) = self.doc.grade_evidence(at, grade) {
                    self.take_edit(grade, None);
                }
            }
            Command::RestoreJournal => self.restore_journal(),
            Command::DiscardJournal => self.discard_journal(),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::GoToStep(position) => self.go_to_step(position),
            Command::ShowHistory(shown) => self.notices.history_shown = shown,
            other => self.apply_view_command(other),
        }
    }

    /// Commands about what the graph shows and how: the legend's filters, sizes, Focus, time.
    fn apply_view_command(&mut self, command: Command) {
        match command {
            Command::ShowRelationKind(kind, shown) => self.state.filter.show_relation_kind(kind, shown),
            Command::ShowActorKind(kind, shown) => self.state.filter.show_actor_kind(kind, shown),
            Command::ShowSource(source, shown) => self.state.filter.show_source(source, shown),
            Command::ShowAllKinds => self.state.filter = KindFilter::default(),
            Command::SetEvidenceFilter(filter) => self.state.evidence_filter = filter,
            Command::SetSizeBy(size_by) => {
                self.state.size_by = size_by;
                self.apply_sizes();
            }
            Command::CollapseBloc { bloc, collapsed } => {
                self.collapse_bloc(bloc, collapsed);
                self.view.dirty = true;
            }
            Command::SetHostile {
                for_paths: true,
                hostile,
            } => self.state.paths_hostile = hostile,
            Command::SetHostile {
                for_paths: false,
                hostile,
            } => self.state.metrics_hostile = hostile,
            Command::SetColourBy(colour_by) => {
                self.state.colour_by = colour_by;
                self.view.dirty = true;
            }
            Command::SetFileLooks(on) => {
                self.state.file_looks = on;
                self.apply_sizes();
            }
            Command::SetFocusAmongNeighbours(on) => self.state.focus_among_neighbours = on,
            Command::SetFocusDepth(depth) => {
                self.state.focus_depth = depth.min(2);
                // The view moves to what Focus now shows (or back to everything).
                if self.view.focus_actor.is_some() {
                    self.scene.camera.request(ViewRequest::Fit);
                }
            }
            Command::SetOutsideFocus(outside) => {
                self.state.outside_focus = outside;
                if self.focus().is_some() {
                    self.scene.camera.request(ViewRequest::Fit);
                }
            }
            Command::SetTimeWindow(window) => {
                if window.is_none() {
                    self.player.stop();
                }
                self.state.time_window = window;
            }
            Command::TogglePlay => {
                let years = self.doc.views.timeline.as_ref().map(|t| t.years);
                if let Some(years) = years
                    && let Some(window) = self.player.toggle(self.state.time_window, years)
                {
                    self.state.time_window = Some(window);
                }
            }
            Command::SetPlaySpeed(speed) => {
                self.state.play_speed = speed.clamp(0.1, 10.0);
                return;
            }
            file_command => {
                self.apply_file_command(file_command);
                return;
            }
        }
        self.view.dirty = true;
    }

    /// Commands about files: opening, adding, reloading, saving, quitting.
    fn apply_file_command(&mut self, command: Command) {
        match command {
            Command::OpenDialog => self.unless_edited(Replacing::OpenDialog),
            Command::OpenFile(path) => self.unless_edited(Replacing::OpenFile(path)),
            Command::AddDatasetDialog => self.start_dialog(DialogPurpose::AddDataset),
            Command::AddDatasetFile(path) => self.add_dataset_path(&path),
            Command::SetAddedMatch { incoming, base } => self.set_added_match(incoming, base),
            Command::ConfirmAddDataset => self.confirm_add_dataset(),
            Command::CancelAddDataset => self.cancel_add_dataset(),
            Command::Reload if self.doc.file().is_some() => self.unless_edited(Replacing::Reload),
            Command::ClearRecentFiles => self.state.recent_files.clear(),
            Command::SetWatchFile(watch) => {
                self.state.watch_file = watch;
                match (self.doc.file().cloned(), watch) {
                    (Some(path), true) => self.watch_file(&path),
                    _ => self.watch = None,
                }
            }
            Command::SaveAsDialog(format) => self.start_dialog(DialogPurpose::SaveAs(format)),
            Command::ExportViewDialog(image) => self.start_dialog(DialogPurpose::ExportImage(image)),
            Command::ExportBriefingDialog => self.start_dialog(DialogPurpose::ExportBriefing),
            Command::Save => self.save_to_own_file(),
            Command::ResolveUnsaved(choice) => self.resolve_unsaved(choice),
            Command::Quit => self.unless_edited(Replacing::Quit),
            _ => {}
        }
    }

    /// Moves the time window on while playing.
    pub(super) fn advance_play(&mut self, ctx: &egui::Context) {
        let Some(last) = self.doc.views.timeline.as_ref().map(|t| t.years.1) else {
            return;
        };
        if !self.player.is_playing() {
            return;
        }
        match self.player.advance(self.state.time_window, last, self.state.play_speed) {
            Step::Show(window) => {
                self.state.time_window = Some(window);
                self.view.dirty = true;
                ctx.request_repaint();
            }
            Step::Wait(after) => ctx.request_repaint_after(after),
            Step::Stopped => {}
        }
    }
}
