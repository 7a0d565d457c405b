//! What stays in full while the rest is dimmed (Focus without "Hide the rest", a time window),
//! when it is few enough to draw over the picture of a crowded view. In the picture it is a
//! few lines among half a million: dimmed or not, the haze of the rest hid it, and Focus at
//! 100,000 actors showed labels floating over a fog. Drawn over the faded picture as lines and
//! nodes of their own, it stands out as it does in a view of lines.

use super::GraphScene;
use crate::model::{Emphasis, Visibility};

/// At most this many relations, and as many actors, in full are drawn one by one over the
/// picture: a frame draws that many lines in a few milliseconds. Past it, the emphasis is in
/// the picture alone, as it was.
const DRAWN_OVER_PICTURE_UP_TO: usize = 5_000;

impl GraphScene {
    /// The relations (dataset indices, in order) in full while others are dimmed, when there
    /// are few enough of them, and of actors in full, to draw over a picture.
    pub fn in_full(&self) -> Option<&[u32]> {
        self.in_full.as_deref()
    }
}

/// The relations in full when some are dimmed and few are not (actors too); None otherwise.
pub(super) fn few_in_full(visibility: &Visibility, relation_count: usize) -> Option<Vec<u32>> {
    let actors_in_full = visibility
        .actors
        .iter()
        .filter(|a| **a == Some(Emphasis::Normal))
        .take(DRAWN_OVER_PICTURE_UP_TO + 1)
        .count();
    if actors_in_full > DRAWN_OVER_PICTURE_UP_TO {
        return None;
    }
    let mut any_dimmed = visibility.actors.contains(&Some(Emphasis::Dimmed));
    let mut in_full = Vec::new();
    for relation in 0..relation_count {
        match visibility.relation(relation) {
            Some(Emphasis::Dimmed) => any_dimmed = true,
            Some(Emphasis::Normal) if in_full.len() < DRAWN_OVER_PICTURE_UP_TO => in_full.push(relation as u32),
            Some(Emphasis::Normal) => return None,
            None => {}
        }
    }
    any_dimmed.then_some(in_full)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visibility(actors: Vec<Option<Emphasis>>, relations: Vec<Option<Emphasis>>) -> Visibility {
        Visibility {
            actors,
            relations,
            ..Visibility::default()
        }
    }

    #[test]
    fn a_few_in_full_among_dimmed_ones_are_listed_and_nothing_when_none_is_dimmed() {
        use Emphasis::{Dimmed, Normal};
        let focused = visibility(
            vec![Some(Normal), Some(Normal), Some(Dimmed), None],
            vec![Some(Dimmed), Some(Normal), None, Some(Dimmed), Some(Normal)],
        );
        assert_eq!(few_in_full(&focused, 5), Some(vec![1, 4]));
        let all_normal = visibility(vec![Some(Normal); 3], vec![Some(Normal), None, Some(Normal)]);
        assert_eq!(
            few_in_full(&all_normal, 3),
            None,
            "nothing is dimmed: nothing to stand out from"
        );
        let many = visibility(
            vec![Some(Normal), Some(Dimmed)],
            (0..=DRAWN_OVER_PICTURE_UP_TO).map(|_| Some(Normal)).collect(),
        );
        assert_eq!(
            few_in_full(&many, DRAWN_OVER_PICTURE_UP_TO + 1),
            None,
            "too many to draw one by one"
        );
    }
}
