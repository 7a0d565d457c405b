//! The mapping step: when Entente can only guess how to read a file (which attributes name the
//! actors and give their kinds; which columns of a table hold the ends of a relation), it
//! shows its guess and what each choice gives before opening the file. The user's choice is
//! remembered for that file.

use std::path::PathBuf;

use super::App;
use super::background::{Loaded, PendingLoad};
use crate::io::table::{ColumnMapping, TableReading, preview_table_file};
use crate::io::{ImportMapping, MappingProposal};

/// How a file was read, and so what its mapping step shows.
#[derive(Debug, Clone)]
pub enum FileReading {
    /// A graph file's attributes (GraphML, GEXF).
    Attributes(Box<MappingProposal>),
    /// A table's columns (CSV, workbook, Parquet).
    Columns(Box<TableReading>),
}

impl FileReading {
    /// What the file was read with, as the mapping step offers it.
    fn read_with(&self) -> ImportMapping {
        match self {
            Self::Attributes(proposal) => proposal.mapping.clone(),
            Self::Columns(reading) => ImportMapping {
                columns: Some(ColumnMapping {
                    whole: true,
                    ..reading.mapping.clone()
                }),
                ..ImportMapping::default()
            },
        }
    }
}

/// A file waiting for the user to say how to read it.
pub struct MappingReview {
    pub path: PathBuf,
    pub reading: FileReading,
    /// What the user has chosen so far in the dialog.
    pub choice: ImportMapping,
    /// The file as read with the proposal, put on screen as it is if the user keeps it.
    read_with_proposal: Option<Loaded>,
}

impl App {
    /// A file has been read: on screen with it, unless its reading was a guess to confirm.
    pub(super) fn loaded(&mut self, pending: PendingLoad, mut loaded: Loaded) {
        // A way of reading the file the user chose once may no longer fit it (a sheet renamed,
        // an actors file moved): forget it and read the file afresh, which asks again.
        if pending.mapping.is_some() && loaded.report.dataset.is_none() && loaded.report.table.is_some() {
            self.state.forget_import_mapping(&pending.path);
            self.notify(format!(
                "The way chosen to read {} no longer fits it; choose again",
                pending
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ));
            self.loading = Some(PendingLoad::start(pending.path, false, None, &self.ctx));
            self.ctx.request_repaint();
            return;
        }
        let asked = pending.mapping.is_none();
        let table = loaded.report.table.take();
        let unsure =
            asked && loaded.report.dataset.is_some() && loaded.report.proposal.as_ref().is_some_and(|p| p.unsure);
        let reading = match table {
            Some(table) if asked && table.worth_asking() => Some(FileReading::Columns(table)),
            Some(table) => {
                loaded.report.table = Some(table);
                None
            }
            None if unsure => loaded
                .report
                .proposal
                .take()
                .map(|p| FileReading::Attributes(Box::new(p))),
            None => None,
        };
        if let Some(reading) = reading {
            self.mapping_review = Some(MappingReview {
                path: pending.path,
                choice: reading.read_with(),
                reading,
                read_with_proposal: Some(loaded),
            });
            return;
        }
        self.finish_load(pending.path, loaded);
    }

    /// File › Read File As: the step again for the open file.
    pub(super) fn review_import_mapping(&mut self) {
        let Some((path, reading)) = self.doc.reading.clone() else {
            return;
        };
        let choice = self
            .state
            .import_mapping(&path)
            .cloned()
            .unwrap_or_else(|| reading.read_with());
        self.mapping_review = Some(MappingReview {
            path,
            choice,
            reading,
            read_with_proposal: None,
        });
    }

    pub(super) fn confirm_import_mapping(&mut self, mapping: ImportMapping) {
        let Some(review) = self.mapping_review.take() else {
            return;
        };
        self.state.remember_import_mapping(&review.path, mapping.clone());
        match review.read_with_proposal {
            Some(mut loaded) if mapping == review.reading.read_with() => {
                match review.reading {
                    FileReading::Attributes(proposal) => loaded.report.proposal = Some(*proposal),
                    FileReading::Columns(table) => loaded.report.table = Some(table),
                }
                self.finish_load(review.path, loaded);
            }
            _ => {
                // Read again with the user's choice (a reload of the open file keeps its picture).
                self.loading = Some(PendingLoad::start(review.path, false, Some(mapping), &self.ctx));
                self.ctx.request_repaint();
            }
        }
    }

    pub(super) fn cancel_import_mapping(&mut self) {
        if let Some(review) = self.mapping_review.take()
            && review.read_with_proposal.is_some()
        {
            let name = review
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.notify(format!("Did not open {name}"));
        }
    }

    /// Takes `path` as the actors table of the table under review (what its file dialog gives).
    pub fn choose_actors_table(&mut self, path: PathBuf) {
        let Some(review) = self.mapping_review.as_mut() else {
            return;
        };
        let (FileReading::Columns(reading), Some(columns)) = (&mut review.reading, review.choice.columns.as_mut())
        else {
            return;
        };
        match preview_table_file(&path) {
            Ok(actors) => {
                columns.forget_actors();
                columns.propose_actors(&actors);
                columns.actors_file = Some(path.clone());
                columns.actors_sheet = None;
                reading.actors = Some(actors);
                reading.actors_file = Some(path);
            }
            Err(diagnostic) => self
                .notices
                .failure("Could not read the actors table".into(), diagnostic.to_string()),
        }
    }

    /// The folder the file under review is in, where its actors table likely is.
    pub(super) fn review_folder(&self) -> Option<PathBuf> {
        self.mapping_review
            .as_ref()
            .and_then(|r| r.path.parent().map(std::path::Path::to_path_buf))
    }

    /// The dialog for the file under review, if any.
    pub(super) fn mapping_dialog(&mut self, ctx: &egui::Context) -> Option<crate::ui::Command> {
        let review = self.mapping_review.as_mut()?;
        let file_name = review
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match &review.reading {
            FileReading::Attributes(proposal) => {
                crate::ui::mapping_dialog(ctx, &file_name, proposal, &mut review.choice)
            }
            FileReading::Columns(reading) => {
                let columns = review.choice.columns.get_or_insert_with(|| reading.mapping.clone());
                crate::ui::column_mapping_dialog(ctx, &file_name, reading, columns)
            }
        }
    }
}
