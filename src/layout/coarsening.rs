//! Coarsening a graph for a multilevel layout, as graphviz's sfdp and multilevel ForceAtlas2
//! do: linked nodes are merged into one, level after level, until the graph is small. The
//! coarsest level is laid out first, where a few hundred nodes untangle in a few hundred cheap
//! steps; each finer level then starts from the picture of the one above it, so the full
//! graph only has to refine a picture that is already right as a whole, instead of untangling
//! from a spiral and settling into a local knot.

use rustc_hash::FxHashMap;

use super::Vec2;

/// A graph as one level of the hierarchy sees it: parallel links merged into one whose weight
/// counts them, and each node's mass the sum of the masses it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedGraph {
    pub masses: Vec<f32>,
    pub edges: Vec<(u32, u32)>,
    pub weights: Vec<f32>,
}

/// One coarser level: the graph and, for each node of the finer level, the node it was merged
/// into.
#[derive(Debug, Clone, PartialEq)]
pub struct CoarseLevel {
    pub graph: WeightedGraph,
    pub parent: Vec<u32>,
}

/// Coarsening stops once a level is at most this big: it lays out in a handful of
/// milliseconds from any start.
const SMALL_ENOUGH: usize = 64;
/// A level that merged fewer nodes than this share of the one below it is not worth its cost.
const LEAST_SHRINK: f32 = 0.8;
/// Enough for any graph this app can hold: each useful level at least a fifth smaller.
const MOST_LEVELS: usize = 40;

impl WeightedGraph {
    /// A graph whose parallel links (either way round) are merged and self-loops left out; out
    /// of range ends are ignored.
    pub fn new(masses: Vec<f32>, edges: &[(u32, u32)]) -> Self {
        let count = masses.len();
        let in_range = edges
            .iter()
            .filter(|&&(a, b)| (a as usize) < count && (b as usize) < count)
            .map(|&ends| (ends, 1.0));
        let (edges, weights) = merge_links(in_range);
        Self { masses, edges, weights }
    }

    pub fn node_count(&self) -> usize {
        self.masses.len()
    }

    /// Each node's neighbours with the weight of the link to them, in a compressed table.
    fn neighbours(&self) -> Neighbours {
        let count = self.node_count();
        let mut starts = vec![0u32; count + 1];
        for &(a, b) in &self.edges {
            for end in [a, b] {
                if let Some(s) = starts.get_mut(end as usize + 1) {
                    *s += 1;
                }
            }
        }
        for i in 1..starts.len() {
            let before = starts.get(i - 1).copied().unwrap_or(0);
            if let Some(s) = starts.get_mut(i) {
                *s += before;
            }
        }
        let mut fill = starts.clone();
        let mut list = vec![(0u32, 0.0f32); self.edges.len() * 2];
        for (&(a, b), &w) in self.edges.iter().zip(&self.weights) {
            for (from, to) in [(a, b), (b, a)] {
                if let Some(at) = fill.get_mut(from as usize) {
                    if let Some(slot) = list.get_mut(*at as usize) {
                        *slot = (to, w);
                    }
                    *at += 1;
                }
            }
        }
        Neighbours { starts, list }
    }
}

struct Neighbours {
    starts: Vec<u32>,
    list: Vec<(u32, f32)>,
}

impl Neighbours {
    fn of(&self, node: usize) -> &[(u32, f32)] {
        let start = self.starts.get(node).copied().unwrap_or(0) as usize;
        let end = self.starts.get(node + 1).copied().unwrap_or(0) as usize;
        self.list.get(start..end).unwrap_or(&[])
    }
}

/// The levels above `graph`, finest first; empty when the graph is already small or does not
/// shrink. Deterministic: the same graph gives the same levels.
pub fn coarsen(graph: &WeightedGraph) -> Vec<CoarseLevel> {
    let mut levels: Vec<CoarseLevel> = Vec::new();
    loop {
        let finer = levels.last().map_or(graph, |level| &level.graph);
        if finer.node_count() <= SMALL_ENOUGH || levels.len() >= MOST_LEVELS {
            break;
        }
        let level = coarsen_once(finer);
        if level.graph.node_count() as f32 > finer.node_count() as f32 * LEAST_SHRINK {
            break;
        }
        levels.push(level);
    }
    levels
}

