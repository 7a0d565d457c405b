//! A layout given a picture rather than making its own: positions restored from the last run
//! or read from the file, actors laid out around those, and the positions a worker publishes.

use super::{ForceLayout, LayoutStatus, base_cooling};
use crate::layout::{QuadTree, Vec2, initial_positions};

impl ForceLayout {
    /// Restores saved positions (e.g. from the last run). Nodes without one keep theirs.
    /// A pin among them ends a multilevel start's coarse levels, which cannot hold a pin: the
    /// layout starts afresh from the seeded spiral around it, as a single level.
    pub fn set_positions(&mut self, positions: impl IntoIterator<Item = (usize, Vec2, bool)>) {
        let positions: Vec<(usize, Vec2, bool)> = positions.into_iter().collect();
        if positions.iter().any(|&(_, _, pinned)| pinned)
            && let Some(stage) = self.coarse.take()
        {
            let count = self.positions.len();
            self.positions = initial_positions(count, &self.edges, stage.seed(), self.params.ideal_distance);
            self.temperature = self.params.initial_temperature * self.params.ideal_distance;
            self.cooling = base_cooling(count);
            self.coarse_steps = 0;
        }
        for (node, position, pinned) in positions {
            if let (Some(slot), Some(pin)) = (self.positions.get_mut(node), self.pinned.get_mut(node))
                && position.is_finite()
            {
                *slot = position;
                *pin = pinned;
            }
        }
    }

    /// Lays out only the nodes not in `placed`: each starts beside its placed neighbours and the
    /// placed ones do not move, so a reload that adds a few actors leaves the picture alone.
    pub fn lay_out_around(&mut self, placed: &[usize]) {
        let mut is_placed = vec![false; self.positions.len()];
        for &node in placed {
            if let Some(slot) = is_placed.get_mut(node) {
                *slot = true;
            }
        }
        if let Some(stage) = self.coarse.take() {
            // The coarse levels' first picture piles each group on one spot: newcomers with no
            // placed neighbour start from the seeded spiral instead, as without the levels.
            let seeded = initial_positions(
                self.positions.len(),
                &self.edges,
                stage.seed(),
                self.params.ideal_distance,
            );
            for ((slot, start), placed) in self.positions.iter_mut().zip(seeded).zip(&is_placed) {
                if !placed {
                    *slot = start;
                }
            }
        }
        let mut sums = vec![(Vec2::ZERO, 0u32); self.positions.len()];
        for &(a, b) in &self.edges {
            for (from, to) in [(a as usize, b as usize), (b as usize, a as usize)] {
                if is_placed.get(from) == Some(&true)
                    && is_placed.get(to) == Some(&false)
                    && let (Some(position), Some(sum)) = (self.positions.get(from).copied(), sums.get_mut(to))
                {
                    sum.0 += position;
                    sum.1 += 1;
                }
            }
        }
        let spread = self.params.ideal_distance * 0.5;
        for (node, ((position, (sum, count)), placed)) in
            self.positions.iter_mut().zip(&sums).zip(&is_placed).enumerate()
        {
            if !placed && *count > 0 {
                // A deterministic nudge, so that two newcomers with the same neighbours part.
                let angle = node as f32 * 2.399_963;
                *position = *sum * (1.0 / *count as f32) + Vec2::new(angle.cos(), angle.sin()) * spread;
            }
        }
        self.reheat(0.3);
        self.held = is_placed;
    }

    /// A copy to mirror a worker running this layout: what the window reads and pins, without
    /// the coarse levels, refinement and scratch space only stepping needs (copying those took
    /// 8 ms of the frame that puts a 100,000-actor file on screen).
    pub fn mirror_copy(&self) -> Self {
        Self {
            params: self.params,
            positions: self.positions.clone(),
            pinned: self.pinned.clone(),
            held: self.held.clone(),
            edges: self.edges.clone(),
            weights: self.weights.clone(),
            components: self.components.clone(),
            masses: self.masses.clone(),
            radii: self.radii.clone(),
            temperature: self.temperature,
            cooling: self.cooling,
            steps: self.steps,
            status: self.status,
            coarse: None,
            coarse_steps: self.coarse_steps,
            refine_when_settled: self.refine_when_settled,
            refinement: None,
            forces: Vec::new(),
            tree: QuadTree::default(),
            tree_forces: Vec::new(),
            parallel: self.parallel,
        }
    }

    /// Takes positions and status computed elsewhere (by a worker running a copy of this
    /// layout). Pinned nodes keep their own positions: the user's pin is newer than any copy.
    pub fn mirror(&mut self, positions: &[Vec2], status: LayoutStatus) {
        // A mirror never steps: the worker lays out the coarse levels.
        self.coarse = None;
        for ((slot, position), pinned) in self.positions.iter_mut().zip(positions).zip(&self.pinned) {
            if !pinned {
                *slot = *position;
            }
        }
        self.status = status;
        if status == LayoutStatus::Settled {
            self.held.fill(false);
        }
    }
}
