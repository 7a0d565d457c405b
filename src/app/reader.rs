//! The reader beside the graph: a source's text, the passages quoted from it, and quoting a
//! selected passage as evidence (one undo step, through the Quote as evidence form).

use std::path::Path;
use std::sync::Arc;

use super::App;
use super::background::DialogPurpose;
use crate::io::{MAX_TEXT_BYTES, read_text_file};
use crate::model::{
    EvidenceAt, Paragraphs, QuoteCheck, QuotedPassage, propose_attribution, shown_paragraph, trim_passage,
};
use crate::ui::forms::{Form, QuoteForm, SourceForm, focus_field, relation_label};
use crate::ui::{self, Command, ReaderState, ReaderView, Selection};

/// The source being read, its text cut in paragraphs, and the passages quoted from it as of
/// the dataset's `revision`.
pub struct Reader {
    source: String,
    text: Arc<str>,
    paragraphs: Paragraphs,
    passages: Vec<(QuotedPassage, String)>,
    revision: Option<u64>,
    pub state: ReaderState,
}

impl App {
    /// Commands about sources' texts and the reader; false for any other.
    pub(super) fn apply_reader_command(&mut self, command: &Command) -> bool {
        match command {
            Command::ReadSource { source, passage } => self.open_reader(source, *passage),
            Command::CloseReader => self.reader = None,
            Command::QuotePassage { paragraph, at } => self.quote_passage(*paragraph, at.clone()),
            Command::EditSourceText(source) => {
                if let Some(at) = self.doc.dataset.sources.iter().position(|s| &s.id == source)
                    && let Some(source) = self.doc.dataset.sources.get(at)
                {
                    self.editing.form = Some(Form::Source(SourceForm::edit(at, source)));
                    focus_field(&self.ctx, "text");
                }
            }
            Command::ChooseSourceTextFile => self.start_dialog(DialogPurpose::SourceText),
            Command::AttachSourceTextFile(path) => self.attach_text_file(path),
            _ => return false,
        }
        true
    }

    pub(super) fn reader_open(&self) -> bool {
        self.reader.is_some()
    }

    fn open_reader(&mut self, source: &str, passage: Option<EvidenceAt>) {
        let at = passage.and_then(|p| match self.doc.views.quotes.get(p.relation, p.evidence) {
            QuoteCheck::Verified { at, .. } => Some(at.clone()),
            _ => None,
        });
        let mut reader = Reader {
            source: source.to_owned(),
            text: Arc::from(""),
            paragraphs: Paragraphs::default(),
            passages: Vec::new(),
            revision: None,
            state: ReaderState::default(),
        };
        self.refresh_reader(&mut reader);
        reader.state = ReaderState::at(&reader.paragraphs, at);
        self.reader = Some(reader);
    }

    /// Brings the reader up to date with the dataset: its source's text (edited, attached or
    /// taken away) and the passages quoted from it.
    fn refresh_reader(&self, reader: &mut Reader) {
        if reader.revision == Some(self.doc.revision) {
            return;
        }
        reader.revision = Some(self.doc.revision);
        let dataset = &self.doc.dataset;
        let text = dataset
            .sources
            .iter()
            .find(|s| s.id == reader.source)
            .and_then(|s| s.attached.clone())
            .unwrap_or_else(|| Arc::from(""));
        if text != reader.text {
            reader.paragraphs = Paragraphs::of(&text);
            reader.text = text;
            reader.state.selection = None;
        }
        let index = &self.doc.views.index;
        reader.passages = self
            .doc
            .views
            .quotes
            .passages_in(dataset, &reader.source)
            .into_iter()
            .filter_map(|p| {
                let relation = dataset.relations.get(p.evidence.relation)?;
                let label = relation_label(dataset, index, relation);
                Some((p, label))
            })
            .collect();
    }

    /// The reader's side panel: nothing when it is closed, and it closes itself when its
    /// source is deleted.
    pub(super) fn reader_panel(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let Some(mut reader) = self.reader.take() else {
            return Vec::new();
        };
        self.refresh_reader(&mut reader);
        let Some(source) = self.doc.dataset.sources.iter().find(|s| s.id == reader.source) else {
            return Vec::new();
        };
        let view = ReaderView {
            source,
            text: &reader.text,
            paragraphs: &reader.paragraphs,
            passages: &reader.passages,
        };
        let commands = ui::reader_panel(ui, &view, &mut reader.state);
        self.reader = Some(reader);
        commands
    }

    /// Opens Quote as evidence for the passage at `at` (bytes of the reader's text): onto the
    /// relation selected, if one is, else a new relation from the actor selected.
    fn quote_passage(&mut self, paragraph: usize, at: std::ops::Range<usize>) {
        let Some(reader) = &self.reader else { return };
        let at = trim_passage(&reader.text, at);
        let (Some(range), Some(quote)) = (reader.paragraphs.get(paragraph), reader.text.get(at.clone())) else {
            return;
        };
        let whole = reader.text.get(range.clone()).unwrap_or_default();
        let local = at.start.saturating_sub(range.start)..at.end.saturating_sub(range.start);
        let attribution = propose_attribution(&reader.text, &shown_paragraph(whole), local);
        // The relation selected is offered, not chosen: it may be one the user only looked at.
        let (selected, from) = match self.view.selection {
            Some(Selection::Relation(r)) => (Some(r), None),
            Some(Selection::Actor(a)) => (None, Some(a)),
            None => (None, None),
        };
        let kind = self
            .doc
            .views
            .summary
            .relations_by_kind
            .iter()
            .max_by_key(|(_, n)| **n)
            .map_or_else(|| "treaty".to_owned(), |(kind, _)| kind.clone());
        let form = QuoteForm::new(
            &reader.source,
            (shown_paragraph(quote), reader.paragraphs.locator(paragraph)),
            attribution,
            selected,
            (from, &kind),
        );
        self.editing.waiting = None;
        self.editing.form = Some(Form::Quote(Box::new(form)));
        // The passage stays marked while its form is open: the selection goes with the focus.
        if let Some(reader) = &mut self.reader {
            reader.state.marked = Some(at);
            reader.state.selection = None;
        }
    }

    /// Reads `path` into the open source form's text, and says how it was read.
    fn attach_text_file(&mut self, path: &Path) {
        match read_text_file(path, MAX_TEXT_BYTES) {
            Ok(read) => {
                if let Some(Form::Source(form)) = &mut self.editing.form {
                    let name = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    form.text = read.text.clone();
                    form.text_opened = Some(format!("{name}: {}", read.describe()));
                    form.text_file = None;
                }
            }
            Err(why) => self.notices.failure("Could not read the source's text".into(), why),
        }
    }
}
