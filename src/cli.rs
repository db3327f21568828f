//! The command line: `knotmap regions`, `knotmap show QUERY`, and no subcommand for the window.

use clap::{Parser, Subcommand};

use crate::catalog::{Catalog, Dossier, Hit, Place, Side};
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

/// The period a report covers, from the dates given: `to` defaults to `today`, `from` to
/// four weeks before `to`.
pub fn report_period(
    from: Option<&str>,
    to: Option<&str>,
    today: jiff::civil::Date,
) -> Result<crate::log::report::Period, BadInput> {
    use crate::log::report::{Period, parse_date};
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
                let warnings = file.loaded.routine.warnings(catalog, Some(&file.text));
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

/// Text width for wrapped paragraphs.
const WIDTH: usize = 88;

/// `knotmap regions`: one region a line.
pub fn regions(catalog: &Catalog) -> String {
    let mut rows: Vec<[String; 4]> = Vec::new();
    for region in &catalog.regions {
        for side in region.sides() {
            rows.push([
                region.id.to_string(),
                region.display_name(side),
                region.view.label().to_owned(),
                side.map_or("middle", Side::label).to_owned(),
            ]);
        }
    }
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let line = format!(
            "{:w0$}  {:w1$}  {:w2$}  {}",
            row[0],
            row[1],
            row[2],
            row[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `knotmap show QUERY`: the dossier of every match, or the closest names as an error.
pub fn show(catalog: &Catalog, query: &str) -> Result<String, BadInput> {
    let result = catalog.find(query);
    if result.hits.is_empty() {
        let mut message = format!("nothing in the catalog is called \"{}\"", query.trim());
        if result.suggestions.is_empty() {
            message.push_str("; try `knotmap regions` for the places on the map");
        } else {
            message.push_str("; did you mean: ");
            message.push_str(&result.suggestions.join(", "));
            message.push('?');
        }
        return Err(BadInput(message));
    }
    // The details of the entries that answer best; the others are named after them.
    let best = result.ranks[0];
    let shown: Vec<Hit> = result
        .hits
        .iter()
        .zip(&result.ranks)
        .take_while(|(_, rank)| **rank == best)
        .map(|(&hit, _)| hit)
        .collect();
    let pages: Vec<String> = shown
        .iter()
        .map(|&hit| dossier_text(catalog, &Dossier::new(catalog, hit)))
        .collect();
    let mut out = String::new();
    if shown.len() > 1 {
        // Several entries answer as well: say which, in order, before the details of each.
        out = format!("{} entries answer to \"{}\":\n", shown.len(), query.trim());
        for (n, &hit) in shown.iter().enumerate() {
            hanging(&mut out, &format!("{}. {}", n + 1, heading(catalog, hit)));
        }
        out.push('\n');
    }
    out.push_str(&pages.join(&format!("\n{}\n\n", "─".repeat(WIDTH))));
    let others = &result.hits[shown.len()..];
    if !others.is_empty() {
        out.push_str(&format!(
            "\n{}\n\nAlso about \"{}\":\n",
            "─".repeat(WIDTH),
            query.trim()
        ));
        for &hit in others.iter().take(12) {
            hanging(&mut out, &heading(catalog, hit));
        }
        if others.len() > 12 {
            hanging(&mut out, &format!("and {} more", others.len() - 12));
        }
    }
    Ok(out)
}

fn wrap(out: &mut String, indent: usize, text: &str) {
    let pad = " ".repeat(indent);
    wrap_hanging(out, &pad, &pad, text);
}

/// Wraps text to the terminal width with the given indents, breaking lines between words
/// only, never after the hyphen of "push-off".
fn wrap_hanging(out: &mut String, first: &str, rest: &str, text: &str) {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// A bullet at two spaces with its following lines under the text.
fn hanging(out: &mut String, text: &str) {
    wrap_hanging(out, "  ", "    ", text);
}

fn heading(catalog: &Catalog, hit: Hit) -> String {
    match hit {
        Hit::Region(Place { region: i, side }) => {
            let region = &catalog.regions[i];
            let place = match (side, region.sided) {
                (Some(s), _) => format!("{} side", s.label()),
                (None, true) => "left and right".to_owned(),
                (None, false) => "middle".to_owned(),
            };
            format!(
                "{} — region, {} view, {place}",
                region.display_name(side),
                region.view.label()
            )
        }
        Hit::Muscle(i) => {
            let m = &catalog.muscles[i];
            format!("{} — muscle, {}", m.name, m.stride.title().to_lowercase())
        }
        Hit::Technique(i) => format!("{} — technique", catalog.techniques[i].name),
        Hit::Tool(i) => format!("{} — tool", catalog.tools[i].name),
        Hit::Basic(i) => format!("{} — the basics", catalog.basics[i].title),
    }
}

fn also(aliases: &[String]) -> String {
    if aliases.is_empty() {
        String::new()
    } else {
        format!(" (also: {})", aliases.join(", "))
    }
}

/// Renders a dossier as plain text for the terminal.
pub fn dossier_text(catalog: &Catalog, d: &Dossier<'_>) -> String {
    let mut out = String::new();
    let title = heading(catalog, d.subject);
    out.push_str(&format!("{title}\n{}\n", "=".repeat(title.chars().count())));
    match d.subject {
        Hit::Region(Place { region: i, .. }) => {
            let region = &catalog.regions[i];
            if !region.aliases.is_empty() {
                wrap(
                    &mut out,
                    0,
                    &format!("Also called: {}", region.aliases.join(", ")),
                );
            }
            wrap(&mut out, 0, &region.about);
            if let Some(why) = &region.no_roll {
                out.push('\n');
                wrap(&mut out, 0, &format!("DO NOT ROLL HERE. {why}"));
            }
        }
        Hit::Muscle(i) => {
            let m = &catalog.muscles[i];
            if !m.aliases.is_empty() {
                wrap(
                    &mut out,
                    0,
                    &format!("Also called: {}", m.aliases.join(", ")),
                );
            }
            wrap(&mut out, 0, &m.what);
            wrap(&mut out, 0, &format!("Why it matters: {}", m.why));
        }
        Hit::Technique(i) => wrap(&mut out, 0, &catalog.techniques[i].summary),
        Hit::Tool(i) => {
            let t = &catalog.tools[i];
            if !t.aliases.is_empty() {
                wrap(
                    &mut out,
                    0,
                    &format!("Also called: {}", t.aliases.join(", ")),
                );
            }
            wrap(&mut out, 0, &t.about);
        }
        Hit::Basic(i) => wrap(&mut out, 0, &catalog.basics[i].text),
    }

    if !matches!(d.subject, Hit::Region(..)) && !d.regions.is_empty() {
        let names: Vec<String> = d
            .regions
            .iter()
            .map(|r| format!("{} ({} view)", r.name, r.view.label()))
            .collect();
        out.push_str("\nWhere on the map\n");
        wrap(&mut out, 2, &names.join(", "));
    }

    if !matches!(d.subject, Hit::Muscle(_)) && !d.muscles.is_empty() {
        out.push_str("\nMuscles\n");
        for m in &d.muscles {
            hanging(
                &mut out,
                &format!(
                    "• {}{} — {}",
                    m.name,
                    also(&m.aliases),
                    m.stride.title().to_lowercase()
                ),
            );
            wrap(&mut out, 4, &format!("{} {}", m.what, m.why));
        }
    }

    if !d.techniques.is_empty() {
        out.push_str("\nTechniques\n");
        for t in &d.techniques {
            technique_text(&mut out, catalog, t);
        }
    }

    if !d.tools.is_empty() {
        out.push_str(if matches!(d.subject, Hit::Tool(_)) {
            "\nStand-ins\n"
        } else {
            "\nTools\n"
        });
        for tool in &d.tools {
            let stand_ins: Vec<&str> = tool
                .stand_ins
                .iter()
                .filter_map(|id| catalog.tool(id))
                .map(|t| t.name.as_str())
                .collect();
            if !matches!(d.subject, Hit::Tool(_)) {
                hanging(&mut out, &format!("• {}: {}", tool.name, tool.about));
            }
            if !stand_ins.is_empty() {
                wrap(
                    &mut out,
                    4,
                    &format!("Stand-ins: {}.", stand_ins.join(", ")),
                );
            }
            wrap(&mut out, 4, &tool.stand_in_note);
            if let Some(how) = &tool.home_made {
                wrap(&mut out, 4, &format!("Make it: {how}"));
            }
        }
    }

    if !d.cautions.is_empty() {
        out.push_str("\nCautions\n");
        for c in &d.cautions {
            hanging(
                &mut out,
                &format!("! {} ({})", c.title, c.severity.title().to_lowercase()),
            );
            wrap(&mut out, 4, &c.text);
        }
    }
    out
}

fn technique_text(out: &mut String, catalog: &Catalog, t: &crate::catalog::Technique) {
    hanging(
        out,
        &format!(
            "• {} — {}",
            t.name,
            words::dose_per_side(t.dose, t.per_side)
        ),
    );
    wrap(out, 4, &t.summary);
    let tools: Vec<&str> = t
        .tools
        .iter()
        .filter_map(|id| catalog.tool(id))
        .map(|tool| tool.name.as_str())
        .collect();
    let with = if tools.len() > 1 {
        format!("With: {} (best first)", tools.join(", "))
    } else {
        format!("With: {}", tools.join(", "))
    };
    wrap(out, 4, &with);
    for (n, step) in t.steps.iter().enumerate() {
        let text = format!("{}. {step}", n + 1);
        wrap_hanging(out, "    ", "       ", &text);
    }
    for cue in &t.cues {
        wrap(out, 4, &format!("{}: {}", cue.kind.title(), cue.text));
    }
}
