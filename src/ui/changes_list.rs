//! With two years compared and nothing selected, the side panel lists what changed between
//! them: what began and what ended, each with when and the first words of its evidence. A
//! click opens the relation and its whole evidence.

use egui::{RichText, Ui};

use super::command::{Command, Selection};
use super::palette::KindLooks;
use super::widgets::kind_chip;
use crate::model::{Change, Dataset, Direction, Emphasis, Relation};

/// The two years compared and how each relation changed between them.
pub struct ComparedYears<'a> {
    pub before: i32,
    pub after: i32,
    /// Per relation, as `Visibility::changes`.
    pub changes: &'a [Option<Change>],
    /// Per relation, as `Visibility::relations`: what the other filters leave shown.
    pub shown: &'a [Option<Emphasis>],
}

/// How much of a quote the list shows; the relation's card shows it whole.
const QUOTE_PREVIEW: usize = 140;

pub fn changes_list(ui: &mut Ui, dataset: &Dataset, looks: &KindLooks, compared: &ComparedYears<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let ComparedYears { before, after, .. } = *compared;
    ui.heading(format!("What changed, {before} → {after}"));
    ui.label(
        RichText::new("On the graph: what began is bold, what ended is crossed out, what held in both years is faint.")
            .weak()
            .italics(),
    );
    for (change, title, none) in [
        (
            Change::Began,
            format!("Began after {before}"),
            "Nothing shown began between these years.",
        ),
        (
            Change::Ended,
            format!("Ended by {after}"),
            "Nothing shown ended between these years.",
        ),
    ] {
        let changed: Vec<(usize, &Relation)> = dataset
            .relations
            .iter()
            .enumerate()
            .filter(|(r, _)| {
                compared.changes.get(*r).copied().flatten() == Some(change)
                    && compared.shown.get(*r).copied().flatten().is_some()
            })
            .collect();
        ui.add_space(8.0);
        ui.strong(format!("{title} ({})", changed.len()));
        if changed.is_empty() {
            ui.label(RichText::new(none).weak().italics());
        }
        for (r, relation) in changed {
            ui.push_id(r, |ui| {
                ui.group(|ui| {
                    ui.set_width(ui.available_width());
                    if change_row(ui, dataset, looks, relation) {
                        commands.push(Command::Select(Selection::Relation(r)));
                    }
                });
            });
        }
    }
    commands
}

/// One changed relation: its kind, its two actors (a link to its evidence), its period and
/// the start of its first quote. True when the user opened it.
fn change_row(ui: &mut Ui, dataset: &Dataset, looks: &KindLooks, relation: &Relation) -> bool {
    let name = |id: &str| dataset.actor(id).map_or(id.to_owned(), |a| a.name.clone());
    let arrow = match relation.direction {
        Direction::Directed => "→",
        Direction::Mutual => "⇄",
    };
    kind_chip(
        ui,
        looks.relation_colour(&relation.kind),
        dataset.relation_kind_label(&relation.kind),
    );
    let opened = ui
        .link(format!("{} {arrow} {}", name(&relation.from), name(&relation.to)))
        .on_hover_text("Show this relation and its evidence")
        .clicked();
    ui.label(RichText::new(relation.period.unwrap_or_default().describe()).weak());
    if let Some(evidence) = relation.evidence.first() {
        ui.label(RichText::new(format!("“{}”", preview(&evidence.quote))).italics());
    }
    opened
}

/// The first words of a quote, cut at a word, with an ellipsis when there is more.
fn preview(quote: &str) -> String {
    if quote.chars().count() <= QUOTE_PREVIEW {
        return quote.to_owned();
    }
    let cut: String = quote.chars().take(QUOTE_PREVIEW).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word}…")
}
