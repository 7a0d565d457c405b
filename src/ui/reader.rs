//! The reader: a source's own text, paragraphs numbered, the passages already quoted marked
//! and linked to the relations they support; select a passage to quote it as evidence.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText, TextStyle, Ui};

use super::command::Command;
use crate::model::{Numbering, Paragraphs, QuotedPassage, Source, shown_paragraph, trim_passage};

/// What the reader shows: the source, its text cut in paragraphs, and the passages quoted from
/// it with the relation each supports, described ("Arms supply: North Korea → Iran").
pub struct ReaderView<'a> {
    pub source: &'a Source,
    pub text: &'a str,
    pub paragraphs: &'a Paragraphs,
    pub passages: &'a [(QuotedPassage, String)],
}

/// Where the reader is: what it scrolls to next frame, the passage it marks as the one asked
/// for, the selection, and the heights of paragraphs already drawn (so that only those in view
/// are laid out).
#[derive(Debug, Default)]
pub struct ReaderState {
    pub scroll_to: Option<usize>,
    /// Bytes of the text shown as the passage the user jumped to.
    pub marked: Option<Range<usize>>,
    /// The passage selected: its paragraph and its bytes in the whole text.
    pub selection: Option<(usize, Range<usize>)>,
    heights: Vec<f32>,
    width: f32,
}

impl ReaderState {
    /// Opened at the passage `at` (bytes of the text), if any.
    pub fn at(paragraphs: &Paragraphs, at: Option<Range<usize>>) -> Self {
        Self {
            scroll_to: at.as_ref().and_then(|a| paragraphs.at_byte(a.start)),
            marked: at,
            ..Self::default()
        }
    }
}

pub fn reader_panel(ui: &mut Ui, view: &ReaderView<'_>, state: &mut ReaderState) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.heading("Reader");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("✖").on_hover_text("Close the reader").clicked() {
                commands.push(Command::CloseReader);
            }
        });
    });
    ui.label(RichText::new(&view.source.title).strong());
    let unit = match view.paragraphs.numbering() {
        Numbering::Lines => "lines",
        Numbering::Paragraphs => "paragraphs",
    };
    ui.label(
        RichText::new(format!(
            "{} {unit} · {} passages quoted as evidence",
            view.paragraphs.len(),
            view.passages.len()
        ))
        .weak()
        .small(),
    );
    selection_bar(ui, view, state, &mut commands);
    ui.separator();
    if view.paragraphs.is_empty() {
        ui.label("This source carries no text yet.");
        if ui.button("Attach its text…").clicked() {
            commands.push(Command::EditSourceText(view.source.id.clone()));
        }
        return commands;
    }
    egui::ScrollArea::vertical()
        .id_salt(("reader", &view.source.id))
        .auto_shrink(false)
        .show(ui, |ui| paragraphs(ui, view, state, &mut commands));
    commands
}

/// The selected passage and "Quote as evidence…", or how to select one.
fn selection_bar(ui: &mut Ui, view: &ReaderView<'_>, state: &ReaderState, commands: &mut Vec<Command>) {
    let selected = state
        .selection
        .as_ref()
        .map(|(p, at)| (*p, trim_passage(view.text, at.clone())))
        .and_then(|(p, at)| Some((p, at.clone(), view.text.get(at)?)))
        .filter(|(_, _, text)| !text.trim().is_empty());
    // One row of the same height whether a passage is selected or not: the text below stays put.
    ui.horizontal(|ui| {
        ui.set_min_height(ui.spacing().interact_size.y);
        selection_row(ui, selected, commands);
    });
}

fn selection_row(ui: &mut Ui, selected: Option<(usize, Range<usize>, &str)>, commands: &mut Vec<Command>) {
    match selected {
        Some((paragraph, at, text)) => {
            // The button first, where it stays however long the passage is.
            ui.horizontal(|ui| {
                if ui
                    .button("Quote as evidence…")
                    .on_hover_text("Make these exact words an evidence item of a relation, citing this source")
                    .clicked()
                {
                    commands.push(Command::QuotePassage { paragraph, at });
                }
                ui.add(egui::Label::new(RichText::new(format!("“{}”", shown_paragraph(text))).italics()).truncate());
            });
        }
        None => {
            ui.add(
                egui::Label::new(
                    RichText::new("Select a passage to quote it as evidence. Marked passages are quoted already.")
                        .weak()
                        .small(),
                )
                .truncate(),
            )
            .on_hover_text(
                "Drag over the words, or click and hold Shift with the arrow keys (Ctrl+Shift+End: to the paragraph's end)",
            );
        }
    }
}

fn paragraphs(ui: &mut Ui, view: &ReaderView<'_>, state: &mut ReaderState, commands: &mut Vec<Command>) {
    let width = ui.available_width();
    if (width - state.width).abs() > 0.5 || state.heights.len() != view.paragraphs.len() {
        state.width = width;
        state.heights = vec![0.0; view.paragraphs.len()];
    }
    let row = ui.text_style_height(&TextStyle::Body);
    // Roughly how many characters fit on a line, to guess the height of what is not drawn yet.
    let per_line = (width / (row * 0.45)).max(10.0);
    let scroll_to = state.scroll_to.take();
    let mut passages = view.passages.iter().peekable();
    for (i, range) in view.paragraphs.iter().enumerate() {
        // The passages touching this paragraph (they are sorted by where they start).
        while passages.peek().is_some_and(|(p, _)| p.at.end <= range.start) {
            passages.next();
        }
        let here: Vec<&(QuotedPassage, String)> = passages
            .clone()
            .take_while(|(p, _)| p.at.start < range.end)
            .filter(|(p, _)| p.at.end > range.start)
            .collect();
        let known = state.heights.get(i).copied().unwrap_or(0.0);
        let guess = if known > 0.0 {
            known
        } else {
            let chars = range.len() as f32;
            (chars / per_line).ceil().max(1.0) * row + row * (1.0 + here.len() as f32)
        };
        let top = ui.cursor().min;
        let place = egui::Rect::from_min_size(top, egui::vec2(width, guess));
        if scroll_to != Some(i) && !ui.is_rect_visible(place) {
            ui.allocate_space(egui::vec2(width, guess));
            continue;
        }
        let drawn = ui
            .push_id(("paragraph", i), |ui| {
                paragraph(ui, view, state, (i, range.clone()), &here, commands)
            })
            .response;
        if scroll_to == Some(i) {
            drawn.scroll_to_me(Some(egui::Align::Center));
        }
        if let Some(height) = state.heights.get_mut(i) {
            *height = drawn.rect.height() + ui.spacing().item_spacing.y;
        }
    }
}

