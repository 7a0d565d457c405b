//! How long the app takes from launch to its first frame, for `scripts/start-time.sh`: when
//! `ENTENTE_LAUNCHED_AT` holds the launch time (seconds since the Unix epoch, as `date +%s.%N`
//! writes it), the end of the first frame's pass is reported on standard error. The launch
//! time comes from outside because the process cannot see the time spent loading it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

const LAUNCHED_AT: &str = "ENTENTE_LAUNCHED_AT";

/// Seconds since the Unix epoch, now.
fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// Reports the first frame's time after launch, when asked to. `main_started` is when `main`
/// began, to tell loading the program from starting the window.
pub fn report_first_frame(ctx: &egui::Context, main_started: f64) {
    let Some(launched) = std::env::var(LAUNCHED_AT)
        .ok()
        .and_then(|t| t.trim().parse::<f64>().ok())
    else {
        return;
    };
    let reported = Arc::new(AtomicBool::new(false));
    ctx.on_end_pass(
        "start-time",
        Arc::new(move |_ui: &mut egui::Ui| {
            if !reported.swap(true, Ordering::Relaxed) {
                let first_frame = now();
                eprintln!(
                    "start: main after {:.1} ms, first frame after {:.1} ms",
                    (main_started - launched) * 1e3,
                    (first_frame - launched) * 1e3
                );
            }
        }),
    );
}

/// When `main` began, for `report_first_frame`.
pub fn main_started() -> f64 {
    now()
}
