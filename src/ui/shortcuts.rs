//! Keyboard shortcuts: one table, read by the key handler, the menus and the Help window.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Open,
    Reload,
    SaveAs,
    Search,
    Fit,
    ClearSelection,
    Quit,
}

pub const ALL: [Shortcut; 4] = [
    Shortcut::Search,
    Shortcut::Fit,
    Shortcut::ClearSelection,
    Shortcut::Quit,
];

pub fn keys(shortcut: Shortcut) -> KeyboardShortcut {
    match shortcut {
        Shortcut::Open => KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
        Shortcut::Reload => KeyboardShortcut::new(Modifiers::COMMAND, Key::R),
        Shortcut::SaveAs => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S),
        Shortcut::Search => KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
        Shortcut::Fit => KeyboardShortcut::new(Modifiers::NONE, Key::F),
        Shortcut::ClearSelection => KeyboardShortcut::new(Modifiers::NONE, Key::Escape),
        Shortcut::Quit => KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
    }
}

pub fn description(shortcut: Shortcut) -> &'static str {
    match shortcut {
        Shortcut::Open => "Open a dataset file",
        Shortcut::Reload => "Reload the open file",
        Shortcut::SaveAs => "Save the dataset as Entente JSON",
        Shortcut::Search => "Search actors by name or alias",
        Shortcut::Fit => "Fit the graph to the window",
        Shortcut::ClearSelection => "Clear the selection",
        Shortcut::Quit => "Quit Entente",
    }
}

fn command(shortcut: Shortcut) -> Command {
    match shortcut {
        Shortcut::Open => Command::OpenDialog,
        Shortcut::Reload => Command::Reload,
        Shortcut::SaveAs => Command::SaveAsDialog(crate::io::Format::Entente),
        Shortcut::Search => Command::FocusSearch,
        Shortcut::Fit => Command::FitView,
        Shortcut::ClearSelection => Command::ClearSelection,
        Shortcut::Quit => Command::Quit,
    }
}

/// Single keys act only when no text field has focus: typing "f" in the search box must not
/// fit the view, and Escape there only leaves the field.
fn works_while_typing(shortcut: Shortcut) -> bool {
    !keys(shortcut).modifiers.is_none()
}

/// The commands for every shortcut pressed this frame.
pub fn dispatch(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.memory(|m| m.focused().is_some());
    ctx.input_mut(|input| {
        // Ctrl+F before F, so the plain key does not also fire.
        ALL.into_iter()
            .filter(|&s| !typing || works_while_typing(s))
            .filter(|&s| input.consume_shortcut(&keys(s)))
            .map(command)
            .collect()
    })
}
