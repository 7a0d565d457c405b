//! Paths, centrality and blocs, as an analyst relies on them: the numbers agree with networkx
//! on files other tools wrote, and the paths through the built-in dataset carry their evidence.

use std::collections::BTreeSet;
use std::path::Path;

use entente::analysis::{CountedGraph, Hostile, PathQuery, Trust, compute_metrics, find_paths};
use entente::built_in_dataset;
use entente::io::load_path;
use entente::model::{
    Dataset, DatasetIndex, EvidenceFilter, KindFilter, QuoteChecks, Reliability, Ungraded, ViewQuery,
};

fn metrics_fixture() -> serde_json::Value {
    let path = "tests/data/metrics/expected.json";
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn close(what: &str, ours: f64, theirs: f64) {
    assert!(
        (ours - theirs).abs() < 5e-5,
        "{what}: Entente says {ours:.6}, networkx says {theirs:.6}"
    );
}

#[test]
fn every_metric_agrees_with_networkx_to_four_decimal_places_on_files_networkx_wrote() {
    let fixture = metrics_fixture();
    let files = fixture["files"].as_object().expect("files");
    assert_eq!(files.len(), 2);
    for (file, expected) in files {
        let report = load_path(&Path::new("tests/data/metrics").join(file));
        let dataset = report
            .dataset
            .unwrap_or_else(|| panic!("{file} opens: {:?}", report.diagnostics));
        let index = DatasetIndex::new(&dataset);
        let metrics = compute_metrics(&CountedGraph::of_all(&dataset, &index));
        assert_eq!(
            metrics.directed,
            file.ends_with("directed.gexf") && !file.contains("undirected")
        );
        assert_eq!(metrics.betweenness_sampled_from, None);
        let expected = expected.as_object().expect("actors");
        assert_eq!(expected.len(), dataset.actors.len(), "{file}: every node is an actor");
        for (id, theirs) in expected {
            let at = index.actor(id).unwrap_or_else(|| panic!("{file}: actor {id}"));
            let ours = &metrics.actors[at];
            let what = |m: &str| format!("{file}, actor {id}, {m}");
            assert_eq!(
                u64::from(ours.degree),
                theirs["degree"].as_u64().unwrap_or(u64::MAX),
                "{}",
                what("degree")
            );
            if let Some(in_degree) = theirs.get("in_degree") {
                assert_eq!(
                    Some(u64::from(ours.degree_in)),
                    in_degree.as_u64(),
                    "{}",
                    what("in-degree")
                );
                assert_eq!(
                    Some(u64::from(ours.degree_out)),
                    theirs["out_degree"].as_u64(),
                    "{}",
                    what("out-degree")
                );
            }
            close(
                &what("betweenness"),
                ours.betweenness,
                theirs["betweenness"].as_f64().unwrap_or(f64::NAN),
            );
            close(
                &what("PageRank"),
                ours.pagerank,
                theirs["pagerank"].as_f64().unwrap_or(f64::NAN),
            );
            let eigen = ours
                .eigenvector
                .unwrap_or_else(|| panic!("{}: converged", what("eigenvector")));
            close(
                &what("eigenvector"),
                eigen,
                theirs["eigenvector"].as_f64().unwrap_or(f64::NAN),
            );
        }
    }
}

#[test]
fn the_karate_club_splits_into_blocs_that_keep_its_two_leaders_apart() {
    let report = load_path(Path::new("tests/data/metrics/karate-undirected.graphml"));
    let dataset = report.dataset.expect("opens");
    let index = DatasetIndex::new(&dataset);
    let metrics = compute_metrics(&CountedGraph::of_all(&dataset, &index));
    let bloc = |id: &str| index.actor(id).map(|a| metrics.actors[a].bloc);
    // Mr. Hi (0) and the officer (33) lead the two factions the club split into.
    assert_ne!(bloc("0"), bloc("33"));
    assert!(
        metrics.blocs.len() >= 2 && metrics.blocs.len() <= 6,
        "{:?}",
        metrics.blocs
    );
    // networkx's louvain_communities finds partitions of modularity 0.41 to 0.44 here.
    assert!(metrics.modularity > 0.40, "modularity {}", metrics.modularity);
    let members: BTreeSet<usize> = metrics.blocs.iter().flatten().copied().collect();
    assert_eq!(members.len(), dataset.actors.len(), "every actor is in one bloc");
}

fn built_in() -> (Dataset, DatasetIndex) {
    let dataset = built_in_dataset();
    let index = DatasetIndex::new(&dataset);
    (dataset, index)
}

#[test]
fn north_korea_is_the_most_between_actor_of_the_built_in_dataset_with_or_without_its_wars() {
    let (dataset, index) = built_in();
    let kinds = KindFilter::default();
    for hostile in [Hostile::LeftOut, Hostile::Counts] {
        let graph = CountedGraph::of_view(&dataset, &index, &ViewQuery::all(&kinds), hostile);
        let metrics = compute_metrics(&graph);
        let top = (0..dataset.actors.len())
            .max_by(|&a, &b| metrics.actors[a].betweenness.total_cmp(&metrics.actors[b].betweenness))
            .map(|a| dataset.actors[a].name.as_str());
        assert_eq!(top, Some("North Korea"), "{hostile:?}");
    }
}

#[test]
fn blocs_of_allies_leave_the_sides_of_a_war_apart() {
    let (dataset, index) = built_in();
    let kinds = KindFilter::default();
    let actor = |name: &str| dataset.actors.iter().position(|a| a.name == name).expect(name);
    let graph = CountedGraph::of_view(&dataset, &index, &ViewQuery::all(&kinds), Hostile::LeftOut);
    let metrics = compute_metrics(&graph);
    let bloc = |name: &str| metrics.actors[actor(name)].bloc;
    // Israel is tied to Hamas and Hezbollah only by hostility: not their ally.
    assert_ne!(bloc("Israel"), bloc("Hamas"));
    assert_eq!(
        graph.relation_count(),
        dataset
            .relations
            .iter()
            .filter(|r| !["war", "opposition"].contains(&r.kind.as_str()))
            .count()
    );
}

fn names(dataset: &Dataset, actors: &[usize]) -> Vec<String> {
    actors.iter().map(|&a| dataset.actors[a].name.clone()).collect()
}

#[test]
fn iran_reaches_ukraine_through_north_korea_and_russia_and_each_hop_shows_a_quote() {
    let (dataset, index) = built_in();
    let actor = |name: &str| dataset.actors.iter().position(|a| a.name == name).expect(name);
    let graph = CountedGraph::of_all(&dataset, &index);
    let trust = Trust {
        dataset: &dataset,
        index: &index,
        filter: &EvidenceFilter::default(),
        quotes: &QuoteChecks::of(&dataset),
    };
    let paths = find_paths(&graph, &PathQuery::between(actor("Iran"), actor("Ukraine")), &trust);
    assert!(!paths.is_empty() && paths.len() <= PathQuery::DEFAULT_K);
    assert_eq!(
        names(&dataset, &paths[0].actors),
        ["Iran", "North Korea", "Russia", "Ukraine"]
    );
    assert!(
        paths.windows(2).all(|p| p[0].hops.len() <= p[1].hops.len()),
        "shortest first"
    );
    for hop in &paths[0].hops {
        let at = hop.best.expect("every hop of the first path has a statement");
        assert!(hop.relations.contains(&at.relation));
        let quote = &dataset.relations[at.relation].evidence[at.evidence].quote;
        assert!(!quote.is_empty());
    }
    // Avoiding Russia, the way goes round it.
    let around = find_paths(
        &graph,
        &PathQuery {
            avoid: Some(actor("Russia")),
            ..PathQuery::between(actor("Iran"), actor("Ukraine"))
        },
        &trust,
    );
    assert!(!around.is_empty());
    assert!(around.iter().all(|p| !p.actors.contains(&actor("Russia"))));
}

/// The built-in dataset with its sources graded as an analyst might: the article C, the
/// chronology B.
fn graded_built_in() -> (Dataset, DatasetIndex) {
    let mut dataset = built_in_dataset();
    for source in &mut dataset.sources {
        source.reliability = Some(if source.id.contains("chronology") {
            Reliability::B
        } else {
            Reliability::C
        });
    }
    let index = DatasetIndex::new(&dataset);
    (dataset, index)
}

#[test]
fn raising_the_minimum_reliability_drops_the_paths_whose_hops_rest_on_weaker_sources() {
    let (dataset, index) = graded_built_in();
    let actor = |name: &str| dataset.actors.iter().position(|a| a.name == name).expect(name);
    let kinds = KindFilter::default();
    let quotes = QuoteChecks::of(&dataset);
    let paths_with = |filter: &EvidenceFilter| {
        let query = ViewQuery {
            evidence: filter,
            ..ViewQuery::all(&kinds)
        };
        let graph = CountedGraph::of_view(&dataset, &index, &query, Hostile::Counts);
        let trust = Trust {
            dataset: &dataset,
            index: &index,
            filter,
            quotes: &quotes,
        };
        find_paths(&graph, &PathQuery::between(actor("Iran"), actor("Ukraine")), &trust)
    };
    let all = paths_with(&EvidenceFilter::default());
    let via_us = all
        .iter()
        .find(|p| names(&dataset, &p.actors).contains(&"United States".to_owned()))
        .expect("a path through the United States when all evidence counts");
    let weakest = via_us.weakest.expect("its weakest hop is marked");
    assert_eq!(via_us.hops[weakest].grade.map(|g| g.to_string()).as_deref(), Some("C"));

    let strict = EvidenceFilter {
        min_reliability: Some(Reliability::B),
        ..EvidenceFilter::default()
    };
    let trusted = paths_with(&strict);
    assert!(
        !trusted.is_empty() && trusted.len() < all.len(),
        "{} of {}",
        trusted.len(),
        all.len()
    );
    assert_eq!(
        names(&dataset, &trusted[0].actors),
        ["Iran", "North Korea", "Russia", "Ukraine"]
    );
    for hop in trusted.iter().flat_map(|p| &p.hops) {
        assert_eq!(
            hop.grade.and_then(|g| g.reliability),
            Some(Reliability::B),
            "only B statements count"
        );
    }

    let none = paths_with(&EvidenceFilter {
        min_reliability: Some(Reliability::A),
        ungraded: Ungraded::Fails,
        ..EvidenceFilter::default()
    });
    assert!(none.is_empty());
}
