//! What every form is made of: labelled fields with the problem beside them, dates typed as
//! `2024`, `2024-06` or `2024-06-19`, and ids made from names.

use egui::{RichText, Ui};

use crate::model::{FieldProblem, PartialDate, Period};

/// A labelled one-line field; `problem` (for `name`) is shown under it in the error colour.
pub fn text_field(ui: &mut Ui, label: &str, hint: &str, value: &mut String, problems: &[FieldProblem], name: &str) {
    ui.label(RichText::new(label).weak());
    let error = problem_for(problems, name);
    let mut edit = egui::TextEdit::singleline(value)
        .hint_text(hint)
        .desired_width(f32::INFINITY);
    if error.is_some() {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(edit.id(field_id(name))).on_hover_text(hint);
    take_focus_if_asked(ui, &response, name);
    show_problem(ui, error);
}

/// A labelled field of several lines.
pub fn text_area(ui: &mut Ui, label: &str, hint: &str, value: &mut String, problems: &[FieldProblem], name: &str) {
    ui.label(RichText::new(label).weak());
    let error = problem_for(problems, name);
    let response = ui.add(
        egui::TextEdit::multiline(value)
            .id(field_id(name))
            .hint_text(hint)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    );
    take_focus_if_asked(ui, &response, name);
    show_problem(ui, error);
}

/// Start and end of a period, side by side, each a partial date or empty for unknown.
pub fn period_fields(
    ui: &mut Ui,
    label: &str,
    (start, end): (&mut String, &mut String),
    problems: &[FieldProblem],
    name: &str,
) {
    ui.label(RichText::new(label).weak());
    let hint = "YYYY, YYYY-MM or YYYY-MM-DD; empty if unknown";
    ui.columns(2, |columns| {
        if let [left, right] = columns {
            left.add(
                egui::TextEdit::singleline(start)
                    .hint_text("from")
                    .desired_width(f32::INFINITY),
            )
            .on_hover_text(hint);
            right
                .add(
                    egui::TextEdit::singleline(end)
                        .hint_text("to")
                        .desired_width(f32::INFINITY),
                )
                .on_hover_text(hint);
        }
    });
    show_problem(ui, problem_for(problems, &format!("{name}/start")));
    show_problem(ui, problem_for(problems, &format!("{name}/end")));
    show_problem(ui, problem_for(problems, name));
}

pub fn field_id(name: &str) -> egui::Id {
    egui::Id::new(("form-field", name))
}

fn focus_request_id() -> egui::Id {
    egui::Id::new("form-field-to-focus")
}

/// Asks that the field `name` take the keyboard focus when next drawn, so that a form opens
/// ready for typing. (Asked of the field itself once it exists: a focus on a widget not yet
/// drawn would point screen readers at nothing.)
pub fn focus_field(ctx: &egui::Context, name: &'static str) {
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), name));
}

pub fn take_focus_if_asked(ui: &Ui, response: &egui::Response, name: &str) {
    let asked = ui.data(|d| d.get_temp::<&'static str>(focus_request_id()));
    if asked == Some(name) {
        response.request_focus();
        ui.data_mut(|d| d.remove::<&'static str>(focus_request_id()));
    }
}

pub fn problem_for<'a>(problems: &'a [FieldProblem], name: &str) -> Option<&'a str> {
    problems.iter().find(|p| p.field == name).map(|p| p.message.as_str())
}

pub fn show_problem(ui: &mut Ui, problem: Option<&str>) {
    if let Some(message) = problem {
        ui.label(RichText::new(format!("⚠ {message}")).color(ui.visuals().error_fg_color));
    }
}

/// Problems no field shows (a form lists them above its buttons, so none goes unseen).
pub fn other_problems(ui: &mut Ui, problems: &[FieldProblem], shown: &[&str]) {
    for problem in problems {
        let seen = shown
            .iter()
            .any(|f| problem.field == *f || problem.field.starts_with(&format!("{f}/")));
        if !seen {
            show_problem(ui, Some(&problem.message));
        }
    }
}

/// The text typed as a date: none when empty, a problem for `field` when not a date.
pub fn parse_date(text: &str, field: &str, problems: &mut Vec<FieldProblem>) -> Option<PartialDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse() {
        Ok(date) => Some(date),
        Err(error) => {
            let crate::model::DateError { reason, .. } = error;
            problems.push(FieldProblem {
                field: field.to_owned(),
                message: format!("`{text}` is not a date: {reason} (YYYY, YYYY-MM or YYYY-MM-DD)"),
            });
            None
        }
    }
}

/// A period from its two fields; none when both are empty.
pub fn parse_period(start: &str, end: &str, field: &str, problems: &mut Vec<FieldProblem>) -> Option<Period> {
    let start = parse_date(start, &format!("{field}/start"), problems);
    let end = parse_date(end, &format!("{field}/end"), problems);
    (start.is_some() || end.is_some()).then_some(Period { start, end })
}

pub fn date_text(date: Option<PartialDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// Empty text is unknown, not an empty value.
pub fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// What an id field shows: while the record is new, the id follows its name until the user
/// types one; once it exists, the id is shown and stays (`why` says why).
pub struct IdField<'a> {
    pub id: &'a mut String,
    pub typed: &'a mut bool,
    pub new: bool,
    pub hint: &'a str,
    pub why: &'a str,
}

/// The id field under a name field; `name_before` is the name as it was before this frame.
pub fn id_field(ui: &mut Ui, field: IdField<'_>, (name_before, name): (&str, &str), problems: &[FieldProblem]) {
    let IdField {
        id,
        typed,
        new,
        hint,
        why,
    } = field;
    if !new {
        ui.label(RichText::new(format!("Id: {id}")).weak()).on_hover_text(why);
        return;
    }
    if !*typed && name != name_before {
        *id = id_from(name).chars().take(40).collect();
    }
    let id_before = id.clone();
    text_field(ui, "Id", hint, id, problems, "id");
    *typed |= *id != id_before;
}

/// An id from a name, as ids are written in Entente files: `North Korea` → `north_korea`.
pub fn id_from(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    id.trim_end_matches('_').to_owned()
}

/// `base`, or `base_2`, `base_3`… the first that `taken` does not refuse.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if base.is_empty() { "item" } else { base };
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_from_names_and_kept_apart_from_those_taken() {
        assert_eq!(id_from("  North Korea (DPRK) "), "north_korea_dprk");
        assert_eq!(unique_id("russia", |id| id == "russia" || id == "russia_2"), "russia_3");
    }

    #[test]
    fn a_date_that_is_not_one_is_a_problem_of_its_field() {
        let mut problems = Vec::new();
        let period = parse_period("2024-13", "", "period", &mut problems);
        assert_eq!(period, None);
        assert_eq!(problems[0].field, "period/start");
        assert!(problems[0].message.contains("01 to 12"), "{}", problems[0].message);
    }
}
