//! `entente paths` and `entente metrics`: the app's questions, asked from a script.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use serde_json::{Value, json};

use crate::analysis::{CountedGraph, FoundPath, Hostile, Metrics, PathQuery, Trust, compute_metrics, find_paths};
use crate::io::load_path;
use crate::model::{
    Dataset, DatasetIndex, EvidenceFilter, KindFilter, PartialDate, QuoteChecks, QuoteFilter, Reliability, TimeWindow,
    Ungraded, ViewQuery, search_actors,
};

/// `--quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuotesArg {
    Any,
    Verified,
    Unverified,
}

impl From<QuotesArg> for QuoteFilter {
    fn from(arg: QuotesArg) -> Self {
        match arg {
            QuotesArg::Any => Self::Any,
            QuotesArg::Verified => Self::Verified,
            QuotesArg::Unverified => Self::Unverified,
        }
    }
}

/// Which relations count: the same filters as the app's legend and timeline.
#[derive(Debug, Clone, Args)]
pub struct CountedFilter {
    /// Only statements from sources graded this reliable or better (A to F).
    #[arg(long, value_name = "A-F", value_parser = parse_reliability)]
    pub min_reliability: Option<Reliability>,
    /// Only statements graded this credible or better (1 to 6).
    #[arg(long, value_name = "1-6", value_parser = clap::value_parser!(u8).range(1..=6))]
    pub min_credibility: Option<u8>,
    /// Statements with no grade fail a minimum grade (by default they pass: a grade not given
    /// is not a low grade). A relation with no statement at all never passes a minimum grade.
    #[arg(long)]
    pub ungraded_fails: bool,
    /// Only relations backed by at least this many statements that pass.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_statements: usize,
    /// Only relations backed by statements from at least this many distinct sources.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_sources: usize,
    /// Leave this source's statements out (by id; may be given more than once).
    #[arg(long, value_name = "SOURCE")]
    pub exclude_source: Vec<String>,
    /// Count only quotes found in their source's attached text (`verified`), or only those not
    /// (`unverified`: the ones to check by hand).
    #[arg(long, value_enum, default_value_t = QuotesArg::Any)]
    pub quotes: QuotesArg,
    /// Leave relations of this kind out (by id, e.g. `arms_supply`; may be given more than once).
    #[arg(long, value_name = "KIND")]
    pub hide_kind: Vec<String>,
    /// Only relations in force in this year (a date counts by its year: 2024 or 2024-06-01).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<PartialDate>,
}

fn parse_reliability(text: &str) -> Result<Reliability, String> {
    Reliability::ALL
        .into_iter()
        .find(|r| format!("{r:?}").eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| format!("expected a reliability grade from A (completely reliable) to F, found `{text}`"))
}

impl CountedFilter {
    pub(super) fn time_window(&self) -> Option<TimeWindow> {
        self.as_of.map(|d| TimeWindow::as_of(d.year))
    }

    pub(super) fn evidence(&self) -> EvidenceFilter {
        EvidenceFilter {
            min_reliability: self.min_reliability,
            min_credibility: self.min_credibility,
            ungraded: if self.ungraded_fails {
                Ungraded::Fails
            } else {
                Ungraded::Passes
            },
            min_items: self.min_statements,
            min_sources: self.min_sources,
            excluded_sources: self.exclude_source.iter().cloned().collect(),
            quotes: self.quotes.into(),
        }
    }

    fn graph(
        &self,
        dataset: &Dataset,
        index: &DatasetIndex,
        evidence: &EvidenceFilter,
        hostile: Hostile,
    ) -> CountedGraph {
        let kinds = KindFilter {
            hidden_relation_kinds: self.hide_kind.iter().cloned().collect(),
            ..KindFilter::default()
        };
        let query = ViewQuery {
            evidence,
            time: self.time_window(),
            ..ViewQuery::all(&kinds)
        };
        CountedGraph::of_view(dataset, index, &query, hostile)
    }
}

/// Loads a file for a question, printing its errors when it cannot be read.
pub(super) fn load(file: &Path, out: &mut impl Write) -> std::io::Result<Option<Dataset>> {
    let report = load_path(file);
    if report.dataset.is_none() {
        for diagnostic in &report.diagnostics {
            writeln!(out, "{diagnostic}")?;
        }
    }
    Ok(report.dataset)
}

