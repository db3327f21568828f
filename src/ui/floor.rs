//! The floor view: the player across the whole window, for a runner on the mat two or three
//! metres away. The countdown takes more than a quarter of the window's height, the side is
//! a large coloured word, the place is lit on a large figure, and the next step and the
//! session's progress stay in view. Escape leaves it; Space and the arrows work as in the
//! panel.

use eframe::egui::{self, Align, Layout, RichText};

use super::body_map::{MapCache, figure_ui};
use super::player::{
    announcement, clock_text, live_label, phase_colour, phase_text, sided_place, step_title,
};
use super::style::bold;
use super::widgets::{ButtonLook, command_button, transport_ui};
use crate::body::Body;
use crate::catalog::{Catalog, Side};
use crate::player::{Now, Phase};
use crate::routine::StepSide;
use crate::settings::ViewMode;
use crate::state::{AppState, Command, PlayView, PlayerCommand, UiCommand};
use crate::words;

/// The countdown's type size, as a share of the window's height.
pub const COUNTDOWN_SHARE: f32 = 0.34;

/// The phase in capitals, as it is read from afar: the panel's words.
fn phase_words(phase: Phase, paused: bool) -> String {
    if paused {
        "PAUSED".to_owned()
    } else {
        phase_text(phase).to_uppercase()
    }
}

#[allow(clippy::too_many_arguments)]
pub fn floor_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    body: &Body,
    state: &AppState,
    play: PlayView,
    cache: &mut MapCache,
    commands: &mut Vec<Command>,
) {
    let full = ui.available_rect_before_wrap();
    let h = full.height();
    let dark = ui.visuals().dark_mode;
    let routine = &state.doc.routine;
    let Now::Playing {
        segment,
        left,
        paused,
    } = play.now
    else {
        // The end of the session reads best in the panel, with its ratings.
        commands.push(Command::Player(PlayerCommand::ShowFloorView(false)));
        return;
    };
    let Some(step) = routine.steps.get(segment.step) else {
        return;
    };
    let colour = phase_colour(segment.phase, dark);
    let tint = if play.flash { 0.22 } else { 0.08 };
    ui.painter()
        .rect_filled(full, 0.0, colour.gamma_multiply(tint));
    let strong = ui.visuals().strong_text_color();
    let size = |share: f32| (h * share).max(14.0);

    let text_width = (full.width() * 0.58).max(320.0);
    let text_rect = egui::Rect::from_min_size(full.min, egui::vec2(text_width, h)).shrink(h * 0.03);
    let figure_rect =
        egui::Rect::from_min_max(egui::pos2(full.min.x + text_width, full.min.y), full.max)
            .shrink(h * 0.02);

    ui.scope_builder(egui::UiBuilder::new().max_rect(text_rect), |ui| {
        ui.spacing_mut().item_spacing.y = h * 0.008;
        // The session: which step, how far through, how long is left.
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(
                    "Step {} of {}  ·  {}",
                    segment.step + 1,
                    routine.steps.len(),
                    routine.name
                ))
                .size(size(0.034))
                .color(strong),
            );
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let remaining = play.total.saturating_sub(play.position);
                ui.label(
                    RichText::new(format!(
                        "{} left",
                        words::duration(remaining.as_secs() as u32)
                    ))
                    .size(size(0.034)),
                );
            });
        });
        let fraction = play.position.as_secs_f32() / play.total.as_secs_f32().max(1.0);
        ui.add(egui::ProgressBar::new(fraction).desired_height(size(0.014)));
        ui.add_space(h * 0.02);

        ui.label(
            RichText::new(phase_words(segment.phase, paused))
                .size(size(0.085))
                .family(bold())
                .color(colour),
        );
        let place = sided_place(catalog, step, segment.phase)
            .unwrap_or_else(|| catalog.step_place_name(step));
        live_label(
            ui,
            RichText::new(place)
                .size(size(0.065))
                .family(bold())
                .color(strong),
            &announcement(catalog, routine.steps.len(), segment, step, paused),
        );
        let countdown = ui.label(
            RichText::new(clock_text(left))
                .size(size(COUNTDOWN_SHARE))
                .family(bold())
                .color(strong),
        );
        countdown.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Timer,
                true,
                format!("{} left", clock_text(left)),
            )
        });
        let done = 1.0 - left.as_secs_f32() / segment.length.as_secs_f32().max(0.001);
        ui.add(
            egui::ProgressBar::new(done)
                .desired_height(size(0.018))
                .fill(colour),
        );
        let (_, what) = step_title(catalog, step);
        ui.label(RichText::new(what).size(size(0.036)).color(strong));
        ui.add_space(h * 0.01);
        let next = next_words(catalog, state, segment.step, segment.phase);
        ui.label(RichText::new(next).size(size(0.034)).weak());

        ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
            floor_controls_ui(ui, state, h, commands);
        });
    });

    position_and_place_ui(ui, catalog, body, state, cache, step, figure_rect);
}

