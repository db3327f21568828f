//! The banner's notices: news that goes by itself, warnings and errors that stay, and the
//! ones waiting their turn.

use eframe::egui;

use super::KnotmapApp;
use crate::state::{NEWS_LASTS, Notice, NoticeKind};

impl KnotmapApp {
    /// Shows a notice. News replaces news; a warning or an error is never pushed out of the
    /// banner by news, which is dropped meanwhile. A more serious notice comes to the front
    /// at once (a failed save is never hidden behind an older note) and the one it covers
    /// waits; the waiting ones come back most serious first, oldest first among equals.
    pub(super) fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let until = (kind == NoticeKind::Info).then(|| self.clock.now() + NEWS_LASTS);
        let notice = Notice {
            kind,
            text: text.into(),
            until,
        };
        match self.state.notice.take() {
            Some(shown) if shown.kind != NoticeKind::Info && shown.kind >= kind => {
                self.state.notice = Some(shown);
                if kind != NoticeKind::Info {
                    self.wait(notice);
                }
            }
            Some(shown) if shown.kind != NoticeKind::Info => {
                self.state.notice = Some(notice);
                self.wait(shown);
            }
            _ => self.state.notice = Some(notice),
        }
    }

    /// Puts a notice in the queue behind those at least as serious.
    fn wait(&mut self, notice: Notice) {
        let at = self
            .waiting_notices
            .iter()
            .position(|n| n.kind < notice.kind)
            .unwrap_or(self.waiting_notices.len());
        self.waiting_notices.insert(at, notice);
    }

    /// The banner is free: the next warning waiting, if any.
    pub(super) fn next_notice(&mut self) {
        self.state.notice =
            (!self.waiting_notices.is_empty()).then(|| self.waiting_notices.remove(0));
    }

    /// Takes news out of the banner once its time is up, with one repaint booked for then.
    pub(super) fn expire_notice(&mut self, ctx: &egui::Context) {
        let Some(until) = self.state.notice.as_ref().and_then(|n| n.until) else {
            return;
        };
        let now = self.clock.now();
        if now >= until {
            self.next_notice();
        } else {
            ctx.request_repaint_after(until - now);
        }
    }
}
