//! The window, frame by frame: the menus, the side panels, the graph or the table, the status
//! bar and the dialogs over them. Each draws through a `ui` function and returns commands.

use std::path::PathBuf;

use super::App;
use super::document::file_name;
use crate::ui::{self, Command, MainView, MenuState, ToolbarState};

impl App {
    /// One frame: background work, then the window, then the commands it gave.
    pub(super) fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_background(&ctx);
        self.poll_metrics(&ctx);
        self.advance_play(&ctx);
        self.answer_paths();
        self.refresh_view();
        // A dialog over the window takes the keys (Escape cancels it, Enter confirms).
        let dialog_open = self.is_reviewing_added_dataset()
            || self.edits.asking.is_some()
            || self.mapping_review.is_some()
            || self.recovery.offer.is_some()
            || self.editing.confirm_delete.is_some()
            || self.editing.refusal.is_some();
        // Keys act before the window is drawn, so what they change (an undo, a new form) is
        // drawn in this frame rather than the next.
        if !dialog_open {
            let pressed = ui::shortcuts::dispatch(&ctx);
            if !pressed.is_empty() {
                ctx.request_repaint();
            }
            for command in pressed {
                self.apply(command, &ctx);
            }
            self.refresh_view();
        }
        let mut commands = Vec::new();
        let source_form_open = matches!(self.editing.form, Some(crate::ui::forms::Form::Source(_)));
        if let Some(path) = dropped_file(&ctx) {
            commands.push(if source_form_open {
                // A file dropped on an open source form is its text.
                Command::AttachSourceTextFile(path)
            } else if ctx.input(|i| i.modifiers.shift) {
                // Shift adds the file to the dataset on screen, as File › Add Dataset does.
                Command::AddDatasetFile(path)
            } else {
                Command::OpenFile(path)
            });
        }
        commands.extend(self.panels(ui));
        commands.extend(self.dialogs(&ctx));
        if !commands.is_empty() {
            // Some commands (fit, centre, filters) take effect on the next frame.
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command, &ctx);
        }
        self.answer_paths();
        self.refresh_view();
        self.journal_edits();
        self.intercept_close(&ctx);
        self.update_title(&ctx);
    }

    fn panels(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let menu_state = MenuState {
            theme: self.state.theme,
            main_view: self.state.main_view,
            recent_files: &self.state.recent_files,
            has_file: self.doc.file().is_some(),
            watch_file: self.state.watch_file,
            edited: self.edits.unsaved,
            undo: self.doc.history.next_undo(),
            redo: self.doc.history.next_redo(),
            has_attribute_reading: self
                .doc
                .reading
                .as_ref()
                .is_some_and(|(read, _)| self.doc.file() == Some(read)),
        };
        egui::Panel::top("menu_bar").show(ui, |ui| commands.extend(ui::menu_bar(ui, &menu_state)));
        egui::Panel::bottom("status_bar").show(ui, |ui| commands.extend(self.status_bar(ui)));
        // Side panels give way in a small window, so the graph keeps most of it.
        let width = ui.ctx().content_rect().width();
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
                let views = &self.doc.views;
                if let Some(form) = &mut self.editing.form {
                    commands.extend(ui::forms::form_panel(ui, (&self.doc.dataset, &views.index), form));
                    return;
                }
                if self.paths.is_some() {
                    if self.view.selection.is_none() {
                        commands.extend(self.paths_panel(ui));
                        return;
                    }
                    if ui.button("← Back to Find Paths").on_hover_text("Esc").clicked() {
                        commands.push(Command::ClearSelection);
                    }
                }
                let views = &self.doc.views;
                let visibility = &self.view.visibility;
                let compared = self
                    .state
                    .time_window
                    .filter(|w| w.compare && !visibility.changes.is_empty())
                    .map(|w| ui::ComparedYears {
                        before: w.span.from.min(w.span.to),
                        after: w.span.from.max(w.span.to),
                        changes: &visibility.changes,
                        shown: &visibility.relations,
                    });
                commands.extend(ui::details_panel(
                    ui,
                    (&self.doc.dataset, &views.looks, &views.summary, &views.index),
                    &views.quotes,
                    self.view.selection,
                    compared.as_ref(),
                ));
            });
        if self.reader_open() {
            egui::Panel::right("reader")
                .resizable(true)
                .default_size((width * 0.3).clamp(300.0, 440.0))
                .min_size(240.0)
                .max_size((width * 0.5).max(240.0))
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    commands.extend(self.reader_panel(ui));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| commands.extend(self.main_area(ui)));
        commands
    }

    /// What floats over the window: problems, information, the questions the app asks.
    fn dialogs(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(problems) = self.notices.problems.as_ref().filter(|p| p.visible) {
            commands.extend(ui::diagnostics_window(ctx, &problems.title, &problems.diagnostics));
        }
        if let Some(window) = self.notices.info_window {
            commands.extend(ui::info_window(ctx, window));
        }
        if self.notices.history_shown {
            let history = &self.doc.history;
            let view = ui::HistoryView {
                steps: history.steps().map(|s| s.label.as_str()).collect(),
                position: history.position(),
            };
            commands.extend(ui::history_window(ctx, &view));
        }
        drop_hint(
            ctx,
            if matches!(self.editing.form, Some(crate::ui::forms::Form::Source(_))) {
                "Drop a text, Markdown or web-page file\nto use it as the source's text"
            } else {
                "Drop a dataset to open it\nHold Shift to add it to this one"
            },
        );
        commands.extend(self.mapping_dialog(ctx));
        if let Some(review) = self.add_dataset_review() {
            commands.extend(ui::add_dataset_dialog(ctx, review));
        }
        if let Some((name, written)) = self.journal_offered() {
            commands.extend(ui::recovery_dialog(ctx, &name, written));
        }
        if let Some((title, why)) = &self.editing.refusal {
            commands.extend(ui::refusal_dialog(ctx, title, why));
        }
        if let Some(actor) = self.editing.confirm_delete {
            commands.extend(ui::delete_dialog(ctx, &self.doc.dataset, &self.doc.views.index, actor));
        }
        if let Some(action) = &self.edits.asking {
            commands.extend(ui::unsaved_dialog(ctx, &self.doc.dataset.title, action.describe()));
        }
        commands
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let dataset = &self.doc.dataset;
        let origin = self
            .doc
            .file()
            .map_or_else(|| self.doc.name(), |path| path.display().to_string());
        let hidden = if self.state.main_view == MainView::Graph {
            dataset.relations.len().saturating_sub(self.scene.edges().len())
        } else {
            0
        };
        let problems = self.notices.problems.as_ref().map(|problems| {
            let notes = problems.diagnostics.iter().filter(|d| d.code == "no-evidence").count();
            (problems.diagnostics.len() - notes, notes)
        });
        let opening = self
            .loading
            .as_ref()
            .filter(|l| l.worth_showing() && !l.quiet)
            .map(|l| ("Opening", file_name(&l.path)));
        let view = ui::StatusView {
            unsaved: self.edits.unsaved,
            origin: &origin,
            actors: dataset.actors.len(),
            relations: dataset.relations.len(),
            hidden,
            untrusted: self.view.visibility.untrusted,
            laying_out: self.scene.layout_running(),
            problems,
            working: opening.into_iter().chain(self.add_dataset_progress()).collect(),
            message: self.notices.status(),
        };
        ui::status_bar(ui, &view)
    }

    /// The left panel: the legend over the list of actors.
    fn sidebar(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.add_space(4.0);
        ui.heading("Legend");
        let views = &self.doc.views;
        let collapsed_blocs: Vec<bool> = self
            .metrics
            .latest()
            .map(|m| m.blocs.iter().map(|members| self.is_bloc_collapsed(members)).collect())
            .unwrap_or_default();
        let legend = ui::LegendView {
            dataset: &self.doc.dataset,
            summary: &views.summary,
            looks: &views.looks,
            filter: &self.state.filter,
            evidence: &self.state.evidence_filter,
            size_by: &self.state.size_by,
            size_attributes: &views.size_attributes,
            file_looks: views.has_file_looks.then_some(self.state.file_looks),
            file_colours: &views.file_colours,
            colour_by: self.state.colour_by,
            metrics: self.metrics.latest().map(AsRef::as_ref),
            collapsed_blocs: &collapsed_blocs,
            hostile: self.state.metrics_hostile,
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
            (
                &self.doc.dataset,
                &views.looks,
                &self.state.filter,
                self.state.file_looks,
            ),
            &views.actor_list,
            &mut self.actor_filter,
            self.view.selection,
        ));
        commands
    }

    /// The toolbar over the graph (with its timeline) or the table of relations.
    fn main_area(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let dataset = &self.doc.dataset;
        let toolbar_state = ToolbarState {
            main_view: self.state.main_view,
            focus_depth: self.state.focus_depth,
            outside_focus: self.state.outside_focus,
            focus_among_neighbours: self.state.focus_among_neighbours,
            focus_available: self.view.focus_actor.is_some(),
            any_pinned: (0..dataset.actors.len()).any(|a| self.scene.is_pinned(a)),
        };
        let mut commands = ui::toolbar(ui, dataset, &mut self.search, &toolbar_state);
        ui.separator();
        let views = &self.doc.views;
        let draw_graph_next_frame = std::mem::take(&mut self.view.draw_graph_next_frame);
        match self.state.main_view {
            MainView::Graph => {
                if let Some(timeline) = &views.timeline {
                    let view = ui::TimelineView {
                        years: timeline.years,
                        window: self.state.time_window,
                        histogram: &timeline.histogram,
                        playing: self.player.is_playing(),
                        speed: self.state.play_speed,
                        undated: timeline.undated,
                        changed: self.view.changes_shown(),
                    };
                    let panel = egui::Panel::bottom("timeline").show(ui, |ui| ui::timeline(ui, &view));
                    self.view.timeline_rect = Some(panel.response.rect);
                    self.view.time_strip = panel.inner.strip;
                    commands.extend(panel.inner.commands);
                }
                if draw_graph_next_frame {
                    ui.ctx().request_repaint();
                } else {
                    commands.extend(ui::graph::graph_canvas(ui, &mut self.scene, dataset, &views.index));
                }
            }
            MainView::Table => {
                let focused = self.focus().is_some();
                let table = &mut self.view.table;
                table.refresh(
                    dataset,
                    &views.index,
                    &self.view.visibility,
                    focused,
                    self.view.revision,
                );
                commands.extend(ui::relation_table(
                    ui,
                    dataset,
                    &views.index,
                    &views.looks,
                    table,
                    self.view.selection,
                ));
                self.state.table_sort = (table.sort, table.descending);
            }
            MainView::Actors => {
                let metrics = self.metrics.latest().map(AsRef::as_ref);
                let updating = self.is_computing_metrics();
                let table = &mut self.view.actor_table;
                table.refresh(dataset, &self.view.visibility, metrics, self.view.revision);
                let shown = ui::MetricsShown {
                    metrics,
                    updating,
                    hostile: self.state.metrics_hostile,
                };
                commands.extend(ui::actor_table(
                    ui,
                    (dataset, &views.looks),
                    &shown,
                    table,
                    self.view.selection,
                ));
            }
        }
        commands
    }

    /// "● name — Entente" while there are unsaved edits, as desktop apps mark them.
    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.edits.unsaved { "● " } else { "" };
        let title = format!("{mark}{} — Entente", self.doc.name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// Files dropped on the window, opened one at a time (the last one wins).
fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| i.raw.dropped_files.last().map(|f| f.path().to_path_buf()))
        .filter(|p| !p.as_os_str().is_empty())
}

fn drop_hint(ctx: &egui::Context, hint: &str) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::new("drop-hint")));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        hint,
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
