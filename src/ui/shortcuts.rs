//! Keyboard shortcuts: one table, read by the key handler, the menus and the Help window.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    ClearSelection,
    Quit,
}

pub const ALL: [Shortcut; 2] = [Shortcut::ClearSelection, Shortcut::Quit];

pub fn keys(shortcut: Shortcut) -> KeyboardShortcut {
    match shortcut {
        Shortcut::ClearSelection => KeyboardShortcut::new(Modifiers::NONE, Key::Escape),
        Shortcut::Quit => KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
    }
}

pub fn description(shortcut: Shortcut) -> &'static str {
    match shortcut {
        Shortcut::ClearSelection => "Clear the selection",
        Shortcut::Quit => "Quit Entente",
    }
}

fn command(shortcut: Shortcut) -> Command {
    match shortcut {
        Shortcut::ClearSelection => Command::ClearSelection,
        Shortcut::Quit => Command::Quit,
    }
}

/// The commands for every shortcut pressed this frame. Escape is left to a focused text
/// field (it drops focus there) so that clearing a filter does not also clear the selection.
pub fn dispatch(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.memory(|m| m.focused().is_some());
    ctx.input_mut(|input| {
        ALL.into_iter()
            .filter(|&s| !(typing && s == Shortcut::ClearSelection))
            .filter(|&s| input.consume_shortcut(&keys(s)))
            .map(command)
            .collect()
    })
}
