//! `entente check` and `entente summary`, run as users run them.

use std::process::Command;

mod common;

use common::entente;

#[test]
fn check_passes_the_shipped_data() {
    // Every dataset shipped in data/, as `entente check data/*.json` reads them.
    let mut shipped: Vec<String> = std::fs::read_dir("data")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| path.to_str().unwrap().to_owned())
        .collect();
    shipped.sort();
    assert!(
        shipped.contains(&"data/north-korea-alliances.json".to_owned()),
        "{shipped:?}"
    );
    let arguments: Vec<&str> = std::iter::once("check")
        .chain(shipped.iter().map(String::as_str))
        .collect();
    let (code, out) = entente(&arguments);
    assert_eq!(code, 0, "{out}");
    for file in &shipped {
        assert!(out.contains(&format!("{file}: ok (0 errors, 0 warnings)")), "{out}");
    }
}

#[test]
fn check_reports_every_file_and_fails_on_errors() {
    let (code, out) = entente(&[
        "check",
        "tests/data/valid/minimal.json",
        "tests/data/invalid/dangling-references.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("tests/data/valid/minimal.json: ok"), "{out}");
    assert!(out.contains("tests/data/invalid/dangling-references.json:10:49: error: relation `r1` points `from` at actor `north_korea`"), "{out}");
    assert!(
        out.contains("tests/data/invalid/dangling-references.json: FAILED (2 errors, 0 warnings)"),
        "{out}"
    );
}

#[test]
fn check_json_is_machine_readable() {
    let (code, out) = entente(&["check", "--json", "tests/data/invalid/period-order.json"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let file = &value["files"][0];
    assert_eq!(file["ok"], false);
    assert_eq!(file["errors"], 2);
    let first = &file["diagnostics"][0];
    assert_eq!(
        (first["code"].as_str(), first["line"].as_u64(), first["column"].as_u64()),
        (Some("period-order"), Some(7), Some(97))
    );
    assert_eq!(first["pointer"], "/actors/0/active/end");
    assert_eq!(first["expected"], "an end on or after the start");
}

#[test]
fn summary_counts_actors_and_relations_by_kind() {
    let (code, out) = entente(&["summary", "tests/data/valid/with-extensions.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("2 actors, 2 relations, 1 evidence items from 1 sources"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("Non-state armed group") && l.trim_end().ends_with('1')),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains("Political support") && l.contains("(political_support)")),
        "{out}"
    );

    let (code, out) = entente(&["summary", "--json", "data/north-korea-alliances.json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let treaties = entente::built_in_dataset()
        .relations
        .iter()
        .filter(|r| r.kind == "treaty")
        .count();
    assert_eq!(value["relations_by_kind"]["treaty"], treaties);
    assert!(treaties >= 5, "the 2024 treaty and the four the chronology adds");
}

#[test]
fn summary_of_a_broken_file_prints_its_problems_and_fails() {
    let (code, out) = entente(&["summary", "tests/data/invalid/truncated.json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("truncated.json:6:27: error: the file is not valid JSON"),
        "{out}"
    );
}

#[test]
fn convert_writes_the_format_the_extension_names_and_refuses_unknown_ones() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let graphml = folder.path().join("nk.graphml");
    let graphml_arg = graphml.display().to_string();
    let (code, out) = entente(&["convert", "data/north-korea-alliances.json", &graphml_arg]);
    assert_eq!(code, 0, "{out}");
    let built_in = entente::built_in_dataset();
    let wrote = format!(
        "wrote {} actors and {} relations",
        built_in.actors.len(),
        built_in.relations.len()
    );
    assert!(out.contains(&wrote), "{out}");
    let (code, out) = entente(&["check", &graphml_arg]);
    assert_eq!(code, 0, "{out}");

    let (code, out) = entente(&[
        "convert",
        &graphml_arg,
        &folder.path().join("nk.dot").display().to_string(),
    ]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = entente(&["convert", "data/north-korea-alliances.json", "nk.csv"]);
    assert_eq!(code, 1);
    assert!(out.contains("Entente cannot write CSV edge list files"), "{out}");
    let (code, out) = entente(&["convert", "tests/data/formats/malformed.graphml", "x.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("malformed.graphml:5:18: error"), "{out}");
}

#[test]
fn check_and_summary_read_every_format() {
    let (code, out) = entente(&[
        "check",
        "tests/data/formats/networkx.graphml",
        "tests/data/formats/gephi-dynamic.gexf",
        "tests/data/formats/edges.csv",
    ]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = entente(&["summary", "tests/data/formats/edges.csv"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("4 actors, 2 relations, 2 evidence items from 2 sources"),
        "{out}"
    );
}

/// A save killed halfway must leave either the old file or the whole new one, never a part.
#[test]
fn an_interrupted_save_never_leaves_a_half_written_file() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let big = folder.path().join("big.json");
    let big_arg = big.display().to_string();
    let (code, out) = entente(&["generate", "--actors", "20000", "--relations", "120000", "-o", &big_arg]);
    assert_eq!(code, 0, "{out}");
    let target = folder.path().join("target.json");
    let old = std::fs::read_to_string("data/north-korea-alliances.json").unwrap_or_default();
    for delay_ms in [5u64, 20, 60, 120, 250] {
        std::fs::write(&target, &old).unwrap_or_else(|e| panic!("{e}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
            .args(["convert", &big_arg, &target.display().to_string()])
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(&target).unwrap_or_default();
        let whole_new = now.len() > old.len() && serde_json::from_str::<serde_json::Value>(&now).is_ok();
        assert!(
            now == old || whole_new,
            "after a kill at {delay_ms} ms the file is neither old nor whole"
        );
    }
}

/// A publisher's odd rows are warnings: `check` prints them and passes.
#[test]
fn check_passes_published_tables_with_odd_rows_and_prints_the_warnings() {
    let (code, out) = entente(&[
        "check",
        "tests/data/reference/as-published/cow_dyad_end_before_start.csv",
        "tests/data/reference/as-published/sipri_cells_that_are_not_numbers.csv",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("cow_dyad_end_before_start.csv:2:"), "{out}");
    assert!(out.contains("one day before the start"), "{out}");
    assert!(out.contains("`-5` is not a count"), "{out}");
}

#[test]
fn paths_names_actors_as_people_write_them_and_prints_each_hop_with_its_quote() {
    let (code, out) = entente(&["paths", "data/north-korea-alliances.json", "iran", "Ukraine", "-k", "2"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("The 2 shortest paths from Iran to Ukraine"), "{out}");
    assert!(out.contains("1. Iran → North Korea → Russia → Ukraine"), "{out}");
    // Each relation in its own direction, which may run against the path's.
    assert!(
        out.contains("      Arms supply: North Korea → Iran · 1982–February 1988"),
        "{out}"
    );
    assert!(
        out.contains("      War: Russia → Ukraine · since 24 February 2022"),
        "{out}"
    );
    assert!(out.contains("      “When Russia launched its war in Ukraine"), "{out}");

    let (code, out) = entente(&["paths", "data/north-korea-alliances.json", "Iran", "Ukraine", "--json"]);
    assert_eq!(code, 0, "{out}");
    let answer: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let first = &answer["paths"][0];
    assert_eq!(first["actors"].as_array().map(Vec::len), Some(4));
    assert!(
        first["hops"]
            .as_array()
            .is_some_and(|hops| hops.iter().all(|h| h["best_evidence"]["quote"].is_string()))
    );
    assert_eq!(first["hops"][2]["relations"][0]["from"], "russia");

    // Only relations of support: no war leads from Russia to Ukraine.
    let (_, out) = entente(&[
        "paths",
        "data/north-korea-alliances.json",
        "Iran",
        "Ukraine",
        "--without-hostile",
    ]);
    assert!(!out.contains("War:"), "{out}");
}

#[test]
fn paths_explains_an_unknown_actor_and_no_path() {
    let (code, out) = entente(&["paths", "data/north-korea-alliances.json", "Iran", "Ukrain"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("no actor is called “Ukrain”; did you mean Ukraine (id `ukraine`)?"),
        "{out}"
    );

    let (code, out) = entente(&[
        "paths",
        "data/north-korea-alliances.json",
        "Iran",
        "Ukraine",
        "--min-reliability",
        "A",
        "--ungraded-fails",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with("No path from Iran to Ukraine over the 0 of 29 relations that pass the filters"),
        "{out}"
    );

    let (code, out) = entente(&[
        "paths",
        "data/north-korea-alliances.json",
        "Iran",
        "Ukraine",
        "--avoid",
        "North Korea",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("No path"), "{out}");
}

#[test]
fn metrics_prints_networkx_comparable_numbers_as_json() {
    let (code, out) = entente(&["metrics", "tests/data/metrics/karate-undirected.graphml", "--json"]);
    assert_eq!(code, 0, "{out}");
    let answer: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(answer["directed"], false);
    let hi = answer["actors"]
        .as_array()
        .and_then(|actors| actors.iter().find(|a| a["id"] == "0"))
        .expect("actor 0");
    // networkx: betweenness 0.437635, PageRank 0.097002.
    assert_eq!(format!("{:.4}", hi["betweenness"].as_f64().unwrap_or(0.0)), "0.4376");
    assert_eq!(format!("{:.4}", hi["pagerank"].as_f64().unwrap_or(0.0)), "0.0970");
    assert!(answer["blocs"].as_array().is_some_and(|b| b.len() >= 2));
}
