//! The legend's evidence filter, as a user sets it: relations show only on evidence trusted
//! enough, and the setting is kept with the other filters.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::model::Reliability;

mod common;

fn pick(harness: &mut Harness<'_, App>, combo: &str, choice: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).scroll_to_me();
    harness.run_steps(6);
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run_steps(2);
    harness.get_by_label(choice).click();
    harness.run_steps(4);
}

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
    pick(&mut harness, "source reliability", "B or better (usually reliable)");
    assert_eq!(harness.state().drawn_relation_count(), all);
    // …and everything once it does not.
    harness.get_by_label("Ungraded evidence does not count").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Ungraded evidence does not count").click();
    harness.run_steps(4);
    assert_eq!(harness.state().drawn_relation_count(), 0);
    assert_eq!(harness.state().evidence_filter().min_reliability, Some(Reliability::B));

    harness.get_by_label("Trust all evidence").scroll_to_me();
    harness.run_steps(6);
    harness.get_by_label("Trust all evidence").click();
    harness.run_steps(4);
    assert_eq!(harness.state().drawn_relation_count(), all);
}
