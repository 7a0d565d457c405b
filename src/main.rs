use std::process::ExitCode;

use clap::Parser;
use entente::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => entente::cli::run(command),
        None => ExitCode::SUCCESS,
    }
}
