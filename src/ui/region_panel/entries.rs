//! One entry of each kind in the panel: a zone's warning, a muscle, a technique with its
//! steps, a tool with its stand-ins, a caution.

use super::{chip, link};
use crate::catalog::{Catalog, Caution, Hit, Muscle, Place, Side, Technique, Tool};
use crate::state::Command;
use crate::ui::style::{severity_color, stride_color};
use eframe::egui::{self, CornerRadius, Frame, Margin, RichText, Stroke};

use crate::state::{RoutineCommand, ViewCommand};

/// Why a zone is not for rolling, and links to the places beside it to work instead (on the
/// zone's own side where both have sides).
pub(super) fn no_roll_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    region: &crate::catalog::Region,
    why: &str,
    side: Option<Side>,
    commands: &mut Vec<Command>,
) {
    let instead = &region.instead;
    let (red, title) = if region.not_covered {
        (ui.visuals().weak_text_color(), "Not covered by knotmap")
    } else {
        (
            severity_color(crate::catalog::Severity::Danger, ui.visuals().dark_mode),
            "Do not roll here",
        )
    };
    ui.add_space(6.0);
    Frame::new()
        .fill(red.gamma_multiply(0.12))
        .stroke(Stroke::new(1.5, red))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong().color(red));
            ui.label(why);
            if instead.is_empty() {
                return;
            }
            ui.add_space(4.0);
            ui.label(RichText::new("Work these instead").strong());
            ui.horizontal_wrapped(|ui| {
                for id in instead {
                    let Some(i) = catalog.region_index(id) else {
                        continue;
                    };
                    let target = &catalog.regions[i];
                    let side = side.filter(|_| target.sided);
                    if link(ui, target.display_name(side)).clicked() {
                        commands.push(Command::View(ViewCommand::Select(Some(Hit::Region(
                            Place { region: i, side },
                        )))));
                    }
                }
            });
        });
}

pub(super) fn muscle_row_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    m: &Muscle,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter().circle_filled(
            dot.center(),
            5.0,
            stride_color(m.stride, ui.visuals().dark_mode),
        );
        if link(ui, RichText::new(&m.name).strong())
            .on_hover_text("Show this muscle on the map")
            .clicked()
            && let Some(i) = catalog.muscle_index(&m.id)
        {
            commands.push(Command::View(ViewCommand::Select(Some(Hit::Muscle(i)))));
        }
        if !m.aliases.is_empty() {
            ui.label(RichText::new(m.aliases.join(", ")).weak().size(12.5));
        }
    });
    ui.indent(("muscle", m.id.as_str()), |ui| {
        ui.label(&m.why);
    });
}

pub(super) fn tool_links(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    ids: &[crate::catalog::ToolId],
    commands: &mut Vec<Command>,
) {
    for (n, id) in ids.iter().enumerate() {
        let (Some(tool), Some(i)) = (catalog.tool(id), catalog.tool_index(id)) else {
            continue;
        };
        if link(ui, &tool.name).clicked() {
            commands.push(Command::View(ViewCommand::Select(Some(Hit::Tool(i)))));
        }
        if n + 1 < ids.len() {
            ui.label("·");
        }
    }
}

/// When the runner lacks the technique's best tool: what to use from what they own.
pub(super) fn missing_tool_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    t: &Technique,
    owned: Option<&std::collections::BTreeSet<crate::catalog::ToolId>>,
) {
    let (Some(owned), Some(best)) = (owned, t.tools.first()) else {
        return;
    };
    if owned.contains(best) {
        return;
    }
    let best_name = catalog
        .tool(best)
        .map_or(best.as_str(), |b| b.name.as_str());
    let warn = ui.visuals().warn_fg_color;
    let text = match crate::routine::adapt::owned_alternative(catalog, Some(t), best, owned) {
        Some(alt) => format!(
            "You have no {}: use your {} instead.",
            best_name.to_lowercase(),
            catalog
                .tool(&alt)
                .map_or(alt.as_str(), |a| a.name.as_str())
                .to_lowercase()
        ),
        None => format!(
            "None of your tools fits this; it is best with a {}.",
            best_name.to_lowercase()
        ),
    };
    ui.label(RichText::new(text).color(warn));
}

