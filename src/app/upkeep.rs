//! What the window keeps on disk as it runs: the recovery copy of unsaved edits, the copies
//! windows gone before left, the settings, the window's size; and files dropped on it.

use std::time::Instant;

use eframe::egui;

use super::KnotmapApp;
use crate::state::{Command, FileCommand, NoticeKind, Pending};
use crate::storage::RecoveryCopy;

impl KnotmapApp {
    /// Writes the recovery copy when it is due, and asks for a repaint when it will be.
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(due) = self.recovery_due else {
            return;
        };
        let now = Instant::now();
        if now < due {
            ctx.request_repaint_after(due - now);
            return;
        }
        self.recovery_due = None;
        self.write_recovery_copy();
    }

    /// Writes this window's recovery copy now, or removes it when nothing is unsaved;
    /// returns whether the edits are safe on disk.
    pub(super) fn write_recovery_copy(&mut self) -> bool {
        let Some(slot) = &self.recovery else {
            return false;
        };
        let result = if self.state.doc.is_dirty() {
            slot.save(&RecoveryCopy {
                path: self.state.doc.path().cloned(),
                routine: self.state.doc.routine.clone(),
            })
        } else {
            slot.clear()
        };
        match result {
            Ok(()) => true,
            Err(e) => {
                self.notify(
                    NoticeKind::Warning,
                    format!("Could not keep a recovery copy of your edits: {e}"),
                );
                false
            }
        }
    }

    /// Asks about the next copy a window gone before left, when no other question waits.
    pub(super) fn offer_next_orphan(&mut self) {
        if self.state.pending.is_none()
            && let Some(orphan) = self.orphans.pop()
        {
            self.state.pending = Some(Pending::Restore(orphan));
        }
    }

    /// Writes the settings when they have changed since they were last written.
    pub(super) fn keep_settings(&mut self) {
        if self.state.settings.open.as_ref() != self.state.doc.path() {
            self.state.settings.open = self.state.doc.path().cloned();
        }
        let (Some(written), Some(folders)) = (&self.settings_written, &self.folders) else {
            return;
        };
        if *written == self.state.settings {
            return;
        }
        match self.state.settings.save(folders) {
            Ok(()) => self.settings_written = Some(self.state.settings.clone()),
            Err(e) => {
                // Said once: the settings are not tried again until they change.
                self.settings_written = Some(self.state.settings.clone());
                self.notify(
                    NoticeKind::Warning,
                    format!("Could not keep your settings: {e}"),
                );
            }
        }
    }

    /// The window's size this frame, to be remembered at exit.
    pub(super) fn note_window_size(&mut self, ctx: &egui::Context) {
        let (rect, maximized) = ctx.input(|i| {
            (
                i.viewport().inner_rect,
                i.viewport().maximized.unwrap_or(false),
            )
        });
        if let Some(rect) = rect {
            self.window_size = Some(crate::settings::WindowSize {
                width: rect.width(),
                height: rect.height(),
                maximized,
            });
        }
    }

    /// Opens routine files dropped on the window (the first one; a routine is one file).
    pub(super) fn open_dropped(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            commands.push(Command::File(FileCommand::OpenPath(path)));
        }
    }
}
