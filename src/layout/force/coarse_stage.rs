//! The coarse levels of a multilevel layout, laid out before the full graph (see
//! `layout::coarsening`). They run as the first steps of the full graph's layout, so a worker
//! steps them like any other and the window shows the picture unfolding: every actor drawn at
//! its group's place on the level being laid out.

use super::{ForceLayout, ForceParams, LayoutStatus};
use crate::layout::Vec2;
use crate::layout::coarsening::{CoarseLevel, WeightedGraph, coarsen, prolong};
use crate::layout::graph_size::LARGE_GRAPH;
use crate::layout::initial_positions;

/// How hot the full graph starts from the coarse levels' picture, as a share of a fresh
/// start's temperature, and how fast it cools. The picture is right as a whole and needs to
/// open up locally; a large graph, whose steps cost the most, gets less time for it (measured
/// in docs/performance.md, "A multilevel start").
fn refining(node_count: usize) -> (f32, f32) {
    if node_count >= LARGE_GRAPH {
        (0.25, 0.95)
    } else {
        (0.5, 0.97)
    }
}

/// How a coarse level between the coarsest and the full graph is run. Its picture is only a
/// start for the next; when the full graph is large, the coarse levels stop as soon as a large
/// graph's layout would and take the same rougher steps (see `ForceLayout::new`), which halves
/// the time to settle. Smaller graphs are quick either way and get the better picture.
fn coarse_level(params: ForceParams, full_graph_is_large: bool) -> (ForceParams, f32, f32) {
    if full_graph_is_large {
        let rough = ForceParams {
            theta: params.theta.max(1.2),
            settle_threshold: params.settle_threshold.max(0.02),
            ..params
        };
        (rough, 0.5, 0.95)
    } else {
        (params, 0.5, 0.97)
    }
}

#[derive(Debug, Clone)]
pub(super) struct CoarseStage {
    /// Finest first: `levels[0].parent` maps the full graph's nodes to the first level's.
    levels: Vec<CoarseLevel>,
    /// The level being laid out.
    current: usize,
    layout: ForceLayout,
    /// For each node of the full graph, its node at the current level.
    to_current: Vec<u32>,
    /// Where each node of the full graph is drawn, from its node at the current level's place:
    /// the members of a group spread a little around it. Worked out once a level.
    offsets: Vec<Vec2>,
    /// Steps run on the levels already done.
    finished_steps: u32,
    /// How the levels after the coarsest are run (`coarse_level`).
    params: ForceParams,
    temperature: f32,
    cooling: f32,
    seed: u64,
}

/// What a step of the coarse stage leaves.
pub(super) enum CoarseStep {
    /// Still on a coarse level; how far its nodes moved at most.
    Moved(f32),
    /// The last coarse level has settled: the full graph starts from these positions.
    Done(Vec<Vec2>),
}

impl CoarseStage {
    /// The coarse levels of a graph (edges in range, no self-loops), or `None` when the graph
    /// does not coarsen (already small, or nothing to merge).
    pub(super) fn new(masses: &[f32], edges: &[(u32, u32)], seed: u64, params: ForceParams) -> Option<Self> {
        let (params, temperature, cooling) = coarse_level(params, masses.len() >= LARGE_GRAPH);
        let full = WeightedGraph::new(masses.to_vec(), edges);
        let levels = coarsen(&full);
        let current = levels.len().checked_sub(1)?;
        let coarsest = &levels.get(current)?.graph;
        let positions = initial_positions(coarsest.node_count(), &coarsest.edges, seed, params.ideal_distance);
        let layout = ForceLayout::level(coarsest, positions, params, 1.0);
        let to_current = map_to_level(&levels, current, masses.len());
        let offsets = offsets(&to_current, coarsest.node_count(), params.ideal_distance);
        Some(Self {
            levels,
            current,
            layout,
            to_current,
            offsets,
            finished_steps: 0,
            params,
            temperature,
            cooling,
            seed,
        })
    }

    /// Where each node of the full graph is drawn now: at its group's place, the members of a
    /// group spread a little around it.
    pub(super) fn positions(&self) -> Vec<Vec2> {
        let coarse = self.layout.positions();
        self.to_current
            .iter()
            .zip(&self.offsets)
            .map(|(&node, &offset)| coarse.get(node as usize).copied().unwrap_or_default() + offset)
            .collect()
    }

