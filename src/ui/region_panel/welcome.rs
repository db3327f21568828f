//! What the panel shows with nothing selected: a way into the map and the background.

use super::{chip, link, section, stride_chip};
use crate::catalog::{Catalog, Hit, Place, Stride};
use crate::state::Command;
use crate::ui::body_map::region_stride;
use crate::ui::style::severity_color;
use eframe::egui::{self, RichText};

use crate::state::UiCommand;
use crate::state::ViewCommand;

pub(super) fn welcome_ui(ui: &mut egui::Ui, catalog: &Catalog, commands: &mut Vec<Command>) {
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
    for stride in Stride::ALL {
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            stride_chip(ui, stride);
            ui.label(RichText::new(stride.explain()).weak());
        });
        ui.horizontal_wrapped(|ui| {
            for (i, region) in catalog.regions.iter().enumerate() {
                if region_stride(catalog, i) == Some(stride) && ui.button(&region.name).clicked() {
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
        for (i, region) in catalog.regions.iter().enumerate() {
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

/// The background entries as links; `current` is the one on show, left out of the list.
pub(super) fn basics_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    current: Option<usize>,
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
    for (i, basic) in catalog.basics.iter().enumerate() {
        if Some(i) != current && link(ui, &basic.title).clicked() {
            commands.push(Command::View(ViewCommand::Select(Some(Hit::Basic(i)))));
        }
    }
}
