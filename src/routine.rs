//! The routine document: what to do, in order, on which side, with what, for how long; and
//! how it is read from and written to RON.

pub mod adapt;
mod document;
mod edit;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Dose, RegionId, TechniqueId, ToolId};

pub use document::{Document, Origin};
pub use edit::Edit;

/// The example routines shipped in `routines/`, offered as templates: (file name, text).
pub const TEMPLATES: [(&str, &str); 5] = [
    (
        "before-a-run.ron",
        include_str!("../routines/before-a-run.ron"),
    ),
    (
        "after-a-long-run.ron",
        include_str!("../routines/after-a-long-run.ron"),
    ),
    (
        "breathing-opener.ron",
        include_str!("../routines/breathing-opener.ron"),
    ),
    (
        "knee-and-hip-stability.ron",
        include_str!("../routines/knee-and-hip-stability.ron"),
    ),
    (
        "rest-day-full-body.ron",
        include_str!("../routines/rest-day-full-body.ron"),
    ),
];

/// The templates, parsed. A template that fails to parse is left out (a test keeps them all
/// valid).
pub fn templates() -> Vec<Routine> {
    TEMPLATES
        .iter()
        .filter_map(|(file, text)| Routine::from_ron(file, text).ok())
        .map(|loaded| loaded.routine)
        .collect()
}

/// The format version this knotmap writes. Files with a larger number come from a newer
/// knotmap and open read-only.
pub const FORMAT_VERSION: u32 = 1;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Nesting deeper than this is refused (a routine needs four levels).
pub const MAX_NESTING: usize = 24;

/// When a routine is meant to be done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum When {
    BeforeRun,
    AfterRun,
    RestDay,
    #[default]
    AnyTime,
}

impl When {
    pub const ALL: [When; 4] = [
        When::BeforeRun,
        When::AfterRun,
        When::RestDay,
        When::AnyTime,
    ];

    pub fn title(self) -> &'static str {
        match self {
            When::BeforeRun => "Before a run",
            When::AfterRun => "After a run",
            When::RestDay => "Rest day",
            When::AnyTime => "Any time",
        }
    }
}

/// Which side a step works. `Both` means the left side, then the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StepSide {
    Left,
    Right,
    Both,
    /// A midline region such as the diaphragm.
    Middle,
}

impl StepSide {
    pub fn title(self) -> &'static str {
        match self {
            StepSide::Left => "Left",
            StepSide::Right => "Right",
            StepSide::Both => "Both sides",
            StepSide::Middle => "Middle",
        }
    }

    /// How many times the dose is done: twice for both sides.
    pub fn rounds(self) -> u32 {
        if self == StepSide::Both { 2 } else { 1 }
    }
}

/// One step of a routine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub region: RegionId,
    pub side: StepSide,
    pub technique: TechniqueId,
    pub tool: ToolId,
    /// Seconds or passes, per side.
    pub dose: Dose,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Step {
    /// The time the step takes, both sides counted.
    pub fn seconds(&self) -> u32 {
        self.dose
            .approx_seconds()
            .saturating_mul(self.side.rounds())
    }
}

/// A routine: a named, ordered list of steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Routine {
    pub format: u32,
    pub name: String,
    pub when: When,
    pub notes: String,
    pub steps: Vec<Step>,
}

impl Default for Routine {
    fn default() -> Self {
        Routine {
            format: FORMAT_VERSION,
            name: "New routine".to_owned(),
            when: When::AnyTime,
            notes: String::new(),
            steps: Vec::new(),
        }
    }
}

