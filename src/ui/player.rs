//! The session player: the current step in large type, a countdown per side with a clear
//! switch-sides moment, a get-ready before each step, the next step previewed, and an end
//! screen. Space pauses, the arrows skip and go back.

use std::time::Duration;

use eframe::egui::{self, Color32, CornerRadius, Frame, Margin, RichText};

use super::style::bold;
use super::widgets::{ButtonLook, command_button, transport_ui};
use crate::catalog::{Catalog, Side};
use crate::player::{Now, Phase};
use crate::routine::Step;
use crate::state::{AppState, Command, PlayView, PlayerCommand, UiCommand};
use crate::words;

/// "1:05", counting whole seconds up, so 0.2 s left still reads "0:01".
pub(super) fn clock_text(left: Duration) -> String {
    let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    format!("{}:{:02}", secs / 60, secs % 60)
}

pub(super) fn phase_text(phase: Phase) -> &'static str {
    match phase {
        Phase::GetReady => "Get ready",
        Phase::Work(Some(Side::Left)) => "Left side",
        Phase::Work(Some(Side::Right)) => "Right side",
        Phase::Work(None) => "Go",
        Phase::SwitchSides => "Switch to the right",
    }
}

pub(super) fn phase_colour(phase: Phase, dark: bool) -> Color32 {
    match (phase, dark) {
        (Phase::GetReady, false) => Color32::from_rgb(0x8A, 0x5A, 0x00),
        (Phase::GetReady, true) => Color32::from_rgb(0xF2, 0xC1, 0x4E),
        (Phase::SwitchSides, false) => Color32::from_rgb(0x7A, 0x3D, 0xB8),
        (Phase::SwitchSides, true) => Color32::from_rgb(0xC3, 0x9B, 0xF0),
        (Phase::Work(_), false) => Color32::from_rgb(0x1F, 0x7A, 0x45),
        (Phase::Work(_), true) => Color32::from_rgb(0x6F, 0xD6, 0x97),
    }
}

pub(super) fn step_title(catalog: &Catalog, step: &Step) -> (String, String) {
    let place = catalog.step_place_name(step);
    let technique = catalog
        .technique(&step.technique)
        .map_or_else(|| step.technique.to_string(), |t| t.name.clone());
    let tool = catalog
        .tool(&step.tool)
        .map_or_else(|| step.tool.to_string(), |t| t.name.clone());
    (place, format!("{technique} · {tool}"))
}

pub fn player_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    play: PlayView,
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    let routine = &state.doc.routine;
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&routine.name).size(18.0).family(bold()));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(UiCommand::StopPlaying.label())
                .on_hover_text(UiCommand::StopPlaying.keys(ui.ctx()))
                .clicked()
            {
                commands.push(Command::Player(PlayerCommand::Stop));
            }
        });
    });
    let fraction = play.position.as_secs_f32() / play.total.as_secs_f32().max(1.0);
    ui.label(
        RichText::new(format!(
            "{} of {}, counting the get-ready and side switches",
            words::duration(play.position.as_secs() as u32),
            words::duration(play.total.as_secs() as u32)
        ))
        .weak(),
    );
    ui.add(egui::ProgressBar::new(fraction).desired_height(6.0));
    ui.add_space(12.0);

    let Now::Playing {
        segment,
        left,
        paused,
    } = play.now
    else {
        end_ui(ui, catalog, state, play, commands);
        return;
    };
    let Some(step) = routine.steps.get(segment.step) else {
        return;
    };
    let colour = phase_colour(segment.phase, dark);
    let fill = if play.flash {
        colour.gamma_multiply(0.35)
    } else {
        colour.gamma_multiply(0.10)
    };
    Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(2.0, colour))
        .corner_radius(CornerRadius::same(12))
        .inner_margin(Margin::same(18))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Room for the longest instructions, so the buttons below never move.
            ui.set_min_height(330.0);
            ui.label(
                RichText::new(format!(
                    "Step {} of {}",
                    segment.step + 1,
                    routine.steps.len()
                ))
                .weak(),
            );
            let strong = ui.visuals().strong_text_color();
            let (mut place, what) = step_title(catalog, step);
            if let Some(sided) = sided_place(catalog, step, segment.phase) {
                place = sided;
            }
            live_label(
                ui,
                RichText::new(place).size(34.0).family(bold()).color(strong),
                &announcement(catalog, routine.steps.len(), segment, step, paused),
            );
            ui.label(RichText::new(what).size(20.0).color(strong));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let phase = if paused {
                    "Paused"
                } else {
                    phase_text(segment.phase)
                };
                ui.label(RichText::new(phase).size(26.0).family(bold()).color(colour));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(
                        RichText::new(clock_text(left))
                            .size(64.0)
                            .family(bold())
                            .color(ui.visuals().strong_text_color()),
                    );
                });
            });
            let done = 1.0 - left.as_secs_f32() / segment.length.as_secs_f32().max(0.001);
            ui.add(
                egui::ProgressBar::new(done)
                    .desired_height(10.0)
                    .fill(colour),
            );
            if let Some(t) = catalog.technique(&step.technique) {
                technique_ui(ui, t, state.settings.figure);
            }
            if let Some(note) = &step.note {
                ui.label(RichText::new(format!("Note: {note}")).size(15.0));
            }
        });
    controls_ui(ui, state, commands);
    ui.add_space(10.0);
    cue_settings_ui(ui, state.settings.cues, commands);
    // Before the right side of a step on both sides, that side is what comes next.
    let right_side_next = step.side == crate::routine::StepSide::Both
        && matches!(
            segment.phase,
            Phase::GetReady | Phase::Work(Some(Side::Left))
        );
    if right_side_next {
        next_side_ui(ui, catalog, step);
    } else {
        next_ui(ui, catalog, routine.steps.get(segment.step + 1));
    }
}

