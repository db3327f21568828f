//! The banner under the top bar: what just happened, or what went wrong.

use eframe::egui::{self, RichText};

use crate::app::{Command, Notice, NoticeKind};

pub fn notice_ui(ui: &mut egui::Ui, notice: &Notice, commands: &mut Vec<Command>) {
    let visuals = ui.visuals();
    let colour = match notice.kind {
        NoticeKind::Info => visuals.text_color(),
        NoticeKind::Warning => visuals.warn_fg_color,
        NoticeKind::Error => visuals.error_fg_color,
    };
    ui.add_space(3.0);
    ui.horizontal(|ui| {
        let label = match notice.kind {
            NoticeKind::Info => "",
            NoticeKind::Warning => "Note: ",
            NoticeKind::Error => "Problem: ",
        };
        if ui.small_button("Dismiss").clicked() {
            commands.push(Command::DismissNotice);
        }
        ui.add(
            egui::Label::new(RichText::new(format!("{label}{}", notice.text)).color(colour)).wrap(),
        );
    });
    ui.add_space(3.0);
}
