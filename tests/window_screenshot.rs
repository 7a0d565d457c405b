//! Runs the real binary in a virtual X display, captures the screen and checks that the
//! window drew the graph: not blank, and in the colours of the legend.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_real_window_shows_the_built_in_graph() {
    if !(have("Xvfb") && have("import")) {
        // CI installs both (scripts/setup.sh); elsewhere this test cannot run.
        assert!(
            std::env::var_os("CI").is_none(),
            "Xvfb and ImageMagick are needed: run scripts/setup.sh"
        );
        eprintln!("skipped: Xvfb or ImageMagick's import is not installed");
        return;
    }
    // -displayfd makes Xvfb pick a free display and say which: a fixed number can be taken
    // by another X server on the machine, and the app would then draw somewhere else.
    let mut xvfb = KillOnDrop(
        Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start Xvfb: {e}")),
    );
    let display = {
        let stdout = xvfb.0.stdout.take().unwrap_or_else(|| panic!("Xvfb has no stdout"));
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line)
            .unwrap_or_else(|e| panic!("Xvfb did not say its display: {e}"));
        format!(":{}", line.trim())
    };
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log_path = home.path().join("entente.log");
    let log = std::fs::File::create(&log_path).unwrap_or_else(|e| panic!("{e}"));
    let mut app = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_entente"))
            .env("DISPLAY", &display)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start entente: {e}")),
    );

    let shot = home.path().join("shot.png");
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut last_problem = String::new();
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_secs(2));
        if let Ok(Some(status)) = app.0.try_wait() {
            last_problem = format!("the app exited ({status})");
            break;
        }
        let captured = Command::new("import")
            .args(["-window", "root"])
            .arg(&shot)
            .env("DISPLAY", &display)
            .status()
            .is_ok_and(|s| s.success());
        if !captured {
            last_problem = "import failed".into();
            continue;
        }
        match check_screenshot(&shot) {
            Ok(()) => return,
            Err(problem) => last_problem = problem,
        }
    }
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    let tail: Vec<&str> = log.lines().rev().take(30).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    panic!(
        "the window never showed the graph on {display}: {last_problem}\napp's stderr:\n{}",
        tail.join("\n")
    );
}

/// The built-in graph draws treaty blue, arms-supply vermillion and troop-deployment green
/// edges; a blank or half-drawn window has none of them.
fn check_screenshot(path: &Path) -> Result<(), String> {
    let image = image::open(path).map_err(|e| e.to_string())?.to_rgb8();
    let mut distinct = std::collections::HashSet::new();
    let near = |p: &image::Rgb<u8>, c: [u8; 3]| p.0.iter().zip(c).all(|(a, b)| a.abs_diff(b) < 24);
    let mut found = [0usize; 3];
    for pixel in image.pixels() {
        distinct.insert(pixel.0);
        for (count, colour) in found
            .iter_mut()
            .zip([[0x00, 0x72, 0xB2], [0xD5, 0x5E, 0x00], [0x00, 0x9E, 0x73]])
        {
            if near(pixel, colour) {
                *count += 1;
            }
        }
    }
    if distinct.len() < 200 {
        return Err(format!(
            "only {} distinct colours: the window looks blank",
            distinct.len()
        ));
    }
    if found.iter().any(|&n| n < 20) {
        return Err(format!(
            "relation colours missing (blue, vermillion, green pixels: {found:?})"
        ));
    }
    Ok(())
}