/// The step's technique: its picture, what it does and its first cues.
fn technique_ui(ui: &mut egui::Ui, t: &crate::catalog::Technique, figure: crate::body::Figure) {
    ui.add_space(8.0);
    // Smaller in a short window, and left out where it would push the controls below out
    // of view (the floor view shows it large).
    let room = ui.available_height() - 250.0;
    let w = ui.available_width().min(420.0);
    let h = (w * 0.5).min(190.0).min(room);
    if h >= 60.0 {
        super::picture::picture_ui(ui, t, figure, egui::vec2(w, h));
    }
    ui.label(RichText::new(&t.summary).size(17.0));
    for cue in t.cues.iter().take(2) {
        ui.label(RichText::new(format!("{}: {}", cue.kind.title(), cue.text)).weak());
    }
}

/// The side being worked, or the one coming up after the switch: "Left calf" rather than
/// "Calf · both sides"; `None` for a place in the middle.
pub(super) fn sided_place(catalog: &Catalog, step: &Step, phase: Phase) -> Option<String> {
    let side = match (phase, step.side) {
        (Phase::Work(side), _) => side,
        (Phase::SwitchSides, _) => Some(Side::Right),
        (Phase::GetReady, crate::routine::StepSide::Right) => Some(Side::Right),
        (Phase::GetReady, crate::routine::StepSide::Middle) => None,
        // Both sides start on the left.
        (Phase::GetReady, _) => Some(Side::Left),
    }?;
    Some(catalog.region(&step.region)?.display_name(Some(side)))
}

/// What a screen reader says at each change of phase: "Step 1 of 3, left calf: get ready".
pub(super) fn announcement(
    catalog: &Catalog,
    steps: usize,
    segment: crate::player::Segment,
    step: &Step,
    paused: bool,
) -> String {
    let place =
        sided_place(catalog, step, segment.phase).unwrap_or_else(|| catalog.step_place_name(step));
    let phase = if paused {
        "paused"
    } else {
        match segment.phase {
            Phase::GetReady => "get ready",
            Phase::Work(_) => "go",
            Phase::SwitchSides => "switch to the right side",
        }
    };
    format!("Step {} of {steps}, {place}: {phase}", segment.step + 1)
}

/// A label whose changes a screen reader reads out when it is free (a polite live region),
/// named by `spoken` rather than by what it shows.
pub(super) fn live_label(ui: &mut egui::Ui, text: RichText, spoken: &str) -> egui::Response {
    let response = ui.label(text);
    let spoken = spoken.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
    response
}

