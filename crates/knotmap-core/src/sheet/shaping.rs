//! One way to set a line of text, for the PDF and the PNG alike: each run shaped by
//! rustybuzz (kerning, ligatures, joined Arabic, Indic clusters, right to left) with each face
//! parsed once and one shaping plan per face, script and direction, and the line placed in its
//! box by its shaped width. Both back ends draw the glyphs where [`Shaper::place`] puts them,
//! so the PDF and the PNG of a sheet have their text in the same places.

use std::collections::HashMap;

use rustybuzz::{Direction, Language, Script, ShapePlan};

use super::fonts::{self, FaceRef, Fonts, Glyph, Line, Run};
use super::{Align, TextBox};
use crate::draw::Weight;

/// A face, as a key: Inter's two weights, then the system's faces.
fn key(face: FaceRef) -> usize {
    match face {
        FaceRef::Inter(Weight::Regular) => 0,
        FaceRef::Inter(Weight::Bold) => 1,
        FaceRef::System(face) => 2 + face.id,
    }
}

/// One line of a text box, set: its runs' glyphs from left to right, each run with the x
/// where its pen starts, and the baseline, in points on the page.
#[derive(Debug)]
pub(super) struct SetLine<'a> {
    pub(super) line: Line<'a>,
    pub(super) runs: Vec<(Run, f32, Vec<Glyph>)>,
    pub(super) baseline: f32,
}

/// Shapes runs, keeping the plans it makes for the next.
#[derive(Default)]
pub(super) struct Shaper {
    plans: HashMap<(usize, Direction, Script, Option<Language>), ShapePlan>,
}

impl Shaper {
    /// The glyphs of one run of a line, their advances and offsets in ems, each with the
    /// range of the line's text it draws; `None` only if the embedded fonts were damaged.
    pub(super) fn shape(&mut self, line: &Line<'_>, run: &Run) -> Option<Vec<Glyph>> {
        let face = run.face.face()?;
        let buffer = fonts::buffer(line, run);
        let plan_key = (
            key(run.face),
            buffer.direction(),
            buffer.script(),
            buffer.language(),
        );
        let plan = self
            .plans
            .entry(plan_key)
            .or_insert_with_key(|(_, d, s, l)| ShapePlan::new(face, *d, Some(*s), l.as_ref(), &[]));
        let output = rustybuzz::shape_with_plan(face, plan, buffer);
        Some(fonts::placed(face, &output, run))
    }

    /// Line `i` of a text box, shaped and placed: aligned in its frame by the width of its
    /// shaped glyphs, and centred in the line's height. `None` for an empty line.
    pub(super) fn place<'t>(
        &mut self,
        fonts: &Fonts,
        text: &'t TextBox,
        i: usize,
    ) -> Option<SetLine<'t>> {
        let words = text.lines.get(i).filter(|l| !l.is_empty())?;
        let line = fonts.runs(words, text.weight);
        let runs: Vec<(Run, Vec<Glyph>)> = line
            .runs
            .iter()
            .map(|run| (run.clone(), self.shape(&line, run).unwrap_or_default()))
            .collect();
        let width: f32 = runs
            .iter()
            .flat_map(|(_, glyphs)| glyphs)
            .map(|g| g.advance * text.size)
            .sum();
        let mut x = match text.align {
            Align::Left => text.frame.x,
            Align::Centre => text.frame.x + (text.frame.w - width) / 2.0,
            Align::Right => text.frame.right() - width,
        };
        let baseline = text.frame.y
            + text.leading * i as f32
            + (text.leading - text.size) / 2.0
            + fonts.ascent(text.weight, text.size) * 0.92;
        let runs = runs
            .into_iter()
            .map(|(run, glyphs)| {
                let start = x;
                x += glyphs.iter().map(|g| g.advance).sum::<f32>() * text.size;
                (run, start, glyphs)
            })
            .collect();
        Some(SetLine {
            line,
            runs,
            baseline,
        })
    }
}

/// Where a glyph of a page's text is drawn: its origin on the baseline, in points from the
/// page's top-left corner, and the text it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct GlyphOrigin {
    pub text: String,
    pub x: f32,
    pub y: f32,
}

/// Every glyph of the items' text where the PDF and the PNG both draw it, line by line.
pub fn glyph_origins(items: &[super::Item]) -> Vec<GlyphOrigin> {
    let Some(fonts) = Fonts::get() else {
        return Vec::new();
    };
    let mut shaper = Shaper::default();
    let mut out = Vec::new();
    for item in items {
        let super::Item::Text(text) = item else {
            continue;
        };
        for i in 0..text.lines.len() {
            let Some(set) = shaper.place(fonts, text, i) else {
                continue;
            };
            for (_, start, glyphs) in &set.runs {
                let mut pen = *start;
                for g in glyphs {
                    out.push(GlyphOrigin {
                        text: set.line.text[g.text.clone()].to_owned(),
                        x: pen + g.x_offset * text.size,
                        y: set.baseline - g.y_offset * text.size,
                    });
                    pen += g.advance * text.size;
                }
            }
        }
    }
    out
}
