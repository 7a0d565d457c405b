//! The metrics in the app: worked out on another thread whenever something needs them (the
//! actor table, sizes or colours by a metric) and the dataset or the filters have changed
//! since; what needs them catches up when they arrive.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use super::App;
use crate::analysis::{CountedGraph, Hostile, Metrics, compute_metrics};
use crate::model::{Dataset, DatasetIndex, EvidenceFilter, KindFilter, SizeBy, TimeWindow, ViewQuery};
use crate::ui::MainView;

/// The metrics of the view last asked, and the work on the next.
#[derive(Default)]
pub struct MetricsJob {
    done: Option<(Asked, Arc<Metrics>)>,
    running: Option<(Asked, Receiver<Metrics>)>,
    /// The blocs drawn as one node, each by the id of the actor that stands for it (so that a
    /// bloc stays collapsed when the metrics are worked out again and blocs are renumbered).
    collapsed: BTreeSet<String>,
}

/// What metrics depend on.
#[derive(Clone, PartialEq)]
struct Asked {
    revision: u64,
    generation: u64,
    kinds: KindFilter,
    evidence: EvidenceFilter,
    time: Option<TimeWindow>,
    hostile: Hostile,
}

impl MetricsJob {
    /// The metrics last worked out, when they are for the dataset still on screen (they may
    /// be for filters since changed, while the new ones are worked out).
    pub fn latest(&self) -> Option<&Arc<Metrics>> {
        self.done.as_ref().map(|(_, m)| m)
    }
}

impl App {
    fn metrics_wanted(&self) -> bool {
        self.state.main_view == MainView::Actors
            || matches!(self.state.size_by, SizeBy::Centrality(_))
            || self.state.colour_by.needs_metrics()
    }

    /// Starts the metrics when they are wanted and out of date; takes them when they are done.
    pub(super) fn poll_metrics(&mut self, ctx: &egui::Context) {
        if let Some((asked, receiver)) = &self.metrics.running
            && let Ok(metrics) = receiver.try_recv()
        {
            let asked = asked.clone();
            self.metrics.running = None;
            let same_dataset = asked.generation == self.doc.generation && asked.revision == self.doc.revision;
            if same_dataset && metrics.actors.len() == self.doc.dataset.actors.len() {
                self.metrics.done = Some((asked, Arc::new(metrics)));
                self.apply_sizes();
                self.view.dirty = true;
            }
        }
        if !self.metrics_wanted() {
            return;
        }
        let asked = Asked {
            revision: self.doc.revision,
            generation: self.doc.generation,
            kinds: self.state.filter.clone(),
            evidence: self.state.evidence_filter.clone(),
            time: self.state.time_window,
            hostile: self.state.metrics_hostile,
        };
        let current = |a: &Asked| *a == asked;
        if self.metrics.done.as_ref().is_some_and(|(a, _)| current(a))
            || self.metrics.running.as_ref().is_some_and(|(a, _)| current(a))
        {
            return;
        }
        if self.metrics.running.is_some() {
            // One at a time: the next starts when this one is in.
            return;
        }
        // Metrics for another dataset must not colour this one while the new ones are worked out.
        if self
            .metrics
            .done
            .as_ref()
            .is_some_and(|(a, _)| a.generation != asked.generation || a.revision != asked.revision)
        {
            self.metrics.done = None;
        }
        let (sender, receiver) = channel();
        let dataset = Arc::clone(&self.doc.dataset);
        let job = asked.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("metrics".into()).spawn(move || {
            let metrics = metrics_of(&dataset, &job);
            // The window may have closed meanwhile: nobody to tell.
            let _ = sender.send(metrics);
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.metrics.running = Some((asked, receiver));
        }
    }

    /// True while metrics are worked out on another thread.
    pub fn is_computing_metrics(&self) -> bool {
        self.metrics.running.is_some()
    }

    /// Each actor's value of a centrality, once the metrics are in.
    pub(super) fn centrality_values(&self, measure: crate::model::Centrality) -> Option<Vec<f32>> {
        let metrics = self.metrics.latest()?;
        (metrics.actors.len() == self.doc.dataset.actors.len())
            .then(|| metrics.actors.iter().map(|m| m.value(measure) as f32).collect())
    }
}

fn metrics_of(dataset: &Dataset, asked: &Asked) -> Metrics {
    let index = DatasetIndex::new(dataset);
    let query = ViewQuery {
        evidence: &asked.evidence,
        time: asked.time,
        ..ViewQuery::all(&asked.kinds)
    };
    compute_metrics(&CountedGraph::of_view(dataset, &index, &query, asked.hostile))
}

impl App {
    /// Each actor's colour when it stands for its bloc or a measure; `None` by kind (or while
    /// the metrics are worked out).
    pub(super) fn actor_colours(&self) -> Option<Vec<egui::Color32>> {
        use crate::model::ColourBy;
        use crate::ui::palette::{bloc_colour, measure_colour};
        let metrics = self.metrics.latest()?;
        match self.state.colour_by {
            ColourBy::Kind => None,
            ColourBy::Bloc => Some(
                metrics
                    .actors
                    .iter()
                    .map(|m| bloc_colour(m.bloc, metrics.blocs.get(m.bloc).map_or(0, Vec::len)))
                    .collect(),
            ),
            ColourBy::Centrality(c) => {
                let values = self.centrality_values(c)?;
                let most = values.iter().copied().fold(0.0f32, f32::max);
                // By square root, as sizes are, so the few high values do not wash out the rest.
                Some(
                    values
                        .iter()
                        .map(|v| measure_colour(if most > 0.0 { (v / most).sqrt() } else { 0.0 }))
                        .collect(),
                )
            }
        }
    }
}

impl App {
    pub(super) fn collapse_bloc(&mut self, bloc: usize, collapsed: bool) {
        let Some(metrics) = self.metrics.latest().cloned() else {
            return;
        };
        let Some(members) = metrics.blocs.get(bloc) else { return };
        let id = |a: usize| self.doc.dataset.actors.get(a).map(|x| x.id.clone());
        if collapsed {
            if let Some(lead) = lead_of(members, &metrics).and_then(id) {
                self.metrics.collapsed.insert(lead);
            }
        } else {
            for a in members {
                if let Some(member) = id(*a) {
                    self.metrics.collapsed.remove(&member);
                }
            }
        }
    }