/// Sound and voice, each on or off with its volume; remembered.
pub(super) fn cue_settings_ui(
    ui: &mut egui::Ui,
    cues: crate::settings::CueSettings,
    commands: &mut Vec<Command>,
) {
    let mut changed = cues;
    ui.horizontal(|ui| {
        let sound = ui
            .checkbox(&mut changed.sound, "Sound")
            .on_hover_text("Ticks in the last three seconds, a tone at each start and switch");
        ui.add_enabled(
            changed.sound,
            egui::Slider::new(&mut changed.sound_volume, 0..=100).suffix(" %"),
        )
        .labelled_by(sound.id);
        ui.add_space(16.0);
        let voice = ui.checkbox(&mut changed.voice, "Voice").on_hover_text(
            "Each step, the switch and what comes next, spoken by the desktop's speech service",
        );
        ui.add_enabled(
            changed.voice,
            egui::Slider::new(&mut changed.voice_volume, 0..=100).suffix(" %"),
        )
        .labelled_by(voice.id);
    });
    if changed != cues {
        commands.push(Command::Player(PlayerCommand::SetCues(changed)));
    }
}

/// The right side of this step, as what comes next.
fn next_side_ui(ui: &mut egui::Ui, catalog: &Catalog, step: &Step) {
    ui.add_space(14.0);
    let place = catalog.region(&step.region).map_or_else(
        || step.region.to_string(),
        |r| r.display_name(Some(Side::Right)),
    );
    ui.label(RichText::new("Next").weak());
    ui.label(RichText::new(place).size(18.0).family(bold()));
    ui.label(RichText::new("The same work on the other side, after a short switch").weak());
}

/// Back, pause or resume, skip, and the floor view.
fn controls_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.add_space(12.0);
    let look = ButtonLook {
        text_size: Some(18.0),
        min_size: egui::vec2(120.0, 40.0),
        framed: true,
    };
    ui.horizontal(|ui| {
        transport_ui(ui, state, look, commands);
        command_button(ui, state, UiCommand::FloorView, look, commands);
    });
}

/// A preview of the step that comes next.
fn next_ui(ui: &mut egui::Ui, catalog: &Catalog, next: Option<&Step>) {
    ui.add_space(14.0);
    match next {
        Some(next) => {
            let (place, what) = step_title(catalog, next);
            ui.label(RichText::new("Next").weak());
            ui.label(RichText::new(place).size(18.0).family(bold()));
            ui.label(RichText::new(what).weak());
        }
        None => {
            ui.label(RichText::new("Last step").weak());
        }
    }
}

fn end_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    play: PlayView,
    commands: &mut Vec<Command>,
) {
    let colour = phase_colour(Phase::Work(None), ui.visuals().dark_mode);
    Frame::new()
        .fill(colour.gamma_multiply(if play.flash { 0.35 } else { 0.10 }))
        .stroke(egui::Stroke::new(2.0, colour))
        .corner_radius(CornerRadius::same(12))
        .inner_margin(Margin::same(18))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new("Session done")
                    .size(34.0)
                    .family(bold())
                    .color(colour),
            );
            let summary = play.summary;
            let steps = match (summary.done, summary.skipped) {
                (1, 0) => "1 step".to_owned(),
                (done, 0) => format!("{done} steps"),
                (done, skipped) => format!("{done} of {} steps done", done + skipped),
            };
            let time = words::duration(summary.time.as_secs() as u32);
            ui.label(
                RichText::new(format!(
                    "{steps} in {time}. Drink some water and move around gently."
                ))
                .size(17.0),
            );
            if summary.skipped > 0 {
                ui.label(
                    RichText::new(format!(
                        "{} skipped: rate only the places you worked.",
                        if summary.skipped == 1 {
                            "1 step".to_owned()
                        } else {
                            format!("{} steps", summary.skipped)
                        }
                    ))
                    .weak(),
                );
            }
        });
    ui.add_space(12.0);
    super::log::ratings_ui(ui, catalog, state, commands);
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new("Play again").size(16.0)).clicked() {
            commands.push(Command::Player(PlayerCommand::Play));
        }
        if ui
            .button(RichText::new("Back to the editor").size(16.0))
            .clicked()
        {
            commands.push(Command::Player(PlayerCommand::Stop));
        }
    });
}
