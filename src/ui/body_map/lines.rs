//! The map drawn into pictures at the screen's own pixels, once per layout: the lines that
//! never change colour (the hatching of the no-roll zones, every place's thin outline, the
//! detail lines and the silhouette's outline), and the places' fills at rest. A frame then
//! paints two pictures per figure and only the places that look otherwise, instead of tens
//! of meshes and thousands of line segments.

use eframe::egui::{self, Color32, Pos2, Rect, Vec2};
use tiny_skia::{LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform};

use super::super::style::MapPalette;
use super::BodyToScreen;
use crate::body::{DRAWN_TOLERANCE, ViewShape, simplified, simplified_ring};

/// The lines of one figure as pixels, and where they go on screen (in points, on whole
/// pixels, so that every pixel of the picture lands on one of the screen's).
pub(super) struct LinesPicture {
    pub image: egui::ColorImage,
    pub rect: Rect,
}

fn paint_of(colour: Color32) -> Paint<'static> {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    let mut paint = Paint::default();
    paint.set_color_rgba8(r, g, b, a);
    paint.anti_alias = true;
    paint
}

fn stroke(width_in_points: f32, pixels_per_point: f32, cap: LineCap) -> Stroke {
    Stroke {
        width: width_in_points * pixels_per_point,
        line_cap: cap,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

/// Draws the lines of a view for a frame on screen.
pub(super) fn picture(
    shape: &ViewShape,
    t: BodyToScreen,
    frame: Rect,
    palette: &MapPalette,
    pixels_per_point: f32,
) -> LinesPicture {
    // The frame, grown to whole pixels and by a little for the outline's stroke.
    let min = ((frame.min.to_vec2() - Vec2::splat(2.0)) * pixels_per_point).floor();
    let max = ((frame.max.to_vec2() + Vec2::splat(2.0)) * pixels_per_point).ceil();
    let size = [
        (max.x - min.x).max(1.0) as usize,
        (max.y - min.y).max(1.0) as usize,
    ];
    let rect = Rect::from_min_max(
        Pos2::ZERO + min / pixels_per_point,
        Pos2::ZERO + max / pixels_per_point,
    );
    let Some(mut pixmap) = Pixmap::new(size[0] as u32, size[1] as u32) else {
        return LinesPicture {
            image: egui::ColorImage::filled(size, Color32::TRANSPARENT),
            rect,
        };
    };
    // Body space to the picture's pixels.
    let to_pixel = |p: kurbo::Point| {
        let s = t.screen_from_body(p).to_vec2() * pixels_per_point - min;
        (s.x, s.y)
    };
    let path = |points: &[kurbo::Point], close: bool| {
        let mut builder = PathBuilder::new();
        let mut points = points.iter().map(|&p| to_pixel(p));
        let (x, y) = points.next()?;
        builder.move_to(x, y);
        for (x, y) in points {
            builder.line_to(x, y);
        }
        if close {
            builder.close();
        }
        builder.finish()
    };
    let mut draw = |path: Option<tiny_skia::Path>, paint: &Paint<'_>, stroke: &Stroke| {
        if let Some(path) = path {
            pixmap.stroke_path(&path, paint, stroke, Transform::identity(), None);
        }
    };

    let hatch = (
        paint_of(palette.no_roll_hatch),
        stroke(1.2, pixels_per_point, LineCap::Butt),
    );
    for place in &shape.places {
        for &(a, b) in &place.hatching {
            draw(path(&[a, b], false), &hatch.0, &hatch.1);
        }
    }
    let thin = (
        paint_of(palette.region_stroke),
        stroke(1.0, pixels_per_point, LineCap::Butt),
    );
    for place in &shape.places {
        draw(
            path(&simplified_ring(&place.outline, DRAWN_TOLERANCE), true),
            &thin.0,
            &thin.1,
        );
    }
    let detail = (
        paint_of(palette.detail),
        stroke(1.0, pixels_per_point, LineCap::Round),
    );
    for line in &shape.details {
        draw(
            path(&simplified(line, DRAWN_TOLERANCE), false),
            &detail.0,
            &detail.1,
        );
    }
    let body = (
        paint_of(palette.body_stroke),
        stroke(1.6, pixels_per_point, LineCap::Butt),
    );
    draw(
        path(&simplified_ring(&shape.silhouette, DRAWN_TOLERANCE), true),
        &body.0,
        &body.1,
    );
    LinesPicture {
        image: egui::ColorImage::from_rgba_premultiplied(size, pixmap.data()),
        rect,
    }
}

/// The places' fills in the colours they have at rest, as pixels the size of `rect` (a
/// lines picture's rectangle), drawn in the places' order so that a place inside another
/// covers it. `outlines` are in points on screen.
pub(super) fn fills_picture(
    outlines: &[(&[Pos2], Color32)],
    rect: Rect,
    pixels_per_point: f32,
) -> egui::ColorImage {
    let min = rect.min.to_vec2() * pixels_per_point;
    let size = [
        (rect.width() * pixels_per_point).round().max(1.0) as usize,
        (rect.height() * pixels_per_point).round().max(1.0) as usize,
    ];
    let Some(mut pixmap) = Pixmap::new(size[0] as u32, size[1] as u32) else {
        return egui::ColorImage::filled(size, Color32::TRANSPARENT);
    };
    for &(outline, colour) in outlines {
        let mut builder = PathBuilder::new();
        let mut points = outline.iter().map(|p| p.to_vec2() * pixels_per_point - min);
        let Some(first) = points.next() else {
            continue;
        };
        builder.move_to(first.x, first.y);
        for p in points {
            builder.line_to(p.x, p.y);
        }
        builder.close();
        if let Some(path) = builder.finish() {
            pixmap.fill_path(
                &path,
                &paint_of(colour),
                tiny_skia::FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }
    egui::ColorImage::from_rgba_premultiplied(size, pixmap.data())
}
