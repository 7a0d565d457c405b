//! How big each actor is drawn: a value per actor (its relations, its evidence, a number the
//! file gives, or the file's own size) mapped to a radius that grows with the square root of
//! the value, so area follows the value, between a floor and a cap.

use crate::model::{Dataset, DatasetIndex, SizeBy, size_values};

/// The smallest and largest radius, in layout units (a link is about 90 long).
pub const MIN_RADIUS: f32 = 7.0;
pub const MAX_RADIUS: f32 = 24.0;
/// Everyone's radius when size stands for nothing.
const UNIFORM_RADIUS: f32 = 10.0;

/// Each actor's radius. With `file_sizes` the file's own sizes (Gephi's `viz:size`) are used
/// when every actor has one, keeping their proportions. `centrality` holds each actor's value
/// of the centrality sized by, once worked out.
pub fn actor_radii(
    dataset: &Dataset,
    index: &DatasetIndex,
    size_by: &SizeBy,
    file_sizes: bool,
    centrality: Option<&[f32]>,
) -> Vec<f32> {
    // Sizes from the file when it gives any: an actor added since, with none, is drawn as
    // small as the smallest.
    let given = || dataset.actors.iter().filter_map(|a| a.appearance.size);
    let smallest = given().fold(f32::INFINITY, f32::min);
    let from_file: Option<Vec<f32>> = (file_sizes && smallest.is_finite()).then(|| {
        dataset
            .actors
            .iter()
            .map(|a| a.appearance.size.unwrap_or(smallest))
            .collect()
    });
    if let Some(sizes) = from_file {
        let (low, high) = sizes
            .iter()
            .fold((f32::INFINITY, 0.0f32), |(lo, hi), s| (lo.min(*s), hi.max(*s)));
        let span = (high - low).max(f32::EPSILON);
        return sizes
            .iter()
            .map(|s| MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * ((s - low) / span).clamp(0.0, 1.0))
            .collect();
    }
    match size_values(dataset, index, size_by, centrality) {
        None => vec![UNIFORM_RADIUS; dataset.actors.len()],
        Some(values) => {
            let most = values.iter().copied().fold(0.0f32, f32::max);
            values
                .iter()
                .map(|v| {
                    let share = if most > 0.0 { (v / most).clamp(0.0, 1.0) } else { 0.0 };
                    MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share.sqrt()
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;

    #[test]
    fn sizes_grow_slower_than_degree_and_stop_at_the_cap() {
        let dataset = built_in_dataset();
        let index = DatasetIndex::new(&dataset);
        let radii = actor_radii(&dataset, &index, &SizeBy::Degree, true, None);
        assert!(radii.iter().all(|r| (MIN_RADIUS..=MAX_RADIUS).contains(r)));
        let degree = |a: usize| index.relations_of(a).len() as f32;
        let hub = (0..radii.len())
            .max_by(|&a, &b| degree(a).total_cmp(&degree(b)))
            .unwrap_or(0);
        let leaf = (0..radii.len()).find(|&a| degree(a) == 1.0).unwrap_or(0);
        assert_eq!(radii[hub], MAX_RADIUS);
        assert!(
            radii[hub] / radii[leaf] < degree(hub) / degree(leaf),
            "sub-linear: {} against {} relations",
            radii[hub] / radii[leaf],
            degree(hub) / degree(leaf)
        );
        let uniform = actor_radii(&dataset, &index, &SizeBy::Nothing, true, None);
        assert!(uniform.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn an_actor_added_to_a_file_with_sizes_keeps_the_others_as_the_file_sized_them() {
        let mut dataset = built_in_dataset();
        for (i, actor) in dataset.actors.iter_mut().enumerate() {
            actor.appearance.size = Some(10.0 + i as f32);
        }
        let index = DatasetIndex::new(&dataset);
        let before = actor_radii(&dataset, &index, &SizeBy::Degree, true, None);
        dataset.actors.push(crate::model::Actor::new("new", "New", "state"));
        let index = DatasetIndex::new(&dataset);
        let after = actor_radii(&dataset, &index, &SizeBy::Degree, true, None);
        assert_eq!(after[..before.len()], before[..], "the file's sizes stay");
        assert_eq!(
            after[before.len()],
            MIN_RADIUS,
            "the new actor is drawn as small as the smallest"
        );
    }
}
