use egui::RichText;

use super::command::{Command, InfoWindow};
use super::shortcuts;

/// Shows an info window; `Command::CloseInfoWindow` once the user closes it.
pub fn info_window(ctx: &egui::Context, window: InfoWindow) -> Option<Command> {
    let mut open = true;
    let title = match window {
        InfoWindow::Shortcuts => "Keyboard shortcuts",
        InfoWindow::About => "About Entente",
    };
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| match window {
            InfoWindow::Shortcuts => {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for shortcut in shortcuts::ALL {
                            ui.label(RichText::new(ctx.format_shortcut(&shortcuts::keys(shortcut))).monospace());
                            ui.label(shortcuts::description(shortcut));
                            ui.end_row();
                        }
                    });
            }
            InfoWindow::About => {
                ui.heading("Entente");
                ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                ui.label("See who backs whom among states and armed groups, and why we believe it:");
                ui.label("every link carries the evidence behind it.");
            }
        });
    (!open).then_some(Command::CloseInfoWindow)
}
