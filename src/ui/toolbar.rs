//! The strip above the main area: search, view controls, and the choice of graph or table.

use egui::Ui;

use super::command::{Command, MainView};
use super::search_box::{SearchState, search_box};
use crate::model::{Dataset, OutsideFocus};

/// What the toolbar shows; it changes nothing itself.
pub struct ToolbarState {
    pub main_view: MainView,
    pub focus_depth: u8,
    pub outside_focus: OutsideFocus,
    pub focus_among_neighbours: bool,
    pub focus_available: bool,
    pub any_pinned: bool,
}

pub fn toolbar(ui: &mut Ui, dataset: &Dataset, search: &mut SearchState, state: &ToolbarState) -> Vec<Command> {
    let mut commands = Vec::new();
    // Wraps in a narrow window rather than push the canvas under the side panels.
    ui.horizontal_wrapped(|ui| {
        commands.extend(search_box(ui, dataset, search));
        ui.separator();
        for (view, label, hover) in [
            (MainView::Graph, "Graph", "The graph of actors and relations"),
            (MainView::Table, "Table", "Every relation shown, sortable"),
            (
                MainView::Actors,
                "Actors",
                "Every actor shown, with its degree, betweenness, eigenvector, PageRank and bloc",
            ),
        ] {
            if ui
                .selectable_label(state.main_view == view, label)
                .on_hover_text(hover)
                .clicked()
            {
                commands.push(Command::SetMainView(view));
            }
        }
        ui.separator();
        if ui
            .button("+ Actor")
            .on_hover_text("Add an actor (Ctrl+Shift+A, or double-click empty canvas)")
            .clicked()
        {
            commands.push(Command::NewActor(None));
        }
        if ui
            .button("+ Relation")
            .on_hover_text("Link two actors (Ctrl+Shift+L): from the selected one, to one you type or click")
            .clicked()
        {
            commands.push(Command::NewRelation { from: None, to: None });
        }
        if ui
            .button("Paths")
            .on_hover_text("Find how two actors are connected, and the evidence along the way (Ctrl+Shift+P)")
            .clicked()
        {
            commands.push(Command::FindPaths(None));
        }
        if state.main_view != MainView::Graph {
            return;
        }
        ui.separator();
        if ui
            .button("Fit")
            .on_hover_text("Fit the graph to the window (F)")
            .clicked()
        {
            commands.push(Command::FitView);
        }
        if ui
            .button("Re-layout")
            .on_hover_text("Lay the graph out again; pinned actors stay put")
            .clicked()
        {
            commands.push(Command::RestartLayout);
        }
        if ui
            .add_enabled(state.any_pinned, egui::Button::new("Unpin all"))
            .on_hover_text("Let the layout move the actors you dragged")
            .clicked()
        {
            commands.push(Command::UnpinAll);
        }
    });
    if state.main_view == MainView::Graph {
        ui.horizontal_wrapped(|ui| focus_controls(ui, state, &mut commands));
    }
    commands
}

fn focus_controls(ui: &mut Ui, state: &ToolbarState, commands: &mut Vec<Command>) {
    ui.add_enabled_ui(state.focus_available, |ui| {
        ui.label("Focus:")
            .on_hover_text("Show only the selected actor's neighbourhood")
            .on_disabled_hover_text("Select an actor to focus on its neighbourhood");
        for (depth, text) in [(0, "Off"), (1, "1 step"), (2, "2 steps")] {
            if ui.selectable_label(state.focus_depth == depth, text).clicked() {
                commands.push(Command::SetFocusDepth(depth));
            }
        }
        let mut among = state.focus_among_neighbours;
        if ui
            .checkbox(&mut among, "Links among them")
            .on_hover_text("Also show the relations between the actors Focus reaches, not only those leading out")
            .changed()
        {
            commands.push(Command::SetFocusAmongNeighbours(among));
        }
        let mut hide = state.outside_focus == OutsideFocus::Hide;
        if ui
            .checkbox(&mut hide, "Hide the rest")
            .on_hover_text("Hide, rather than dim, what is outside the focus")
            .changed()
        {
            let outside = if hide { OutsideFocus::Hide } else { OutsideFocus::Dim };
            commands.push(Command::SetOutsideFocus(outside));
        }
    });
}
