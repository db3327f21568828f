//! Opening, saving and starting routines, and the questions that guard them: unsaved
//! changes, a file changed on disk, edits recovered after a crash.

use std::path::PathBuf;

use eframe::egui;

use super::KnotmapApp;
use crate::dialogs::file_name_for;
use crate::routine::{Document, Routine, templates};
use crate::state::{Answer, FileCommand, NoticeKind, PathFor, PathPrompt, Pending, Then};
use crate::storage;
use crate::words;

impl KnotmapApp {
    pub(super) fn file_command(&mut self, ctx: &egui::Context, command: FileCommand) {
        match command {
            FileCommand::New(template) => self.guarded(ctx, Then::New(template)),
            FileCommand::Open => self.guarded(ctx, Then::Open),
            FileCommand::OpenPath(path) => self.guarded(ctx, Then::OpenPath(path)),
            FileCommand::Save => {
                self.save(false);
            }
            FileCommand::SaveAs => {
                self.save(true);
            }
            FileCommand::Answer(answer) => self.answer(ctx, answer),
            FileCommand::TypePath(text) => {
                if let Some(Pending::TypePath(prompt)) = &mut self.state.pending {
                    prompt.text = text;
                    prompt.problem = None;
                    prompt.replace = None;
                }
            }
            FileCommand::RecordLog(ratings) => self.record_log(ratings),
            FileCommand::ExportReport(span) => self.export_report(span),
        }
    }

    /// Opens a routine made in the window, asking first about unsaved changes.
    pub(super) fn use_routine(&mut self, ctx: &egui::Context, routine: Routine) {
        self.guarded(ctx, Then::Use(Box::new(routine)));
    }

    /// Runs `then` now, or first asks about unsaved changes.
    fn guarded(&mut self, ctx: &egui::Context, then: Then) {
        if self.state.doc.is_dirty() {
            self.state.pending = Some(Pending::Unsaved(then));
        } else {
            self.proceed(ctx, then);
        }
    }

