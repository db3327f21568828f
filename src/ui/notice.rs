//! The message under the top bar: what just happened, or what went wrong. It floats over the
//! window rather than pushing the panels down, so nothing moves when it comes and goes.

use eframe::egui::{self, RichText};

use crate::state::{Command, Notice, NoticeKind, ViewCommand};

/// Shows the notice centred just below `top` (the top bar's bottom edge).
/// `waiting` counts the notes behind it.
pub fn notice_ui(
    ctx: &egui::Context,
    top: f32,
    notice: &Notice,
    waiting: usize,
    commands: &mut Vec<Command>,
) {
    notice_at(
        ctx,
        egui::Align2::CENTER_TOP,
        egui::vec2(0.0, top + 8.0),
        notice,
        waiting,
        commands,
    );
}

/// Shows the notice at a corner or edge of the window (the floor view keeps its top for the
/// timer and puts notices in the bottom right corner).
pub fn notice_at(
    ctx: &egui::Context,
    anchor: egui::Align2,
    offset: egui::Vec2,
    notice: &Notice,
    waiting: usize,
    commands: &mut Vec<Command>,
) {
    egui::Area::new(egui::Id::unique("knotmap_notice"))
        .anchor(anchor, offset)
        .order(egui::Order::Foreground)
        .interactable(true)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(760.0_f32.min(ctx.content_rect().width() * 0.45).max(320.0));
                let visuals = ui.visuals();
                let colour = match notice.kind {
                    NoticeKind::Info => visuals.strong_text_color(),
                    NoticeKind::Warning => visuals.warn_fg_color,
                    NoticeKind::Error => visuals.error_fg_color,
                };
                ui.horizontal(|ui| {
                    let label = match notice.kind {
                        NoticeKind::Info => "",
                        NoticeKind::Warning => "Note: ",
                        NoticeKind::Error => "Problem: ",
                    };
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("{label}{}", notice.text)).color(colour),
                        )
                        .wrap(),
                    );
                    if waiting > 0 {
                        let more = match waiting {
                            1 => "1 more note".to_owned(),
                            n => format!("{n} more notes"),
                        };
                        ui.weak(more);
                    }
                    if ui.small_button("Dismiss").clicked() {
                        commands.push(Command::View(ViewCommand::DismissNotice));
                    }
                });
            });
        });
}
