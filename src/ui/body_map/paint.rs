//! Painting the map: region fills and outlines, hatching, captions, step badges, the legend
//! and the name chip.

use super::MapCache;
use crate::body::{Body, badge_label};
use crate::catalog::{Catalog, Place, Side, Stride, View};
use crate::ui::style::{Look, MapPalette};
use eframe::egui::{self, Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, Vec2};
use std::sync::Arc;

/// Recent tightness by place.
pub(super) type HeatMap =
    std::collections::BTreeMap<(crate::catalog::RegionId, crate::routine::StepSide), f32>;

/// Recent tightness by place, when the map shows it.
pub(super) type Heat<'a> = Option<&'a HeatMap>;

pub(super) fn heat_fill(
    palette: &MapPalette,
    heat: Heat<'_>,
    region: &crate::catalog::Region,
    place: Place,
    look: Look,
) -> Option<Color32> {
    use crate::routine::StepSide;
    let heat = heat?;
    let side = StepSide::from(place.side);
    let strength = match look {
        Look::Rest | Look::InRoutine => 0.8,
        _ => 1.0,
    };
    Some(match heat.get(&(region.id.clone(), side)) {
        Some(t) => {
            crate::ui::style::lerp(palette.body_fill, crate::ui::log::heat_colour(*t), strength)
        }
        None => crate::ui::style::lerp(
            palette.body_fill,
            palette.body_stroke,
            if look >= Look::Hovered { 0.35 } else { 0.15 },
        ),
    })
}

pub(super) fn paint(
    ui: &egui::Ui,
    catalog: &Catalog,
    cache: &mut MapCache,
    palette: &MapPalette,
    looks: &[(Place, Look)],
    focused: Option<Place>,
    heat: Heat<'_>,
) {
    let painter = ui.painter();
    let pixels_per_point = ui.ctx().pixels_per_point();
    let colour_of = |place: Place, look: Look| {
        let region = &catalog.regions[place.region];
        if region.not_covered {
            crate::ui::style::lerp(
                palette.body_fill,
                palette.body_stroke,
                if look >= Look::Hovered { 0.3 } else { 0.0 },
            )
        } else if region.is_no_roll() {
            palette.no_roll_fill(look)
        } else if let Some(colour) = heat_fill(palette, heat, region, place, look) {
            colour
        } else {
            let stride = catalog
                .region_stride(place.region)
                .unwrap_or(Stride::Stability);
            palette.region_fill(stride, look)
        }
    };
    for view in &mut cache.views {
        painter.add(Shape::Mesh(Arc::clone(&view.silhouette)));
        // The places at rest, from a picture drawn again when the tightness shown changes.
        if view
            .fills
            .as_ref()
            .is_none_or(|(shown, _)| shown.as_ref() != heat)
        {
            let outlines: Vec<(&[Pos2], Color32)> = view
                .places
                .iter()
                .map(|p| (p.outline.as_slice(), colour_of(p.place, Look::Rest)))
                .collect();
            let image = super::lines::fills_picture(&outlines, &view.canvas, pixels_per_point);
            let texture = ui.ctx().load_texture(
                format!("map fills, {} view", view.view.label()),
                image,
                egui::TextureOptions::LINEAR,
            );
            view.fills = Some((heat.cloned(), texture));
        }
        if let Some((_, texture)) = &view.fills {
            painter.image(
                texture.id(),
                view.canvas.rect,
                Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                Color32::WHITE,
            );
        }
        let mut strong_outlines = Vec::new();
        for p in &mut view.places {
            let look = looks
                .iter()
                .find(|(place, _)| *place == p.place)
                .map_or(Look::Rest, |(_, l)| *l);
            if look != Look::Rest {
                p.set_colour(colour_of(p.place, look));
                painter.add(Shape::Mesh(Arc::clone(&p.mesh)));
            }
            if look >= Look::Lit || focused == Some(p.place) {
                strong_outlines.push((p.stroke.clone(), look, focused == Some(p.place)));
            }
        }
        // Hatching, thin outlines, details and the silhouette, drawn once per layout.
        painter.image(
            view.lines.id(),
            view.canvas.rect,
            Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
            Color32::WHITE,
        );
        // Lit and selected outlines go last so no neighbour paints over them.
        for (outline, look, is_focused) in strong_outlines {
            let width = if look == Look::Selected { 2.6 } else { 1.6 };
            painter.add(Shape::closed_line(
                outline.clone(),
                Stroke::new(width, palette.selected_stroke),
            ));
            if is_focused {
                let ring = ui.visuals().selection.stroke;
                painter.add(Shape::closed_line(outline, Stroke::new(3.0, ring.color)));
            }
        }
    }
}

