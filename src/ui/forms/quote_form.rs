//! Quote as evidence: a passage selected in the reader made an evidence item, onto a relation
//! the dataset has or a new one, with the paragraph as its locator and the speaker offered from
//! the sentence around it.

use egui::{RichText, Ui};

use super::FormAction;
use super::fields::{optional, other_problems, problem_for, show_problem, text_field};
use super::relation_form::{RelationForm, relation_fields};
use crate::model::{Attribution, Dataset, DatasetIndex, Evidence, FieldProblem, Relation, describe_relation};

/// Where the quote goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteOnto {
    /// A relation the dataset has (`QuoteForm::existing`).
    Existing,
    /// A new relation, as `QuoteForm::relation` describes it.
    New,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteForm {
    /// The id of the source quoted.
    pub source: String,
    /// The exact words, as the source's text has them.
    pub quote: String,
    pub locator: String,
    pub speaker: String,
    pub role: String,
    /// True when the speaker was offered from the sentence, for the analyst to check.
    pub offered: bool,
    pub onto: QuoteOnto,
    pub existing: Option<usize>,
    /// The relation selected when the form opened, offered first in the list.
    pub offered_relation: Option<usize>,
    pub existing_filter: String,
    pub relation: RelationForm,
    pub problems: Vec<FieldProblem>,
}

/// The fields a new relation's part of the form shows its problems beside.
const RELATION_FIELDS: &[&str] = &["from", "to", "kind", "period", "summary", "magnitude", "evidence", "id"];

impl QuoteForm {
    /// A quote onto a relation the user picks (`selected`, the one selected, offered first), or
    /// onto a new relation of `kind` from `from` when an actor is selected.
    pub fn new(
        source: &str,
        (quote, locator): (String, String),
        attribution: Option<Attribution>,
        selected: Option<usize>,
        (from, kind): (Option<usize>, &str),
    ) -> Self {
        let offered = attribution.is_some();
        let (speaker, role) = attribution.map_or_else(Default::default, |a| (a.speaker, a.role.unwrap_or_default()));
        Self {
            source: source.to_owned(),
            quote,
            locator,
            speaker,
            role,
            offered,
            onto: if from.is_some() {
                QuoteOnto::New
            } else {
                QuoteOnto::Existing
            },
            existing: None,
            offered_relation: selected,
            existing_filter: String::new(),
            relation: RelationForm::new_relation(from, None, kind),
            problems: Vec::new(),
        }
    }

    pub fn evidence(&self) -> Evidence {
        let mut item = Evidence::quoting(self.source.clone(), self.quote.clone());
        item.locator = optional(&self.locator);
        item.speaker = optional(&self.speaker);
        item.speaker_role = optional(&self.role);
        item
    }

    /// A relation clicked on the graph while the form waits for one.
    pub fn take_relation(&mut self, relation: usize) -> bool {
        if self.onto == QuoteOnto::Existing {
            self.existing = Some(relation);
            true
        } else {
            false
        }
    }

    /// An actor clicked on the graph fills the new relation's next empty end.
    pub fn take_actor(&mut self, actor: usize) -> bool {
        let waiting = self.onto == QuoteOnto::New && self.relation.waiting_for_actor();
        if waiting {
            self.relation.take_actor(actor);
        }
        waiting
    }

    /// Sorts the problems found into the quote's own and the new relation's.
    pub fn set_problems(&mut self, problems: Vec<FieldProblem>) {
        let (relation, own): (Vec<_>, Vec<_>) = problems.into_iter().partition(|p| {
            self.onto == QuoteOnto::New && RELATION_FIELDS.iter().any(|f| p.field.split('/').next() == Some(f))
        });
        self.relation.problems = relation;
        self.problems = own;
    }
}

