//! The figures in screen space, cached: each view's meshes, outlines and pictures, built
//! again only when the layout, the theme or the pixels per point change.

use std::sync::Arc;

use eframe::egui::{self, Color32, Mesh, Pos2, Rect, Vec2, epaint::Vertex};

use super::LEGEND_HEIGHT;
use crate::body::{Body, DRAWN_TOLERANCE, PlaceShape, Triangles, ViewShape, simplified_ring};
use crate::catalog::{Place, View};
use crate::settings::ViewMode;
use crate::ui::style::MapPalette;

/// Maps body space to screen space for one figure: a uniform scale and an offset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct BodyToScreen {
    pub(super) scale: f32,
    pub(super) offset: Vec2,
}

impl BodyToScreen {
    /// The transform that shows `shown` (a rectangle of body space) as large as it fits in
    /// `frame`, centred.
    pub(super) fn fit(shown: kurbo::Rect, frame: Rect) -> BodyToScreen {
        let size = Vec2::new(shown.width() as f32, shown.height() as f32);
        let scale = (frame.width() / size.x).min(frame.height() / size.y);
        let centre = Pos2::new(shown.center().x as f32, shown.center().y as f32);
        let offset = frame.center().to_vec2() - centre.to_vec2() * scale;
        BodyToScreen { scale, offset }
    }

    pub(super) fn screen_from_body(self, p: kurbo::Point) -> Pos2 {
        Pos2::new(p.x as f32, p.y as f32) * self.scale + self.offset
    }

    pub(super) fn body_from_screen(self, p: Pos2) -> kurbo::Point {
        let q = (p - self.offset) / self.scale;
        kurbo::Point::new(f64::from(q.x), f64::from(q.y))
    }
}

/// What the cached meshes depend on: the views' frames, the theme (dark or not) and the
/// pixels per point (as bits).
pub(super) type LayoutKey = (Vec<(View, Rect)>, bool, u32);

/// Screen-space meshes and outlines, rebuilt only when the layout or the theme changes.
#[derive(Default)]
pub struct MapCache {
    /// The place under the pointer, or else the one with the keyboard focus, this frame.
    pub hovered: Option<Place>,
    pub(super) key: Option<LayoutKey>,
    pub(super) views: Vec<ViewCache>,
    pub(super) generation: u64,
    pub(super) badges: BadgeCache,
}

/// Each place a routine works, with its step numbers (see [`crate::body::numbered_places`]).
pub(super) type Numbered = Vec<(Place, Vec<usize>)>;

/// Where the step badges sit on screen, placed again only when the routine's places or the
/// layout change.
#[derive(Default)]
pub(super) struct BadgeCache {
    /// The layout's generation and the places, as last placed.
    pub(super) key: Option<(u64, Numbered)>,
    /// For each badge drawn: its index in the routine's numbered places, and its rectangle.
    pub(super) rects: Vec<(usize, Rect)>,
    pub(super) height: f32,
}

pub(super) struct ViewCache {
    pub(super) view: View,
    pub(super) frame: Rect,
    pub(super) transform: BodyToScreen,
    pub(super) silhouette: Arc<Mesh>,
    /// The lines that never change colour, drawn once into a picture: every place's thin
    /// outline, the hatching of the no-roll zones, the detail lines and the silhouette's
    /// outline.
    pub(super) lines: egui::TextureHandle,
    /// Where the pictures go.
    pub(super) canvas: super::lines::Canvas,
    /// Every place's fill in its colour at rest, drawn into a picture the size of the lines'.
    /// Within a layout only the tightness shown changes those colours, so the picture is
    /// drawn again when it does; a frame paints only the places that look otherwise.
    pub(super) fills: Option<(Option<super::paint::HeatMap>, egui::TextureHandle)>,
    pub(super) places: Vec<PlaceCache>,
}

pub(super) struct PlaceCache {
    pub(super) place: Place,
    pub(super) mesh: Arc<Mesh>,
    pub(super) colour: Color32,
    pub(super) outline: Vec<Pos2>,
    /// The outline ready to stroke when the place is lit (see [`super::paint::strokable`]),
    /// made once with the layout.
    pub(super) stroke: Vec<Pos2>,
    pub(super) anchor: Pos2,
}

