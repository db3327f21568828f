//! Work that may take long runs beside the window, never in a frame: the tightness report
//! made and written, the sheet sent to `lp` (a print server that does not answer keeps `lp`
//! waiting for as long as it likes). The window shows each job with a Cancel button, keeps
//! answering, and takes the result when the job says it is done.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

use super::KnotmapApp;
use crate::state::{JobView, NoticeKind, Pending};

/// What a job came back with.
pub(super) enum Outcome {
    /// The report, written to `path`, for the period in words.
    Report {
        path: PathBuf,
        period: String,
        result: Result<(), String>,
    },
    /// The tightness log read at start; `writes` counts the sessions logged before it began.
    LogRead {
        result: Result<crate::tightness::Log, crate::tightness::LogError>,
        writes: u64,
    },
    /// A session added to the tightness log.
    Logged(Result<crate::tightness::Log, crate::tightness::LogError>),
    /// The sheet titled `title`, sent to the printer.
    Printed {
        title: String,
        result: Result<crate::sheet::print::PrintJob, crate::sheet::print::PrintError>,
    },
}

/// A job under way.
pub(super) struct Running {
    id: u64,
    cancel: Arc<AtomicBool>,
    done: Receiver<Outcome>,
}

impl KnotmapApp {
    /// Starts `work` on a thread of its own, shown as `label` until it is done or, where it
    /// may be, cancelled. The work is handed the cancel flag, to look at when it can.
    pub(super) fn start_job(
        &mut self,
        label: String,
        cancellable: bool,
        work: impl FnOnce(&AtomicBool) -> Outcome + Send + 'static,
    ) {
        self.job_counter += 1;
        let id = self.job_counter;
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, done) = std::sync::mpsc::channel();
        let ctx = self.ctx.clone();
        let flag = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new()
            .name("knotmap-job".to_owned())
            .spawn(move || {
                let outcome = work(&flag);
                // The window may have closed meanwhile; then no one waits for the outcome.
                if send.send(outcome).is_ok() {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.jobs.push(Running { id, cancel, done });
                self.state.jobs.push(JobView {
                    id,
                    label,
                    cancellable,
                });
            }
            Err(e) => self.notify(
                NoticeKind::Error,
                format!("{label} could not start: {}", crate::storage::plain_io(&e)),
            ),
        }
    }

    /// Stops waiting for a job: its outcome, when it comes, is dropped.
    pub(super) fn cancel_job(&mut self, id: u64) {
        if let Some(at) = self.jobs.iter().position(|j| j.id == id) {
            let job = self.jobs.remove(at);
            job.cancel.store(true, Ordering::Relaxed);
            let label = self.state.jobs.remove(at).label;
            self.notify(NoticeKind::Info, format!("Cancelled: {label}."));
        }
    }

    /// Takes the outcome of every job that is done, once a frame.
    pub(super) fn collect_jobs(&mut self) {
        let mut at = 0;
        while at < self.jobs.len() {
            match self.jobs[at].done.try_recv() {
                Err(TryRecvError::Empty) => at += 1,
                Ok(outcome) => {
                    self.jobs.remove(at);
                    self.state.jobs.remove(at);
                    self.take_outcome(outcome);
                }
                Err(TryRecvError::Disconnected) => {
                    self.jobs.remove(at);
                    let label = self.state.jobs.remove(at).label;
                    self.notify(
                        NoticeKind::Error,
                        format!("{label} stopped before it was done."),
                    );
                }
            }
        }
    }

    fn take_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Report {
                path,
                period,
                result,
            } => match result {
                Ok(()) => self.notify(
                    NoticeKind::Info,
                    format!(
                        "Saved the tightness report for {period} to {}.",
                        path.display()
                    ),
                ),
                Err(e) => self.notify(NoticeKind::Error, format!("Could not save the report. {e}")),
            },
            Outcome::LogRead { result, writes } => self.log_read(result, writes),
            Outcome::Logged(result) => self.logged(result),
            Outcome::Printed { title, result } => match result {
                Ok(job) => self.notify(
                    NoticeKind::Info,
                    format!("Sent “{title}” to the printer {job}."),
                ),
                Err(crate::sheet::print::PrintError::Cancelled) => {}
                Err(e) => self.state.pending = Some(Pending::PrintFailed(e.to_string())),
            },
        }
    }
}
