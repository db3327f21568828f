//! "My tools": the tools the runner owns, so the panel can offer stand-ins and routines can
//! be adapted.

use eframe::egui::{self, RichText};

use crate::catalog::{Catalog, ToolId};
use crate::state::{AppState, Command, RoutineCommand, ViewCommand};

/// Whether the runner owns a tool (every tool counts until they say; hands, a floor and a
/// wall always do).
pub fn owns(catalog: &Catalog, state: &AppState, tool: &ToolId) -> bool {
    catalog.tool(tool).is_some_and(|t| t.always)
        || state
            .settings
            .owned_tools
            .as_ref()
            .is_none_or(|owned| owned.contains(tool))
}

pub fn my_tools_ui(
    ctx: &egui::Context,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    let mut open = true;
    egui::Window::new("My tools")
        .open(&mut open)
        .default_width(340.0)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label("Tick what you have at home. knotmap then suggests stand-ins for the rest.");
            ui.horizontal(|ui| {
                if ui.button("All").on_hover_text("Tick every tool").clicked() {
                    commands.push(Command::View(ViewCommand::SetAllOwned(true)));
                }
                if ui
                    .button("None")
                    .on_hover_text("Untick every tool but your hands, the floor and a wall")
                    .clicked()
                {
                    commands.push(Command::View(ViewCommand::SetAllOwned(false)));
                }
            });
            ui.add_space(4.0);
            for tool in &catalog.tools {
                let mut owned = owns(catalog, state, &tool.id);
                if tool.always {
                    // Always at hand: shown ticked, not to be unticked.
                    ui.add_enabled(false, egui::Checkbox::new(&mut owned, &tool.name));
                    continue;
                }
                let label = if tool.home_made.is_some() {
                    format!("{} (home-made)", tool.name)
                } else {
                    tool.name.clone()
                };
                if ui.checkbox(&mut owned, label).changed() {
                    commands.push(Command::View(ViewCommand::SetOwned(tool.id.clone(), owned)));
                }
            }
            ui.add_space(6.0);
            let ready = !state.doc.routine.steps.is_empty() && state.doc.read_only.is_none();
            if ui
                .add_enabled(ready, egui::Button::new("Adapt the routine to my tools"))
                .clicked()
            {
                commands.push(Command::Routine(RoutineCommand::AdaptToMyTools));
            }
            ui.label(RichText::new("One undo puts the routine's tools back.").weak());
        });
    super::widgets::name_title_bar(ctx, "My tools");
    if !open {
        commands.push(Command::View(ViewCommand::ShowMyTools(false)));
    }
}
