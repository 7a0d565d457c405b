//! Every relation the graph shows, as a table: sortable by any column, filtered by a text,
//! and following the legend, the time window and Focus as the graph does.

use std::cmp::Ordering;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::{Command, Selection};
use super::palette::KindLooks;
use super::widgets::colour_swatch;
use crate::model::{Dataset, DatasetIndex, Direction, Emphasis, Relation, Visibility};

/// The columns a user can sort by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TableColumn {
    #[default]
    Kind,
    From,
    Direction,
    To,
    Period,
    Evidence,
    Summary,
}

impl TableColumn {
    const ALL: [Self; 7] = [
        Self::Kind,
        Self::From,
        Self::Direction,
        Self::To,
        Self::Period,
        Self::Evidence,
        Self::Summary,
    ];

    fn title(self) -> &'static str {
        match self {
            Self::Kind => "Kind",
            Self::From => "From",
            Self::Direction => "",
            Self::To => "To",
            Self::Period => "Period",
            Self::Evidence => "Evidence",
            Self::Summary => "Summary",
        }
    }
}

/// What the table shows: its sort, its filter, and the rows they give, worked out again only
/// when one of them or what the graph shows changes.
#[derive(Debug, Default)]
pub struct RelationTableState {
    pub sort: TableColumn,
    pub descending: bool,
    pub filter: String,
    /// Rows (relation indices) and what they were worked out for.
    rows: Vec<usize>,
    rows_for: Option<(TableColumn, bool, String, u64)>,
}

impl RelationTableState {
    pub fn sorted_by(sort: TableColumn, descending: bool) -> Self {
        Self {
            sort,
            descending,
            ..Self::default()
        }
    }

    /// The relations shown, in order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Works the rows out again if the sort, the filter or the view (`view_revision`) changed.
    pub fn refresh(
        &mut self,
        dataset: &Dataset,
        index: &DatasetIndex,
        visibility: &Visibility,
        focused: bool,
        view_revision: u64,
    ) {
        let key = (self.sort, self.descending, self.filter.clone(), view_revision);
        if self.rows_for.as_ref() == Some(&key) {
            return;
        }
        let needle = self.filter.trim().to_lowercase();
        let mut rows: Vec<usize> = (0..dataset.relations.len())
            .filter(|&r| match visibility.relation(r) {
                // With Focus on, only what it brings forward; otherwise all that is drawn.
                Some(Emphasis::Normal) => true,
                Some(Emphasis::Dimmed) => !focused,
                None => false,
            })
            .filter(|&r| {
                needle.is_empty()
                    || dataset.relations.get(r).is_some_and(|relation| {
                        [
                            actor_name(dataset, index, &relation.from),
                            actor_name(dataset, index, &relation.to),
                            dataset.relation_kind_label(&relation.kind),
                            relation.summary.as_deref().unwrap_or_default(),
                        ]
                        .iter()
                        .any(|text| text.to_lowercase().contains(&needle))
                    })
            })
            .collect();
        let compare = |a: &Relation, b: &Relation| match self.sort {
            TableColumn::Kind => dataset
                .relation_kind_label(&a.kind)
                .cmp(dataset.relation_kind_label(&b.kind)),
            TableColumn::From => {
                natord::compare_ignore_case(actor_name(dataset, index, &a.from), actor_name(dataset, index, &b.from))
            }
            TableColumn::Direction => (a.direction == Direction::Mutual).cmp(&(b.direction == Direction::Mutual)),
            TableColumn::To => {
                natord::compare_ignore_case(actor_name(dataset, index, &a.to), actor_name(dataset, index, &b.to))
            }
            // Undated relations last, whichever way.
            TableColumn::Period => {
                let start = |r: &Relation| r.period.and_then(|p| p.start.or(p.end)).map(|d| d.earliest());
                match (start(a), start(b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (x, y) => y.is_some().cmp(&x.is_some()),
                }
            }
            TableColumn::Evidence => a.evidence.len().cmp(&b.evidence.len()),
            TableColumn::Summary => natord::compare_ignore_case(
                a.summary.as_deref().unwrap_or_default(),
                b.summary.as_deref().unwrap_or_default(),
            ),
        };
        rows.sort_by(|&x, &y| match (dataset.relations.get(x), dataset.relations.get(y)) {
            (Some(a), Some(b)) => {
                let order = compare(a, b);
                let order = if self.descending { order.reverse() } else { order };
                order.then(x.cmp(&y))
            }
            _ => Ordering::Equal,
        });
        self.rows = rows;
        self.rows_for = Some(key);
    }
}

/// An actor's name, or the id a relation gives when no actor has it.
fn actor_name<'a>(dataset: &'a Dataset, index: &DatasetIndex, id: &'a str) -> &'a str {
    index
        .actor(id)
        .and_then(|a| dataset.actors.get(a))
        .map_or(id, |a| a.name.as_str())
}

/// The table of the rows `state` holds (call `refresh` first).
pub fn relation_table(
    ui: &mut Ui,
    dataset: &Dataset,
    index: &DatasetIndex,
    looks: &KindLooks,
    state: &mut RelationTableState,
    selection: Option<Selection>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    if dataset.relations.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label(RichText::new("This dataset has no relations yet.").weak().italics());
        });
        return commands;
    }
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.filter)
                .hint_text("Filter relations")
                .desired_width(220.0),
        )
        .on_hover_text("Show the relations whose actors, kind or summary contain this text");
        let shown = state.rows().len();
        let total = dataset.relations.len();
        let text = if shown == total {
            format!("{total} relations")
        } else {
            format!("{shown} of {total} relations")
        };
        ui.label(RichText::new(text).weak()).on_hover_text(
            "The table lists what the graph shows: the legend, the time window and Focus apply, and the filter",
        );
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    // Selectable text would take the click that selects the row.
    ui.style_mut().interaction.selectable_labels = false;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        table(ui, (dataset, index), looks, state, selection, row_height, &mut commands);
    });
    commands
}