/// "12 min", "1 min 30 s", "45 s".
pub fn format_duration(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

impl Routine {
    /// Time for the whole routine, both sides counted.
    pub fn total_seconds(&self) -> u32 {
        self.steps
            .iter()
            .map(Step::seconds)
            .fold(0, u32::saturating_add)
    }

    /// The routine as knotmap writes it: pretty RON, fields in a fixed order, so that saving
    /// an unchanged routine gives the same bytes.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .indentor("    ".to_owned())
            .struct_names(false)
            .separate_tuple_members(false)
            .enumerate_arrays(false)
            .escape_strings(false);
        match ron::ser::to_string_pretty(self, config) {
            Ok(mut text) => {
                text.push('\n');
                text
            }
            // Serialising plain strings, numbers and enums cannot fail.
            Err(e) => format!("// could not write this routine: {e}\n"),
        }
    }

    /// Reads a routine from the text of a file; `file` names it in error messages.
    pub fn from_ron(file: &str, text: &str) -> Result<Loaded, RoutineError> {
        parse(file, text)
    }

    /// Reads a routine from raw bytes: checks size and encoding before parsing.
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, RoutineError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(RoutineError::whole(
                file,
                format!(
                    "the file is {} — too large for a routine (the limit is {} MB)",
                    human_size(bytes.len()),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            ));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let (line, column) = line_col(&bytes[..e.valid_up_to()]);
            RoutineError::at(file, line, column, "this is not UTF-8 text".to_owned())
        })?;
        parse(file, text)
    }

    /// Problems a runner should know about, errors first. Errors: a step on a place never to
    /// roll, a dose of zero. Warnings (the file still opens and keeps them): ids the catalog
    /// does not know, a side the place does not have, a technique or tool that does not fit,
    /// a long time on a ball under the glutes.
    pub fn warnings(&self, catalog: &Catalog, text: Option<&str>) -> Vec<Problem> {
        let mut out = Vec::new();
        let position = |id: &str| text.and_then(|t| find_quoted(t, id));
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            out.push(Problem {
                line: 0,
                column: 0,
                severity: Severity::Warning,
                message: "the routine has no name".to_owned(),
            });
        }
        for (n, step) in self.steps.iter().enumerate() {
            let number = n + 1;
            let mut error = |id: &str, message: String| {
                let (line, column) = position(id).unwrap_or((0, 0));
                errors.push(Problem {
                    line,
                    column,
                    severity: Severity::Error,
                    message,
                });
            };
            if catalog
                .region(&step.region)
                .is_some_and(crate::catalog::Region::is_no_roll)
            {
                error(
                    step.region.as_str(),
                    format!(
                        "step {number}: \"{}\" is a place never to roll",
                        step.region
                    ),
                );
            }
            if step.dose.approx_seconds() == 0 {
                error(
                    step.region.as_str(),
                    format!("step {number}: the dose is zero"),
                );
            }
            let mut warn = |id: &str, message: String| {
                let (line, column) = position(id).unwrap_or((0, 0));
                out.push(Problem {
                    line,
                    column,
                    severity: Severity::Warning,
                    message,
                });
            };
            match catalog.region(&step.region) {
                None => warn(
                    step.region.as_str(),
                    format!("step {number}: unknown region \"{}\"", step.region),
                ),
                Some(region) => {
                    let fits = match step.side {
                        StepSide::Middle => !region.sided,
                        _ => region.sided,
                    };
                    if !fits {
                        let side = match step.side {
                            StepSide::Middle => "the middle",
                            StepSide::Both => "both sides",
                            StepSide::Left => "the left side",
                            StepSide::Right => "the right side",
                        };
                        warn(
                            step.region.as_str(),
                            format!("step {number}: \"{}\" has no {side}", step.region),
                        );
                    }
                    if let Some(technique) = catalog.technique(&step.technique)
                        && !technique.muscles.iter().any(|m| region.muscles.contains(m))
                        && !region.is_no_roll()
                    {
                        warn(
                            step.technique.as_str(),
                            format!(
                                "step {number}: \"{}\" does not work the muscles of \"{}\"",
                                step.technique, step.region
                            ),
                        );
                    }
                    if let Some(message) = long_on_a_ball(number, step) {
                        warn(step.region.as_str(), message);
                    }
                }
            }
            if let Some(technique) = catalog.technique(&step.technique)
                && catalog.tool(&step.tool).is_some()
                && !technique.tools.contains(&step.tool)
            {
                warn(
                    step.tool.as_str(),
                    format!(
                        "step {number}: \"{}\" is not a tool for \"{}\"",
                        step.tool, step.technique
                    ),
                );
            }
            if catalog.technique(&step.technique).is_none() {
                warn(
                    step.technique.as_str(),
                    format!("step {number}: unknown technique \"{}\"", step.technique),
                );
            }
            if catalog.tool(&step.tool).is_none() {
                warn(
                    step.tool.as_str(),
                    format!("step {number}: unknown tool \"{}\"", step.tool),
                );
            }
        }
        errors.append(&mut out);
        errors
    }
}

