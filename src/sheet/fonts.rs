//! The typeface of the sheet and the window (Inter, regular and bold): its files, and text
//! measurement for laying out lines that fit their boxes.

use std::sync::OnceLock;

/// Inter Regular, as embedded in the binary.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
/// Inter Bold, as embedded in the binary.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-Bold.otf");

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

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
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
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

impl Fonts {
    /// The embedded fonts, parsed once; `None` only if the embedded files were damaged.
    pub fn get() -> Option<&'static Fonts> {
        FONTS
            .get_or_init(|| {
                let regular = ttf_parser::Face::parse(REGULAR, 0).ok()?;
                let bold = ttf_parser::Face::parse(BOLD, 0).ok()?;
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
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The text as the fonts can draw it: a character they have no glyph for (a control
    /// character, an emoji, a script Inter lacks) becomes "?", as it is measured and as the
    /// PNG draws it, so that no PDF shows an empty box (PDF/UA forbids one).
    pub fn printable<'a>(&self, text: &'a str, weight: Weight) -> std::borrow::Cow<'a, str> {
        let face = self.face(weight);
        if text.chars().all(|c| face.glyph_index(c).is_some()) {
            return std::borrow::Cow::Borrowed(text);
        }
        text.chars()
            .map(|c| {
                if face.glyph_index(c).is_some() {
                    c
                } else {
                    '?'
                }
            })
            .collect::<String>()
            .into()
    }

    /// The glyph drawn for a character: its own, or "?" where the font has none (see
    /// [`Fonts::printable`]).
    pub fn glyph(face: &ttf_parser::Face<'_>, c: char) -> Option<ttf_parser::GlyphId> {
        face.glyph_index(c).or_else(|| face.glyph_index('?'))
    }

    /// The advance of the glyph drawn for a character, in font units.
    fn advance(face: &ttf_parser::Face<'_>, c: char) -> u16 {
        Self::glyph(face, c)
            .and_then(|g| face.glyph_hor_advance(g))
            .unwrap_or(0)
    }

    /// Width of a line of text in font units: widths add up, as the sheet measures text
    /// glyph by glyph.
    fn units(&self, text: &str, weight: Weight) -> u32 {
        let (face, ascii) = match weight {
            Weight::Regular => (&self.regular, &self.ascii[0]),
            Weight::Bold => (&self.bold, &self.ascii[1]),
        };
        text.chars()
            .map(|c| {
                u32::from(match ascii.get(c as usize) {
                    Some(&advance) => advance,
                    None => Self::advance(face, c),
                })
            })
            .sum()
    }

    /// Font units as points at a size.
    fn points(&self, units: u32, weight: Weight, size: f32) -> f32 {
        units as f32 * size / f32::from(self.face(weight).units_per_em())
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
            let mut line_units = 0;
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
                let mut piece_units = 0;
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
            fonts.printable("Calves\u{1b}[2J 🏃", Weight::Bold),
            "Calves?[2J ?"
        );
        assert_eq!(
            fonts.printable("Rückenrolle – 5 s", Weight::Regular),
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
