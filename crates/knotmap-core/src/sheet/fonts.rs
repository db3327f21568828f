//! The typefaces of the sheet and the window: Inter (regular and bold), bundled, and for the
//! characters it lacks a face found on the system ([`system`]); text measurement for laying
//! out lines that fit their boxes.

pub mod runs;
pub mod system;

use std::ops::Range;
use std::sync::OnceLock;

use crate::draw::Weight;

pub use runs::{FaceRef, Line, Run};

/// Inter Regular, as embedded in the binary.
pub const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/Inter-Regular.otf");
/// Inter Bold, as embedded in the binary.
pub const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/Inter-Bold.otf");

impl Weight {
    pub fn data(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }
}

/// The parsed faces.
pub struct Fonts {
    regular: rustybuzz::Face<'static>,
    bold: rustybuzz::Face<'static>,
    /// The advance of every ASCII character in each face, in font units: most of what is
    /// measured, looked up without searching the font's tables.
    ascii: [[u16; 128]; 2],
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fonts(Inter)")
    }
}

static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();

/// Inter as rustybuzz shapes it.
fn shaped_inter(weight: Weight) -> Option<&'static rustybuzz::Face<'static>> {
    Fonts::get().map(|fonts| fonts.shaped(weight))
}

/// A glyph placed in a line: its advance and offsets in ems of the text's size, and the
/// part of the line's text it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub id: ttf_parser::GlyphId,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    pub y_advance: f32,
    pub text: Range<usize>,
}

/// The glyphs rustybuzz gave a run, in the order they are drawn, each with the range of the
/// line's text it draws (`offset` is where the run starts in the line).
pub(crate) fn placed(
    face: &rustybuzz::Face<'_>,
    output: &rustybuzz::GlyphBuffer,
    run: &Run,
) -> Vec<Glyph> {
    let em = f32::from(ttf_parser::Face::units_per_em(face));
    let infos = output.glyph_infos();
    let len = run.range.len();
    infos
        .iter()
        .zip(output.glyph_positions())
        .enumerate()
        // A character the face lacks (only an invisible one can be) is left out.
        .filter(|(_, (info, _))| info.glyph_id != 0)
        .map(|(i, (info, pos))| {
            let cluster = info.cluster as usize;
            // The cluster runs to where the next glyph in reading order starts.
            let next = if run.rtl {
                infos[..i]
                    .iter()
                    .rev()
                    .find(|g| g.cluster as usize != cluster)
            } else {
                infos[i + 1..]
                    .iter()
                    .find(|g| g.cluster as usize != cluster)
            };
            let end = next.map_or(len, |g| g.cluster as usize);
            Glyph {
                id: ttf_parser::GlyphId(info.glyph_id as u16),
                advance: pos.x_advance as f32 / em,
                x_offset: pos.x_offset as f32 / em,
                y_offset: pos.y_offset as f32 / em,
                y_advance: pos.y_advance as f32 / em,
                text: run.range.start + cluster..run.range.start + end.max(cluster),
            }
        })
        .collect()
}