    /// The seed the coarsest level started from.
    pub(super) fn seed(&self) -> u64 {
        self.seed
    }

    pub(super) fn steps(&self) -> u32 {
        self.finished_steps + self.layout.steps()
    }

    pub(super) fn step(&mut self) -> CoarseStep {
        let params = self.params;
        let moved = self.layout.step();
        if self.layout.status() == LayoutStatus::Running {
            return CoarseStep::Moved(moved);
        }
        let spacing = params.ideal_distance;
        let Some(level) = self.levels.get(self.current) else {
            return CoarseStep::Done(Vec::new());
        };
        let finer_positions = prolong(&level.parent, self.layout.positions(), spacing);
        let Some(finer) = self.current.checked_sub(1) else {
            return CoarseStep::Done(finer_positions);
        };
        let Some(finer_graph) = self.levels.get(finer).map(|l| &l.graph) else {
            return CoarseStep::Done(finer_positions);
        };
        self.finished_steps += self.layout.steps();
        self.layout = ForceLayout::level(finer_graph, finer_positions, params, self.temperature);
        self.layout.cooling = self.cooling;
        self.current = finer;
        self.to_current = map_to_level(&self.levels, finer, self.to_current.len());
        self.offsets = offsets(&self.to_current, finer_graph.node_count(), spacing);
        CoarseStep::Moved(moved)
    }
}

impl ForceLayout {
    pub(super) fn start_multilevel(&mut self, seed: u64, params: ForceParams) {
        match CoarseStage::new(&self.masses, &self.edges, seed, params) {
            Some(stage) => {
                self.positions = stage.positions();
                let (temperature, cooling) = refining(self.positions.len());
                self.temperature *= temperature;
                self.cooling = cooling;
                self.coarse = Some(Box::new(stage));
            }
            None => {
                let count = self.positions.len();
                self.positions = initial_positions(count, &self.edges, seed, self.params.ideal_distance);
            }
        }
    }

    /// The layout of one coarse level, started from `positions` at a share of a fresh start's
    /// temperature.
    fn level(graph: &WeightedGraph, positions: Vec<Vec2>, params: ForceParams, temperature_share: f32) -> Self {
        let mut layout = Self::starting(graph.node_count(), &graph.edges, params, move |_, _| positions);
        if layout.edges.len() == graph.weights.len() {
            layout.weights = graph.weights.clone();
        }
        if layout.masses.len() == graph.masses.len() {
            layout.masses = graph.masses.clone();
        }
        layout.temperature *= temperature_share;
        layout
    }

    /// Runs a step of the coarse level being laid out and shows it on the full graph; pinned
    /// and held nodes stay where they are.
    pub(super) fn coarse_step(&mut self) -> f32 {
        let Some(stage) = self.coarse.as_mut() else {
            return 0.0;
        };
        let spacing = self.params.ideal_distance;
        let step = stage.step();
        self.coarse_steps = stage.steps();
        let (moved, positions) = match step {
            CoarseStep::Moved(moved) => (moved, stage.positions()),
            CoarseStep::Done(positions) => {
                self.coarse = None;
                (spacing, positions)
            }
        };
        if positions.len() == self.positions.len() {
            let fixed = self.pinned.iter().zip(&self.held).map(|(p, h)| *p || *h);
            for ((slot, position), fixed) in self.positions.iter_mut().zip(positions).zip(fixed) {
                if !fixed {
                    *slot = position;
                }
            }
        }
        moved
    }
}

/// Each node's place around its group's (`prolong` from groups all at the origin).
fn offsets(to_level: &[u32], level_count: usize, spacing: f32) -> Vec<Vec2> {
    prolong(to_level, &vec![Vec2::ZERO; level_count], spacing)
}

/// For each of the full graph's `count` nodes, the node it belongs to at `level`.
fn map_to_level(levels: &[CoarseLevel], level: usize, count: usize) -> Vec<u32> {
    let mut map: Vec<u32> = (0..count as u32).collect();
    for coarser in levels.iter().take(level + 1) {
        for node in &mut map {
            *node = coarser.parent.get(*node as usize).copied().unwrap_or(0);
        }
    }
    map
}
