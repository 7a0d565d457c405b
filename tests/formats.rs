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
        (ussr.name.as_str(), ussr.kind.as_str()),
        ("Soviet Union", ActorKind::HistoricalState.id())
    );
    assert_eq!(
        ussr.active.map(|p| p.describe()).as_deref(),
        Some("30 December 1922–26 December 1991")
    );
    // Gephi's y axis points up; Entente's, as on screen, down.
    assert_eq!(ussr.appearance.position(), Some((-120.5, -40.0)));
    assert_eq!(ussr.appearance.colour.as_deref(), Some("#9d755d"));

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

/// GEXF 1.1draft files from gexf-js declare a node or edge once per spell, with one id: one
/// actor or relation, present in each spell and absent between them; a date that is not a date,
/// or an edge with one end, is a warning on that record, and the rest of the file opens.
#[test]
fn gexf_declarations_repeated_per_spell_are_one_record_present_in_each() {
    let report = load_path(&fixture("gexf11-repeated-spells.gexf"));
    let codes: Vec<(&str, bool)> = report.diagnostics.iter().map(|d| (d.code, d.is_error())).collect();
    let d = report.dataset.unwrap_or_else(|| panic!("it opens: {codes:?}"));
    assert_eq!(d.actors.len(), 2, "Alpha and Beta once each");
    let alpha = &d.actors[0];
    let describe = |spells: &[entente::model::Period]| spells.iter().map(|s| s.describe()).collect::<Vec<_>>();
    assert_eq!(
        describe(&alpha.spells),
        ["1 January 1950–31 December 1960", "1 January 1980–31 December 1990"]
    );
    assert_eq!(
        alpha.active.map(|p| p.describe()).as_deref(),
        Some("1 January 1950–31 December 1990")
    );

    let treaty = d
        .relations
        .iter()
        .find(|r| r.id == "e1")
        .unwrap_or_else(|| panic!("e1"));
    assert_eq!(
        describe(&treaty.spells),
        ["1 June 1952–30 June 1955", "1 January 1985–31 December 1988"]
    );
    assert_eq!(
        d.relations.iter().filter(|r| r.id.starts_with("e1")).count(),
        1,
        "not a duplicate"
    );
    let in_year = |year: i32| entente::model::YearSpan::year(year).meets(treaty.period.as_ref(), &treaty.spells);
    assert!(in_year(1953) && in_year(1986));
    assert!(!in_year(1970), "absent between its spells");

    let supply = d
        .relations
        .iter()
        .find(|r| r.id == "e2")
        .unwrap_or_else(|| panic!("e2"));
    assert_eq!(supply.period, None, "an unreadable start is left out");
    assert_eq!(supply.caveats.len(), 1);
    assert!(
        supply.caveats[0].note.contains("`someday` is not a date"),
        "{:?}",
        supply.caveats
    );
    assert!(
        d.relations.iter().all(|r| r.id != "e3"),
        "an edge with one end is skipped"
    );

    assert!(codes.contains(&("bad-cell", false)), "{codes:?}");
    assert!(codes.contains(&("missing-field", false)), "{codes:?}");
    let duplicate = report.diagnostics.iter().find(|d| d.code == "duplicate-id");
    assert!(
        duplicate.is_some_and(|d| d.message.contains("Beta")),
        "Beta declared twice with the same (no) dates is a true duplicate: {codes:?}"
    );
    assert!(codes.iter().all(|(_, error)| !error), "{codes:?}");
}

