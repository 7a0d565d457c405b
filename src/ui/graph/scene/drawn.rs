//! What egui_graphs draws, built from the dataset and what is visible: each actor's node and
//! each relation's edge in their looks, and each actor's size.

use std::sync::Arc;

use egui::Pos2;

use super::in_full::few_in_full;
use super::{ActorGraph, DrawnActor, DrawnEdge, GraphScene};
use crate::model::{ActorKind, Dataset, Emphasis, NodeShape, RelationFactTable, Visibility};
use crate::ui::command::Selection;
use crate::ui::graph::payload::{ActorNode, RelationEdge};
use crate::ui::palette::{KindLooks, parse_hex_colour};

/// How the scene draws kinds: their looks, and whether a file's own colours, sizes and
/// shapes (Gephi's `viz:` attributes) win over them.
#[derive(Clone, Copy)]
pub struct SceneLook<'a> {
    pub looks: &'a KindLooks,
    pub file_looks: bool,
    /// Each actor's colour when it stands for a bloc or a metric rather than the kind.
    pub actor_colours: Option<&'a [egui::Color32]>,
    /// Collapsed blocs, each drawn as one of its actors.
    pub collapsed: Option<&'a Collapsed>,
    /// What is drawn of each relation, read side by side rather than from each record.
    pub relations: &'a RelationFactTable,
}

/// Blocs drawn as one node: per actor, the actor that draws it (itself unless its bloc is
/// collapsed), and the collapsed blocs' labels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collapsed {
    pub drawn_as: Vec<u32>,
    /// (the actor that stands for the bloc, the label it takes)
    pub labels: Vec<(usize, String)>,
}

/// In a layout from a file, actors a median of this far from their nearest neighbour are
/// drawn at full size; closer-packed layouts draw them smaller.
const FILE_SPACING_PER_RADIUS_UNIT: f32 = 45.0;

impl GraphScene {
    /// A node for every visible actor, where the layout has it.
    fn actor_nodes(
        &mut self,
        dataset: &Dataset,
        (visibility, drawn): (&Visibility, usize),
        look: SceneLook<'_>,
    ) -> ActorGraph {
        let mut graph = ActorGraph::new();
        // Room for every node at once: growing a vector of 100,000 nodes by doubling was most
        // of the frame that puts a big file on screen.
        graph.g_mut().reserve_exact_nodes(drawn);
        self.node_of_actor = vec![None; dataset.actors.len()];
        for (actor_index, actor) in dataset.actors.iter().enumerate() {
            let Some(emphasis) = visibility.actor(actor_index) else {
                continue;
            };
            let (kind_colour, shape) = actor_look(actor, look);
            let colour = look
                .actor_colours
                .and_then(|c| c.get(actor_index).copied())
                .unwrap_or(kind_colour);
            let payload = ActorNode {
                actor: actor_index as u32,
                shape,
                colour,
                radius: self
                    .radii
                    .get(actor_index)
                    .copied()
                    .unwrap_or(crate::ui::graph::node_size::MIN_RADIUS),
                label: look
                    .collapsed
                    .and_then(|c| c.labels.iter().find(|(a, _)| *a == actor_index))
                    .map_or_else(
                        || Arc::from(actor.name.as_str()),
                        |(_, label)| Arc::from(label.as_str()),
                    ),
                dimmed: emphasis == Emphasis::Dimmed,
                faded: false,
                pinned: self.layout.is_pinned(actor_index),
                highlighted: false,
                spotlit: false,
                in_full: self.in_full.is_some() && emphasis == Emphasis::Normal,
                in_picture: self.edge_buffers.marks_in_picture,
            };
            let position = self.layout.position(actor_index).unwrap_or_default();
            let node = graph.add_node_with_location(payload, Pos2::new(position.x, position.y));
            if let Some(slot) = self.node_of_actor.get_mut(actor_index) {
                *slot = Some(node);
            }
        }
        graph
    }