/// One paragraph: its number, its text (selectable, quoted passages marked), and a link to the
/// relation each passage in it supports.
fn paragraph(
    ui: &mut Ui,
    view: &ReaderView<'_>,
    state: &mut ReaderState,
    (number, range): (usize, Range<usize>),
    passages: &[&(QuotedPassage, String)],
    commands: &mut Vec<Command>,
) {
    let shown = shown_paragraph(view.text.get(range.clone()).unwrap_or_default());
    let quoted: Vec<Range<usize>> = passages
        .iter()
        .map(|(p, _)| p.at.start.max(range.start) - range.start..p.at.end.min(range.end) - range.start)
        .collect();
    let marked = state
        .marked
        .as_ref()
        .filter(|m| m.start < range.end && m.end > range.start)
        .map(|m| m.start.max(range.start) - range.start..m.end.min(range.end) - range.start);
    let visuals = ui.visuals();
    let colours = Marks {
        text: visuals.text_color(),
        quoted: if visuals.dark_mode {
            Color32::from_rgba_unmultiplied(200, 170, 40, 70)
        } else {
            Color32::from_rgb(255, 240, 170)
        },
        marked: if visuals.dark_mode {
            Color32::from_rgba_unmultiplied(240, 130, 30, 140)
        } else {
            Color32::from_rgb(255, 200, 120)
        },
    };
    ui.horizontal_top(|ui| {
        ui.add_sized(
            [28.0, ui.text_style_height(&TextStyle::Body)],
            egui::Label::new(RichText::new(view.paragraphs.number(number).to_string()).weak().small()),
        )
        .on_hover_text(capitalised(&view.paragraphs.locator(number)));
        let font = TextStyle::Body.resolve(ui.style());
        let mut layouter = |ui: &Ui, text: &dyn egui::TextBuffer, wrap: f32| {
            let mut job = marked_job(text.as_str(), &quoted, marked.as_ref(), &font, &colours);
            job.wrap.max_width = wrap;
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let mut text: &str = &shown;
        let output = egui::TextEdit::multiline(&mut text)
            .id(ui.id().with("text"))
            .frame(egui::Frame::NONE)
            .desired_rows(1)
            .desired_width(ui.available_width())
            .layouter(&mut layouter)
            .show(ui);
        if output.response.response.has_focus()
            && let Some(cursor) = output.cursor_range
        {
            let chars = cursor.as_sorted_char_range();
            let bytes = byte_of(&shown, chars.start.0)..byte_of(&shown, chars.end.0);
            state.selection = (!bytes.is_empty()).then(|| (number, range.start + bytes.start..range.start + bytes.end));
        }
    });
    // Each relation quoting this paragraph once, however many of its items quote it.
    let mut relations: Vec<(usize, &str)> = passages
        .iter()
        .map(|(p, label)| (p.evidence.relation, label.as_str()))
        .collect();
    relations.sort_unstable();
    relations.dedup_by_key(|(r, _)| *r);
    if relations.is_empty() {
        return;
    }
    ui.horizontal_top(|ui| {
        ui.add_space(32.0);
        ui.label(RichText::new("Quoted for").weak().small());
        ui.vertical(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            for (relation, label) in relations {
                if ui
                    .small_button(label)
                    .on_hover_text("A relation this paragraph is quoted for: show its evidence")
                    .clicked()
                {
                    commands.push(Command::Select(super::Selection::Relation(relation)));
                }
            }
        });
    });
}

struct Marks {
    text: Color32,
    quoted: Color32,
    marked: Color32,
}

/// The paragraph as one layout job, the quoted stretches on a tinted ground and the marked one
/// on a stronger one.
fn marked_job(
    text: &str,
    quoted: &[Range<usize>],
    marked: Option<&Range<usize>>,
    font: &egui::FontId,
    colours: &Marks,
) -> LayoutJob {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in quoted.iter().chain(marked) {
        cuts.extend([r.start.min(text.len()), r.end.min(text.len())]);
    }
    cuts.retain(|c| text.is_char_boundary(*c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for pair in cuts.windows(2) {
        let &[start, end] = pair else { continue };
        let inside = |r: &Range<usize>| r.start <= start && end <= r.end;
        let background = if marked.is_some_and(inside) {
            colours.marked
        } else if quoted.iter().any(inside) {
            colours.quoted
        } else {
            Color32::TRANSPARENT
        };
        job.append(
            text.get(start..end).unwrap_or_default(),
            0.0,
            TextFormat {
                font_id: font.clone(),
                color: colours.text,
                background,
                ..TextFormat::default()
            },
        );
    }
    job
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn byte_of(text: &str, char_index: usize) -> usize {
    text.char_indices().nth(char_index).map_or(text.len(), |(b, _)| b)
}
