//! Changes to the open routine: edits with their undo bookkeeping, adding a technique,
//! adapting to owned tools, building a routine or opening a complaint's, and recording the
//! tightness log.

use std::time::Instant;

use eframe::egui;

use super::{KnotmapApp, RECOVERY_DELAY};
use crate::routine::Edit;
use crate::state::NoticeKind;

impl KnotmapApp {
    /// A step for a technique: the region given (or its first), both sides where there are
    /// two, its best tool, its suggested dose.
    pub(super) fn record_log(&mut self, ratings: Vec<crate::tightness::Rating>) {
        let Some(folders) = &self.folders else {
            self.notify(
                NoticeKind::Warning,
                "There is no data folder to keep the log in.",
            );
            return;
        };
        let (date, time) = crate::tightness::local_stamp(&self.clock.local_now());
        // A session played to its end says what was done; one done from the sheet cannot.
        let steps = self
            .state
            .play
            .filter(|play| play.now == crate::player::Now::Finished)
            .map(|play| play.summary);
        let entry = crate::tightness::Entry {
            date,
            time: Some(time),
            routine: self.state.doc.routine.name.clone(),
            ratings,
            done: steps.map(|s| s.done as u32),
            skipped: steps.map(|s| s.skipped as u32),
        };
        if crate::tightness::is_large(folders) {
            // The ratings are on their way: the form takes no second copy of them meanwhile.
            self.state.ratings_saved = true;
            let folders = folders.clone();
            self.start_job("Saving to the tightness log".to_owned(), false, move |_| {
                super::jobs::Outcome::Logged(crate::tightness::Log::record(&folders, entry))
            });
            return;
        }
        let result = crate::tightness::Log::record(folders, entry);
        self.logged(result);
    }

    /// What logging a session came to: the log as it is now, or why it was left as it was.
    pub(super) fn logged(
        &mut self,
        result: Result<crate::tightness::Log, crate::tightness::LogError>,
    ) {
        self.log_writes += 1;
        match result {
            Ok(log) => {
                self.set_log(log);
                self.state.log_window_open = false;
                self.state.ratings_saved = true;
                self.notify(
                    NoticeKind::Info,
                    "Saved to the tightness log. Switch the map to “Tightness” to see it.",
                );
            }
            Err(e) => {
                self.state.ratings_saved = false;
                self.notify(NoticeKind::Error, format!("Could not save the log. {e}"));
            }
        }
    }

    /// The log read at start: taken unless a session was logged meanwhile (then the log in
    /// hand is newer than what was read).
    pub(super) fn log_read(
        &mut self,
        result: Result<crate::tightness::Log, crate::tightness::LogError>,
        writes: u64,
    ) {
        if writes != self.log_writes {
            return;
        }
        match result {
            Ok(log) => {
                if let Some(why) = &log.read_only {
                    self.notify(NoticeKind::Warning, why.clone());
                }
                self.set_log(log);
            }
            Err(e) => self.notify(
                NoticeKind::Warning,
                format!("The tightness log could not be read, and is left as it is. {e}"),
            ),
        }
    }

    pub(super) fn set_log(&mut self, log: crate::tightness::Log) {
        self.state.recent_tightness =
            log.recent(&crate::tightness::days_before(&self.clock.local_now(), 14));
        self.state.log = log;
    }

    /// Opens a complaint's ready routine as a new, unsaved routine (asking first about
    /// unsaved changes), and shows it.
    pub(super) fn routine_for_complaint(
        &mut self,
        ctx: &egui::Context,
        complaint: crate::catalog::ComplaintIx,
    ) {
        let complaint = &self.catalog.complaints[complaint];
        self.use_routine(ctx, crate::routine::Routine::for_complaint(complaint));
        if self.state.pending.is_none() {
            self.state.side_tab = crate::state::SideTab::Routine;
            self.notify(
                NoticeKind::Info,
                format!(
                    "Opened the routine for “{}”: play it, print it or change it, then save it.",
                    complaint.name
                ),
            );
        }
    }

