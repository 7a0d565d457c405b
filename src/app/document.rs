//! The dataset on screen: what is worked out from it, where it came from, and how often it
//! changed. Edits to it go through here (the undo history will too).

use std::path::PathBuf;
use std::sync::Arc;

use super::derived::DatasetViews;
use crate::builtin::BUILT_IN_NAME;
use crate::io::MappingProposal;
use crate::model::EvidenceAt;
use crate::model::{Dataset, Reliability};

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
    /// How the open file's attributes were read, for File › Read Attributes As.
    pub reading: Option<(PathBuf, MappingProposal)>,
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
        }
    }

    /// Puts `dataset` in place of the one on screen; returns the old one and its views.
    pub fn replace(&mut self, dataset: Dataset, views: DatasetViews) -> (Arc<Dataset>, DatasetViews) {
        self.generation += 1;
        self.revision += 1;
        (
            std::mem::replace(&mut self.dataset, Arc::new(dataset)),
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

    /// The analyst's grade of a source's reliability. True if it changed the dataset.
    pub fn grade_source(&mut self, source: &str, grade: Option<Reliability>) -> bool {
        let Some(at) = self.views.index.source(source) else {
            return false;
        };
        let Some(source) = Arc::make_mut(&mut self.dataset).sources.get_mut(at) else {
            return false;
        };
        source.reliability = grade;
        self.revision += 1;
        true
    }

    /// The analyst's grade of one statement's credibility. True if it changed the dataset.
    pub fn grade_evidence(&mut self, at: EvidenceAt, grade: Option<u8>) -> bool {
        let Some(evidence) = Arc::make_mut(&mut self.dataset)
            .relations
            .get_mut(at.relation)
            .and_then(|r| r.evidence.get_mut(at.evidence))
        else {
            return false;
        };
        evidence.credibility = grade;
        self.revision += 1;
        true
    }
}

/// A file's name, for messages; the whole path when it has none.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
