//! Every actor the graph shows, as a table of how central it is: degree, betweenness,
//! eigenvector centrality, PageRank and bloc, each sortable.

use std::cmp::Ordering;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::{Command, Selection};
use super::palette::KindLooks;
use super::widgets::colour_swatch;
use super::widgets::hostile_toggle;
use crate::analysis::{Hostile, Metrics};
use crate::model::{Centrality, Dataset, Visibility};

/// The columns a user can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorColumn {
    Name,
    Kind,
    Measure(Centrality),
    Bloc,
}

impl ActorColumn {
    fn all() -> impl Iterator<Item = Self> {
        [Self::Name, Self::Kind]
            .into_iter()
            .chain(Centrality::ALL.map(Self::Measure))
            .chain([Self::Bloc])
    }

    fn title(self) -> &'static str {
        match self {
            Self::Name => "Actor",
            Self::Kind => "Kind",
            Self::Measure(Centrality::InDegree) => "In",
            Self::Measure(Centrality::OutDegree) => "Out",
            Self::Measure(c) => c.label(),
            Self::Bloc => "Bloc",
        }
    }

    fn hover(self) -> &'static str {
        match self {
            Self::Name | Self::Kind => "Sort by this column; click again to reverse",
            Self::Measure(c) => c.meaning(),
            Self::Bloc => "The group of actors more tied to each other than to the rest (Louvain)",
        }
    }
}

/// The table's sort and filter, and the rows they give.
#[derive(Debug)]
pub struct ActorTableState {
    pub sort: ActorColumn,
    pub descending: bool,
    pub filter: String,
    rows: Vec<usize>,
    rows_for: Option<(ActorColumn, bool, String, u64, usize)>,
}

impl Default for ActorTableState {
    fn default() -> Self {
        Self {
            sort: ActorColumn::Measure(Centrality::Betweenness),
            descending: true,
            filter: String::new(),
            rows: Vec::new(),
            rows_for: None,
        }
    }
}

impl ActorTableState {
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Works the rows out again when the sort, the filter, the view or the metrics changed.
    pub fn refresh(
        &mut self,
        dataset: &Dataset,
        visibility: &Visibility,
        metrics: Option<&Metrics>,
        view_revision: u64,
    ) {
        let metrics_key = metrics.map_or(0, |m| std::ptr::from_ref(m) as usize);
        let key = (
            self.sort,
            self.descending,
            self.filter.clone(),
            view_revision,
            metrics_key,
        );
        if self.rows_for.as_ref() == Some(&key) {
            return;
        }
        let needle = self.filter.trim().to_lowercase();
        let mut rows: Vec<usize> = (0..dataset.actors.len())
            .filter(|&a| visibility.actor(a).is_some())
            .filter(|&a| needle.is_empty() || dataset.actors[a].name.to_lowercase().contains(&needle))
            .collect();
        let value = |a: usize, c: Centrality| metrics.and_then(|m| m.actors.get(a)).map_or(0.0, |m| m.value(c));
        let compare = |&a: &usize, &b: &usize| -> Ordering {
            let (x, y) = (&dataset.actors[a], &dataset.actors[b]);
            let by = match self.sort {
                ActorColumn::Name => Ordering::Equal,
                ActorColumn::Kind => dataset.actor_kind_label(&x.kind).cmp(dataset.actor_kind_label(&y.kind)),
                ActorColumn::Measure(c) => value(a, c).total_cmp(&value(b, c)),
                ActorColumn::Bloc => {
                    let bloc = |i: usize| metrics.and_then(|m| m.actors.get(i)).map_or(usize::MAX, |m| m.bloc);
                    bloc(a).cmp(&bloc(b))
                }
            };
            let by = if self.descending { by.reverse() } else { by };
            by.then_with(|| natord::compare_ignore_case(&x.name, &y.name))
        };
        rows.sort_by(compare);
        self.rows = rows;
        self.rows_for = Some(key);
    }
}

/// The table of the rows `state` holds (call `refresh` first).
/// The metrics the table shows, whether newer ones are on their way, and what they count.
pub struct MetricsShown<'a> {
    pub metrics: Option<&'a Metrics>,
    pub updating: bool,
    pub hostile: Hostile,
}