    /// Rebuilds what egui_graphs draws from what is visible. Positions come from the layout,
    /// which always covers every actor, so nothing moves when kinds are hidden or shown.
    pub fn rebuild(
        &mut self,
        dataset: &Dataset,
        visibility: &Visibility,
        selection: Option<Selection>,
        look: SceneLook<'_>,
    ) {
        let drawn_actors = visibility.actors.iter().filter(|a| a.is_some()).count();
        self.edge_buffers.start_with_marks_in_picture(drawn_actors);
        self.in_full = few_in_full(visibility, dataset.relations.len());
        let graph = self.actor_nodes(dataset, (visibility, drawn_actors), look);
        self.edge_of_relation = vec![None; dataset.relations.len()];
        let mut edges = Vec::with_capacity(dataset.relations.len());
        let facts = look.relations.all();
        // The file's own colours and thicknesses, read from the relations' records only when
        // the file gives some.
        let line_colours = look.file_looks.then(|| {
            if facts.iter().any(|f| f.coloured) {
                FileLineColours::of(dataset)
            } else {
                FileLineColours::None
            }
        });
        // For a file that colours its actors but not its relations: each actor's colour, in a
        // compact table (reading it from 100,000 relations' actors, scattered in memory, showed).
        let actor_colours: Vec<Option<egui::Color32>> = match line_colours {
            Some(FileLineColours::None) if dataset.actors.iter().any(|a| a.appearance.colour.is_some()) => dataset
                .actors
                .iter()
                .map(|a| a.appearance.colour.as_deref().and_then(parse_hex_colour))
                .collect(),
            _ => Vec::new(),
        };
        // A kind's colour and line style, looked up once per kind rather than per relation.
        let kind_looks: Vec<_> = (0..look.relations.kind_count() as u32)
            .map(|kind| look.looks.relation(look.relations.kind_name(kind)))
            .collect();
        for (relation_index, relation) in facts.iter().enumerate() {
            let Some(emphasis) = visibility.relation(relation_index) else {
                continue;
            };
            let Some(Some((from, to))) = self.relation_ends.get(relation_index).copied() else {
                continue;
            };
            // A relation of a collapsed bloc's actor is drawn from the bloc.
            let drawn_as = |a: u32| {
                look.collapsed
                    .and_then(|c| c.drawn_as.get(a as usize).copied())
                    .unwrap_or(a)
            };
            let (from, to) = (drawn_as(from), drawn_as(to));
            if from == to {
                continue;
            }
            let (Some(Some(a)), Some(Some(b))) = (
                self.node_of_actor.get(from as usize).copied(),
                self.node_of_actor.get(to as usize).copied(),
            ) else {
                continue;
            };
            let Some(&(kind_colour, style)) = kind_looks.get(relation.kind as usize) else {
                continue;
            };
            let own = || dataset.relations.get(relation_index).map(|r| &r.appearance);
            let colour = match line_colours {
                Some(FileLineColours::Varied) if relation.coloured => {
                    own().and_then(|a| a.colour.as_deref()).and_then(parse_hex_colour)
                }
                Some(FileLineColours::Varied) => None,
                // As Gephi draws a file that colours its nodes only: in the colour of the
                // actor the relation starts from.
                Some(FileLineColours::None) => actor_colours.get(from as usize).copied().flatten(),
                Some(FileLineColours::Same) | None => None,
            }
            .unwrap_or(kind_colour);
            let thickness = (relation.thick && look.file_looks)
                .then(|| own().and_then(|a| a.thickness))
                .flatten();
            let width = match thickness {
                Some(thickness) => (1.0 + thickness.sqrt()).min(6.0),
                None => 1.5 + 0.6 * f32::from(relation.evidence.min(5)),
            };
            let payload = RelationEdge {
                relation: relation_index as u32,
                colour,
                style,
                width,
                lane: self.lanes.get(relation_index).copied().unwrap_or(0.0),
                directed: relation.directed,
                dimmed: emphasis == Emphasis::Dimmed,
                highlighted: false,
                change: visibility.changes.get(relation_index).copied().flatten(),
            };
            if let Some(slot) = self.edge_of_relation.get_mut(relation_index) {
                *slot = Some(edges.len() as u32);
            }
            edges.push(DrawnEdge {
                from: a,
                to: b,
                payload,
            });
        }
        self.graph = graph;
        self.edges = edges;
        self.edge_buffers.revision = self.edge_buffers.revision.wrapping_add(1);
        self.highlighted = None;
        self.spotlight = None;
        self.set_selection(selection);
    }
}

/// What colours a file gives its relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileLineColours {
    /// None: Gephi's own exports, which colour nodes only.
    None,
    /// All the same (yEd's default black): it says nothing, and the kinds' colours do.
    Same,
    /// Colours that tell relations apart.
    Varied,
}

