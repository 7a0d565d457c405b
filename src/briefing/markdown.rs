//! A briefing as Markdown, for pasting into documents: the same content as the HTML, the graph
//! as an SVG file beside it.

use std::fmt::Write;

use super::content::Briefing;

/// The briefing as Markdown; `graph_file` is the SVG's name, relative to the Markdown file.
pub fn briefing_markdown(briefing: &Briefing, graph_file: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", briefing.title);
    if let Some(description) = &briefing.description {
        let _ = writeln!(out, "{description}\n");
    }
    let _ = writeln!(out, "## What this briefing shows\n");
    for filter in &briefing.filters {
        let _ = writeln!(out, "- {filter}");
    }
    let _ = writeln!(
        out,
        "- {} and {}, as drawn below\n",
        crate::text::count(briefing.relations.len(), "relation"),
        crate::text::count(briefing.citations.len(), "citation")
    );
    let _ = writeln!(out, "## The graph\n\n![{}]({graph_file})\n", briefing.graph_description);
    let _ = writeln!(
        out,
        "## Relations\n\n| Kind | From | Direction | To | Period | Magnitude, as stated | Evidence |\n|---|---|---|---|---|---|---|"
    );
    for relation in &briefing.relations {
        let evidence: Vec<String> = relation.citations.iter().map(|n| format!("[{n}]")).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&relation.kind),
            cell(&relation.from),
            if relation.mutual { "mutual ⇄" } else { "one way →" },
            cell(&relation.to),
            cell(&relation.period),
            cell(relation.magnitude.as_deref().unwrap_or("—")),
            if evidence.is_empty() {
                "none".to_owned()
            } else {
                evidence.join(" ")
            }
        );
    }
    let _ = writeln!(out, "\n## Evidence\n");
    for citation in &briefing.citations {
        // The quote stands on lines of its own, exactly as the dataset has it.
        let _ = writeln!(out, "[{}] “{}”\n", citation.number, citation.quote);
        let mut said = Vec::new();
        if let Some(speaker) = &citation.speaker {
            said.push(match &citation.role {
                Some(role) => format!("— {speaker}, {role}"),
                None => format!("— {speaker}"),
            });
        }
        said.push(match &citation.outlet {
            Some(outlet) => format!("*{outlet}: {}*", citation.source_title),
            None => format!("*{}*", citation.source_title),
        });
        said.push(citation.date.clone().unwrap_or_else(|| "date unknown".to_owned()));
        said.extend(citation.locator.clone());
        said.extend(citation.url.as_ref().map(|u| format!("<{u}>")));
        said.extend(citation.grades_in_words());
        said.push(citation.check_in_words().to_owned());
        let _ = writeln!(out, "    {}\n", said.join(" · "));
    }
    let _ = writeln!(
        out,
        "## Sources\n\n| Source | Outlet | Published | Reliability | Cited |\n|---|---|---|---|---|"
    );
    for source in &briefing.sources {
        let title = match &source.url {
            Some(url) => format!("[{}]({url})", cell(&source.title)),
            None => cell(&source.title),
        };
        let _ = writeln!(
            out,
            "| {title} | {} | {} | {} | {} |",
            cell(source.outlet.as_deref().unwrap_or("—")),
            cell(source.published.as_deref().unwrap_or("unknown")),
            cell(source.reliability.as_deref().unwrap_or("not graded")),
            crate::text::count(source.cited, "time")
        );
    }
    let _ = writeln!(out, "\n## What the evidence does not establish\n");
    for caveat in &briefing.caveats {
        let _ = writeln!(out, "- {caveat}");
    }
    let _ = writeln!(
        out,
        "\nQuotes are copied verbatim from their sources; what the sources do not say is left unknown."
    );
    out
}

/// A table cell: a pipe would end it, a line break the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
