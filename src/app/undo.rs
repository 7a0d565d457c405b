//! Edit › Undo and Redo: the document's history, stepped back and forth, and what the window
//! must do when a step swaps the whole dataset (another dataset added, or taken away again).

use super::App;

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
        if step.edit.moves_items() {
            // A form open on what moved would point at the wrong item.
            self.editing = Default::default();
        }
        self.show_edit(&step.edit, forward, None);
        self.edits.unsaved = !self.doc.history.is_saved();
        let done = if forward { "Redone" } else { "Undone" };
        self.notify(format!("{done}: {}", step.label));
    }
}
