//! The questions that guard a routine: unsaved changes, a file changed on disk, recovered
//! edits. Shown as a modal until answered.

use eframe::egui::{self, RichText};

use crate::routine::Document;
use crate::state::{Answer, Command, FileCommand, PathFor, PathPrompt, Pending};

pub fn pending_ui(
    ctx: &egui::Context,
    pending: &Pending,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    if let Pending::TypePath(prompt) = pending {
        path_prompt_ui(ctx, prompt, commands);
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("knotmap_question")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        let (title, text, buttons): (&str, String, &[(Answer, &str)]) = match pending {
            Pending::Unsaved(_) => (
                "Save your changes?",
                format!(
                    "“{}” has changes that are not saved yet. Save them before going on?",
                    doc.display_name()
                ),
                &[
                    (Answer::Save, "Save"),
                    (Answer::Discard, "Discard"),
                    (Answer::Cancel, "Cancel"),
                ],
            ),
            Pending::ChangedOnDisk(path) => (
                "The file changed on disk",
                format!(
                    "{} was changed by something else since knotmap opened it. Overwrite it \
                     with this routine, or save this one elsewhere?",
                    path.display()
                ),
                &[
                    (Answer::Overwrite, "Overwrite"),
                    (Answer::SaveElsewhere, "Save As…"),
                    (Answer::Cancel, "Cancel"),
                ],
            ),
            Pending::Restore(orphan) => (
                "Restore unsaved changes?",
                format!(
                    "knotmap closed before “{}” was saved. Your edits were kept aside: restore \
                     them?",
                    orphan.copy.path.as_ref().map_or_else(
                        || orphan.copy.routine.name.clone(),
                        |p| p.display().to_string()
                    )
                ),
                &[(Answer::Restore, "Restore"), (Answer::Discard, "Discard")],
            ),
            Pending::TypePath(_) => return,
            Pending::PrintFailed(reason) => (
                "Could not print",
                format!("Printing did not work: {reason}. Save the sheet as a PDF instead?"),
                &[(Answer::SavePdf, "Save PDF…"), (Answer::Cancel, "Cancel")],
            ),
        };
        ui.label(RichText::new(title).heading().strong());
        ui.add_space(6.0);
        ui.label(text);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            for &(answer, label) in buttons {
                if ui.button(label).clicked() {
                    commands.push(Command::File(FileCommand::Answer(answer)));
                }
            }
        });
    });
    if modal.should_close() && !matches!(pending, Pending::Restore(_)) {
        commands.push(Command::File(FileCommand::Answer(Answer::Cancel)));
    }
}

/// Asks for a path by hand, for a desktop with no file chooser: a field with a suggestion,
/// and for opening, the routines already in the folder.
fn path_prompt_ui(ctx: &egui::Context, prompt: &PathPrompt, commands: &mut Vec<Command>) {
    let (title, action) = match prompt.purpose {
        PathFor::Open => ("Open a routine", "Open"),
        PathFor::SaveRoutine(_) => ("Save the routine", "Save"),
        PathFor::Sheet(_) => ("Save the session sheet", "Save"),
        PathFor::Report(_) => ("Save the tightness report", "Save"),
    };
    let modal = egui::Modal::new(egui::Id::unique("knotmap_path_prompt")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.label(RichText::new(title).heading().strong());
        ui.add_space(6.0);
        ui.label(
            "This desktop has no file chooser (one comes with the XDG desktop portal or with \
             zenity), so type the file's path here. A name alone goes in the folder shown.",
        );
        ui.add_space(8.0);
        let label = ui.label(RichText::new("Path").weak());
        let mut text = prompt.text.clone();
        let field = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        // The field takes the keyboard when the question opens: on its first pass, that is,
        // when it was not shown on the pass before.
        // The field takes the keyboard back when a path would not do, so it can be fixed.
        let pass = ui.ctx().cumulative_pass_nr();
        let seen_id = field.id.with("last_pass");
        let problem_id = field.id.with("last_problem");
        let (last, last_problem) = ui.data_mut(|d| {
            let last = d.get_temp::<u64>(seen_id).unwrap_or(0);
            let last_problem = d.get_temp::<Option<String>>(problem_id).flatten();
            d.insert_temp(seen_id, pass);
            d.insert_temp(problem_id, prompt.problem.clone());
            (last, last_problem)
        });
        if last + 1 < pass || (prompt.problem.is_some() && prompt.problem != last_problem) {
            field.request_focus();
        }
        if field.changed() {
            commands.push(Command::File(FileCommand::TypePath(text)));
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if let Some(problem) = &prompt.problem {
            ui.label(RichText::new(problem).color(ui.visuals().error_fg_color));
        }
        if !prompt.found.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("Routines in this folder").strong());
            ui.horizontal_wrapped(|ui| {
                for path in &prompt.found {
                    let name = path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    if ui.button(name).clicked() {
                        commands.push(Command::File(FileCommand::TypePath(
                            path.display().to_string(),
                        )));
                        commands.push(Command::File(FileCommand::Answer(Answer::UsePath)));
                    }
                }
            });
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(action).clicked() || entered {
                commands.push(Command::File(FileCommand::Answer(Answer::UsePath)));
            }
            if prompt.replace.is_some() && ui.button("Replace it").clicked() {
                commands.push(Command::File(FileCommand::Answer(Answer::ReplacePath)));
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::File(FileCommand::Answer(Answer::Cancel)));
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::File(FileCommand::Answer(Answer::Cancel)));
    }
}
