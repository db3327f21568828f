//! The session sheet from the window: save it as PDF or PNG, print it through CUPS.

use super::KnotmapApp;
use crate::dialogs::file_name_for;
use crate::sheet::SheetFormat;
use crate::sheet::{self, Sheet};
use crate::state::{NoticeKind, PathFor, PathPrompt, Pending};

impl KnotmapApp {
    /// Lays out the sheet of the open routine on the chosen paper.
    pub fn current_sheet(&self) -> Result<Sheet, sheet::SheetError> {
        let file_name = self
            .state
            .doc
            .path()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned());
        sheet::layout(
            &self.state.doc.routine,
            self.catalog,
            self.bodies.get(self.state.settings.figure),
            self.state.settings.paper,
            file_name.as_deref(),
        )
    }

    fn sheet_bytes(&mut self, format: SheetFormat) -> Option<Vec<u8>> {
        let result = self.current_sheet().and_then(|s| match format {
            SheetFormat::Pdf => sheet::to_pdf(&s),
            SheetFormat::Png => sheet::to_png(&s, 150.0),
        });
        match result {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                self.notify(NoticeKind::Error, format!("Could not make the sheet: {e}"));
                None
            }
        }
    }

    /// Asks where, then writes the sheet there.
    pub(super) fn save_sheet(&mut self, format: SheetFormat) {
        let name = format.file_name(&file_name_for(&self.state.doc.routine.name));
        let folder = self
            .state
            .doc
            .path()
            .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
            .or_else(|| self.folders.as_ref().map(crate::storage::Folders::routines));
        if !self.dialogs.available() {
            self.state.pending = Some(Pending::TypePath(PathPrompt::new(
                PathFor::Sheet(format),
                folder,
                &name,
            )));
            return;
        }
        let Some(path) = self.dialogs.pick_save(folder.as_deref(), &name) else {
            return;
        };
        self.write_sheet(&path, format);
    }

    /// Writes the sheet to a file.
    pub(super) fn write_sheet(&mut self, path: &std::path::Path, format: SheetFormat) {
        let Some(bytes) = self.sheet_bytes(format) else {
            return;
        };
        match crate::storage::write_atomic(path, &bytes) {
            Ok(()) => self.notify(
                NoticeKind::Info,
                format!("Saved the sheet to {}.", path.display()),
            ),
            Err(e) => self.notify(NoticeKind::Error, format!("Could not save the sheet. {e}")),
        }
    }

    /// Sends the sheet to the default printer; when printing is not possible, offers to save
    /// the PDF instead.
    pub(super) fn print_sheet(&mut self) {
        let Some(pdf) = self.sheet_bytes(SheetFormat::Pdf) else {
            return;
        };
        let title = self.state.doc.routine.name.clone();
        match sheet::print::print_pdf_with(&self.lp_program, &pdf, &title, None) {
            Ok(job) => self.notify(
                NoticeKind::Info,
                format!("Sent “{title}” to the printer {job}."),
            ),
            Err(e) => self.state.pending = Some(Pending::PrintFailed(e.to_string())),
        }
    }
}