/// A warning when a step keeps a ball under the glutes for long.
fn long_on_a_ball(number: usize, step: &Step) -> Option<String> {
    let ball = crate::builder::BALLS.contains(&step.tool.as_str());
    let long = step.dose.approx_seconds() > 30;
    (ball && long && crate::builder::BALL_PLACES.contains(&step.region.as_str())).then(|| {
        format!(
            "step {number}: {} s on a ball under the glutes is long; keep it to 30 s and move \
             every five seconds",
            step.dose.approx_seconds()
        )
    })
}

/// A routine read from a file.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub routine: Routine,
    /// Set when the file comes from a newer knotmap: it may be read but never rewritten.
    pub read_only: Option<String>,
}

/// How serious a problem in a routine file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in a routine file, at a line and column (0 when unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

/// A routine file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct RoutineError {
    pub file: String,
    /// Line and column, from 1, where the problem is; `None` for the whole file.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl RoutineError {
    fn at(file: &str, line: usize, column: usize, message: String) -> Self {
        RoutineError {
            file: file.to_owned(),
            position: Some((line, column)),
            message,
        }
    }

    fn whole(file: &str, message: String) -> Self {
        RoutineError {
            file: file.to_owned(),
            position: None,
            message,
        }
    }
}

impl fmt::Display for RoutineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}

