//! The timeline under the graph: a histogram of the relations in force each year, by kind,
//! with a handle to see the alliances as of a year (or over a span of years), and Play.

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Ui};

use super::command::Command;
use crate::model::{OutsideTime, TimeWindow, YearSpan};

pub struct TimelineView<'a> {
    /// First and last year of the dataset's dates.
    pub years: (i32, i32),
    pub window: Option<TimeWindow>,
    /// Relations in force per year, per kind, with each kind's colour.
    pub histogram: &'a [(Color32, Vec<u32>)],
    pub playing: bool,
    /// Years shown per second while playing.
    pub speed: f32,
    pub undated: usize,
    /// When comparing two years: how many relations began and how many ended between them.
    pub changed: Option<(usize, usize)>,
}

/// The speeds offered for Play, in years per second.
pub const PLAY_SPEEDS: [f32; 4] = [0.5, 1.0, 2.0, 4.0];

const HEIGHT: f32 = 46.0;

/// What the timeline gives back: the user's commands, and where its strip of years was drawn
/// (for `year_position`).
pub struct TimelineResponse {
    pub commands: Vec<Command>,
    pub strip: Option<Rect>,
}

/// The plot inside the strip: room for the year ticks below.
fn plot_of(strip: Rect) -> Rect {
    Rect::from_min_max(strip.min + egui::vec2(6.0, 4.0), strip.max - egui::vec2(6.0, 14.0))
}

/// Where on the strip `year` is: the middle of its bar.
pub fn year_position(strip: Rect, (first, last): (i32, i32), year: i32) -> Pos2 {
    let plot = plot_of(strip);
    let span_years = (last - first + 1).max(1) as f32;
    let x = plot.left() + (year as f32 - first as f32 + 0.5) / span_years * plot.width();
    Pos2::new(x, plot.center().y)
}

pub fn timeline(ui: &mut Ui, view: &TimelineView<'_>) -> TimelineResponse {
    let mut commands = Vec::new();
    let (first, last) = view.years;
    // Wraps in a narrow window rather than push the strip under the side panels.
    ui.horizontal_wrapped(|ui| {
        let mut on = view.window.is_some();
        if ui
            .checkbox(&mut on, "Time")
            .on_hover_text("Show the alliances as of a year")
            .changed()
        {
            let window = on.then(|| TimeWindow::as_of(last));
            commands.push(Command::SetTimeWindow(window));
        }
        let Some(window) = view.window else {
            ui.label(RichText::new(format!("{first}–{last}: all periods shown")).weak());
            return;
        };
        let ranged = window.span.from != window.span.to;
        let (before, after) = (
            window.span.from.min(window.span.to),
            window.span.from.max(window.span.to),
        );
        let label = if window.compare {
            format!("{before} → {after}")
        } else if ranged {
            format!(
                "{}–{}",
                window.span.from.min(window.span.to),
                window.span.from.max(window.span.to)
            )
        } else {
            format!("as of {}", window.span.from)
        };
        commands.extend(year_steps(ui, window, view.years, &label));
        let play = if view.playing { "⏸ Pause" } else { "▶ Play" };
        if ui.button(play).on_hover_text("Step through the years").clicked() {
            commands.push(Command::TogglePlay);
        }
        egui::ComboBox::from_id_salt("play-speed")
            .width(88.0)
            .selected_text(speed_label(view.speed))
            .show_ui(ui, |ui| {
                for speed in PLAY_SPEEDS {
                    if ui
                        .selectable_label(view.speed == speed, format!("{speed} years/s"))
                        .clicked()
                    {
                        commands.push(Command::SetPlaySpeed(speed));
                    }
                }
            })
            .response
            .on_hover_text("How fast Play steps through the years");
        commands.extend(mode_controls(ui, view, window));
        if view.undated > 0 {
            let mut show = window.show_undated;
            if ui
                .checkbox(&mut show, format!("{} undated", view.undated))
                .on_hover_text(
                    "Relations with no date at all. Ticked, they are shown whatever the years; \
                     unticked, they are faded or hidden with what lies outside them.",
                )
                .changed()
            {
                commands.push(Command::SetTimeWindow(Some(TimeWindow {
                    show_undated: show,
                    ..window
                })));
            }
        }
    });
    let mut drawn = None;
    if let Some(window) = view.window {
        let (rect, command) = strip(ui, view, window);
        drawn = Some(rect);
        commands.extend(command);
    }
    TimelineResponse { commands, strip: drawn }
}

