//! The questions that guard a routine: unsaved changes, a file changed on disk, recovered
//! edits. Shown as a modal until answered.

use eframe::egui::{self, RichText};

use crate::app::{Answer, Command, Pending};
use crate::routine::Document;

pub fn pending_ui(
    ctx: &egui::Context,
    pending: &Pending,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
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
            Pending::Restore(copy) => (
                "Restore unsaved changes?",
                format!(
                    "knotmap closed before “{}” was saved. Your edits were kept aside: restore \
                     them?",
                    copy.path
                        .as_ref()
                        .map_or_else(|| copy.routine.name.clone(), |p| p.display().to_string())
                ),
                &[(Answer::Restore, "Restore"), (Answer::Discard, "Discard")],
            ),
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
                    commands.push(Command::Answer(answer));
                }
            }
        });
    });
    if modal.should_close() && !matches!(pending, Pending::Restore(_)) {
        commands.push(Command::Answer(Answer::Cancel));
    }
}
