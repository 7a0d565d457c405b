//! Reading and writing dataset files, whatever their format.

use std::io::Write;
use std::path::Path;

use super::entente_json;
use super::format::Format;
use super::published_rows::keep_as_published;
use super::{ImportMapping, LoadReport};
use super::{dot, edge_list, gexf, gml, graphml, pajek, reference, table};
use crate::model::{Dataset, Diagnostic, Naming, validate_naming};

/// At most this many diagnostics of one kind are listed; the rest are counted.
const MAX_DIAGNOSTICS_PER_CODE: usize = 20;

/// Reads a dataset file in any readable format; every diagnostic names the file.
pub fn load_path(path: &Path) -> LoadReport {
    load_path_with(path, None)
}

/// As `load_path`, reading a GraphML or GEXF file's names and kinds from the attributes
/// `mapping` gives rather than those Entente would pick.
pub fn load_path_with(path: &Path, mapping: Option<&ImportMapping>) -> LoadReport {
    match read_bytes(path) {
        Ok(bytes) => load_bytes_with(&bytes, path, mapping),
        Err(diagnostic) => {
            let mut report = LoadReport::failed(*diagnostic);
            finish_report(&mut report, &path.display().to_string());
            report
        }
    }
}

/// Reads a dataset from the bytes of a file at `path`, whose name and extension pick the format.
/// This is everything `load_path` does after reading, which is what the fuzz targets drive.
pub fn load_bytes(bytes: &[u8], path: &Path) -> LoadReport {
    load_bytes_with(bytes, path, None)
}

pub fn load_bytes_with(bytes: &[u8], path: &Path, mapping: Option<&ImportMapping>) -> LoadReport {
    // Workbooks and Parquet files are not text.
    if Format::from_extension(path).is_some_and(|f| matches!(f, Format::Workbook | Format::Parquet)) {
        let columns = mapping.and_then(|m| m.columns.as_ref());
        let mut report = finish_import(table::load_table_file(bytes, None, path, columns));
        finish_report(&mut report, &path.display().to_string());
        return report;
    }
    let mut report = match decode_text(bytes) {
        Ok(text) => {
            let mut report = parse_any(path, text, mapping);
            if let Some(dataset) = &mut report.dataset
                && dataset.sources.iter().any(|s| s.text.is_some())
            {
                let folder = path.parent().unwrap_or(Path::new("."));
                let found = super::attach_and_check(dataset, &super::TextFolder::Disk(folder), Some(text));
                report.diagnostics.extend(found);
            }
            report
        }
        // Spreadsheets and the datasets' own downloads are often saved in Windows' encoding;
        // every byte means a character there, so the table reads, and the user is told.
        Err(_) if Format::from_extension(path) == Some(Format::Csv) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let mut report = parse_any(path, &text, mapping);
            report.diagnostics.insert(
                0,
                Diagnostic::warning(
                    "not-utf8",
                    "the file is not UTF-8 text; it was read as Windows-1252 (Western European), the encoding spreadsheets often save in",
                ),
            );
            report
        }
        Err(diagnostic) => LoadReport::failed(*diagnostic),
    };
    finish_report(&mut report, &path.display().to_string());
    report
}

/// Parses text that came from somewhere other than a file (the built-in dataset, a drop).
pub fn load_text(text: &str, name: &str) -> LoadReport {
    let mut report = entente_json::read_entente_json(text.strip_prefix('\u{feff}').unwrap_or(text));
    finish_report(&mut report, name);
    report
}

