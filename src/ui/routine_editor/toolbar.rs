//! The editor's buttons: files, playing, building, tools, the sheet and logging, undo and redo.

use crate::routine::templates;
use crate::state::{AppState, Command};
use eframe::egui::{self, Color32, RichText};

use crate::state::UiCommand;
use crate::state::{FileCommand, PlayerCommand, SheetCommand, ViewCommand};
use crate::words;

/// Two rows: the file's buttons, then what to do with the routine and undo and redo.
pub(super) fn toolbar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    // A button too wide for what is left of a row goes to the next row whole; its words never
    // break.
    ui.scope(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        buttons_ui(ui, state, commands);
    });
}

fn buttons_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| file_buttons_ui(ui, state, commands));
    ui.horizontal_wrapped(|ui| {
        routine_buttons_ui(ui, state, commands);
        // Undo and redo at the right end of the row, or at the start of the next one.
        let room = ui.available_size_before_wrap().x;
        if room < 80.0 {
            ui.end_row();
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            history_buttons_ui(ui, state, commands);
        });
    });
}

/// Undo and redo as compact arrow buttons, named for screen readers.
fn history_buttons_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    // Laid out right to left: redo first.
    for (ui_command, icon, enabled) in [
        (UiCommand::Redo, "↪", state.doc.can_redo()),
        (UiCommand::Undo, "↩", state.doc.can_undo()),
    ] {
        let label = ui_command.label();
        let hint = ui_command.hint(ui.ctx());
        let response = ui
            .add_enabled(enabled, egui::Button::new(RichText::new(icon).size(16.0)))
            .on_hover_text(&hint)
            .on_disabled_hover_text(&hint);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
        if response.clicked()
            && let Some(command) = ui_command.command(state)
        {
            commands.push(command);
        }
    }
}

/// New, Open, Save, Save As, Recent.
pub(super) fn file_buttons_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.menu_button("New", |ui| {
        if ui
            .button(UiCommand::New.label())
            .on_hover_text(UiCommand::New.keys(ui.ctx()))
            .clicked()
        {
            commands.push(Command::File(FileCommand::New(None)));
            ui.close();
        }
        ui.separator();
        ui.label(RichText::new("From an example").weak());
        for (i, template) in templates().iter().enumerate() {
            let label = format!(
                "{} ({})",
                template.name,
                words::duration(template.total_seconds())
            );
            if ui.button(label).clicked() {
                commands.push(Command::File(FileCommand::New(Some(i))));
                ui.close();
            }
        }
    });
    if ui
        .button(UiCommand::Open.label())
        .on_hover_text(UiCommand::Open.keys(ui.ctx()))
        .clicked()
    {
        commands.push(Command::File(FileCommand::Open));
    }
    let writable = state.doc.read_only.is_none();
    if ui
        .add_enabled(writable, egui::Button::new(UiCommand::Save.label()))
        .on_hover_text(UiCommand::Save.keys(ui.ctx()))
        .clicked()
    {
        commands.push(Command::File(FileCommand::Save));
    }
    if ui
        .add_enabled(writable, egui::Button::new(UiCommand::SaveAs.label()))
        .on_hover_text(UiCommand::SaveAs.keys(ui.ctx()))
        .clicked()
    {
        commands.push(Command::File(FileCommand::SaveAs));
    }
    ui.add_enabled_ui(!state.settings.recent.is_empty(), |ui| {
        ui.menu_button("Recent", |ui| {
            for path in &state.settings.recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .button(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    commands.push(Command::File(FileCommand::OpenPath(path.clone())));
                    ui.close();
                }
            }
        });
    });
}

/// Play, build, my tools and the sheet (with logging a session done from it).
pub(super) fn routine_buttons_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    // The one call to action: a solid green, readable in both themes.
    let go = Color32::from_rgb(0x2E, 0x7D, 0x4A);
    if ui
        .add_enabled(
            !state.doc.routine.steps.is_empty(),
            egui::Button::new(RichText::new("Play").strong().color(Color32::WHITE)).fill(go),
        )
        .on_hover_text("Play the routine with timers")
        .clicked()
    {
        commands.push(Command::Player(PlayerCommand::Play));
    }
    if ui
        .button("Build…")
        .on_hover_text("Build a routine for the time you have")
        .clicked()
    {
        commands.push(Command::View(ViewCommand::SetBuilder(Some(
            crate::state::BuilderForm::default(),
        ))));
    }
    if ui.button("My tools").clicked() {
        commands.push(Command::View(ViewCommand::ShowMyTools(true)));
    }
    ui.menu_button("Sheet", |ui| {
        if ui.button("Print preview").clicked() {
            commands.push(Command::Sheet(SheetCommand::ShowPreview(true)));
            ui.close();
        }
        if ui.button("Save PDF…").clicked() {
            commands.push(Command::Sheet(SheetCommand::Save(
                crate::sheet::SheetFormat::Pdf,
            )));
            ui.close();
        }
        if ui.button("Save PNG…").clicked() {
            commands.push(Command::Sheet(SheetCommand::Save(
                crate::sheet::SheetFormat::Png,
            )));
            ui.close();
        }
        if ui
            .button(UiCommand::Print.label())
            .on_hover_text(UiCommand::Print.keys(ui.ctx()))
            .clicked()
        {
            commands.push(Command::Sheet(SheetCommand::Print));
            ui.close();
        }
        ui.separator();
        if ui
            .add_enabled(
                !state.doc.routine.steps.is_empty(),
                egui::Button::new("Log a session from the sheet…"),
            )
            .on_hover_text(
                "Rate how tight each place felt in a session done from the printed sheet",
            )
            .clicked()
        {
            commands.push(Command::View(ViewCommand::ShowLogWindow(true)));
            ui.close();
        }
        if ui
            .add_enabled(
                !state.log.entries.is_empty(),
                egui::Button::new("Tightness report…"),
            )
            .on_hover_text("A report of the tightness log for a physio, as a PDF")
            .on_disabled_hover_text("Nothing is logged yet")
            .clicked()
        {
            commands.push(Command::View(ViewCommand::ShowLogWindow(true)));
            ui.close();
        }
    });
}
