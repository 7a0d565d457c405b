//! egui_graphs runs a layout inside every `show`. Entente lays out the graph itself (see
//! `crate::layout`) and writes positions into the graph, so the layout given to egui_graphs
//! does nothing.

use egui_graphs::{DisplayEdge, DisplayNode, Graph, Layout, LayoutState};
use petgraph::EdgeType;
use petgraph::stable_graph::IndexType;

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ExternalLayoutState;

impl LayoutState for ExternalLayoutState {}

#[derive(Debug, Default)]
pub struct ExternalLayout;

impl Layout<ExternalLayoutState> for ExternalLayout {
    fn from_state(_state: ExternalLayoutState) -> impl Layout<ExternalLayoutState> {
        Self
    }

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, _graph: &mut Graph<N, E, Ty, Ix, Dn, De>, _ui: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: EdgeType,
        Ix: IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> ExternalLayoutState {
        ExternalLayoutState
    }
}
