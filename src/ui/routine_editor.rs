//! The routine editor, docked beside the map: name, when, notes, the steps (edit in place,
//! drag to reorder, duplicate, delete), a picker to add steps, and the file commands.

mod picker;
mod steps;
mod toolbar;

use eframe::egui::{self, Color32, RichText};

use crate::catalog::Catalog;
use crate::routine::{Edit, When};
use crate::state::{AppState, Command, RoutineCommand};
use crate::words;
use picker::add_step_ui;
use steps::steps_ui;
use toolbar::toolbar_ui;

pub fn routine_editor_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    toolbar_ui(ui, state, commands);
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            super::widgets::scroll_to_focus(ui);
            header_ui(ui, state, commands);
            ui.add_space(8.0);
            steps_ui(ui, catalog, state, commands);
            ui.add_space(10.0);
            add_step_ui(ui, catalog, state, commands);
            ui.add_space(12.0);
        });
}

fn header_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let routine = &state.doc.routine;
    if let Some(notice) = &state.doc.read_only {
        ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
    }
    ui.add_space(4.0);
    let label = ui.label(RichText::new("Routine").weak());
    let mut name = routine.name.clone();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut name)
                .font(egui::TextStyle::Heading)
                .char_limit(crate::routine::MAX_NAME_CHARS)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        commands.push(Command::Routine(RoutineCommand::Edit(Edit::SetName(name))));
    }
    ui.horizontal(|ui| {
        let mut when = routine.when;
        let choices = When::ALL.map(|w| (w, w.title().to_owned()));
        let shown = routine.when.title();
        super::widgets::labelled_combo(
            ui,
            "When",
            "routine_when",
            ui.spacing().combo_width,
            &mut when,
            shown,
            choices,
        );
        if when != routine.when {
            commands.push(Command::Routine(RoutineCommand::Edit(Edit::SetWhen(when))));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let steps = routine.steps.len();
            ui.label(
                RichText::new(format!(
                    "{} · {steps} step{}",
                    words::duration(routine.total_seconds()),
                    if steps == 1 { "" } else { "s" }
                ))
                .strong(),
            );
        });
    });
    let mut notes = routine.notes.clone();
    let notes_label = ui.label(RichText::new("Notes").weak());
    if ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .desired_rows(2)
                .char_limit(crate::routine::MAX_NOTES_CHARS)
                .desired_width(f32::INFINITY)
                .hint_text("When to do it, how it should feel"),
        )
        .labelled_by(notes_label.id)
        .changed()
    {
        commands.push(Command::Routine(RoutineCommand::Edit(Edit::SetNotes(
            notes,
        ))));
    }
}

/// The colour used to mark the routine's places and step numbers on the map.
pub fn routine_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xF2, 0xC1, 0x4E)
    } else {
        Color32::from_rgb(0x1F, 0x2A, 0x44)
    }
}
