//! A line of text as it is drawn: each character given to the face that draws it (the one
//! rule of [`Fonts::face_of`]), the line cut into runs of one face and one direction, and
//! the runs put in visual order (right-to-left text, Arabic and Hebrew, reads from the
//! right). Measuring, the PDF and the PNG all draw a line from these runs.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

use super::system::{self, SystemFace};
use super::{Fonts, Weight};

/// The face that draws a run.
#[derive(Clone, Copy, Debug)]
pub enum FaceRef {
    /// The bundled face of the text's weight.
    Inter(Weight),
    /// A face found on the system.
    System(&'static SystemFace),
}

impl PartialEq for FaceRef {
    fn eq(&self, other: &FaceRef) -> bool {
        match (self, other) {
            (FaceRef::Inter(a), FaceRef::Inter(b)) => a == b,
            (FaceRef::System(a), FaceRef::System(b)) => a.id == b.id,
            _ => false,
        }
    }
}

impl FaceRef {
    /// The face as rustybuzz shapes it and ttf-parser reads it.
    pub fn face(self) -> Option<&'static rustybuzz::Face<'static>> {
        match self {
            FaceRef::Inter(weight) => super::shaped_inter(weight),
            FaceRef::System(face) => Some(&face.face),
        }
    }
}

/// Part of a line drawn with one face in one direction.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub face: FaceRef,
    /// Where the run's characters are in the line's text.
    pub range: Range<usize>,
    pub rtl: bool,
}

/// A line of text, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Line<'a> {
    /// The text drawn, in reading order: a character no face has is "?".
    pub text: Cow<'a, str>,
    /// The runs, from left to right as they are drawn.
    pub runs: Vec<Run>,
}

/// A character that is never drawn on its own and never seen: joiners, direction marks,
/// variation selectors. It goes with the character before it, which the shaper hides it in.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
        || matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
        || matches!(
            bidi_class(c),
            BidiClass::BN
                | BidiClass::LRE
                | BidiClass::LRO
                | BidiClass::RLE
                | BidiClass::RLO
                | BidiClass::PDF
                | BidiClass::LRI
                | BidiClass::RLI
                | BidiClass::FSI
                | BidiClass::PDI
        ) && !c.is_control()
}

/// A combining mark: it stays in its base character's run where that face has it.
fn is_mark(c: char) -> bool {
    bidi_class(c) == BidiClass::NSM
}

/// The line cut into runs, with faces chosen by `face_of` (the text's own characters, or
/// `None` for "?"); kept apart from the fonts so the cutting can be tested on its own.
pub fn runs_with<'a>(
    text: &'a str,
    weight: Weight,
    face_of: impl Fn(char) -> Option<FaceRef>,
) -> Line<'a> {
    let inter = FaceRef::Inter(weight);
    // Each character's face, and the text with "?" for what nothing draws.
    let mut drawn = String::with_capacity(text.len());
    let mut faces: Vec<(usize, FaceRef)> = Vec::with_capacity(text.len());
    let mut changed = false;
    let mut previous: Option<FaceRef> = None;
    // After a zero-width joiner, the next character stays in the joined face where it can
    // (the parts of an emoji sequence such as 🏃‍♀️).
    let mut joined = false;
    for c in text.chars() {
        let face = if c.is_control() {
            None
        } else if is_invisible(c) {
            Some(previous.unwrap_or(inter))
        } else if (is_mark(c) || joined)
            && let Some(face) = previous.filter(|f| has_glyph(*f, c))
        {
            Some(face)
        } else {
            face_of(c)
        };
        joined = c == '\u{200D}';
        let start = drawn.len();
        match face {
            Some(face) => {
                drawn.push(c);
                faces.push((start, face));
                previous = Some(face);
            }
            None => {
                drawn.push('?');
                faces.push((start, inter));
                previous = Some(inter);
                changed = true;
            }
        }
    }
    let text: Cow<'a, str> = if changed {
        Cow::Owned(drawn)
    } else {
        Cow::Borrowed(text)
    };
    let runs = order_runs(&text, &faces);
    Line { text, runs }
}

fn has_glyph(face: FaceRef, c: char) -> bool {
    face.face()
        .is_some_and(|f| f.glyph_index(c).is_some_and(|g| g.0 != 0))
}