/// An outline ready to stroke: the hairline spikes a cut can leave (a point that encloses
/// almost no area with its neighbours) dropped, and each corner sharper than a right angle
/// (the tip of a fan or a wedge) cut by a short chamfer, so the stroke's join turns there
/// instead of shooting a spike past the place.
pub(super) fn strokable(outline: &[Pos2]) -> Vec<Pos2> {
    /// Less area than this (in square points) between a point and its neighbours is no
    /// corner worth drawing.
    const SLIVER: f32 = 0.5;
    const CUT: f32 = 2.0;
    let mut points = outline.to_vec();
    let mut i = 0;
    while points.len() > 3 && i < points.len() {
        let n = points.len();
        let (a, b, c) = (points[(i + n - 1) % n], points[i], points[(i + 1) % n]);
        let area = ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0;
        if area < SLIVER {
            points.remove(i);
            // The point before may be a sliver now.
            i = i.saturating_sub(1);
        } else {
            i += 1;
        }
    }
    let n = points.len();
    if n < 3 {
        return points;
    }
    let mut out = Vec::with_capacity(n + 8);
    for i in 0..n {
        let (before, at, after) = (points[(i + n - 1) % n], points[i], points[(i + 1) % n]);
        let (into, out_of) = (at - before, after - at);
        if into.normalized().dot(out_of.normalized()) < 0.0 {
            // Cut as far back along both edges, so each new corner turns half as much.
            let cut = CUT.min(into.length().min(out_of.length()) * 0.4);
            let (from, to) = (at - into.normalized() * cut, at + out_of.normalized() * cut);
            out.push(from);
            if from.distance(to) > 0.01 {
                out.push(to);
            }
        } else {
            out.push(at);
        }
    }
    out
}

pub(super) fn paint_captions(ui: &egui::Ui, cache: &MapCache, palette: &MapPalette) {
    let painter = ui.painter();
    for view in &cache.views {
        let title = match view.view {
            View::Front => "FRONT",
            View::Back => "BACK",
        };
        // In the corner beside the head, where the figure leaves room.
        painter.text(
            view.frame.left_top() + Vec2::new(2.0, 2.0),
            Align2::LEFT_TOP,
            title,
            FontId::proportional(13.0),
            palette.caption,
        );
        // Which side is which: seen from the front, the runner's right is on the viewer's left.
        let (left_mark, right_mark) = match view.view {
            View::Front => (Side::Right, Side::Left),
            View::Back => (Side::Left, Side::Right),
        };
        let figure_half = 200.0 * view.transform.scale;
        let y = view.frame.bottom() - 4.0;
        let cx = view.transform.offset.x + figure_half;
        for (side, x) in [
            (left_mark, cx - figure_half * 0.8),
            (right_mark, cx + figure_half * 0.8),
        ] {
            let label = match side {
                Side::Left => "L",
                Side::Right => "R",
            };
            painter.text(
                Pos2::new(x, y),
                Align2::CENTER_BOTTOM,
                label,
                FontId::proportional(13.0),
                palette.caption,
            );
        }
    }
}

