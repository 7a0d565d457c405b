//! A force-directed layout (Fruchterman–Reingold forces, Barnes–Hut repulsion) that starts
//! from a deterministic placement, cools down and stops by itself once it has settled.

use self::coarse_stage::CoarseStage;
use super::graph_size::{LARGE_GRAPH, MULTILEVEL_FROM, PARALLEL_FROM};
use super::stress::StressRefinement;
use super::{Components, QuadTree, Vec2, initial_positions, remove_overlaps};

mod coarse_stage;
mod given_picture;

/// Tuning of the simulation. Distances are in layout units; the view draws a node about
/// 20 units across at zoom 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForceParams {
    /// The distance linked nodes settle at.
    pub ideal_distance: f32,
    /// Pull towards the centre, so unlinked groups stay in view.
    pub gravity: f32,
    /// Barnes–Hut accuracy: 0 is exact, larger is faster.
    pub theta: f32,
    /// How far a node may move in the first step, as a multiple of `ideal_distance`.
    pub initial_temperature: f32,
    /// The layout has settled when no node moved more than this (times `ideal_distance`) in a step.
    pub settle_threshold: f32,
    /// A hard stop, for graphs that oscillate.
    pub max_steps: u32,
}

impl Default for ForceParams {
    fn default() -> Self {
        Self {
            ideal_distance: 90.0,
            gravity: 0.02,
            theta: 0.9,
            initial_temperature: 2.0,
            settle_threshold: 0.004,
            max_steps: 2_000,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutStatus {
    Running,
    Settled,
}

/// The simulation over one graph: node positions, which nodes are pinned, and how hot it is.
#[derive(Debug, Clone)]
pub struct ForceLayout {
    params: ForceParams,
    positions: Vec<Vec2>,
    pinned: Vec<bool>,
    /// Nodes kept where they are until this run settles: the ones a reload found in place,
    /// while new ones find their spots. Unlike pins, the user never sees these.
    held: Vec<bool>,
    edges: Vec<(u32, u32)>,
    /// How strongly each edge pulls: on a coarse level, the links it stands for. Empty when
    /// every edge pulls alike.
    weights: Vec<f32>,
    /// Kept so that parts with no link to the main one stay beside it (`Components`).
    components: Components,
    masses: Vec<f32>,
    /// Each node's radius as drawn; once settled, no two nodes overlap (see `overlap`).
    radii: Vec<f32>,
    temperature: f32,
    cooling: f32,
    steps: u32,
    status: LayoutStatus,
    /// The coarse levels still to lay out before the full graph, on a fresh start of a big
    /// graph (`layout::coarsening`).
    coarse: Option<Box<CoarseStage>>,
    /// Steps run on coarse levels.
    coarse_steps: u32,
    /// A fresh layout is refined towards low stress once its forces settle (`layout::stress`);
    /// one restarted from a picture on screen is not, so an edit moves nothing far.
    refine_when_settled: bool,
    refinement: Option<Box<StressRefinement>>,
    // Scratch space kept between steps so a step allocates nothing.
    forces: Vec<Vec2>,
    tree: QuadTree,
    /// Forces in the tree's order of bodies (`QuadTree::order`), before they are put back in
    /// the nodes' order.
    tree_forces: Vec<Vec2>,
    /// Share big steps between cores (off only to test that it changes nothing).
    parallel: bool,
}

impl ForceLayout {
    /// A layout of `node_count` nodes linked by `edges` (node indices; self-loops and
    /// out-of-range ends are ignored), placed deterministically from `seed`.
    /// From `MULTILEVEL_FROM` nodes on, the first steps lay out coarser versions of the graph.
    pub fn new(node_count: usize, edges: &[(u32, u32)], seed: u64, params: ForceParams) -> Self {
        let multilevel = node_count >= MULTILEVEL_FROM;
        let mut layout = Self::starting(node_count, edges, params, |edges, spacing| {
            if multilevel {
                // The coarse levels decide where nodes start; anything will do until then.
                vec![Vec2::ZERO; node_count]
            } else {
                initial_positions(node_count, edges, seed, spacing)
            }
        });
        if multilevel {
            layout.start_multilevel(seed, params);
        }
        layout.refine_when_settled = true;
        layout
    }

    /// A layout that starts from `positions` (one per node) instead of seeding its own: the
    /// picture on screen, kept when an edit puts actors in or takes them out.
    pub fn with_positions(positions: Vec<Vec2>, edges: &[(u32, u32)], params: ForceParams) -> Self {
        let node_count = positions.len();
        Self::starting(node_count, edges, params, move |_, _| positions)
    }

    fn starting(
        node_count: usize,
        edges: &[(u32, u32)],
        params: ForceParams,
        start: impl FnOnce(&[(u32, u32)], f32) -> Vec<Vec2>,
    ) -> Self {
        let params = if node_count >= LARGE_GRAPH {
            ForceParams {
                // ForceAtlas2's Barnes–Hut accuracy: cheaper steps for a settled picture as
                // close as with 0.9 (`layout::linked_closeness`; docs/performance.md, "Time to open, time to settle").
                theta: params.theta.max(1.2),
                // Moves under a fiftieth of a link's length no longer change a picture this big
                // at any zoom that shows it whole; waiting for smaller ones costs many more
                // steps for a picture no one can tell apart.
                settle_threshold: params.settle_threshold.max(0.02),
                ..params
            }
        } else {
            params
        };
        let edges: Vec<(u32, u32)> = edges
            .iter()
            .copied()
            .filter(|&(a, b)| a != b && (a as usize) < node_count && (b as usize) < node_count)
            .collect();
        let mut degree = vec![0u32; node_count];
        for &(a, b) in &edges {
            for end in [a, b] {
                if let Some(d) = degree.get_mut(end as usize) {
                    *d += 1;
                }
            }
        }
        let positions = start(&edges, params.ideal_distance);
        let cooling = base_cooling(node_count);
        Self {
            params,
            positions,
            pinned: vec![false; node_count],
            held: vec![false; node_count],
            masses: degree.iter().map(|&d| 1.0 + d as f32 * 0.1).collect(),
            radii: Vec::new(),
            components: Components::new(node_count, &edges),
            edges,
            weights: Vec::new(),
            temperature: params.initial_temperature * params.ideal_distance,
            cooling,
            steps: 0,
            status: if node_count == 0 {
                LayoutStatus::Settled
            } else {
                LayoutStatus::Running
            },
            coarse: None,
            coarse_steps: 0,
            refine_when_settled: false,
            refinement: None,
            forces: vec![Vec2::ZERO; node_count],
            tree: QuadTree::default(),
            tree_forces: Vec::new(),
            parallel: true,
        }
    }

    pub fn positions(&self) -> &[Vec2] {
        &self.positions
    }

    pub fn position(&self, node: usize) -> Option<Vec2> {
        self.positions.get(node).copied()
    }

    pub fn status(&self) -> LayoutStatus {
        self.status
    }

    /// Steps run since the last (re)start, coarse levels included.
    pub fn steps(&self) -> u32 {
        self.steps + self.coarse_steps
    }

    /// True while coarse levels are being laid out, before the full graph.
    pub fn is_on_coarse_levels(&self) -> bool {
        self.coarse.is_some()
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Puts a node where the user dropped it and keeps it there.
    pub fn pin_at(&mut self, node: usize, position: Vec2) {
        if let (Some(slot), Some(pin)) = (self.positions.get_mut(node), self.pinned.get_mut(node))
            && position.is_finite()
        {
            *slot = position;
            *pin = true;
        }
    }

    pub fn unpin(&mut self, node: usize) {
        if let Some(pin) = self.pinned.get_mut(node) {
            *pin = false;
        }
    }

    pub fn unpin_all(&mut self) {
        self.pinned.fill(false);
    }

    /// The radius each node is drawn with. A settled layout makes room at once; one still
    /// running does when it settles.
    pub fn set_radii(&mut self, radii: Vec<f32>) {
        self.radii = radii;
        if self.status == LayoutStatus::Settled {
            self.spread_overlaps();
        }
    }

    /// Takes the radii without making room now: for a mirror of a layout that runs elsewhere.
    pub fn keep_radii(&mut self, radii: Vec<f32>) {
        self.radii = radii;
    }

    /// Moves overlapping nodes apart, leaving pinned ones where the user put them and held
    /// ones where they were.
    fn spread_overlaps(&mut self) {
        if self.radii.len() != self.positions.len() {
            return;
        }
        let fixed: Vec<bool> = self.pinned.iter().zip(&self.held).map(|(p, h)| *p || *h).collect();
        remove_overlaps(
            &mut self.positions,
            &self.radii,
            &fixed,
            OVERLAP_GAP,
            MAX_OVERLAP_ROUNDS,
        );
    }

    /// Marks the layout as settled without running it, as when positions were restored.
    pub fn settle_now(&mut self) {
        self.coarse = None;
        self.refine_when_settled = false;
        self.refinement = None;
        self.status = LayoutStatus::Settled;
    }

    /// Heats the simulation up again from the current positions. `strength` 1 is a full
    /// restart; smaller values only smooth out local changes.
    /// While the coarse levels run the layout is starting afresh anyway, and they go on.
    pub fn reheat(&mut self, strength: f32) {
        if self.coarse.is_some() {
            return;
        }
        self.refine_when_settled = false;
        self.refinement = None;
        self.temperature = self.params.initial_temperature * self.params.ideal_distance * strength.clamp(0.01, 1.0);
        // A multilevel start's quicker cooling was for the first run only.
        self.cooling = base_cooling(self.positions.len());
        self.steps = 0;
        self.coarse_steps = 0;
        self.held.fill(false);
        self.status = if self.positions.is_empty() {
            LayoutStatus::Settled
        } else {
            LayoutStatus::Running
        };
    }

    /// Heats up only the nodes within `steps` links of `node` (after the user dragged it):
    /// the rest of the picture holds still while its neighbourhood makes room.
    pub fn reheat_near(&mut self, node: usize, steps: u8, strength: f32) {
        let count = self.positions.len();
        // While the coarse levels run, the whole picture is still moving; holding the rest
        // would freeze it half made.
        if node >= count || self.coarse.is_some() {
            return;
        }
        let mut near = vec![false; count];
        if let Some(n) = near.get_mut(node) {
            *n = true;
        }
        let mut frontier = vec![node];
        for _ in 0..steps {
            let mut next = Vec::new();
            for &(a, b) in &self.edges {
                let (a, b) = (a as usize, b as usize);
                for (from, to) in [(a, b), (b, a)] {
                    if frontier.contains(&from)
                        && let Some(slot) = near.get_mut(to)
                        && !*slot
                    {
                        *slot = true;
                        next.push(to);
                    }
                }
            }
            frontier = next;
        }
        self.reheat(strength);
        self.held = near.into_iter().map(|n| !n).collect();
    }

    /// Runs one step; returns the largest distance a node moved.
    pub fn step(&mut self) -> f32 {
        if self.status == LayoutStatus::Settled {
            return 0.0;
        }
        if self.coarse.is_some() {
            return self.coarse_step();
        }
        if self.refinement.is_some() {
            return self.refine_step();
        }
        self.compute_forces();
        let fixed = self.pinned.iter().zip(&self.held).map(|(p, h)| *p || *h);
        // Each force becomes the node's move, so the moves below can add to it.
        for ((position, force), fixed) in self.positions.iter_mut().zip(&mut self.forces).zip(fixed) {
            let length = force.length();
            if fixed || length <= 0.0 || !length.is_finite() {
                *force = Vec2::ZERO;
                continue;
            }
            *force = *force * (length.min(self.temperature) / length);
            *position += *force;
        }
        self.components.keep_beside_largest(
            &mut self.positions,
            (&self.pinned, &self.held),
            self.params.ideal_distance,
            &mut self.forces,
        );
        let largest_move = self.forces.iter().map(|m| m.length()).fold(0.0f32, f32::max);
        self.steps += 1;
        self.temperature *= self.cooling;
        let settled = largest_move < self.params.settle_threshold * self.params.ideal_distance
            || self.temperature < self.params.settle_threshold * self.params.ideal_distance * 0.5
            || self.steps >= self.params.max_steps;
        if settled {
            let refinement = std::mem::take(&mut self.refine_when_settled)
                .then(|| StressRefinement::new(self.positions.len(), &self.edges))
                .flatten();
            match refinement {
                Some(refinement) => self.refinement = Some(Box::new(refinement)),
                None => self.finish(),
            }
        }
        largest_move
    }

    /// One slice of the stress refinement; returns how far the nodes moved, at most.
    fn refine_step(&mut self) -> f32 {
        // A fresh layout holds no node (what would, a reheat, ends the refinement): only the
        // user's pins stay.
        let (moved, done) = self.refinement.as_mut().map_or((0.0, true), |refinement| {
            refinement.step(&mut self.positions, &self.pinned)
        });
        self.steps += 1;
        if done {
            self.refinement = None;
            // Each part was refined on its own and may have grown: those left outside the
            // largest one's rim come back beside it.
            self.forces.fill(Vec2::ZERO);
            self.components.keep_beside_largest(
                &mut self.positions,
                (&self.pinned, &self.held),
                self.params.ideal_distance,
                &mut self.forces,
            );
            self.finish();
        }
        moved
    }

    fn finish(&mut self) {
        self.status = LayoutStatus::Settled;
        self.spread_overlaps();
        self.held.fill(false);
    }

    /// Runs steps until the layout settles or `max_steps` have run; returns the steps run.
    pub fn run(&mut self, max_steps: u32) -> u32 {
        let mut done = 0;
        while done < max_steps && self.status == LayoutStatus::Running {
            self.step();
            done += 1;
        }
        done
    }

    fn compute_forces(&mut self) {
        let k = self.params.ideal_distance;
        self.tree.rebuild(&self.positions, &self.masses);
        let (tree, positions, masses) = (&self.tree, &self.positions, &self.masses);
        let (theta, gravity) = (self.params.theta, self.params.gravity);
        let body_force = |body: u32| repulsion_and_gravity(tree, positions, masses, body as usize, k, theta, gravity);
        // Bodies are walked in the tree's order, near ones one after another, so each walk
        // finds the cells the last one read still in the cache. Each node's force depends
        // only on the tree and the positions, so the nodes can be shared out between cores
        // and the result is the same on one core or many.
        let order = tree.order();
        self.tree_forces.clear();
        self.tree_forces.resize(order.len(), Vec2::ZERO);
        if self.parallel && self.positions.len() >= PARALLEL_FROM {
            use rayon::prelude::*;
            self.tree_forces
                .par_iter_mut()
                .zip(order.par_iter())
                .with_min_len(256)
                .for_each(|(force, &body)| *force = body_force(body));
        } else {
            for (force, &body) in self.tree_forces.iter_mut().zip(order) {
                *force = body_force(body);
            }
        }
        // A node left out of the tree (no finite place) feels nothing and stays put.
        self.forces.fill(Vec2::ZERO);
        for (&force, &body) in self.tree_forces.iter().zip(order) {
            if let Some(slot) = self.forces.get_mut(body as usize) {
                *slot = force;
            }
        }
        for (edge, &(a, b)) in self.edges.iter().enumerate() {
            let (Some(&pa), Some(&pb)) = (self.positions.get(a as usize), self.positions.get(b as usize)) else {
                continue;
            };
            let delta = pb - pa;
            let weight = self.weights.get(edge).copied().unwrap_or(1.0);
            // Attraction d²/k along the edge, times the links it stands for.
            let pull = delta * (weight * delta.length() / k);
            if let Some(f) = self.forces.get_mut(a as usize) {
                *f += pull;
            }
            if let Some(f) = self.forces.get_mut(b as usize) {
                *f -= pull;
            }
        }
    }
}

/// How fast a fresh layout cools: bigger graphs need more, gentler steps to untangle.
pub(super) fn base_cooling(node_count: usize) -> f32 {
    if node_count < 200 { 0.96 } else { 0.985 }
}

/// Room left between nodes once they no longer overlap, in layout units.
const OVERLAP_GAP: f32 = 4.0;
/// Overlaps left after this many rounds are too few to matter.
const MAX_OVERLAP_ROUNDS: usize = 200;

/// Barnes–Hut repulsion from every other node (k²/d, scaled by both masses so hubs get room
/// around them) plus gravity towards the centre, so unlinked groups stay in view.
fn repulsion_and_gravity(
    tree: &QuadTree,
    positions: &[Vec2],
    masses: &[f32],
    body: usize,
    k: f32,
    theta: f32,
    gravity: f32,
) -> Vec2 {
    let k_sq = k * k;
    let position = positions.get(body).copied().unwrap_or_default();
    let own_mass = masses.get(body).copied().unwrap_or(1.0);
    let mut total = Vec2::ZERO;
    tree.for_each_influence(body as u32, position, theta, |centre, mass| {
        let mut delta = position - centre;
        let mut distance_sq = delta.length_sq();
        if distance_sq < 1e-4 {
            // Coincident nodes: push apart along a direction fixed by the node's index,
            // so the result is deterministic and different nodes part different ways.
            let angle = body as f32 * 2.399_963; // the golden angle
            delta = Vec2::new(angle.cos(), angle.sin()) * 0.01;
            distance_sq = delta.length_sq();
        }
        total += delta * (k_sq * own_mass * mass / distance_sq);
    });
    total - position * (gravity * own_mass)
}

#[cfg(test)]
mod tests;
