//! Where labels go so that none covers another: candidates come in order of importance, and
//! each takes the first of a few places beside its node that is free and on screen, or is
//! left out. As the user zooms in, nodes move apart and more labels find room.

use super::Vec2;

/// A box on screen, `min` top-left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub min: Vec2,
    pub max: Vec2,
}

impl Rect {
    pub fn from_min_size(min: Vec2, size: Vec2) -> Self {
        Self { min, max: min + size }
    }

    /// True when the two boxes share more than an edge.
    pub fn overlaps(&self, other: &Self) -> bool {
        self.min.x < other.max.x && other.min.x < self.max.x && self.min.y < other.max.y && other.min.y < self.max.y
    }

    pub fn contains(&self, other: &Self) -> bool {
        self.min.x <= other.min.x && self.min.y <= other.min.y && other.max.x <= self.max.x && other.max.y <= self.max.y
    }
}

/// A label to place: its node's centre and radius on screen, and the size of its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelCandidate {
    pub centre: Vec2,
    pub radius: f32,
    pub size: Vec2,
}

/// Room between a node and its label, and around each label.
const GAP: f32 = 2.0;

/// The places a label may take, in order of preference: under its node (where readers look
/// first, as Gephi and Sigma.js put them), to the right, above, to the left, then the four
/// corners.
fn places(candidate: &LabelCandidate) -> [Rect; 8] {
    let LabelCandidate { centre, radius, size } = *candidate;
    let (under, over) = (centre.y + radius + GAP, centre.y - radius - GAP - size.y);
    let (right, left) = (centre.x + radius + GAP + 2.0, centre.x - radius - GAP - 2.0 - size.x);
    // The corners sit diagonally off the node, just clear of it.
    let diagonal = radius * std::f32::consts::FRAC_1_SQRT_2 + GAP;
    let middle_x = centre.x - size.x / 2.0;
    let middle_y = centre.y - size.y / 2.0;
    [
        Vec2::new(middle_x, under),
        Vec2::new(right, middle_y),
        Vec2::new(middle_x, over),
        Vec2::new(left, middle_y),
        Vec2::new(centre.x + diagonal, centre.y + diagonal),
        Vec2::new(centre.x + diagonal, centre.y - diagonal - size.y),
        Vec2::new(centre.x - diagonal - size.x, centre.y + diagonal),
        Vec2::new(centre.x - diagonal - size.x, centre.y - diagonal - size.y),
    ]
    .map(|min| Rect::from_min_size(min, size))
}

/// A grid of the boxes placed so far, so that each new one is tested against its neighbours
/// only: placing labels stays linear in their number.
struct Grid {
    cell: f32,
    origin: Vec2,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
}

impl Grid {
    fn new(bounds: Rect, cell: f32) -> Self {
        let cell = cell.max(4.0);
        let size = bounds.max - bounds.min;
        let columns = ((size.x / cell).ceil() as usize).clamp(1, 4096);
        let rows = ((size.y / cell).ceil() as usize).clamp(1, 4096);
        Self {
            cell,
            origin: bounds.min,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        }
    }

    fn span(&self, rect: &Rect) -> (usize, usize, usize, usize) {
        let index = |v: f32, count: usize| ((v / self.cell).floor().max(0.0) as usize).min(count - 1);
        let min = rect.min - self.origin;
        let max = rect.max - self.origin;
        (
            index(min.x, self.columns),
            index(max.x, self.columns),
            index(min.y, self.rows),
            index(max.y, self.rows),
        )
    }

    fn cells_of(&self, rect: &Rect) -> impl Iterator<Item = usize> + '_ {
        let (x0, x1, y0, y1) = self.span(rect);
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| y * self.columns + x))
    }

    /// True when `rect` overlaps no label and no obstacle that `blocks`.
    fn is_free(&self, rect: &Rect, placed: &[Placed], blocks: impl Fn(&Placed) -> bool) -> bool {
        let padded = Rect {
            min: rect.min - Vec2::new(GAP, GAP) * 0.5,
            max: rect.max + Vec2::new(GAP, GAP) * 0.5,
        };
        self.cells_of(rect).all(|cell| {
            self.cells.get(cell).is_none_or(|members| {
                members.iter().all(|&m| {
                    placed
                        .get(m as usize)
                        .is_none_or(|other| !blocks(other) || !padded.overlaps(&other.rect))
                })
            })
        })
    }

    fn insert(&mut self, rect: &Rect, id: u32) {
        let cells: Vec<usize> = self.cells_of(rect).collect();
        for cell in cells {
            if let Some(members) = self.cells.get_mut(cell) {
                members.push(id);
            }
        }
    }
}

/// A box already claimed: a label, or a node that labels keep off.
struct Placed {
    rect: Rect,
    /// For a node: its rank among the candidates (0 the most important); labels have none.
    node_rank: Option<usize>,
}

/// A node that labels keep off: its box, and its rank among the candidates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Obstacle {
    pub rect: Rect,
    pub rank: usize,
}

