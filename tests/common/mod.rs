//! Driving the real app in tests: building it, waiting for it, finding things, clicking.
#![allow(dead_code)] // Each test file uses its own share of these.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;

/// The app at the size of a laptop screen, on the built-in dataset or `file`, once it has
/// finished loading and laid the graph out.
pub fn app_with(file: Option<&str>) -> Harness<'static, App> {
    let file = file.map(|f| Path::new(env!("CARGO_MANIFEST_DIR")).join(f));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| App::new(cc, file));
    run_until_idle(&mut harness);
    // Enough frames for the layout of a small graph to settle.
    harness.run_steps(120);
    harness
}

/// Files load on another thread: run frames until the app has finished.
pub fn run_until_idle(harness: &mut Harness<'_, App>) {
    for _ in 0..500 {
        harness.run_steps(1);
        if !harness.state().is_busy() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the app stayed busy");
}

pub fn relation(harness: &Harness<'_, App>, id: &str) -> usize {
    harness
        .state()
        .dataset()
        .relations
        .iter()
        .position(|r| r.id == id)
        .unwrap_or_else(|| panic!("no relation {id}"))
}

pub fn actor(harness: &Harness<'_, App>, name: &str) -> usize {
    harness
        .state()
        .dataset()
        .actors
        .iter()
        .position(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor {name}"))
}

/// A mouse button going down (`pressed`) or up at a point of the window, then one frame.
pub fn press(harness: &mut Harness<'_, App>, pos: egui::Pos2, button: egui::PointerButton, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos,
        button,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(1);
}

/// A real mouse click at a point of the window: move, press, release.
pub fn click_at(harness: &mut Harness<'_, App>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.run_steps(1);
    press(harness, pos, egui::PointerButton::Primary, true);
    press(harness, pos, egui::PointerButton::Primary, false);
    harness.run_steps(2);
}

/// A copy of the built-in dataset's file, `alliances.json`, in a folder of its own (removed
/// when the folder is dropped), so a test can change, save or reload it.
pub fn copy_of_built_in_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let path = folder.path().join("alliances.json");
    let original = concat!(env!("CARGO_MANIFEST_DIR"), "/data/north-korea-alliances.json");
    std::fs::copy(original, &path).unwrap_or_else(|e| panic!("copying {original}: {e}"));
    (folder, path)
}

/// The mouse wheel turned `lines` with the pointer at `pos` (frames not run).
pub fn wheel_at(harness: &mut Harness<'_, App>, pos: egui::Pos2, lines: f32) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, lines),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
    });
}

/// A file dropped from a file manager.
#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// `path` dropped on the window, then a few frames.
pub fn drop_file(harness: &mut Harness<'_, App>, path: &str) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path.into())));
    harness.run_steps(3);
}

pub fn settle(harness: &mut Harness<'_, App>) {
    for _ in 0..3_000 {
        harness.run_steps(1);
        if !harness.state().is_laying_out() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("the layout never settled");
}

pub fn settled_app(file: Option<&str>) -> Harness<'static, App> {
    let mut harness = app_with(file);
    settle(&mut harness);
    harness
}

pub fn type_into(harness: &mut Harness<'_, App>, at: impl Fn(egui::Rect) -> bool, text: &str) {
    let field = harness
        .query_all_by_role(Role::TextInput)
        .find(|n| at(n.rect()))
        .unwrap_or_else(|| panic!("no text field there"));
    field.focus();
    harness.run_steps(1);
    harness
        .query_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap_or_else(|| panic!("the field took the focus"))
        .type_text(text);
    harness.run_steps(3);
}

/// Picks an actor in the actor list as a user does: scrolled into view, then clicked.
pub fn pick_in_actor_list(harness: &mut Harness<'_, App>, name: &str) {
    harness.get_by_role_and_label(Role::Button, name).scroll_to_me();
    // egui animates the scroll over a few frames.
    harness.run_steps(6);
    harness.get_by_role_and_label(Role::Button, name).click();
    harness.run_steps(2);
}

/// Opens, from the actor list, one of an actor's relations as listed in its panel (`row`).
pub fn open_relation_from_list(harness: &mut Harness<'_, App>, actor: &str, row: &str) {
    pick_in_actor_list(harness, actor);
    harness.get_by_label(row).click();
    harness.run_steps(4);
}

/// Opens the Edit menu (the top one of the window's "Edit"s: panels have Edit buttons too).
pub fn open_edit_menu(harness: &mut Harness<'_, App>) {
    harness
        .get_all_by_label("Edit")
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| panic!("no Edit menu"))
        .click();
    harness.run_steps(2);
}

/// Picks `choice` in the drop-down labelled `combo`, scrolled into view first (the last of
/// that name: the open list draws over what is beneath it).
pub fn pick_in_combo(harness: &mut Harness<'_, App>, combo: &str, choice: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).scroll_to_me();
    harness.run_steps(6);
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run_steps(2);
    harness
        .get_all_by_label(choice)
        .last()
        .unwrap_or_else(|| panic!("no {choice} in {combo}"))
        .click();
    harness.run_steps(4);
}

/// `entente ARGS…` run as a user runs it, from the repository: its exit code and what it printed.
pub fn entente(args: &[&str]) -> (i32, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run entente: {e}"));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}
