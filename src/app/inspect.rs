//! What the app tells its tests (and any tool that drives it) about its state: what is on
//! screen, where, and what it is busy with. Read-only.

use std::path::PathBuf;

use super::App;
use super::document::Origin;
use crate::model::{Dataset, Emphasis, KindFilter, TimeWindow};
use crate::ui::graph::{DrawnActor, PlacedLabel};
use crate::ui::{KindLooks, Selection};

impl App {
    /// True while a file is being read or added, a file dialog is open, or a replaced dataset
    /// is still being freed.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some()
            || self.is_adding()
            || self.dialog.is_some()
            || self.freeing.as_ref().is_some_and(|f| !f.is_finished())
    }

    pub fn dataset(&self) -> &Dataset {
        &self.doc.dataset
    }

    pub fn origin(&self) -> &Origin {
        &self.doc.origin
    }

    /// What checking evidence item `evidence` of relation `relation` against its source's text found.
    pub fn quote_check(&self, relation: usize, evidence: usize) -> &crate::model::QuoteCheck {
        self.doc.views.quotes.get(relation, evidence)
    }

    /// The message in the status bar, while it is shown.
    pub fn status_message(&self) -> Option<&str> {
        self.notices.status()
    }

    pub fn selection(&self) -> Option<Selection> {
        self.view.selection
    }

    pub fn evidence_filter(&self) -> &crate::model::EvidenceFilter {
        &self.state.evidence_filter
    }

    pub fn filter(&self) -> &KindFilter {
        &self.state.filter
    }

    pub fn recent_files(&self) -> &[PathBuf] {
        &self.state.recent_files
    }

    /// How many datasets have been put on screen since start (each reload counts).
    pub fn dataset_generation(&self) -> u64 {
        self.doc.generation
    }

    /// True while there are edits not yet saved to a file.
    pub fn has_unsaved_edits(&self) -> bool {
        self.edits.unsaved
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// How each kind is drawn in the dataset on screen.
    pub fn kind_looks(&self) -> &KindLooks {
        &self.doc.views.looks
    }

    pub fn is_pinned(&self, actor: usize) -> bool {
        self.scene.is_pinned(actor)
    }

    /// True while the force layout is still moving actors.
    pub fn is_laying_out(&self) -> bool {
        self.scene.layout_running()
    }

    /// Where an actor was drawn last frame, in window coordinates.
    pub fn actor_screen_position(&self, actor: usize) -> Option<egui::Pos2> {
        self.scene.actor_screen_position(actor)
    }

    /// Where the actor is in layout space.
    pub fn actor_layout_position(&self, actor: usize) -> Option<crate::layout::Vec2> {
        self.scene.actor_position(actor)
    }

    /// Each actor's radius as drawn, in layout units.
    pub fn actor_radius(&self, actor: usize) -> f32 {
        self.scene.radius(actor)
    }

    /// How an actor is drawn: its colour and outline, and whether it is faded (outside what
    /// the selection brings forward, or dimmed by Focus or time); `None` when hidden.
    pub fn drawn_actor(&self, actor: usize) -> Option<DrawnActor> {
        self.scene.drawn_actor(actor)
    }

    /// Where the graph canvas was on screen last frame.
    pub fn graph_area(&self) -> egui::Rect {
        self.scene.camera.canvas
    }

    /// The graph view's zoom factor last frame.
    pub fn zoom(&self) -> f32 {
        self.scene.camera.zoom
    }

    /// How many relations the graph draws right now.
    pub fn drawn_relation_count(&self) -> usize {
        self.scene.edges().len()
    }

    /// Where a relation's midpoint was drawn last frame, in window coordinates.
    pub fn relation_screen_position(&self, relation: usize) -> Option<egui::Pos2> {
        crate::ui::graph::relation_screen_position(&self.scene, relation)
    }

    /// The relation under the resting pointer, whose tooltip shows and whose line glows.
    pub fn hovered_relation(&self) -> Option<usize> {
        self.scene.hovered_relation
    }

    /// How a relation is drawn right now: `None` when hidden.
    pub fn relation_emphasis(&self, relation: usize) -> Option<Emphasis> {
        self.view.visibility.relation(relation)
    }

    /// True when the spotlight (the selected or hovered actor or relation) brings this relation forward.
    pub fn is_brought_forward(&self, relation: usize) -> bool {
        self.scene.spotlight().is_some_and(|s| s.has_relation(relation))
    }

    /// The labels drawn last frame, with where they are in the window.
    pub fn drawn_labels(&self) -> &[PlacedLabel] {
        &self.scene.placed_labels
    }

    /// The actors the actor table lists, in its order.
    pub fn actor_table_rows(&self) -> &[usize] {
        self.view.actor_table.rows()
    }

    /// The metrics last worked out, if any.
    pub fn metrics(&self) -> Option<&crate::analysis::Metrics> {
        self.metrics.latest().map(AsRef::as_ref)
    }

    /// The relations the table lists, in its order.
    pub fn table_rows(&self) -> &[usize] {
        self.view.table.rows()
    }

    pub fn time_window(&self) -> Option<TimeWindow> {
        self.state.time_window
    }

    /// Whether the year is moving on by itself.
    pub fn is_playing(&self) -> bool {
        self.player.is_playing()
    }

    /// Where the timeline was drawn last frame, when it was.
    pub fn timeline_area(&self) -> Option<egui::Rect> {
        self.view.timeline_rect
    }

    /// With two years compared: how the relation changed between them.
    pub fn relation_change(&self, relation: usize) -> Option<crate::model::Change> {
        self.view.visibility.changes.get(relation).copied().flatten()
    }

    /// Where on the timeline's strip a user clicks to see the alliances as of `year`.
    pub fn timeline_year_position(&self, year: i32) -> Option<egui::Pos2> {
        let years = self.doc.views.timeline.as_ref()?.years;
        Some(crate::ui::year_position(self.view.time_strip?, years, year))
    }

    /// True while the app asks whether to restore edits journaled before a crash.
    pub fn is_offering_recovery(&self) -> bool {
        self.recovery.offer.is_some()
    }

    /// True while a file waits for the user to say how to read its attributes.
    pub fn is_asking_how_to_read(&self) -> bool {
        self.mapping_review.is_some()
    }
}
