//! The PDF back end (krilla): vector shapes, and text in Inter with the fonts embedded as
//! subsets, so it stays selectable and searchable.

use std::sync::Arc;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};

use super::fonts::{self, Weight};
use super::{Align, Item, Rgb, Segment, Sheet, SheetError, TextBox};

/// The fonts as krilla reads them, parsed once.
fn font(weight: Weight) -> Result<Font, SheetError> {
    static FONTS: std::sync::OnceLock<Option<(Font, Font)>> = std::sync::OnceLock::new();
    let parse = |w: Weight| {
        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(w.data());
        Font::new(Data::from(data), 0)
    };
    let fonts = FONTS
        .get_or_init(|| Some((parse(Weight::Regular)?, parse(Weight::Bold)?)))
        .as_ref()
        .ok_or(SheetError::Fonts)?;
    Ok(match weight {
        Weight::Regular => fonts.0.clone(),
        Weight::Bold => fonts.1.clone(),
    })
}

fn fill(colour: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(colour: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

fn rounded_rect(frame: super::Frame, radius: f32) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    for segment in super::rounded_rect(frame, radius) {
        match segment {
            Segment::Move(x, y) => builder.move_to(x, y),
            Segment::Line(x, y) => builder.line_to(x, y),
            Segment::Cubic(x1, y1, x2, y2, x, y) => builder.cubic_to(x1, y1, x2, y2, x, y),
            Segment::Close => builder.close(),
        }
    }
    builder.finish()
}

fn points_path(points: &[(f32, f32)], close: bool) -> Option<krilla::geom::Path> {
    let (first, rest) = points.split_first()?;
    let mut builder = PathBuilder::new();
    builder.move_to(first.0, first.1);
    for p in rest {
        builder.line_to(p.0, p.1);
    }
    if close {
        builder.close();
    }
    builder.finish()
}

fn draw_shape(
    surface: &mut Surface<'_>,
    path: Option<krilla::geom::Path>,
    f: Option<Rgb>,
    s: Option<(Rgb, f32)>,
) {
    let Some(path) = path else {
        return;
    };
    surface.set_fill(f.map(fill));
    surface.set_stroke(s.map(|(c, w)| stroke(c, w)));
    surface.draw_path(&path);
}

fn draw_text(surface: &mut Surface<'_>, text: &TextBox, fonts: &Fonts2) {
    let Some(metrics) = fonts::Fonts::get() else {
        return;
    };
    let font = match text.weight {
        Weight::Regular => fonts.regular.clone(),
        Weight::Bold => fonts.bold.clone(),
    };
    surface.set_fill(Some(fill(text.colour)));
    surface.set_stroke(None);
    let ascent = metrics.ascent(text.weight, text.size);
    for (i, line) in text.lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        let width = metrics.width(line, text.weight, text.size);
        let x = match text.align {
            Align::Left => text.frame.x,
            Align::Centre => text.frame.x + (text.frame.w - width) / 2.0,
            Align::Right => text.frame.right() - width,
        };
        // Centre the glyphs in the line's box.
        let baseline = text.frame.y
            + text.leading * i as f32
            + (text.leading - text.size) / 2.0
            + ascent * 0.92;
        surface.draw_text(
            Point::from_xy(x, baseline),
            font.clone(),
            text.size,
            line,
            false,
            TextDirection::Auto,
        );
    }
}

struct Fonts2 {
    regular: Font,
    bold: Font,
}

/// Writes the sheet as a PDF document.
pub fn to_pdf(sheet: &Sheet) -> Result<Vec<u8>, SheetError> {
    let fonts = Fonts2 {
        regular: font(Weight::Regular)?,
        bold: font(Weight::Bold)?,
    };
    let (width, height) = sheet.size();
    // Content streams are left uncompressed: that takes a third off the time to write a
    // sheet, which stays a few hundred kilobytes.
    let mut document = Document::new_with(krilla::SerializeSettings {
        compress_content_streams: false,
        ..krilla::SerializeSettings::default()
    });
    document.set_metadata(
        Metadata::new()
            .title(sheet.title.clone())
            .creator(format!("knotmap {}", env!("CARGO_PKG_VERSION"))),
    );
    for page in &sheet.pages {
        let settings = PageSettings::from_wh(width, height)
            .ok_or_else(|| SheetError::Pdf("the page has no size".to_owned()))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for item in &page.items {
            match item {
                Item::Text(text) => draw_text(&mut surface, text, &fonts),
                Item::Rect {
                    frame,
                    fill: f,
                    stroke: s,
                    radius,
                } => draw_shape(&mut surface, rounded_rect(*frame, *radius), *f, *s),
                Item::Line {
                    from,
                    to,
                    colour,
                    width,
                } => draw_shape(
                    &mut surface,
                    points_path(&[*from, *to], false),
                    None,
                    Some((*colour, *width)),
                ),
                Item::Polygon {
                    points,
                    fill: f,
                    stroke: s,
                } => draw_shape(&mut surface, points_path(points, true), *f, *s),
                Item::Polyline {
                    points,
                    colour,
                    width,
                } => draw_shape(
                    &mut surface,
                    points_path(points, false),
                    None,
                    Some((*colour, *width)),
                ),
                Item::Circle {
                    centre,
                    radius,
                    fill: f,
                } => {
                    let r = *radius;
                    let square = super::Frame::new(centre.0 - r, centre.1 - r, 2.0 * r, 2.0 * r);
                    draw_shape(&mut surface, rounded_rect(square, r), Some(*f), None);
                }
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|e| SheetError::Pdf(format!("{e:?}")))
}
