//! Starts knotmap: a subcommand on the command line, or the window.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use knotmap::catalog::Catalog;
use knotmap::cli::{self, Cli, Command};
use knotmap::sheet::SheetFormat;

/// Each frame builds and drops vertex buffers of a few hundred kilobytes; glibc's allocator
/// may return them to the kernel after every frame and fault them in again on the next,
/// which triples the frame time. mimalloc keeps them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // What goes wrong with no one to tell at once (a sound or speech helper ending, a desktop
    // service going away) is logged on the error output: warnings unless RUST_LOG says more.
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away: there is no one left to tell.
        Err(error) if error.is::<ReaderGone>() => ExitCode::from(1),
        Err(error) => {
            // Messages carry names from files: nothing in them may drive the terminal.
            say(&format!(
                "knotmap: {}",
                knotmap::words::terminal_lines(&format!("{error:#}"))
            ));
            ExitCode::from(1)
        }
    }
}

/// Standard output was closed before all of it was written (`knotmap show psoas | head -1`).
#[derive(Debug, thiserror::Error)]
#[error("the program reading the output stopped before the end")]
struct ReaderGone;

/// A line on standard error. When standard error is closed too (`2>&1 | head -c 10`), the
/// line has nowhere to go and knotmap carries on to its exit code, which still says what
/// happened, rather than stopping on a panic.
fn say(line: &str) {
    let mut stderr = std::io::stderr().lock();
    if writeln!(stderr, "{line}").is_err() {
        // Nothing else can be told: the exit code is the last word.
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let catalog = Catalog::builtin()?;
    // The pictures of the positions are checked with the rest of the built-in knowledge.
    knotmap::picture::Pictures::builtin()?;
    match cli.command {
        None => match cli.file {
            None => knotmap::app::run(catalog, knotmap::app::Start::Last),
            Some(file) => {
                if !file.exists() {
                    return Err(not_a_file_or_command(&file));
                }
                knotmap::app::run(catalog, knotmap::app::Start::Open(file))
            }
        },
        Some(Command::Play { routine }) => play(catalog, routine),
        Some(Command::Regions) => print(&cli::regions(catalog)),
        Some(Command::Show { query }) => print(&cli::show(catalog, &query.join(" "))?),
        Some(Command::Print {
            routine,
            output,
            paper,
            details,
            print: to_printer,
            printer,
            figure,
        }) => {
            if output.is_none() && !to_printer {
                use clap::CommandFactory as _;
                Cli::command()
                    .error(
                        clap::error::ErrorKind::MissingRequiredArgument,
                        "say where the sheet goes: -o OUT.pdf, -o OUT.png, -o - for a PDF on \
                         stdout, or --print for the printer",
                    )
                    .exit();
            }
            let body = knotmap::body::Body::builtin_for_paper(catalog, cli::sheet_figure(figure))?;
            let format = match &output {
                Some(path) => cli::sheet_format(path)?,
                None => SheetFormat::Pdf,
            };
            if let Some(path) = &output {
                let (files, _) =
                    cli::sheet_files(catalog, &body, &routine, paper.into(), details, format)?;
                write_outputs(path, format, &files)?;
            }
            if to_printer {
                let (files, name) = cli::sheet_files(
                    catalog,
                    &body,
                    &routine,
                    paper.into(),
                    details,
                    SheetFormat::Pdf,
                )?;
                let pdf = files.concat();
                let job = knotmap::sheet::print::print_pdf(&pdf, &name, printer.as_deref())
                    .map_err(|e| cli::BadInput(format!("could not print: {e}")))?;
                say(&format!(
                    "knotmap: sent “{}” to the printer {}",
                    knotmap::words::terminal_safe(&name),
                    knotmap::words::terminal_safe(&job.to_string())
                ));
            }
            if let Some(note) = cli::missing_characters_note() {
                say(&knotmap::words::terminal_lines(&note));
            }
            Ok(())
        }
        Some(Command::Log) => {
            let folders = knotmap::storage::Folders::from_system().ok_or_else(|| {
                cli::BadInput("there is no data folder on this system".to_owned())
            })?;
            let log = knotmap::tightness::Log::load(&folders)?;
            if log.entries.is_empty() {
                print(
                    "No sessions logged yet. Rate the places at the end of a session in the window.\n",
                )
            } else {
                print(&log.to_text(catalog))
            }
        }
        Some(Command::Report {
            from,
            to,
            output,
            paper,
            figure,
        }) => {
            let format = cli::sheet_format(&output)?;
            let today = jiff::Zoned::now().date();
            let period = cli::report_period(from.as_deref(), to.as_deref(), today)?;
            let folders = knotmap::storage::Folders::from_system().ok_or_else(|| {
                cli::BadInput("there is no data folder on this system".to_owned())
            })?;
            let log = knotmap::tightness::Log::load(&folders)?;
            let report = knotmap::tightness::report::Report::new(&log, catalog, period);
            let body = knotmap::body::Body::builtin_for_paper(catalog, cli::sheet_figure(figure))?;
            let sheet = knotmap::sheet::report_sheet(&report, catalog, &body, paper.into())?;
            let files = format.render(&sheet)?;
            write_outputs(&output, format, &files)
        }
        Some(Command::Check { files }) => {
            let report = cli::check(catalog, &files);
            if !report.problems.is_empty() {
                say(report.problems.trim_end_matches('\n'));
            }
            print(&report.ok)?;
            if report.valid {
                Ok(())
            } else {
                Err(cli::BadInput("some routine files have errors".to_owned()).into())
            }
        }
    }
}

/// `knotmap play ROUTINE`: checked as `knotmap check` would, then played in the window.
fn play(catalog: &'static Catalog, routine: std::path::PathBuf) -> anyhow::Result<()> {
    // Check it first, with the same messages as `knotmap check`.
    let report = cli::check(catalog, std::slice::from_ref(&routine));
    if !report.valid {
        return Err(cli::BadInput(report.problems.trim_end().to_owned()).into());
    }
    let loaded = knotmap::storage::read_routine(&routine)?.loaded;
    if loaded.routine.steps.is_empty() {
        return Err(cli::BadInput(format!(
            "{}: this routine has no steps to play",
            routine.display()
        ))
        .into());
    }
    knotmap::app::run(catalog, knotmap::app::Start::Play(routine))
}

/// `knotmap WORD` where WORD is no file: a mistyped command is a usage error, a path a
/// missing file.
fn not_a_file_or_command(file: &std::path::Path) -> anyhow::Error {
    let looks_like_a_path = file.components().count() > 1 || file.extension().is_some();
    if !looks_like_a_path {
        use clap::CommandFactory as _;
        Cli::command()
            .error(
                clap::error::ErrorKind::InvalidSubcommand,
                format!(
                    "`{}` is neither a command nor a routine file; `knotmap --help` lists the \
                     commands",
                    knotmap::words::terminal_safe(&file.display().to_string())
                ),
            )
            .exit();
    }
    cli::BadInput(format!(
        "{}: no such routine file",
        knotmap::words::terminal_safe(&file.display().to_string())
    ))
    .into()
}

/// Writes a sheet to stdout. The sheet is the whole point, so a reader that stops early or
/// a full disk is an error, said in words.
/// Writes a document's files where asked: standard output for `-`, else each file in place,
/// named on standard error.
fn write_outputs(
    path: &std::path::Path,
    format: SheetFormat,
    files: &[Vec<u8>],
) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        for bytes in files {
            write_stdout(bytes)?;
        }
        return Ok(());
    }
    for path in &format.write(path, files)? {
        say(&format!(
            "knotmap: wrote {}",
            knotmap::words::terminal_safe(&path.display().to_string())
        ));
    }
    Ok(())
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| {
            cli::BadInput(format!(
                "could not write the sheet to standard output: {}",
                knotmap::storage::plain_io(&e)
            ))
            .into()
        })
}

/// Writes to stdout; a closed pipe (`knotmap show psoas | head -1`) ends knotmap quietly with
/// exit code 1, as the output was not all read.
fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ReaderGone.into()),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(()),
    }
}
