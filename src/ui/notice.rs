//! The message at the top of the map: what just happened, or what went wrong. It floats over
//! the map rather than pushing the panels down, so nothing moves when it comes and goes, and
//! it leaves the buttons beside the map free.

use eframe::egui::{self, RichText};

use crate::state::{Command, Notice, NoticeKind, ViewCommand};

/// Shows the notice at the top of the map, `over` being the map's space: it covers only the
/// map, never the editor's buttons or the place's panel beside it. `waiting` counts the notes
/// behind it.
pub fn notice_ui(
    ctx: &egui::Context,
    over: egui::Rect,
    notice: &Notice,
    waiting: usize,
    commands: &mut Vec<Command>,
) {
    let width = (over.width() - 24.0).clamp(280.0, 760.0);
    let area = egui::Area::new(egui::Id::unique("knotmap_notice"))
        .pivot(egui::Align2::CENTER_TOP)
        .fixed_pos(egui::pos2(over.center().x, over.top() + 8.0));
    show(ctx, area, width, notice, waiting, commands);
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
    let width = 760.0_f32.min(ctx.content_rect().width() * 0.45).max(320.0);
    let area = egui::Area::new(egui::Id::unique("knotmap_notice")).anchor(anchor, offset);
    show(ctx, area, width, notice, waiting, commands);
}

fn show(
    ctx: &egui::Context,
    area: egui::Area,
    width: f32,
    notice: &Notice,
    waiting: usize,
    commands: &mut Vec<Command>,
) {
    area.order(egui::Order::Foreground)
        .interactable(true)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(width);
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