fn parse_any(path: &Path, text: &str, mapping: Option<&ImportMapping>) -> LoadReport {
    let title = path
        .file_stem()
        .map_or_else(|| "Imported dataset".to_owned(), |s| s.to_string_lossy().into_owned());
    let format = Format::detect(path, text);
    // COW, ATOP and SIPRI tables are CSV files recognised by their header row.
    let reference = match format {
        Some(Format::Csv | Format::EdgeList) | None => reference::recognise(text),
        _ => Ok(None),
    };
    let imported = match (format, reference) {
        (_, Err(diagnostic)) => Err(diagnostic),
        (_, Ok(Some(recognised))) => {
            let file_name = path
                .file_name()
                .map_or_else(|| title.clone(), |n| n.to_string_lossy().into_owned());
            let companion_path = reference::companion_path(path, recognised.layout);
            let companion_text = companion_path.as_deref().and_then(|p| read_text(p).ok());
            let companion_name = companion_path
                .as_deref()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned());
            let companion = companion_text
                .as_deref()
                .zip(companion_name.as_deref())
                .map(|(text, file_name)| reference::Companion { file_name, text });
            reference::read(recognised, text, &title, &file_name, companion).map(|(d, p)| (d, p, None))
        }
        (format, Ok(None)) => match format {
            Some(Format::Entente) => return entente_json::read_entente_json(text),
            Some(Format::GraphMl) => graphml::read_graphml(text, &title, mapping).map(|(d, p, m)| (d, p, Some(m))),
            Some(Format::Gexf) => gexf::read_gexf(text, &title, mapping).map(|(d, p, m)| (d, p, Some(m))),
            Some(Format::Gml) => gml::read_gml(text, &title).map(|(d, p)| (d, p, None)),
            Some(Format::Pajek) => pajek::read_pajek(text, &title).map(|(d, p)| (d, p, None)),
            // A .txt is an edge list only when its lines are links; a tab-separated list with no
            // header row is one too, not a table.
            Some(format @ (Format::EdgeList | Format::Csv))
                if edge_list::looks_like_edge_list(text) || (format == Format::EdgeList && !is_txt(path)) =>
            {
                edge_list::read_edge_list(text, &title).map(|(d, p)| (d, p, None))
            }
            Some(Format::Csv) => {
                let columns = mapping.and_then(|m| m.columns.as_ref());
                return finish_import(table::load_table_file(text.as_bytes(), Some(text), path, columns));
            }
            Some(Format::Dot | Format::EdgeList | Format::Workbook | Format::Parquet) | None => {
                let readable: Vec<&str> = Format::READABLE.iter().map(|f| f.name()).collect();
                return LoadReport::failed(
                    Diagnostic::error("unknown-format", "Entente cannot tell what format this file is in")
                        .expected(format!("one of: {}", readable.join(", "))),
                );
            }
        },
    };
    match imported {
        Ok((dataset, diagnostics, proposal)) => LoadReport {
            proposal,
            ..imported_report(dataset, diagnostics)
        },
        Err(diagnostic) => LoadReport::failed(diagnostic),
    }
}

/// A table's reading, with what the mapping step needs to show when it is worth asking.
fn finish_import((imported, reading): table::TableImport) -> LoadReport {
    let report = match imported {
        Ok((dataset, diagnostics)) => imported_report(dataset, diagnostics),
        Err(diagnostic) => LoadReport::failed(diagnostic),
    };
    LoadReport {
        table: reading,
        ..report
    }
}

/// A dataset from another tool's file, checked as every import is.
fn imported_report(mut dataset: Dataset, mut diagnostics: Vec<Diagnostic>) -> LoadReport {
    // Other tools' ids (node `4941`) mean nothing to a reader: problems name actors.
    let found = validate_naming(&dataset, Naming::Names);
    let found = keep_as_published(&mut dataset, found);
    diagnostics.extend(found);
    let without_evidence = dataset.relations.iter().filter(|r| r.evidence.is_empty()).count();
    if without_evidence > 0 {
        diagnostics.push(Diagnostic::warning(
            "no-evidence",
            format!(
                "{without_evidence} of {} relations carry no evidence",
                dataset.relations.len()
            ),
        ));
    }
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    LoadReport {
        dataset: (!has_errors).then_some(dataset),
        diagnostics,
        proposal: None,
        table: None,
    }
}

/// Names the file in every diagnostic, and keeps a file with a million identical problems
/// from burying the others.
fn finish_report(report: &mut LoadReport, name: &str) {
    let mut per_code: std::collections::HashMap<&'static str, usize> = std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(report.diagnostics.len().min(1000));
    for diagnostic in report.diagnostics.drain(..) {
        let seen = per_code.entry(diagnostic.code).or_insert(0);
        *seen += 1;
        if *seen <= MAX_DIAGNOSTICS_PER_CODE {
            kept.push(diagnostic);
        }
    }
    for (code, count) in per_code {
        if count > MAX_DIAGNOSTICS_PER_CODE {
            let severity_error = kept.iter().any(|d| d.code == code && d.is_error());
            let message = format!("… and {} more problems like these", count - MAX_DIAGNOSTICS_PER_CODE);
            kept.push(if severity_error {
                Diagnostic::error(code, message)
            } else {
                Diagnostic::warning(code, message)
            });
        }
    }
    for diagnostic in &mut kept {
        diagnostic.file = Some(name.to_owned());
    }
    report.diagnostics = kept;
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    if path.is_dir() {
        return Err(Box::new(
            Diagnostic::error("unreadable", "this is a folder, not a file").expected(
                "a file; Spark writes a table as a folder of part-*.parquet files: open one of them \
                 (or write the table with .coalesce(1) to get one)",
            ),
        ));
    }
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    super::memory_budget::check_fits(
        size,
        Format::from_extension(path),
        super::memory_budget::available_memory(),
    )
    .map_err(Box::new)?;
    std::fs::read(path).map_err(unreadable)
}

