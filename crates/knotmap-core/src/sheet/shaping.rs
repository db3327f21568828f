//! Runs of text shaped for the PDF exactly as krilla's `draw_text` shapes them (rustybuzz:
//! kerning, ligatures, joined Arabic, Indic clusters, right to left), but with each face
//! parsed once and one shaping plan per face, script and direction. krilla parses the font
//! and plans anew for every line, which took a third of the time to write a sheet.

use std::collections::HashMap;

use krilla::text::{GlyphId, KrillaGlyph};
use rustybuzz::{Direction, Language, Script, ShapePlan};

use super::fonts::{self, FaceRef, Line, Run, Weight};

/// A face, as a key: Inter's two weights, then the system's faces.
fn key(face: FaceRef) -> usize {
    match face {
        FaceRef::Inter(Weight::Regular) => 0,
        FaceRef::Inter(Weight::Bold) => 1,
        FaceRef::System(face) => 2 + face.id,
    }
}

/// Shapes runs, keeping the plans it makes for the next.
#[derive(Default)]
pub(super) struct Shaper {
    plans: HashMap<(usize, Direction, Script, Option<Language>), ShapePlan>,
}

impl Shaper {
    /// The glyphs of one run of a line, their advances and offsets in ems, each with the
    /// range of the line's text it draws; `None` only if the embedded fonts were damaged.
    pub(super) fn shape(&mut self, line: &Line<'_>, run: &Run) -> Option<Vec<KrillaGlyph>> {
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
        let glyphs = fonts::placed(face, &output, run)
            .into_iter()
            .map(|g| {
                KrillaGlyph::new(
                    GlyphId::new(u32::from(g.id.0)),
                    g.advance,
                    g.x_offset,
                    g.y_offset,
                    g.y_advance,
                    g.text,
                    None,
                )
            })
            .collect();
        Some(glyphs)
    }
}
