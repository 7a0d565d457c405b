//! Keyboard shortcuts: one table, read by the key handler, the menus and the Help window.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Open,
    AddDataset,
    Reload,
    Save,
    SaveAs,
    Undo,
    Redo,
    /// Ctrl+Y, as Windows programs redo.
    RedoAgain,
    NewActor,
    NewRelation,
    FindPaths,
    Search,
    Fit,
    ClearSelection,
    Quit,
}

/// Every shortcut, in the order the Help window lists them and the key handler tries them.
pub const ALL: [Shortcut; 15] = [
    Shortcut::Open,
    Shortcut::AddDataset,
    Shortcut::Reload,
    Shortcut::Save,
    Shortcut::SaveAs,
    Shortcut::Undo,
    Shortcut::Redo,
    Shortcut::RedoAgain,
    Shortcut::NewActor,
    Shortcut::NewRelation,
    Shortcut::FindPaths,
    Shortcut::Search,
    Shortcut::Fit,
    Shortcut::ClearSelection,
    Shortcut::Quit,
];

pub fn keys(shortcut: Shortcut) -> KeyboardShortcut {
    match shortcut {
        Shortcut::Open => KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
        Shortcut::AddDataset => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O),
        Shortcut::Reload => KeyboardShortcut::new(Modifiers::COMMAND, Key::R),
        Shortcut::Save => KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
        Shortcut::SaveAs => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S),
        Shortcut::Undo => KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
        Shortcut::Redo => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
        Shortcut::RedoAgain => KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
        Shortcut::NewActor => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A),
        Shortcut::NewRelation => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::L),
        Shortcut::FindPaths => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P),
        Shortcut::Search => KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
        Shortcut::Fit => KeyboardShortcut::new(Modifiers::NONE, Key::F),
        Shortcut::ClearSelection => KeyboardShortcut::new(Modifiers::NONE, Key::Escape),
        Shortcut::Quit => KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
    }
}

pub fn description(shortcut: Shortcut) -> &'static str {
    match shortcut {
        Shortcut::Open => "Open a dataset file",
        Shortcut::AddDataset => "Add another dataset to the one on screen",
        Shortcut::Reload => "Reload the open file",
        Shortcut::Save => "Save your changes to the open file",
        Shortcut::SaveAs => "Save the dataset as Entente JSON",
        Shortcut::Undo => "Undo the last edit to the dataset",
        Shortcut::Redo => "Redo what was undone",
        Shortcut::RedoAgain => "Redo what was undone",
        Shortcut::NewActor => "Add an actor",
        Shortcut::NewRelation => "Link two actors with a new relation",
        Shortcut::FindPaths => "Find how two actors are connected",
        Shortcut::Search => "Search actors by name or alias",
        Shortcut::Fit => "Fit the graph to the window",
        Shortcut::ClearSelection => "Clear the selection",
        Shortcut::Quit => "Quit Entente",
    }
}

fn command(shortcut: Shortcut) -> Command {
    match shortcut {
        Shortcut::Open => Command::OpenDialog,
        Shortcut::AddDataset => Command::AddDatasetDialog,
        Shortcut::Reload => Command::Reload,
        Shortcut::Save => Command::Save,
        Shortcut::SaveAs => Command::SaveAsDialog(crate::io::Format::Entente),
        Shortcut::Undo => Command::Undo,
        Shortcut::Redo | Shortcut::RedoAgain => Command::Redo,
        Shortcut::NewActor => Command::NewActor(None),
        Shortcut::NewRelation => Command::NewRelation { from: None, to: None },
        Shortcut::FindPaths => Command::FindPaths(None),
        Shortcut::Search => Command::FocusSearch,
        Shortcut::Fit => Command::FitView,
        Shortcut::ClearSelection => Command::ClearSelection,
        Shortcut::Quit => Command::Quit,
    }
}

/// Single keys act only when no text field has focus: typing "f" in the search box must not
/// fit the view, and Escape there only leaves the field. Nor do Undo and Redo (in a text field
/// they undo the typing), nor those that open a form over the one being typed in.
fn works_while_typing(shortcut: Shortcut) -> bool {
    !keys(shortcut).modifiers.is_none()
        && !matches!(
            shortcut,
            Shortcut::Undo | Shortcut::Redo | Shortcut::RedoAgain | Shortcut::NewActor | Shortcut::NewRelation
        )
}

/// The commands for every shortcut pressed this frame.
pub fn dispatch(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.memory(|m| m.focused().is_some());
    // Shortcuts with more modifiers first (Ctrl+Shift+S before Ctrl+S, Ctrl+F before F):
    // egui matches modifiers leniently, so the shorter one would take the key of the longer.
    let mut by_modifiers = ALL;
    by_modifiers.sort_by_key(|&s| {
        let modifiers = keys(s).modifiers;
        std::cmp::Reverse(u8::from(modifiers.command) + u8::from(modifiers.shift) + u8::from(modifiers.alt))
    });
    ctx.input_mut(|input| {
        by_modifiers
            .into_iter()
            .filter(|&s| !typing || works_while_typing(s))
            .filter(|&s| input.consume_shortcut(&keys(s)))
            .map(command)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::{ALL, command, dispatch, keys};

    /// Each shortcut the menus and the Help window show must do what they say when pressed.
    #[test]
    fn every_listed_shortcut_gives_its_command() {
        for shortcut in ALL {
            let ctx = egui::Context::default();
            let shortcut_keys = keys(shortcut);
            let mut input = egui::RawInput::default();
            input.events.push(egui::Event::Key {
                key: shortcut_keys.logical_key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: shortcut_keys.modifiers,
            });
            let mut commands = Vec::new();
            let mut output = ctx.run_ui(input, |ui| commands = dispatch(ui.ctx()));
            output.textures_delta.clear();
            assert_eq!(commands, vec![command(shortcut)], "{shortcut:?}");
        }
    }
}
