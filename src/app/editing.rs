//! The user's changes to the dataset, put on screen. A change that puts nothing in and takes
//! nothing out is made in place, and only what it touches is worked out again; one that does
//! keeps the picture as it was, with new actors where the user asked for them.

use std::collections::HashMap;
use std::sync::Arc;

use super::App;
use super::derived::Derived;
use crate::layout::{LayoutStart, Vec2};
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
        let focus_id = self
            .view
            .focus_actor
            .and_then(|a| self.doc.dataset.actors.get(a))
            .map(|a| a.id.clone());
        for part in edit.parts() {
            if let Part::Actor(slot) = part
                && slot.item(forward).is_none()
                && let Some(gone) = slot.replaced(forward)
                && let Some(p) = self
                    .doc
                    .views
                    .index
                    .actor(&gone.id)
                    .and_then(|a| self.scene.actor_position(a))
            {
                self.view.removed_positions.insert(gone.id.clone(), p);
            }
        }
        let middle = self.scene.camera.to_layout(self.scene.camera.canvas.center());
        // Clear of the actors already there by about 60 points on screen.
        let gap = 60.0 / self.scene.camera.zoom.max(1e-3);
        let taken: Vec<Vec2> = (0..self.doc.dataset.actors.len())
            .filter_map(|a| self.scene.actor_position(a))
            .collect();
        edit.apply(&mut self.doc.dataset, forward);
        // Every actor where it was, found by id through the lookups as they were before the
        // edit; those put in where the user asked (or where they were before a deletion).
        let old_index = &self.doc.views.index;
        let actors = &self.doc.dataset.actors;
        let mut positions = Vec::with_capacity(actors.len());
        let mut label_sizes = Vec::with_capacity(actors.len());
        let mut pinned = Vec::new();
        for (i, actor) in actors.iter().enumerate() {
            let old = old_index.actor(&actor.id);
            let position = old.and_then(|old| self.scene.actor_position(old));
            positions.push(match position {
                Some(p) => p,
                None => self
                    .view
                    .removed_positions
                    .remove(&actor.id)
                    .or(at)
                    .unwrap_or_else(|| free_spot(middle, &taken, gap)),
            });
            label_sizes.push(old.and_then(|old| self.scene.label_sizes.get(old).copied().flatten()));
            if old.is_some_and(|old| self.scene.is_pinned(old)) {
                pinned.push(i);
            }
        }
        let (lanes, touched) = carried_lanes(self.scene.lanes(), edit, forward);
        self.doc.views.follow(&self.doc.dataset, edit, forward);
        let index = &self.doc.views.index;
        let mut pairs: Vec<(u32, u32)> = touched
            .iter()
            .filter_map(|(from, to)| {
                Some((
                    u32::try_from(index.actor(from)?).ok()?,
                    u32::try_from(index.actor(to)?).ok()?,
                ))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let start = LayoutStart::after_edit(index, positions, lanes, &pairs);
        let scene = GraphScene::placed(start, &pinned, label_sizes, &self.ctx);
        let old_scene = std::mem::replace(&mut self.scene, scene);
        self.scene.keep_view_of(&old_scene);
        self.freeing = Some(std::thread::spawn(move || drop(old_scene)));
        let selection = selected.and_then(|(actor, id)| self.find(actor, &id));
        self.view.selection = selection;
        self.view.focus_actor = focus_id.and_then(|id| self.doc.views.index.actor(&id));
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

/// The lanes of the relations on screen, shifted as the edit puts relations in and takes them
/// out; and the pairs of actors (by id) whose relations it touched.
fn carried_lanes(lanes: &[f32], edit: &Edit, forward: bool) -> (Vec<f32>, Vec<(String, String)>) {
    let mut lanes = lanes.to_vec();
    let mut touched = Vec::new();
    for part in edit.parts_in_order(forward) {
        let Part::Relation(slot) = part else { continue };
        let at = slot.at();
        match (slot.item(forward), slot.replaced(forward)) {
            (Some(_), None) => lanes.insert(at.min(lanes.len()), 0.0),
            (None, Some(_)) if at < lanes.len() => {
                lanes.remove(at);
            }
            _ => {}
        }
        for relation in [slot.item(forward), slot.replaced(forward)].into_iter().flatten() {
            touched.push((relation.from.clone(), relation.to.clone()));
        }
    }
    (lanes, touched)
}

/// The point nearest `middle` (on a widening spiral) at least `gap` from every point `taken`:
/// where a new actor asked for from a menu shows, clear of the others.
fn free_spot(middle: Vec2, taken: &[Vec2], gap: f32) -> Vec2 {
    let clear = |p: Vec2| taken.iter().all(|&q| (p - q).length() >= gap);
    (0..200)
        .map(|step| {
            let turn = step as f32 * 0.7;
            let reach = gap * 0.35 * step as f32;
            middle + Vec2::new(turn.cos() * reach, turn.sin() * reach)
        })
        .find(|&p| clear(p))
        .unwrap_or(middle)
}