/// Merges each node with one neighbour (a matching that prefers the link heaviest for the
/// masses it joins, so that levels stay even), then lets nodes left without a partner join a
/// neighbour's group: the leaves of a star all join its hub, where a matching alone would take
/// off one leaf per level. Nodes with no link at all are paired with each other.
fn coarsen_once(graph: &WeightedGraph) -> CoarseLevel {
    const UNSET: u32 = u32::MAX;
    let count = graph.node_count();
    let neighbours = graph.neighbours();
    let mass = |n: u32| graph.masses.get(n as usize).copied().unwrap_or(1.0);
    let mut parent = vec![UNSET; count];
    let mut groups = 0u32;
    // The least linked first: they have the fewest partners to choose from.
    let mut order: Vec<u32> = (0..count as u32).collect();
    order.sort_by_key(|&n| (neighbours.of(n as usize).len(), n));
    for &node in &order {
        if parent.get(node as usize) != Some(&UNSET) {
            continue;
        }
        let partner = neighbours
            .of(node as usize)
            .iter()
            .filter(|(other, _)| parent.get(*other as usize) == Some(&UNSET))
            .map(|&(other, weight)| (other, weight / (mass(node) * mass(other))))
            .fold(None, |best: Option<(u32, f32)>, (other, score)| match best {
                Some((b, s)) if s > score || (s == score && b < other) => Some((b, s)),
                _ => Some((other, score)),
            });
        if let Some((other, _)) = partner {
            for n in [node, other] {
                if let Some(slot) = parent.get_mut(n as usize) {
                    *slot = groups;
                }
            }
            groups += 1;
        }
    }
    let mut group_mass = vec![0.0f32; groups as usize];
    for (node, &group) in parent.iter().enumerate() {
        if let Some(m) = group_mass.get_mut(group as usize) {
            *m += mass(node as u32);
        }
    }
    let mut lone_without_links: Option<u32> = None;
    for &node in &order {
        if parent.get(node as usize) != Some(&UNSET) {
            continue;
        }
        // Every neighbour is taken: join the lightest of their groups.
        let joined = neighbours
            .of(node as usize)
            .iter()
            .filter_map(|&(other, _)| parent.get(other as usize).copied())
            .filter(|&g| g != UNSET)
            .min_by(|&a, &b| {
                let (ma, mb) = (group_mass.get(a as usize), group_mass.get(b as usize));
                ma.partial_cmp(&mb).unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(&b))
            });
        let group = match joined.or_else(|| lone_without_links.take()) {
            Some(group) => group,
            None => {
                // The first of a pair of unlinked nodes: the next one joins it.
                group_mass.push(0.0);
                groups += 1;
                lone_without_links = Some(groups - 1);
                groups - 1
            }
        };
        if let Some(slot) = parent.get_mut(node as usize) {
            *slot = group;
        }
        if let Some(m) = group_mass.get_mut(group as usize) {
            *m += mass(node);
        }
    }
    let between_groups = graph
        .edges
        .iter()
        .zip(&graph.weights)
        .filter_map(|(&(a, b), &weight)| Some(((*parent.get(a as usize)?, *parent.get(b as usize)?), weight)));
    let (edges, weights) = merge_links(between_groups);
    CoarseLevel {
        graph: WeightedGraph {
            masses: group_mass,
            edges,
            weights,
        },
        parent,
    }
}

/// Links as one per pair of ends (either way round), weighing as much as the links merged
/// into it, in the order each pair first comes; links from a node to itself are left out.
fn merge_links(links: impl Iterator<Item = ((u32, u32), f32)>) -> (Vec<(u32, u32)>, Vec<f32>) {
    let mut at: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    let (mut edges, mut weights) = (Vec::new(), Vec::<f32>::new());
    for ((a, b), weight) in links.filter(|((a, b), _)| a != b) {
        let key = (a.min(b), a.max(b));
        let slot = *at.entry(key).or_insert_with(|| {
            edges.push(key);
            weights.push(0.0);
            edges.len() - 1
        });
        if let Some(total) = weights.get_mut(slot) {
            *total += weight;
        }
    }
    (edges, weights)
}

