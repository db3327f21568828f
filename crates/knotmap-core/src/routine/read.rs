//! Reading a routine from RON: limits, the version check, unknown fields, and errors that
//! name the file, line and column.

use std::fmt;

use serde::Deserialize;

use crate::ron_file::{described, find_field, find_quoted, line_col_at, nth_field, plain};

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

/// The version number alone, read leniently so a newer file can still be recognised.
#[derive(Deserialize)]
pub(super) struct VersionProbe {
    format: u32,
}

pub(super) fn ron_options() -> ron::Options {
    crate::ron_file::options(MAX_NESTING)
}

pub(super) fn spanned(file: &str, text: &str, e: &ron::error::SpannedError) -> RoutineError {
    let problem = described(text, e, MAX_NESTING);
    RoutineError::at(file, problem.line, problem.column, problem.message)
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