    pub(super) fn proceed(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::New(template) => {
                let routine = match template {
                    Some(i) => templates().get(i).cloned().unwrap_or_default(),
                    None => Routine::default(),
                };
                self.replace_document(Document::unsaved(routine));
                self.disk = None;
            }
            Then::Use(routine) => {
                self.replace_document(Document::made(*routine));
                self.disk = None;
            }
            Then::Open => {
                let folder = self.folders.as_ref().map(crate::storage::Folders::routines);
                if !self.dialogs.available() {
                    self.state.pending = Some(Pending::TypePath(PathPrompt::new(
                        PathFor::Open,
                        folder,
                        "",
                    )));
                } else if let Some(path) = self.dialogs.pick_open(folder.as_deref()) {
                    self.open_path(path);
                }
            }
            Then::OpenPath(path) => self.open_path(path),
            Then::Close => {
                self.may_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.state.doc = doc;
        self.state.selected_step = None;
        self.recovery_due = Some(std::time::Instant::now());
    }

    /// Opens a routine file; on failure the current routine stays as it was.
    pub(super) fn open_path(&mut self, path: PathBuf) {
        // Remembered as recent and reopened at start, so never relative to where knotmap
        // happened to be started.
        let path = std::path::absolute(&path).unwrap_or(path);
        match storage::read_routine(&path) {
            Err(e) => {
                self.notify(
                    NoticeKind::Error,
                    format!("Could not open the routine. {e}"),
                );
                self.state
                    .settings
                    .recent
                    .retain(|p| p != &path || path.exists());
            }
            Ok(storage::RoutineFile {
                loaded,
                stamp,
                text,
            }) => {
                let warnings = loaded.routine.warnings(self.catalog, Some(&text));
                let read_only = loaded.read_only.clone();
                let summary = format!(
                    "Opened “{}”: {} steps, {}.",
                    loaded.routine.name,
                    loaded.routine.steps.len(),
                    words::duration(loaded.routine.total_seconds())
                );
                self.replace_document(Document::opened(
                    loaded.routine,
                    path.clone(),
                    read_only.clone(),
                ));
                self.disk = Some(stamp);
                self.remember(path);
                if let Some(notice) = read_only {
                    self.notify(NoticeKind::Warning, notice);
                } else if let Some(first) = warnings.first() {
                    let more = match warnings.len() {
                        1 => String::new(),
                        n => format!(" (and {} more)", n - 1),
                    };
                    // Only a file with ids this knotmap does not know is told they are kept.
                    let kept = if warnings.iter().any(|w| w.unknown) {
                        " Unknown entries are kept as they are."
                    } else {
                        ""
                    };
                    self.notify(
                        NoticeKind::Warning,
                        format!(
                            "{summary} Line {}: {}{more}.{kept}",
                            first.line, first.message
                        ),
                    );
                } else {
                    self.notify(NoticeKind::Info, summary);
                }
            }
        }
    }

    fn remember(&mut self, path: PathBuf) {
        self.state.settings.remember(path);
    }

    /// Saves to the routine's file, or asks where. Returns whether it was written.
    fn save(&mut self, choose_place: bool) -> bool {
        if self.state.doc.read_only.is_some() {
            self.notify(
                NoticeKind::Warning,
                "This routine comes from a newer knotmap and is never rewritten by this one.",
            );
            return false;
        }
        let target = match (choose_place, self.state.doc.path().cloned()) {
            (false, Some(path)) => {
                match storage::current_stamp(&path) {
                    Ok(now) if now.is_some() && now != self.disk => {
                        self.state.pending = Some(Pending::ChangedOnDisk(path));
                        return false;
                    }
                    Err(e) => {
                        self.notify(NoticeKind::Error, format!("Could not check the file. {e}"));
                        return false;
                    }
                    Ok(_) => {}
                }
                path
            }
            _ => {
                let folder = match &self.folders {
                    Some(f) => match f.routines_ready() {
                        Ok(dir) => Some(dir),
                        Err(e) => {
                            self.notify(NoticeKind::Warning, e.to_string());
                            None
                        }
                    },
                    None => None,
                };
                let folder = self
                    .state
                    .doc
                    .path()
                    .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
                    .or(folder);
                let name = file_name_for(&self.state.doc.routine.name);
                if !self.dialogs.available() {
                    self.state.pending = Some(Pending::TypePath(PathPrompt::new(
                        PathFor::SaveRoutine(None),
                        folder,
                        &name,
                    )));
                    return false;
                }
                match self.dialogs.pick_save(folder.as_deref(), &name) {
                    Some(path) => path,
                    None => return false,
                }
            }
        };
        self.write_to(&target)
    }

    pub(super) fn write_to(&mut self, path: &std::path::Path) -> bool {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        match storage::save_routine(&path, &self.state.doc.routine) {
            Ok(stamp) => {
                self.state.doc.mark_saved(path.clone());
                self.disk = Some(stamp);
                self.remember(path.clone());
                self.recovery_due = Some(std::time::Instant::now());
                self.notify(NoticeKind::Info, format!("Saved {}.", path.display()));
                true
            }
            Err(e) => {
                self.notify(
                    NoticeKind::Error,
                    format!("Could not save; the file on disk is unchanged. {e}"),
                );
                false
            }
        }
    }

    fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        let Some(pending) = self.state.pending.take() else {
            return;
        };
        match (pending, answer) {
            (Pending::Unsaved(then), Answer::Save) => {
                if self.save(false) {
                    self.proceed(ctx, then);
                } else if let Some(Pending::TypePath(prompt)) = &mut self.state.pending
                    && prompt.purpose == PathFor::SaveRoutine(None)
                {
                    // The path is typed first; what was asked goes on after the save.
                    prompt.purpose = PathFor::SaveRoutine(Some(then));
                } else if self.state.pending.is_none() {
                    // Saving was cancelled or failed: keep asking.
                    self.state.pending = Some(Pending::Unsaved(then));
                }
            }
            (Pending::Unsaved(then), Answer::Discard) => {
                if let Some(slot) = &self.recovery
                    && let Err(e) = slot.clear()
                {
                    self.notify(NoticeKind::Warning, e.to_string());
                }
                self.recovery_due = None;
                self.proceed(ctx, then);
            }
            (Pending::ChangedOnDisk(path), Answer::Overwrite) => {
                self.write_to(&path);
            }
            (Pending::ChangedOnDisk(_), Answer::SaveElsewhere) => {
                self.save(true);
            }
            (Pending::Restore(orphan), Answer::Restore) => {
                // The file as it is on disk is the saved state; the copy is the unsaved edit.
                let copy = &orphan.copy;
                let on_disk = copy.path.as_ref().map(|p| storage::read_routine(p));
                let mut doc = match (&copy.path, on_disk) {
                    (Some(path), Some(Ok(file))) => {
                        self.disk = Some(file.stamp);
                        Document::opened(file.loaded.routine, path.clone(), file.loaded.read_only)
                    }
                    (Some(path), Some(Err(e))) => {
                        // The file it was an edit of is gone or unreadable: the edits come
                        // back as a new routine, so Save asks where rather than writing over
                        // whatever is at that path now.
                        self.notify(
                            NoticeKind::Warning,
                            format!(
                                "The recovered edits are back as a new routine, because {} \
                                 could not be read ({e}). Save them to keep them.",
                                path.display()
                            ),
                        );
                        Document::unsaved(Routine::default())
                    }
                    _ => Document::unsaved(Routine::default()),
                };
                doc.restore(copy.routine.clone());
                self.replace_document(doc);
                // This window keeps the edits aside now; only then does the old copy go.
                if !self.write_recovery_copy() {
                    // The old copy stays, for the next start to offer again.
                } else if let Err(e) = orphan.discard() {
                    self.notify(NoticeKind::Warning, e.to_string());
                } else {
                    self.notify(
                        NoticeKind::Info,
                        "Your unsaved edits are back. Save to keep them.",
                    );
                }
            }
            (Pending::Restore(orphan), Answer::Discard) => {
                if let Err(e) = orphan.discard() {
                    self.notify(NoticeKind::Warning, e.to_string());
                }
            }
            (Pending::PrintFailed(_), Answer::SavePdf) => {
                self.save_sheet(crate::sheet::SheetFormat::Pdf);
            }
            (Pending::TypePath(prompt), Answer::UsePath) => {
                self.use_typed_path(ctx, prompt, false);
            }
            (Pending::TypePath(prompt), Answer::ReplacePath) => {
                self.use_typed_path(ctx, prompt, true);
            }
            // Cancel, or an answer that does not fit the question: the question goes and
            // nothing else happens. Every question is named, so a new one must be answered here.
            (
                Pending::Unsaved(_)
                | Pending::ChangedOnDisk(_)
                | Pending::Restore(_)
                | Pending::PrintFailed(_)
                | Pending::TypePath(_),
                Answer::Save
                | Answer::Discard
                | Answer::Cancel
                | Answer::Overwrite
                | Answer::SaveElsewhere
                | Answer::Restore
                | Answer::SavePdf
                | Answer::UsePath
                | Answer::ReplacePath,
            ) => {}
        }
    }
}
