//! The legend: every relation and actor kind in the dataset drawn as the canvas draws it,
//! how many there are, and a check box to hide or show it; the sources, to tell one
//! dataset's claims from another's; what actors are sized by.

mod colour;

use egui::{RichText, Ui};

use crate::analysis::Metrics;
use crate::model::{Centrality, ColourBy, Dataset, EvidenceFilter, KindFilter, SizeBy, Summary};
use crate::ui::command::Command;
use crate::ui::evidence_filter::evidence_filter;
use crate::ui::graph::style::{actor_sample, line_sample};
use crate::ui::palette::{KindLooks, NO_COLOUR};

/// Sources are listed open up to this many; more start folded.
const SOURCES_OPEN_UP_TO: usize = 8;

/// What the legend shows; it changes nothing itself.
pub struct LegendView<'a> {
    pub dataset: &'a Dataset,
    pub summary: &'a Summary,
    pub looks: &'a KindLooks,
    pub filter: &'a KindFilter,
    pub evidence: &'a EvidenceFilter,
    pub size_by: &'a SizeBy,
    /// Attributes the file gives most actors as numbers, to size by.
    pub size_attributes: &'a [String],
    /// `Some` when the file has colours, sizes or shapes of its own: whether they are drawn.
    pub file_looks: Option<bool>,
    /// The colours the file gives its actors, most used first.
    pub file_colours: &'a [String],
    pub colour_by: ColourBy,
    /// The metrics, once worked out (for colours by bloc or measure).
    pub metrics: Option<&'a Metrics>,
    /// Per bloc, whether it is drawn as one node.
    pub collapsed_blocs: &'a [bool],
    /// Whether blocs follow hostile relations.
    pub hostile: crate::analysis::Hostile,
    /// The canvas draws too many relations to show their patterns, as plain lines.
    pub plain_lines: bool,
}

pub fn legend(ui: &mut Ui, view: &LegendView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    if let Some(file_looks) = view.file_looks {
        let mut on = file_looks;
        if ui
            .checkbox(&mut on, "The file's own colours and sizes")
            .on_hover_text(
                "Draw actors as the file does (Gephi's colours, sizes and shapes); untick to draw them by kind",
            )
            .changed()
        {
            commands.push(Command::SetFileLooks(on));
        }
        if on && !view.file_colours.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Actors in the file's colours").weak());
                for colour in view.file_colours {
                    if let Some(colour) = crate::ui::palette::parse_hex_colour(colour) {
                        crate::ui::widgets::colour_swatch(ui, colour);
                    }
                }
            })
            .response
            .on_hover_text(
                "The file coloured its actors (in Gephi, often by community); kinds below keep their outlines",
            );
        }
        ui.add_space(4.0);
    }
    relation_kinds(ui, view, &mut commands);
    ui.add_space(6.0);
    actor_kinds(ui, view, &mut commands);
    colour::colour_legend(ui, view, &mut commands);
    sources(ui, view, &mut commands);
    commands.extend(evidence_filter(ui, view.evidence, &view.dataset.sources));
    if view.filter.hides_anything() && ui.small_button("Show all").clicked() {
        commands.push(Command::ShowAllKinds);
    }
    commands
}

fn relation_kinds(ui: &mut Ui, view: &LegendView<'_>, commands: &mut Vec<Command>) {
    let dataset = view.dataset;
    ui.label(RichText::new("Relations").strong());
    let mut kinds: Vec<&str> = dataset.known_relation_kinds();
    // Kinds used but never declared (a file with errors would not load, but be safe).
    for kind in view.summary.relations_by_kind.keys() {
        if !kinds.contains(&kind.as_str()) {
            kinds.push(kind);
        }
    }
    for kind in kinds {
        let Some(&count) = view.summary.relations_by_kind.get(kind) else {
            continue;
        };
        ui.horizontal(|ui| {
            let (colour, style) = view.looks.relation(kind);
            line_sample(ui, colour, style);
            let mut shown = view.filter.relation_kind_shown(kind);
            let label = dataset.relation_kind_label(kind);
            let description = dataset
                .relation_kinds
                .iter()
                .find(|k| k.id == kind)
                .and_then(|k| k.description.clone());
            let response = ui.checkbox(&mut shown, label);
            let response = match description {
                Some(text) => response.on_hover_text(text),
                None => response.on_hover_text(format!("Show or hide {label} relations")),
            };
            if response.changed() {
                commands.push(Command::ShowRelationKind(kind.to_owned(), shown));
            }
            ui.label(RichText::new(count.to_string()).weak());
        });
    }
    if view.file_looks == Some(true) && !view.file_colours.is_empty() {
        ui.label(
            RichText::new("Relations with no colour of their own take the colour of the actor they start from.")
                .weak()
                .small(),
        );
    }
    if view.plain_lines {
        ui.label(
            RichText::new(
                "Thousands of relations are in view: they are drawn without their line styles until you zoom in.",
            )
            .weak()
            .small(),
        );
    }
}

