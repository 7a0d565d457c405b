//! The command line: `entente [FILE]` opens the app, subcommands work without a window.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[cfg(feature = "analysis")]
mod analysis;
#[cfg(feature = "gui")]
mod picture;
#[cfg(feature = "analysis")]
pub use analysis::{CountedFilter, find_actor};

use crate::io::table::ColumnMapping;
use crate::io::{Format, ImportMapping, LoadReport, load_path_with, save_path};
use crate::model::Summary;
use crate::text::count;

#[derive(Debug, Parser)]
#[command(
    name = "entente",
    version,
    about = "See who backs whom among states and armed groups, and why we believe it."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A dataset to open in the app (the built-in dataset opens when none is given).
    pub file: Option<PathBuf>,
    /// A dataset to lay over the one opened (like File › Add Dataset): its actor matches are
    /// shown for review before anything is merged.
    #[arg(long, value_name = "FILE")]
    pub add: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dataset files and print every problem found; exits with 1 if any has errors.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the diagnostics as JSON, for editors and scripts.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        map: MapArg,
    },
    /// Convert a dataset between formats, each chosen by its file's extension
    /// (read: .json .graphml .gexf .gml .net, edge lists .txt .edges .el, tables .csv .tsv .xlsx
    /// .xls .ods .parquet; write: .json .graphml .gexf .gml .net .dot).
    Convert {
        input: PathBuf,
        output: PathBuf,
        #[command(flatten)]
        map: MapArg,
    },
    /// Write a synthetic dataset (for benchmarks and tests): hubs, every kind, evidence everywhere.
    Generate {
        #[arg(long, default_value_t = 1000)]
        actors: usize,
        #[arg(long, default_value_t = 4000)]
        relations: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write it; the extension chooses the format.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Print the shortest paths from one actor to another (by id or name), each hop with its
    /// relations and best-graded quote; exits with 1 when there is none.
    #[cfg(feature = "analysis")]
    Paths {
        /// The dataset, in any format Entente opens.
        file: PathBuf,
        /// Where the paths start: an actor's id or name (any case).
        from: String,
        /// Where they end: an actor's id or name.
        to: String,
        /// How many paths, shortest first.
        #[arg(short, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=100))]
        k: u16,
        /// Follow each relation's direction (mutual relations go both ways).
        #[arg(long)]
        directed: bool,
        /// An actor no path may pass through.
        #[arg(long, value_name = "ACTOR")]
        avoid: Option<String>,
        /// Follow only relations of support: not those of kinds the dataset declares hostile
        /// (war, opposition), which by default connect their two sides.
        #[arg(long)]
        without_hostile: bool,
        #[command(flatten)]
        filter: CountedFilter,
        /// Print the paths as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print every actor's degree, betweenness, eigenvector centrality, PageRank and bloc
    /// (betweenness normalised and PageRank damped 0.85 as networkx does by default).
    #[cfg(feature = "analysis")]
    Metrics {
        /// The dataset, in any format Entente opens.
        file: PathBuf,
        #[command(flatten)]
        filter: CountedFilter,
        /// Count relations of kinds the dataset declares hostile (war, opposition) as ties too
        /// (by default blocs and centrality follow relations of support only).
        #[arg(long)]
        hostile: bool,
        /// Print the metrics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Lay the graph out as the app does and draw it as SVG (no window or display needed):
    /// the same file gives the same picture.
    #[cfg(feature = "gui")]
    Render(picture::RenderArgs),
    /// Write a briefing of the view the filters choose: the graph, a table of the relations
    /// shown, their evidence as numbered citations, the sources, and what is undated or
    /// unverified; `.html` (one self-contained file) or `.md` (with the graph as an SVG beside it).
    #[cfg(feature = "gui")]
    Report(picture::RenderArgs),
    /// Lay the graph out as the app does and write the positions, for Gephi, yEd or Cytoscape:
    /// `.gexf` (viz:position) or `.graphml` (yEd's node geometry and x/y attributes).
    #[cfg(feature = "gui")]
    Layout {
        /// The dataset, in any format Entente opens.
        file: PathBuf,
        /// Where to write the laid-out graph.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Print counts of actors and relations by kind.
    Summary {
        file: PathBuf,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        map: MapArg,
    },
}

/// How to read a table's columns, as the app's mapping step would.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct MapArg {
    /// For a table (.csv, .xlsx, .ods, .parquet): the column of each role, laid over the mapping
    /// Entente proposes, e.g. `from=~from,to=~to,kind=~label`. Roles: from, to, kind,
    /// direction, start, end, year, date, quote, speaker, source, url; for the actors: id, label,
    /// actor-kind; and actors=FILE, relations-sheet=SHEET, actors-sheet=SHEET.
    #[arg(long, value_name = "ROLE=COLUMN,…")]
    pub map: Option<ColumnMapping>,
}

impl MapArg {
    pub fn load(&self, file: &Path) -> LoadReport {
        let mapping = self.map.clone().map(|columns| ImportMapping {
            columns: Some(columns),
            ..ImportMapping::default()
        });
        load_path_with(file, mapping.as_ref())
    }
}

/// Runs a subcommand, printing to stdout; returns the process exit code.
pub fn run(command: &Command) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let result = match command {
        Command::Check { files, json, map } => check(files, *json, map, &mut stdout),
        Command::Summary { file, json, map } => summary(file, *json, map, &mut stdout),
        Command::Convert { input, output, map } => convert(input, output, map, &mut stdout),
        #[cfg(feature = "gui")]
        Command::Render(args) => picture::render(args, &mut stdout),
        #[cfg(feature = "gui")]
        Command::Report(args) => picture::report(args, &mut stdout),
        #[cfg(feature = "gui")]
        Command::Layout { file, output } => picture::layout(file, output, &mut stdout),
        #[cfg(feature = "analysis")]
        Command::Paths {
            file,
            from,
            to,
            k,
            directed,
            avoid,
            without_hostile,
            filter,
            json,
        } => analysis::paths(
            &analysis::PathsRequest {
                file,
                from,
                to,
                k: usize::from(*k),
                directed: *directed,
                avoid: avoid.as_deref(),
                hostile: if *without_hostile {
                    crate::analysis::Hostile::LeftOut
                } else {
                    crate::analysis::Hostile::Counts
                },
                filter,
                json: *json,
            },
            &mut stdout,
        ),
        #[cfg(feature = "analysis")]
        Command::Metrics {
            file,
            filter,
            hostile,
            json,
        } => {
            let hostile = if *hostile {
                crate::analysis::Hostile::Counts
            } else {
                crate::analysis::Hostile::LeftOut
            };
            analysis::metrics(file, (filter, hostile), *json, &mut stdout)
        }
        Command::Generate {
            actors,
            relations,
            seed,
            output,
        } => {
            let dataset = crate::model::generate(*actors, *relations, *seed);
            match save_path(&dataset, output) {
                Ok(()) => writeln!(
                    stdout,
                    "wrote {actors} actors and {relations} relations to {}",
                    output.display()
                )
                .map(|()| ExitCode::SUCCESS),
                Err(err) => writeln!(stdout, "{}: {err}", output.display()).map(|()| ExitCode::FAILURE),
            }
        }
    };
    match result {
        Ok(code) => code,
        // The reader stopped reading (`| head`): nothing went wrong here.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("entente: {err}");
            ExitCode::FAILURE
        }
    }
}

