//! Words and numbers that every front end shows alike: sizes, and text made safe for a
//! terminal.

use std::borrow::Cow;

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
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
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
