//! The body map: the figure from the front and the back, each region coloured by what it does
//! in the stride. Hover shows a name, a click selects, and every region is an accessible,
//! focusable node, so Tab, the arrow keys, Enter and screen readers all reach it.

mod lines;
mod paint;

use std::sync::Arc;

use eframe::egui::{self, Color32, Mesh, Pos2, Rect, Sense, Vec2, epaint::Vertex};

use super::style::{Look, MapPalette};
use crate::body::{Body, DRAWN_TOLERANCE, PlaceShape, Triangles, ViewShape, simplified_ring};
use crate::catalog::{Catalog, Hit, Place, View};
use crate::settings::ViewMode;
use crate::state::{AppState, Command, ViewCommand};
use paint::{
    paint, paint_badges, paint_captions, paint_heat_legend, paint_legend, paint_name_chip,
};

/// Maps body space to screen space for one figure: a uniform scale and an offset.
#[derive(Clone, Copy, Debug, PartialEq)]
struct BodyToScreen {
    scale: f32,
    offset: Vec2,
}

impl BodyToScreen {
    /// The transform that shows `shown` (a rectangle of body space) as large as it fits in
    /// `frame`, centred.
    fn fit(shown: kurbo::Rect, frame: Rect) -> BodyToScreen {
        let size = Vec2::new(shown.width() as f32, shown.height() as f32);
        let scale = (frame.width() / size.x).min(frame.height() / size.y);
        let centre = Pos2::new(shown.center().x as f32, shown.center().y as f32);
        let offset = frame.center().to_vec2() - centre.to_vec2() * scale;
        BodyToScreen { scale, offset }
    }

    fn screen_from_body(self, p: kurbo::Point) -> Pos2 {
        Pos2::new(p.x as f32, p.y as f32) * self.scale + self.offset
    }

    fn body_from_screen(self, p: Pos2) -> kurbo::Point {
        let q = (p - self.offset) / self.scale;
        kurbo::Point::new(f64::from(q.x), f64::from(q.y))
    }
}

/// What the cached meshes depend on: the views' frames, the theme (dark or not) and the
/// pixels per point (as bits).
type LayoutKey = (Vec<(View, Rect)>, bool, u32);

/// Screen-space meshes and outlines, rebuilt only when the layout or the theme changes.
#[derive(Default)]
pub struct MapCache {
    /// The place under the pointer, or else the one with the keyboard focus, this frame.
    pub hovered: Option<Place>,
    key: Option<LayoutKey>,
    views: Vec<ViewCache>,
    generation: u64,
    badges: BadgeCache,
}

/// Each place a routine works, with its step numbers (see [`crate::body::numbered_places`]).
type Numbered = Vec<(Place, Vec<usize>)>;

/// Where the step badges sit on screen, placed again only when the routine's places or the
/// layout change.
#[derive(Default)]
struct BadgeCache {
    /// The layout's generation and the places, as last placed.
    key: Option<(u64, Numbered)>,
    /// For each badge drawn: its index in the routine's numbered places, and its rectangle.
    rects: Vec<(usize, Rect)>,
    height: f32,
}

struct ViewCache {
    view: View,
    frame: Rect,
    transform: BodyToScreen,
    silhouette: Arc<Mesh>,
    /// The lines that never change colour, drawn once into a picture: every place's thin
    /// outline, the hatching of the no-roll zones, the detail lines and the silhouette's
    /// outline.
    lines: egui::TextureHandle,
    /// Where the pictures go.
    canvas: lines::Canvas,
    /// Every place's fill in its colour at rest, drawn into a picture the size of the lines'.
    /// Within a layout only the tightness shown changes those colours, so the picture is
    /// drawn again when it does; a frame paints only the places that look otherwise.
    fills: Option<(Option<paint::HeatMap>, egui::TextureHandle)>,
    places: Vec<PlaceCache>,
}

struct PlaceCache {
    place: Place,
    mesh: Arc<Mesh>,
    colour: Color32,
    outline: Vec<Pos2>,
    anchor: Pos2,
}