/// Compare, Range and Hide other years: how the years picked on the strip are shown.
fn mode_controls(ui: &mut Ui, view: &TimelineView<'_>, window: TimeWindow) -> Vec<Command> {
    let mut commands = Vec::new();
    let (first, last) = view.years;
    let ranged = window.span.from != window.span.to;
    let (before, after) = (
        window.span.from.min(window.span.to),
        window.span.from.max(window.span.to),
    );
    let mut compare = window.compare;
    if ui
        .checkbox(&mut compare, "Compare")
        .on_hover_text(
            "Compare two years: what began between them is drawn bold, what ended is crossed \
             out, what held in both is faint. Click near either end of the strip to move it.",
        )
        .changed()
    {
        let span = if compare {
            compared_years(window.span, view.years)
        } else {
            YearSpan::year(after)
        };
        commands.push(Command::SetTimeWindow(Some(TimeWindow {
            span,
            compare,
            ..window
        })));
    }
    if let Some((began, ended)) = view.changed.filter(|_| window.compare) {
        ui.label(format!("{began} began · {ended} ended"))
            .on_hover_text(format!(
                "Between {before} and {after}; the side panel lists them with their evidence"
            ));
    }
    let mut range = ranged;
    if !window.compare
        && ui
            .checkbox(&mut range, "Range")
            .on_hover_text("Show a span of years: drag either end")
            .changed()
    {
        // Five years from the year shown, or up to it when it is the last year.
        let span = if !range {
            YearSpan::year(window.span.from)
        } else if window.span.from + 5 <= last {
            YearSpan {
                from: window.span.from,
                to: window.span.from + 5,
            }
        } else {
            YearSpan {
                from: (last - 5).max(first),
                to: last,
            }
        };
        commands.push(Command::SetTimeWindow(Some(TimeWindow { span, ..window })));
    }
    let mut hide = window.outside == OutsideTime::Hide;
    if !window.compare
        && ui
            .checkbox(&mut hide, "Hide other years")
            .on_hover_text("Hide, rather than fade, what was not in force then")
            .changed()
    {
        let outside = if hide { OutsideTime::Hide } else { OutsideTime::Fade };
        commands.push(Command::SetTimeWindow(Some(TimeWindow { outside, ..window })));
    }
    commands
}

/// The histogram with the time handle(s); click or drag to move them.
fn strip(ui: &mut Ui, view: &TimelineView<'_>, window: TimeWindow) -> (Rect, Option<Command>) {
    let (first, last) = view.years;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(ui.available_width(), HEIGHT), Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
    let plot = plot_of(rect);
    let span_years = (last - first + 1).max(1) as f32;
    let x_of = |year: f32| plot.left() + (year - first as f32 + 0.5) / span_years * plot.width();
    let year_at = |x: f32| ((x - plot.left()) / plot.width() * span_years - 0.5).round() as i32 + first;

    let max_total = (0..(last - first + 1).max(0) as usize)
        .map(|i| {
            view.histogram
                .iter()
                .map(|(_, counts)| counts.get(i).copied().unwrap_or(0))
                .sum::<u32>()
        })
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let bar_width = (plot.width() / span_years * 0.8).max(1.0);
    for year in first..=last {
        let i = (year - first) as usize;
        let mut top = plot.bottom();
        for (colour, counts) in view.histogram {
            let count = counts.get(i).copied().unwrap_or(0) as f32;
            if count == 0.0 {
                continue;
            }
            let height = count / max_total * plot.height();
            let x = x_of(year as f32);
            painter.rect_filled(
                Rect::from_min_max(
                    Pos2::new(x - bar_width / 2.0, top - height),
                    Pos2::new(x + bar_width / 2.0, top),
                ),
                0.0,
                *colour,
            );
            top -= height;
        }
    }
    // Year ticks, about every 80 points.
    let step = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|s| plot.width() / span_years * *s as f32 >= 80.0)
        .unwrap_or(100);
    let mut tick = first + (step - first.rem_euclid(step)) % step;
    while tick <= last {
        painter.text(
            Pos2::new(x_of(tick as f32), rect.bottom() - 1.0),
            egui::Align2::CENTER_BOTTOM,
            tick.to_string(),
            egui::FontId::proportional(10.5),
            visuals.weak_text_color(),
        );
        tick += step;
    }
    let (from, to) = (
        window.span.from.min(window.span.to),
        window.span.from.max(window.span.to),
    );
    let selection = Rect::from_min_max(
        Pos2::new(x_of(from as f32 - 0.5), plot.top()),
        Pos2::new(x_of(to as f32 + 0.5), plot.bottom()),
    );
    painter.rect_filled(selection, 0.0, visuals.selection.bg_fill.gamma_multiply(0.35));
    for year in [from, to] {
        let x = x_of(year as f32);
        painter.line_segment(
            [Pos2::new(x, rect.top()), Pos2::new(x, plot.bottom())],
            Stroke::new(2.0, visuals.selection.stroke.color),
        );
    }

    let Some(pointer) = response.interact_pointer_pos() else {
        return (rect, None);
    };
    if !(response.clicked() || response.dragged()) {
        return (rect, None);
    }
    let year = year_at(pointer.x).clamp(first, last);
    let span = if from == to {
        YearSpan::year(year)
    } else if (year - from).abs() <= (year - to).abs() {
        YearSpan { from: year, to }
    } else {
        YearSpan { from, to: year }
    };
    let command = (span != window.span).then_some(Command::SetTimeWindow(Some(TimeWindow { span, ..window })));
    (rect, command)
}