/// Cuts `range` of the text into runs of one face, in logical order.
fn face_runs(faces: &[(usize, FaceRef)], range: Range<usize>, rtl: bool, out: &mut Vec<Run>) {
    let first = faces.partition_point(|(at, _)| *at < range.start);
    let mut runs: Vec<Run> = Vec::new();
    for &(at, face) in faces[first..].iter().take_while(|(at, _)| *at < range.end) {
        match runs.last_mut() {
            Some(run) if run.face == face => {}
            _ => {
                if let Some(run) = runs.last_mut() {
                    run.range.end = at;
                }
                runs.push(Run {
                    face,
                    range: at..range.end,
                    rtl,
                });
            }
        }
    }
    if rtl {
        runs.reverse();
    }
    out.extend(runs);
}

/// The runs in visual order: a line with no right-to-left text is one level, read as is.
fn order_runs(text: &str, faces: &[(usize, FaceRef)]) -> Vec<Run> {
    let mut runs = Vec::new();
    if text.is_empty() {
        return runs;
    }
    let may_be_rtl = text.chars().any(|c| c >= '\u{0590}');
    let bidi = may_be_rtl.then(|| BidiInfo::new(text, None));
    match bidi.as_ref().filter(|b| b.has_rtl()) {
        None => face_runs(faces, 0..text.len(), false, &mut runs),
        Some(bidi) => {
            for paragraph in &bidi.paragraphs {
                let (levels, visual) = bidi.visual_runs(paragraph, paragraph.range.clone());
                for range in visual {
                    let rtl = levels[range.start].is_rtl();
                    face_runs(faces, range, rtl, &mut runs);
                }
            }
        }
    }
    runs
}

impl Fonts {
    /// The line cut into runs by face and direction, in visual order (see the module).
    pub fn runs<'a>(&self, text: &'a str, weight: Weight) -> Line<'a> {
        if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            let runs = if text.is_empty() {
                Vec::new()
            } else {
                vec![Run {
                    face: FaceRef::Inter(weight),
                    range: 0..text.len(),
                    rtl: false,
                }]
            };
            return Line {
                text: Cow::Borrowed(text),
                runs,
            };
        }
        // Every character the system is asked for, in one pass over its fonts.
        let face = self.face(weight);
        let wanted: BTreeSet<char> = text
            .chars()
            .filter(|&c| !c.is_control() && !is_invisible(c) && face.glyph_index(c).is_none())
            .collect();
        system::resolve(&wanted, weight);
        runs_with(text, weight, |c| self.face_of(c, weight))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in rule: ASCII in Inter Regular, Hebrew in "another face" (Inter Bold
    /// stands in for it), the rest "?".
    fn line(text: &str) -> Line<'_> {
        runs_with(text, Weight::Regular, |c| {
            if c.is_ascii() {
                Some(FaceRef::Inter(Weight::Regular))
            } else if ('\u{05D0}'..='\u{05EA}').contains(&c) {
                Some(FaceRef::Inter(Weight::Bold))
            } else {
                None
            }
        })
    }

    fn pieces(line: &Line<'_>) -> Vec<(String, bool)> {
        line.runs
            .iter()
            .map(|r| (line.text[r.range.clone()].to_owned(), r.rtl))
            .collect()
    }

    #[test]
    fn right_to_left_words_are_put_in_visual_order() {
        let l = line("run שלום עולם 5 km");
        // Read from the left: the Hebrew words and the number after them run from the
        // right, each word shaped right to left.
        assert_eq!(
            pieces(&l),
            [
                ("run ".to_owned(), false),
                ("5".to_owned(), false),
                (" ".to_owned(), true),
                ("עולם".to_owned(), true),
                (" ".to_owned(), true),
                ("שלום".to_owned(), true),
                (" km".to_owned(), false),
            ]
        );
        assert!(line("plain text").runs.iter().all(|r| !r.rtl));
    }

    #[test]
    fn what_no_face_has_is_a_question_mark_and_invisible_marks_stay() {
        let l = line("Calves\u{1b}[2J 🏃\u{200D}x");
        assert_eq!(l.text, "Calves?[2J ?\u{200D}x");
        assert_eq!(l.runs.len(), 1);
    }
}