fn mesh(triangles: &Triangles, t: BodyToScreen, colour: Color32) -> Mesh {
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

fn polyline(points: &[kurbo::Point], t: BodyToScreen) -> Vec<Pos2> {
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
    fn build(
        ctx: &egui::Context,
        shape: &ViewShape,
        body: &Body,
        frame: Rect,
        palette: &MapPalette,
        pixels_per_point: f32,
    ) -> ViewCache {
        let t = BodyToScreen::fit(body.frame, frame);
        let canvas = lines::Canvas::new(frame, pixels_per_point);
        ViewCache {
            view: shape.view,
            frame,
            transform: t,
            silhouette: Arc::new(mesh(&shape.silhouette_fill, t, palette.body_fill)),
            lines: ctx.load_texture(
                format!("map lines, {} view", shape.view.label()),
                lines::picture(shape, t, &canvas, palette, pixels_per_point),
                egui::TextureOptions::LINEAR,
            ),
            canvas,
            fills: None,
            places: shape
                .places
                .iter()
                .map(|s: &PlaceShape| PlaceCache {
                    place: s.place,
                    mesh: Arc::new(mesh(&s.fill, t, Color32::TRANSPARENT)),
                    colour: Color32::TRANSPARENT,
                    outline: polyline(&simplified_ring(&s.outline, DRAWN_TOLERANCE), t),
                    anchor: t.screen_from_body(s.anchor),
                })
                .collect(),
        }
    }
}

impl PlaceCache {
    /// Recolours the cached mesh only when its colour changed.
    fn set_colour(&mut self, colour: Color32) {
        if self.colour != colour {
            for v in &mut Arc::make_mut(&mut self.mesh).vertices {
                v.color = colour;
            }
            self.colour = colour;
        }
    }
}

/// Height of the legend below the figures.
const LEGEND_HEIGHT: f32 = 34.0;

/// How each place should look this frame, from the selection and the search.
fn looks(
    catalog: &Catalog,
    body: &Body,
    state: &AppState,
    hovered: Option<Place>,
) -> Vec<(Place, Look)> {
    let mut out: Vec<(Place, Look)> = Vec::new();
    let mut raise = |place: Place, look: Look| match out.iter_mut().find(|(p, _)| *p == place) {
        Some((_, l)) => *l = (*l).max(look),
        None => out.push((place, look)),
    };
    if !state.query.trim().is_empty() {
        for &hit in &state.matches {
            for place in body.places_of(catalog, hit) {
                raise(place, Look::Lit);
            }
        }
    }
    let routine = &state.doc.routine;
    // While playing, only the side being worked lights up.
    let playing_side = match state.play.map(|p| p.now) {
        Some(crate::player::Now::Playing { segment, .. }) => match segment.phase {
            crate::player::Phase::Work(side) => Some((segment.step, side)),
            _ => None,
        },
        _ => None,
    };
    for (index, step) in routine.steps.iter().enumerate() {
        let look = if state.selected_step == Some(index) {
            Look::Selected
        } else {
            Look::InRoutine
        };
        for place in crate::body::step_places(catalog, step) {
            let other_side =
                playing_side.is_some_and(|(playing, side)| playing == index && place.side != side);
            raise(place, if other_side { Look::InRoutine } else { look });
        }
    }
    if let Some(hit) = state.selection {
        let look = if matches!(hit, Hit::Region(..)) {
            Look::Selected
        } else {
            Look::Lit
        };
        for place in body.places_of(catalog, hit) {
            raise(place, look);
        }
    }
    if let Some(place) = hovered {
        raise(place, Look::Hovered);
    }
    out
}

/// The frames of the figures shown, side by side.
fn layout(rect: Rect, mode: ViewMode) -> Vec<(View, Rect)> {
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

/// Draws the map and sends Select commands; remembers the place under the pointer or the
/// keyboard focus for this frame.
pub fn body_map_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    body: &Body,
    state: &AppState,
    cache: &mut MapCache,
    commands: &mut Vec<Command>,
) {
    let palette = MapPalette::new(ui.visuals().dark_mode);
    // The canvas takes clicks but not the keyboard focus: each place is a node of its own.
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::CLICK);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, "Body map"));
    fit(ui, body, cache, rect, state.settings.view_mode, &palette);

    // Keyboard and screen-reader nodes first, so a focused region counts as hovered.
    let place_id = |place: Place| response.id.with(("place", place.region, place.side));
    let every_node = needs_every_node(ui, state, cache, &place_id);
    let mut focused = None;
    let mut clicked_place = None;
    let views = cache.views.len();
    for (v, view) in cache.views.iter().enumerate() {
        let mut order: Vec<&PlaceCache> = view.places.iter().collect();
        order.sort_by(|a, b| {
            (a.anchor.y / 24.0)
                .floor()
                .total_cmp(&(b.anchor.y / 24.0).floor())
                .then(a.anchor.x.total_cmp(&b.anchor.x))
        });
        let count = order.len();
        for (k, p) in order.into_iter().enumerate() {
            // Without a screen reader or the focus on the map, only the first and the last
            // place stand in for the map in the Tab order: the rest join once Tab reaches it.
            let end = (v == 0 && k == 0) || (v + 1 == views && k + 1 == count);
            if !every_node && !end {
                continue;
            }
            let node = ui.interact(
                Rect::from_center_size(p.anchor, Vec2::splat(10.0)),
                place_id(p.place),
                Sense::click(),
            );
            let selected = state.selection == Some(Hit::Region(p.place));
            node.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    selected,
                    catalog.place_name(p.place),
                )
            });
            if node.clicked() {
                clicked_place = Some(p.place);
                // Opened from the keyboard or a screen reader: the focus follows to what opened.
                if !ui.input(|i| i.pointer.any_click()) && state.play.is_none() {
                    commands.push(Command::View(ViewCommand::FocusPanelTitle));
                }
            }
            if state.focus_place == Some(p.place) {
                node.request_focus();
                commands.push(Command::View(ViewCommand::FocusPlace(None)));
            }
            if node.has_focus() {
                focused = Some(p.place);
            }
        }
    }

    let pointer = response.hover_pos().or_else(|| {
        ui.input(|i| i.pointer.hover_pos())
            .filter(|p| rect.contains(*p) && ui.rect_contains_pointer(rect))
    });
    let under_pointer = pointer.and_then(|pos| hit(cache, body, pos));
    let hovered = under_pointer.or(focused);
    cache.hovered = hovered;

    let clicked = match clicked_place {
        Some(place) => Some(Some(place)),
        None if response.clicked() => Some(
            response
                .interact_pointer_pos()
                .and_then(|pos| hit(cache, body, pos)),
        ),
        None => None,
    };
    if let Some(place) = clicked {
        commands.push(Command::View(ViewCommand::Select(place.map(Hit::Region))));
        // While the builder is open, places clicked on the map become its focus.
        if let (Some(place), Some(_)) = (place, &state.builder) {
            let id = catalog.regions[place.region].id.clone();
            commands.push(Command::View(ViewCommand::ToggleBuilderFocus(id)));
        }
    }
    if under_pointer.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }

    let looks = looks(catalog, body, state, hovered);
    let heat = state.settings.heat.then_some(&state.recent_tightness);
    paint(ui, catalog, cache, &palette, &looks, focused, heat);
    paint_captions(ui, cache, &palette);
    paint_badges(
        ui,
        &mut *cache,
        body,
        &crate::body::numbered_places(catalog, &state.doc.routine),
        state.selected_step,
        &palette,
    );
    if heat.is_some() {
        paint_heat_legend(ui, rect, &palette);
    } else {
        paint_legend(ui, rect, &palette);
    }
    if let (Some(place), Some(pos)) = (
        hovered,
        pointer.or_else(|| focused.and_then(|f| anchor_of(cache, f))),
    ) {
        paint_name_chip(ui, catalog, place, pos, &palette);
    }
}