fn read_text(path: &Path) -> Result<String, Box<Diagnostic>> {
    read_bytes(path).and_then(|bytes| decode_text(&bytes).map(str::to_owned))
}

/// UTF-8 text without its byte-order mark; anything else is refused with the place it went wrong.
fn decode_text(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        let diagnostic = Diagnostic::error("not-utf8", "the file is UTF-16 text, which Entente does not read")
            .expected("a file saved as UTF-8 (most editors offer it under Save As or Encoding)")
            .at_line_column(1, 1);
        return Err(Box::new(diagnostic));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
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

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("Entente cannot write {0} files")]
    UnsupportedFormat(&'static str),
    #[error("no format is known for the extension of {0}; use .json, .graphml, .gexf or .dot")]
    UnknownExtension(String),
    #[error("cannot write {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("cannot encode the dataset: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The dataset in the format its extension names.
pub fn encode(dataset: &Dataset, format: Format) -> Result<String, SaveError> {
    Ok(match format {
        Format::Entente => entente_json::to_json(dataset)?,
        Format::GraphMl => graphml::write_graphml(dataset),
        Format::Gexf => gexf::write_gexf(dataset),
        Format::Dot => dot::write_dot(dataset),
        Format::Gml => gml::write_gml(dataset),
        Format::Pajek => pajek::write_pajek(dataset),
        Format::Csv | Format::EdgeList | Format::Workbook | Format::Parquet => {
            return Err(SaveError::UnsupportedFormat(format.name()));
        }
    })
}

/// Writes the dataset to `path` in the format its extension names. The file is written
/// beside the target and renamed over it, so a crash or a full disk leaves the old file whole.
pub fn save_path(dataset: &Dataset, path: &Path) -> Result<(), SaveError> {
    let format = Format::from_extension(path).ok_or_else(|| SaveError::UnknownExtension(path.display().to_string()))?;
    let text = encode(dataset, format)?;
    write_atomically(path, text.as_bytes())?;
    save_source_texts(dataset, path)
}

/// A source's text goes where the dataset says it is, beside the file saved (a dataset saved
/// to another folder takes its texts with it). A text already there, unchanged, is left alone.
fn save_source_texts(dataset: &Dataset, path: &Path) -> Result<(), SaveError> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    for source in &dataset.sources {
        let (Some(crate::model::SourceText::File(relative)), Some(text)) = (&source.text, &source.attached) else {
            continue;
        };
        let relative = Path::new(relative);
        if !relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_) | std::path::Component::CurDir))
        {
            continue;
        }
        let target = folder.join(relative);
        if std::fs::read(&target).is_ok_and(|on_disk| on_disk == text.as_bytes()) {
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|source| SaveError::Io {
                path: parent.display().to_string(),
                source,
            })?;
        }
        write_atomically(&target, text.as_bytes())?;
    }
    Ok(())
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.display().to_string(),
        source,
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(folder).map_err(io)?;
    // Temporary files are private (0600); the saved file keeps the permissions of the one it
    // replaces, or gets the usual ones for a new document.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => default_permissions(temporary.as_file()).map_err(io)?,
    };
    temporary.as_file().set_permissions(permissions).map_err(io)?;
    temporary.write_all(bytes).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    temporary.persist(path).map_err(|err| io(err.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::write_atomically;

    #[test]
    fn a_saved_file_keeps_its_permissions_and_a_new_one_is_readable() {
        let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let new = folder.path().join("new.json");
        write_atomically(&new, b"{}").unwrap_or_else(|e| panic!("{e}"));
        let mode = |p: &std::path::Path| {
            std::fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or(0)
        };
        assert_eq!(mode(&new), 0o644);

        let shared = folder.path().join("shared.json");
        std::fs::write(&shared, b"old").unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap_or_else(|e| panic!("{e}"));
        write_atomically(&shared, b"new").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&shared), 0o664);
        assert_eq!(std::fs::read(&shared).unwrap_or_default(), b"new");
    }
}

/// `.txt` says nothing of what a file holds: notes as likely as a list of links.
fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}
