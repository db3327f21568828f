//! A technique's picture in the window: the renderer's items turned into epaint shapes once
//! per size, figure and theme, then painted from the cache each frame.

use std::sync::Arc;

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use crate::body::Figure;
use crate::catalog::Technique;
use crate::picture::{Palette, Picture, picture_items};
use crate::sheet::{Frame, Item, Rgb};

fn colour(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// The picture's shapes for a canvas of `size` points, at the origin.
fn shapes(picture: &Picture, figure: Figure, size: Vec2, dark: bool) -> Vec<Shape> {
    let palette = if dark { Palette::DARK } else { Palette::LIGHT };
    let items = picture_items(
        picture,
        figure,
        Frame::new(0.0, 0.0, size.x, size.y),
        &palette,
    );
    let p = |(x, y): (f32, f32)| Pos2::new(x, y);
    items
        .into_iter()
        .filter_map(|item| match item {
            Item::Polygon {
                points,
                fill,
                stroke,
            } => Some(Shape::convex_polygon(
                points.into_iter().map(p).collect(),
                fill.map_or(Color32::TRANSPARENT, colour),
                stroke.map_or(Stroke::NONE, |(c, w)| Stroke::new(w, colour(c))),
            )),
            Item::Polyline {
                points,
                colour: c,
                width,
            } => Some(Shape::line(
                points.into_iter().map(p).collect(),
                Stroke::new(width, colour(c)),
            )),
            Item::Line {
                from,
                to,
                colour: c,
                width,
            } => Some(Shape::line_segment(
                [p(from), p(to)],
                Stroke::new(width, colour(c)),
            )),
            Item::Circle {
                centre,
                radius,
                fill,
            } => Some(Shape::circle_filled(p(centre), radius, colour(fill))),
            Item::Rect {
                frame,
                fill,
                radius,
                ..
            } => Some(Shape::rect_filled(
                Rect::from_min_size(p((frame.x, frame.y)), Vec2::new(frame.w, frame.h)),
                radius,
                fill.map_or(Color32::TRANSPARENT, colour),
            )),
            // Pictures carry no text.
            Item::Text(_) => None,
        })
        .collect()
}

/// Draws a technique's picture `size` points large, named for screen readers.
pub fn picture_ui(
    ui: &mut egui::Ui,
    technique: &Technique,
    picture: &Picture,
    figure: Figure,
    size: Vec2,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let dark = ui.visuals().dark_mode;
    let key = egui::Id::unique((
        "technique picture",
        technique.id.as_str(),
        figure,
        size.x.to_bits(),
        size.y.to_bits(),
        dark,
    ));
    if ui.is_rect_visible(rect) {
        let cached: Option<Arc<Vec<Shape>>> = ui.data(|d| d.get_temp(key));
        let cached = cached.unwrap_or_else(|| {
            let made = Arc::new(shapes(picture, figure, size, dark));
            ui.data_mut(|d| d.insert_temp(key, made.clone()));
            made
        });
        let offset = rect.min.to_vec2();
        ui.painter().extend(cached.iter().map(|shape| {
            let mut shape = shape.clone();
            shape.translate(offset);
            shape
        }));
    }
    let name = format!("Picture of the position: {}", technique.name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
    response
}
