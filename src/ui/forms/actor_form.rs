//! New actor and Edit actor: name, kind, aliases, description and active period.

use egui::{RichText, Ui};

use super::FormAction;
use super::fields::{
    IdField, date_text, id_field, optional, other_problems, parse_period, period_fields, problem_for, show_problem,
    text_area, text_field,
};
use crate::layout::Vec2;
use crate::model::{Actor, Dataset, FieldProblem};

#[derive(Debug, Clone, PartialEq)]
pub struct ActorForm {
    /// The actor edited; `None` for a new one.
    pub target: Option<usize>,
    /// Where a new actor goes, in layout space (the middle of the view without one).
    pub place: Option<Vec2>,
    pub id: String,
    /// The user typed the id: it no longer follows the name.
    pub id_typed: bool,
    pub name: String,
    pub kind: String,
    /// One a line.
    pub aliases: String,
    pub description: String,
    pub active: (String, String),
    pub problems: Vec<FieldProblem>,
}

impl ActorForm {
    /// A new actor of `kind` (the dataset's commonest, or the selected actor's).
    pub fn new_actor(place: Option<Vec2>, kind: &str) -> Self {
        Self {
            target: None,
            place,
            id: String::new(),
            id_typed: false,
            name: String::new(),
            kind: kind.to_owned(),
            aliases: String::new(),
            description: String::new(),
            active: (String::new(), String::new()),
            problems: Vec::new(),
        }
    }

    pub fn edit(dataset: &Dataset, at: usize) -> Option<Self> {
        let actor = dataset.actors.get(at)?;
        let active = actor.active.unwrap_or_default();
        Some(Self {
            target: Some(at),
            place: None,
            id: actor.id.clone(),
            id_typed: true,
            name: actor.name.clone(),
            kind: actor.kind.clone(),
            aliases: actor.aliases.join("\n"),
            description: actor.description.clone().unwrap_or_default(),
            active: (date_text(active.start), date_text(active.end)),
            problems: Vec::new(),
        })
    }

    /// The actor as the form has it, on top of `base` (what the form does not show is kept).
    pub fn actor(&self, base: Option<&Actor>) -> Result<Actor, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let active = parse_period(&self.active.0, &self.active.1, "active", &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut actor = base.cloned().unwrap_or_else(|| Actor::new("", "", ""));
        actor.id = self.id.trim().to_owned();
        actor.name = self.name.trim().to_owned();
        actor.kind.clone_from(&self.kind);
        actor.aliases = self
            .aliases
            .lines()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        actor.description = optional(&self.description);
        actor.active = active;
        Ok(actor)
    }
}

pub fn actor_form(ui: &mut Ui, dataset: &Dataset, form: &mut ActorForm) -> Option<FormAction> {
    ui.heading(if form.target.is_some() {
        "Edit actor"
    } else {
        "New actor"
    });
    ui.add_space(4.0);
    let problems = form.problems.clone();
    let before = form.name.clone();
    text_field(ui, "Name", "as the sources write it", &mut form.name, &problems, "name");
    id_field(
        ui,
        IdField {
            id: &mut form.id,
            typed: &mut form.id_typed,
            new: form.target.is_none(),
            hint: "a short unique name, e.g. north_korea",
            why: "Relations name their actors by id, so it stays as it is.",
        },
        (&before, &form.name),
        &problems,
    );
    ui.label(RichText::new("Kind").weak());
    egui::ComboBox::from_id_salt("actor-kind")
        .truncate()
        .height(360.0)
        .selected_text(dataset.actor_kind_label(&form.kind))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for kind in dataset.known_actor_kinds() {
                ui.selectable_value(&mut form.kind, kind.to_owned(), dataset.actor_kind_label(kind));
            }
        });
    show_problem(ui, problem_for(&problems, "kind"));
    text_area(
        ui,
        "Aliases",
        "other names, one a line",
        &mut form.aliases,
        &problems,
        "aliases",
    );
    text_area(ui, "Description", "", &mut form.description, &problems, "description");
    period_fields(
        ui,
        "Active",
        (&mut form.active.0, &mut form.active.1),
        &problems,
        "active",
    );
    other_problems(
        ui,
        &problems,
        &["name", "id", "kind", "aliases", "description", "active"],
    );
    super::buttons(ui, form.target.is_none())
}
