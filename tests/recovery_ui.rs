//! Nothing lost on a crash: unsaved edits are journaled as they are made, the next start
//! offers them back, and saving removes the journal.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::model::Reliability;

mod common;

/// The app on `file` (the built-in dataset without one), journaling into `dir`, as a start.
fn start(dir: &Path, file: Option<&Path>) -> Harness<'static, App> {
    let dir = dir.to_owned();
    let file = file.map(Path::to_owned);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            let mut app = App::new(cc, file.clone());
            app.use_recovery_dir(dir.clone());
            app
        });
    common::run_until_idle(&mut harness);
    harness
}

fn grade_the_article(harness: &mut Harness<'_, App>, grade: &str) {
    common::open_relation_from_list(harness, "Hezbollah", "← North Korea");
    harness
        .get_all_by_role_and_label(Role::ComboBox, "Source reliability")
        .next()
        .unwrap_or_else(|| panic!("a reliability box"))
        .click();
    harness.run_steps(2);
    harness.get_by_label(grade).click();
    harness.run_steps(3);
}

/// Runs frames until the journal is on disk (it is written on a thread of its own).
fn until_journaled(harness: &mut Harness<'_, App>, journal: &Path) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !journal.exists() && Instant::now() < deadline {
        harness.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.run_steps(2);
    assert!(journal.exists(), "the edit is journaled");
}

#[test]
fn a_killed_app_offers_its_unsaved_edits_at_the_next_start() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (copy_folder, file) = common::copy_of_built_in_file();
    let journal = folder.path().join("unsaved.json");
    let mut first = start(folder.path(), Some(&file));
    grade_the_article(&mut first, "B, usually reliable");
    until_journaled(&mut first, &journal);
    // Killed: no save, no goodbye.
    drop(first);

    let mut next = start(folder.path(), None);
    assert!(next.state().is_offering_recovery());
    next.get_by_label("Restore unsaved edits?");
    next.get_by_label("Restore").click();
    next.run_steps(4);
    assert!(!next.state().is_offering_recovery());
    let app = next.state();
    assert_eq!(
        app.dataset().sources[0].reliability,
        Some(Reliability::B),
        "the edit is back"
    );
    assert!(app.has_unsaved_edits(), "unsaved, as it was");
    assert_eq!(
        app.origin(),
        &entente::Origin::File(file.clone()),
        "belonging to its file"
    );

    // Saving writes the file and removes the journal.
    next.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    next.run_steps(4);
    assert!(!next.state().has_unsaved_edits());
    let saved = entente::io::load_path(&file).dataset.unwrap_or_else(|| panic!("saved"));
    assert_eq!(saved.sources[0].reliability, Some(Reliability::B));
    for _ in 0..20 {
        next.run_steps(1);
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!journal.exists(), "nothing left to recover");
    drop(copy_folder);
}

#[test]
fn discarding_the_journal_deletes_it_and_keeps_the_file_as_saved() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let journal = folder.path().join("unsaved.json");
    let mut first = start(folder.path(), None);
    grade_the_article(&mut first, "E, unreliable");
    until_journaled(&mut first, &journal);
    drop(first);

    let mut next = start(folder.path(), None);
    next.get_by_label("Discard").click();
    next.run_steps(3);
    assert!(!journal.exists());
    assert_eq!(
        next.state().dataset().sources[0].reliability,
        None,
        "the built-in dataset as shipped"
    );
    assert!(!next.state().has_unsaved_edits());
    let again = start(folder.path(), None);
    assert!(!again.state().is_offering_recovery(), "and asked only once");
}
