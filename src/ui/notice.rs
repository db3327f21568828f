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
    // A band across the top of the map, placed by its left edge: its place never depends on
    // the size the note had a frame before.
    let width = (over.width() - 24.0).max(240.0);
    let area = egui::Area::new(egui::Id::unique("knotmap_notice"))
        .fixed_pos(egui::pos2(over.left() + 12.0, over.top() + 8.0));
    show(ctx, area, Width::Exactly(width), notice, waiting, commands);
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
    show(ctx, area, Width::AtMost(width), notice, waiting, commands);
}

/// How wide a note is drawn: across its whole band, or as wide as its words up to a limit.
#[derive(Clone, Copy)]
enum Width {
    Exactly(f32),
    AtMost(f32),
}

fn show(
    ctx: &egui::Context,
    area: egui::Area,
    width: Width,
    notice: &Notice,
    waiting: usize,
    commands: &mut Vec<Command>,
) {
    area.order(egui::Order::Foreground)
        .interactable(true)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                let fill = matches!(width, Width::Exactly(_));
                let width = match width {
                    Width::Exactly(w) => {
                        // The frame's margins are inside the band.
                        let w = w - ui.style().spacing.menu_margin.sum().x;
                        ui.set_width(w);
                        w
                    }
                    Width::AtMost(w) => {
                        ui.set_max_width(w);
                        w
                    }
                };
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
                    let more = match waiting {
                        0 => None,
                        1 => Some("1 more note".to_owned()),
                        n => Some(format!("{n} more notes")),
                    };
                    // The text wraps in what the count and Dismiss leave of the width, so the
                    // whole note stays within it.
                    let spacing = ui.spacing().item_spacing.x;
                    let words_width = |text: &str, style: egui::TextStyle| {
                        let font = style.resolve(ui.style());
                        ui.painter()
                            .layout_no_wrap(text.to_owned(), font, colour)
                            .size()
                            .x
                    };
                    let reserved = words_width("Dismiss", egui::TextStyle::Button)
                        + 2.0 * ui.spacing().button_padding.x
                        + spacing
                        + more
                            .as_deref()
                            .map_or(0.0, |m| words_width(m, egui::TextStyle::Body) + spacing);
                    ui.scope(|ui| {
                        ui.set_max_width((width - reserved).max(120.0));
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("{label}{}", notice.text)).color(colour),
                            )
                            .wrap(),
                        );
                    });
                    if fill {
                        // Across a band, the count and Dismiss sit at its right end.
                        let used = ui.min_rect().width();
                        ui.add_space((width - reserved - used).max(0.0));
                    }
                    if let Some(more) = more {
                        ui.weak(more);
                    }
                    if ui.small_button("Dismiss").clicked() {
                        commands.push(Command::View(ViewCommand::DismissNotice));
                    }
                });
            });
        });
}
