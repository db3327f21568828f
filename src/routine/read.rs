//! Reading a routine from RON: limits, the version check, unknown fields, and errors that
//! name the file, line and column.

use std::fmt;

use serde::Deserialize;

use super::{
    FORMAT_VERSION, Loaded, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_NESTING, MAX_NOTES_CHARS,
    MAX_STEP_NOTE_CHARS, MAX_STEPS, Routine,
};

/// A routine file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct RoutineError {
    pub file: String,
    /// Line and column, from 1, where the problem is; `None` for the whole file.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl RoutineError {
    pub(super) fn at(file: &str, line: usize, column: usize, message: String) -> Self {
        RoutineError {
            file: file.to_owned(),
            position: Some((line, column)),
            message,
        }
    }

    pub(super) fn whole(file: &str, message: String) -> Self {
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

/// Line and column (from 1) just after the given text.
pub(super) fn line_col(before: &[u8]) -> (usize, usize) {
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

/// Where `"id"` first appears in the text at or after byte `from`.
pub(super) fn find_quoted(text: &str, from: usize, id: &str) -> Option<usize> {
    let needle = format!("\"{id}\"");
    text.get(from..)?.find(&needle).map(|at| from + at)
}

/// The line and column (from 1) of a byte offset.
pub(super) fn line_col_at(text: &str, at: usize) -> (usize, usize) {
    line_col(&text.as_bytes()[..at.min(text.len())])
}

/// The version number alone, read leniently so a newer file can still be recognised.
#[derive(Deserialize)]
pub(super) struct VersionProbe {
    format: u32,
}

pub(super) fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

pub(super) fn spanned(file: &str, text: &str, e: &ron::error::SpannedError) -> RoutineError {
    let problem = described(text, e, MAX_NESTING);
    RoutineError::at(file, problem.line, problem.column, problem.message)
}

/// A ron error at its place in plain words: a file cut short is called cut short, and the
/// nesting limit is named rather than ron's advice to its own programmers.
fn described(text: &str, e: &ron::error::SpannedError, nesting: usize) -> RonProblem {
    let at_end = line_col(text.trim_end().as_bytes());
    let (line, column) = (e.span.start.line, e.span.start.col);
    let near_end = line > at_end.0 || (line == at_end.0 && column + 3 >= at_end.1);
    // A file cut short: a bracket or string left open, and the trouble on its last line.
    let cut_short = line >= at_end.0 && unclosed(text);
    let message = match &e.code {
        ron::Error::ExceededRecursionLimit => {
            format!("the file nests deeper than {nesting} levels; knotmap's files need only a few")
        }
        ron::Error::Eof => "the file ends too early; is it cut short?".to_owned(),
        code if cut_short || (near_end && !text.trim_end().ends_with(')')) => {
            format!(
                "the file ends too early; is it cut short? ({})",
                plain(code)
            )
        }
        code => plain(code),
    };
    RonProblem {
        line,
        column,
        message,
    }
}

/// A ron error in a runner's words: the choices spelled out, no type names, lower case.
pub fn plain(code: &ron::Error) -> String {
    let list = |names: &[&str]| names.join(", ");
    match code {
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not one of the choices here: {}",
            list(expected)
        ),
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "there is no field `{found}` here; the fields are {}",
            list(expected)
        ),
        ron::Error::MissingStructField { field, outer } => match outer.as_deref() {
            Some("Step") => format!("a step has no `{field}`"),
            Some("Routine") => format!("the routine has no `{field}`"),
            _ => format!("`{field}` is missing"),
        },
        ron::Error::DuplicateStructField { field, .. } => format!("`{field}` is given twice"),
        ron::Error::IntegerOutOfBounds => {
            "this number is out of range here (a count, a dose or a rating is a whole number \
             from 0 up)"
                .to_owned()
        }
        code => {
            let text = code.to_string();
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

pub(super) fn parse(file: &str, text: &str) -> Result<Loaded, RoutineError> {
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
                            plain(&e.code)
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
    check_limits(file, text, &routine)?;
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
pub fn find_field(text: &str, field: &str) -> Option<(usize, usize)> {
    field_offset(text, 0, field).map(|at| line_col_at(text, at))
}

/// The byte offset of the first `field:` at or after `from`.
fn field_offset(text: &str, mut from: usize, field: &str) -> Option<usize> {
    if field.is_empty() {
        return None;
    }
    while let Some(found) = text.get(from..)?.find(field) {
        let at = from + found;
        let after = text[at + field.len()..].trim_start();
        let before_ok = at == 0
            || !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if before_ok && after.starts_with(':') {
            return Some(at);
        }
        from = at + field.len();
    }
    None
}

/// Refuses a routine past the limits on steps and text lengths, at the place in the file that
/// goes past them.
fn check_limits(file: &str, text: &str, routine: &Routine) -> Result<(), RoutineError> {
    let chars = |s: &str| s.chars().count();
    let at_field = |field: &str, message: String| {
        let (line, column) = find_field(text, field).unwrap_or((1, 1));
        RoutineError::at(file, line, column, message)
    };
    if routine.steps.len() > MAX_STEPS {
        return Err(at_field(
            "steps",
            format!(
                "the routine has {} steps; a routine has at most {MAX_STEPS}",
                routine.steps.len()
            ),
        ));
    }
    if chars(&routine.name) > MAX_NAME_CHARS {
        return Err(at_field(
            "name",
            format!(
                "the name is {} characters long; a name has at most {MAX_NAME_CHARS}",
                chars(&routine.name)
            ),
        ));
    }
    if chars(&routine.notes) > MAX_NOTES_CHARS {
        return Err(at_field(
            "notes",
            format!(
                "the notes are {} characters long; notes have at most {MAX_NOTES_CHARS}",
                chars(&routine.notes)
            ),
        ));
    }
    let mut notes_seen = 0;
    for (n, step) in routine.steps.iter().enumerate() {
        for id in [
            step.region.as_str(),
            step.technique.as_str(),
            step.tool.as_str(),
        ] {
            if chars(id) > MAX_ID_CHARS {
                let (line, column) =
                    find_quoted(text, 0, id).map_or((1, 1), |at| line_col_at(text, at));
                return Err(RoutineError::at(
                    file,
                    line,
                    column,
                    format!(
                        "step {}: an id of {} characters; ids have at most {MAX_ID_CHARS}",
                        n + 1,
                        chars(id)
                    ),
                ));
            }
        }
        if let Some(note) = &step.note {
            notes_seen += 1;
            if chars(note) > MAX_STEP_NOTE_CHARS {
                let (line, column) = nth_field(text, "note", notes_seen).unwrap_or((1, 1));
                return Err(RoutineError::at(
                    file,
                    line,
                    column,
                    format!(
                        "step {}: the note is {} characters long; a step's note has at most \
                         {MAX_STEP_NOTE_CHARS}",
                        n + 1,
                        chars(note)
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Where the `n`-th (from 1) `field:` appears, as line and column.
fn nth_field(text: &str, field: &str, n: usize) -> Option<(usize, usize)> {
    let mut at = field_offset(text, 0, field)?;
    for _ in 1..n {
        at = field_offset(text, at + field.len(), field)?;
    }
    Some(line_col_at(text, at))
}

/// Whether a bracket or a string is still open where the text ends: the mark of a file cut
/// short. Comments and the insides of strings are skipped.
fn unclosed(text: &str) -> bool {
    let mut depth: usize = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => loop {
                match chars.next() {
                    None => return true,
                    Some('\\') => {
                        chars.next();
                    }
                    Some('"') => break,
                    Some(_) => {}
                }
            },
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut star = false;
                loop {
                    match chars.next() {
                        None => return true,
                        Some('/') if star => break,
                        Some(c) => star = c == '*',
                    }
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

/// A RON text read as `T` the way knotmap reads its own files: nesting capped, errors at
/// their line and column in plain words. Fields `T` does not know are not dropped silently:
/// the first comes back with its place, for the caller to refuse (its own format) or pass
/// over (a newer one).
pub fn read_ron<T: serde::de::DeserializeOwned>(text: &str) -> Result<RonRead<T>, RonProblem> {
    const NESTING: usize = 16;
    let options = ron::Options::default().with_recursion_limit(NESTING);
    let problem = |e: ron::error::SpannedError| described(text, &e, NESTING);
    let mut unknown = Vec::new();
    let mut de = ron::Deserializer::from_str_with_options(text, &options).map_err(problem)?;
    let value: T = serde_ignored::deserialize(&mut de, |path| unknown.push(path.to_string()))
        .map_err(|e| problem(de.span_error(e)))?;
    de.end().map_err(|e| problem(de.span_error(e)))?;
    let unknown = unknown.into_iter().next().map(|path| {
        let field = path.rsplit('.').next().unwrap_or(&path);
        let (line, column) = find_field(text, field).unwrap_or((1, 1));
        RonProblem {
            line,
            column,
            message: path,
        }
    });
    Ok(RonRead { value, unknown })
}

/// What [`read_ron`] read.
#[derive(Debug)]
pub struct RonRead<T> {
    pub value: T,
    /// The first field the type does not know: its path as the message, and its place.
    pub unknown: Option<RonProblem>,
}

/// A problem at a line and column (from 1) of a RON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RonProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}