#[test]
fn spells_survive_a_gexf_save() {
    let original = load("gexf11-repeated-spells.gexf");
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("spells.gexf");
    save_path(&original, &path).unwrap_or_else(|e| panic!("{e}"));
    let back = load_path(&path)
        .dataset
        .unwrap_or_else(|| panic!("the saved file opens"));
    assert_eq!(back.actors[0].spells, original.actors[0].spells);
    let spells = |d: &Dataset| d.relations.iter().map(|r| r.spells.clone()).collect::<Vec<_>>();
    assert_eq!(spells(&back), spells(&original));
    assert!(!original.actors[0].spells.is_empty());
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

/// An edge with one end, or a node with no id, is one bad record: skipped with a warning at
/// its line, and the rest of the file opens.
#[test]
fn an_edge_with_one_end_is_skipped_with_a_warning_at_its_line() {
    let report = load_path(&fixture("missing-target.graphml"));
    let dataset = report
        .dataset
        .unwrap_or_else(|| panic!("it opens: {:#?}", report.diagnostics));
    assert_eq!(dataset.actors.len(), 1);
    assert!(dataset.relations.is_empty());
    let first = &report.diagnostics[0];
    assert_eq!(
        (first.code, first.line, first.is_error()),
        ("missing-field", Some(5), false)
    );
    assert!(first.message.ends_with("this one is skipped"), "{first}");
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

fn readability_fixture(name: &str) -> (Dataset, Option<entente::io::MappingProposal>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/readability")
        .join(name);
    let report = load_path(&path);
    let dataset = report
        .dataset
        .unwrap_or_else(|| panic!("{name} must load: {:#?}", report.diagnostics));
    (dataset, report.proposal)
}

#[test]
fn yed_geometry_fill_and_shape_are_the_actors_place_colour_and_outline() {
    let (d, _) = readability_fixture("yed-shapes.graphml");
    let alpha = &d.actors[0];
    assert_eq!(alpha.name, "Alpha");
    assert_eq!(alpha.kind, ActorKind::State);
    // The middle of its box, in yEd's coordinates (y down, as Entente's).
    assert_eq!(alpha.appearance.position(), Some((200.0, 235.0)));
    assert_eq!(alpha.appearance.colour.as_deref(), Some("#ffcc00"));
    assert_eq!(alpha.appearance.shape, Some(entente::model::NodeShape::Disc));
    assert_eq!(d.actors[1].kind, ActorKind::NonStateArmedGroup, "`armed group` is read");
    assert_eq!(d.actors[1].appearance.size, Some(60.0));
    assert!(d.relations.iter().all(|r| r.kind == "arms_supply"));
}

#[test]
fn tinkerpop_labels_become_declared_kinds_and_names_become_labels() {
    let (d, proposal) = readability_fixture("tinkerpop-typed.graphml");
    assert!(proposal.is_some_and(|p| !p.unsure));
    let kinds: Vec<&str> = d.actor_kinds.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(kinds, ["song", "artist"]);
    let relation_kinds: Vec<&str> = d.relation_kinds.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(relation_kinds, ["followedBy", "writtenBy", "sungBy"]);
    assert_eq!(d.actors[0].name, "SONG ONE");
    assert_eq!(
        attribute(&d.actors[0].extra, "performances"),
        Some("1"),
        "what is not a name or kind is kept"
    );
    assert!(
        attribute(&d.actors[0].extra, "labelV").is_none(),
        "the kind is not kept twice"
    );
}

#[test]
fn an_airline_file_is_read_with_its_guessed_names_and_its_own_positions() {
    let (d, proposal) = readability_fixture("airports.graphml");
    let proposal = proposal.unwrap_or_else(|| panic!("a GraphML file is proposed a reading"));
    assert!(proposal.unsure, "names in a tooltip are a guess to confirm");
    assert_eq!(proposal.mapping.actor_label.as_deref(), Some("tooltip"));
    assert_eq!(d.actors[0].name, "AAA");
    assert_eq!(d.actors[0].appearance.position(), Some((-1200.0, -300.0)));
    assert!(d.actors.iter().all(|a| a.appearance.position().is_some()));
}

#[test]
fn gephi_viz_attributes_are_the_actors_look_and_survive_a_save() {
    let (d, _) = readability_fixture("gephi-viz.gexf");
    let hub = &d.actors[0];
    assert_eq!(hub.appearance.colour.as_deref(), Some("#eb5148"));
    assert_eq!(hub.appearance.size, Some(28.685_715));
    let edge = d.relations.last().unwrap_or_else(|| panic!("edges"));
    assert_eq!(edge.appearance.colour.as_deref(), Some("#141414"));
    assert_eq!(edge.appearance.thickness, Some(4.0));
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in ["again.json", "again.graphml", "again.gexf"] {
        let path = folder.path().join(name);
        save_path(&d, &path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = load_path(&path).dataset.unwrap_or_else(|| panic!("{name} reads back"));
        let looks = |d: &Dataset| d.actors.iter().map(|a| a.appearance.clone()).collect::<Vec<_>>();
        assert_eq!(looks(&again), looks(&d), "{name}");
    }
}
