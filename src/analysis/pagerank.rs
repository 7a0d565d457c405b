//! PageRank as networkx computes it (`nx.pagerank`: damping 0.85, the rank of actors with no
//! way out spread evenly over all, power iteration to a tolerance of 1e-6 per actor).
//!
//! Written here because neither graph crate fits: petgraph's `page_rank` is quadratic in the
//! number of actors per iteration, and graphrs' `pagerank` reads no rank across an undirected
//! graph's edges (every actor ends on the teleport share alone).

/// Each actor's PageRank over `out`, the actors each one links to (both ways for an
/// undirected graph). The ranks sum to 1.
pub fn pagerank(out: &[Vec<u32>], damping: f64) -> Vec<f64> {
    const MAX_ITERATIONS: usize = 1000;
    const TOLERANCE: f64 = 1e-10;
    let n = out.len();
    if n == 0 {
        return Vec::new();
    }
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = out
            .iter()
            .zip(&rank)
            .filter(|(targets, _)| targets.is_empty())
            .map(|(_, r)| r)
            .sum();
        let base = (1.0 - damping) * uniform + damping * dangling * uniform;
        next.iter_mut().for_each(|x| *x = base);
        for (a, targets) in out.iter().enumerate() {
            if targets.is_empty() {
                continue;
            }
            let share = damping * rank[a] / targets.len() as f64;
            for &b in targets {
                next[b as usize] += share;
            }
        }
        let change: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < n as f64 * TOLERANCE {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_ranks_every_actor_alike_and_a_sink_collects_rank() {
        let cycle = pagerank(&[vec![1], vec![2], vec![0]], 0.85);
        for r in &cycle {
            assert!((r - 1.0 / 3.0).abs() < 1e-9);
        }
        // 0 → 1 ← 2: the sink's rank is spread evenly, so it still ranks above the others.
        let sink = pagerank(&[vec![1], vec![], vec![1]], 0.85);
        assert!(sink[1] > sink[0] && (sink[0] - sink[2]).abs() < 1e-12);
        assert!((sink.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}
