//! Sources' own texts: read from the dataset (`"text": {"content": …}`) or from a file in the
//! dataset's folder (`"text": {"file": …}`), then every quote checked against its source's text.

use std::path::{Component, Path};
use std::sync::Arc;

use super::json_locator::JsonLocator;
use crate::model::{Dataset, Diagnostic, QuoteCheck, QuoteChecks, SourceText};

/// The largest text a source may attach: a book, not a disk image.
pub const MAX_TEXT_BYTES: u64 = 64 << 20;

/// Where a dataset's relative text paths lead: its folder on disk, or the texts built into the
/// app (for the built-in dataset).
pub enum TextFolder<'a> {
    Disk(&'a Path),
    BuiltIn(&'a dyn Fn(&str) -> Option<&'static str>),
}

/// Reads every source's text into `attached`, then checks each quote against it. A text that
/// cannot be read is a warning; a quote not in its source's text is an error (as `entente
/// check` reports it), but the dataset still opens, with the quote shown as not found.
/// `json` locates the problems in the file.
pub fn attach_and_check(dataset: &mut Dataset, folder: &TextFolder<'_>, json: Option<&str>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, source) in dataset.sources.iter_mut().enumerate() {
        let Some(text) = &source.text else { continue };
        let read = match text {
            SourceText::Content(content) => Ok(Arc::from(content.as_str())),
            SourceText::File(relative) => read_beside(folder, relative),
        };
        match read {
            Ok(text) => source.attached = Some(text),
            Err(why) => found.push(
                Diagnostic::warning(
                    "source-text-unreadable",
                    format!("the text of source `{}` cannot be read: {why}", source.id),
                )
                .expected("a text file in the dataset's folder, named by a path relative to it")
                .at(format!("/sources/{index}/text")),
            ),
        }
    }
    let checks = QuoteChecks::of(dataset);
    for (r, (relation, per_item)) in dataset.relations.iter().zip(&checks.checks).enumerate() {
        for (e, (evidence, check)) in relation.evidence.iter().zip(per_item).enumerate() {
            if *check == QuoteCheck::NotFound {
                found.push(
                    Diagnostic::error(
                        "quote-not-found",
                        format!(
                            "relation `{}` quotes words not found in the text attached to source `{}`",
                            relation.id, evidence.source
                        ),
                    )
                    .expected("the quote as it stands in the source's text (whitespace, quotation marks and dashes may differ)")
                    .at(format!("/relations/{r}/evidence/{e}/quote")),
                );
            }
        }
    }
    if let Some(json) = json.filter(|_| !found.is_empty()) {
        let locator = JsonLocator::new(json);
        for diagnostic in &mut found {
            if let Some((line, column)) = diagnostic.pointer.as_deref().and_then(|p| locator.locate(p)) {
                diagnostic.line = Some(line);
                diagnostic.column = Some(column);
            }
        }
    }
    found
}

fn read_beside(folder: &TextFolder<'_>, relative: &str) -> Result<Arc<str>, String> {
    let path = Path::new(relative);
    // Only what lies in the dataset's folder: a dataset must not read the rest of the disk.
    let inside = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside || relative.is_empty() {
        return Err(format!("`{relative}` is not a path inside the dataset's folder"));
    }
    match folder {
        TextFolder::BuiltIn(texts) => texts(relative)
            .map(Arc::from)
            .ok_or_else(|| format!("`{relative}` is not a text Entente carries")),
        TextFolder::Disk(folder) => {
            super::read_text_file(&folder.join(path), MAX_TEXT_BYTES).map(|read| Arc::from(read.text))
        }
    }
}
