use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use entente::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => entente::cli::run(command),
        None => run_app(cli.file, cli.add),
    }
}

fn run_app(file: Option<PathBuf>, add: Option<PathBuf>) -> ExitCode {
    let main_started = entente::main_started();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Entente")
            .with_app_id("entente")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    match eframe::run_native(
        "Entente",
        options,
        Box::new(move |cc| {
            entente::report_first_frame(&cc.egui_ctx, main_started);
            let mut app = entente::App::new(cc, file);
            if let Some(add) = add {
                app.add_dataset_path(&add);
            }
            Ok(Box::new(app))
        }),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("entente: could not open a window: {err}");
            eprintln!("(Entente needs a graphical session; `entente check` and `entente summary` work without one.)");
            ExitCode::FAILURE
        }
    }
}
