//! Find Paths: two actors, how they are connected through the relations that pass the
//! filters, each path hop by hop with the statement that backs it best and its weakest hop.

use egui::{RichText, Ui};

use super::command::{Command, Selection};
use super::forms::{actor_picker, focus_field};
use super::palette::KindLooks;
use super::widgets::{colour_swatch, hostile_toggle};
use crate::analysis::{FoundPath, Hop, Hostile, PathQuery};
use crate::model::Dataset;

/// What the user asked: the ends (chosen, or being typed), the actor to avoid, how many paths
/// and whether to follow direction; and which path is highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathsForm {
    pub from: Option<usize>,
    pub to: Option<usize>,
    pub avoid: Option<usize>,
    pub typed: [String; 3],
    pub k: usize,
    pub follow_direction: bool,
    /// The path highlighted on the canvas.
    pub chosen: Option<usize>,
}

impl PathsForm {
    pub fn from(actor: Option<usize>) -> Self {
        Self {
            from: actor,
            to: None,
            avoid: None,
            typed: Default::default(),
            k: PathQuery::DEFAULT_K,
            follow_direction: false,
            chosen: None,
        }
    }

    /// The question, once both ends are chosen.
    pub fn query(&self) -> Option<PathQuery> {
        Some(PathQuery {
            from: self.from?,
            to: self.to?,
            k: self.k,
            follow_direction: self.follow_direction,
            avoid: self.avoid,
        })
    }

    /// An actor clicked on the canvas fills the first end still missing; false when both are
    /// chosen (the click then selects as usual).
    pub fn take_actor(&mut self, actor: usize) -> bool {
        let slot = if self.from.is_none() {
            &mut self.from
        } else if self.to.is_none() && self.from != Some(actor) {
            &mut self.to
        } else {
            return false;
        };
        *slot = Some(actor);
        self.chosen = None;
        true
    }
}

/// The answer to the question last asked.
pub struct PathsAnswer<'a> {
    pub paths: &'a [FoundPath],
    /// How many relations passed the filters, of how many.
    pub counted: usize,
    pub total: usize,
}

/// Find Paths, in the side panel. Changes the form in place; what the app must do comes back
/// as commands.
pub fn paths_panel(
    ui: &mut Ui,
    (dataset, looks): (&Dataset, &KindLooks),
    form: &mut PathsForm,
    answer: Option<&PathsAnswer<'_>>,
    hostile: Hostile,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.heading("Find Paths");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").on_hover_text("Close Find Paths").clicked() {
                commands.push(Command::ClosePaths);
            }
        });
    });
    ui.label(RichText::new("How two actors are connected through the relations that pass the filters.").weak());
    ui.add_space(4.0);
    ends(ui, dataset, form);
    ui.horizontal(|ui| {
        let changed = ui
            .checkbox(&mut form.follow_direction, "Follow direction")
            .on_hover_text("Only along each relation's direction (mutual relations go both ways)")
            .changed();
        ui.separator();
        ui.label("Paths:");
        let k = ui
            .add(egui::DragValue::new(&mut form.k).range(1..=20))
            .on_hover_text("How many paths to find, shortest first");
        if changed || k.changed() {
            form.chosen = None;
        }
    });
    commands.extend(hostile_toggle(ui, dataset, hostile, true));
    ui.separator();
    let same = form.from.is_some() && form.from == form.to;
    let avoids_an_end = form.avoid.is_some() && (form.avoid == form.from || form.avoid == form.to);
    if same || avoids_an_end {
        let why = if same {
            "From and To are the same actor: choose another."
        } else {
            "The actor to avoid is one of the ends: choose another, or none."
        };
        ui.label(RichText::new(why).color(ui.visuals().warn_fg_color));
        return commands;
    }
    match (form.query(), answer) {
        (None, _) => {
            ui.label(RichText::new("Choose two actors: type a name, or click one in the graph.").weak());
        }
        (Some(_), None) => {
            ui.spinner();
        }
        (Some(query), Some(answer)) => {
            egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
                commands.extend(results(ui, (dataset, looks), &query, form.chosen, answer));
            });
        }
    }
    commands
}

/// From, To and Avoid: a chosen actor with a button to change it, or a picker.
fn ends(ui: &mut Ui, dataset: &Dataset, form: &mut PathsForm) {
    let slots: [(&str, &str); 3] = [("From", "paths-from"), ("To", "paths-to"), ("Avoid", "paths-avoid")];
    egui::Grid::new("path ends").num_columns(2).show(ui, |ui| {
        for (slot, (label, name)) in slots.into_iter().enumerate() {
            ui.label(label);
            let current = [form.from, form.to, form.avoid][slot];
            let mut picked = current;
            let typed = &mut form.typed[slot];
            ui.vertical(|ui| match current.and_then(|a| dataset.actors.get(a)) {
                Some(actor) => {
                    ui.horizontal(|ui| {
                        ui.strong(&actor.name);
                        if ui
                            .small_button("Change")
                            .on_hover_text(format!("Choose another ({label})"))
                            .clicked()
                        {
                            picked = None;
                        }
                    });
                }
                None => {
                    if let Some(actor) = actor_picker(ui, dataset, typed, name, None) {
                        picked = Some(actor);
                        typed.clear();
                    }
                }
            });
            if picked != current {
                *[&mut form.from, &mut form.to, &mut form.avoid][slot] = picked;
                form.chosen = None;
                // Chose where from: on to where to (or back to the field just cleared).
                match (slot, picked, form.to) {
                    (0, Some(_), None) => focus_field(ui.ctx(), "paths-to"),
                    (_, None, _) => focus_field(ui.ctx(), name),
                    _ => {}
                }
            }
            if slot == 1 {
                ui.end_row();
                ui.label("");
                if ui.small_button("⇅ Swap").on_hover_text("Swap From and To").clicked() {
                    std::mem::swap(&mut form.from, &mut form.to);
                    form.chosen = None;
                }
            }
            ui.end_row();
        }
    });
}