/// The years shown, between buttons that move them a year earlier or later: a year at a
/// time, which the strip's narrow bars make hard to hit with the mouse.
fn year_steps(ui: &mut Ui, window: TimeWindow, (first, last): (i32, i32), label: &str) -> Option<Command> {
    let (low, high) = (
        window.span.from.min(window.span.to),
        window.span.from.max(window.span.to),
    );
    let shifted = |by: i32| {
        Command::SetTimeWindow(Some(TimeWindow {
            span: YearSpan {
                from: window.span.from + by,
                to: window.span.to + by,
            },
            ..window
        }))
    };
    let mut command = None;
    if ui
        .add_enabled(low > first, egui::Button::new("◀").small())
        .on_hover_text("A year earlier")
        .clicked()
    {
        command = Some(shifted(-1));
    }
    if low == high {
        ui.label(RichText::new(label).strong());
    } else {
        // Two years: each can be typed, as precisely as the strip's bars cannot be clicked.
        let from = year_field(ui, "first-year", low, (first, last)).unwrap_or(low);
        ui.label(if window.compare { "→" } else { "–" });
        let to = year_field(ui, "second-year", high, (first, last)).unwrap_or(high);
        if (from, to) != (low, high) {
            command = Some(Command::SetTimeWindow(Some(TimeWindow {
                span: YearSpan {
                    from: from.min(to),
                    to: from.max(to),
                },
                ..window
            })));
        }
    }
    if ui
        .add_enabled(high < last, egui::Button::new("▶").small())
        .on_hover_text("A year later")
        .clicked()
    {
        command = Some(shifted(1));
    }
    command
}

/// A year the user can type: what they type is kept while they type (a year passes through
/// `1`, `19`, `196` on its way to `1961`) and taken when they press Enter or leave the field,
/// within the data's years. None until then.
fn year_field(ui: &mut Ui, salt: &str, year: i32, (first, last): (i32, i32)) -> Option<i32> {
    let id = ui.make_persistent_id(salt);
    let mut text = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| year.to_string());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(36.0)
                .char_limit(5),
        )
        .on_hover_text(format!("Type a year from {first} to {last}, then Enter"));
    if response.gained_focus() {
        // Selected on arrival, so typing a year replaces the one shown.
        if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
            let end = egui::text::CCursor::new(text.chars().count());
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::two(egui::text::CCursor::new(0), end)));
            state.store(ui.ctx(), id);
        }
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
        return None;
    }
    ui.data_mut(|d| d.remove::<String>(id));
    if response.lost_focus() {
        return text.trim().parse::<i32>().ok().map(|y| y.clamp(first, last));
    }
    None
}

/// The two years a comparison starts with: the span shown, or, from one year, that year
/// against ten years before it (or after it, at the start of the data).
fn compared_years(span: YearSpan, (first, last): (i32, i32)) -> YearSpan {
    if span.from != span.to {
        return span;
    }
    let year = span.from;
    if year - 10 >= first {
        YearSpan {
            from: year - 10,
            to: year,
        }
    } else {
        YearSpan {
            from: year,
            to: (year + 10).min(last),
        }
    }
}

fn speed_label(speed: f32) -> String {
    if speed == 1.0 {
        "1 year/s".to_owned()
    } else {
        format!("{speed} years/s")
    }
}
