//! Add evidence and Edit evidence: the quote, copied verbatim, and who said it where.

use egui::{RichText, Ui};

use super::FormAction;
use super::fields::{
    date_text, optional, other_problems, parse_date, problem_for, show_problem, text_area, text_field,
};
use crate::model::{Dataset, Evidence, FieldProblem, credibility_meaning};

#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceForm {
    pub relation: usize,
    /// The item edited; `None` for a new one.
    pub target: Option<usize>,
    /// The id of the source it cites.
    pub source: String,
    pub quote: String,
    pub speaker: String,
    pub role: String,
    pub locator: String,
    pub url: String,
    pub date: String,
    pub credibility: Option<u8>,
    pub note: String,
    pub problems: Vec<FieldProblem>,
}

impl EvidenceForm {
    pub fn new_item(dataset: &Dataset, relation: usize) -> Self {
        let source = dataset.sources.first().map(|s| s.id.clone()).unwrap_or_default();
        Self::from_item(relation, None, &Evidence::quoting(source, ""))
    }

    pub fn edit(dataset: &Dataset, relation: usize, at: usize) -> Option<Self> {
        let item = dataset.relations.get(relation)?.evidence.get(at)?;
        Some(Self::from_item(relation, Some(at), item))
    }

    fn from_item(relation: usize, target: Option<usize>, item: &Evidence) -> Self {
        Self {
            relation,
            target,
            source: item.source.clone(),
            quote: item.quote.clone(),
            speaker: item.speaker.clone().unwrap_or_default(),
            role: item.speaker_role.clone().unwrap_or_default(),
            locator: item.locator.clone().unwrap_or_default(),
            url: item.url.clone().unwrap_or_default(),
            date: date_text(item.date),
            credibility: item.credibility,
            note: item.note.clone().unwrap_or_default(),
            problems: Vec::new(),
        }
    }

    /// The item as the form has it, on top of `base`. The quote is kept exactly as typed or
    /// pasted: it is the source's words, not the analyst's.
    pub fn evidence(&self, base: Option<&Evidence>) -> Result<Evidence, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let date = parse_date(&self.date, "date", &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut item = base.cloned().unwrap_or_else(|| Evidence::quoting("", ""));
        item.source.clone_from(&self.source);
        item.quote.clone_from(&self.quote);
        item.speaker = optional(&self.speaker);
        item.speaker_role = optional(&self.role);
        item.locator = optional(&self.locator);
        item.url = optional(&self.url);
        item.date = date;
        item.credibility = self.credibility;
        item.note = optional(&self.note);
        Ok(item)
    }
}

/// Problems of the relation's item `at` are reported as `evidence/AT/field`: this form shows
/// them beside its own fields.
pub fn evidence_form(ui: &mut Ui, dataset: &Dataset, form: &mut EvidenceForm) -> Option<FormAction> {
    ui.heading(if form.target.is_some() {
        "Edit evidence"
    } else {
        "Add evidence"
    });
    relation_line(ui, dataset, form.relation);
    ui.add_space(4.0);
    let at = form
        .target
        .unwrap_or_else(|| dataset.relations.get(form.relation).map_or(0, |r| r.evidence.len()));
    let prefix = format!("evidence/{at}/");
    let problems: Vec<FieldProblem> = form
        .problems
        .iter()
        .map(|p| FieldProblem {
            field: p.field.strip_prefix(&prefix).unwrap_or(&p.field).to_owned(),
            message: p.message.clone(),
        })
        .collect();
    let new_source = source_picker(ui, dataset, form, &problems);
    text_area(
        ui,
        "Quote",
        "copied verbatim from the source",
        &mut form.quote,
        &problems,
        "quote",
    );
    text_field(ui, "Speaker", "who said it", &mut form.speaker, &problems, "speaker");
    text_field(
        ui,
        "Speaker's role",
        "e.g. Russia's defence minister",
        &mut form.role,
        &problems,
        "speaker_role",
    );
    text_field(
        ui,
        "Where in the source",
        "e.g. paragraph 8",
        &mut form.locator,
        &problems,
        "locator",
    );
    text_field(
        ui,
        "Link",
        "https://… when it differs from the source's",
        &mut form.url,
        &problems,
        "url",
    );
    text_field(
        ui,
        "Said on",
        "YYYY, YYYY-MM or YYYY-MM-DD",
        &mut form.date,
        &problems,
        "date",
    );
    credibility_picker(ui, &mut form.credibility);
    text_area(
        ui,
        "Note",
        "your own words, kept apart from the quote",
        &mut form.note,
        &problems,
        "note",
    );
    let fields = [
        "source",
        "quote",
        "speaker",
        "speaker_role",
        "locator",
        "url",
        "date",
        "credibility",
        "note",
    ];
    other_problems(ui, &problems, &fields);
    if new_source {
        return Some(FormAction::NewSource);
    }
    super::buttons(ui, form.target.is_none())
}

/// How credible the statement is, 1 to 6 on the Admiralty scale, or not graded.
fn credibility_picker(ui: &mut Ui, credibility: &mut Option<u8>) {
    ui.label(RichText::new("Credibility").weak());
    let label = |grade: Option<u8>| match grade.and_then(|g| Some((g, credibility_meaning(g)?))) {
        Some((g, meaning)) => format!("{g}, {meaning}"),
        None => "not graded".to_owned(),
    };
    egui::ComboBox::from_id_salt("evidence-credibility")
        .truncate()
        .height(360.0)
        .selected_text(label(*credibility))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            ui.selectable_value(credibility, None, "not graded");
            for grade in 1..=6 {
                ui.selectable_value(credibility, Some(grade), label(Some(grade)));
            }
        });
}

/// The source the evidence cites, or a new one; true when "New source…" was clicked.
fn source_picker(ui: &mut Ui, dataset: &Dataset, form: &mut EvidenceForm, problems: &[FieldProblem]) -> bool {
    ui.label(RichText::new("Source").weak());
    let current = dataset
        .source(&form.source)
        .map_or("choose a source", |s| s.title.as_str());
    egui::ComboBox::from_id_salt("evidence-source")
        .truncate()
        .height(360.0)
        .selected_text(current)
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for source in &dataset.sources {
                ui.selectable_value(&mut form.source, source.id.clone(), &source.title);
            }
        });
    show_problem(ui, problem_for(problems, "source"));
    ui.small_button("New source…")
        .on_hover_text("Add a source to the dataset, then come back to this evidence")
        .clicked()
}

/// Which relation the evidence is for, under the form's heading.
fn relation_line(ui: &mut Ui, dataset: &Dataset, relation: usize) {
    if let Some(relation) = dataset.relations.get(relation) {
        let name = |id: &str| dataset.actor(id).map_or_else(|| id.to_owned(), |a| a.name.clone());
        let arrow = match relation.direction {
            crate::model::Direction::Directed => "→",
            crate::model::Direction::Mutual => "⇄",
        };
        ui.label(
            RichText::new(format!(
                "For {} {arrow} {} ({})",
                name(&relation.from),
                name(&relation.to),
                dataset.relation_kind_label(&relation.kind).to_lowercase()
            ))
            .weak(),
        );
    }
}
