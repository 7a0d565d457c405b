//! What is odd about a record as its publisher wrote it. A table someone else published is
//! opened as published: a row whose end comes before its start, or whose count is not a
//! number, is kept, and the caveat travels with the relation so every reader of it sees why
//! it looks wrong, here and in any file Entente writes.

use serde::{Deserialize, Serialize};

use super::ExtraFields;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caveat {
    /// The problem's code, as `entente check` names it (`period-order`, `bad-cell`…).
    pub code: String,
    /// What the source records, in words, and where: "line 12: the source records an end
    /// (1990-05-21) one day before the start (1990-05-22)".
    pub note: String,
    #[serde(flatten)]
    pub extra: ExtraFields,
}

impl Caveat {
    pub fn new(code: impl Into<String>, note: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            note: note.into(),
            extra: ExtraFields::new(),
        }
    }
}
