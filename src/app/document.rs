//! The dataset on screen: what is worked out from it, where it came from, how often it
//! changed, and the history of the user's edits to it. Edits go through here.

use std::path::PathBuf;
use std::sync::Arc;

use super::derived::DatasetViews;
use super::import_review::FileReading;
use crate::builtin::BUILT_IN_NAME;
use crate::model::EvidenceAt;
use crate::model::{Dataset, Edit, History, Part, Proposed, Reliability, Slot, describe_relation};

/// Where the dataset on screen came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

pub struct Document {
    /// Shared so that work on another thread (adding a dataset to it) can read it while the
    /// window goes on drawing it. Grades change it in place (copying it first if another
    /// thread holds it); anything else replaces it.
    pub dataset: Arc<Dataset>,
    pub views: DatasetViews,
    pub origin: Origin,
    /// Counts every change to the dataset on screen: a new one, or a grade given in place. A
    /// merge that started before a change is out of date.
    pub revision: u64,
    /// Counts the datasets put on screen: the built-in one is 0, each open or reload adds one.
    pub generation: u64,
    /// How the open file was read, for File › Read File As.
    pub reading: Option<(PathBuf, FileReading)>,
    /// The user's edits since the dataset was opened, to undo and redo.
    pub history: History,
}

impl Document {
    pub fn built_in(dataset: Dataset, views: DatasetViews) -> Self {
        Self {
            dataset: Arc::new(dataset),
            views,
            origin: Origin::BuiltIn,
            revision: 0,
            generation: 0,
            reading: None,
            history: History::default(),
        }
    }

    /// Puts `dataset` in place of the one on screen; returns the old one and its views. The
    /// history stays: a dataset added to this one is a step in it.
    pub fn replace(&mut self, dataset: Arc<Dataset>, views: DatasetViews) -> (Arc<Dataset>, DatasetViews) {
        self.generation += 1;
        self.revision += 1;
        (
            std::mem::replace(&mut self.dataset, dataset),
            std::mem::replace(&mut self.views, views),
        )
    }

    /// The name the window title and status bar give the dataset.
    pub fn name(&self) -> String {
        match &self.origin {
            Origin::BuiltIn => BUILT_IN_NAME.to_owned(),
            Origin::File(path) => file_name(path),
        }
    }

    /// The open file, when the dataset came from one.
    pub fn file(&self) -> Option<&PathBuf> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::BuiltIn => None,
        }
    }

    /// The analyst's grade of a source's reliability, as a step for the history.
    pub fn grade_source(&self, source: &str, grade: Option<Reliability>) -> Option<Proposed> {
        let at = self.views.index.source(source)?;
        let before = self.dataset.sources.get(at)?;
        if before.reliability == grade {
            return None;
        }
        let mut after = before.clone();
        after.reliability = grade;
        let label = format!(
            "Grade “{}” {}",
            before.title,
            grade.map_or_else(|| "not graded".to_owned(), |g| format!("{g:?}"))
        );
        let before = before.clone();
        let edit = Edit::Parts(vec![Part::Source(Slot::Change { at, before, after })]);
        Some(Proposed { edit, label })
    }

    /// The analyst's grade of one statement's credibility, as a step for the history.
    pub fn grade_evidence(&self, at: EvidenceAt, grade: Option<u8>) -> Option<Proposed> {
        let before = self.dataset.relations.get(at.relation)?;
        if before.evidence.get(at.evidence).is_none_or(|e| e.credibility == grade) {
            return None;
        }
        let mut after = before.clone();
        if let Some(evidence) = after.evidence.get_mut(at.evidence) {
            evidence.credibility = grade;
        }
        let label = format!(
            "Grade a statement on {} {}",
            describe_relation(&self.dataset, &self.views.index, before),
            grade.map_or_else(|| "not graded".to_owned(), |g| g.to_string())
        );
        let before = before.clone();
        let edit = Edit::Parts(vec![Part::Relation(Slot::Change {
            at: at.relation,
            before,
            after,
        })]);
        Some(Proposed { edit, label })
    }
}

/// A file's name, for messages; the whole path when it has none.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