/// Whether every place needs its keyboard and screen-reader node this frame: when a screen
/// reader is listening, when the keyboard focus is on a place or is being sent to one.
/// Otherwise two nodes keep the map's place in the Tab order, and a frame with the pointer
/// moving over the map skips a few hundred widgets.
fn needs_every_node(
    ui: &egui::Ui,
    state: &AppState,
    cache: &MapCache,
    place_id: &dyn Fn(Place) -> egui::Id,
) -> bool {
    // Every `Ui` has a node of its own when AccessKit is on; asking for it changes nothing.
    let screen_reader = ui
        .ctx()
        .accesskit_node_builder(ui.unique_id(), |_| ())
        .is_some();
    let focus = ui.memory(|m| m.focused());
    screen_reader
        || state.focus_place.is_some()
        || focus.is_some_and(|focus| {
            cache
                .views
                .iter()
                .flat_map(|v| &v.places)
                .any(|p| place_id(p.place) == focus)
        })
}

/// Builds the figures' meshes for this rectangle, unless they are already built for it.
fn fit(
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

/// A figure to look at rather than click, as large as the space allows: the floor view's,
/// with the place being worked lit and the routine's step numbers.
pub fn figure_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    body: &Body,
    state: &AppState,
    cache: &mut MapCache,
    mode: ViewMode,
) {
    let palette = MapPalette::new(ui.visuals().dark_mode);
    let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
    fit(ui, body, cache, rect, mode, &palette);
    let looks = looks(catalog, body, state, None);
    paint(ui, catalog, cache, &palette, &looks, None, None);
    paint_captions(ui, cache, &palette);
    paint_badges(
        ui,
        &mut *cache,
        body,
        &crate::body::numbered_places(catalog, &state.doc.routine),
        state.selected_step,
        &palette,
    );
}

/// The place under a screen position, found in body space.
fn hit(cache: &MapCache, body: &Body, pos: Pos2) -> Option<Place> {
    cache
        .views
        .iter()
        .filter(|v| v.frame.expand(8.0).contains(pos))
        .find_map(|v| body.view(v.view).hit(v.transform.body_from_screen(pos)))
}

fn anchor_of(cache: &MapCache, place: Place) -> Option<Pos2> {
    cache
        .views
        .iter()
        .flat_map(|v| v.places.iter())
        .find(|p| p.place == place)
        .map(|p| p.anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

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
                                paint::strokable(&place.outline),
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
