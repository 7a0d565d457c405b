//! Other tools' files: GraphML, GEXF and CSV in, GraphML, GEXF and DOT out.

use std::path::{Path, PathBuf};

use entente::io::{load_path, save_path};
use entente::model::{ActorKind, Dataset, Direction};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name)
}

fn load(name: &str) -> Dataset {
    let report = load_path(&fixture(name));
    report
        .dataset
        .unwrap_or_else(|| panic!("{name} must load: {:#?}", report.diagnostics))
}

fn attribute<'a>(extra: &'a serde_json::Map<String, serde_json::Value>, name: &str) -> Option<&'a str> {
    extra.get("attributes")?.get(name)?.as_str()
}

#[test]
fn networkx_graphml_keeps_keys_defaults_direction_and_parallel_edges() {
    let d = load("networkx.graphml");
    let names: Vec<&str> = d.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["North Korea", "Russia", "China", "Hezbollah"]);
    assert_eq!(d.actors[0].kind, ActorKind::State, "the key's default applies");
    assert_eq!(d.actors[3].kind, ActorKind::NonStateArmedGroup);
    assert_eq!(attribute(&d.actors[0].extra, "population_m"), Some("26.1"));

    let kinds: Vec<&str> = d.relations.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["treaty", "arms_supply", "historical_support", "military_assistance"]
    );
    assert_eq!(d.relations[0].direction, Direction::Mutual, "edgedefault=undirected");
    assert_eq!(
        d.relations[3].direction,
        Direction::Directed,
        "directed=true on the edge"
    );
    assert_eq!(
        d.relations[2].period.map(|p| p.describe()).as_deref(),
        Some("1950–1953")
    );
    assert_eq!(attribute(&d.relations[1].extra, "weight"), Some("3.5"));
    assert_eq!(d.relation_kind_label("military_assistance"), "Military assistance");
}

#[test]
fn yed_labels_inside_graphics_data_name_the_actors_and_kinds() {
    let d = load("yed.graphml");
    assert_eq!(
        d.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Iran", "Hamas"]
    );
    assert_eq!(d.relations[0].kind, "arms_supply");
    assert_eq!(d.relations[0].id, "e0");
}

#[test]
fn gexf_spells_become_periods_and_attvalues_become_evidence() {
    let d = load("gephi-dynamic.gexf");
    let ussr = &d.actors[0];
    assert_eq!(
        (ussr.name.as_str(), ussr.kind),
        ("Soviet Union", ActorKind::HistoricalState)
    );
    assert_eq!(
        ussr.active.map(|p| p.describe()).as_deref(),
        Some("30 December 1922–26 December 1991")
    );
    assert_eq!(attribute(&ussr.extra, "viz_position_x"), Some("-120.5"));
    assert_eq!(attribute(&ussr.extra, "viz_color_r"), Some("157"));

    let support = &d.relations[0];
    assert_eq!(support.kind, "historical_support");
    assert_eq!(
        support.period.map(|p| p.describe()).as_deref(),
        Some("25 June 1950–27 July 1953")
    );
    assert_eq!(
        support.evidence[0].quote,
        "The Soviet Union intervened in support of North Korea."
    );
    assert_eq!(
        d.source(&support.evidence[0].source).map(|s| s.title.as_str()),
        Some("A history book")
    );
    assert_eq!(d.relations[1].direction, Direction::Mutual);
    assert_eq!(d.relations[1].kind, "partnership");
    assert_eq!(
        d.description.as_deref(),
        Some("Korean War support, as a Gephi user might draw it")
    );
}

#[test]
fn csv_rows_with_quotes_become_evidence_and_the_actor_list_names_actors() {
    let report = load_path(&fixture("edges.csv"));
    let d = report.dataset.unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    let codes: Vec<_> = report
        .diagnostics
        .iter()
        .map(|x| (x.code, x.message.as_str()))
        .collect();
    assert_eq!(codes, [("no-evidence", "1 of 2 relations carry no evidence")]);
    let nk = d.actor("North Korea").unwrap_or_else(|| panic!("North Korea"));
    assert_eq!(nk.aliases, ["DPRK", "Pyongyang"]);
    assert_eq!(
        d.actor("Hezbollah").and_then(|a| a.description.as_deref()),
        Some("Lebanese armed group")
    );
    let arms = &d.relations[0];
    assert_eq!((arms.kind.as_str(), arms.evidence.len()), ("arms_supply", 2));
    assert_eq!(arms.evidence[0].speaker.as_deref(), Some("Christopher Chivvis"));
    assert_eq!(attribute(&arms.extra, "confidence"), Some("high"));
}

#[test]
fn broken_and_hostile_files_fail_with_a_located_message() {
    let cases = [
        ("malformed.graphml", "malformed-xml", Some(5)),
        ("missing-target.graphml", "missing-field", Some(5)),
        ("entity-expansion.gexf", "xml-entity", Some(2)),
        ("external-entity.graphml", "xml-entity", Some(2)),
    ];
    for (name, code, line) in cases {
        let report = load_path(&fixture(name));
        assert!(report.dataset.is_none(), "{name} loaded");
        let first = &report.diagnostics[0];
        assert_eq!((first.code, first.line), (code, line), "{name}: {first}");
        assert!(first.file.as_deref().is_some_and(|f| f.ends_with(name)));
    }
}

#[test]
fn an_unterminated_csv_quote_is_reported_not_swallowed() {
    let report = load_path(&fixture("unterminated.csv"));
    let messages: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        report.dataset.is_none(),
        "a file with no usable row does not open: {messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("unterminated.csv:2")),
        "{messages:#?}"
    );
}

fn round_trip(extension: &str) {
    let original = entente::built_in_dataset();
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join(format!("north-korea.{extension}"));
    save_path(&original, &path).unwrap_or_else(|e| panic!("{e}"));
    let report = load_path(&path);
    let back = report
        .dataset
        .unwrap_or_else(|| panic!("{extension}: {:#?}", report.diagnostics));
    assert!(report.diagnostics.is_empty(), "{extension}: {:#?}", report.diagnostics);
    assert_eq!(back.title, original.title);
    assert_eq!(back.actors, original.actors, "{extension}: actors differ");
    assert_eq!(back.sources, original.sources);
    assert_eq!(back.relation_kinds, original.relation_kinds);
    assert_eq!(back.relations, original.relations, "{extension}: relations differ");
}

#[test]
fn graphml_export_reads_back_the_same_dataset() {
    round_trip("graphml");
}

#[test]
fn gexf_export_reads_back_the_same_dataset() {
    round_trip("gexf");
}

#[test]
fn imported_attributes_survive_an_export_round_trip() {
    let original = load("networkx.graphml");
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for extension in ["graphml", "gexf", "json"] {
        let path = folder.path().join(format!("copy.{extension}"));
        save_path(&original, &path).unwrap_or_else(|e| panic!("{e}"));
        let back = load_path(&path).dataset.unwrap_or_else(|| panic!("{extension}"));
        assert_eq!(back.actors, original.actors, "{extension}");
        assert_eq!(back.relations, original.relations, "{extension}");
    }
}
