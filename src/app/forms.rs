//! The forms that change the dataset: opening one for what the user chose, checking what it
//! says as `entente check` would, and taking it as one undo step or showing its problems.

use super::App;
use crate::layout::Vec2;
use crate::model::{
    self, EvidenceAt, FieldProblem, Proposed, add_actor, add_relation, add_source, change_actor, change_evidence,
    change_relation, change_source,
};
use crate::ui::forms::{
    ActorForm, EvidenceForm, Form, MergeForm, QuoteForm, QuoteOnto, RelationForm, SourceForm, focus_field, id_from,
    unique_id,
};
use crate::ui::{Command, Selection};

/// The form open in the side panel, one waiting under it, and a deletion waiting for "yes".
#[derive(Debug, Default)]
pub struct Editing {
    pub form: Option<Form>,
    /// An evidence form the user left to add a source; it comes back with that source chosen.
    pub waiting: Option<Form>,
    /// An actor the user asked to delete, until they confirm.
    pub confirm_delete: Option<usize>,
    /// Why a deletion was refused (title, reason), until the user has read it.
    pub refusal: Option<(String, String)>,
}

impl App {
    /// Commands that open, save or close a form, or delete and merge; false for any other.
    pub(super) fn apply_edit_command(&mut self, command: &Command) -> bool {
        let dataset = &self.doc.dataset;
        let index = &self.doc.views.index;
        match command {
            Command::NewActor(at) => {
                let place = at.map(|[x, y]| Vec2::new(x, y));
                let kind = match self.view.selection {
                    Some(Selection::Actor(actor)) => dataset.actors.get(actor).map(|a| a.kind.clone()),
                    _ => None,
                }
                .or_else(|| commonest(&self.doc.views.summary.actors_by_kind))
                .unwrap_or_else(|| "state".to_owned());
                self.open_form(Form::Actor(ActorForm::new_actor(place, &kind)));
            }
            Command::EditActor(at) => {
                if let Some(form) = ActorForm::edit(dataset, *at) {
                    self.open_form(Form::Actor(form));
                }
            }
            Command::DeleteActor(at) => self.editing.confirm_delete = Some(*at),
            Command::CancelDelete => self.editing.confirm_delete = None,
            Command::DismissRefusal => self.editing.refusal = None,
            Command::ConfirmDeleteActor(at) => {
                self.editing.confirm_delete = None;
                if let Some(proposed) = model::delete_actor(dataset, index, *at) {
                    self.take_and_tell(proposed);
                }
            }
            Command::NewRelation { from, to } => {
                let from = from.or(match self.view.selection {
                    Some(Selection::Actor(actor)) => Some(actor),
                    _ => None,
                });
                let kind = commonest(&self.doc.views.summary.relations_by_kind).unwrap_or_else(|| "treaty".to_owned());
                self.open_form(Form::Relation(RelationForm::new_relation(from, *to, &kind)));
            }
            Command::EditRelation(at) => {
                let ends = index.ends_of(*at);
                if let Some(form) = RelationForm::edit(dataset, *at, ends.map(|e| e.0), ends.map(|e| e.1)) {
                    self.open_form(Form::Relation(form));
                }
            }
            Command::DeleteRelation(at) => {
                if let Some(proposed) = model::delete_relation(dataset, index, *at) {
                    self.take_and_tell(proposed);
                }
            }
            Command::AddEvidence(relation) => {
                self.open_form(Form::Evidence(EvidenceForm::new_item(dataset, *relation)))
            }
            Command::EditEvidence(EvidenceAt { relation, evidence }) => {
                if let Some(form) = EvidenceForm::edit(dataset, *relation, *evidence) {
                    self.open_form(Form::Evidence(form));
                }
            }
            Command::DeleteEvidence(EvidenceAt { relation, evidence }) => {
                if let Ok(proposed) = change_evidence(dataset, index, *relation, Some(*evidence), None) {
                    self.take_and_tell(proposed);
                }
            }
            Command::NewSource | Command::ShowSources | Command::EditSource(_) | Command::DeleteSource(_) => {
                self.apply_source_command(command);
            }
            Command::StartMerge(gone) => self.open_form(Form::Merge(MergeForm::new(*gone))),
            Command::MergeActors { keep, gone } => {
                if let Some(proposed) = model::merge_actors(dataset, index, *keep, *gone) {
                    let kept = dataset.actors.get(*keep).map(|a| a.id.clone());
                    self.editing.form = None;
                    self.take_and_tell(proposed);
                    if let Some(actor) = kept.and_then(|id| self.doc.views.index.actor(&id)) {
                        self.select(Some(Selection::Actor(actor)));
                    }
                }
            }
            Command::SaveForm => self.save_form(),
            Command::CancelForm => {
                self.editing.form = self.editing.waiting.take();
            }
            _ => return false,
        }
        true
    }