    /// Whether a bloc is drawn as one node.
    pub(super) fn is_bloc_collapsed(&self, members: &[usize]) -> bool {
        let dataset = &self.doc.dataset;
        members.iter().any(|&a| {
            dataset
                .actors
                .get(a)
                .is_some_and(|x| self.metrics.collapsed.contains(&x.id))
        })
    }

    /// The collapsed blocs: each drawn as its most connected actor, labelled as the bloc, its
    /// other actors hidden and their relations drawn from it.
    pub(super) fn collapsed_blocs(&self) -> Option<crate::ui::graph::Collapsed> {
        if self.metrics.collapsed.is_empty() {
            return None;
        }
        let metrics = self.metrics.latest()?;
        let n = self.doc.dataset.actors.len();
        let mut collapsed = crate::ui::graph::Collapsed {
            drawn_as: (0..n as u32).collect(),
            labels: Vec::new(),
        };
        for (bloc, members) in metrics.blocs.iter().enumerate() {
            if members.len() < 2 || !self.is_bloc_collapsed(members) {
                continue;
            }
            let Some(lead) = lead_of(members, metrics) else {
                continue;
            };
            for &a in members {
                if let Some(slot) = collapsed.drawn_as.get_mut(a) {
                    *slot = lead as u32;
                }
            }
            collapsed
                .labels
                .push((lead, format!("Bloc {} · {} actors", bloc + 1, members.len())));
        }
        (!collapsed.labels.is_empty()).then_some(collapsed)
    }
}

/// The actor that stands for a collapsed bloc: its most connected.
fn lead_of(members: &[usize], metrics: &Metrics) -> Option<usize> {
    members
        .iter()
        .copied()
        .max_by_key(|&a| (metrics.actors.get(a).map_or(0, |m| m.degree), std::cmp::Reverse(a)))
}
