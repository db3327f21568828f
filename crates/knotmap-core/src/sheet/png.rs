//! The PNG back end (tiny-skia): the same items, rasterised at a chosen resolution; text is
//! drawn from the font's own glyph outlines.

use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform,
};

use super::fonts::Fonts;
use super::shaping::Shaper;
use super::{Item, Rgb, Segment, Sheet, SheetError, TextBox};

fn paint(colour: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(Color::from_rgba8(colour.0, colour.1, colour.2, 255));
    paint.anti_alias = true;
    paint
}

fn stroke(width: f32) -> Stroke {
    Stroke {
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

pub fn points_path(points: &[(f32, f32)], close: bool) -> Option<tiny_skia::Path> {
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

fn rounded_rect(frame: super::Frame, radius: f32) -> Option<tiny_skia::Path> {
    let mut builder = PathBuilder::new();
    for segment in crate::draw::rounded_rect(frame, radius) {
        match segment {
            Segment::Move(x, y) => builder.move_to(x, y),
            Segment::Line(x, y) => builder.line_to(x, y),
            Segment::Cubic(x1, y1, x2, y2, x, y) => builder.cubic_to(x1, y1, x2, y2, x, y),
            Segment::Close => builder.close(),
        }
    }
    builder.finish()
}

/// Collects a glyph outline into a path, placed and scaled on the page.
struct Outline {
    builder: PathBuilder,
    x: f32,
    y: f32,
    scale: f32,
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.builder
            .move_to(self.x + x * self.scale, self.y - y * self.scale);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.builder
            .line_to(self.x + x * self.scale, self.y - y * self.scale);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.builder.quad_to(
            self.x + x1 * self.scale,
            self.y - y1 * self.scale,
            self.x + x * self.scale,
            self.y - y * self.scale,
        );
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.builder.cubic_to(
            self.x + x1 * self.scale,
            self.y - y1 * self.scale,
            self.x + x2 * self.scale,
            self.y - y2 * self.scale,
            self.x + x * self.scale,
            self.y - y * self.scale,
        );
    }
    fn close(&mut self) {
        self.builder.close();
    }
}

fn draw_text(
    pixmap: &mut Pixmap,
    text: &TextBox,
    fonts: &Fonts,
    shaper: &mut Shaper,
    transform: Transform,
) {
    let paint = paint(text.colour);
    for i in 0..text.lines.len() {
        let Some(set) = shaper.place(fonts, text, i) else {
            continue;
        };
        let mut outline = Outline {
            builder: PathBuilder::new(),
            x: 0.0,
            y: set.baseline,
            scale: 1.0,
        };
        for (run, start, glyphs) in &set.runs {
            let Some(face) = run.face.face() else {
                continue;
            };
            let face: &ttf_parser::Face<'_> = face;
            outline.scale = text.size / f32::from(face.units_per_em());
            let mut pen = *start;
            for glyph in glyphs {
                outline.x = pen + glyph.x_offset * text.size;
                outline.y = set.baseline - glyph.y_offset * text.size;
                // Spaces have no outline; nothing to draw for them. A colour emoji is a
                // picture rather than an outline.
                if face.outline_glyph(glyph.id, &mut outline).is_none() {
                    let at = (outline.x, outline.y);
                    draw_bitmap_glyph(pixmap, face, glyph.id, at, text.size, transform);
                }
                pen += glyph.advance * text.size;
            }
        }
        if let Some(path) = outline.builder.finish() {
            pixmap.fill_path(&path, &paint, FillRule::Winding, transform, None);
        }
    }
}

/// Draws a glyph that is a picture (a colour emoji's PNG) with its origin at `at` on the
/// baseline, scaled to the text's size.
fn draw_bitmap_glyph(
    pixmap: &mut Pixmap,
    face: &ttf_parser::Face<'_>,
    glyph: ttf_parser::GlyphId,
    at: (f32, f32),
    size: f32,
    transform: Transform,
) {
    let Some(image) = face.glyph_raster_image(glyph, u16::MAX) else {
        return;
    };
    if image.format != ttf_parser::RasterImageFormat::PNG || image.pixels_per_em == 0 {
        return;
    }
    let Ok(picture) = Pixmap::decode_png(image.data) else {
        return;
    };
    let scale = size / f32::from(image.pixels_per_em);
    let place = Transform::from_row(
        scale,
        0.0,
        0.0,
        scale,
        at.0 + f32::from(image.x) * scale,
        at.1 - (f32::from(image.y) + f32::from(image.height)) * scale,
    );
    pixmap.draw_pixmap(
        0,
        0,
        picture.as_ref(),
        &tiny_skia::PixmapPaint {
            quality: tiny_skia::FilterQuality::Bilinear,
            ..tiny_skia::PixmapPaint::default()
        },
        transform.pre_concat(place),
        None,
    );
}

fn draw_page(pixmap: &mut Pixmap, items: &[Item], fonts: &Fonts, transform: Transform) {
    let mut shaper = Shaper::default();
    let fill_and_stroke = |pixmap: &mut Pixmap,
                           path: Option<tiny_skia::Path>,
                           f: Option<Rgb>,
                           s: Option<(Rgb, f32)>| {
        let Some(path) = path else {
            return;
        };
        if let Some(colour) = f {
            pixmap.fill_path(&path, &paint(colour), FillRule::Winding, transform, None);
        }
        if let Some((colour, width)) = s {
            pixmap.stroke_path(&path, &paint(colour), &stroke(width), transform, None);
        }
    };
    for item in items {
        match item {
            Item::Text(text) => draw_text(pixmap, text, fonts, &mut shaper, transform),
            Item::Rect {
                frame,
                fill,
                stroke,
                radius,
            } => fill_and_stroke(pixmap, rounded_rect(*frame, *radius), *fill, *stroke),
            Item::Line {
                from,
                to,
                colour,
                width,
            } => fill_and_stroke(
                pixmap,
                points_path(&[*from, *to], false),
                None,
                Some((*colour, *width)),
            ),
            Item::Polygon {
                points,
                fill,
                stroke,
            } => {
                fill_and_stroke(pixmap, points_path(points, true), *fill, *stroke);
            }
            Item::Polyline {
                points,
                colour,
                width,
            } => fill_and_stroke(
                pixmap,
                points_path(points, false),
                None,
                Some((*colour, *width)),
            ),
            Item::Circle {
                centre,
                radius,
                fill,
            } => {
                let r = *radius;
                fill_and_stroke(
                    pixmap,
                    rounded_rect(
                        super::Frame::new(centre.0 - r, centre.1 - r, 2.0 * r, 2.0 * r),
                        r,
                    ),
                    Some(*fill),
                    None,
                );
            }
        }
    }
}

/// One page as premultiplied RGBA pixels at `dpi`: (width, height, pixels).
pub fn page_pixels(
    sheet: &Sheet,
    page: usize,
    dpi: f32,
) -> Result<(u32, u32, Vec<u8>), SheetError> {
    let fonts = Fonts::get().ok_or(SheetError::Fonts)?;
    let scale = dpi / 72.0;
    let (w, h) = sheet.size();
    let (pw, ph) = ((w * scale).ceil() as u32, (h * scale).ceil() as u32);
    let mut pixmap =
        Pixmap::new(pw, ph).ok_or_else(|| SheetError::Png("the page is too large".to_owned()))?;
    pixmap.fill(Color::WHITE);
    if let Some(page) = sheet.pages.get(page) {
        draw_page(
            &mut pixmap,
            &page.items,
            fonts,
            Transform::from_scale(scale, scale),
        );
    }
    Ok((pw, ph, pixmap.take()))
}

/// Draws items laid out on a `width` × `height` point canvas into a square or oblong PNG
/// of `pixels_wide` pixels across, on a transparent background (the app's icon).
pub fn items_to_png(
    items: &[Item],
    width: f32,
    height: f32,
    pixels_wide: u32,
) -> Result<Vec<u8>, SheetError> {
    let fonts = Fonts::get().ok_or(SheetError::Fonts)?;
    let scale = pixels_wide as f32 / width;
    let pixels_high = (height * scale).round() as u32;
    let mut pixmap = Pixmap::new(pixels_wide, pixels_high)
        .ok_or_else(|| SheetError::Png("the picture has no size".to_owned()))?;
    draw_page(
        &mut pixmap,
        items,
        fonts,
        Transform::from_scale(scale, scale),
    );
    pixmap
        .encode_png()
        .map_err(|e| SheetError::Png(e.to_string()))
}

/// Draws items laid out on a `width` × `height` point canvas as premultiplied RGBA pixels,
/// `pixels_per_point` to a point, on a transparent background: (width, height, pixels).
pub fn items_to_pixels(
    items: &[Item],
    width: f32,
    height: f32,
    pixels_per_point: f32,
) -> Result<(u32, u32, Vec<u8>), SheetError> {
    let fonts = Fonts::get().ok_or(SheetError::Fonts)?;
    let (pw, ph) = (
        (width * pixels_per_point).round().max(1.0) as u32,
        (height * pixels_per_point).round().max(1.0) as u32,
    );
    let mut pixmap =
        Pixmap::new(pw, ph).ok_or_else(|| SheetError::Png("the picture has no size".to_owned()))?;
    draw_page(
        &mut pixmap,
        items,
        fonts,
        Transform::from_scale(pixels_per_point, pixels_per_point),
    );
    Ok((pw, ph, pixmap.take()))
}

/// Draws each page at `dpi` as a PNG of its own, the resolution written in the file so an
/// image viewer or a printer knows the page's real size.
pub fn to_pngs(sheet: &Sheet, dpi: f32) -> Result<Vec<Vec<u8>>, SheetError> {
    (0..sheet.pages.len().max(1))
        .map(|page| {
            let (w, h, pixels) = page_pixels(sheet, page, dpi)?;
            let pixmap = Pixmap::from_vec(
                pixels,
                tiny_skia::IntSize::from_wh(w, h)
                    .ok_or_else(|| SheetError::Png("the page has no size".to_owned()))?,
            )
            .ok_or_else(|| SheetError::Png("the page could not be drawn".to_owned()))?;
            encode(&pixmap, dpi)
        })
        .collect()
}

/// The pixels as a PNG file with its resolution: the pixels per metre at `dpi`, so an image
/// viewer or a printer knows the page's real size.
fn encode(pixmap: &Pixmap, dpi: f32) -> Result<Vec<u8>, SheetError> {
    let failed = |e: png::EncodingError| SheetError::Png(e.to_string());
    // tiny-skia keeps its pixels premultiplied by their alpha; a PNG keeps them straight.
    let straight: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&straight).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}
