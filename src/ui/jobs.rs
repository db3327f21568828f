//! The work running beside the window, each with a Cancel button, in the bottom left corner
//! where it covers nothing the runner is working on.

use eframe::egui::{self, RichText};

use crate::state::{Command, JobView, ViewCommand};

/// Shows the jobs under way, if any.
pub fn jobs_ui(ctx: &egui::Context, jobs: &[JobView], commands: &mut Vec<Command>) {
    if jobs.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::unique("knotmap_jobs"))
        .anchor(egui::Align2::LEFT_BOTTOM, egui::vec2(16.0, -16.0))
        .order(egui::Order::Foreground)
        .interactable(true)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                for job in jobs {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(format!("{}…", job.label)).strong());
                        if job.cancellable
                            && ui
                                .button("Cancel")
                                .on_hover_text("Stop it and stop waiting for it")
                                .clicked()
                        {
                            commands.push(Command::View(ViewCommand::CancelJob(job.id)));
                        }
                    });
                }
            });
        });
}