pub(super) fn mesh(triangles: &Triangles, t: BodyToScreen, colour: Color32) -> Mesh {
    Mesh {
        vertices: triangles
            .vertices
            .iter()
            .map(|&p| Vertex {
                pos: t.screen_from_body(p),
                uv: egui::epaint::WHITE_UV,
                color: colour,
            })
            .collect(),
        indices: triangles.indices.clone(),
        ..Mesh::default()
    }
}

pub(super) fn polyline(points: &[kurbo::Point], t: BodyToScreen) -> Vec<Pos2> {
    points.iter().map(|&p| t.screen_from_body(p)).collect()
}

impl MapCache {
    /// Where each place's anchor sits on screen, in points, as last drawn.
    pub fn anchors(&self) -> Vec<(Place, Pos2)> {
        self.views
            .iter()
            .flat_map(|v| v.places.iter().map(|p| (p.place, p.anchor)))
            .collect()
    }

    /// Where a point of the body lands on screen, for a view as last drawn.
    pub fn screen_from_body(&self, view: View, point_in_body: kurbo::Point) -> Option<Pos2> {
        self.views
            .iter()
            .find(|v| v.view == view)
            .map(|v| v.transform.screen_from_body(point_in_body))
    }

    /// Changes whenever the layout is rebuilt.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

impl ViewCache {
    pub(super) fn build(
        ctx: &egui::Context,
        shape: &ViewShape,
        body: &Body,
        frame: Rect,
        palette: &MapPalette,
        pixels_per_point: f32,
    ) -> ViewCache {
        let t = BodyToScreen::fit(body.frame, frame);
        let canvas = super::lines::Canvas::new(frame, pixels_per_point);
        ViewCache {
            view: shape.view,
            frame,
            transform: t,
            silhouette: Arc::new(mesh(&shape.silhouette_fill, t, palette.body_fill)),
            lines: ctx.load_texture(
                format!("map lines, {} view", shape.view.label()),
                super::lines::picture(shape, t, &canvas, palette, pixels_per_point),
                egui::TextureOptions::LINEAR,
            ),
            canvas,
            fills: None,
            places: shape
                .places
                .iter()
                .map(|s: &PlaceShape| {
                    let outline = polyline(&simplified_ring(&s.outline, DRAWN_TOLERANCE), t);
                    PlaceCache {
                        place: s.place,
                        mesh: Arc::new(mesh(&s.fill, t, Color32::TRANSPARENT)),
                        colour: Color32::TRANSPARENT,
                        stroke: super::paint::strokable(&outline),
                        outline,
                        anchor: t.screen_from_body(s.anchor),
                    }
                })
                .collect(),
        }
    }
}

impl PlaceCache {
    /// Recolours the cached mesh only when its colour changed.
    pub(super) fn set_colour(&mut self, colour: Color32) {
        if self.colour != colour {
            for v in &mut Arc::make_mut(&mut self.mesh).vertices {
                v.color = colour;
            }
            self.colour = colour;
        }
    }
}

/// The frames of the figures shown, side by side.
pub(super) fn layout(rect: Rect, mode: ViewMode) -> Vec<(View, Rect)> {
    let views: &[View] = match mode {
        ViewMode::Both => &[View::Front, View::Back],
        ViewMode::Front => &[View::Front],
        ViewMode::Back => &[View::Back],
    };
    let figures = Rect::from_min_max(rect.min, rect.max - Vec2::new(0.0, LEGEND_HEIGHT));
    let width = figures.width() / views.len() as f32;
    views
        .iter()
        .enumerate()
        .map(|(i, &view)| {
            let min = figures.min + Vec2::new(width * i as f32, 0.0);
            (
                view,
                Rect::from_min_size(min, Vec2::new(width, figures.height())).shrink(8.0),
            )
        })
        .collect()
}

/// Builds the figures' meshes for this rectangle, unless they are already built for it.
pub(super) fn fit(
    ui: &egui::Ui,
    body: &Body,
    cache: &mut MapCache,
    rect: Rect,
    mode: ViewMode,
    palette: &MapPalette,
) {
    let pixels_per_point = ui.ctx().pixels_per_point();
    let key = (layout(rect, mode), palette.dark, pixels_per_point.to_bits());
    if cache.key.as_ref() != Some(&key) {
        cache.views = key
            .0
            .iter()
            .map(|&(view, frame)| {
                ViewCache::build(
                    ui.ctx(),
                    body.view(view),
                    body,
                    frame,
                    palette,
                    pixels_per_point,
                )
            })
            .collect();
        cache.key = Some(key);
        cache.generation += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    /// Every stroke and fill of the map stays in its frame: a corner the tessellator cannot
    /// turn would shoot a line across the window.
    #[test]
    fn nothing_painted_leaves_the_map() {
        let catalog = Catalog::builtin().expect("catalog");
        let bodies = crate::body::Bodies::builtin(catalog).expect("bodies");
        let ctx = egui::Context::default();
        for figure in crate::body::Figure::ALL {
            let body = bodies.get(figure);
            for (size, pixels_per_point) in [
                (Vec2::new(300.0, 700.0), 1.0),
                (Vec2::new(120.0, 300.0), 2.0),
            ] {
                let frame = Rect::from_min_size(Pos2::new(400.0, 100.0), size);
                let on_map = frame.expand(8.0);
                for dark in [false, true] {
                    let palette = MapPalette::new(dark);
                    for view in View::ALL {
                        let cache = ViewCache::build(
                            &ctx,
                            body.view(view),
                            body,
                            frame,
                            &palette,
                            pixels_per_point,
                        );
                        assert!(
                            on_map.contains_rect(cache.canvas.rect),
                            "{figure:?} {view:?} at {size:?}: the lines' picture {:?} is off the map {frame:?}",
                            cache.canvas.rect
                        );
                        let meshes = [("silhouette", &cache.silhouette)]
                            .into_iter()
                            .chain(cache.places.iter().map(|p| ("a place", &p.mesh)));
                        for (what, mesh) in meshes {
                            for v in &mesh.vertices {
                                assert!(
                                    on_map.contains(v.pos),
                                    "{figure:?} {view:?} at {size:?}: {what} reaches {:?}, off the map {frame:?}",
                                    v.pos
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    /// The strong outline of a lit, selected or focused place stays on the place: stroked
    /// as the window strokes it, on both figures and both views, no corner shoots a spike
    /// beyond the place's own bounds.
    #[test]
    fn outlines_stroke_without_spikes() {
        let catalog = Catalog::builtin().expect("catalog");
        let bodies = crate::body::Bodies::builtin(catalog).expect("bodies");
        let ctx = egui::Context::default();
        let frame = Rect::from_min_size(Pos2::new(400.0, 100.0), Vec2::new(300.0, 700.0));
        let palette = MapPalette::new(false);
        let mut tessellator = egui::epaint::Tessellator::new(
            1.0,
            egui::epaint::TessellationOptions::default(),
            [1024, 1024],
            Vec::new(),
        );
        let mut spikes = Vec::new();
        for figure in crate::body::Figure::ALL {
            let body = bodies.get(figure);
            for view in View::ALL {
                let cache = ViewCache::build(&ctx, body.view(view), body, frame, &palette, 1.0);
                for place in &cache.places {
                    let bounds = Rect::from_points(&place.outline);
                    for width in [1.6, 2.6, 3.0] {
                        let mut mesh = egui::Mesh::default();
                        tessellator.tessellate_shape(
                            egui::Shape::closed_line(
                                place.stroke.clone(),
                                egui::Stroke::new(width, Color32::WHITE),
                            ),
                            &mut mesh,
                        );
                        // A join may reach past the corner it turns by about the stroke's
                        // width; a spike reaches far beyond.
                        let room = bounds.expand(2.0 * width + 1.0);
                        if let Some(v) = mesh.vertices.iter().find(|v| !room.contains(v.pos)) {
                            spikes.push(format!(
                                "{figure:?} {view:?}: the outline of {} reaches {:?}, beyond {room:?}",
                                catalog.place_name(place.place),
                                v.pos
                            ));
                        }
                    }
                }
            }
        }
        assert!(spikes.is_empty(), "{}", spikes.join("\n"));
    }
}
