//! Briefings as a reader gets them: `entente report` writes HTML that parses cleanly, opens
//! in a real browser (headless Chromium) with its citations in the page, quotes every piece of
//! evidence byte for byte, and says what it does not establish; Markdown carries the same.

use std::path::{Path, PathBuf};
use std::process::Command;

use entente::io::load_path;
use scraper::{Html, Selector};

const BUILT_IN: &str = "data/north-korea-alliances.json";

fn report(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let name = args.first().copied().unwrap_or("briefing.html");
    let path = folder.path().join(name);
    let output = Command::new(env!("CARGO_BIN_EXE_entente"))
        .arg("report")
        .arg(BUILT_IN)
        .arg("-o")
        .arg(&path)
        .args(args.get(1..).unwrap_or_default())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run entente: {e}"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    (folder, path)
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"))
}

/// Each blockquote's words, without the quotation marks the briefing puts round them.
fn quotes_in(page: &Html) -> Vec<String> {
    page.select(&selector("ol.citations blockquote"))
        .map(|q| {
            let text: String = q.text().collect();
            text.trim_start_matches('“').trim_end_matches('”').to_owned()
        })
        .collect()
}

#[test]
fn the_html_briefing_parses_cleanly_and_quotes_every_item_byte_for_byte_in_order() {
    let (_folder, path) = report(&["briefing.html"]);
    let html = std::fs::read_to_string(&path).unwrap_or_default();
    let page = Html::parse_document(&html);
    assert!(page.errors.is_empty(), "HTML parse errors: {:?}", page.errors);
    let dataset = load_path(Path::new(BUILT_IN))
        .dataset
        .unwrap_or_else(|| panic!("opens"));
    let expected: Vec<&str> = dataset
        .relations
        .iter()
        .flat_map(|r| r.evidence.iter().map(|e| e.quote.as_str()))
        .collect();
    assert_eq!(
        quotes_in(&page),
        expected,
        "every quote, as the dataset has it, in order"
    );
    // A real document: one h1, headed sections, tables with header cells, the graph described.
    assert_eq!(page.select(&selector("h1")).count(), 1);
    let headings: Vec<String> = page.select(&selector("h2")).map(|h| h.text().collect()).collect();
    for wanted in [
        "The graph",
        "Relations",
        "Evidence",
        "Sources",
        "What the evidence does not establish",
    ] {
        assert!(headings.iter().any(|h| h == wanted), "{wanted} in {headings:?}");
    }
    assert_eq!(page.select(&selector("table thead th[scope=col]")).count(), 12);
    let graph = page
        .select(&selector("figure svg[role=img]"))
        .next()
        .unwrap_or_else(|| panic!("the graph"));
    assert!(
        graph
            .value()
            .attr("aria-label")
            .is_some_and(|l| l.starts_with("A graph of 15 actors"))
    );
    // Every relation's citations link to items that exist, and nothing is fetched.
    for link in page.select(&selector("table a[href^='#c']")) {
        let target = link
            .value()
            .attr("href")
            .unwrap_or_default()
            .trim_start_matches('#')
            .to_owned();
        assert!(
            page.select(&selector(&format!("li[id='{target}']"))).next().is_some(),
            "{target}"
        );
    }
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"));
    // What the evidence leaves open is said in words.
    let caveats: String = page.select(&selector("#caveats")).flat_map(|c| c.text()).collect();
    assert!(
        caveats.contains("could not be checked against their source's own text"),
        "the article's quotes: {caveats}"
    );
}

#[test]
fn the_filters_are_stated_and_decide_what_is_cited() {
    let (_folder, path) = report(&[
        "iran.html",
        "--focus",
        "Iran",
        "--min-reliability",
        "B",
        "--ungraded-fails",
        "--as-of",
        "1990",
    ]);
    let html = std::fs::read_to_string(&path).unwrap_or_default();
    let page = Html::parse_document(&html);
    let filters: Vec<String> = page
        .select(&selector("ul.filters li"))
        .map(|l| l.text().collect())
        .collect();
    assert_eq!(filters[0], "As of 1990");
    assert_eq!(filters[1], "Around Iran: 1 link out");
    assert_eq!(filters[2], "Only sources graded B (usually reliable) or better");
    assert_eq!(filters[3], "Ungraded statements left out");
    // No source of the built-in dataset is graded: with ungraded ones left out, nothing is cited.
    assert!(quotes_in(&page).is_empty(), "{html}");
}

#[test]
fn the_markdown_briefing_has_the_same_quotes_and_the_graph_beside_it() {
    let (folder, path) = report(&["briefing.md", "--kinds", "arms_supply"]);
    let markdown = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(markdown.contains("![A graph of"));
    assert!(markdown.contains("](briefing.svg)"));
    let svg = std::fs::read_to_string(folder.path().join("briefing.svg")).unwrap_or_default();
    assert!(svg.starts_with("<svg") && svg.contains("north-korea-arms-to-iran"));
    let dataset = load_path(Path::new(BUILT_IN))
        .dataset
        .unwrap_or_else(|| panic!("opens"));
    let arms: Vec<&str> = dataset
        .relations
        .iter()
        .filter(|r| r.kind == "arms_supply")
        .flat_map(|r| r.evidence.iter().map(|e| e.quote.as_str()))
        .collect();
    assert!(!arms.is_empty());
    for (n, quote) in arms.iter().enumerate() {
        assert!(
            markdown.contains(&format!("[{}] “{quote}”\n", n + 1)),
            "[{}] {quote}",
            n + 1
        );
    }
    assert!(!markdown.contains("Troop deployment |"), "only the kinds asked for");
}

/// The browser a reader opens the file with.
fn chromium() -> &'static str {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return name;
        }
    }
    panic!("no Chromium to open the briefing with: scripts/setup.sh installs Debian's `chromium`");
}

#[test]
fn a_browser_shows_the_briefing_with_its_first_citation_and_draws_it_on_the_page() {
    let (folder, path) = report(&["briefing.html"]);
    let browser = chromium();
    let url = format!("file://{}", path.display());
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
    ];
    // The page as the browser built it: citation [1]'s quote is in it.
    let dom = Command::new(browser)
        .args(common)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap_or_else(|e| panic!("{browser}: {e}"));
    let page = Html::parse_document(&String::from_utf8_lossy(&dom.stdout));
    let first = page
        .select(&selector("li#c1 blockquote"))
        .next()
        .map(|q| q.text().collect::<String>())
        .unwrap_or_else(|| panic!("the browser's page has citation [1]"));
    let dataset = load_path(Path::new(BUILT_IN))
        .dataset
        .unwrap_or_else(|| panic!("opens"));
    let quote = &dataset.relations[0].evidence[0].quote;
    assert_eq!(first, format!("“{quote}”"));
    // And what it draws is not blank: the graph and the text take a fair share of the page.
    let shot = folder.path().join("briefing.png");
    let status = Command::new(browser)
        .args(common)
        .arg("--window-size=1200,1600")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap_or_else(|e| panic!("{browser}: {e}"));
    assert!(shot.exists(), "{}", String::from_utf8_lossy(&status.stderr));
    let image = image::open(&shot).unwrap_or_else(|e| panic!("{e}")).to_rgb8();
    let inked = image.pixels().filter(|p| p.0.iter().any(|c| *c < 200)).count();
    let share = inked as f64 / f64::from(image.width() * image.height());
    assert!(share > 0.03, "only {share:.3} of the page is drawn on");
}
