//! Starts knotmap: a subcommand on the command line, or the window.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use knotmap::catalog::Catalog;
use knotmap::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("knotmap: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let catalog = Catalog::builtin()?;
    match cli.command {
        None => knotmap::app::run(catalog),
        Some(Command::Regions) => print(&cli::regions(catalog)),
        Some(Command::Show { query }) => print(&cli::show(catalog, &query.join(" "))?),
        Some(Command::Check { files }) => {
            let (report, valid) = cli::check(catalog, &files);
            print(&report)?;
            if valid {
                Ok(())
            } else {
                Err(cli::BadInput("some routine files have errors".to_owned()).into())
            }
        }
    }
}

/// Writes to stdout; a closed pipe (`knotmap show psoas | head`) is not an error.
fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
