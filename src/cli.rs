//! The command line: `knotmap regions`, `knotmap show QUERY`, and no subcommand for the window.

mod complaint;
mod show;

pub use show::{dossier_text, regions, show};

use clap::{Parser, Subcommand};

use crate::catalog::Catalog;
use crate::sheet::SheetFormat;
use crate::words;

/// A body map of self-massage for runners.
#[derive(Debug, Parser)]
#[command(name = "knotmap", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A routine file (.ron) to open in the window.
    #[arg(value_name = "ROUTINE")]
    pub file: Option<std::path::PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every region of the body map: id, name, view, side.
    Regions,
    /// Everything about a region, muscle, technique or tool: muscles, techniques with their
    /// steps and dose, tools with stand-ins, and the cautions that apply.
    Show {
        /// What to look up: an id, a name or another name ("psoas", "it band", "tennis ball").
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
    },
    /// Print a routine's session sheet: to a PDF or PNG file (by its extension), to stdout as
    /// PDF with `-o -`, or straight to the printer with `--print`.
    Print {
        /// The routine file (.ron).
        routine: std::path::PathBuf,
        /// Where to write the sheet: OUT.pdf, OUT.png, or - for PDF on stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<std::path::PathBuf>,
        /// Paper size.
        #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// Add the cautions in full, on a page of their own after the steps.
        #[arg(long)]
        details: bool,
        /// Send the sheet to the printer through CUPS (`lp`).
        #[arg(long)]
        print: bool,
        /// The printer to use with --print (default: the system's default printer).
        #[arg(long, requires = "print")]
        printer: Option<String>,
        /// The figure on the sheet's map (default: the one chosen in the window).
        #[arg(long, value_enum, ignore_case = true)]
        figure: Option<FigureArg>,
    },
    /// Open the window and play a routine with timers.
    Play {
        /// The routine file (.ron).
        routine: std::path::PathBuf,
    },
    /// Print the tightness log: one session a line, with each place's rating.
    Log,
    /// Write a report of the tightness log for a physio: the body map at the start and the end
    /// of the period, the places that changed most, left against right, each place's course
    /// and the sessions done. A month fits two pages.
    Report {
        /// The first day, as YYYY-MM-DD (default: four weeks before --to).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// The last day, as YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Where to write the report: OUT.pdf, OUT.png, or - for PDF on stdout.
        #[arg(short, long, value_name = "OUT")]
        output: std::path::PathBuf,
        /// Paper size.
        #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// The figure on the report's maps (default: the one chosen in the window).
        #[arg(long, value_enum, ignore_case = true)]
        figure: Option<FigureArg>,
    },
    /// Check routine files: prints FILE:LINE:COL: message for each problem; exits 1 if any
    /// file has an error (unknown ids are warnings).
    Check {
        /// Routine files (.ron).
        #[arg(required = true, num_args = 1..)]
        files: Vec<std::path::PathBuf>,
    },
}

/// Paper sizes on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "lower")]
pub enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for crate::sheet::Paper {
    fn from(paper: PaperArg) -> Self {
        match paper {
            PaperArg::A4 => crate::sheet::Paper::A4,
            PaperArg::Letter => crate::sheet::Paper::Letter,
        }
    }
}

/// The figures on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "lower")]
pub enum FigureArg {
    Female,
    Male,
}

impl From<FigureArg> for crate::body::Figure {
    fn from(figure: FigureArg) -> Self {
        match figure {
            FigureArg::Female => crate::body::Figure::Female,
            FigureArg::Male => crate::body::Figure::Male,
        }
    }
}

/// The figure a sheet shows: the one asked for, else the one chosen in the window (settings
/// that cannot be read leave the default; the window says why when it starts).
pub fn sheet_figure(asked: Option<FigureArg>) -> crate::body::Figure {
    asked.map_or_else(
        || {
            crate::storage::Folders::from_system()
                .and_then(|folders| crate::settings::Settings::read(&folders).ok().flatten())
                .map(|settings| settings.figure)
                .unwrap_or_default()
        },
        Into::into,
    )
}

/// The format named by an output path's extension.
pub fn sheet_format(output: &std::path::Path) -> Result<SheetFormat, BadInput> {
    SheetFormat::of_path(output).ok_or_else(|| {
        BadInput(format!(
            "{}: the sheet is written as .pdf or .png; name the file accordingly",
            output.display()
        ))
    })
}

/// `knotmap print`: reads and checks the routine the same way `knotmap check` does, then lays
/// out the sheet and renders it: one PDF, or one PNG a page.
pub fn sheet_files(
    catalog: &Catalog,
    body: &crate::body::Body,
    routine_path: &std::path::Path,
    paper: crate::sheet::Paper,
    details: bool,
    format: SheetFormat,
) -> Result<(Vec<Vec<u8>>, String), BadInput> {
    let report = check(catalog, &[routine_path.to_path_buf()]);
    if !report.valid {
        return Err(BadInput(report.problems.trim_end().to_owned()));
    }
    let loaded = crate::storage::read_routine(routine_path)
        .map_err(|e| BadInput(e.to_string()))?
        .loaded;
    let file_name = routine_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let sheet = crate::sheet::layout(
        &loaded.routine,
        catalog,
        body,
        paper,
        details,
        file_name.as_deref(),
    )
    .map_err(|e| BadInput(e.to_string()))?;
    let files = format.render(&sheet).map_err(|e| BadInput(e.to_string()))?;
    Ok((files, loaded.routine.name))
}

