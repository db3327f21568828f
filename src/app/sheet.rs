//! The session sheet from the window: save it as PDF or PNG, print it through CUPS.

use super::KnotmapApp;
use super::jobs::Outcome;
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
            self.state.settings.sheet_details,
            file_name.as_deref(),
        )
    }

    /// The sheet as the format's files: one PDF, or one PNG a page.
    fn sheet_files(&mut self, format: SheetFormat) -> Option<Vec<Vec<u8>>> {
        let result = self.current_sheet().and_then(|s| format.render(&s));
        match result {
            Ok(files) => Some(files),
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

    /// Writes the sheet to a file, or a PNG of several pages to one file a page beside it
    /// (`sheet-1.png`, `sheet-2.png` …).
    pub(super) fn write_sheet(&mut self, path: &std::path::Path, format: SheetFormat) {
        let Some(files) = self.sheet_files(format) else {
            return;
        };
        let paths = match format.write(path, &files) {
            Ok(paths) => paths,
            Err(e) => {
                self.notify(NoticeKind::Error, format!("Could not save the sheet. {e}"));
                return;
            }
        };
        let text = match paths.as_slice() {
            [one] => format!("Saved the sheet to {}.", one.display()),
            [first, .., last] => format!(
                "Saved the sheet's {} pages to {} … {}.",
                paths.len(),
                first.display(),
                last.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
            [] => return,
        };
        self.notify(NoticeKind::Info, text);
    }

    /// Asks where, then writes the tightness report over `span` there.
    pub(super) fn export_report(&mut self, span: crate::tightness::report::Span) {
        let today = self.clock.local_now().date();
        let name = format!("tightness-report-{today}.pdf");
        // A report is for someone else (a physio, a coach): offered in the documents folder,
        // not among the routines.
        let folder = self.folders.as_ref().map(|f| f.documents.clone());
        if !self.dialogs.available() {
            self.state.pending = Some(Pending::TypePath(PathPrompt::new(
                PathFor::Report(span),
                folder,
                &name,
            )));
            return;
        }
        let Some(path) = self.dialogs.pick_save(folder.as_deref(), &name) else {
            return;
        };
        self.write_report(&path, span);
    }

    /// Writes the tightness report over `span` as a PDF, beside the window: a long log makes
    /// a long report, and the window keeps answering meanwhile.
    pub(super) fn write_report(
        &mut self,
        path: &std::path::Path,
        span: crate::tightness::report::Span,
    ) {
        use crate::tightness::report::Report;
        let today = self.clock.local_now().date();
        // The log as it is on disk, read beside the window with the rest: the one in hand may
        // still be on its way in at start.
        let folders = self.folders.clone();
        let log = self.state.log.clone();
        let catalog = self.catalog;
        let body = self.bodies.get(self.state.settings.figure).clone();
        let paper = self.state.settings.paper;
        let path = path.to_path_buf();
        self.start_job(
            "Making the tightness report".to_owned(),
            true,
            move |cancel| {
                let log = match &folders {
                    Some(folders) => {
                        crate::tightness::Log::load(folders).map_err(|e| e.to_string())
                    }
                    None => Ok(log),
                };
                let period = span.period(today, log.as_ref().unwrap_or(&Default::default()));
                let result = log.and_then(|log| {
                    let report = Report::new(&log, catalog, period);
                    let pdf = sheet::report_sheet(&report, catalog, &body, paper)
                        .and_then(|sheet| sheet::to_pdf(&sheet))
                        .map_err(|e| e.to_string())?;
                    // Cancelled while it was made: nothing is written.
                    if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                        return Ok(());
                    }
                    crate::storage::write_atomic(&path, &pdf).map_err(|e| e.to_string())
                });
                Outcome::Report {
                    path,
                    period: period.words(),
                    result,
                }
            },
        );
    }

    /// Sends the sheet to the default printer; when printing is not possible, offers to save
    /// the PDF instead.
    pub(super) fn print_sheet(&mut self) {
        let Some(pdf) = self
            .sheet_files(SheetFormat::Pdf)
            .map(|files| files.concat())
        else {
            return;
        };
        let title = self.state.doc.routine.name.clone();
        let lp = self.lp_program.clone();
        self.start_job(
            format!("Sending “{title}” to the printer"),
            true,
            move |cancel| Outcome::Printed {
                result: sheet::print::print_pdf_unless(&lp, &pdf, &title, None, cancel),
                title,
            },
        );
    }
}