fn actor_kinds(ui: &mut Ui, view: &LegendView<'_>, commands: &mut Vec<Command>) {
    let dataset = view.dataset;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Actors").strong());
        size_choice(ui, view, commands);
    });
    let mut kinds: Vec<&str> = dataset.known_actor_kinds();
    for kind in view.summary.actors_by_kind.keys() {
        if !kinds.contains(&kind.as_str()) {
            kinds.push(kind);
        }
    }
    // In the file's own colours, or by bloc or measure, the kinds keep their outlines but not
    // their colours.
    let file_colours = view.file_looks == Some(true) || view.colour_by != ColourBy::Kind;
    for kind in kinds {
        let Some(&count) = view.summary.actors_by_kind.get(kind) else {
            continue;
        };
        ui.horizontal(|ui| {
            let (colour, shape) = view.looks.actor(kind);
            let colour = if file_colours { NO_COLOUR } else { colour };
            // Centred under the relations' line samples.
            let indent = (crate::ui::graph::style::SAMPLE_LENGTH - 18.0) / 2.0;
            ui.add_space(indent);
            actor_sample(ui, shape, colour);
            ui.add_space(indent);
            let mut shown = view.filter.actor_kind_shown(kind);
            if ui
                .checkbox(&mut shown, dataset.actor_kind_label(kind))
                .on_hover_text("Show or hide these actors and their relations")
                .changed()
            {
                commands.push(Command::ShowActorKind(kind.to_owned(), shown));
            }
            ui.label(RichText::new(count.to_string()).weak());
        });
    }
}

/// What actors are sized by: "sized by" and a drop-down, at the right of the heading's row.
fn size_choice(ui: &mut Ui, view: &LegendView<'_>, commands: &mut Vec<Command>) {
    let from_file = view.file_looks == Some(true) && view.dataset.actors.iter().any(|a| a.appearance.size.is_some());
    const COMBO_WIDTH: f32 = 92.0;
    let label_width = 52.0;
    ui.add_space((ui.available_width() - COMBO_WIDTH - label_width - 2.0 * ui.spacing().item_spacing.x).max(0.0));
    let label = ui.label(RichText::new("sized by").weak());
    ui.add_enabled_ui(!from_file, |ui| {
        let selected = if from_file {
            "the file".to_owned()
        } else {
            view.size_by.label()
        };
        egui::ComboBox::from_id_salt("size-by")
            .width(COMBO_WIDTH)
            .selected_text(selected)
            .show_ui(ui, |ui| {
                let mut options = vec![SizeBy::Degree, SizeBy::Evidence];
                options.extend(view.size_attributes.iter().cloned().map(SizeBy::Attribute));
                options.extend(Centrality::ALL.map(SizeBy::Centrality));
                options.push(SizeBy::Nothing);
                for option in options {
                    if ui.selectable_label(*view.size_by == option, option.label()).clicked() {
                        commands.push(Command::SetSizeBy(option));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("What an actor's size stands for")
            .on_disabled_hover_text("Sizes come from the file; untick its own colours and sizes to choose");
    });
}

fn sources(ui: &mut Ui, view: &LegendView<'_>, commands: &mut Vec<Command>) {
    let summary = view.summary;
    let sources: Vec<(&str, &str, usize)> = view
        .dataset
        .sources
        .iter()
        .filter_map(|s| {
            Some((
                s.id.as_str(),
                s.title.as_str(),
                *summary.relations_by_source.get(&s.id)?,
            ))
        })
        .collect();
    // With one source or none (most files from other tools) there is nothing to tell apart.
    let kinds_of_evidence = sources.len() + usize::from(summary.relations_without_evidence > 0);
    if sources.is_empty() || kinds_of_evidence < 2 {
        return;
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(RichText::new(format!("Sources ({})", sources.len())).strong())
        .id_salt("legend-sources")
        .default_open(sources.len() <= SOURCES_OPEN_UP_TO)
        .show(ui, |ui| {
            for (id, title, count) in sources {
                let mut shown = !view.filter.hidden_sources.contains(id);
                // A title wraps rather than be cut: sources are told apart by their ends too.
                let text = format!("{title}  {count}");
                if ui
                    .checkbox(&mut shown, text)
                    .on_hover_text(format!(
                        "{count} relations cite it. Show or hide those it is the only evidence for"
                    ))
                    .changed()
                {
                    commands.push(Command::ShowSource(Some(id.to_owned()), shown));
                }
            }
            if summary.relations_without_evidence > 0 {
                ui.horizontal(|ui| {
                    let mut shown = !view.filter.hide_unsourced;
                    if ui
                        .checkbox(&mut shown, RichText::new("No evidence").italics())
                        .on_hover_text("Show or hide the relations that carry no evidence")
                        .changed()
                    {
                        commands.push(Command::ShowSource(None, shown));
                    }
                    ui.label(RichText::new(summary.relations_without_evidence.to_string()).weak());
                });
            }
        });
}