    fn apply_source_command(&mut self, command: &Command) {
        let dataset = &self.doc.dataset;
        let index = &self.doc.views.index;
        match command {
            Command::NewSource => {
                if matches!(self.editing.form, Some(Form::Evidence(_))) {
                    self.editing.waiting = self.editing.form.take();
                }
                self.show_form(Form::Source(SourceForm::new_source()));
            }
            Command::ShowSources => {
                self.editing.form = None;
                self.editing.waiting = None;
                self.select(None);
            }
            Command::EditSource(at) => {
                if let Some(source) = dataset.sources.get(*at) {
                    self.open_form(Form::Source(SourceForm::edit(*at, source)));
                }
            }
            Command::DeleteSource(at) => match model::delete_source(dataset, index, *at) {
                Ok(proposed) => self.take_and_tell(proposed),
                Err(refusal) => {
                    let title = dataset.sources.get(*at).map_or_else(
                        || "Cannot delete the source".to_owned(),
                        |s| format!("Cannot delete “{}”", s.title),
                    );
                    self.editing.refusal = Some((title, refusal));
                }
            },
            _ => {}
        }
    }

    fn open_form(&mut self, form: Form) {
        self.editing.waiting = None;
        if matches!(&form, Form::Merge(_)) || matches!(&form, Form::Relation(r) if r.target.is_none()) {
            // The user picks actors in the graph: none is spotlit, so every one shows in full.
            self.select(None);
        }
        self.show_form(form);
    }

    fn show_form(&mut self, form: Form) {
        if let Some(field) = form.first_field() {
            focus_field(&self.ctx, field);
        }
        self.editing.form = Some(form);
    }

    /// An actor clicked while a form waits for one: the next end of a new relation, or the
    /// actor a merge keeps.
    pub(super) fn form_takes_actor(&mut self, actor: usize) -> bool {
        match &mut self.editing.form {
            Some(Form::Relation(form)) if form.waiting_for_actor() => {
                form.take_actor(actor);
                true
            }
            Some(Form::Merge(form)) if form.into.is_none() => {
                form.take_actor(actor);
                true
            }
            Some(Form::Quote(form)) => form.take_actor(actor),
            _ => false,
        }
    }

    /// A relation clicked while Quote as evidence waits for the relation it goes onto.
    pub(super) fn form_takes_relation(&mut self, relation: usize) -> bool {
        match &mut self.editing.form {
            Some(Form::Quote(form)) => form.take_relation(relation),
            _ => false,
        }
    }

    /// Takes a change made outside any form (a deletion, a merge). A form left open would
    /// point at items by positions the change may have moved: it closes.
    fn take_and_tell(&mut self, proposed: Proposed) {
        self.editing.form = None;
        self.editing.waiting = None;
        let label = proposed.label.clone();
        self.take_edit(proposed, None);
        self.notify(format!("{label} (Ctrl+Z to undo)"));
    }

    fn save_form(&mut self) {
        let Some(form) = self.editing.form.take() else {
            return;
        };
        match self.check_form(&form) {
            Ok((proposed, place)) => {
                let label = proposed.label.clone();
                let new_source = match &form {
                    Form::Source(source) if source.target.is_none() => Some(source.id.trim().to_owned()),
                    _ => None,
                };
                self.take_edit(proposed, place);
                let unfound = match &form {
                    Form::Source(source) => self.quotes_not_found(source.id.trim()),
                    _ => 0,
                };
                self.notify(match unfound {
                    0 => format!("{label} (Ctrl+Z to undo)"),
                    n => format!(
                        "{label}: ⚠ {} citing it not found in its text (Ctrl+Z to undo)",
                        crate::text::count(n, "quote")
                    ),
                });
                self.after_saving(&form, new_source);
            }
            Err(problems) => {
                let mut form = form;
                match &mut form {
                    Form::Actor(f) => f.problems = problems,
                    Form::Relation(f) => f.problems = problems,
                    Form::Evidence(f) => f.problems = problems,
                    Form::Source(f) => f.problems = problems,
                    Form::Quote(f) => f.set_problems(problems),
                    Form::Merge(_) => {}
                }
                self.editing.form = Some(form);
            }
        }
    }

    /// How many quotes citing `source` its text does not hold.
    fn quotes_not_found(&self, source: &str) -> usize {
        let dataset = &self.doc.dataset;
        dataset
            .relations
            .iter()
            .enumerate()
            .flat_map(|(r, relation)| relation.evidence.iter().enumerate().map(move |(e, item)| (r, e, item)))
            .filter(|(r, e, item)| {
                item.source == source && *self.doc.views.quotes.get(*r, *e) == crate::model::QuoteCheck::NotFound
            })
            .count()
    }

