//! `entente render` on the 20,000-actor, 100,000-relation generated graph, from the file to the
//! SVG written, side by side with graphviz `sfdp -Tsvg` drawing the same graph in the same run.
//!
//! Run: `cargo bench --bench render` (needs `sfdp` from Debian's `graphviz`, which
//! `scripts/setup.sh` installs; without it that row says so).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use entente::io::{save_path, write_atomically};
use entente::model::generate;

mod common;

fn main() {
    let (actors, relations, runs) = if common::is_full_run() {
        (20_000, 100_000, 3)
    } else {
        (500, 2_500, 1)
    };
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let dataset = generate(actors, relations, 1);
    let json = folder.path().join("generated.json");
    let dot = folder.path().join("generated.dot");
    save_path(&dataset, &json).unwrap_or_else(|e| panic!("{e}"));
    let mut graph = String::from("digraph G {\n");
    for relation in &dataset.relations {
        graph.push_str(&format!("  \"{}\" -> \"{}\";\n", relation.from, relation.to));
    }
    graph.push_str("}\n");
    write_atomically(&dot, graph.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let svg = folder.path().join("entente.svg");

    println!("Generated graph: {actors} actors, {relations} relations (seed 1); median of {runs} runs, all shown\n");
    println!("| command | median | runs |");
    println!("|---|---:|---|");
    let ours = common::time(runs, || render(&json, &svg));
    row("entente render generated.json -o out.svg", &ours);
    let theirs: Option<Vec<Duration>> = (0..runs)
        .map(|_| {
            let started = std::time::Instant::now();
            sfdp_svg(&dot).then(|| started.elapsed())
        })
        .collect();
    match theirs {
        Some(theirs) => {
            row("sfdp -Tsvg generated.dot (the same graph)", &theirs);
            let ratio = common::median(&theirs).as_secs_f64() / common::median(&ours).as_secs_f64();
            println!(
                "\nentente render takes {:.2} s; sfdp takes {ratio:.1}x as long.",
                common::median(&ours).as_secs_f64()
            );
        }
        None => println!("| graphviz sfdp | not installed | — |"),
    }
}

fn row(what: &str, times: &[Duration]) {
    let all: Vec<String> = times.iter().map(|t| format!("{:.2} s", t.as_secs_f64())).collect();
    println!(
        "| {what} | {:.2} s | {} |",
        common::median(times).as_secs_f64(),
        all.join(", ")
    );
}

/// The real command, as a user runs it.
fn render(input: &Path, output: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_entente"))
        .arg("render")
        .arg(input)
        .arg("-o")
        .arg(output)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("cannot run entente: {e}"));
    assert!(status.success(), "entente render failed");
}

fn sfdp_svg(dot: &Path) -> bool {
    Command::new("sfdp")
        .arg("-Tsvg")
        .arg("-o")
        .arg("/dev/null")
        .arg(dot)
        .status()
        .is_ok_and(|s| s.success())
}
