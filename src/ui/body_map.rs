//! The body map: the figure from the front and the back, each region coloured by what it does
//! in the stride. Hover shows a name, a click selects, and every region is an accessible,
//! focusable node, so Tab, the arrow keys, Enter and screen readers all reach it.

mod cache;
mod legend;
mod lines;
mod paint;

pub use cache::MapCache;
use cache::{BodyToScreen, PlaceCache, fit};
use legend::{paint_heat_legend, paint_legend};

use eframe::egui::{self, Pos2, Rect, Sense, Vec2};

use super::style::{Look, MapPalette};
use crate::body::Body;
use crate::catalog::{Catalog, Hit, Place};
use crate::settings::ViewMode;
use crate::state::{AppState, Command, ViewCommand};
use paint::{paint, paint_badges, paint_captions, paint_name_chip};

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