/// A run's text ready for rustybuzz, in its direction.
pub(crate) fn buffer(line: &Line<'_>, run: &Run) -> rustybuzz::UnicodeBuffer {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(&line.text[run.range.clone()]);
    buffer.set_direction(if run.rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    buffer
}

impl Fonts {
    /// The embedded fonts, parsed once; `None` only if the embedded files were damaged.
    pub fn get() -> Option<&'static Fonts> {
        FONTS
            .get_or_init(|| {
                let regular = rustybuzz::Face::from_slice(REGULAR, 0)?;
                let bold = rustybuzz::Face::from_slice(BOLD, 0)?;
                let table = |face: &ttf_parser::Face<'_>| {
                    std::array::from_fn(|c| {
                        char::from_u32(c as u32).map_or(0, |c| Self::advance(face, c))
                    })
                };
                Some(Fonts {
                    ascii: [table(&regular), table(&bold)],
                    regular,
                    bold,
                })
            })
            .as_ref()
    }

    pub fn face(&self, weight: Weight) -> &ttf_parser::Face<'static> {
        self.shaped(weight)
    }

    fn shaped(&self, weight: Weight) -> &rustybuzz::Face<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The one rule for every character, the same for measuring, the PDF and the PNG: Inter
    /// if it has it, else the first face on the system that has it (Noto first, see
    /// [`system`]), else none, and "?" is drawn in its place (a control character is always
    /// "?"). The system's fonts are only looked at for a character Inter lacks.
    pub fn face_of(&self, c: char, weight: Weight) -> Option<FaceRef> {
        if self.face(weight).glyph_index(c).is_some() {
            return Some(FaceRef::Inter(weight));
        }
        if c.is_control() {
            return None;
        }
        system::face_for(c, weight).map(FaceRef::System)
    }

    /// The glyphs of one run of a line, in the order they are drawn: Inter's
    /// left-to-right text glyph by glyph with no kerning, as the sheet has always been
    /// measured, and every other run shaped (joined Arabic, Indic clusters, right to left).
    pub fn glyphs(&self, line: &Line<'_>, run: &Run) -> Vec<Glyph> {
        if let (FaceRef::Inter(weight), false) = (run.face, run.rtl) {
            let face = self.face(weight);
            let em = f32::from(face.units_per_em());
            return line.text[run.range.clone()]
                .char_indices()
                .filter_map(|(i, c)| {
                    let id = face.glyph_index(c)?;
                    let start = run.range.start + i;
                    Some(Glyph {
                        id,
                        advance: f32::from(face.glyph_hor_advance(id).unwrap_or(0)) / em,
                        x_offset: 0.0,
                        y_offset: 0.0,
                        y_advance: 0.0,
                        text: start..start + c.len_utf8(),
                    })
                })
                .collect();
        }
        let Some(face) = run.face.face() else {
            return Vec::new();
        };
        let output = rustybuzz::shape(face, &[], buffer(line, run));
        placed(face, &output, run)
    }

    /// The advance of the glyph drawn for a character, in font units ("?" for what Inter
    /// lacks, as in the ASCII table, where only control characters lack one).
    fn advance(face: &ttf_parser::Face<'_>, c: char) -> u16 {
        face.glyph_index(c)
            .or_else(|| face.glyph_index('?'))
            .and_then(|g| face.glyph_hor_advance(g))
            .unwrap_or(0)
    }

    /// Width of a line of text in Inter's font units: widths add up, as the sheet measures
    /// text glyph by glyph (a run in another face or direction is shaped, and its width
    /// counted in the same units).
    fn units(&self, text: &str, weight: Weight) -> f32 {
        let ascii = match weight {
            Weight::Regular => &self.ascii[0],
            Weight::Bold => &self.ascii[1],
        };
        if text.is_ascii() {
            return text
                .bytes()
                .map(|b| u32::from(ascii[usize::from(b)]))
                .sum::<u32>() as f32;
        }
        let face = self.face(weight);
        let line = self.runs(text, weight);
        let mut units = 0u32;
        let mut ems = 0.0f32;
        for run in &line.runs {
            if let (FaceRef::Inter(_), false) = (run.face, run.rtl) {
                units += line.text[run.range.clone()]
                    .chars()
                    .map(|c| {
                        u32::from(match ascii.get(c as usize) {
                            Some(&advance) => advance,
                            None => face
                                .glyph_index(c)
                                .and_then(|g| face.glyph_hor_advance(g))
                                .unwrap_or(0),
                        })
                    })
                    .sum::<u32>();
            } else {
                ems += self
                    .glyphs(&line, run)
                    .iter()
                    .map(|g| g.advance)
                    .sum::<f32>();
            }
        }
        units as f32 + ems * f32::from(face.units_per_em())
    }

    /// Font units as points at a size.
    fn points(&self, units: f32, weight: Weight, size: f32) -> f32 {
        units * size / f32::from(self.face(weight).units_per_em())
    }

    /// Width of a line of text, in points.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.points(self.units(text, weight), weight, size)
    }

    /// Distance from the top of a line to its baseline.
    pub fn ascent(&self, weight: Weight, size: f32) -> f32 {
        let face = self.face(weight);
        f32::from(face.ascender()) * size / f32::from(face.units_per_em())
    }

    /// Breaks text into lines no wider than `width`; words too long for a line are broken.
    /// A number stays on the line of the short unit after it ("5 s", "60 min", "10 cm").
    pub fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            // The line so far and its width in font units, grown a word at a time.
            let mut line = String::new();
            let mut line_units = 0.0;
            let space = self.units(" ", weight);
            for word in unbreakable_words(paragraph) {
                let word = word.as_str();
                let word_units = self.units(word, weight);
                let candidate = if line.is_empty() {
                    word_units
                } else {
                    line_units + space + word_units
                };
                if self.points(candidate, weight, size) <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_units = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be.
                let mut piece = String::new();
                let mut piece_units = 0.0;
                for c in word.chars() {
                    let c_units = self.units(c.encode_utf8(&mut [0; 4]), weight);
                    piece.push(c);
                    piece_units += c_units;
                    if self.points(piece_units, weight, size) > width && piece.chars().count() > 1 {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                        piece_units = c_units;
                    }
                }
                line = piece;
                line_units = piece_units;
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }

    /// Fits text into a box: wraps at `size`, shrinking step by step down to `min_size` until
    /// it fits in `max_lines`; if it still does not, the last line ends with "…".
    pub fn fit(
        &self,
        text: &str,
        weight: Weight,
        size: f32,
        min_size: f32,
        width: f32,
        max_lines: usize,
    ) -> (f32, Vec<String>) {
        let mut size = size;
        loop {
            let lines = self.wrap(text, weight, size, width);
            if lines.len() <= max_lines {
                return (size, lines);
            }
            if size - 0.5 < min_size {
                let mut lines = lines;
                lines.truncate(max_lines.max(1));
                if let Some(last) = lines.last_mut() {
                    while !last.is_empty() && self.width(&format!("{last}…"), weight, size) > width
                    {
                        last.pop();
                    }
                    last.push('…');
                }
                return (size, lines);
            }
            size -= 0.5;
        }
    }
}

