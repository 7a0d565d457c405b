//! GML, Pajek and plain edge lists, as the tools network analysts use write them: opened with
//! their names, looks and kinds, their quirks warned about, and written back without loss.

use std::path::Path;

use entente::built_in_dataset;
use entente::io::{load_bytes, load_path, save_path};
use entente::model::{Dataset, Direction};

mod common;

fn open(path: &str) -> (Dataset, Vec<String>) {
    let report = load_path(Path::new(path));
    let codes = report.diagnostics.iter().map(|d| format!("{}: {d}", d.code)).collect();
    let dataset = report
        .dataset
        .unwrap_or_else(|| panic!("{path} does not open: {:?}", report.diagnostics));
    (dataset, codes)
}

fn actor<'a>(dataset: &'a Dataset, name: &str) -> &'a entente::model::Actor {
    dataset
        .actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn a_gephi_style_gml_opens_with_names_kinds_positions_colours_and_a_warning_for_the_repeated_edge() {
    let (dataset, said) = open("tests/data/formats/gephi-like.gml");
    assert_eq!(dataset.title, "Gephi-style alliances");
    let names: Vec<&str> = dataset.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["North Korea", "Russia", "Wagner \"Group\""]);
    let nk = actor(&dataset, "North Korea");
    assert_eq!((nk.appearance.x, nk.appearance.y), (Some(-120.5), Some(40.25)));
    assert_eq!(nk.appearance.colour.as_deref(), Some("#4c78a8"));
    assert_eq!(nk.appearance.size, Some(30.0));
    assert_eq!(actor(&dataset, "Wagner \"Group\"").kind, "non_state_armed_group");
    assert_eq!(dataset.relations.len(), 2, "the repeated edge is one relation");
    assert_eq!(dataset.relations[0].kind, "arms_supply");
    assert_eq!(dataset.relations[1].kind, "troop_deployment");
    assert!(dataset.relations.iter().all(|r| r.direction == Direction::Directed));
    let repeated = said
        .iter()
        .find(|d| d.starts_with("duplicate-edge"))
        .unwrap_or_else(|| panic!("the repeated edge is warned about: {said:?}"));
    assert!(
        repeated.contains(":33:3:") && repeated.contains("first on line 31"),
        "{repeated}"
    );
}

#[test]
fn a_pajek_file_opens_with_labels_coordinates_arcs_edges_and_lists() {
    let (dataset, _) = open("tests/data/formats/with-coordinates.net");
    assert_eq!(dataset.actors.len(), 4);
    let iran = actor(&dataset, "Iran");
    assert_eq!((iran.appearance.x, iran.appearance.y), (Some(0.5), Some(0.9)));
    let between = |a: &str, b: &str| {
        let (a, b) = (actor(&dataset, a).id.clone(), actor(&dataset, b).id.clone());
        dataset
            .relations
            .iter()
            .find(|r| r.from == a && r.to == b)
            .unwrap_or_else(|| panic!("no relation {a} → {b}"))
            .clone()
    };
    let arms = between("North Korea", "Russia");
    assert_eq!(
        (arms.kind.as_str(), arms.direction),
        ("arms_supply", Direction::Directed)
    );
    let treaty = between("North Korea", "Iran");
    assert_eq!((treaty.kind.as_str(), treaty.direction), ("treaty", Direction::Mutual));
    assert_eq!(
        between("Russia", "Syria").direction,
        Direction::Mutual,
        "from the *Edgeslist"
    );
    assert_eq!(dataset.relations.len(), 5);
}

#[test]
fn a_snap_edge_list_with_comments_and_a_tab_separated_weighted_one_open() {
    let (snap, _) = open("tests/data/formats/snap-like.txt");
    assert_eq!((snap.actors.len(), snap.relations.len()), (4, 4));
    assert!(snap.relations.iter().all(|r| r.direction == Direction::Directed));
    let (weighted, _) = open("tests/data/formats/weighted.tsv");
    assert_eq!((weighted.actors.len(), weighted.relations.len()), (3, 3));
    let names: Vec<&str> = weighted.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "C"]);
    // Nothing listed: said, not an empty map.
    let report = load_bytes(b"# only comments\n% here\n", Path::new("empty.edges"));
    assert!(report.dataset.is_none());
}

#[test]
fn the_built_in_dataset_written_as_gml_reads_back_the_same() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("nk.gml");
    let original = built_in_dataset();
    save_path(&original, &path).unwrap_or_else(|e| panic!("{e}"));
    let (read, _) = open(&path.to_string_lossy());
    assert_eq!(read.actors, original.actors);
    assert_eq!(read.relations, original.relations);
    assert_eq!(read.sources.len(), original.sources.len());
}

