//! What actors are coloured by (their kind, their bloc or a measure of centrality), and the
//! key to those colours: the blocs with their members, or the scale from low to high.

use egui::{RichText, Ui};

use super::LegendView;
use crate::analysis::Metrics;
use crate::model::{Centrality, ColourBy, Dataset};
use crate::ui::command::{Command, Selection};
use crate::ui::palette::{bloc_colour, measure_colour};
use crate::ui::widgets::colour_swatch;

/// Blocs listed in the legend, each in its own colour; the rest are counted, in grey.
const BLOCS_LISTED: usize = crate::ui::palette::BLOC_COLOURS;

pub fn colour_legend(ui: &mut Ui, view: &LegendView<'_>, commands: &mut Vec<Command>) {
    let (dataset, colour_by, metrics) = (view.dataset, view.colour_by, view.metrics);
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Actors coloured by").weak());
        let options = [ColourBy::Kind, ColourBy::Bloc]
            .into_iter()
            .chain(Centrality::ALL.map(ColourBy::Centrality));
        egui::ComboBox::from_id_salt("colour-by")
            .selected_text(colour_by.label())
            .show_ui(ui, |ui| {
                for option in options {
                    if ui.selectable_label(colour_by == option, option.label()).clicked() {
                        commands.push(Command::SetColourBy(option));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("What an actor's colour stands for: its kind, its bloc, or how central it is");
    });
    if colour_by == ColourBy::Kind {
        return;
    }
    let Some(metrics) = metrics else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(RichText::new("working out the metrics…").weak());
        });
        return;
    };
    match colour_by {
        ColourBy::Kind => {}
        ColourBy::Bloc => {
            commands.extend(crate::ui::widgets::hostile_toggle(ui, dataset, view.hostile, false));
            blocs(ui, (dataset, metrics), view.collapsed_blocs, commands);
        }
        ColourBy::Centrality(measure) => scale(ui, metrics, measure),
    }
}

/// Each bloc with its colour and size; opened, its members (a click selects one).
fn blocs(ui: &mut Ui, (dataset, metrics): (&Dataset, &Metrics), collapsed: &[bool], commands: &mut Vec<Command>) {
    let real: Vec<(usize, &Vec<usize>)> = metrics.blocs.iter().enumerate().filter(|(_, m)| m.len() > 1).collect();
    let alone = metrics.blocs.len() - real.len();
    ui.label(
        RichText::new(format!(
            "{} (Louvain, modularity {:.2})",
            crate::text::count(real.len(), "bloc"),
            metrics.modularity
        ))
        .weak(),
    )
    .on_hover_text("Groups of actors more tied to each other than to the rest, on the relations that pass the filters");
    for &(bloc, members) in real.iter().take(BLOCS_LISTED) {
        let names: Vec<&str> = members
            .iter()
            .filter_map(|&a| dataset.actors.get(a))
            .map(|a| a.name.as_str())
            .collect();
        let id = ui.make_persistent_id(("bloc", bloc));
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false)
            .show_header(ui, |ui| {
                colour_swatch(ui, bloc_colour(bloc, members.len()));
                let lead: Vec<&str> = names.iter().take(3).copied().collect();
                let more = if names.len() > 3 { ", …" } else { "" };
                ui.label(format!("Bloc {} · {}", bloc + 1, members.len()))
                    .on_hover_text(names.join(", "));
                let is_collapsed = collapsed.get(bloc).copied().unwrap_or(false);
                let (text, hover) = if is_collapsed {
                    ("Expand", "Draw this bloc's actors again")
                } else {
                    (
                        "Collapse",
                        "Draw this bloc as one node, its relations to the rest drawn from it",
                    )
                };
                if ui.small_button(text).on_hover_text(hover).clicked() {
                    commands.push(Command::CollapseBloc {
                        bloc,
                        collapsed: !is_collapsed,
                    });
                }
                // Cut to the panel: a long list must not widen it and push the canvas aside.
                ui.add(egui::Label::new(RichText::new(format!("{}{more}", lead.join(", "))).weak().small()).truncate());
            })
            .body(|ui| {
                for &a in members.iter().take(200) {
                    let Some(actor) = dataset.actors.get(a) else { continue };
                    if ui.small_button(&actor.name).clicked() {
                        commands.push(Command::Select(Selection::Actor(a)));
                    }
                }
                if members.len() > 200 {
                    ui.label(RichText::new(format!("and {} more", members.len() - 200)).weak());
                }
            });
    }
    let unlisted = real.len().saturating_sub(BLOCS_LISTED);
    let rest = match (unlisted, alone) {
        (0, 0) => None,
        (0, alone) => Some(format!(
            "{} with no relation that passes the filters, in grey",
            crate::text::count(alone, "actor")
        )),
        (more, alone) => Some(format!("{more} smaller blocs and {alone} lone actors, in grey")),
    };
    if let Some(rest) = rest {
        ui.label(RichText::new(rest).weak().small());
    }
}

/// The colour scale, from the lowest value to the highest.
fn scale(ui: &mut Ui, metrics: &Metrics, measure: Centrality) {
    let most = metrics.actors.iter().map(|m| m.value(measure)).fold(0.0, f64::max);
    ui.horizontal(|ui| {
        ui.label(RichText::new("0").weak().small());
        let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 10.0), egui::Sense::hover());
        let steps = 24;
        for i in 0..steps {
            let t = i as f32 / (steps - 1) as f32;
            let x0 = rect.left() + rect.width() * i as f32 / steps as f32;
            let x1 = rect.left() + rect.width() * (i + 1) as f32 / steps as f32;
            let cell = egui::Rect::from_min_max(egui::pos2(x0, rect.top()), egui::pos2(x1, rect.bottom()));
            ui.painter().rect_filled(cell, 0.0, measure_colour(t));
        }
        let top = match measure {
            Centrality::Degree | Centrality::InDegree | Centrality::OutDegree => format!("{most}"),
            _ => format!("{most:.3}"),
        };
        ui.label(RichText::new(top).weak().small());
    })
    .response
    .on_hover_text(measure.meaning());
    if measure == Centrality::Betweenness
        && let Some(k) = metrics.betweenness_sampled_from
    {
        ui.label(
            RichText::new(format!("Estimated from {k} sampled actors"))
                .weak()
                .small(),
        );
    }
}
