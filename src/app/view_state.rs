//! What of the dataset is shown: the selection, the actor Focus is on, what the filters leave
//! visible, and the relation table. Worked out again once a frame when something changed.

use super::App;
use crate::model::{Change, Focus, ViewQuery, Visibility};
use crate::ui::graph::{SceneLook, actor_radii};
use crate::ui::{RelationTableState, Selection};

pub struct ViewState {
    pub selection: Option<Selection>,
    /// The actor Focus is on: the last actor selected. Selecting one of its relations keeps it.
    pub focus_actor: Option<usize>,
    pub visibility: Visibility,
    /// Set by what changes what is visible; the graph is rebuilt once, at the end of the frame.
    pub dirty: bool,
    /// Counts the times what is visible was worked out, so views of it know when to catch up.
    pub revision: u64,
    pub table: RelationTableState,
    pub actor_table: crate::ui::ActorTableState,
    /// Where the timeline was drawn last frame.
    pub timeline_rect: Option<egui::Rect>,
    /// The timeline's strip of years, when the time filter is on.
    pub time_strip: Option<egui::Rect>,
    /// Where deleted actors were drawn, for when an undo brings them back.
    pub removed_positions: super::editing::RemovedPositions,
    /// A big dataset went on screen this frame: the graph is first drawn in the next, so that
    /// building it and drawing it are not one long frame.
    pub draw_graph_next_frame: bool,
}

impl ViewState {
    pub fn new(table: RelationTableState) -> Self {
        Self {
            selection: None,
            focus_actor: None,
            visibility: Visibility::default(),
            dirty: true,
            revision: 0,
            table,
            actor_table: Default::default(),
            timeline_rect: None,
            time_strip: None,
            removed_positions: Default::default(),
            draw_graph_next_frame: false,
        }
    }

    /// When comparing two years: how many of the relations shown began, and how many ended.
    pub fn changes_shown(&self) -> Option<(usize, usize)> {
        if self.visibility.changes.is_empty() {
            return None;
        }
        let shown = |change: Change| {
            self.visibility
                .changes
                .iter()
                .zip(&self.visibility.relations)
                .filter(|(c, emphasis)| **c == Some(change) && emphasis.is_some())
                .count()
        };
        Some((shown(Change::Began), shown(Change::Ended)))
    }
}

impl App {
    /// Focus, when it is on and has an actor.
    pub(super) fn focus(&self) -> Option<Focus> {
        let actor = self.view.focus_actor.filter(|_| self.state.focus_depth > 0)?;
        Some(Focus {
            actor,
            depth: self.state.focus_depth,
            among_neighbours: self.state.focus_among_neighbours,
        })
    }

    pub(super) fn select(&mut self, selection: Option<Selection>) {
        self.view.selection = selection;
        self.scene.set_selection(selection);
        // Focus follows the actor last selected, and stays on while its relations are read.
        let focus_actor = match selection {
            Some(Selection::Actor(actor)) => Some(actor),
            Some(Selection::Relation(_)) => self.view.focus_actor,
            None => None,
        };
        if focus_actor != self.view.focus_actor {
            self.view.focus_actor = focus_actor;
            if self.state.focus_depth > 0 {
                self.view.dirty = true;
            }
        }
    }

    /// Sizes actors by what the user chose, or by the file's own sizes.
    pub(super) fn apply_sizes(&mut self) {
        let views = &self.doc.views;
        let file_sizes = self.state.file_looks && views.has_file_looks;
        let centrality = match self.state.size_by {
            crate::model::SizeBy::Centrality(c) => self.centrality_values(c),
            _ => None,
        };
        let radii = actor_radii(
            &self.doc.dataset,
            &views.index,
            &self.state.size_by,
            file_sizes,
            centrality.as_deref(),
        );
        self.scene.set_radii(radii);
        self.view.dirty = true;
    }

    /// Works out what is visible and rebuilds the drawn graph, if anything changed.
    pub(super) fn refresh_view(&mut self) {
        if !self.view.dirty {
            return;
        }
        let query = ViewQuery {
            filter: &self.state.filter,
            evidence: &self.state.evidence_filter,
            focus: self.focus(),
            outside_focus: self.state.outside_focus,
            time: self.state.time_window,
        };
        let views = &self.doc.views;
        let mut visibility = Visibility::compute(&self.doc.dataset, &views.index, &query);
        self.highlight_path(&mut visibility);
        let collapsed = self.collapsed_blocs();
        if let Some(collapsed) = &collapsed {
            hide_collapsed(&mut visibility, collapsed);
        }
        self.view.visibility = visibility;
        let colours = self.actor_colours();
        let views = &self.doc.views;
        let look = SceneLook {
            looks: &views.looks,
            file_looks: self.state.file_looks,
            actor_colours: colours.as_deref(),
            collapsed: collapsed.as_ref(),
            relations: views.index.relation_facts(),
        };
        self.scene
            .rebuild(&self.doc.dataset, &self.view.visibility, self.view.selection, look);
        self.scene.focus_on = query.focus.is_some();
        self.view.revision += 1;
        self.view.dirty = false;
    }
}

/// A collapsed bloc shows as the actor that stands for it (shown if any of its actors is), the
/// others hidden.
fn hide_collapsed(visibility: &mut Visibility, collapsed: &crate::ui::graph::Collapsed) {
    for (a, &lead) in collapsed.drawn_as.iter().enumerate() {
        let lead = lead as usize;
        if lead == a {
            continue;
        }
        let shown = visibility.actors.get(a).copied().flatten();
        if let Some(slot) = visibility.actors.get_mut(lead)
            && slot.is_none_or(|e| e == crate::model::Emphasis::Dimmed)
            && shown.is_some()
        {
            *slot = shown;
        }
        if let Some(slot) = visibility.actors.get_mut(a) {
            *slot = None;
        }
    }
}
