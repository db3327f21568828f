//! Lines of text shaped for the PDF exactly as krilla's `draw_text` shapes them (rustybuzz:
//! kerning, ligatures), but with each face parsed once and one shaping plan per script and
//! direction. krilla parses the font and plans anew for every line, which took a third of
//! the time to write a sheet.

use std::collections::HashMap;

use krilla::text::{GlyphId, KrillaGlyph};
use rustybuzz::{Direction, Face, Language, Script, ShapePlan, UnicodeBuffer};

use super::fonts::Weight;

/// The faces, parsed once for the whole process.
fn faces() -> Option<&'static [Face<'static>; 2]> {
    static FACES: std::sync::OnceLock<Option<[Face<'static>; 2]>> = std::sync::OnceLock::new();
    FACES
        .get_or_init(|| {
            Some([
                Face::from_slice(Weight::Regular.data(), 0)?,
                Face::from_slice(Weight::Bold.data(), 0)?,
            ])
        })
        .as_ref()
}

fn index(weight: Weight) -> usize {
    match weight {
        Weight::Regular => 0,
        Weight::Bold => 1,
    }
}

/// Shapes lines, keeping the plans it makes for the next.
#[derive(Default)]
pub(super) struct Shaper {
    plans: HashMap<(usize, Direction, Script, Option<Language>), ShapePlan>,
}

impl Shaper {
    /// The glyphs of one line, their advances and offsets in ems, each with the range of
    /// the text it draws; `None` only if the embedded fonts were damaged.
    pub(super) fn shape(&mut self, text: &str, weight: Weight) -> Option<Vec<KrillaGlyph>> {
        let face = &faces()?[index(weight)];
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let direction = buffer.direction();
        let key = (index(weight), direction, buffer.script(), buffer.language());
        let plan = self
            .plans
            .entry(key)
            .or_insert_with_key(|(_, d, s, l)| ShapePlan::new(face, *d, Some(*s), l.as_ref(), &[]));
        let output = rustybuzz::shape_with_plan(face, plan, buffer);
        let em = face.units_per_em() as f32;
        let infos = output.glyph_infos();
        let forward = matches!(direction, Direction::LeftToRight | Direction::TopToBottom);
        let glyphs = infos
            .iter()
            .zip(output.glyph_positions())
            .enumerate()
            .map(|(i, (info, pos))| {
                let cluster = info.cluster;
                // The cluster runs to where the next glyph in reading order starts.
                let next = if forward {
                    infos[i + 1..].iter().find(|g| g.cluster != cluster)
                } else {
                    infos[..i].iter().rev().find(|g| g.cluster != cluster)
                };
                let end = next.map_or(text.len(), |g| g.cluster as usize);
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / em,
                    pos.x_offset as f32 / em,
                    pos.y_offset as f32 / em,
                    pos.y_advance as f32 / em,
                    cluster as usize..end,
                    None,
                )
            })
            .collect();
        Some(glyphs)
    }
}