#[test]
fn the_built_in_dataset_written_as_pajek_keeps_its_actors_links_kinds_and_directions() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("nk.net");
    let original = built_in_dataset();
    save_path(&original, &path).unwrap_or_else(|e| panic!("{e}"));
    let (read, _) = open(&path.to_string_lossy());
    let names = |d: &Dataset| d.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&read), names(&original));
    let links = |d: &Dataset| {
        let name = |id: &str| {
            d.actors
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        let mut all: Vec<(String, String, String, Direction)> = d
            .relations
            .iter()
            .map(|r| (name(&r.from), name(&r.to), r.kind.clone(), r.direction))
            .collect();
        all.sort_by(|a, b| (&a.0, &a.1, &a.2).cmp(&(&b.0, &b.1, &b.2)));
        all.dedup();
        all
    };
    assert_eq!(links(&read), links(&original));
}

/// Where the app puts each actor of `path` when it opens it, settled.
fn drawn_positions(path: &str) -> Vec<entente::layout::Vec2> {
    let (dataset, _) = open(path);
    let index = entente::model::DatasetIndex::new(&dataset);
    let scene = entente::ui::graph::settled_scene(&dataset, &index);
    (0..dataset.actors.len())
        .map(|a| scene.actor_position(a).unwrap_or_else(|| panic!("actor {a} is placed")))
        .collect()
}

fn closest_pair(positions: &[entente::layout::Vec2]) -> f32 {
    let mut closest = f32::INFINITY;
    for (i, a) in positions.iter().enumerate() {
        for b in positions.iter().skip(i + 1) {
            closest = closest.min((*a - *b).length());
        }
    }
    closest
}

#[test]
fn pajek_coordinates_on_a_unit_square_are_spread_out_and_all_at_zero_are_laid_out_afresh() {
    // Coordinates from 0.1 to 0.9: kept in proportion, at a scale actors of radius 7–24 fit.
    let spread = drawn_positions("tests/data/formats/with-coordinates.net");
    assert!(closest_pair(&spread) > 60.0, "{spread:?}");
    let ratio = (spread[1].x - spread[0].x) / (spread[2].y - spread[3].y);
    assert!((ratio - 0.75).abs() < 0.01, "proportions kept: {ratio}");
    // networkx writes every vertex at 0 0: that is no layout, and Entente makes its own.
    let afresh = drawn_positions("tests/data/formats/networkx-zero.net");
    assert!(closest_pair(&afresh) > 30.0, "{afresh:?}");
}

#[test]
fn a_neptune_bulk_load_pair_and_a_neo4j_import_pair_open_with_their_nodes_files() {
    let (neptune, said) = open("tests/data/formats/neptune/alliances-edges.csv");
    let names: Vec<&str> = neptune.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["North Korea", "Russia", "Wagner Group"], "{said:?}");
    assert_eq!(actor(&neptune, "Wagner Group").kind, "non_state_armed_group");
    let kinds: Vec<&str> = neptune.relations.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["arms_supply", "troop_deployment"]);
    assert_eq!(neptune.relations[0].from, "nk");
    let (neo4j, said) = open("tests/data/formats/neo4j/alliances_relationships.csv");
    let names: Vec<&str> = neo4j.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["North Korea", "Iran"], "{said:?}");
    assert_eq!(neo4j.relations[0].kind, "arms_supply");
}

#[test]
fn entente_convert_writes_gml_and_pajek_and_reads_them_back() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = "data/north-korea-alliances.json";
    for extension in ["gml", "net"] {
        let written = folder.path().join(format!("nk.{extension}"));
        let back = folder.path().join(format!("nk-from-{extension}.json"));
        let (code, printed) = common::entente(&["convert", original, &written.to_string_lossy()]);
        assert_eq!(code, 0, "{printed}");
        let (code, printed) = common::entente(&["convert", &written.to_string_lossy(), &back.to_string_lossy()]);
        assert_eq!(code, 0, "{printed}");
        let (read, _) = open(&back.to_string_lossy());
        let original = built_in_dataset();
        let names = |d: &Dataset| {
            let mut names: Vec<String> = d.actors.iter().map(|a| a.name.clone()).collect();
            names.sort();
            names
        };
        assert_eq!(names(&read), names(&original), "{extension}: every actor, by name");
        assert_eq!(
            read.relations.len(),
            original.relations.len(),
            "{extension}: every relation"
        );
        if extension == "gml" {
            assert_eq!(read.relations, original.relations, "GML keeps relations whole");
        }
    }
}
