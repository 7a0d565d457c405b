//! New relation and Edit relation: its two actors, kind (or a new kind), direction, period,
//! summary and magnitude as the source states it.

use egui::{RichText, Ui};

use super::FormAction;
use super::actor_picker::actor_picker;
use super::fields::{
    date_text, id_from, optional, other_problems, parse_period, period_fields, problem_for, show_problem, text_area,
    text_field,
};
use crate::model::{Dataset, Direction, FieldProblem, Magnitude, Relation, RelationKindDecl};

#[derive(Debug, Clone, PartialEq)]
pub struct RelationForm {
    /// The relation edited; `None` for a new one.
    pub target: Option<usize>,
    pub from: Option<usize>,
    pub to: Option<usize>,
    pub from_filter: String,
    pub to_filter: String,
    pub kind: String,
    /// A kind the dataset does not have yet: its label and colour.
    pub new_kind: Option<(String, [u8; 3])>,
    pub mutual: bool,
    pub period: (String, String),
    pub summary: String,
    /// The source's own words for how much ("up to 10,000 troops"), a figure and its unit.
    pub magnitude: (String, String, String),
    pub problems: Vec<FieldProblem>,
}

impl RelationForm {
    /// A new relation of `kind` (the dataset's commonest) between the ends known so far.
    pub fn new_relation(from: Option<usize>, to: Option<usize>, kind: &str) -> Self {
        Self {
            target: None,
            from,
            to,
            from_filter: String::new(),
            to_filter: String::new(),
            kind: kind.to_owned(),
            new_kind: None,
            mutual: false,
            period: (String::new(), String::new()),
            summary: String::new(),
            magnitude: (String::new(), String::new(), String::new()),
            problems: Vec::new(),
        }
    }

    pub fn edit(dataset: &Dataset, at: usize, from: Option<usize>, to: Option<usize>) -> Option<Self> {
        let relation = dataset.relations.get(at)?;
        let period = relation.period.unwrap_or_default();
        let magnitude = relation.magnitude.as_ref().map_or_else(Default::default, |m| {
            (
                m.as_stated.clone(),
                m.value.as_ref().map(ToString::to_string).unwrap_or_default(),
                m.unit.clone().unwrap_or_default(),
            )
        });
        Some(Self {
            target: Some(at),
            kind: relation.kind.clone(),
            mutual: relation.direction == Direction::Mutual,
            period: (date_text(period.start), date_text(period.end)),
            summary: relation.summary.clone().unwrap_or_default(),
            magnitude,
            ..Self::new_relation(from, to, &relation.kind)
        })
    }

    /// The end typed in first: the first one still empty.
    pub fn first_empty_end(&self) -> Option<&'static str> {
        match (self.from, self.to) {
            (None, _) => Some("from"),
            (Some(_), None) => Some("to"),
            _ => None,
        }
    }

    /// The next actor clicked on the canvas fills the first end still empty.
    pub fn waiting_for_actor(&self) -> bool {
        self.from.is_none() || self.to.is_none()
    }

    pub fn take_actor(&mut self, actor: usize) {
        if self.from.is_none() {
            self.from = Some(actor);
        } else if self.to.is_none() {
            self.to = Some(actor);
        }
    }

    /// The relation as the form has it, on top of `base`, with the kind it declares.
    pub fn relation(
        &self,
        dataset: &Dataset,
        base: Option<&Relation>,
        id: &str,
    ) -> Result<(Relation, Option<RelationKindDecl>), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let period = parse_period(&self.period.0, &self.period.1, "period", &mut problems);
        let end = |end: Option<usize>, field: &str, problems: &mut Vec<FieldProblem>| {
            let actor = end.and_then(|a| dataset.actors.get(a));
            if actor.is_none() {
                problems.push(FieldProblem {
                    field: field.to_owned(),
                    message: "choose an actor".to_owned(),
                });
            }
            actor.map(|a| a.id.clone()).unwrap_or_default()
        };
        let from = end(self.from, "from", &mut problems);
        let to = end(self.to, "to", &mut problems);
        let (as_stated, value, unit) = &self.magnitude;
        let value = match value.trim() {
            "" => None,
            text => match text.replace(',', "").parse::<serde_json::Number>() {
                Ok(number) => Some(number),
                Err(_) => {
                    problems.push(FieldProblem {
                        field: "magnitude/value".to_owned(),
                        message: format!("`{text}` is not a number"),
                    });
                    None
                }
            },
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let new_kind = self.new_kind.as_ref().map(|(label, [r, g, b])| {
            let mut decl = RelationKindDecl::new(id_from(label), label.trim());
            decl.colour = Some(format!("#{r:02x}{g:02x}{b:02x}"));
            decl
        });
        let mut relation = base.cloned().unwrap_or_else(|| Relation::new(id, "", "", ""));
        relation.kind = new_kind.as_ref().map_or_else(|| self.kind.clone(), |k| k.id.clone());
        relation.from = from;
        relation.to = to;
        relation.direction = if self.mutual {
            Direction::Mutual
        } else {
            Direction::Directed
        };
        relation.period = period;
        relation.summary = optional(&self.summary);
        relation.magnitude = (!as_stated.trim().is_empty() || value.is_some()).then(|| Magnitude {
            value,
            unit: optional(unit),
            as_stated: as_stated.trim().to_owned(),
            extra: Default::default(),
        });
        Ok((relation, new_kind))
    }
}

