//! The undo history: every change to the dataset is one step that can be taken back and made
//! again, named as the Edit menu names it. What only changes the view (zoom, pins, filters) is
//! not a step.

use super::Edit;

/// A step in the history: the change and what the user would call it ("Grade source
/// “Newsweek” B").
#[derive(Debug, Clone)]
pub struct Step {
    pub edit: Edit,
    pub label: String,
}

/// The steps taken, and those undone that can be redone.
#[derive(Debug, Clone)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    /// How many steps were done when the file was last saved (or opened); None when that
    /// state can no longer be reached (steps undone, then others taken).
    saved_at: Option<usize>,
}

impl Default for History {
    fn default() -> Self {
        Self {
            done: Vec::new(),
            undone: Vec::new(),
            saved_at: Some(0),
        }
    }
}

impl History {
    /// Records a step just taken; what was undone can no longer be redone.
    pub fn record(&mut self, step: Step) {
        if self.saved_at.is_some_and(|saved| saved > self.done.len()) {
            self.saved_at = None;
        }
        self.done.push(step);
        self.undone.clear();
    }

    /// Takes the last step back; the step, to apply backwards.
    pub fn undo(&mut self) -> Option<&Step> {
        let step = self.done.pop()?;
        self.undone.push(step);
        self.undone.last()
    }

    /// Takes the last undone step again; the step, to apply forwards.
    pub fn redo(&mut self) -> Option<&Step> {
        let step = self.undone.pop()?;
        self.done.push(step);
        self.done.last()
    }

    /// What Undo would take back.
    pub fn next_undo(&self) -> Option<&str> {
        self.done.last().map(|s| s.label.as_str())
    }

    /// What Redo would take again.
    pub fn next_redo(&self) -> Option<&str> {
        self.undone.last().map(|s| s.label.as_str())
    }

    /// Every step, oldest first: those taken, then those undone that could be redone.
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.done.iter().chain(self.undone.iter().rev())
    }

    /// How many of `steps` are taken: the dataset on screen is the one after that many.
    pub fn position(&self) -> usize {
        self.done.len()
    }

    /// The dataset as it is now was just written to its file.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
    }

    /// The dataset on screen is not as any file has it (edits restored after a crash).
    pub fn mark_unsaved(&mut self) {
        self.saved_at = None;
    }

    /// True when the dataset is as it was last saved or opened.
    pub fn is_saved(&self) -> bool {
        self.saved_at == Some(self.done.len())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::builtin::built_in_dataset;
    use crate::model::{Dataset, Part, Reliability, Slot};

    /// Grades the first source of `dataset` `to`, as the side panel does.
    fn grade(dataset: &Dataset, to: Option<Reliability>) -> Step {
        let before = dataset.sources[0].clone();
        let mut after = before.clone();
        after.reliability = to;
        Step {
            edit: Edit::Parts(vec![Part::Source(Slot::Change { at: 0, before, after })]),
            label: format!("Grade {to:?}"),
        }
    }

    #[test]
    fn undoing_every_step_gives_back_the_dataset_opened_and_redoing_them_the_edited_one() {
        let opened = Arc::new(built_in_dataset());
        let mut dataset = Arc::clone(&opened);
        let mut history = History::default();
        for to in [Some(Reliability::B), None, Some(Reliability::C)] {
            let step = grade(&dataset, to);
            step.edit.apply(&mut dataset, true);
            history.record(step);
        }
        let edited = Arc::clone(&dataset);
        assert!(!history.is_saved());
        assert_eq!(history.next_undo(), Some("Grade Some(C)"));
        while let Some(step) = history.undo() {
            step.edit.apply(&mut dataset, false);
        }
        assert_eq!(*dataset, *opened, "every step undone: the dataset as opened");
        assert!(history.is_saved(), "and as saved");
        while let Some(step) = history.redo() {
            step.edit.apply(&mut dataset, true);
        }
        assert_eq!(*dataset, *edited);
        assert_eq!(dataset.sources[0].reliability, Some(Reliability::C));
    }

    fn grade_step(to: Reliability) -> Step {
        grade(&built_in_dataset(), Some(to))
    }

    #[test]
    fn the_steps_read_in_the_order_taken_with_the_position_between_done_and_undone() {
        let mut history = History::default();
        for grade in [Reliability::A, Reliability::B, Reliability::C] {
            history.record(grade_step(grade));
        }
        history.undo();
        let labels: Vec<&str> = history.steps().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Grade Some(A)", "Grade Some(B)", "Grade Some(C)"]);
        assert_eq!(history.position(), 2);
    }

    #[test]
    fn a_new_step_after_undoing_drops_what_was_undone_and_the_saved_state_with_it() {
        let mut history = History::default();
        history.record(grade_step(Reliability::A));
        history.mark_saved();
        history.undo();
        assert!(!history.is_saved());
        history.record(grade_step(Reliability::F));
        assert_eq!(history.next_redo(), None, "the undone step is gone");
        assert!(!history.is_saved(), "the saved state cannot be reached again");
        history.undo();
        assert!(!history.is_saved());
    }

    #[test]
    fn a_replaced_dataset_comes_back_whole_and_shared() {
        let before = Arc::new(built_in_dataset());
        let mut after = built_in_dataset();
        after.actors.truncate(3);
        let after = Arc::new(after);
        let mut dataset = Arc::clone(&after);
        let edit = Edit::Replace {
            before: Arc::clone(&before),
            after: Arc::clone(&after),
        };
        edit.apply(&mut dataset, false);
        assert!(Arc::ptr_eq(&dataset, &before), "not a copy");
        edit.apply(&mut dataset, true);
        assert!(Arc::ptr_eq(&dataset, &after));
    }
}
