//! The map drawn into pictures at the screen's own pixels, once per layout: the lines that
//! never change colour (the hatching of the no-roll zones, every place's thin outline, the
//! detail lines and the silhouette's outline), and the places' fills at rest. A frame then
//! paints two pictures per figure and only the places that look otherwise, instead of tens
//! of meshes and thousands of line segments.

use eframe::egui::{self, Color32, Pos2, Rect, Vec2};
use tiny_skia::{LineCap, LineJoin, Paint, Pixmap, Stroke, Transform};

use super::super::style::MapPalette;
use super::BodyToScreen;
use crate::body::{DRAWN_TOLERANCE, ViewShape, simplified, simplified_ring};

/// Where the map's pictures go: a view's frame grown to whole pixels (and by a little for
/// the outline's stroke), so that every pixel of a picture lands on one of the screen's.
pub(super) struct Canvas {
    /// The top left corner, in pixels.
    min: Vec2,
    size: [usize; 2],
    /// The same rectangle in points, where the pictures are painted.
    pub rect: Rect,
}

impl Canvas {
    pub fn new(frame: Rect, pixels_per_point: f32) -> Canvas {
        let min = ((frame.min.to_vec2() - Vec2::splat(2.0)) * pixels_per_point).floor();
        let max = ((frame.max.to_vec2() + Vec2::splat(2.0)) * pixels_per_point).ceil();
        Canvas {
            min,
            size: [
                (max.x - min.x).max(1.0) as usize,
                (max.y - min.y).max(1.0) as usize,
            ],
            rect: Rect::from_min_max(
                Pos2::ZERO + min / pixels_per_point,
                Pos2::ZERO + max / pixels_per_point,
            ),
        }
    }

    /// Draws into a transparent picture of the canvas's size.
    fn picture(&self, draw: impl FnOnce(&mut Pixmap)) -> egui::ColorImage {
        match Pixmap::new(self.size[0] as u32, self.size[1] as u32) {
            Some(mut pixmap) => {
                draw(&mut pixmap);
                egui::ColorImage::from_rgba_premultiplied(self.size, pixmap.data())
            }
            None => egui::ColorImage::filled(self.size, Color32::TRANSPARENT),
        }
    }

    /// A polyline on screen (in points) as a path in the picture's pixels.
    fn path(
        &self,
        points: impl Iterator<Item = Pos2>,
        pixels_per_point: f32,
        close: bool,
    ) -> Option<tiny_skia::Path> {
        let points: Vec<(f32, f32)> = points
            .map(|p| {
                let q = p.to_vec2() * pixels_per_point - self.min;
                (q.x, q.y)
            })
            .collect();
        crate::sheet::points_path(&points, close)
    }
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

/// Draws the lines of a view onto its canvas.
pub(super) fn picture(
    shape: &ViewShape,
    t: BodyToScreen,
    canvas: &Canvas,
    palette: &MapPalette,
    pixels_per_point: f32,
) -> egui::ColorImage {
    let path = |points: &[kurbo::Point], close: bool| {
        canvas.path(
            points.iter().map(|&p| t.screen_from_body(p)),
            pixels_per_point,
            close,
        )
    };
    canvas.picture(|pixmap| {
        let mut draw = |path: Option<tiny_skia::Path>, (paint, stroke): &(Paint<'_>, Stroke)| {
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
                draw(path(&[a, b], false), &hatch);
            }
        }
        let thin = (
            paint_of(palette.region_stroke),
            stroke(1.0, pixels_per_point, LineCap::Butt),
        );
        for place in &shape.places {
            draw(
                path(&simplified_ring(&place.outline, DRAWN_TOLERANCE), true),
                &thin,
            );
        }
        let detail = (
            paint_of(palette.detail),
            stroke(1.0, pixels_per_point, LineCap::Round),
        );
        for line in &shape.details {
            draw(path(&simplified(line, DRAWN_TOLERANCE), false), &detail);
        }
        let body = (
            paint_of(palette.body_stroke),
            stroke(1.6, pixels_per_point, LineCap::Butt),
        );
        draw(
            path(&simplified_ring(&shape.silhouette, DRAWN_TOLERANCE), true),
            &body,
        );
    })
}

/// The places' fills in the given colours, drawn onto the canvas in the places' order so
/// that a place inside another covers it. `outlines` are in points on screen.
pub(super) fn fills_picture(
    outlines: &[(&[Pos2], Color32)],
    canvas: &Canvas,
    pixels_per_point: f32,
) -> egui::ColorImage {
    canvas.picture(|pixmap| {
        for &(outline, colour) in outlines {
            if let Some(path) = canvas.path(outline.iter().copied(), pixels_per_point, true) {
                pixmap.fill_path(
                    &path,
                    &paint_of(colour),
                    tiny_skia::FillRule::Winding,
                    Transform::identity(),
                    None,
                );
            }
        }
    })
}
