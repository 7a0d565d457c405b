//! Edit › Undo and Redo: the document's history, stepped back and forth, and what the window
//! must do when a step swaps the whole dataset (another dataset added, or taken away again).

use std::sync::Arc;

use super::App;
use super::derived::Derived;

impl App {
    pub(super) fn undo(&mut self) {
        self.step_history(false);
    }

    pub(super) fn redo(&mut self) {
        self.step_history(true);
    }

    /// Undoes or redoes until `position` steps are done: back (or forward) to just after
    /// one step of the history.
    pub(super) fn go_to_step(&mut self, position: usize) {
        while self.doc.history.position() > position && self.doc.history.next_undo().is_some() {
            self.undo();
        }
        while self.doc.history.position() < position && self.doc.history.next_redo().is_some() {
            self.redo();
        }
    }

    fn step_history(&mut self, forward: bool) {
        let step = if forward {
            self.doc.history.redo()
        } else {
            self.doc.history.undo()
        };
        let Some(step) = step.cloned() else {
            return;
        };
        if step.edit.replaces_dataset() {
            let mut dataset = Arc::clone(&self.doc.dataset);
            step.edit.apply(&mut dataset, forward);
            let derived = Derived::of(&dataset);
            self.show_dataset(dataset, derived, true);
        } else {
            step.edit.apply(&mut self.doc.dataset, forward);
            self.doc.revision += 1;
            self.view.dirty = true;
        }
        self.edits.unsaved = !self.doc.history.is_saved();
        let done = if forward { "Redone" } else { "Undone" };
        self.notify(format!("{done}: {}", step.label));
    }
}
