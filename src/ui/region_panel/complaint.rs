//! A complaint's page: what it usually is, the signs to see a clinician in a warning colour,
//! what rolling can and cannot do, the places to work (lit on the map) and to leave, the
//! ready routine with a button to open it, and what else helps.

use eframe::egui::{self, CornerRadius, Frame, Margin, RichText, Stroke};

use super::{link, section};
use crate::catalog::{Catalog, Complaint, Hit, Place, RegionId, Severity, StepSide};
use crate::routine::Routine;
use crate::state::{Command, RoutineCommand, ViewCommand};
use crate::ui::style::severity_color;

pub(super) fn complaint_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: crate::catalog::ComplaintIx,
    commands: &mut Vec<Command>,
) {
    let complaint = &catalog.complaints[index];
    if !complaint.aliases.is_empty() {
        ui.label(
            RichText::new(format!("Also called {}", complaint.aliases.join(", ")))
                .weak()
                .italics(),
        );
    }
    ui.add_space(2.0);
    ui.label(&complaint.usually);
    clinician_ui(ui, complaint);

    section(ui, "What rolling can do");
    ui.label(&complaint.rolling_can);
    section(ui, "What it cannot do");
    ui.label(&complaint.rolling_cannot);

    section(ui, "Places to work");
    ui.label(RichText::new("Lit on the map.").weak());
    places_ui(ui, catalog, &complaint.work, None, commands);
    if !complaint.leave.is_empty() {
        section(ui, "Leave alone");
        let red = severity_color(Severity::Danger, ui.visuals().dark_mode);
        places_ui(ui, catalog, &complaint.leave, Some(red), commands);
    }

    routine_ui(ui, catalog, index, commands);

    section(ui, "What else helps");
    ui.label(&complaint.also_helps);
}

/// The signs that call for a clinician, framed in the warning colour.
fn clinician_ui(ui: &mut egui::Ui, complaint: &Complaint) {
    let red = severity_color(Severity::Danger, ui.visuals().dark_mode);
    ui.add_space(10.0);
    Frame::new()
        .fill(red.gamma_multiply(0.10))
        .stroke(Stroke::new(1.5, red))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new("See a clinician rather than roll")
                    .strong()
                    .color(red),
            );
            ui.add_space(2.0);
            for sign in &complaint.see_a_clinician {
                ui.horizontal_top(|ui| {
                    ui.label(RichText::new("•").strong().color(red));
                    ui.add(egui::Label::new(sign).wrap());
                });
            }
        });
}

/// Places as links to their pages, in a colour of their own if given.
fn places_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    ids: &[RegionId],
    colour: Option<egui::Color32>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        for (n, id) in ids.iter().enumerate() {
            let Some(i) = catalog.region_index(id) else {
                continue;
            };
            let mut name = RichText::new(&catalog.regions[i].name);
            if let Some(colour) = colour {
                name = name.color(colour);
            }
            if link(ui, name).clicked() {
                commands.push(Command::View(ViewCommand::Select(Some(Hit::Region(
                    Place {
                        region: i,
                        side: None,
                    },
                )))));
            }
            if n + 1 < ids.len() {
                ui.label(RichText::new("·").weak());
            }
        }
    });
}

/// The ready routine, a step a line, and the button that opens it.
fn routine_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: crate::catalog::ComplaintIx,
    commands: &mut Vec<Command>,
) {
    let complaint = &catalog.complaints[index];
    let minutes = crate::words::duration(Routine::for_complaint(complaint).total_seconds());
    section(ui, &format!("A ready routine · {minutes}"));
    for (n, step) in complaint.routine.iter().enumerate() {
        let (place, technique, tool) = crate::words::complaint_step_names(catalog, step);
        // The dose stays on one line: "30 s per side", never "30 / s per side".
        let dose = crate::words::dose_per_side(step.dose, step.side == StepSide::Both)
            .replace(' ', "\u{a0}");
        ui.add_space(2.0);
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(format!("{}.", n + 1)).strong());
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 1.0;
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{place} · {}", step.side.title().to_lowercase()))
                            .strong(),
                    )
                    .wrap(),
                );
                ui.add(egui::Label::new(format!("{technique} · {} · {dose}", lower(tool))).wrap());
                if let Some(note) = &step.note {
                    ui.add(egui::Label::new(RichText::new(note).weak().italics()).wrap());
                }
            });
        });
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        let fill = severity_color(Severity::Info, false);
        if ui
            .add(
                egui::Button::new(
                    RichText::new("Use this routine")
                        .strong()
                        .color(egui::Color32::WHITE),
                )
                .fill(fill),
            )
            .on_hover_text("Open it as a new routine, to play, print or change")
            .clicked()
        {
            commands.push(Command::Routine(RoutineCommand::FromComplaint(index)));
        }
        ui.label(RichText::new("then play it or print its sheet").weak());
    });
}

/// A tool's name inside a line: "your hands", "foam roller".
fn lower(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