/// Line and column (from 1) just after the given text.
fn line_col(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Where `"id"` first appears in the text, as line and column.
fn find_quoted(text: &str, id: &str) -> Option<(usize, usize)> {
    let needle = format!("\"{id}\"");
    text.find(&needle)
        .map(|at| line_col(&text.as_bytes()[..at]))
}

/// The version number alone, read leniently so a newer file can still be recognised.
#[derive(Deserialize)]
struct VersionProbe {
    format: u32,
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

fn spanned(file: &str, text: &str, e: &ron::error::SpannedError) -> RoutineError {
    let at_end = line_col(text.trim_end().as_bytes());
    let (line, column) = (e.span.start.line, e.span.start.col);
    let near_end = line > at_end.0 || (line == at_end.0 && column + 3 >= at_end.1);
    let message = match &e.code {
        ron::Error::ExceededRecursionLimit => {
            format!("the file nests deeper than {MAX_NESTING} levels; a routine needs only four")
        }
        ron::Error::Eof => "the file ends too early; is it cut short?".to_owned(),
        code if near_end && !text.trim_end().ends_with(')') => {
            format!("the file ends too early; is it cut short? ({code})")
        }
        code => code.to_string(),
    };
    RoutineError::at(file, line, column, message)
}

fn parse(file: &str, text: &str) -> Result<Loaded, RoutineError> {
    if text.trim().is_empty() {
        return Err(RoutineError::whole(file, "the file is empty".to_owned()));
    }
    let version = ron_options()
        .from_str::<VersionProbe>(text)
        .map(|probe| probe.format)
        .ok();
    let mut ignored = Vec::new();
    let routine: Routine = {
        let mut de = ron::Deserializer::from_str_with_options(text, &ron_options())
            .map_err(|e| spanned(file, text, &e))?;
        let value = serde_ignored::deserialize(&mut de, |path| ignored.push(path.to_string()));
        match value {
            Ok(routine) => {
                de.end()
                    .map_err(|e| spanned(file, text, &de.span_error(e)))?;
                routine
            }
            Err(e) => {
                let e = de.span_error(e);
                if let Some(v) = version.filter(|&v| v > FORMAT_VERSION) {
                    return Err(RoutineError::whole(
                        file,
                        format!(
                            "this routine was written by a newer knotmap (format {v}; this one \
                             reads format {FORMAT_VERSION}) and cannot be read: {}",
                            e.code
                        ),
                    ));
                }
                let mut error = spanned(file, text, &e);
                if let Some(path) = ignored.first() {
                    let field = path.rsplit('.').next().unwrap_or(path);
                    if let Some((l, c)) = find_field(text, field) {
                        error.message.push_str(&format!(
                            " (there is an unknown field `{field}` at {l}:{c}; a typo?)"
                        ));
                    }
                }
                return Err(error);
            }
        }
    };
    if routine.format > FORMAT_VERSION {
        return Ok(Loaded {
            read_only: Some(format!(
                "This routine was written by a newer knotmap (format {}). It is open read-only \
                 so it is never rewritten in the older format {FORMAT_VERSION}.",
                routine.format
            )),
            routine,
        });
    }
    if routine.format == 0 {
        let (line, column) = find_field(text, "format").unwrap_or((1, 1));
        return Err(RoutineError::at(
            file,
            line,
            column,
            "format must be 1 or more".to_owned(),
        ));
    }
    if let Some(path) = ignored.first() {
        let field = path.rsplit('.').next().unwrap_or(path);
        let (line, column) = find_field(text, field).unwrap_or((1, 1));
        return Err(RoutineError::at(
            file,
            line,
            column,
            if path.starts_with("steps") {
                format!(
                    "unknown field `{field}` in {path}; a step has region, side, technique, tool, \
                     dose and note"
                )
            } else {
                format!("unknown field `{path}`; a routine has format, name, when, notes and steps")
            },
        ));
    }
    Ok(Loaded {
        routine,
        read_only: None,
    })
}

/// Where `field:` first appears, as line and column.
fn find_field(text: &str, field: &str) -> Option<(usize, usize)> {
    if field.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = text[from..].find(field) {
        let at = from + found;
        let after = text[at + field.len()..].trim_start();
        let before_ok = at == 0
            || !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if before_ok && after.starts_with(':') {
            return Some(line_col(&text.as_bytes()[..at]));
        }
        from = at + field.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Routine {
        Routine {
            format: 1,
            name: "Test".to_owned(),
            when: When::AfterRun,
            notes: "Slow.".to_owned(),
            steps: vec![Step {
                region: "calf".into(),
                side: StepSide::Both,
                technique: "calf_tool_roll".into(),
                tool: "foam_roller".into(),
                dose: Dose::Seconds(60),
                note: None,
            }],
        }
    }

    #[test]
    fn written_routines_read_back_identically() {
        let text = sample().to_ron();
        let loaded = Routine::from_ron("t.ron", &text).expect("parses");
        assert_eq!(loaded.routine, sample());
        assert_eq!(loaded.routine.to_ron(), text);
        assert_eq!(sample().total_seconds(), 120);
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let err = Routine::from_ron("x.ron", "(\n  format: 1,\n  name: 5,\n)").expect_err("bad");
        assert_eq!(err.position.map(|p| p.0), Some(3));
        assert!(err.to_string().starts_with("x.ron:3:"), "{err}");
    }

    #[test]
    fn unknown_fields_are_refused_with_their_place() {
        let mut text = sample().to_ron();
        text = text.replacen("notes:", "mood: \"good\",\n    notes:", 1);
        let err = Routine::from_ron("x.ron", &text).expect_err("unknown field");
        assert!(err.message.contains("mood"), "{err}");
        assert_eq!(err.position.map(|p| p.0), Some(5));
    }

    #[test]
    fn newer_formats_open_read_only() {
        let text = sample().to_ron().replacen("format: 1", "format: 2", 1);
        let text = text.replacen("notes:", "mood: \"good\",\n    notes:", 1);
        let loaded = Routine::from_ron("x.ron", &text).expect("opens");
        assert!(loaded.read_only.is_some());
    }

    #[test]
    fn an_empty_field_name_is_never_searched_for() {
        assert_eq!(find_field("(a: 1)", ""), None);
        assert_eq!(find_field("(a: 1,\n bb: 2)", "bb"), Some((2, 2)));
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(45), "45 s");
        assert_eq!(format_duration(120), "2 min");
        assert_eq!(format_duration(90), "1 min 30 s");
    }
}