/// An actor by id, else by name or alias (any case); else what it might have meant.
pub fn find_actor(dataset: &Dataset, index: &DatasetIndex, wanted: &str) -> Result<usize, String> {
    if let Some(at) = index.actor(wanted) {
        return Ok(at);
    }
    let named: Vec<usize> = (0..dataset.actors.len())
        .filter(|&a| {
            let actor = &dataset.actors[a];
            actor.name.eq_ignore_ascii_case(wanted.trim())
                || actor
                    .aliases
                    .iter()
                    .any(|alias| alias.eq_ignore_ascii_case(wanted.trim()))
        })
        .collect();
    let described = |a: usize| format!("{} (id `{}`)", dataset.actors[a].name, dataset.actors[a].id);
    match named.as_slice() {
        [one] => Ok(*one),
        [] => {
            let near: Vec<String> = search_actors(dataset, wanted, 3)
                .iter()
                .map(|m| described(m.actor))
                .collect();
            Err(if near.is_empty() {
                format!("no actor is called “{wanted}”")
            } else {
                format!("no actor is called “{wanted}”; did you mean {}?", near.join(", "))
            })
        }
        many => Err(format!(
            "“{wanted}” names {} actors: {}; give an id",
            many.len(),
            many.iter().map(|&a| described(a)).collect::<Vec<_>>().join(", ")
        )),
    }
}

pub struct PathsRequest<'a> {
    pub file: &'a Path,
    pub from: &'a str,
    pub to: &'a str,
    pub k: usize,
    pub directed: bool,
    pub avoid: Option<&'a str>,
    /// Follow relations of the kinds the dataset declares hostile (war, opposition).
    pub hostile: Hostile,
    pub filter: &'a CountedFilter,
    pub json: bool,
}

