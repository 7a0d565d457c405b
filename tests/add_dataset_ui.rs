//! File › Add Dataset in the real app: the user reviews which actors are which, corrects a
//! match, and sees the record and the news story side by side, each with its source.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;

mod common;

use common::{actor, app_with, run_until_idle};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reference")
        .join(name)
}

/// The built-in dataset with `file` read for adding and its review on screen.
fn reviewing(file: &str) -> Harness<'static, App> {
    let mut harness = app_with(None);
    harness.state_mut().add_dataset_path(&fixture(file));
    run_until_idle(&mut harness);
    assert!(
        harness.state().is_reviewing_added_dataset(),
        "the review opens once the file is read"
    );
    harness.get_by_label(&format!("Add “{file}” to this dataset"));
    harness
}

/// The treaty relations between two actors, as (from, to, source ids).
const ARTICLE: &str = "newsweek-nk-partnerships";
const CHRONOLOGY: &str = "entente-nk-chronology";
const COW: &str = "cow-formal-alliances";

/// The sources of each treaty between `a` and `b`, sorted.
fn treaties(harness: &Harness<'_, App>, a: &str, b: &str) -> Vec<Vec<String>> {
    let mut found = harness
        .state()
        .dataset()
        .relations
        .iter()
        .filter(|r| r.kind == "treaty")
        .filter(|r| (r.from == a && r.to == b) || (r.from == b && r.to == a))
        .map(|r| {
            let mut sources: Vec<String> = r.evidence.iter().map(|e| e.source.clone()).collect();
            sources.sort();
            sources.dedup();
            sources
        })
        .collect::<Vec<_>>();
    found.sort();
    found
}

#[test]
fn adding_cow_records_shows_them_beside_the_articles_claims_with_their_sources() {
    let mut harness = reviewing("cow_alliance_by_dyad.csv");
    let before = harness.state().dataset().relations.len();
    let actors_before = harness.state().dataset().actors.len();
    // The review says what it proposes and why.
    assert_eq!(harness.query_all_by_label("same name").count(), 3);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::ComboBox, "Soviet Union")
            .value()
            .as_deref(),
        Some("Soviet Union"),
        "COW 365 in 1961 is proposed as the Soviet Union"
    );
    harness.get_by_label("Add to dataset").click();
    // The merge runs on a thread of its own.
    run_until_idle(&mut harness);

    let app = harness.state();
    assert!(!app.is_reviewing_added_dataset());
    assert_eq!(app.dataset().relations.len(), before + 2);
    assert_eq!(
        app.dataset().actors.len(),
        actors_before,
        "every actor was matched; none added"
    );
    assert!(app.has_unsaved_edits(), "an added dataset is an edit to save");
    // The record sits beside the dataset's own 1961 treaty, dated from the chronology:
    // one edge per source, never merged into one.
    assert_eq!(
        treaties(&harness, "soviet_union", "north_korea"),
        [vec![COW.to_owned()], vec![CHRONOLOGY.to_owned()]]
    );
    assert_eq!(
        treaties(&harness, "russia", "north_korea"),
        [
            vec![CHRONOLOGY.to_owned()],
            vec![CHRONOLOGY.to_owned(), ARTICLE.to_owned()]
        ],
        "the 2024 treaty (article and chronology) and the 2000 treaty (chronology)"
    );

    // North Korea's panel tells which source each treaty comes from.
    harness.get_by_role_and_label(Role::Button, "North Korea").click();
    harness.run_steps(4);
    harness.get_by_label("⇄ Soviet Union  (since 6 July 1961)");
    assert!(harness.query_all_by_label("from Correlates of War Project").count() >= 2);
    assert!(harness.query_all_by_label("from Newsweek").count() >= 1);
}

#[test]
fn a_corrected_match_puts_both_treaties_between_russia_and_north_korea() {
    let mut harness = reviewing("cow_alliance_by_dyad.csv");
    harness.get_by_role_and_label(Role::ComboBox, "Soviet Union").click();
    harness.run_steps(2);
    // The drop-down lists every actor of the dataset; Russia is the user's correction.
    // The actor list behind the dialog has a Russia button too; the drop-down's is drawn last.
    let option = harness
        .query_all_by_role_and_label(Role::Button, "Russia")
        .last()
        .unwrap_or_else(|| panic!("Russia in the drop-down"))
        .rect()
        .center();
    common::click_at(&mut harness, option);
    harness.get_by_label("your choice");
    harness.get_by_label("Add to dataset").click();
    // The merge runs on a thread of its own.
    run_until_idle(&mut harness);
    assert_eq!(
        treaties(&harness, "russia", "north_korea"),
        [
            vec![COW.to_owned()],
            vec![CHRONOLOGY.to_owned()],
            vec![CHRONOLOGY.to_owned(), ARTICLE.to_owned()]
        ],
        "the record beside the dataset's own treaties, an edge per source"
    );
    assert_eq!(
        treaties(&harness, "soviet_union", "north_korea"),
        [vec![CHRONOLOGY.to_owned()]],
        "only the dataset's own 1961 treaty is left with the Soviet Union"
    );
}

