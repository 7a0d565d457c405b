//! The strip at the bottom of the window: unsaved edits, where the dataset came from, its
//! size, what is hidden, work in progress, problems and the last message.

use egui::{RichText, Ui};

use super::command::Command;
use super::widgets::count;

/// What the status bar shows; it changes nothing itself.
pub struct StatusView<'a> {
    pub unsaved: bool,
    /// Where the dataset came from: the built-in dataset's name or the file's path.
    pub origin: &'a str,
    pub actors: usize,
    pub relations: usize,
    /// Relations the graph does not show (legend, time window, Focus).
    pub hidden: usize,
    /// Of all relations, those whose evidence the evidence filter does not trust.
    pub untrusted: usize,
    pub laying_out: bool,
    /// Problems found in the file, and notes (no evidence): `None` when there are none.
    pub problems: Option<(usize, usize)>,
    /// Work under way: a verb and a file name ("Opening", "a.json").
    pub working: Vec<(&'static str, String)>,
    /// The last message, while it is shown.
    pub message: Option<&'a str>,
}

pub fn status_bar(ui: &mut Ui, view: &StatusView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if view.unsaved {
            ui.label(RichText::new("● Unsaved changes").color(ui.visuals().warn_fg_color))
                .on_hover_text("Your changes (grades, added datasets) are not saved yet: File > Save (Ctrl+S)");
            ui.separator();
        }
        ui.label(RichText::new(view.origin).weak())
            .on_hover_text("Where this dataset was loaded from");
        ui.separator();
        ui.label(format!("{} actors · {} relations", view.actors, view.relations));
        if view.hidden > 0 {
            let text = if view.untrusted > 0 {
                format!(
                    "({} hidden, {} by the evidence filter)",
                    count(view.hidden, "relation"),
                    view.untrusted
                )
            } else {
                format!("({} hidden)", count(view.hidden, "relation"))
            };
            ui.label(RichText::new(text).weak())
                .on_hover_text("Hidden by the legend, the evidence filter, the time window or Focus");
        }
        if view.laying_out {
            // Words, not a spinner: a spinner asks for a new frame every frame, and drawing
            // a big graph sixty times a second would take the cores the layout is using.
            ui.separator();
            ui.label(RichText::new("Laying out…").weak())
                .on_hover_text("The layout is placing the actors; it stops by itself once they have settled");
        }
        if let Some((problems, notes)) = view.problems {
            ui.separator();
            // That a graph file carries no evidence is worth knowing, not a problem.
            let link = if problems > 0 {
                ui.link(format!("⚠ {}", count(problems, "problem")))
            } else {
                ui.link(count(notes, "note"))
                    .on_hover_text("Worth knowing about this file, such as relations that carry no evidence")
            };
            if link.clicked() {
                commands.push(Command::ShowProblems);
            }
        }
        for (verb, name) in &view.working {
            ui.separator();
            slow_spinner(ui);
            ui.label(format!("{verb} {name}…"));
        }
        if let Some(message) = view.message {
            ui.separator();
            ui.label(message);
        }
    });
    commands
}

/// A spinner that turns four times a second: egui's asks for a frame every frame, and drawing
/// the window sixty times a second took a core from the thread reading the file (a 300 MB
/// GraphML took twice as long to open under a software renderer).
fn slow_spinner(ui: &mut Ui) {
    const STEP: f64 = 0.25;
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let time = ui.input(|i| i.time);
    let turned = (time / STEP).floor() * STEP;
    let start = (turned * std::f64::consts::TAU * 0.8) as f32;
    let points: Vec<egui::Pos2> = (0..=12)
        .map(|i| {
            let angle = start + i as f32 * std::f32::consts::PI / 8.0;
            rect.center() + egui::vec2(angle.cos(), angle.sin()) * (size * 0.4)
        })
        .collect();
    let stroke = egui::Stroke::new(2.0, ui.visuals().strong_text_color());
    ui.painter().add(egui::Shape::line(points, stroke));
    ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(STEP));
}