pub fn check(files: &[PathBuf], json: bool, map: &MapArg, out: &mut impl Write) -> std::io::Result<ExitCode> {
    let reports: Vec<(String, LoadReport)> = files.iter().map(|f| (f.display().to_string(), map.load(f))).collect();
    let failed = reports.iter().any(|(_, r)| r.error_count() > 0);
    if json {
        let files: Vec<_> = reports
            .iter()
            .map(|(file, report)| {
                serde_json::json!({
                    "file": file,
                    "ok": report.error_count() == 0,
                    "errors": report.error_count(),
                    "warnings": report.warning_count(),
                    "diagnostics": report.diagnostics,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "files": files }))?;
        writeln!(out)?;
    } else {
        for (file, report) in &reports {
            for diagnostic in &report.diagnostics {
                writeln!(out, "{diagnostic}")?;
            }
            let verdict = if report.error_count() > 0 { "FAILED" } else { "ok" };
            writeln!(
                out,
                "{file}: {verdict} ({}, {})",
                count(report.error_count(), "error"),
                count(report.warning_count(), "warning")
            )?;
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

pub fn summary(file: &Path, json: bool, map: &MapArg, out: &mut impl Write) -> std::io::Result<ExitCode> {
    let report = map.load(file);
    let Some(dataset) = &report.dataset else {
        for diagnostic in &report.diagnostics {
            writeln!(out, "{diagnostic}")?;
        }
        return Ok(ExitCode::FAILURE);
    };
    let summary = Summary::of(dataset);
    if json {
        serde_json::to_writer_pretty(&mut *out, &summary)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}", summary.title)?;
    writeln!(
        out,
        "{} actors, {} relations, {} evidence items from {} sources",
        summary.actors, summary.relations, summary.evidence, summary.sources
    )?;
    writeln!(out, "\nActors by kind:")?;
    for kind in dataset.known_actor_kinds() {
        if let Some(count) = summary.actors_by_kind.get(kind) {
            writeln!(out, "  {:<28}{count:>6}", dataset.actor_kind_label(kind))?;
        }
    }
    writeln!(out, "\nRelations by kind:")?;
    for (kind, count) in &summary.relations_by_kind {
        let label = dataset.relation_kind_label(kind);
        writeln!(out, "  {:<28}{count:>6}  ({kind})", label)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn convert(input: &Path, output: &Path, map: &MapArg, out: &mut impl Write) -> std::io::Result<ExitCode> {
    let report = map.load(input);
    for diagnostic in &report.diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    let Some(dataset) = &report.dataset else {
        writeln!(out, "{}: not converted", input.display())?;
        return Ok(ExitCode::FAILURE);
    };
    match save_path(dataset, output) {
        Ok(()) => {
            let format = Format::from_extension(output).map_or("?", Format::name);
            writeln!(
                out,
                "wrote {} actors and {} relations to {} ({format})",
                dataset.actors.len(),
                dataset.relations.len(),
                output.display()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            writeln!(out, "{}: {err}", output.display())?;
            Ok(ExitCode::FAILURE)
        }
    }
}
