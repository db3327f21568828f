//! What the panel shows with nothing selected: ways into the map (where it is tight, where it
//! hurts) and the background.

use super::{chip, link, section, stride_chip};
use crate::catalog::{Catalog, Hit, Place, Stride};
use crate::state::Command;
use crate::ui::style::severity_color;
use eframe::egui::{self, CornerRadius, Frame, Margin, RichText, Stroke};

use crate::state::UiCommand;
use crate::state::ViewCommand;

/// `red_flags_read`: the runner has read when not to roll, so it shrinks to a link.
pub(super) fn welcome_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    red_flags_read: bool,
    commands: &mut Vec<Command>,
) {
    red_flags_ui(ui, catalog, red_flags_read, commands);
    crate::ui::widgets::heading(
        ui,
        RichText::new("Where is it tight?").strong().heading(),
        1,
        false,
    );
    ui.add_space(4.0);
    ui.label(
        "Click the place on the body map. You will see which muscles live there, how to work \
         them and with what, how long to stay, and what to stay away from.",
    );
    ui.label(
        RichText::new(format!(
            "Tab and the arrow keys move between places; Enter opens one. {} searches.",
            UiCommand::Find.keys(ui.ctx())
        ))
        .weak(),
    );
    complaints_ui(ui, catalog, commands);
    for stride in Stride::ALL {
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            stride_chip(ui, stride);
            ui.label(RichText::new(stride.explain()).weak());
        });
        ui.horizontal_wrapped(|ui| {
            for (i, region) in catalog.regions_ix() {
                if catalog.region_stride(i) == Some(stride) && ui.button(&region.name).clicked() {
                    commands.push(Command::View(ViewCommand::Select(Some(Hit::Region(
                        Place {
                            region: i,
                            side: None,
                        },
                    )))));
                }
            }
        });
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        chip(
            ui,
            "Do not roll",
            severity_color(crate::catalog::Severity::Danger, ui.visuals().dark_mode),
        );
        ui.label(RichText::new("places to keep the roller away from").weak());
    });
    ui.horizontal_wrapped(|ui| {
        for (i, region) in catalog.regions_ix() {
            if region.warns() && ui.button(&region.name).clicked() {
                commands.push(Command::View(ViewCommand::Select(Some(Hit::Region(
                    Place {
                        region: i,
                        side: None,
                    },
                )))));
            }
        }
    });
    basics_ui(ui, catalog, None, commands);
}

/// When not to roll at all, and when to see a doctor: in full until the runner says it was
/// read, then one link to it, at the top of the welcome panel either way.
fn red_flags_ui(ui: &mut egui::Ui, catalog: &Catalog, read: bool, commands: &mut Vec<Command>) {
    let Some((index, basic)) = catalog.basics_ix().find(|(_, b)| b.read_first) else {
        return;
    };
    let danger = severity_color(crate::catalog::Severity::Danger, ui.visuals().dark_mode);
    let open = |commands: &mut Vec<Command>| {
        commands.push(Command::View(ViewCommand::Select(Some(Hit::Basic(index)))));
    };
    if read {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Before you roll:").color(danger));
            if link(ui, &basic.title).clicked() {
                open(commands);
            }
        });
        ui.add_space(6.0);
        return;
    }
    card(
        ui,
        danger,
        RichText::new("Before you roll").color(danger),
        |ui| {
            for line in &basic.brief {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("•").color(danger));
                    ui.label(line);
                });
            }
            if link(ui, "Read it in full").clicked() {
                open(commands);
            }
            ui.add_space(4.0);
            ui.label(
                RichText::new(
                    "knotmap explains self-massage; it does not diagnose or treat. Pain that \
                     grows, pain at night, swelling, numbness or pain on the bone is for a \
                     doctor or physiotherapist.",
                )
                .weak(),
            );
            ui.add_space(4.0);
            if ui
                .button("I have read this")
                .on_hover_text("Keep it as a link at the top of this panel")
                .clicked()
            {
                commands.push(Command::View(ViewCommand::SetRedFlagsRead(true)));
            }
        },
    );
    ui.add_space(10.0);
}

/// A card of the welcome panel: a tinted frame in `accent` with a heading a screen reader
/// can jump to, then what `contents` adds.
fn card(
    ui: &mut egui::Ui,
    accent: egui::Color32,
    title: RichText,
    contents: impl FnOnce(&mut egui::Ui),
) {
    Frame::new()
        .fill(accent.gamma_multiply(0.08))
        .stroke(Stroke::new(1.0, accent.gamma_multiply(0.55)))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            crate::ui::widgets::heading(ui, title.size(17.0).strong(), 2, false);
            contents(ui);
        });
}

/// The complaints runners bring, as links to their pages, in a card of their own.
fn complaints_ui(ui: &mut egui::Ui, catalog: &Catalog, commands: &mut Vec<Command>) {
    let accent = severity_color(crate::catalog::Severity::Info, ui.visuals().dark_mode);
    ui.add_space(10.0);
    card(ui, accent, RichText::new("Where does it hurt?"), |ui| {
        ui.label(
            RichText::new(
                "What it usually is, when to see a clinician instead, what rolling can \
                     and cannot do, and a ready routine.",
            )
            .weak(),
        );
        ui.add_space(4.0);
        ui.spacing_mut().item_spacing.y = 3.0;
        for (i, complaint) in catalog.complaints_ix() {
            if link(ui, &complaint.name).clicked() {
                commands.push(Command::View(ViewCommand::Select(Some(Hit::Complaint(i)))));
            }
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new("Or pick a place by what it does in the stride:").weak());
}

/// The background entries as links; `current` is the one on show, left out of the list.
pub(super) fn basics_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    current: Option<crate::catalog::BasicIx>,
    commands: &mut Vec<Command>,
) {
    section(
        ui,
        if current.is_some() {
            "More of the basics"
        } else {
            "Why roll at all?"
        },
    );
    for (i, basic) in catalog.basics_ix() {
        if Some(i) != current && link(ui, &basic.title).clicked() {
            commands.push(Command::View(ViewCommand::Select(Some(Hit::Basic(i)))));
        }
    }
}