    pub(super) fn build_routine(&mut self, ctx: &egui::Context) {
        let Some(form) = self.state.builder.clone() else {
            return;
        };
        let request = crate::builder::Request {
            when: form.when,
            minutes: form.minutes,
            focus: form.focus,
            owned: self.state.settings.owned_tools.clone(),
        };
        let built = crate::builder::build(self.catalog, &request);
        let left_out: Vec<String> = built
            .left_out
            .iter()
            .map(|(id, why)| {
                let name = self
                    .catalog
                    .region(id)
                    .map_or(id.as_str(), |r| r.name.as_str());
                format!("{name} ({why})")
            })
            .collect();
        let short = crate::builder::kept_short_note(
            self.catalog,
            &built.kept_short.iter().collect::<Vec<_>>(),
        )
        .map(|note| format!(" {note}"))
        .unwrap_or_default();
        self.use_routine(ctx, built.routine);
        if left_out.is_empty() {
            self.notify(
                NoticeKind::Info,
                format!("Built a routine: tweak it here, then save it.{short}"),
            );
        } else {
            self.notify(
                NoticeKind::Warning,
                format!("Built a routine without {}.{short}", left_out.join(", ")),
            );
        }
        self.state.builder = None;
    }

    pub(super) fn adapt_to_my_tools(&mut self) {
        let Some(owned) = &self.state.settings.owned_tools else {
            self.notify(
                NoticeKind::Info,
                "Tick the tools you own under “My tools” first.",
            );
            return;
        };
        let plan = crate::routine::adapt::adapt(&self.state.doc.routine, self.catalog, owned);
        let changed = plan.changes.len();
        let steps = &self.state.doc.routine.steps;
        let shortened: Vec<_> = plan
            .changes
            .iter()
            .filter(|swap| swap.dose.is_some())
            .filter_map(|swap| steps.get(swap.step).map(|s| &s.region))
            .collect();
        let short = crate::builder::kept_short_note(self.catalog, &shortened)
            .map(|note| format!(" {note}"))
            .unwrap_or_default();
        if changed > 0 {
            self.edit(Edit::SetTools(plan.changes));
        }
        let flagged: Vec<String> = plan.unmatched.iter().map(|i| (i + 1).to_string()).collect();
        let text = match (changed, flagged.is_empty()) {
            (0, true) => "Every step already uses a tool you own.".to_owned(),
            (n, true) => format!(
                "Swapped the tool of {n} step{} for one you own.{short}",
                if n == 1 { "" } else { "s" }
            ),
            (n, false) => format!(
                "Swapped the tool of {n} step{}; no tool you own fits step {}.{short}",
                if n == 1 { "" } else { "s" },
                flagged.join(", ")
            ),
        };
        let kind = if flagged.is_empty() {
            NoticeKind::Info
        } else {
            NoticeKind::Warning
        };
        self.notify(kind, text);
    }

    pub(super) fn edit(&mut self, edit: Edit) {
        if self.state.doc.read_only.is_some() {
            self.notify(
                NoticeKind::Warning,
                "This routine is read-only: it comes from a newer knotmap.",
            );
            return;
        }
        if self.state.doc.apply(edit) {
            self.after_history_change();
        }
    }

    pub(super) fn after_history_change(&mut self) {
        let len = self.state.doc.routine.steps.len();
        if let Some(i) = self.state.selected_step
            && i >= len
        {
            self.state.selected_step = len.checked_sub(1);
        }
        self.recovery_due = Some(Instant::now() + RECOVERY_DELAY);
    }

    pub(super) fn nudge(&mut self, delta: isize) {
        let Some(from) = self.state.selected_step else {
            return;
        };
        let len = self.state.doc.routine.steps.len();
        let Some(to) = from.checked_add_signed(delta).filter(|&to| to < len) else {
            return;
        };
        self.edit(Edit::MoveStep { from, to });
        self.state.selected_step = Some(to);
    }
}