    /// What the saved form leads to: a new actor or relation selected; the evidence form that
    /// waited for a new source back, with that source chosen.
    fn after_saving(&mut self, form: &Form, new_source: Option<String>) {
        match form {
            Form::Actor(actor) if actor.target.is_none() => {
                let at = self.doc.dataset.actors.len().checked_sub(1);
                self.select(at.map(Selection::Actor));
            }
            Form::Relation(relation) if relation.target.is_none() => {
                let at = self.doc.dataset.relations.len().checked_sub(1);
                self.select(at.map(Selection::Relation));
            }
            Form::Quote(quote) => {
                let at = match quote.onto {
                    QuoteOnto::Existing => quote.existing,
                    QuoteOnto::New => self.doc.dataset.relations.len().checked_sub(1),
                };
                self.select(at.map(Selection::Relation));
            }
            _ => {}
        }
        if let Some(Form::Evidence(mut waiting)) = self.editing.waiting.take() {
            if let Some(source) = new_source {
                waiting.source = source;
            }
            self.show_form(Form::Evidence(waiting));
        }
    }

    /// The change the form asks for, checked; and where a new actor goes.
    fn check_form(&self, form: &Form) -> Result<(Proposed, Option<Vec2>), Vec<FieldProblem>> {
        let dataset = &self.doc.dataset;
        let index = &self.doc.views.index;
        match form {
            Form::Actor(form) => {
                let base = form.target.and_then(|at| dataset.actors.get(at));
                let actor = form.actor(base)?;
                let proposed = match form.target {
                    Some(at) => change_actor(dataset, at, actor)?,
                    None => add_actor(dataset, index, actor)?,
                };
                Ok((proposed, form.place))
            }
            Form::Relation(form) => {
                let base = form.target.and_then(|at| dataset.relations.get(at));
                let id = match base {
                    Some(relation) => relation.id.clone(),
                    None => {
                        let name =
                            |end: Option<usize>| end.and_then(|a| dataset.actors.get(a)).map_or("", |a| a.id.as_str());
                        let base = id_from(&format!("{}-{}-{}", name(form.from), form.kind, name(form.to)));
                        unique_id(&base, |id| dataset.relations.iter().any(|r| r.id == id))
                    }
                };
                let (relation, new_kind) = form.relation(dataset, base, &id)?;
                let proposed = match form.target {
                    Some(at) => change_relation(dataset, index, at, relation, new_kind, "Edit relation")?,
                    None => add_relation(dataset, index, relation, new_kind)?,
                };
                Ok((proposed, None))
            }
            Form::Evidence(form) => {
                let base = form
                    .target
                    .and_then(|at| dataset.relations.get(form.relation)?.evidence.get(at));
                let item = form.evidence(base)?;
                Ok((
                    change_evidence(dataset, index, form.relation, form.target, Some(item))?,
                    None,
                ))
            }
            Form::Source(form) => {
                let base = form.target.and_then(|at| dataset.sources.get(at));
                let source = form.source(base)?;
                let proposed = match form.target {
                    Some(at) => change_source(dataset, at, source, "Edit source")?,
                    None => add_source(dataset, index, source)?,
                };
                Ok((proposed, None))
            }
            Form::Quote(form) => Ok((self.check_quote(form)?, None)),
            Form::Merge(_) => Err(Vec::new()),
        }
    }
}

impl App {
    /// The quote as an evidence item onto the relation it names, or a new relation carrying it:
    /// either way one step of the history.
    fn check_quote(&self, form: &QuoteForm) -> Result<Proposed, Vec<FieldProblem>> {
        let dataset = &self.doc.dataset;
        let index = &self.doc.views.index;
        let item = form.evidence();
        match form.onto {
            QuoteOnto::Existing => {
                let Some(relation) = form.existing else {
                    return Err(vec![FieldProblem::new(
                        "relation",
                        "choose the relation this quote is evidence for, or make a new one",
                    )]);
                };
                change_evidence(dataset, index, relation, None, Some(item))
            }
            QuoteOnto::New => {
                let relation_form = &form.relation;
                let name = |end: Option<usize>| end.and_then(|a| dataset.actors.get(a)).map_or("", |a| a.id.as_str());
                let base = id_from(&format!(
                    "{}-{}-{}",
                    name(relation_form.from),
                    relation_form.kind,
                    name(relation_form.to)
                ));
                let id = unique_id(&base, |id| dataset.relations.iter().any(|r| r.id == id));
                let (mut relation, new_kind) = relation_form.relation(dataset, None, &id)?;
                relation.evidence.push(item);
                add_relation(dataset, index, relation, new_kind)
            }
        }
    }
}

/// The kind most items of the dataset have: what a new one most likely is.
fn commonest(counts: &std::collections::BTreeMap<String, usize>) -> Option<String> {
    counts.iter().max_by_key(|(_, n)| **n).map(|(kind, _)| kind.clone())
}