fn results(
    ui: &mut Ui,
    (dataset, looks): (&Dataset, &KindLooks),
    query: &PathQuery,
    chosen: Option<usize>,
    answer: &PathsAnswer<'_>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let name = |a: usize| dataset.actors.get(a).map_or("?", |x| x.name.as_str());
    let over = format!(
        "over the {} of {} relations that pass the filters",
        answer.counted, answer.total
    );
    if answer.paths.is_empty() {
        let mut how = String::new();
        if let Some(avoided) = query.avoid {
            how.push_str(&format!(" avoiding {}", name(avoided)));
        }
        if query.follow_direction {
            how.push_str(" following direction");
        }
        let text = format!("No path from {} to {}{how} {over}.", name(query.from), name(query.to));
        ui.label(RichText::new(text).strong());
        let mut loosen = Vec::new();
        if answer.counted < answer.total {
            loosen.push("the kind, time or evidence filters");
        }
        if query.avoid.is_some() {
            loosen.push("Avoid");
        }
        if query.follow_direction {
            loosen.push("Follow direction");
        }
        if !loosen.is_empty() {
            ui.label(RichText::new(format!("To look further, loosen {}.", loosen.join(", or "))).weak());
        }
        return commands;
    }
    let hint = if chosen.is_none() {
        " Choose one to see it on the canvas, hop by hop."
    } else {
        ""
    };
    ui.label(
        RichText::new(format!(
            "{} {over}.{hint}",
            crate::text::shortest_paths(answer.paths.len(), query.k)
        ))
        .weak(),
    );
    for (i, path) in answer.paths.iter().enumerate() {
        let route: Vec<&str> = path.actors.iter().map(|&a| name(a)).collect();
        let is_chosen = chosen == Some(i);
        let weakest = path
            .weakest
            .and_then(|h| path.hops.get(h))
            .map(|hop| {
                format!(
                    " · weakest: {}",
                    hop.grade.map_or_else(|| "no evidence".to_owned(), |g| g.to_string())
                )
            })
            .unwrap_or_default();
        let title = format!("{}. {}", i + 1, route.join(" → "));
        ui.add_space(4.0);
        let header = ui
            .selectable_label(is_chosen, RichText::new(title).strong())
            .on_hover_text("Highlight this path on the canvas and show its hops (Esc clears)");
        ui.label(
            RichText::new(format!("{}{weakest}", crate::text::count(path.hops.len(), "hop")))
                .weak()
                .small(),
        );
        if header.clicked() {
            commands.push(Command::ChoosePath((!is_chosen).then_some(i)));
        }
        if is_chosen {
            ui.indent(("path", i), |ui| {
                for (h, hop) in path.hops.iter().enumerate() {
                    hop_row(ui, (dataset, looks), hop, path.weakest == Some(h), &mut commands);
                }
            });
        }
    }
    commands
}

/// One hop: who to whom, over which relations, the best statement and its grade.
fn hop_row(
    ui: &mut Ui,
    (dataset, looks): (&Dataset, &KindLooks),
    hop: &Hop,
    weakest: bool,
    commands: &mut Vec<Command>,
) {
    let name = |a: usize| dataset.actors.get(a).map_or("?", |x| x.name.as_str());
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} → {}", name(hop.from), name(hop.to)));
        let grade = hop.grade.map_or_else(|| "no evidence".to_owned(), |g| g.to_string());
        let grade_text = RichText::new(grade).monospace();
        ui.label(if weakest {
            grade_text.color(ui.visuals().warn_fg_color)
        } else {
            grade_text.weak()
        })
        .on_hover_text("The best grade among this hop's statements: source reliability (A–F) and credibility (1–6)");
        if weakest {
            ui.label(RichText::new("⚠ weakest hop").color(ui.visuals().warn_fg_color))
                .on_hover_text("This hop rests on the lowest-graded evidence of the path");
        }
    });
    for &r in &hop.relations {
        let Some(relation) = dataset.relations.get(r) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            ui.add_space(12.0);
            colour_swatch(ui, looks.relation_colour(&relation.kind));
            let text = crate::text::relation_line(dataset, relation);
            if ui
                .link(text)
                .on_hover_text("Show this relation and all its evidence")
                .clicked()
            {
                commands.push(Command::Select(Selection::Relation(r)));
            }
        });
    }
    if let Some(evidence) = hop
        .best
        .and_then(|at| dataset.relations.get(at.relation)?.evidence.get(at.evidence))
    {
        ui.horizontal_wrapped(|ui| {
            ui.add_space(12.0);
            let said_by = evidence
                .speaker
                .as_deref()
                .map(|s| format!(" — {s}"))
                .unwrap_or_default();
            ui.label(RichText::new(format!("“{}”{said_by}", evidence.quote)).italics());
        });
    }
    ui.add_space(2.0);
}
