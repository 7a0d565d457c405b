//! The legend's evidence filter, as a user sets it: relations show only on evidence trusted
//! enough, and the setting is kept with the other filters.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::model::Reliability;

mod common;

#[test]
fn only_relations_on_evidence_graded_high_enough_show_and_trusting_all_brings_them_back() {
    let mut harness = common::app_with(None);
    let all = harness.state().drawn_relation_count();
    harness.get_by_label("Evidence").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Evidence").click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::ComboBox, "source reliability")
        .scroll_to_me();
    harness.run_steps(6);

    // Nobody graded anything: a minimum grade hides nothing while ungraded evidence passes…
    common::pick_in_combo(&mut harness, "source reliability", "B or better (usually reliable)");
    assert_eq!(harness.state().drawn_relation_count(), all);
    // …and everything once it does not.
    harness.get_by_label("Ungraded evidence does not count").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Ungraded evidence does not count").click();
    harness.run_steps(4);
    assert_eq!(harness.state().drawn_relation_count(), 0);
    assert_eq!(harness.state().evidence_filter().min_reliability, Some(Reliability::B));
    // The status bar says why.
    harness.get_by_label(&format!("({all} relations hidden, {all} by the evidence filter)"));

    harness.get_by_label("Trust all evidence").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Trust all evidence").click();
    harness.run_steps(4);
    assert_eq!(harness.state().drawn_relation_count(), all);
}

#[test]
fn leaving_a_source_out_hides_the_relations_only_it_backs_and_the_status_bar_counts_them() {
    let mut harness = common::app_with(None);
    let all = harness.state().drawn_relation_count();
    let only_chronology = harness
        .state()
        .dataset()
        .relations
        .iter()
        .filter(|r| !r.evidence.is_empty() && r.evidence.iter().all(|e| e.source == "entente-nk-chronology"))
        .count();
    assert!(only_chronology > 0);
    harness.get_by_label("Evidence").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Evidence").click();
    harness.run_steps(3);
    harness.get_by_label("Sources that count").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Sources that count").click();
    harness.run_steps(3);
    let chronology = "Dated chronology of North Korea's partnerships, compiled for Entente from public reporting";
    harness.get_by_role_and_label(Role::CheckBox, chronology).scroll_to_me();
    harness.run_steps(6);
    harness.get_by_role_and_label(Role::CheckBox, chronology).click();
    harness.run_steps(4);
    assert!(
        harness
            .state()
            .evidence_filter()
            .excluded_sources
            .contains("entente-nk-chronology")
    );
    assert_eq!(harness.state().drawn_relation_count(), all - only_chronology);
    harness.get_by_label(&format!(
        "({only_chronology} relations hidden, {only_chronology} by the evidence filter)"
    ));
}

#[test]
fn only_verified_quotes_show_the_relations_the_chronology_backs_and_unverified_the_ones_to_check() {
    let mut harness = common::app_with(None);
    let count_with = |harness: &Harness<'_, App>, source: &str| {
        harness
            .state()
            .dataset()
            .relations
            .iter()
            .filter(|r| r.evidence.iter().any(|e| e.source == source))
            .count()
    };
    // The chronology ships with its text, so its quotes are verified; the article's are not.
    let verified = count_with(&harness, "entente-nk-chronology");
    let unverified = count_with(&harness, "newsweek-nk-partnerships");
    harness.get_by_label("Evidence").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Evidence").click();
    harness.run_steps(3);
    common::pick_in_combo(&mut harness, "quotes", "only verified in their source");
    assert_eq!(harness.state().drawn_relation_count(), verified);
    common::pick_in_combo(&mut harness, "quotes", "only unverified (to check)");
    assert_eq!(harness.state().drawn_relation_count(), unverified);
}
