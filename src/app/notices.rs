//! The banner's notices: news that goes by itself, warnings and errors that stay, and the
//! ones waiting their turn.

use eframe::egui;

use super::KnotmapApp;
use crate::state::{NEWS_LASTS, Notice, NoticeKind};

impl KnotmapApp {
    /// Shows a notice. News replaces news; a warning or an error is never pushed out of the
    /// banner: news meanwhile is dropped, and other warnings wait their turn.
    pub(super) fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let until = (kind == NoticeKind::Info).then(|| self.clock.now() + NEWS_LASTS);
        let notice = Notice {
            kind,
            text: text.into(),
            until,
        };
        match &self.state.notice {
            Some(shown) if shown.kind != NoticeKind::Info => {
                if kind != NoticeKind::Info {
                    self.waiting_notices.push(notice);
                }
            }
            _ => self.state.notice = Some(notice),
        }
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
