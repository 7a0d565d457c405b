//! What an actor's size on the canvas stands for, and its value for each actor.

use serde::{Deserialize, Serialize};

use super::{Centrality, Dataset, DatasetIndex};

/// What the user chose to size actors by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SizeBy {
    /// How many relations an actor takes part in.
    #[default]
    Degree,
    /// How many evidence items back its relations.
    Evidence,
    /// A number the file gives every actor, by attribute name.
    Attribute(String),
    /// How central it is, once the metrics are worked out.
    Centrality(Centrality),
    /// All the same size.
    Nothing,
}

impl SizeBy {
    pub fn label(&self) -> String {
        match self {
            Self::Degree => "Relations".to_owned(),
            Self::Evidence => "Evidence".to_owned(),
            Self::Attribute(name) => format!("“{name}”"),
            Self::Centrality(c) => c.label().to_owned(),
            Self::Nothing => "Nothing (all the same)".to_owned(),
        }
    }
}

/// Each actor's value for `size_by` (0 where it has none), or `None` when everyone is the
/// same size. A centrality's values are the metrics' (`None` until they are worked out).
pub fn size_values(
    dataset: &Dataset,
    index: &DatasetIndex,
    size_by: &SizeBy,
    centrality: Option<&[f32]>,
) -> Option<Vec<f32>> {
    let values = match size_by {
        SizeBy::Nothing => return None,
        SizeBy::Centrality(_) => return centrality.map(<[f32]>::to_vec),
        SizeBy::Degree => (0..dataset.actors.len())
            .map(|a| index.relations_of(a).len() as f32)
            .collect(),
        SizeBy::Evidence => (0..dataset.actors.len())
            .map(|a| {
                index
                    .relations_of(a)
                    .iter()
                    .filter_map(|&r| dataset.relations.get(r))
                    .map(|r| r.evidence.len() as f32)
                    .sum()
            })
            .collect(),
        SizeBy::Attribute(name) => dataset
            .actors
            .iter()
            .map(|a| numeric_attribute(a, name).unwrap_or(0.0).max(0.0))
            .collect(),
    };
    Some(values)
}

/// The attributes a file gave most actors as numbers, which the user may size actors by.
pub fn numeric_attributes(dataset: &Dataset) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for actor in dataset.actors.iter().take(10_000) {
        let Some(serde_json::Value::Object(attributes)) = actor.extra.get("attributes") else {
            continue;
        };
        for (name, value) in attributes {
            let numeric = value.as_str().is_some_and(|v| v.trim().parse::<f64>().is_ok()) || value.is_number();
            if !numeric {
                continue;
            }
            match counts.iter_mut().find(|(n, _)| n == name) {
                Some((_, count)) => *count += 1,
                None => counts.push((name.clone(), 1)),
            }
        }
    }
    let sampled = dataset.actors.len().min(10_000);
    counts
        .into_iter()
        .filter(|(_, count)| count * 2 >= sampled)
        .map(|(name, _)| name)
        .collect()
}

fn numeric_attribute(actor: &super::Actor, name: &str) -> Option<f32> {
    let value = actor.extra.get("attributes")?.get(name)?;
    match value {
        serde_json::Value::String(text) => text.trim().parse::<f32>().ok(),
        other => other.as_f64().map(|v| v as f32),
    }
    .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;

    #[test]
    fn actors_are_sized_by_their_relations_or_evidence_or_not_at_all() {
        let dataset = built_in_dataset();
        let index = DatasetIndex::new(&dataset);
        let north_korea = index.actor("north_korea").unwrap_or(usize::MAX);
        let degree = size_values(&dataset, &index, &SizeBy::Degree, None).unwrap_or_default();
        let most = degree.iter().copied().fold(0.0, f32::max);
        assert_eq!(degree.get(north_korea), Some(&most), "North Korea is the hub");
        let evidence = size_values(&dataset, &index, &SizeBy::Evidence, None).unwrap_or_default();
        assert!(evidence.get(north_korea).is_some_and(|e| *e >= most));
        assert_eq!(size_values(&dataset, &index, &SizeBy::Nothing, None), None);
    }
}
