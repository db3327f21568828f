//! The body map: the figure from the front and the back, each region coloured by what it does
//! in the stride. Hover shows a name, a click selects, and every region is an accessible,
//! focusable node, so Tab, the arrow keys, Enter and screen readers all reach it.

use std::sync::Arc;

use eframe::egui::{
    self, Align2, Color32, CornerRadius, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2,
    epaint::Vertex,
};

use super::style::{Look, MapPalette, stride_color};
use crate::app::{AppState, Command, ViewMode};
use crate::body::{Body, Place, PlaceShape, Triangles, ViewShape};
use crate::catalog::{Catalog, Hit, Side, Stride, View};

/// Maps body space to screen space for one figure: a uniform scale and an offset.
#[derive(Clone, Copy, Debug, PartialEq)]
struct BodyToScreen {
    scale: f32,
    offset: Vec2,
}

impl BodyToScreen {
    fn fit(body_size: Vec2, frame: Rect) -> BodyToScreen {
        let scale = (frame.width() / body_size.x).min(frame.height() / body_size.y);
        let size = body_size * scale;
        let offset = frame.center().to_vec2() - size / 2.0;
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

/// Screen-space meshes and outlines, rebuilt only when the layout or the theme changes.
#[derive(Default)]
pub struct MapCache {
    key: Option<(Vec<(View, Rect)>, bool)>,
    views: Vec<ViewCache>,
    generation: u64,
}

struct ViewCache {
    view: View,
    frame: Rect,
    transform: BodyToScreen,
    silhouette: Arc<Mesh>,
    silhouette_outline: Vec<Pos2>,
    details: Vec<Vec<Pos2>>,
    places: Vec<PlaceCache>,
}

struct PlaceCache {
    place: Place,
    mesh: Arc<Mesh>,
    colour: Color32,
    outline: Vec<Pos2>,
    anchor: Pos2,
    hatching: Vec<[Pos2; 2]>,
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
    fn build(shape: &ViewShape, body: &Body, frame: Rect, palette: &MapPalette) -> ViewCache {
        let t = BodyToScreen::fit(Vec2::new(body.width as f32, body.height as f32), frame);
        ViewCache {
            view: shape.view,
            frame,
            transform: t,
            silhouette: Arc::new(mesh(&shape.silhouette_fill, t, palette.body_fill)),
            silhouette_outline: polyline(&shape.silhouette, t),
            details: shape.details.iter().map(|d| polyline(d, t)).collect(),
            places: shape
                .places
                .iter()
                .map(|s: &PlaceShape| PlaceCache {
                    place: s.place,
                    mesh: Arc::new(mesh(&s.fill, t, Color32::TRANSPARENT)),
                    colour: Color32::TRANSPARENT,
                    outline: polyline(&s.outline, t),
                    anchor: t.screen_from_body(s.anchor),
                    hatching: s
                        .hatching
                        .iter()
                        .map(|&(a, b)| [t.screen_from_body(a), t.screen_from_body(b)])
                        .collect(),
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

/// Height of the caption row above the figures and of the legend below them.
const CAPTION_HEIGHT: f32 = 26.0;
const LEGEND_HEIGHT: f32 = 34.0;

/// The stride a region is coloured by: that of its first muscle.
pub fn region_stride(catalog: &Catalog, region: usize) -> Option<Stride> {
    catalog.regions[region]
        .muscles
        .first()
        .and_then(|id| catalog.muscle(id))
        .map(|m| m.stride)
}

/// The name of a place as a runner reads it and a screen reader speaks it.
pub fn place_name(catalog: &Catalog, place: Place) -> String {
    catalog.regions[place.region].display_name(place.side)
}

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
        for place in step_places(catalog, body, step) {
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

/// The places a routine step works: one side, both, or the midline.
pub fn step_places(catalog: &Catalog, body: &Body, step: &crate::routine::Step) -> Vec<Place> {
    use crate::routine::StepSide;
    let Some(region) = catalog.region_index(&step.region) else {
        return Vec::new();
    };
    let sides: &[Option<Side>] = match step.side {
        StepSide::Left => &[Some(Side::Left)],
        StepSide::Right => &[Some(Side::Right)],
        StepSide::Both => &[Some(Side::Left), Some(Side::Right)],
        StepSide::Middle => &[None],
    };
    sides
        .iter()
        .map(|&side| Place { region, side })
        .filter(|&p| body.shape(p).is_some())
        .collect()
}

/// Step numbers at each place the routine works, to mark on the map.
fn step_badges(catalog: &Catalog, body: &Body, state: &AppState) -> Vec<(Place, Vec<usize>)> {
    let mut badges: Vec<(Place, Vec<usize>)> = Vec::new();
    for (index, step) in state.doc.routine.steps.iter().enumerate() {
        for place in step_places(catalog, body, step) {
            match badges.iter_mut().find(|(p, _)| *p == place) {
                Some((_, numbers)) => numbers.push(index + 1),
                None => badges.push((place, vec![index + 1])),
            }
        }
    }
    badges
}

/// The frames of the figures shown, side by side.
fn layout(rect: Rect, mode: ViewMode) -> Vec<(View, Rect)> {
    let views: &[View] = match mode {
        ViewMode::Both => &[View::Front, View::Back],
        ViewMode::Front => &[View::Front],
        ViewMode::Back => &[View::Back],
    };
    let figures = Rect::from_min_max(
        rect.min + Vec2::new(0.0, CAPTION_HEIGHT),
        rect.max - Vec2::new(0.0, LEGEND_HEIGHT),
    );
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

/// Draws the map and sends Hover and Select commands.
pub fn body_map_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    body: &Body,
    state: &AppState,
    cache: &mut MapCache,
    commands: &mut Vec<Command>,
) {
    let palette = MapPalette::new(ui.visuals().dark_mode);
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click());
    let key = (layout(rect, state.settings.view_mode), palette.dark);
    if cache.key.as_ref() != Some(&key) {
        cache.views = key
            .0
            .iter()
            .map(|&(view, frame)| ViewCache::build(body.view(view), body, frame, &palette))
            .collect();
        cache.key = Some(key);
        cache.generation += 1;
    }

    // Keyboard and screen-reader nodes first, so a focused region counts as hovered.
    let mut focused = None;
    let mut clicked_place = None;
    for view in &cache.views {
        let mut order: Vec<&PlaceCache> = view.places.iter().collect();
        order.sort_by(|a, b| {
            (a.anchor.y / 24.0)
                .floor()
                .total_cmp(&(b.anchor.y / 24.0).floor())
                .then(a.anchor.x.total_cmp(&b.anchor.x))
        });
        for p in order {
            let id = response.id.with(("place", p.place.region, p.place.side));
            let node = ui.interact(
                Rect::from_center_size(p.anchor, Vec2::splat(10.0)),
                id,
                Sense::click(),
            );
            let selected = state.selection == Some(Hit::Region(p.place.region, p.place.side));
            let name = place_name(catalog, p.place);
            node.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
            });
            if node.clicked() {
                clicked_place = Some(p.place);
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
    if hovered != state.hovered {
        commands.push(Command::Hover(hovered));
    }

    if let Some(place) = clicked_place {
        commands.push(Command::Select(Some(Hit::Region(place.region, place.side))));
    } else if response.clicked() {
        let place = response
            .interact_pointer_pos()
            .and_then(|pos| hit(cache, body, pos));
        commands.push(Command::Select(
            place.map(|p| Hit::Region(p.region, p.side)),
        ));
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
        cache,
        &step_badges(catalog, body, state),
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

/// Recent tightness by place, when the map shows it.
type Heat<'a> = Option<
    &'a std::collections::BTreeMap<(crate::catalog::RegionId, crate::routine::StepSide), f32>,
>;

fn heat_fill(
    palette: &MapPalette,
    heat: Heat<'_>,
    region: &crate::catalog::Region,
    place: Place,
    look: Look,
) -> Option<Color32> {
    use crate::routine::StepSide;
    let heat = heat?;
    let side = match place.side {
        Some(Side::Left) => StepSide::Left,
        Some(Side::Right) => StepSide::Right,
        None => StepSide::Middle,
    };
    let strength = match look {
        Look::Rest | Look::InRoutine => 0.8,
        _ => 1.0,
    };
    Some(match heat.get(&(region.id.clone(), side)) {
        Some(t) => super::style::lerp(palette.body_fill, super::log::heat_colour(*t), strength),
        None => super::style::lerp(
            palette.body_fill,
            palette.body_stroke,
            if look >= Look::Hovered { 0.35 } else { 0.15 },
        ),
    })
}

fn paint(
    ui: &egui::Ui,
    catalog: &Catalog,
    cache: &mut MapCache,
    palette: &MapPalette,
    looks: &[(Place, Look)],
    focused: Option<Place>,
    heat: Heat<'_>,
) {
    let painter = ui.painter();
    let thin = Stroke::new(1.0, palette.region_stroke);
    for view in &mut cache.views {
        painter.add(Shape::Mesh(Arc::clone(&view.silhouette)));
        let mut strong_outlines = Vec::new();
        for p in &mut view.places {
            let look = looks
                .iter()
                .find(|(place, _)| *place == p.place)
                .map_or(Look::Rest, |(_, l)| *l);
            let region = &catalog.regions[p.place.region];
            let colour = if region.is_no_roll() {
                palette.no_roll_fill(look)
            } else if let Some(colour) = heat_fill(palette, heat, region, p.place, look) {
                colour
            } else {
                let stride = region_stride(catalog, p.place.region).unwrap_or(Stride::Stability);
                palette.region_fill(stride, look)
            };
            p.set_colour(colour);
            painter.add(Shape::Mesh(Arc::clone(&p.mesh)));
            if region.is_no_roll() {
                let hatch = Stroke::new(1.2, palette.no_roll_hatch);
                for seg in &p.hatching {
                    painter.line_segment(*seg, hatch);
                }
            }
            painter.add(Shape::closed_line(p.outline.clone(), thin));
            if look >= Look::Lit || focused == Some(p.place) {
                strong_outlines.push((p.outline.clone(), look, focused == Some(p.place)));
            }
        }
        for line in &view.details {
            painter.add(Shape::line(line.clone(), Stroke::new(1.0, palette.detail)));
        }
        painter.add(Shape::closed_line(
            view.silhouette_outline.clone(),
            Stroke::new(1.6, palette.body_stroke),
        ));
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

fn paint_captions(ui: &egui::Ui, cache: &MapCache, palette: &MapPalette) {
    let painter = ui.painter();
    for view in &cache.views {
        let title = match view.view {
            View::Front => "FRONT",
            View::Back => "BACK",
        };
        let top = Pos2::new(view.frame.center().x, view.frame.top() - 6.0);
        painter.text(
            top,
            Align2::CENTER_BOTTOM,
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

fn paint_badges(
    ui: &egui::Ui,
    cache: &MapCache,
    badges: &[(Place, Vec<usize>)],
    selected_step: Option<usize>,
    palette: &MapPalette,
) {
    let painter = ui.painter();
    let colour = super::routine_editor::routine_colour(palette.dark);
    let text_colour = if palette.dark {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    let mut placed: Vec<Rect> = Vec::new();
    for (place, numbers) in badges {
        let Some(anchor) = anchor_of(cache, *place) else {
            continue;
        };
        let text = match numbers.as_slice() {
            [one] => one.to_string(),
            [a, b] => format!("{a},{b}"),
            [a, ..] => format!("{a}+"),
            [] => continue,
        };
        let selected = selected_step.is_some_and(|s| numbers.contains(&(s + 1)));
        let font = FontId::proportional(11.5);
        let galley = painter.layout_no_wrap(text, font, text_colour);
        let size = egui::vec2((galley.size().x + 9.0).max(18.0), 18.0);
        let mut badge = Rect::from_center_size(anchor, size);
        // Nudge a badge off the ones already placed, alternately below and above.
        let original = badge;
        for attempt in 1..=6_u8 {
            if !placed.iter().any(|p: &Rect| p.intersects(badge)) {
                break;
            }
            let step = 19.0 * f32::from(attempt.div_ceil(2));
            let dy = if attempt % 2 == 1 { step } else { -step };
            badge = original.translate(Vec2::new(0.0, dy));
        }
        placed.push(badge);
        painter.rect(
            badge,
            CornerRadius::same(9),
            colour,
            Stroke::new(if selected { 2.0 } else { 1.0 }, palette.background),
            egui::StrokeKind::Outside,
        );
        painter.galley(badge.center() - galley.size() / 2.0, galley, text_colour);
    }
}

fn paint_heat_legend(ui: &egui::Ui, rect: Rect, palette: &MapPalette) {
    let painter = ui.painter();
    let font = FontId::proportional(13.0);
    let text_colour = ui.visuals().text_color();
    let y = rect.bottom() - LEGEND_HEIGHT / 2.0;
    let mut x = rect.left() + 12.0;
    let label = |x: f32, text: &str| {
        let galley = painter.layout_no_wrap(text.to_owned(), font.clone(), text_colour);
        let w = galley.size().x;
        painter.galley(Pos2::new(x, y - galley.size().y / 2.0), galley, text_colour);
        w
    };
    x += label(x, "Tightness, last two weeks:  loose") + 8.0;
    for i in 0..=10 {
        let swatch = Rect::from_min_size(Pos2::new(x, y - 7.0), Vec2::new(14.0, 14.0));
        painter.rect_filled(
            swatch,
            CornerRadius::same(2),
            super::log::heat_colour(i as f32),
        );
        x += 16.0;
    }
    x += 8.0;
    x += label(x, "very tight") + 18.0;
    let swatch = Rect::from_center_size(Pos2::new(x + 7.0, y), Vec2::splat(14.0));
    painter.rect_filled(
        swatch,
        CornerRadius::same(3),
        super::style::lerp(palette.body_fill, palette.body_stroke, 0.15),
    );
    label(x + 20.0, "not rated");
}

fn paint_legend(ui: &egui::Ui, rect: Rect, palette: &MapPalette) {
    let painter = ui.painter();
    let font = FontId::proportional(13.0);
    let text_colour = ui.visuals().text_color();
    let mut x = rect.left() + 12.0;
    let y = rect.bottom() - LEGEND_HEIGHT / 2.0;
    let mut item = |colour: Color32, label: &str, hatch: Option<Color32>| {
        let swatch = Rect::from_center_size(Pos2::new(x + 7.0, y), Vec2::splat(14.0));
        painter.rect_filled(swatch, CornerRadius::same(3), colour);
        if let Some(h) = hatch {
            painter.line_segment(
                [swatch.left_bottom(), swatch.right_top()],
                Stroke::new(1.2, h),
            );
        }
        let galley = painter.layout_no_wrap(label.to_owned(), font.clone(), text_colour);
        let width = galley.size().x;
        painter.galley(
            Pos2::new(x + 20.0, y - galley.size().y / 2.0),
            galley,
            text_colour,
        );
        x += 20.0 + width + 18.0;
    };
    for stride in Stride::ALL {
        item(stride_color(stride, palette.dark), stride.title(), None);
    }
    item(palette.no_roll, "Do not roll", Some(palette.no_roll_hatch));
}

fn paint_name_chip(
    ui: &egui::Ui,
    catalog: &Catalog,
    place: Place,
    pos: Pos2,
    palette: &MapPalette,
) {
    let region = &catalog.regions[place.region];
    let mut text = place_name(catalog, place);
    if region.is_no_roll() {
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