pub fn paths(request: &PathsRequest<'_>, out: &mut impl Write) -> std::io::Result<ExitCode> {
    let Some(dataset) = load(request.file, out)? else {
        return Ok(ExitCode::FAILURE);
    };
    let index = DatasetIndex::new(&dataset);
    let actors = [Some(request.from), Some(request.to), request.avoid]
        .map(|name| name.map(|n| find_actor(&dataset, &index, n)).transpose());
    let [Ok(Some(from)), Ok(Some(to)), Ok(avoid)] = actors else {
        for err in actors.into_iter().filter_map(Result::err) {
            writeln!(out, "{}: {err}", request.file.display())?;
        }
        return Ok(ExitCode::FAILURE);
    };
    let problem = if from == to {
        Some(format!("{} and {} are the same actor", request.from, request.to))
    } else if avoid.is_some_and(|a| a == from || a == to) {
        Some("the actor to avoid is one of the ends".to_owned())
    } else {
        None
    };
    if let Some(problem) = problem {
        writeln!(out, "{}: {problem}", request.file.display())?;
        return Ok(ExitCode::FAILURE);
    }
    let evidence = request.filter.evidence();
    let graph = request.filter.graph(&dataset, &index, &evidence, request.hostile);
    let query = PathQuery {
        k: request.k,
        follow_direction: request.directed,
        avoid,
        ..PathQuery::between(from, to)
    };
    let quotes = QuoteChecks::of(&dataset);
    let trust = Trust {
        dataset: &dataset,
        index: &index,
        filter: &evidence,
        quotes: &quotes,
    };
    let found = find_paths(&graph, &query, &trust);
    if request.json {
        let paths: Vec<Value> = found.iter().map(|p| path_json(p, &dataset)).collect();
        let answer = json!({
            "from": dataset.actors[from].id,
            "to": dataset.actors[to].id,
            "follow_direction": request.directed,
            "relations_counted": graph.relation_count(),
            "paths": paths,
        });
        serde_json::to_writer_pretty(&mut *out, &answer)?;
        writeln!(out)?;
    } else {
        let name = |a: usize| dataset.actors[a].name.as_str();
        let found_text = if found.is_empty() {
            "No path".to_owned()
        } else {
            crate::text::shortest_paths(found.len(), request.k)
        };
        let mut how = String::new();
        if let Some(avoided) = avoid {
            how.push_str(&format!(" avoiding {}", name(avoided)));
        }
        if request.directed {
            how.push_str(" following direction");
        }
        writeln!(
            out,
            "{found_text} from {} to {}{how} over the {} of {} relations that pass the filters",
            name(from),
            name(to),
            graph.relation_count(),
            dataset.relations.len(),
        )?;
        for (i, path) in found.iter().enumerate() {
            write_path(out, i + 1, path, &dataset)?;
        }
    }
    Ok(if found.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn write_path(out: &mut impl Write, number: usize, path: &FoundPath, dataset: &Dataset) -> std::io::Result<()> {
    let name = |a: usize| dataset.actors[a].name.as_str();
    let route: Vec<&str> = path.actors.iter().map(|&a| name(a)).collect();
    writeln!(out, "\n{number}. {}", route.join(" → "))?;
    for (h, hop) in path.hops.iter().enumerate() {
        let weakest = if path.weakest == Some(h) {
            "  ← weakest hop"
        } else {
            ""
        };
        let grade = hop.grade.map_or_else(|| "no evidence".to_owned(), |g| g.to_string());
        writeln!(out, "   {} – {} [{grade}]{weakest}", name(hop.from), name(hop.to))?;
        for relation in hop.relations.iter().filter_map(|&r| dataset.relations.get(r)) {
            writeln!(out, "      {}", crate::text::relation_line(dataset, relation))?;
        }
        if let Some(at) = hop.best
            && let Some(evidence) = dataset
                .relations
                .get(at.relation)
                .and_then(|r| r.evidence.get(at.evidence))
        {
            let speaker = evidence
                .speaker
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            writeln!(out, "      “{}”{speaker}", evidence.quote)?;
        }
    }
    Ok(())
}

fn path_json(path: &FoundPath, dataset: &Dataset) -> Value {
    let hops: Vec<Value> = path
        .hops
        .iter()
        .map(|hop| {
            let relations: Vec<Value> = hop
                .relations
                .iter()
                .filter_map(|&r| dataset.relations.get(r))
                .map(|r| {
                    json!({
                        "id": r.id,
                        "kind": r.kind,
                        "from": r.from,
                        "to": r.to,
                        "direction": r.direction,
                        "period": r.period,
                    })
                })
                .collect();
            let best = hop.best.and_then(|at| {
                let evidence = dataset.relations.get(at.relation)?.evidence.get(at.evidence)?;
                Some(json!({
                    "relation": dataset.relations[at.relation].id,
                    "quote": evidence.quote,
                    "speaker": evidence.speaker,
                    "source": evidence.source,
                }))
            });
            json!({
                "from": dataset.actors[hop.from].id,
                "to": dataset.actors[hop.to].id,
                "relations": relations,
                "best_evidence": best,
                "grade": hop.grade.map(|g| g.to_string()),
            })
        })
        .collect();
    json!({
        "actors": path.actors.iter().map(|&a| &dataset.actors[a].id).collect::<Vec<_>>(),
        "hops": hops,
        "weakest_hop": path.weakest,
    })
}

pub fn metrics(
    file: &Path,
    (filter, hostile): (&CountedFilter, Hostile),
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<ExitCode> {
    let Some(dataset) = load(file, out)? else {
        return Ok(ExitCode::FAILURE);
    };
    let index = DatasetIndex::new(&dataset);
    let evidence = filter.evidence();
    let metrics = compute_metrics(&filter.graph(&dataset, &index, &evidence, hostile));
    if json {
        serde_json::to_writer_pretty(&mut *out, &metrics_json(&metrics, &dataset))?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{} actors, {} counted, read as {} graph; {}, modularity {:.3}",
        dataset.actors.len(),
        crate::text::count(metrics.relations, "relation"),
        if metrics.directed {
            "a directed"
        } else {
            "an undirected"
        },
        crate::text::count(metrics.blocs.iter().filter(|b| b.len() > 1).count(), "bloc"),
        metrics.modularity
    )?;
    if let Some(k) = metrics.betweenness_sampled_from {
        writeln!(out, "betweenness estimated from {k} sampled source actors")?;
    }
    writeln!(
        out,
        "\n{:<28} {:>6} {:>4} {:>4} {:>11} {:>11} {:>9} {:>5}",
        "actor", "degree", "in", "out", "betweenness", "eigenvector", "pagerank", "bloc"
    )?;
    let mut order: Vec<usize> = (0..dataset.actors.len()).collect();
    order.sort_by(|&a, &b| metrics.actors[b].betweenness.total_cmp(&metrics.actors[a].betweenness));
    for a in order {
        let m = &metrics.actors[a];
        let eigen = m.eigenvector.map_or_else(|| "–".to_owned(), crate::text::measure);
        let name: String = dataset.actors[a].name.chars().take(28).collect();
        // An actor alone in its bloc is in none.
        let bloc = if metrics.blocs.get(m.bloc).is_some_and(|b| b.len() > 1) {
            (m.bloc + 1).to_string()
        } else {
            "–".to_owned()
        };
        writeln!(
            out,
            "{name:<28} {:>6} {:>4} {:>4} {:>11} {eigen:>11} {:>9} {bloc:>5}",
            m.degree,
            m.degree_in,
            m.degree_out,
            crate::text::measure(m.betweenness),
            crate::text::measure(m.pagerank),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn metrics_json(metrics: &Metrics, dataset: &Dataset) -> Value {
    let actors: Vec<Value> = metrics
        .actors
        .iter()
        .zip(&dataset.actors)
        .map(|(m, actor)| {
            json!({
                "id": actor.id,
                "name": actor.name,
                "degree": m.degree,
                "in_degree": m.degree_in,
                "out_degree": m.degree_out,
                "betweenness": m.betweenness,
                "eigenvector": m.eigenvector,
                "pagerank": m.pagerank,
                "bloc": metrics.blocs.get(m.bloc).filter(|b| b.len() > 1).map(|_| m.bloc + 1),
            })
        })
        .collect();
    let blocs: Vec<Vec<&str>> = metrics
        .blocs
        .iter()
        .map(|members| members.iter().map(|&a| dataset.actors[a].id.as_str()).collect())
        .collect();
    json!({
        "directed": metrics.directed,
        "relations_counted": metrics.relations,
        "betweenness_sampled_from": metrics.betweenness_sampled_from,
        "modularity": metrics.modularity,
        "actors": actors,
        "blocs": blocs,
    })
}