/// Positions for a finer level from its coarse level's: each node starts at its group's place,
/// the members of a group on a small sunflower around it so that none start on one point.
pub fn prolong(parent: &[u32], coarse: &[Vec2], spacing: f32) -> Vec<Vec2> {
    const GOLDEN_ANGLE: f32 = 2.399_963;
    let mut rank = vec![0u32; coarse.len()];
    parent
        .iter()
        .map(|&group| {
            let centre = coarse.get(group as usize).copied().unwrap_or_default();
            let Some(r) = rank.get_mut(group as usize) else {
                return centre;
            };
            let nth = *r as f32;
            *r += 1;
            let radius = spacing * 0.3 * (nth + 0.5).sqrt();
            let angle = nth * GOLDEN_ANGLE + group as f32;
            centre + Vec2::new(angle.cos(), angle.sin()) * radius
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(count: usize, edges: &[(u32, u32)]) -> WeightedGraph {
        WeightedGraph::new(vec![1.0; count], edges)
    }

    /// Every level keeps the total mass and the links between groups, and no level is empty.
    fn assert_consistent(graph: &WeightedGraph, levels: &[CoarseLevel]) {
        let mut finer = graph;
        for level in levels {
            assert_eq!(level.parent.len(), finer.node_count());
            assert!(level.parent.iter().all(|&p| (p as usize) < level.graph.node_count()));
            let total = |g: &WeightedGraph| g.masses.iter().sum::<f32>();
            assert!((total(finer) - total(&level.graph)).abs() < 1e-3);
            let crossing: f32 = finer
                .edges
                .iter()
                .zip(&finer.weights)
                .filter(|((a, b), _)| level.parent[*a as usize] != level.parent[*b as usize])
                .map(|(_, w)| w)
                .sum();
            assert!((crossing - level.graph.weights.iter().sum::<f32>()).abs() < 1e-3);
            finer = &level.graph;
        }
    }

    #[test]
    fn a_path_halves_at_each_level_down_to_a_few_nodes() {
        let edges: Vec<(u32, u32)> = (0..999).map(|i| (i, i + 1)).collect();
        let graph = unit(1000, &edges);
        let levels = coarsen(&graph);
        assert_consistent(&graph, &levels);
        let sizes: Vec<usize> = levels.iter().map(|l| l.graph.node_count()).collect();
        assert!(sizes.len() >= 4, "{sizes:?}");
        for pair in sizes.windows(2) {
            assert!(pair[1] as f32 <= pair[0] as f32 * 0.6, "{sizes:?}");
        }
        assert!(*sizes.last().unwrap_or(&0) <= SMALL_ENOUGH, "{sizes:?}");
        // A path stays a path: each group links to at most two others.
        for level in &levels {
            let mut degree = vec![0; level.graph.node_count()];
            for &(a, b) in &level.graph.edges {
                degree[a as usize] += 1;
                degree[b as usize] += 1;
            }
            assert!(degree.iter().all(|&d| d <= 2), "{degree:?}");
        }
    }

    #[test]
    fn a_star_collapses_into_its_hub_in_one_level() {
        let edges: Vec<(u32, u32)> = (1..500).map(|leaf| (0, leaf)).collect();
        let graph = unit(500, &edges);
        let levels = coarsen(&graph);
        assert_consistent(&graph, &levels);
        assert_eq!(levels.len(), 1);
        assert_eq!(levels[0].graph.node_count(), 1);
        assert_eq!(levels[0].graph.masses, vec![500.0]);
    }

    #[test]
    fn disconnected_parts_are_never_merged_and_unlinked_nodes_pair_up() {
        // Two paths of 100 and 100 nodes with no link at all.
        let mut edges: Vec<(u32, u32)> = (0..99).map(|i| (i, i + 1)).collect();
        edges.extend((100..199).map(|i| (i, i + 1)));
        let graph = unit(300, &edges);
        let levels = coarsen(&graph);
        assert_consistent(&graph, &levels);
        let group_of = |node: usize| levels.iter().fold(node, |n, level| level.parent[n] as usize);
        for a in 0..100 {
            assert_ne!(group_of(a), group_of(150), "the two paths stay apart");
            assert!((200..300).all(|lone| group_of(lone) != group_of(a)));
        }
        let first = &levels[0];
        let lone_groups: std::collections::BTreeSet<u32> = (200..300).map(|n| first.parent[n]).collect();
        assert_eq!(lone_groups.len(), 50, "unlinked nodes are merged two by two");
    }

    #[test]
    fn parallel_links_become_one_link_that_weighs_as_much_as_they_do() {
        let graph = unit(3, &[(0, 1), (1, 0), (0, 1), (1, 2), (2, 2)]);
        assert_eq!(graph.edges, vec![(0, 1), (1, 2)]);
        assert_eq!(graph.weights, vec![3.0, 1.0]);
        // 0 (one neighbour) is matched with 1 first; 2, whose only neighbour is taken, joins them.
        let level = coarsen_once(&graph);
        assert_eq!(level.graph.node_count(), 1);
        assert!(level.graph.edges.is_empty());
    }

    #[test]
    fn the_same_graph_coarsens_the_same_way_whatever_order_its_links_come_in() {
        let edges: Vec<(u32, u32)> = (0..3000u32).map(|i| (i % 997, (i * 31 + 7) % 997)).collect();
        let graph = unit(997, &edges);
        let levels = coarsen(&graph);
        assert!(levels.len() >= 2);
        // The same links listed backwards and each the other way round.
        let reordered: Vec<(u32, u32)> = edges.iter().rev().map(|&(a, b)| (b, a)).collect();
        let again = coarsen(&unit(997, &reordered));
        let parents = |levels: &[CoarseLevel]| levels.iter().map(|l| l.parent.clone()).collect::<Vec<_>>();
        assert_eq!(parents(&levels), parents(&again));
    }

    #[test]
    fn prolonged_members_of_a_group_start_apart_around_it() {
        let positions = prolong(&[0, 0, 0, 1], &[Vec2::new(0.0, 0.0), Vec2::new(1000.0, 0.0)], 90.0);
        for i in 0..3 {
            assert!(positions[i].length() < 90.0);
            for j in i + 1..3 {
                assert!((positions[i] - positions[j]).length() > 5.0);
            }
        }
        assert!((positions[3] - Vec2::new(1000.0, 0.0)).length() < 90.0);
    }
}