impl FileLineColours {
    fn of(dataset: &Dataset) -> Self {
        let mut colours = dataset.relations.iter().filter_map(|r| r.appearance.colour.as_deref());
        match colours.next() {
            None => Self::None,
            Some(first) if colours.all(|c| c == first) => Self::Same,
            Some(_) => Self::Varied,
        }
    }
}

/// An actor's colour and outline: its kind's, or with `file_looks` the file's own. An actor
/// the file coloured but gave no kind is a disc, as Gephi draws it.
fn actor_look(actor: &crate::model::Actor, look: SceneLook<'_>) -> (egui::Color32, NodeShape) {
    let (kind_colour, kind_shape) = look.looks.actor(&actor.kind);
    if !look.file_looks {
        return (kind_colour, kind_shape);
    }
    let file_colour = actor.appearance.colour.as_deref().and_then(parse_hex_colour);
    let shape = actor
        .appearance
        .shape
        .unwrap_or(if file_colour.is_some() && actor.kind == ActorKind::Other.id() {
            NodeShape::Disc
        } else {
            kind_shape
        });
    (file_colour.unwrap_or(kind_colour), shape)
}

impl GraphScene {
    /// Tells every node whether it is stamped into the crowded view's picture (see `density`).
    pub fn set_marks_in_picture(&mut self, in_picture: bool) {
        for node in self.node_of_actor.iter().flatten() {
            if let Some(node) = self.graph.node_mut(*node) {
                node.payload_mut().in_picture = in_picture;
            }
        }
    }

    /// The relation's edge, when it is drawn.
    pub fn drawn_edge(&self, relation: usize) -> Option<&DrawnEdge> {
        let edge = self.edge_of_relation.get(relation).copied().flatten()?;
        self.edges.get(edge as usize)
    }

    /// The relations on screen (those the filters leave visible).
    pub fn edges(&self) -> &[DrawnEdge] {
        &self.edges
    }

    /// Sets every actor's radius (layout units): drawn at once, and the layout makes room.
    /// A layout from the file keeps its places, and the sizes shrink to fit how closely it
    /// packs its actors.
    pub fn set_radii(&mut self, mut radii: Vec<f32>) {
        if self.positions_from_file
            && let Some(spacing) = crate::layout::median_nearest_distance(self.layout.positions())
        {
            let scale = (spacing / FILE_SPACING_PER_RADIUS_UNIT).clamp(0.1, 1.0);
            radii.iter_mut().for_each(|r| *r *= scale);
        }
        for (actor, node) in self.node_of_actor.iter().enumerate() {
            if let (Some(node), Some(&radius)) = (node, radii.get(actor))
                && let Some(node) = self.graph.node_mut(*node)
            {
                node.payload_mut().radius = radius;
            }
        }
        // Biggest first, then in the dataset's order: one sort of plain numbers (a comparison
        // that looked both radii up took 8 ms of the frame at 100,000 actors).
        let mut keyed: Vec<(std::cmp::Reverse<u32>, u32)> = (0..radii.len() as u32)
            .map(|i| {
                let radius = radii.get(i as usize).copied().unwrap_or(0.0).max(0.0);
                (std::cmp::Reverse(radius.to_bits()), i)
            })
            .collect();
        keyed.sort_unstable();
        self.label_order = keyed.into_iter().map(|(_, i)| i).collect();
        // A file's own layout is kept exactly; Entente's own makes room for the new sizes.
        if !self.positions_from_file {
            self.layout.set_radii(radii.clone());
        }
        self.radii = radii;
    }

    /// How an actor is drawn; `None` when hidden.
    pub fn drawn_actor(&self, actor: usize) -> Option<DrawnActor> {
        let payload = self.graph.node(self.node_of(actor)?)?.payload();
        Some(DrawnActor {
            label: payload.label.clone(),
            colour: payload.colour,
            shape: payload.shape,
            radius: payload.radius,
            faded: payload.faded || payload.dimmed,
        })
    }

    /// Each actor's radius in layout units.
    pub fn radius(&self, actor: usize) -> f32 {
        self.radii
            .get(actor)
            .copied()
            .unwrap_or(crate::ui::graph::node_size::MIN_RADIUS)
    }

    /// Actors from the biggest down.
    pub fn label_order(&self) -> &[u32] {
        &self.label_order
    }
}