/// The characters a sheet drew as "?" because no font on this machine has them, said once
/// for the whole command; `None` when every character was drawn.
pub fn missing_characters_note() -> Option<String> {
    let missing = crate::sheet::fonts::system::missing();
    let (first, rest) = missing.split_first()?;
    let chars: String = std::iter::once(first).chain(rest).collect();
    let printed = if rest.is_empty() {
        "it is printed"
    } else {
        "they are printed"
    };
    Some(format!(
        "knotmap: no font on this machine has \"{}\"; {printed} as \"?\"",
        crate::words::terminal_safe(&chars)
    ))
}

/// The period a report covers, from the dates given: `to` defaults to `today`, `from` to
/// four weeks before `to`.
pub fn report_period(
    from: Option<&str>,
    to: Option<&str>,
    today: jiff::civil::Date,
) -> Result<crate::tightness::report::Period, BadInput> {
    use crate::tightness::report::{Period, parse_date};
    let date =
        |text: &str, option: &str| parse_date(text).map_err(|e| BadInput(format!("{option}: {e}")));
    let to = to.map_or(Ok(today), |t| date(t, "--to"))?;
    let from = from.map_or(Ok(Period::four_weeks_to(to).from), |f| date(f, "--from"))?;
    if from > to {
        return Err(BadInput(format!(
            "--from {from} is after --to {to}: the period runs from the first date to the second"
        )));
    }
    Ok(Period { from, to })
}

/// A command that could not do what was asked; the message is for the runner.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

/// What `knotmap check` found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckReport {
    /// `FILE:LINE:COL: error: …` and warnings, one a line, for stderr.
    pub problems: String,
    /// `FILE: ok: …`, one a line for each valid file, for stdout.
    pub ok: String,
    /// Whether every file is valid (warnings allowed).
    pub valid: bool,
}

/// `knotmap check`: each problem at its file, line and column, and a line for each file that
/// is fine. Names from files are made safe for the terminal.
pub fn check(catalog: &Catalog, files: &[std::path::PathBuf]) -> CheckReport {
    use crate::routine::Severity;
    use crate::words::terminal_safe;
    let mut report = CheckReport {
        problems: String::new(),
        ok: String::new(),
        valid: true,
    };
    for path in files {
        let display = path.display().to_string();
        let name = terminal_safe(&display);
        match crate::storage::read_routine(path) {
            Err(e) => {
                report.valid = false;
                let line = match &e {
                    crate::storage::StorageError::Routine(r) => match r.position {
                        Some((l, c)) => format!("{name}:{l}:{c}: error: {}", r.message),
                        None => format!("{name}: error: {}", r.message),
                    },
                    crate::storage::StorageError::Io { cause, .. } => format!(
                        "{name}: error: cannot read the file: {}",
                        crate::storage::plain_io(cause)
                    ),
                    crate::storage::StorageError::NotAFile { what, .. } => {
                        format!("{name}: error: that is {what}, not a routine file")
                    }
                    crate::storage::StorageError::WouldNotReadBack { .. } => {
                        format!("{name}: error: {e}")
                    }
                    crate::storage::StorageError::NotAFolder { path } => {
                        format!("{name}: error: {} is a file, not a folder", path.display())
                    }
                    crate::storage::StorageError::TooLarge { size, limit, .. } => format!(
                        "{name}: error: the file is {} — too large for a routine (the limit \
                         is {})",
                        crate::words::human_size(*size),
                        crate::words::human_size(*limit)
                    ),
                };
                report.problems.push_str(&terminal_safe(&line));
                report.problems.push('\n');
            }
            Ok(file) => {
                let mut warnings = file.loaded.routine.warnings(catalog, Some(&file.text));
                // In the order they stand in the file, as a compiler lists them.
                warnings.sort_by_key(|w| (w.line, w.column));
                for w in &warnings {
                    let kind = match w.severity {
                        Severity::Warning => "warning",
                        Severity::Error => {
                            report.valid = false;
                            "error"
                        }
                    };
                    report.problems.push_str(&format!(
                        "{name}:{}:{}: {kind}: {}\n",
                        w.line,
                        w.column,
                        terminal_safe(&w.message)
                    ));
                }
                if let Some(notice) = &file.loaded.read_only {
                    report
                        .problems
                        .push_str(&format!("{name}: note: {notice}\n"));
                }
                if warnings.iter().any(|w| w.severity == Severity::Error) {
                    continue;
                }
                let r = &file.loaded.routine;
                report.ok.push_str(&format!(
                    "{name}: ok: \"{}\", {} steps, {}\n",
                    terminal_safe(&r.name),
                    r.steps.len(),
                    words::duration(r.total_seconds())
                ));
            }
        }
    }
    report
}