pub fn quote_form(
    ui: &mut Ui,
    (dataset, index): (&Dataset, &DatasetIndex),
    form: &mut QuoteForm,
) -> Option<FormAction> {
    ui.heading("Quote as evidence");
    ui.add_space(4.0);
    egui::Frame::group(ui.style()).inner_margin(6.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("“{}”", form.quote)).italics());
    });
    let source = dataset.sources.iter().find(|s| s.id == form.source);
    ui.label(
        RichText::new(format!(
            "From {}",
            source.map_or(form.source.as_str(), |s| s.title.as_str())
        ))
        .weak(),
    );
    let problems = form.problems.clone();
    text_field(ui, "Where", "paragraph 3", &mut form.locator, &problems, "locator");
    text_field(
        ui,
        "Speaker",
        "who said it, if anyone",
        &mut form.speaker,
        &problems,
        "speaker",
    );
    text_field(
        ui,
        "Speaker's role",
        "as the source gives it",
        &mut form.role,
        &problems,
        "speaker_role",
    );
    if form.offered {
        ui.label(
            RichText::new("Speaker and role offered from the sentence around the passage: check them.")
                .weak()
                .small(),
        );
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Onto").weak());
    ui.horizontal(|ui| {
        ui.radio_value(&mut form.onto, QuoteOnto::Existing, "A relation in the dataset");
        ui.radio_value(&mut form.onto, QuoteOnto::New, "A new relation");
    });
    match form.onto {
        QuoteOnto::Existing => {
            existing_relation(ui, (dataset, index), form);
            show_problem(ui, problem_for(&problems, "relation"));
        }
        QuoteOnto::New => {
            relation_fields(ui, dataset, &mut form.relation);
            same_relation(ui, (dataset, index), form);
        }
    }
    other_problems(ui, &problems, &["locator", "speaker", "speaker_role", "relation"]);
    super::buttons(ui, true)
}

/// A new relation the dataset already has (same kind, same ends): say so, and offer to quote
/// onto that one instead of making a second.
fn same_relation(ui: &mut Ui, (dataset, index): (&Dataset, &DatasetIndex), form: &mut QuoteForm) {
    let new = &form.relation;
    let (Some(from), Some(to)) = (
        new.from.and_then(|a| dataset.actors.get(a)),
        new.to.and_then(|a| dataset.actors.get(a)),
    ) else {
        return;
    };
    if new.new_kind.is_some() {
        return;
    }
    let same = dataset.relations.iter().position(|r| {
        r.kind == new.kind
            && ((r.from == from.id && r.to == to.id)
                || ((new.mutual || r.direction == crate::model::Direction::Mutual)
                    && r.from == to.id
                    && r.to == from.id))
    });
    let Some(same) = same.and_then(|at| Some((at, dataset.relations.get(at)?))) else {
        return;
    };
    ui.label(
        RichText::new(format!(
            "The dataset already has {}.",
            relation_label(dataset, index, same.1)
        ))
        .color(ui.visuals().warn_fg_color),
    );
    if ui
        .small_button("Quote onto that one")
        .on_hover_text("Add the quote to the relation the dataset has, rather than make a second")
        .clicked()
    {
        form.onto = QuoteOnto::Existing;
        form.existing = Some(same.0);
    }
}

/// The relation picked, or a filter and the relations that match it. A click on an edge of
/// the graph picks one too.
fn existing_relation(ui: &mut Ui, (dataset, index): (&Dataset, &DatasetIndex), form: &mut QuoteForm) {
    if let Some(relation) = form.existing.and_then(|r| dataset.relations.get(r)) {
        ui.horizontal_wrapped(|ui| {
            ui.strong(relation_label(dataset, index, relation));
            if ui
                .small_button("Change")
                .on_hover_text("Choose another relation")
                .clicked()
            {
                form.existing = None;
            }
        });
        return;
    }
    ui.add(
        egui::TextEdit::singleline(&mut form.existing_filter)
            .hint_text("type an actor or kind, or click an edge")
            .desired_width(f32::INFINITY),
    );
    let filter = form.existing_filter.trim().to_lowercase();
    const SHOWN: usize = 8;
    let offered = form.offered_relation.filter(|r| *r < dataset.relations.len());
    let mut matching = offered
        .into_iter()
        .chain((0..dataset.relations.len()).filter(|r| Some(*r) != offered))
        .filter_map(|at| Some((at, relation_label(dataset, index, dataset.relations.get(at)?))))
        .filter(|(_, text)| filter.is_empty() || text.to_lowercase().contains(&filter));
    for (at, text) in matching.by_ref().take(SHOWN) {
        let text = if Some(at) == offered {
            format!("{text} (selected)")
        } else {
            text
        };
        if ui.selectable_label(false, text).clicked() {
            form.existing = Some(at);
        }
    }
    let more = matching.count();
    if more > 0 {
        ui.label(RichText::new(format!("and {more} more: type to narrow")).weak().small());
    }
}

/// "Arms supply: North Korea → Iran (1982–1988)": the period tells apart two relations of a
/// kind between the same actors.
pub fn relation_label(dataset: &Dataset, index: &DatasetIndex, relation: &Relation) -> String {
    let period = relation
        .period
        .filter(|p| p.start.is_some() || p.end.is_some())
        .map(|p| format!(" ({})", p.describe()))
        .unwrap_or_default();
    format!(
        "{}: {}{period}",
        dataset.relation_kind_label(&relation.kind),
        describe_relation(dataset, index, relation)
    )
}