pub(super) fn paint_badges(
    ui: &egui::Ui,
    cache: &mut MapCache,
    body: &Body,
    badges: &[(Place, Vec<usize>)],
    selected_step: Option<usize>,
    palette: &MapPalette,
) {
    let painter = ui.painter();
    let colour = crate::ui::routine_editor::routine_colour(palette.dark);
    let text_colour = if palette.dark {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    // Badges in proportion to the figure, within what stays readable on screen.
    let figure_height = cache
        .views
        .first()
        .map_or(0.0, |v| v.transform.scale * body.height as f32);
    let height = (crate::body::BADGE_SHARE as f32 * figure_height).clamp(13.0, 18.0);
    let font = FontId::proportional(height * 0.64);
    let galleys: Vec<Option<Arc<egui::Galley>>> = badges
        .iter()
        .map(|(_, numbers)| {
            let text = badge_label(numbers)?;
            Some(painter.layout_no_wrap(text, font.clone(), text_colour))
        })
        .collect();
    let placed = cache.badges.height == height
        && cache
            .badges
            .key
            .as_ref()
            .is_some_and(|(generation, placed)| {
                *generation == cache.generation && placed == badges
            });
    if !placed {
        cache.badges.rects = place_badges(cache, body, badges, &galleys, height);
        cache.badges.key = Some((cache.generation, badges.to_vec()));
        cache.badges.height = height;
    }
    for &(i, badge) in &cache.badges.rects {
        let (Some(galley), Some((_, numbers))) = (&galleys[i], badges.get(i)) else {
            continue;
        };
        let selected = selected_step.is_some_and(|s| numbers.contains(&(s + 1)));
        painter.rect(
            badge,
            CornerRadius::same((height / 2.0) as u8),
            colour,
            Stroke::new(if selected { 2.0 } else { 1.0 }, palette.background),
            egui::StrokeKind::Outside,
        );
        painter.galley(
            badge.center() - galley.size() / 2.0,
            galley.clone(),
            text_colour,
        );
    }
}

/// Places the badges of each view inside their places (see [`ViewShape::badge_centres`]) and
/// returns their screen rectangles with the index of the badge each belongs to.
fn place_badges(
    cache: &MapCache,
    body: &Body,
    badges: &[(Place, Vec<usize>)],
    galleys: &[Option<Arc<egui::Galley>>],
    height: f32,
) -> Vec<(usize, Rect)> {
    let mut rects = Vec::new();
    for view in &cache.views {
        let scale = f64::from(view.transform.scale);
        let sized: Vec<(usize, Place, Vec2)> = badges
            .iter()
            .zip(galleys)
            .enumerate()
            .filter_map(|(i, ((place, _), galley))| {
                Some((i, *place, badge_size(galley.as_ref()?, height)))
            })
            .collect();
        let sizes: Vec<(Place, kurbo::Size)> = sized
            .iter()
            .map(|(_, place, size)| {
                let in_body = kurbo::Size::new(f64::from(size.x), f64::from(size.y)) / scale;
                (*place, in_body)
            })
            .collect();
        let centres = body.view(view.view).badge_centres(&sizes);
        for ((i, _, size), centre) in sized.into_iter().zip(centres) {
            if let Some(centre) = centre {
                let centre = view.transform.screen_from_body(centre);
                rects.push((i, Rect::from_center_size(centre, size)));
            }
        }
    }
    rects
}

/// A badge's size on screen: the text with room around it, never narrower than it is tall.
fn badge_size(galley: &egui::Galley, height: f32) -> Vec2 {
    egui::vec2((galley.size().x + height * 0.5).max(height), height)
}

pub(super) fn paint_name_chip(
    ui: &egui::Ui,
    catalog: &Catalog,
    place: Place,
    pos: Pos2,
    palette: &MapPalette,
) {
    let region = &catalog.regions[place.region];
    let mut text = catalog.place_name(place);
    if region.not_covered {
        text.push_str(" — not covered");
    } else if region.is_no_roll() {
        text.push_str(" — do not roll");
    }
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        egui::Id::unique("map_chip"),
    ));
    let font = FontId::proportional(14.0);
    let visuals = ui.visuals();
    let galley = painter.layout_no_wrap(text, font, visuals.text_color());
    let at = pos + Vec2::new(14.0, 16.0);
    let chip = Rect::from_min_size(at, galley.size() + Vec2::new(16.0, 8.0));
    painter.rect(
        chip,
        CornerRadius::same(5),
        visuals.window_fill,
        Stroke::new(1.0, palette.body_stroke),
        egui::StrokeKind::Outside,
    );
    painter.galley(at + Vec2::new(8.0, 4.0), galley, visuals.text_color());
}
