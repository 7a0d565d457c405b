//! New source and Edit source: title, outlet, link, date, reliability and notes.

use egui::{RichText, Ui};

use super::FormAction;
use super::fields::{IdField, date_text, id_field, optional, other_problems, parse_date, text_area, text_field};
use crate::model::{FieldProblem, Reliability, Source, SourceText};

#[derive(Debug, Clone, PartialEq)]
pub struct SourceForm {
    pub target: Option<usize>,
    pub id: String,
    pub id_typed: bool,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub published: String,
    pub reliability: Option<Reliability>,
    pub notes: String,
    /// The source's own text, pasted or as attached, to check quotes against.
    pub text: String,
    /// Where the attached text was read from, when from a file beside the dataset.
    pub text_file: Option<String>,
    /// How a text just opened from a file was read ("article.html: a web page reduced to its
    /// text, windows-1252"), until it is saved.
    pub text_opened: Option<String>,
    pub problems: Vec<FieldProblem>,
}

impl SourceForm {
    pub fn new_source() -> Self {
        Self::from_source(None, &Source::new("", ""))
    }

    pub fn edit(at: usize, source: &Source) -> Self {
        Self {
            id_typed: true,
            ..Self::from_source(Some(at), source)
        }
    }

    fn from_source(target: Option<usize>, source: &Source) -> Self {
        Self {
            target,
            id: source.id.clone(),
            id_typed: false,
            title: source.title.clone(),
            publisher: source.publisher.clone().unwrap_or_default(),
            url: source.url.clone().unwrap_or_default(),
            published: date_text(source.published),
            reliability: source.reliability,
            notes: source.notes.clone().unwrap_or_default(),
            text: source.attached.as_deref().unwrap_or_default().to_owned(),
            text_file: match &source.text {
                Some(SourceText::File(path)) => Some(path.clone()),
                _ => None,
            },
            text_opened: None,
            problems: Vec::new(),
        }
    }

    pub fn source(&self, base: Option<&Source>) -> Result<Source, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let published = parse_date(&self.published, "published", &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut source = base.cloned().unwrap_or_else(|| Source::new("", ""));
        source.id = self.id.trim().to_owned();
        source.title = self.title.trim().to_owned();
        source.publisher = optional(&self.publisher);
        source.url = optional(&self.url);
        source.published = published;
        source.reliability = self.reliability;
        source.notes = optional(&self.notes);
        let unchanged = source.attached.as_deref().unwrap_or_default() == self.text;
        if !unchanged {
            // A text typed or pasted here is kept in the dataset itself.
            let text = self.text.trim_end();
            source.text = (!text.trim().is_empty()).then(|| SourceText::Content(text.to_owned()));
            source.attached = source.text.as_ref().map(|_| std::sync::Arc::from(text));
        }
        Ok(source)
    }
}

pub fn source_form(ui: &mut Ui, form: &mut SourceForm) -> Option<FormAction> {
    ui.heading(if form.target.is_some() {
        "Edit source"
    } else {
        "New source"
    });
    ui.add_space(4.0);
    let problems = form.problems.clone();
    let before = form.title.clone();
    text_field(
        ui,
        "Title",
        "the article's or report's title",
        &mut form.title,
        &problems,
        "title",
    );
    id_field(
        ui,
        IdField {
            id: &mut form.id,
            typed: &mut form.id_typed,
            new: form.target.is_none(),
            hint: "a short unique name evidence cites it by",
            why: "Evidence cites its source by id, so it stays as it is.",
        },
        (&before, &form.title),
        &problems,
    );
    text_field(
        ui,
        "Outlet",
        "e.g. Newsweek",
        &mut form.publisher,
        &problems,
        "publisher",
    );
    text_field(ui, "Link", "https://…", &mut form.url, &problems, "url");
    text_field(
        ui,
        "Published",
        "YYYY, YYYY-MM or YYYY-MM-DD",
        &mut form.published,
        &problems,
        "published",
    );
    ui.label(RichText::new("Reliability").weak());
    egui::ComboBox::from_id_salt("source-reliability")
        .truncate()
        .height(360.0)
        .selected_text(
            form.reliability
                .map_or_else(|| "not graded".to_owned(), |g| format!("{g:?}, {}", g.meaning())),
        )
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.reliability, None, "not graded");
            for grade in Reliability::ALL {
                ui.selectable_value(
                    &mut form.reliability,
                    Some(grade),
                    format!("{grade:?}, {}", grade.meaning()),
                );
            }
        });
    text_area(ui, "Notes", "", &mut form.notes, &problems, "notes");
    let open = source_text(ui, form);
    other_problems(
        ui,
        &problems,
        &["title", "id", "publisher", "url", "published", "notes"],
    );
    let action = super::buttons(ui, form.target.is_none());
    if open { Some(FormAction::OpenTextFile) } else { action }
}

/// The source's own text: paste it, or open a text, Markdown or web-page file, to have every
/// quote citing the source checked against it. True when "Open a file…" was clicked.
fn source_text(ui: &mut Ui, form: &mut SourceForm) -> bool {
    let open = ui
        .horizontal(|ui| {
            ui.label(RichText::new("The source's text").weak()).on_hover_text(
                "Paste the article or report here: every quote citing this source is then checked against it",
            );
            ui.small_button("Open a file…")
                .on_hover_text("Read the text from a .txt, .md or .html file (a saved web page is reduced to its text)")
                .clicked()
        })
        .inner;
    if let Some(opened) = &form.text_opened {
        ui.label(RichText::new(format!("Read from {opened}.")).weak().small());
    } else if let Some(file) = &form.text_file {
        ui.label(
            RichText::new(format!(
                "Read from {file}, beside the dataset; edit it here to keep it in the dataset instead."
            ))
            .weak()
            .small(),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("source-text")
        .max_height(160.0)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut form.text)
                    .id(super::fields::field_id("text"))
                    .hint_text("paste the source's text to check its quotes against")
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            );
        });
    open
}