/// The position on top, large enough to copy from the mat, and the place lit below it.
fn position_and_place_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    body: &Body,
    state: &AppState,
    cache: &mut MapCache,
    step: &crate::routine::Step,
    rect: egui::Rect,
) {
    let view = catalog
        .region(&step.region)
        .map_or(ViewMode::Both, |r| match r.view {
            crate::catalog::View::Front => ViewMode::Front,
            crate::catalog::View::Back => ViewMode::Back,
        });
    let map_rect = match catalog.technique(&step.technique) {
        Some(technique) => {
            let split = rect.min.y + rect.height() * 0.5;
            let top = egui::Rect::from_min_max(rect.min, egui::pos2(rect.max.x, split));
            let shown = ui
                .scope_builder(egui::UiBuilder::new().max_rect(top), |ui| {
                    let figure = state.settings.figure;
                    super::picture::picture_ui(ui, technique, figure, top.size())
                })
                .inner;
            match shown {
                Some(_) => egui::Rect::from_min_max(egui::pos2(rect.min.x, split), rect.max),
                None => rect,
            }
        }
        None => rect,
    };
    ui.scope_builder(egui::UiBuilder::new().max_rect(map_rect), |ui| {
        figure_ui(ui, catalog, body, state, cache, view);
    });
}

/// "Next: Right calf", "Next: Hamstrings", or "Last step".
fn next_words(catalog: &Catalog, state: &AppState, step: usize, phase: Phase) -> String {
    let routine = &state.doc.routine;
    let Some(current) = routine.steps.get(step) else {
        return String::new();
    };
    let right_side_next = current.side == StepSide::Both
        && matches!(phase, Phase::GetReady | Phase::Work(Some(Side::Left)));
    if right_side_next {
        let place = catalog.region(&current.region).map_or_else(
            || current.region.to_string(),
            |r| r.display_name(Some(Side::Right)),
        );
        return format!("Next: {place}, after a short switch");
    }
    match routine.steps.get(step + 1) {
        Some(next) => {
            let (place, what) = step_title(catalog, next);
            format!("Next: {place} · {what}")
        }
        None => "Last step".to_owned(),
    }
}

/// Back, pause or resume, skip, and the way out; large enough to hit from the mat.
fn floor_controls_ui(ui: &mut egui::Ui, state: &AppState, h: f32, commands: &mut Vec<Command>) {
    let text = (h * 0.026).max(16.0);
    let look = ButtonLook {
        text_size: Some(text),
        min_size: egui::vec2(text * 6.5, text * 2.4),
        framed: true,
    };
    ui.horizontal(|ui| {
        transport_ui(ui, state, look, commands);
        ui.add_space(text);
        let leave = ButtonLook {
            framed: false,
            ..look
        };
        command_button(ui, state, UiCommand::LeaveFloorView, leave, commands);
    });
}
