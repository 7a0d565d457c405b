//! Reading dataset files from disk, whatever their format.

use std::path::Path;

use super::entente_json::{self, LoadReport};
use crate::model::Diagnostic;

/// Files larger than this are refused before they are read: no real dataset comes close,
/// and reading one would take the user's memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Reads a dataset file; every diagnostic names the file.
pub fn load_path(path: &Path) -> LoadReport {
    let mut report = match read_text(path) {
        Ok(text) => entente_json::parse(&text),
        Err(diagnostic) => LoadReport::failed(*diagnostic),
    };
    let name = path.display().to_string();
    for diagnostic in &mut report.diagnostics {
        diagnostic.file = Some(name.clone());
    }
    report
}

/// Parses text that came from somewhere other than a file (the built-in dataset, a drop).
pub fn load_text(text: &str, name: &str) -> LoadReport {
    let mut report = entente_json::parse(text.strip_prefix('\u{feff}').unwrap_or(text));
    for diagnostic in &mut report.diagnostics {
        diagnostic.file = Some(name.to_owned());
    }
    report
}

fn read_text(path: &Path) -> Result<String, Box<Diagnostic>> {
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Box::new(Diagnostic::error(
            "too-large",
            format!(
                "the file is {} MiB, more than the {} MiB Entente opens",
                size >> 20,
                MAX_FILE_BYTES >> 20
            ),
        )));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => {
            let valid = bytes.get(..err.valid_up_to()).unwrap_or_default();
            let valid_text = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = super::text_position::line_column(valid_text, valid_text.len());
            let diagnostic = Diagnostic::error(
                "not-utf8",
                "the file is not UTF-8 text: it holds a byte sequence that is not UTF-8",
            )
            .expected("a file saved as UTF-8")
            .at_line_column(line, column);
            Err(Box::new(diagnostic))
        }
    }
}

fn unreadable(err: std::io::Error) -> Box<Diagnostic> {
    Box::new(Diagnostic::error("unreadable", format!("cannot read the file: {err}")))
}
