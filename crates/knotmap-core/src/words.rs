//! Words and numbers that every front end shows alike, the window, the command line, the
//! sheet and the voice: durations, doses, sizes, and text made safe for a terminal.

use std::borrow::Cow;

use crate::catalog::{ComplaintStep, Dose, StepSide};

/// A length of time as it is written: "45 s", "2 min", "1 min 30 s", "1 h 5 min".
pub fn duration(seconds: u32) -> String {
    if seconds >= 3600 {
        // Past an hour the seconds no longer matter.
        return match (seconds / 3600, seconds % 3600 / 60) {
            (h, 0) => format!("{h} h"),
            (h, m) => format!("{h} h {m} min"),
        };
    }
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// A length of time as it is said: "45 seconds", "1 minute 30 seconds", "2 minutes".
pub fn spoken_duration(seconds: u32) -> String {
    let unit = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (seconds / 60, seconds % 60) {
        (0, s) => unit(s, "second", "seconds"),
        (m, 0) => unit(m, "minute", "minutes"),
        (m, s) => format!(
            "{} {}",
            unit(m, "minute", "minutes"),
            unit(s, "second", "seconds")
        ),
    }
}

/// Below this a dose is counted in seconds, as a runner counts it on the floor: "90 s"
/// rather than "1 min 30 s".
const DOSE_IN_SECONDS_BELOW: u32 = 120;

/// How much of a technique one side gets: "90 s", "2 min 30 s", "8 passes".
pub fn dose(dose: Dose) -> String {
    match dose {
        Dose::Seconds(s) if s < DOSE_IN_SECONDS_BELOW => format!("{s} s"),
        Dose::Seconds(s) => duration(s),
        Dose::Passes(n) => passes(n),
    }
}

/// A dose as it is said: "90 seconds", "8 passes".
pub fn spoken_dose(dose: Dose) -> String {
    match dose {
        Dose::Seconds(s) => spoken_duration(s),
        Dose::Passes(n) => passes(n),
    }
}

/// A dose and how it applies: "90 s per side" where the body has two, else "90 s".
pub fn dose_per_side(amount: Dose, per_side: bool) -> String {
    if per_side {
        format!("{} per side", dose(amount))
    } else {
        dose(amount)
    }
}

/// The names of a complaint step's place, technique and tool (its ids where the catalog has
/// none, which its validation does not let happen).
pub fn complaint_step_names<'a>(
    catalog: &'a crate::catalog::Catalog,
    step: &'a ComplaintStep,
) -> (&'a str, &'a str, &'a str) {
    (
        catalog
            .region(&step.region)
            .map_or(step.region.as_str(), |r| r.name.as_str()),
        catalog
            .technique(&step.technique)
            .map_or(step.technique.as_str(), |t| t.name.as_str()),
        catalog
            .tool(&step.tool)
            .map_or(step.tool.as_str(), |t| t.name.as_str()),
    )
}

/// One step of a complaint's ready routine as a line: "Sole of the foot, both sides: Foot
/// sole roll (golf ball), 90 s per side".
pub fn complaint_step(catalog: &crate::catalog::Catalog, step: &ComplaintStep) -> String {
    let (place, technique, tool) = complaint_step_names(catalog, step);
    let side = match step.side {
        StepSide::Both => "both sides",
        StepSide::Left => "left",
        StepSide::Right => "right",
        StepSide::Middle => "middle",
    };
    let per_side = step.side == StepSide::Both;
    format!(
        "{place}, {side}: {technique} ({}), {}",
        lower_first(tool),
        dose_per_side(step.dose, per_side)
    )
}

/// "Foam roller" as it reads inside a sentence: "foam roller".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn passes(n: u32) -> String {
    if n == 1 {
        "1 pass".to_owned()
    } else {
        format!("{n} passes")
    }
}

/// A size in words: "512 kB", "2.0 MB", "50.0 MB".
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}

/// Text from a file (a routine's name, a file name, a log entry) as it may be printed on a
/// terminal: control characters, which could move the cursor, change colours or start a new
/// line that looks like knotmap's own, are shown escaped (`\n`, `\u{1b}`).
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(escaped_on_terminals) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped_on_terminals(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters a terminal must not be handed raw: control characters, and the invisible
/// format characters that reorder or hide text (the bidirectional overrides and isolates,
/// zero-width spaces, the byte-order mark). The joiners (U+200C, U+200D) stay: scripts and
/// emoji need them, and they move nothing.
fn escaped_on_terminals(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'
                | '\u{200E}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// A whole message for the terminal: its own line breaks kept, every other control
/// character escaped.
pub fn terminal_lines(text: &str) -> String {
    text.split('\n')
        .map(terminal_safe)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_characters_are_escaped_like_control_characters() {
        assert_eq!(terminal_safe("abc\u{202E}fed"), "abc\\u{202e}fed");
        assert_eq!(
            terminal_safe("x\u{2067}y\u{200B}z"),
            "x\\u{2067}y\\u{200b}z"
        );
        assert_eq!(terminal_safe("\u{FEFF}name"), "\\u{feff}name");
        // Joiners are part of the text in many scripts and in emoji.
        assert_eq!(terminal_safe("क्\u{200D}ष"), "क्\u{200D}ष");
        assert_eq!(terminal_safe("Calf roll"), "Calf roll");
    }

    #[test]
    fn durations_and_doses_read_naturally() {
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(120), "2 min");
        assert_eq!(duration(90), "1 min 30 s");
        assert_eq!(duration(3900), "1 h 5 min");
        assert_eq!(duration(36_000), "10 h");
        assert_eq!(spoken_duration(1), "1 second");
        assert_eq!(spoken_duration(60), "1 minute");
        assert_eq!(spoken_duration(90), "1 minute 30 seconds");
        assert_eq!(spoken_duration(125), "2 minutes 5 seconds");
        assert_eq!(dose(Dose::Seconds(90)), "90 s");
        assert_eq!(dose(Dose::Seconds(150)), "2 min 30 s");
        assert_eq!(dose(Dose::Passes(1)), "1 pass");
        assert_eq!(dose_per_side(Dose::Seconds(60), true), "60 s per side");
        assert_eq!(dose_per_side(Dose::Passes(8), false), "8 passes");
        assert_eq!(spoken_dose(Dose::Seconds(60)), "1 minute");
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(1), "1 kB");
        assert_eq!(human_size(2 * 1024 * 1024), "2.0 MB");
        assert_eq!(human_size(50 * 1024 * 1024), "50.0 MB");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(terminal_safe("Calves"), "Calves");
        assert_eq!(
            terminal_safe("Bad\u{1b}[2J\nname\r"),
            "Bad\\u{1b}[2J\\nname\\r"
        );
        assert_eq!(terminal_lines("one\ntwo\u{7}"), "one\ntwo\\u{7}");
    }
}
