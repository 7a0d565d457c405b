//! Blocs: groups of actors more tied to each other than to the rest (Louvain communities,
//! graphrs' implementation), read on the undirected graph as Gephi's modularity does.

use graphrs::algorithms::community::louvain::louvain_communities;
use graphrs::{Edge, Graph, GraphSpecs, Node};

/// The same graph gives the same blocs every time.
const SEED: u64 = 7;

/// The actors of each bloc, largest bloc first; every actor is in exactly one (an actor with
/// no counted relation is a bloc of its own). And the partition's modularity.
pub struct Blocs {
    pub members: Vec<Vec<usize>>,
    pub modularity: f64,
}

/// `edges` as unordered pairs of distinct actors, each once.
pub fn blocs(n: usize, edges: &[(u32, u32)]) -> Blocs {
    let alone = || Blocs {
        members: (0..n).map(|a| vec![a]).collect(),
        modularity: 0.0,
    };
    if edges.is_empty() {
        return alone();
    }
    let mut graph: Graph<usize, ()> = Graph::new(GraphSpecs::undirected_create_missing());
    graph.add_nodes((0..n).map(Node::from_name).collect());
    let pairs = edges.iter().map(|&(a, b)| Edge::new(a as usize, b as usize)).collect();
    if graph.add_edges(pairs).is_err() {
        return alone();
    }
    let Ok(communities) = louvain_communities(&graph, false, None, None, Some(SEED)) else {
        return alone();
    };
    let mut members: Vec<Vec<usize>> = communities
        .into_iter()
        .map(|set| {
            let mut actors: Vec<usize> = set.into_iter().collect();
            actors.sort_unstable();
            actors
        })
        .collect();
    members.sort_by(|a, b| b.len().cmp(&a.len()).then(a.first().cmp(&b.first())));
    let modularity = modularity(n, edges, &members);
    Blocs { members, modularity }
}

/// Newman's modularity of a partition of an undirected graph: the share of edges inside the
/// blocs less what chance would put there. (graphrs' `compute_modularity` gives -0.5 for two
/// triangles joined by one edge, where networkx and the formula give 0.357.)
fn modularity(n: usize, edges: &[(u32, u32)], members: &[Vec<usize>]) -> f64 {
    let mut bloc_of = vec![0; n];
    for (bloc, actors) in members.iter().enumerate() {
        for &a in actors {
            bloc_of[a] = bloc;
        }
    }
    let m = edges.len() as f64;
    let mut inside = vec![0.0; members.len()];
    let mut degree = vec![0.0; members.len()];
    for &(a, b) in edges {
        let (x, y) = (bloc_of[a as usize], bloc_of[b as usize]);
        if x == y {
            inside[x] += 1.0;
        }
        degree[x] += 1.0;
        degree[y] += 1.0;
    }
    inside
        .iter()
        .zip(&degree)
        .map(|(l, d)| l / m - (d / (2.0 * m)).powi(2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_one_relation_are_two_blocs() {
        let edges = [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5), (2, 3)];
        let found = blocs(7, &edges);
        assert_eq!(found.members, vec![vec![0, 1, 2], vec![3, 4, 5], vec![6]]);
        assert!((found.modularity - 0.357_142_857).abs() < 1e-6, "{}", found.modularity);
    }
}