fn table(
    ui: &mut Ui,
    (dataset, index): (&Dataset, &DatasetIndex),
    looks: &KindLooks,
    state: &mut RelationTableState,
    selection: Option<Selection>,
    row_height: f32,
    commands: &mut Vec<Command>,
) {
    let mut clicked_header = None;
    TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(130.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::initial(140.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::exact(22.0))
        .column(Column::initial(140.0).at_least(60.0).resizable(true).clip(true))
        .column(Column::initial(150.0).at_least(90.0).resizable(true).clip(true))
        .column(Column::exact(78.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(row_height, |mut header| {
            for column in TableColumn::ALL {
                header.col(|ui| {
                    let arrow = match (state.sort == column, state.descending) {
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                        (false, _) => "",
                    };
                    let title = if column == TableColumn::Direction && arrow.is_empty() {
                        "⇄".to_owned()
                    } else {
                        format!("{}{arrow}", column.title())
                    };
                    let hover = if column == TableColumn::Direction {
                        "Direction: one way (→) or mutual (⇄). Click to sort; again to reverse"
                    } else {
                        "Sort by this column; click again to reverse"
                    };
                    if ui
                        .add(egui::Button::new(RichText::new(title).strong()).frame(false))
                        .on_hover_text(hover)
                        .clicked()
                    {
                        clicked_header = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, state.rows().len(), |mut row| {
                let Some(&relation_index) = state.rows().get(row.index()) else {
                    return;
                };
                let Some(relation) = dataset.relations.get(relation_index) else {
                    return;
                };
                row.set_selected(selection == Some(Selection::Relation(relation_index)));
                let name = |id: &str| actor_name(dataset, index, id).to_owned();
                row.col(|ui| {
                    colour_swatch(ui, looks.relation_colour(&relation.kind));
                    ui.label(dataset.relation_kind_label(&relation.kind));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(name(&relation.from)).truncate());
                });
                row.col(|ui| {
                    ui.label(match relation.direction {
                        Direction::Directed => "→",
                        Direction::Mutual => "⇄",
                    });
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(name(&relation.to)).truncate());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(relation.period.unwrap_or_default().describe()).truncate());
                });
                row.col(|ui| {
                    ui.label(relation.evidence.len().to_string());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(relation.summary.as_deref().unwrap_or_default()).truncate());
                });
                let response = row.response();
                let response = match &relation.summary {
                    Some(summary) => response.on_hover_text(summary),
                    None => response,
                };
                if response.clicked() {
                    commands.push(Command::Select(Selection::Relation(relation_index)));
                }
            });
        });
    if let Some(column) = clicked_header {
        state.descending = state.sort == column && !state.descending;
        state.sort = column;
    }
}
