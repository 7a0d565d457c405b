//! The user's changes to the dataset, put on screen. A change that puts nothing in and takes
//! nothing out is made in place, and only what it touches is worked out again; one that does
//! keeps the picture as it was, with new actors where the user asked for them.

use std::collections::HashMap;
use std::sync::Arc;

use super::App;
use super::derived::Derived;
use crate::layout::{SavedPosition, Vec2};
use crate::model::{Edit, Part, Proposed, Step};
use crate::ui::Selection;
use crate::ui::graph::GraphScene;

/// Where actors taken out of the picture were, so that undoing brings them back there.
pub type RemovedPositions = HashMap<String, Vec2>;

impl App {
    /// Takes a checked change as one step of the history and shows it. `at` is where a new
    /// actor goes, in layout space (the middle of the view without one).
    pub fn take_edit(&mut self, proposed: Proposed, at: Option<Vec2>) {
        let Proposed { edit, label } = proposed;
        self.show_edit(&edit, true, at);
        self.doc.history.record(Step { edit, label });
        self.edits.unsaved = !self.doc.history.is_saved();
    }

    /// Makes `edit` (or takes it back) and brings what is on screen up to date.
    pub(super) fn show_edit(&mut self, edit: &Edit, forward: bool, at: Option<Vec2>) {
        if edit.replaces_dataset() {
            let mut dataset = Arc::clone(&self.doc.dataset);
            edit.apply(&mut dataset, forward);
            let derived = Derived::of(&dataset);
            self.show_dataset(dataset, derived, true);
            return;
        }
        if edit.moves_items() {
            self.show_moved_items(edit, forward, at);
        } else {
            edit.apply(&mut self.doc.dataset, forward);
            self.doc.views.follow(&self.doc.dataset, edit, forward);
            for part in edit.parts() {
                if let Part::Actor(slot) = part {
                    self.scene.forget_label(slot.at());
                }
            }
        }
        self.doc.revision += 1;
        self.view.dirty = true;
    }

    fn show_moved_items(&mut self, edit: &Edit, forward: bool, at: Option<Vec2>) {
        let selected = self.selected_id();
        let mut positions = self.scene.saved_positions(&self.doc.dataset);
        let inserted: Vec<String> = edit
            .parts()
            .iter()
            .filter_map(|part| match part {
                Part::Actor(slot) if slot.replaced(forward).is_none() => slot.item(forward).map(|a| a.id.clone()),
                _ => None,
            })
            .collect();
        for part in edit.parts() {
            if let Part::Actor(slot) = part
                && slot.item(forward).is_none()
                && let Some(gone) = slot.replaced(forward)
                && let Some(p) = positions.iter().find(|p| p.actor == gone.id)
            {
                self.view.removed_positions.insert(gone.id.clone(), Vec2::new(p.x, p.y));
            }
        }
        edit.apply(&mut self.doc.dataset, forward);
        let middle = self.scene.camera.to_layout(self.scene.camera.canvas.center());
        for id in inserted {
            let p = self.view.removed_positions.remove(&id).or(at).unwrap_or(middle);
            positions.push(SavedPosition {
                actor: id,
                x: p.x,
                y: p.y,
                pinned: false,
            });
        }
        let Derived { views, layout_start } = Derived::of(&self.doc.dataset);
        let dataset = &self.doc.dataset;
        let scene = GraphScene::from_start(layout_start, dataset, &views.index, Some(&positions), &self.ctx);
        let old_scene = std::mem::replace(&mut self.scene, scene);
        self.scene.keep_view_of(&old_scene);
        let old_views = std::mem::replace(&mut self.doc.views, views);
        self.freeing = Some(std::thread::spawn(move || drop((old_views, old_scene))));
        let selection = selected.and_then(|(actor, id)| self.find(actor, &id));
        self.view.selection = selection;
        if self
            .view
            .focus_actor
            .is_some_and(|a| a >= self.doc.dataset.actors.len())
            || selection.is_none()
        {
            self.view.focus_actor = match selection {
                Some(Selection::Actor(actor)) => Some(actor),
                _ => None,
            };
        }
        self.scene.set_selection(selection);
        self.apply_sizes();
    }

    /// The selected actor's or relation's id, which outlives its position in the dataset.
    fn selected_id(&self) -> Option<(bool, String)> {
        let dataset = &self.doc.dataset;
        match self.view.selection? {
            Selection::Actor(a) => dataset.actors.get(a).map(|a| (true, a.id.clone())),
            Selection::Relation(r) => dataset.relations.get(r).map(|r| (false, r.id.clone())),
        }
    }

    fn find(&self, actor: bool, id: &str) -> Option<Selection> {
        if actor {
            self.doc.views.index.actor(id).map(Selection::Actor)
        } else {
            self.doc
                .dataset
                .relations
                .iter()
                .position(|r| r.id == id)
                .map(Selection::Relation)
        }
    }
}