pub fn relation_form(ui: &mut Ui, dataset: &Dataset, form: &mut RelationForm) -> Option<FormAction> {
    ui.heading(if form.target.is_some() {
        "Edit relation"
    } else {
        "New relation"
    });
    ui.add_space(4.0);
    relation_fields(ui, dataset, form);
    super::buttons(ui, form.target.is_none())
}

/// The relation's ends, kind, direction, period, summary and magnitude, with their problems.
pub(super) fn relation_fields(ui: &mut Ui, dataset: &Dataset, form: &mut RelationForm) {
    let problems = form.problems.clone();
    for (label, end, filter, field) in [
        ("From", &mut form.from, &mut form.from_filter, "from"),
        ("To", &mut form.to, &mut form.to_filter, "to"),
    ] {
        ui.label(RichText::new(label).weak());
        match end.and_then(|a| dataset.actors.get(a)) {
            Some(actor) => {
                ui.horizontal(|ui| {
                    ui.strong(&actor.name);
                    if ui
                        .small_button("Change")
                        .on_hover_text("Choose another actor for this end")
                        .clicked()
                    {
                        *end = None;
                    }
                });
            }
            None => {
                if let Some(actor) = actor_picker(ui, dataset, filter, field, None) {
                    *end = Some(actor);
                    filter.clear();
                }
            }
        }
        show_problem(ui, problem_for(&problems, field));
    }
    if form.from.is_some()
        && form.to.is_some()
        && ui
            .small_button("⇅ Swap")
            .on_hover_text("Swap the two ends: who backs whom")
            .clicked()
    {
        std::mem::swap(&mut form.from, &mut form.to);
    }
    kind_picker(ui, dataset, form);
    show_problem(ui, problem_for(&problems, "kind"));
    show_problem(ui, problem_for(&problems, "kind/colour"));
    ui.horizontal(|ui| {
        ui.radio_value(&mut form.mutual, false, "One way (from backs to)");
        ui.radio_value(&mut form.mutual, true, "Mutual");
    });
    period_fields(
        ui,
        "Period",
        (&mut form.period.0, &mut form.period.1),
        &problems,
        "period",
    );
    text_area(ui, "Summary", "in your words", &mut form.summary, &problems, "summary");
    text_field(
        ui,
        "Magnitude as stated",
        "the source's words, e.g. up to 10,000 troops",
        &mut form.magnitude.0,
        &problems,
        "magnitude/as_stated",
    );
    ui.columns(2, |columns| {
        if let [left, right] = columns {
            left.add(
                egui::TextEdit::singleline(&mut form.magnitude.1)
                    .hint_text("figure")
                    .desired_width(f32::INFINITY),
            );
            right.add(
                egui::TextEdit::singleline(&mut form.magnitude.2)
                    .hint_text("unit")
                    .desired_width(f32::INFINITY),
            );
        }
    });
    show_problem(ui, problem_for(&problems, "magnitude/value"));
    other_problems(
        ui,
        &problems,
        &["from", "to", "kind", "period", "summary", "magnitude", "evidence"],
    );
}

/// A kind the dataset knows, or a new one with its name and colour.
fn kind_picker(ui: &mut Ui, dataset: &Dataset, form: &mut RelationForm) {
    ui.label(RichText::new("Kind").weak());
    let selected = match &form.new_kind {
        Some(_) => "New kind…".to_owned(),
        None => dataset.relation_kind_label(&form.kind).to_owned(),
    };
    egui::ComboBox::from_id_salt("relation-kind")
        .truncate()
        .height(360.0)
        .selected_text(selected)
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for kind in dataset.known_relation_kinds() {
                if ui
                    .selectable_label(
                        form.new_kind.is_none() && form.kind == kind,
                        dataset.relation_kind_label(kind),
                    )
                    .clicked()
                {
                    form.kind = kind.to_owned();
                    form.new_kind = None;
                }
            }
            if ui.selectable_label(form.new_kind.is_some(), "New kind…").clicked() && form.new_kind.is_none() {
                form.new_kind = Some((String::new(), [0x7b, 0x32, 0x94]));
            }
        });
    if let Some((label, colour)) = &mut form.new_kind {
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(label)
                    .hint_text("name of the new kind")
                    .desired_width((ui.available_width() - 60.0).max(60.0)),
            );
            ui.color_edit_button_srgb(colour)
                .on_hover_text("Its colour on the graph");
        });
    }
}
