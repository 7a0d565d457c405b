//! Play on the timeline: the time window moves on a year at a time until the last year.

use std::time::{Duration, Instant};

use crate::model::{TimeWindow, YearSpan};

/// Whether the years are moving on by themselves, and when the last one did.
#[derive(Debug, Default)]
pub struct Player {
    playing: Option<Instant>,
}

/// What the player asks for after a frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    /// Show this span of years now.
    Show(TimeWindow),
    /// Nothing yet: look again after this long.
    Wait(Duration),
    /// The last year is shown: playing stopped.
    Stopped,
}

impl Player {
    pub fn is_playing(&self) -> bool {
        self.playing.is_some()
    }

    pub fn stop(&mut self) {
        self.playing = None;
    }

    /// Starts playing, or stops. Starting from the last year (or with no window) goes back to
    /// the first; returns the window to show, `None` when it stopped.
    pub fn toggle(&mut self, window: Option<TimeWindow>, (first, last): (i32, i32)) -> Option<TimeWindow> {
        if self.playing.take().is_some() {
            return None;
        }
        let mut window = window.unwrap_or(TimeWindow::as_of(first));
        if window.span.from.max(window.span.to) >= last {
            let width = (window.span.to - window.span.from).abs();
            window.span = YearSpan {
                from: first,
                to: first + width,
            };
        }
        self.playing = Some(Instant::now());
        Some(window)
    }

    /// Moves the window on a year when a year's time has passed at `speed` years a second.
    pub fn advance(&mut self, window: Option<TimeWindow>, last: i32, speed: f32) -> Step {
        let (Some(started), Some(window)) = (self.playing, window) else {
            return Step::Stopped;
        };
        let step = Duration::from_secs_f32(1.0 / speed.clamp(0.1, 10.0));
        if started.elapsed() < step {
            return Step::Wait(step.saturating_sub(started.elapsed()));
        }
        if window.span.from.max(window.span.to) >= last {
            self.playing = None;
            return Step::Stopped;
        }
        self.playing = Some(Instant::now());
        Step::Show(TimeWindow {
            span: YearSpan {
                from: window.span.from + 1,
                to: window.span.to + 1,
            },
            ..window
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OutsideTime;

    #[test]
    fn play_starts_at_the_first_year_when_at_the_end_and_stops_at_the_last() {
        let mut player = Player::default();
        let at_end = TimeWindow {
            outside: OutsideTime::Hide,
            ..TimeWindow::as_of(2024)
        };
        let start = player.toggle(Some(at_end), (1950, 2024));
        assert_eq!(start.map(|w| w.span), Some(YearSpan::year(1950)));
        assert_eq!(
            start.map(|w| w.outside),
            Some(OutsideTime::Hide),
            "the window keeps its setting"
        );
        assert!(player.is_playing());
        let last = TimeWindow::as_of(2024);
        std::thread::sleep(Duration::from_millis(120));
        assert_eq!(player.advance(Some(last), 2024, 10.0), Step::Stopped);
        assert!(!player.is_playing());
    }
}