/// Places labels for `candidates`, taken in order, inside `bounds`, stopping after `most`
/// are placed. No two labels overlap, and no label covers an `obstacle` (a node big enough to
/// be hidden by it) that ranks above its own node: an important actor's name may cover a lesser
/// actor, never the reverse. Returns, for each candidate, where its label goes.
pub fn place_labels(
    candidates: &[LabelCandidate],
    obstacles: &[Obstacle],
    bounds: Rect,
    most: usize,
) -> Vec<Option<Rect>> {
    let typical = candidates.first().map_or(16.0, |c| c.size.y * 3.0);
    let mut grid = Grid::new(bounds, typical);
    let mut placed: Vec<Placed> = Vec::with_capacity(obstacles.len() + candidates.len().min(most));
    for obstacle in obstacles {
        grid.insert(&obstacle.rect, placed.len() as u32);
        placed.push(Placed {
            rect: obstacle.rect,
            node_rank: Some(obstacle.rank),
        });
    }
    let mut labels = 0;
    candidates
        .iter()
        .enumerate()
        .map(|(rank, candidate)| {
            if labels >= most {
                return None;
            }
            let blocks = |other: &Placed| other.node_rank.is_none_or(|r| r < rank);
            let spot = places(candidate)
                .into_iter()
                .find(|rect| bounds.contains(rect) && grid.is_free(rect, &placed, blocks))?;
            grid.insert(&spot, placed.len() as u32);
            placed.push(Placed {
                rect: spot,
                node_rank: None,
            });
            labels += 1;
            Some(spot)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mix::mix;

    fn screen() -> Rect {
        Rect {
            min: Vec2::ZERO,
            max: Vec2::new(800.0, 600.0),
        }
    }

    fn no_two_overlap(rects: &[Rect]) {
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn a_pile_of_labels_on_one_spot_keeps_the_most_important_and_drops_what_would_cover_it() {
        let candidates: Vec<LabelCandidate> = (0..50)
            .map(|i| LabelCandidate {
                centre: Vec2::new(400.0 + (i % 3) as f32, 300.0),
                radius: 6.0,
                size: Vec2::new(80.0, 14.0),
            })
            .collect();
        let placed = place_labels(&candidates, &[], screen(), usize::MAX);
        assert!(placed[0].is_some(), "the first (most important) is always placed");
        let shown: Vec<Rect> = placed.iter().flatten().copied().collect();
        assert!(
            shown.len() <= 8,
            "one place each side and corner at most: {}",
            shown.len()
        );
        no_two_overlap(&shown);
    }

    #[test]
    fn scattered_labels_never_overlap_and_stay_on_screen() {
        let candidates: Vec<LabelCandidate> = (0..2_000u64)
            .map(|i| LabelCandidate {
                centre: Vec2::new((mix(1, i) % 820) as f32 - 10.0, (mix(2, i) % 620) as f32 - 10.0),
                radius: (mix(3, i) % 12) as f32 + 2.0,
                size: Vec2::new((mix(4, i) % 120) as f32 + 20.0, 15.0),
            })
            .collect();
        let placed = place_labels(&candidates, &[], screen(), usize::MAX);
        let shown: Vec<Rect> = placed.iter().flatten().copied().collect();
        assert!(shown.len() > 100, "plenty find room: {}", shown.len());
        no_two_overlap(&shown);
        assert!(shown.iter().all(|r| screen().contains(r)));
    }

    #[test]
    fn spread_out_labels_all_show_under_their_nodes_and_a_cap_is_kept() {
        let candidates: Vec<LabelCandidate> = (0..20)
            .map(|i| LabelCandidate {
                centre: Vec2::new(40.0 + (i % 5) as f32 * 150.0, 40.0 + (i / 5) as f32 * 120.0),
                radius: 8.0,
                size: Vec2::new(60.0, 14.0),
            })
            .collect();
        let placed = place_labels(&candidates, &[], screen(), usize::MAX);
        for (candidate, spot) in candidates.iter().zip(&placed) {
            let spot = spot.unwrap_or_else(|| panic!("{candidate:?} has room"));
            assert!(spot.min.y > candidate.centre.y, "under its node");
        }
        let capped = place_labels(&candidates, &[], screen(), 7);
        assert_eq!(capped.iter().flatten().count(), 7);
    }

    #[test]
    fn a_label_goes_round_a_node_it_would_cover() {
        let candidate = LabelCandidate {
            centre: Vec2::new(400.0, 300.0),
            radius: 6.0,
            size: Vec2::new(80.0, 14.0),
        };
        // A more important node sits just under this one, where the label would go first.
        let node_below = Rect {
            min: Vec2::new(390.0, 310.0),
            max: Vec2::new(410.0, 330.0),
        };
        let second = LabelCandidate {
            centre: Vec2::new(400.0, 320.0),
            radius: 10.0,
            size: Vec2::new(60.0, 14.0),
        };
        let obstacles = [Obstacle {
            rect: node_below,
            rank: 0,
        }];
        let placed = place_labels(&[second, candidate], &obstacles, screen(), usize::MAX);
        let spot = placed[1].unwrap_or_else(|| panic!("there is room elsewhere"));
        assert!(!spot.overlaps(&node_below), "a lesser actor's name keeps off it");
        // The other way round, the important actor's name may cover the lesser node.
        let lesser = [Obstacle {
            rect: node_below,
            rank: 1,
        }];
        let placed = place_labels(&[candidate], &lesser, screen(), usize::MAX);
        assert!(
            placed[0].is_some_and(|spot| spot.overlaps(&node_below)),
            "its first choice, under it"
        );
    }
}
