//! Small drawing helpers shared by the panels.

use egui::{Color32, RichText, Ui};

use super::command::Command;
use crate::model::is_web_link;

/// A coloured chip with a label, used for relation and actor kinds.
pub fn kind_chip(ui: &mut Ui, colour: Color32, label: &str) {
    egui::Frame::new()
        .fill(colour.gamma_multiply(0.25))
        .stroke(egui::Stroke::new(1.0, colour))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(label).small().strong());
        });
}

/// A small filled square in a kind's colour, for lists and tables.
pub fn colour_swatch(ui: &mut Ui, colour: Color32) {
    let size = egui::vec2(10.0, 10.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}

/// A link that opens only web addresses, and shows the whole address before it is followed.
/// Anything else (`file:`, `javascript:` ...) is shown as plain text and never opened.
pub fn safe_link(ui: &mut Ui, label: &str, url: &str) -> Option<Command> {
    if is_web_link(url) {
        let response = ui.link(label).on_hover_text(format!("Open in your browser:\n{url}"));
        response.clicked().then(|| Command::OpenLink(url.to_owned()))
    } else {
        ui.label(RichText::new(url).weak())
            .on_hover_text("Not a web address, so Entente will not open it.");
        None
    }
}

/// "Label: value" on one line, with the label dimmed.
pub fn field(ui: &mut Ui, label: &str, value: impl Into<egui::WidgetText>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{label}:")).weak());
        ui.label(value);
    });
}

/// A row of small buttons that change the dataset.
pub fn edit_buttons(ui: &mut Ui, commands: &mut Vec<Command>, buttons: &[(&str, &str, Command)]) {
    ui.horizontal_wrapped(|ui| {
        for (label, tip, command) in buttons {
            if ui.small_button(*label).on_hover_text(*tip).clicked() {
                commands.push(command.clone());
            }
        }
    });
}

pub use crate::text::count;

/// "Through hostile relations": shown when the dataset declares hostile kinds (war,
/// opposition), which paths, centrality and blocs otherwise leave out.
pub fn hostile_toggle(
    ui: &mut egui::Ui,
    dataset: &crate::model::Dataset,
    hostile: crate::analysis::Hostile,
    for_paths: bool,
) -> Option<Command> {
    use crate::analysis::Hostile;
    let kinds: Vec<&str> = dataset
        .hostile_kinds()
        .into_iter()
        .map(|k| dataset.relation_kind_label(k))
        .collect();
    if kinds.is_empty() {
        return None;
    }
    let mut counts = hostile == Hostile::Counts;
    let hover = if for_paths {
        "A war or open hostility connects its two sides. Untick to follow only relations of support"
    } else {
        "Count relations between sides that are against each other as ties. Off, centrality and blocs \
         follow only relations of support, so that a bloc is a group of allies"
    };
    ui.checkbox(&mut counts, format!("Through hostile relations ({})", kinds.join(", ")))
        .on_hover_text(hover)
        .changed()
        .then_some(Command::SetHostile {
            for_paths,
            hostile: if counts { Hostile::Counts } else { Hostile::LeftOut },
        })
}
