//! A briefing as one self-contained HTML file: no script, nothing fetched, the graph inline as
//! SVG, a print stylesheet, and the structure a screen reader relies on (headings, captioned
//! tables with header cells, the graph described in words).

use std::fmt::Write;

use quick_xml::escape::escape;

use super::content::{BriefRelation, Briefing, Citation};
use crate::model::QuoteCheck;

const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Ubuntu, sans-serif; color: #1d1d1f; margin: 2rem auto;
  max-width: 62rem; padding: 0 1.25rem; line-height: 1.5; }
h1 { font-size: 1.9rem; margin-bottom: .25rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #d0d0d5; padding-bottom: .2rem; margin-top: 2.2rem; }
.lede { color: #444; }
.filters { background: #f4f5f7; border-radius: 6px; padding: .6rem 1rem .6rem 2rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid #e2e2e6; }
figcaption { color: #555; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; color: #555; padding-bottom: .3rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #e2e2e6; }
th { background: #f4f5f7; }
a { color: #1d4f91; }
ol.citations { list-style: none; padding-left: 0; }
ol.citations li { margin: 0 0 1rem; padding-left: 2.6rem; text-indent: -2.6rem; }
.n { display: inline-block; width: 2.6rem; text-indent: 0; font-weight: 600; }
blockquote { margin: 0 0 .2rem; display: inline; font-style: italic; }
.meta { display: block; text-indent: 0; color: #444; font-size: .93rem; }
.verified { color: #1b6b2f; } .not-found { color: #a33b00; font-weight: 600; } .no-text { color: #666; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  section { break-before: page; }
  section.first { break-before: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^='http']::after { content: ' (' attr(href) ')'; font-size: .85em; word-break: break-all; }
  tr, li { break-inside: avoid; }
}
";

/// The briefing as HTML, `svg` (the graph as drawn) inline.
pub fn briefing_html(briefing: &Briefing, svg: &str) -> String {
    let mut out = String::new();
    let title = escape(briefing.title.as_str());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Entente\">\n<title>{title} — briefing</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    let _ = writeln!(out, "<header>\n<h1>{title}</h1>");
    if let Some(description) = &briefing.description {
        let _ = writeln!(out, "<p class=\"lede\">{}</p>", escape(description.as_str()));
    }
    let _ = writeln!(
        out,
        "<h2 id=\"filters\">What this briefing shows</h2>\n<ul class=\"filters\">"
    );
    for filter in &briefing.filters {
        let _ = writeln!(out, "<li>{}</li>", escape(filter.as_str()));
    }
    let _ = writeln!(
        out,
        "<li>{} and {}, as drawn below</li>\n</ul>\n</header>\n<main>",
        crate::text::count(briefing.relations.len(), "relation"),
        crate::text::count(briefing.citations.len(), "citation")
    );
    graph(&mut out, briefing, svg);
    relations(&mut out, &briefing.relations);
    citations(&mut out, &briefing.citations);
    sources(&mut out, briefing);
    let _ = writeln!(
        out,
        "<section id=\"caveats\">\n<h2>What the evidence does not establish</h2>\n<ul>"
    );
    if briefing.caveats.is_empty() {
        let _ = writeln!(
            out,
            "<li>Every relation shown is dated, sourced and its quotes verified.</li>"
        );
    }
    for caveat in &briefing.caveats {
        let _ = writeln!(out, "<li>{}</li>", escape(caveat.as_str()));
    }
    let _ = writeln!(
        out,
        "</ul>\n<p>Quotes are copied verbatim from their sources; what the sources do not say is left unknown.</p>\n</section>\n</main>\n</body>\n</html>"
    );
    out
}

fn graph(out: &mut String, briefing: &Briefing, svg: &str) {
    let description = escape(briefing.graph_description.as_str());
    // The picture is an image to a screen reader, described in words; its own title stays.
    let svg = svg
        .trim()
        .replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{description}\" "), 1);
    let _ = writeln!(
        out,
        "<section id=\"graph\" class=\"first\">\n<h2>The graph</h2>\n<figure>\n{svg}\n<figcaption>{description} \
         Lines are coloured and dashed by kind; an arrow points from the first actor of a one-way relation to the second.</figcaption>\n</figure>\n</section>"
    );
}

fn relations(out: &mut String, relations: &[BriefRelation]) {
    let _ = writeln!(
        out,
        "<section id=\"relations\">\n<h2>Relations</h2>\n<table>\n<caption>Every relation drawn, with the citations \
         that support it.</caption>\n<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">From</th>\
         <th scope=\"col\">Direction</th><th scope=\"col\">To</th><th scope=\"col\">Period</th>\
         <th scope=\"col\">Magnitude, as stated</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>"
    );
    for relation in relations {
        let links: Vec<String> = relation
            .citations
            .iter()
            .map(|n| format!("<a href=\"#c{n}\">[{n}]</a>"))
            .collect();
        let evidence = if links.is_empty() {
            "none".to_owned()
        } else {
            links.join(" ")
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{evidence}</td></tr>",
            escape(relation.kind.as_str()),
            escape(relation.from.as_str()),
            if relation.mutual {
                "mutual\u{a0}⇄"
            } else {
                "one\u{a0}way\u{a0}→"
            },
            escape(relation.to.as_str()),
            escape(relation.period.as_str()),
            escape(relation.magnitude.as_deref().unwrap_or("—")),
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");
}

fn citations(out: &mut String, citations: &[Citation]) {
    let _ = writeln!(
        out,
        "<section id=\"evidence\">\n<h2>Evidence</h2>\n<ol class=\"citations\">"
    );
    for citation in citations {
        let n = citation.number;
        let _ = write!(
            out,
            "<li id=\"c{n}\"><span class=\"n\">[{n}]</span><blockquote>“{}”</blockquote>",
            escape(citation.quote.as_str())
        );
        let mut said = Vec::new();
        if let Some(speaker) = &citation.speaker {
            let who = match &citation.role {
                Some(role) => format!("{speaker}, {role}"),
                None => speaker.clone(),
            };
            said.push(format!("— {}", escape(who.as_str())));
        }
        let source = match &citation.outlet {
            Some(outlet) => format!(
                "{}: {}",
                escape(outlet.as_str()),
                escape(citation.source_title.as_str())
            ),
            None => escape(citation.source_title.as_str()).into_owned(),
        };
        said.push(format!("<cite>{source}</cite>"));
        said.push(
            citation
                .date
                .as_ref()
                .map_or_else(|| "date unknown".to_owned(), |d| escape(d.as_str()).into_owned()),
        );
        if let Some(locator) = &citation.locator {
            said.push(escape(locator.as_str()).into_owned());
        }
        if let Some(url) = citation.url.as_ref().filter(|u| crate::model::is_web_link(u)) {
            let url = escape(url.as_str());
            said.push(format!("<a href=\"{url}\">{url}</a>"));
        }
        said.extend(citation.grades_in_words().map(|g| escape(g.as_str()).into_owned()));
        let class = match &citation.check {
            QuoteCheck::Verified { .. } => "verified",
            QuoteCheck::NotFound => "not-found",
            QuoteCheck::NoText => "no-text",
        };
        said.push(format!(
            "<span class=\"{class}\">{}</span>",
            escape(citation.check_in_words())
        ));
        let _ = writeln!(out, "<span class=\"meta\">{}</span></li>", said.join(" · "));
    }
    let _ = writeln!(out, "</ol>\n</section>");
}

fn sources(out: &mut String, briefing: &Briefing) {
    let _ = writeln!(
        out,
        "<section id=\"sources\">\n<h2>Sources</h2>\n<table>\n<caption>The sources cited, with their reliability \
         (Admiralty scale, A to F).</caption>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Outlet</th>\
         <th scope=\"col\">Published</th><th scope=\"col\">Reliability</th><th scope=\"col\">Cited</th></tr></thead>\n<tbody>"
    );
    for source in &briefing.sources {
        let title = escape(source.title.as_str());
        let title = match source.url.as_ref().filter(|u| crate::model::is_web_link(u)) {
            Some(url) => format!("<a href=\"{}\">{title}</a>", escape(url.as_str())),
            None => title.into_owned(),
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{title}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(source.outlet.as_deref().unwrap_or("—")),
            escape(source.published.as_deref().unwrap_or("unknown")),
            escape(source.reliability.as_deref().unwrap_or("not graded")),
            crate::text::count(source.cited, "time"),
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");
}
