//! The editor's buttons: files, playing, building, logging, tools, the sheet, undo and redo.

use super::*;

pub(super) fn toolbar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        file_buttons_ui(ui, state, commands);
        routine_buttons_ui(ui, state, commands);
    });
}

/// New, Open, Save, Save As, Recent.
pub(super) fn file_buttons_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.menu_button("New", |ui| {
        if ui.button("Blank routine").on_hover_text("Ctrl+N").clicked() {
            commands.push(Command::New(None));
            ui.close();
        }
        ui.separator();
        ui.label(RichText::new("From an example").weak());
        for (i, template) in templates().iter().enumerate() {
            let label = format!(
                "{} ({})",
                template.name,
                format_duration(template.total_seconds())
            );
            if ui.button(label).clicked() {
                commands.push(Command::New(Some(i)));
                ui.close();
            }
        }
    });
    if ui.button("Open…").on_hover_text("Ctrl+O").clicked() {
        commands.push(Command::Open);
    }
    let writable = state.doc.read_only.is_none();
    if ui
        .add_enabled(writable, egui::Button::new("Save"))
        .on_hover_text("Ctrl+S")
        .clicked()
    {
        commands.push(Command::Save);
    }
    if ui
        .add_enabled(writable, egui::Button::new("Save As…"))
        .on_hover_text("Ctrl+Shift+S")
        .clicked()
    {
        commands.push(Command::SaveAs);
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
                    commands.push(Command::OpenPath(path.clone()));
                    ui.close();
                }
            }
        });
    });
}

/// Play, build, log, my tools, the sheet, undo and redo.
pub(super) fn routine_buttons_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    if ui
        .add_enabled(
            !state.doc.routine.steps.is_empty(),
            egui::Button::new("Play"),
        )
        .on_hover_text("Play the routine with timers")
        .clicked()
    {
        commands.push(Command::Play);
    }
    if ui
        .button("Build…")
        .on_hover_text("Build a routine for the time you have")
        .clicked()
    {
        commands.push(Command::SetBuilder(
            Some(crate::app::BuilderForm::default()),
        ));
    }
    if ui
        .add_enabled(
            !state.doc.routine.steps.is_empty(),
            egui::Button::new("Log…"),
        )
        .on_hover_text("Rate a session done from the printed sheet")
        .clicked()
    {
        commands.push(Command::ShowLogWindow(true));
    }
    if ui.button("My tools").clicked() {
        commands.push(Command::ShowMyTools(true));
    }
    ui.menu_button("Sheet", |ui| {
        if ui.button("Print preview").clicked() {
            commands.push(Command::ShowPreview(true));
            ui.close();
        }
        if ui.button("Save PDF…").clicked() {
            commands.push(Command::SaveSheet(crate::cli::SheetFormat::Pdf));
            ui.close();
        }
        if ui.button("Save PNG…").clicked() {
            commands.push(Command::SaveSheet(crate::cli::SheetFormat::Png));
            ui.close();
        }
        if ui.button("Print…").on_hover_text("Ctrl+P").clicked() {
            commands.push(Command::PrintSheet);
            ui.close();
        }
    });
    ui.separator();
    if ui
        .add_enabled(state.doc.can_undo(), egui::Button::new("Undo"))
        .on_hover_text("Ctrl+Z")
        .clicked()
    {
        commands.push(Command::Undo);
    }
    if ui
        .add_enabled(state.doc.can_redo(), egui::Button::new("Redo"))
        .on_hover_text("Ctrl+Shift+Z or Ctrl+Y")
        .clicked()
    {
        commands.push(Command::Redo);
    }
}
