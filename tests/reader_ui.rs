//! The reader: a source's text attached from a file, read with its paragraphs numbered and its
//! quoted passages marked, and a passage selected there quoted as evidence onto a new relation.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, Queryable};
use entente::App;
use entente::model::QuoteCheck;
use entente::ui::Selection;

mod common;

/// Where the details panel starts at 1280 points wide (the reader sits left of it).
const DETAILS_X: f32 = 905.0;

/// Clicks the topmost `label` in the details panel.
fn click_in_details(harness: &mut Harness<'_, App>, label: &str) {
    harness
        .get_all_by_label(label)
        .filter(|n| n.rect().min.x > DETAILS_X)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| panic!("no {label} in the details panel"))
        .click();
    harness.run_steps(3);
}

fn article() -> Option<(std::path::PathBuf, String)> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/north-korea-alliances-article.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((path, text)),
        Err(_) => {
            eprintln!("not run: {} is not present", path.display());
            None
        }
    }
}

/// Selects `passage` of the reader's paragraph that holds it, as a keyboard user does: the
/// paragraph focused, the cursor taken to its start, moved to the passage and stretched over it.
fn select_in_reader(harness: &mut Harness<'_, App>, passage: &str) {
    let text = harness.get_by(paragraph_with(passage)).value().unwrap_or_default();
    harness.get_by(paragraph_with(passage)).focus();
    harness.run_steps(1);
    let start = text
        .find(passage)
        .unwrap_or_else(|| panic!("{passage} is not in the paragraph"));
    harness.key_press_modifiers(Modifiers::CTRL, Key::Home);
    for _ in 0..text[..start].chars().count() {
        harness.key_press(Key::ArrowRight);
    }
    for _ in 0..passage.chars().count() {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    harness.run_steps(3);
}

/// The reader's paragraph holding `passage`.
fn paragraph_with(passage: &str) -> impl Fn(&AccessKitNode<'_>) -> bool + '_ {
    move |n| n.role() == Role::MultilineTextInput && n.value().is_some_and(|v| v.contains(passage))
}

#[test]
fn the_up_to_10000_sentence_quoted_from_the_attached_article_is_verified_evidence_of_a_new_relation() {
    let Some((path, text)) = article() else { return };
    let mut harness = common::app_with(None);
    let relations_before = harness.state().dataset().relations.len();

    // The article's text, dropped on its source's Edit form (the first source in the overview).
    click_in_details(&mut harness, "Edit");
    common::drop_file(&mut harness, &path.to_string_lossy());
    harness.get_by_label_contains("Read from north-korea-alliances-article.txt: plain text, UTF-8");
    click_in_details(&mut harness, "Save");

    // Read it: one numbered paragraph per line, and the passages already quoted linked.
    click_in_details(&mut harness, "Read");
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    harness.get_by_label_contains(&format!("{lines} lines"));
    let troops = common::relation(&harness, "north-korea-troops-to-russia");
    for click in [false, true] {
        let link = harness
            .get_all_by_label_contains("Troop deployment: North Korea → Russia")
            .find(|n| n.rect().max.x < DETAILS_X)
            .unwrap_or_else(|| panic!("the passage quoted for the troops links to their relation"));
        if click {
            link.click()
        } else {
            link.scroll_to_me()
        }
        harness.run_steps(6);
    }
    assert_eq!(harness.state().selection(), Some(Selection::Relation(troops)));

    // North Korea chosen, the sentence selected, and quoted onto a new relation to Russia.
    common::pick_in_actor_list(&mut harness, "North Korea");
    let sentence = text
        .lines()
        .find_map(|line| {
            let start = line.find("The U.S. and NATO")?;
            let end = line[start..].find("1953.")? + start + "1953.".len();
            Some(line[start..end].to_owned())
        })
        .unwrap_or_else(|| panic!("the article has no sentence with “up to 10,000”"));
    assert!(sentence.contains("up to 10,000"));
    select_in_reader(&mut harness, &sentence);
    harness.get_by_label("Quote as evidence…").click();
    harness.run_steps(3);
    harness.get_by_label("Quote as evidence");
    let field = |value: &'static str| {
        move |n: &AccessKitNode<'_>| n.role() == Role::TextInput && n.value().as_deref() == Some(value)
    };
    harness.get_by(field("The U.S. and NATO"));
    harness.get_by(field("line 3"));
    harness
        .get_by(|n| n.placeholder() == Some("type a name, or click an actor in the graph"))
        .focus();
    harness.run_steps(1);
    harness
        .get_by(|n| n.placeholder() == Some("type a name, or click an actor in the graph"))
        .type_text("Russia");
    harness.run_steps(3);
    click_in_details(&mut harness, "Russia");
    harness
        .query_all_by_role(Role::ComboBox)
        .find(|n| n.rect().min.x > DETAILS_X)
        .unwrap_or_else(|| panic!("no kind to choose"))
        .click();
    harness.run_steps(2);
    harness
        .get_all_by_label("Troop deployment")
        .last()
        .unwrap_or_else(|| panic!("no Troop deployment kind"))
        .click();
    harness.run_steps(2);
    click_in_details(&mut harness, "Add");

    let dataset = harness.state().dataset().clone();
    assert_eq!(dataset.relations.len(), relations_before + 1);
    let relation = dataset.relations.last().unwrap_or_else(|| panic!("no relation"));
    assert_eq!(
        (relation.from.as_str(), relation.to.as_str(), relation.kind.as_str()),
        ("north_korea", "russia", "troop_deployment")
    );
    let item = &relation.evidence[0];
    assert_eq!(item.quote, sentence, "the exact words of the article");
    assert_eq!(item.source, "newsweek-nk-partnerships");
    assert_eq!(item.locator.as_deref(), Some("line 3"));
    assert_eq!(item.speaker.as_deref(), Some("The U.S. and NATO"));
    // The new relation is selected, its quote verified, and the reader links to it.
    assert_eq!(
        harness.state().selection(),
        Some(Selection::Relation(dataset.relations.len() - 1))
    );
    assert!(matches!(
        harness.state().quote_check(dataset.relations.len() - 1, 0),
        QuoteCheck::Verified { .. }
    ));
    harness.get_by_label("✔ Verified in the source's text");

    // One step of the history takes relation and quote back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().dataset().relations.len(), relations_before);
}

/// The troop deployment's evidence opened, and its first verified quote shown in the source.
fn show_troops_in_the_chronology(harness: &mut Harness<'_, App>) {
    common::open_relation_from_list(harness, "Russia", "← North Korea  (since October 2024)");
    for click in [false, true] {
        let button = harness
            .get_all_by_label("Show in the source")
            .next()
            .unwrap_or_else(|| panic!("no verified quote"));
        if click {
            button.click()
        } else {
            button.scroll_to_me()
        }
        harness.run_steps(6);
    }
}

#[test]
fn show_in_the_source_opens_the_reader_at_the_passage_a_verified_quote_stands_in() {
    let mut harness = common::app_with(None);
    show_troops_in_the_chronology(&mut harness);
    harness.get_by_label("Reader");
    // The chronology's line dated 2024-10 is the one shown, in view in the reader.
    let line = harness.get_by(paragraph_with("2024-10-28: The Pentagon said")).rect();
    let reader = harness.get_by_label("Reader").rect();
    assert!(
        line.min.y > reader.min.y && line.max.y < 800.0,
        "the passage is in view: {line:?}"
    );
    harness.get_by_label("✖").click();
    harness.run_steps(2);
    assert_eq!(harness.query_all_by_label("Reader").count(), 0);
}

#[test]
fn a_passage_goes_onto_a_relation_of_the_dataset_only_once_the_user_has_picked_it() {
    let mut harness = common::app_with(None);
    let troops = common::relation(&harness, "north-korea-troops-to-russia");
    let items_before = harness.state().dataset().relations[troops].evidence.len();
    show_troops_in_the_chronology(&mut harness);
    let passage = "NATO's Secretary General said North Korean units had been deployed in Russia's Kursk region";
    select_in_reader(&mut harness, passage);
    harness.get_by_label("Quote as evidence…").click();
    harness.run_steps(3);

    // Nothing is chosen for the user: the relation they had selected is offered first.
    click_in_details(&mut harness, "Add");
    harness.get_by_label_contains("choose the relation this quote is evidence for");
    assert_eq!(harness.state().dataset().relations[troops].evidence.len(), items_before);
    harness.get_by_label("Troop deployment: North Korea → Russia (since October 2024) (selected)");
    // Picked as a user drops a quote on an edge: by clicking the relation's edge on the canvas.
    let edge = harness
        .state()
        .relation_screen_position(troops)
        .unwrap_or_else(|| panic!("the troops' edge is drawn"));
    common::click_at(&mut harness, edge);
    harness.run_steps(2);
    assert_eq!(harness.state().selection(), Some(Selection::Relation(troops)));
    let picked = harness
        .get_all_by_label("Troop deployment: North Korea → Russia (since October 2024)")
        .filter(|n| n.rect().min.x > DETAILS_X)
        .count();
    assert_eq!(picked, 1, "the form names the relation picked");
    click_in_details(&mut harness, "Add");

    let items = &harness.state().dataset().relations[troops].evidence;
    assert_eq!(items.len(), items_before + 1);
    let item = items.last().unwrap_or_else(|| panic!("no item"));
    assert_eq!(item.quote, passage);
    assert_eq!(item.source, "entente-nk-chronology");
    assert_eq!(item.locator.as_deref(), Some("line 30"));
    assert!(matches!(
        harness.state().quote_check(troops, items_before),
        QuoteCheck::Verified { .. }
    ));
}
