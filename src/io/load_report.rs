//! What reading a file gave, whatever its format.

use super::MappingProposal;
use super::table::TableReading;
use crate::model::{Dataset, Diagnostic};

/// What reading a dataset gave: the dataset when it has no errors, and everything worth saying.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport {
    pub dataset: Option<Dataset>,
    pub diagnostics: Vec<Diagnostic>,
    /// For files from other tools: which attributes were read as names and kinds, what
    /// else there was, and whether that reading is a guess to put to the user.
    pub proposal: Option<MappingProposal>,
    /// For tables: their first rows and the column mapping, for the mapping step.
    pub table: Option<Box<TableReading>>,
}

impl LoadReport {
    pub fn failed(diagnostic: Diagnostic) -> Self {
        Self {
            dataset: None,
            diagnostics: vec![diagnostic],
            proposal: None,
            table: None,
        }
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}
