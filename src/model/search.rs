//! Type-ahead search over actor names and aliases.

use super::Dataset;

/// One search hit: the actor and, when it matched through an alias, which one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMatch {
    pub actor: usize,
    pub via_alias: Option<String>,
}

/// Actors whose name or alias contains `query` (any case), best first: whole-name matches,
/// then names that start with it, then names with a word that starts with it, then the rest.
pub fn search_actors(dataset: &Dataset, query: &str, limit: usize) -> Vec<ActorMatch> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, usize, ActorMatch)> = Vec::new();
    for (actor_index, actor) in dataset.actors.iter().enumerate() {
        let name_rank = rank(&actor.name, &query);
        let alias_rank = actor
            .aliases
            .iter()
            .filter_map(|alias| rank(alias, &query).map(|r| (r, alias)))
            .min_by_key(|(r, _)| *r);
        let best = match (name_rank, alias_rank) {
            (Some(n), Some((a, _))) if n <= a => Some((n, None)),
            (Some(n), None) => Some((n, None)),
            (_, Some((a, alias))) => Some((a + 1, Some(alias.clone()))),
            (None, None) => None,
        };
        if let Some((rank, via_alias)) = best {
            hits.push((
                rank,
                actor.name.len(),
                ActorMatch {
                    actor: actor_index,
                    via_alias,
                },
            ));
        }
    }
    hits.sort_by(|a, b| {
        (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
            let name = |m: &ActorMatch| dataset.actors.get(m.actor).map(|x| x.name.to_lowercase());
            name(&a.2).cmp(&name(&b.2))
        })
    });
    hits.into_iter().take(limit).map(|(_, _, m)| m).collect()
}

/// 0 whole text, 2 prefix, 4 word prefix, 6 anywhere; None for no match.
fn rank(text: &str, query: &str) -> Option<u8> {
    let text = text.to_lowercase();
    if text == query {
        Some(0)
    } else if text.starts_with(query) {
        Some(2)
    } else if text
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.starts_with(query))
    {
        Some(4)
    } else if text.contains(query) {
        Some(6)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;

    fn names(dataset: &Dataset, query: &str) -> Vec<String> {
        search_actors(dataset, query, 10)
            .into_iter()
            .filter_map(|m| dataset.actors.get(m.actor).map(|a| a.name.clone()))
            .collect()
    }

    #[test]
    fn finds_by_name_prefix_word_and_alias() {
        let d = built_in_dataset();
        assert_eq!(names(&d, "iran"), ["Iran"]);
        assert_eq!(
            names(&d, "KOREA"),
            [
                "North Korea",
                "South Korea",
                "U.S.-led international coalition (Korean War)"
            ]
        );
        assert_eq!(names(&d, "dprk"), ["North Korea"]);
        let hit = search_actors(&d, "pyong", 5);
        assert_eq!(hit.first().and_then(|m| m.via_alias.as_deref()), Some("Pyongyang"));
        assert!(names(&d, "  ").is_empty());
        assert!(names(&d, "atlantis").is_empty());
    }

    #[test]
    fn a_name_match_ranks_above_an_alias_match() {
        let d = built_in_dataset();
        // "Moscow" is an alias of both Russia and the Soviet Union; "Russia" is a name.
        assert_eq!(names(&d, "russia").first().map(String::as_str), Some("Russia"));
    }
}