/// The words of a paragraph, a number joined to a unit of up to three letters after it.
fn unbreakable_words(paragraph: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in paragraph.split_whitespace() {
        let letters = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
        let is_unit = !letters.is_empty()
            && letters.chars().count() <= 3
            && letters.chars().all(char::is_alphabetic);
        match words.last_mut() {
            Some(last) if glue_next && is_unit => {
                last.push(' ');
                last.push_str(word);
                glue_next = false;
                continue;
            }
            _ => {}
        }
        glue_next = word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '–' || c == '-')
            && word.chars().any(|c| c.is_ascii_digit());
        words.push(word.to_owned());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_fonts_cannot_draw_is_a_question_mark() {
        let fonts = Fonts::get().expect("fonts");
        assert_eq!(
            fonts.runs("Calves\u{1b}[2J", Weight::Bold).text,
            "Calves?[2J"
        );
        assert_eq!(
            fonts.runs("Rückenrolle – 5 s", Weight::Regular).text,
            "Rückenrolle – 5 s"
        );
    }

    #[test]
    fn a_number_keeps_its_unit_on_its_line() {
        let fonts = Fonts::get().expect("fonts");
        let text = "sink into a tight spot, move on within 5 s.";
        // A width that fits everything up to "5" but not "5 s.".
        let upto = fonts.width(
            "sink into a tight spot, move on within 5",
            Weight::Regular,
            10.0,
        );
        let lines = fonts.wrap(text, Weight::Regular, 10.0, upto + 1.0);
        assert_eq!(lines.last().map(String::as_str), Some("5 s."), "{lines:?}");
        assert_eq!(
            unbreakable_words("roll for 60 seconds, 2–3 min or 10 passes"),
            [
                "roll",
                "for",
                "60",
                "seconds,",
                "2–3 min",
                "or",
                "10",
                "passes"
            ]
        );
    }

    #[test]
    fn wrapped_lines_fit_their_width() {
        let fonts = Fonts::get().expect("fonts");
        let text = "Roll slowly from just above the knee to the sit bone, pausing on tender spots";
        for width in [40.0, 90.0, 200.0] {
            for line in fonts.wrap(text, Weight::Regular, 10.0, width) {
                assert!(fonts.width(&line, Weight::Regular, 10.0) <= width, "{line}");
            }
        }
        let (size, lines) = fonts.fit(text, Weight::Bold, 12.0, 8.0, 100.0, 2);
        assert!(lines.len() <= 2 && size >= 8.0);
        assert!(
            lines
                .iter()
                .all(|l| fonts.width(l, Weight::Bold, size) <= 100.0)
        );
    }
}