pub fn actor_table(
    ui: &mut Ui,
    (dataset, looks): (&Dataset, &KindLooks),
    shown: &MetricsShown<'_>,
    state: &mut ActorTableState,
    selection: Option<Selection>,
) -> Vec<Command> {
    let metrics = shown.metrics;
    let mut commands = Vec::new();
    commands.extend(filter_bar(ui, dataset, shown, state));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    ui.style_mut().interaction.selectable_labels = false;
    let mut clicked_header = None;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut builder = TableBuilder::new(ui)
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(140.0).at_least(80.0).resizable(true).clip(true))
            .column(Column::initial(90.0).at_least(40.0).resizable(true).clip(true));
        for c in Centrality::ALL {
            let width = match c {
                Centrality::Degree => 56.0,
                Centrality::InDegree | Centrality::OutDegree => 40.0,
                Centrality::PageRank => 76.0,
                Centrality::Betweenness | Centrality::Eigenvector => 86.0,
            };
            builder = builder.column(Column::initial(width).at_least(36.0).resizable(true));
        }
        builder
            .column(Column::remainder().at_least(50.0))
            .header(row_height, |mut header| {
                for column in ActorColumn::all() {
                    header.col(|ui| {
                        let arrow = match (state.sort == column, state.descending) {
                            (true, false) => " ▲",
                            (true, true) => " ▼",
                            (false, _) => "",
                        };
                        let title = RichText::new(format!("{}{arrow}", column.title())).strong();
                        if ui
                            .add(egui::Button::new(title).frame(false))
                            .on_hover_text(column.hover())
                            .clicked()
                        {
                            clicked_header = Some(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, state.rows().len(), |mut row| {
                    let Some(&a) = state.rows().get(row.index()) else {
                        return;
                    };
                    let Some(actor) = dataset.actors.get(a) else { return };
                    let m = metrics.and_then(|m| m.actors.get(a));
                    row.set_selected(selection == Some(Selection::Actor(a)));
                    row.col(|ui| {
                        ui.add(egui::Label::new(&actor.name).truncate());
                    });
                    row.col(|ui| {
                        colour_swatch(ui, looks.actor_colour(&actor.kind));
                        ui.label(dataset.actor_kind_label(&actor.kind));
                    });
                    for c in Centrality::ALL {
                        row.col(|ui| {
                            let text = match (m, c) {
                                (None, _) => "…".to_owned(),
                                (Some(m), Centrality::Eigenvector) if m.eigenvector.is_none() => "–".to_owned(),
                                (Some(m), Centrality::Degree | Centrality::InDegree | Centrality::OutDegree) => {
                                    format!("{}", m.value(c))
                                }
                                (Some(m), _) => crate::text::measure(m.value(c)),
                            };
                            ui.label(RichText::new(text).monospace());
                        });
                    }
                    row.col(|ui| {
                        ui.label(m.map_or_else(|| "…".to_owned(), |m| (m.bloc + 1).to_string()));
                    });
                    if row.response().clicked() {
                        commands.push(Command::Select(Selection::Actor(a)));
                    }
                });
            });
    });
    if let Some(column) = clicked_header {
        // A measure sorts from the highest first, a name from A.
        state.descending = if state.sort == column {
            !state.descending
        } else {
            matches!(column, ActorColumn::Measure(_))
        };
        state.sort = column;
    }
    commands
}

/// The filter field, how many actors are listed, and what the metrics were worked out on.
fn filter_bar(
    ui: &mut Ui,
    dataset: &Dataset,
    shown: &MetricsShown<'_>,
    state: &mut ActorTableState,
) -> Option<Command> {
    let metrics = shown.metrics;
    let mut command = None;
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.filter)
                .hint_text("Filter actors")
                .desired_width(220.0),
        );
        let listed = state.rows().len();
        ui.label(RichText::new(format!("{listed} of {} actors", dataset.actors.len())).weak());
        match metrics {
            None => {
                ui.spinner();
                ui.label(RichText::new("working out the metrics…").weak());
            }
            Some(m) => {
                let mut about = format!(
                    "{} counted · {}",
                    crate::text::count(m.relations, "relation"),
                    if m.directed { "directed" } else { "undirected" }
                );
                if let Some(k) = m.betweenness_sampled_from {
                    about.push_str(&format!(" · betweenness from {k} sampled actors"));
                }
                ui.label(RichText::new(about).weak()).on_hover_text(
                    "Worked out on the relations that pass the kind, time and evidence filters. \
                     A graph with any one-way relation is read as directed, a mutual relation as two arcs; \
                     parallel relations between two actors count once",
                );
            }
        }
        if shown.updating && metrics.is_some() {
            ui.spinner();
            ui.label(RichText::new("updating…").weak())
                .on_hover_text("The filters changed: the numbers shown are the last ones until the new ones are in");
        }
    });
    command = hostile_toggle(ui, dataset, shown.hostile, false).or(command);
    command
}