pub(super) fn technique_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    t: &Technique,
    only: bool,
    region: Option<crate::catalog::RegionIx>,
    settings: &crate::settings::Settings,
    commands: &mut Vec<Command>,
) {
    let owned = settings.owned_tools.as_ref();
    ui.add_space(4.0);
    Frame::group(ui.style())
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                if only {
                    ui.label(RichText::new(&t.name).strong().size(16.0));
                } else if link(ui, RichText::new(&t.name).strong().size(16.0)).clicked()
                    && let Some(i) = catalog.technique_index(&t.id)
                {
                    commands.push(Command::View(ViewCommand::Select(Some(Hit::Technique(i)))));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(
                        RichText::new(crate::words::dose_per_side(t.dose, t.per_side)).strong(),
                    );
                });
            });
            ui.label(RichText::new(&t.summary).italics());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("With").weak());
                tool_links(ui, catalog, &t.tools, commands);
            });
            missing_tool_ui(ui, catalog, t, owned);
            let w = ui.available_width().min(360.0);
            crate::ui::picture::picture_ui(ui, t, settings.figure, egui::vec2(w, w * 0.6));
            ui.add_space(2.0);
            for (n, step) in t.steps.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("{}.", n + 1)).strong());
                    ui.label(step);
                });
            }
            if !t.cues.is_empty() {
                ui.add_space(2.0);
                for cue in &t.cues {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(cue.kind.title()).strong().size(13.0));
                        ui.label(RichText::new(&cue.text).size(13.5));
                    });
                }
            }
            ui.add_space(4.0);
            if ui
                .button("Add to routine")
                .on_hover_text(format!("Add “{}” as a step of the routine", t.name))
                .clicked()
                && let Some(technique) = catalog.technique_index(&t.id)
            {
                commands.push(Command::Routine(RoutineCommand::AddTechnique {
                    technique,
                    region,
                }));
            }
        });
}

pub(super) fn tool_about_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    tool: &Tool,
    commands: &mut Vec<Command>,
) {
    if !tool.aliases.is_empty() {
        ui.label(
            RichText::new(format!("Also called {}", tool.aliases.join(", ")))
                .weak()
                .italics(),
        );
    }
    ui.label(&tool.about);
    stand_ins_ui(ui, catalog, tool, commands);
}

pub(super) fn stand_ins_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    tool: &Tool,
    commands: &mut Vec<Command>,
) {
    if !tool.stand_ins.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Stand-ins").strong());
            tool_links(ui, catalog, &tool.stand_ins, commands);
        });
    }
    ui.label(RichText::new(&tool.stand_in_note).size(13.5));
    if let Some(how) = &tool.home_made {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Make it").strong());
            ui.label(how);
        });
    }
}

pub(super) fn tool_row_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    tool: &Tool,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if link(ui, RichText::new(&tool.name).strong())
            .on_hover_text("Everything this tool is good for")
            .clicked()
            && let Some(i) = catalog.tool_index(&tool.id)
        {
            commands.push(Command::View(ViewCommand::Select(Some(Hit::Tool(i)))));
        }
        if tool.home_made.is_some() {
            chip(ui, "home-made", ui.visuals().weak_text_color());
        }
    });
    ui.indent(("tool", tool.id.as_str()), |ui| {
        ui.label(&tool.about);
        stand_ins_ui(ui, catalog, tool, commands);
    });
}

pub(super) fn caution_ui(ui: &mut egui::Ui, c: &Caution) {
    let colour = severity_color(c.severity, ui.visuals().dark_mode);
    ui.add_space(4.0);
    Frame::new()
        .fill(colour.gamma_multiply(0.10))
        .stroke(Stroke::new(1.0, colour.gamma_multiply(0.7)))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(9))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(c.severity.title()).strong().color(colour));
                ui.label(RichText::new(&c.title).strong());
            });
            ui.label(&c.text);
        });
}
