//! File › Export Briefing: the view as the user has filtered it, written for a reader.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use scraper::{Html, Selector};

mod common;

#[test]
fn the_briefing_of_the_view_cites_what_is_shown_and_says_what_was_left_out() {
    let mut harness = common::app_with(None);
    // Troop deployments left out of the view.
    harness
        .get_by_role_and_label(Role::CheckBox, "Troop deployment")
        .click();
    harness.run_steps(3);
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("view.html");
    harness.state_mut().export_briefing(&path);
    harness.run_steps(2);
    let said = harness.state().status_message().unwrap_or_default().to_owned();
    assert!(said.starts_with("Exported a briefing of 26 relations with "), "{said}");

    let page = Html::parse_document(&std::fs::read_to_string(&path).unwrap_or_default());
    let select = |css: &str| Selector::parse(css).unwrap_or_else(|e| panic!("{e}"));
    let filters: Vec<String> = page
        .select(&select("ul.filters li"))
        .map(|l| l.text().collect())
        .collect();
    let kinds = filters
        .iter()
        .find(|f| f.starts_with("Kinds shown: "))
        .unwrap_or_else(|| panic!("the kinds are stated: {filters:?}"));
    assert!(
        !kinds.contains("Troop deployment") && kinds.contains("Arms supply"),
        "{kinds}"
    );
    let dataset = harness.state().dataset();
    let cited: Vec<String> = page
        .select(&select("ol.citations blockquote"))
        .map(|q| q.text().collect::<String>())
        .collect();
    let expected: Vec<String> = dataset
        .relations
        .iter()
        .filter(|r| r.kind != "troop_deployment")
        .flat_map(|r| r.evidence.iter().map(|e| format!("“{}”", e.quote)))
        .collect();
    assert_eq!(cited, expected);
    // The graph is the one on screen: no troop deployment drawn.
    let svg: String = page.select(&select("figure svg")).map(|s| s.html()).collect();
    assert!(svg.contains("north-korea-arms-to-iran") && !svg.contains("north-korea-troops-to-russia"));
    // The File menu is where a user finds it.
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export Briefing…");
}
