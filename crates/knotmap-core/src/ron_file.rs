//! knotmap's files in RON (routines, the tightness log, settings, the catalog) read one way:
//! nesting capped, unknown fields found rather than dropped, and every problem at its line and
//! column in a runner's words.

/// Line and column (from 1) just after the given text.
pub fn line_col(before: &[u8]) -> (usize, usize) {
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
pub fn find_quoted(text: &str, from: usize, id: &str) -> Option<usize> {
    let needle = format!("\"{id}\"");
    text.get(from..)?.find(&needle).map(|at| from + at)
}

/// The line and column (from 1) of a byte offset.
pub fn line_col_at(text: &str, at: usize) -> (usize, usize) {
    line_col(&text.as_bytes()[..at.min(text.len())])
}

/// A ron error at its place in plain words: a file cut short is called cut short, and the
/// nesting limit is named rather than ron's advice to its own programmers.
pub fn described(text: &str, e: &ron::error::SpannedError, nesting: usize) -> RonProblem {
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

/// Where the `n`-th (from 1) `field:` appears, as line and column.
pub fn nth_field(text: &str, field: &str, n: usize) -> Option<(usize, usize)> {
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
    let options = options(NESTING);
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

/// The options knotmap reads RON with: nesting capped at `nesting` levels.
pub fn options(nesting: usize) -> ron::Options {
    ron::Options::default().with_recursion_limit(nesting)
}

/// A RON text read strictly as `T` (an unknown field is an error), with nesting capped and
/// a problem at its line and column in plain words.
pub fn read_strict<T: serde::de::DeserializeOwned>(
    text: &str,
    nesting: usize,
) -> Result<T, RonProblem> {
    options(nesting)
        .from_str(text)
        .map_err(|e| described(text, &e, nesting))
}