#[test]
fn cancelling_the_review_leaves_the_dataset_as_it_was() {
    let mut harness = reviewing("sipri_trade_register.csv");
    let before = harness.state().dataset().clone();
    harness.key_press_modifiers(Modifiers::NONE, Key::Escape);
    harness.run_steps(3);
    assert!(!harness.state().is_reviewing_added_dataset());
    assert_eq!(harness.state().dataset(), &before);
    assert!(!harness.state().has_unsaved_edits());
}

#[test]
fn sipri_deals_added_to_the_built_in_dataset_bring_new_actors_and_match_the_old() {
    let mut harness = reviewing("sipri_trade_register.csv");
    let summary = "Its 3 relations are added as separate edges beside the ones already here, each with its own sources, \
                   so you can see where they agree. Check which actor each of its 5 actors is: 4 match actors already here; \
                   the other one will be added as a new actor.";
    harness.get_by_label(summary);
    harness.get_by_label("Add to dataset").click();
    // The merge runs on a thread of its own.
    run_until_idle(&mut harness);
    let app = harness.state();
    let names: Vec<&str> = app.dataset().actors.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.contains(&"Houthi rebels (Yemen)"),
        "an unmatched recipient is added"
    );
    assert_eq!(
        names.iter().filter(|n| **n == "North Korea").count(),
        1,
        "North Korea is matched, not doubled"
    );
    let north_korea = &app.dataset().actors[actor(&harness, "North Korea")].id;
    let supplies = app
        .dataset()
        .relations
        .iter()
        .filter(|r| r.kind == "arms_supply" && &r.from == north_korea && r.to == "russia")
        .count();
    assert_eq!(
        supplies, 2,
        "the article's munitions claim and SIPRI's deals, side by side"
    );
}

#[test]
fn actors_brought_in_by_an_added_file_are_in_view_once_laid_out() {
    let mut harness = reviewing("sipri_trade_register.csv");
    harness.get_by_label("Add to dataset").click();
    run_until_idle(&mut harness);
    harness.run_steps(200);
    let app = harness.state();
    // A node is drawn about 20 points across: its middle must be that far inside the canvas.
    let area = app.graph_area().shrink(20.0);
    for (index, actor) in app.dataset().actors.iter().enumerate() {
        let at = app.actor_screen_position(index);
        assert!(
            at.is_some_and(|p| area.contains(p)),
            "{} is drawn at {at:?}, outside {area:?}",
            actor.name
        );
    }
}

#[test]
fn a_file_that_cannot_be_added_says_why_and_changes_nothing() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("alliances.csv");
    std::fs::write(&path, "version4id,ccode1,ccode2\n1,2,20\n").unwrap_or_else(|e| panic!("{e}"));
    let mut harness = app_with(None);
    let before = harness.state().dataset().relations.len();
    harness.state_mut().add_dataset_path(&path);
    run_until_idle(&mut harness);
    assert!(!harness.state().is_reviewing_added_dataset());
    harness.get_by_label("Could not add alliances.csv");
    assert_eq!(harness.state().dataset().relations.len(), before);
}

/// Selects `actor` in the actor list, then the relation listed as `row` in its panel.
fn open_relation_of(harness: &mut Harness<'_, App>, actor: &str, row: &str) {
    harness.get_by_role_and_label(Role::Button, actor).click();
    harness.run_steps(4);
    harness.get_by_label(row).click();
    harness.run_steps(4);
}

/// A figure from a source is shown with its words in quote marks; a figure Entente worked out
/// (a sum over SIPRI's deals) is shown with how it was worked out, never as a quotation.
#[test]
fn a_worked_out_figure_is_never_shown_as_a_quotation() {
    let mut harness = app_with(Some("tests/data/reference/sipri_trade_register.csv"));
    open_relation_of(&mut harness, "North Korea", "→ Russia  (2022–2024)");
    harness.get_by_label("50 SIPRI TIV (millions)");
    harness.get_by_label("The sum of 'SIPRI TIV of delivered weapons' over 2 deals.");

    let mut harness = app_with(None);
    open_relation_of(&mut harness, "North Korea", "→ Russia  (since September 2022)");
    harness.get_by_label("5,000,000 artillery shells");
    harness.get_by_label("“perhaps as many as 5 million shells over the last year”");
}

#[test]
fn a_file_dropped_with_shift_held_is_added_not_opened() {
    let mut harness = app_with(None);
    harness.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    common::drop_file(&mut harness, &fixture("cow_alliance_by_dyad.csv").display().to_string());
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    run_until_idle(&mut harness);
    assert!(
        harness.state().is_reviewing_added_dataset(),
        "Shift and drop adds, after the review"
    );
    assert_eq!(
        harness.state().origin(),
        &entente::Origin::BuiltIn,
        "nothing was opened"
    );
}
