//! The bar across the top: the name, the search box, which figures to show, the theme.

use eframe::egui::{self, Key, RichText};

use crate::app::{AppState, Command};
use crate::catalog::Catalog;
use crate::settings::{ThemeChoice, ViewMode};

/// The id of the search box, so shortcuts can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("knotmap_search")
}

pub fn top_bar_ui(
    ui: &mut egui::Ui,
    _catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("knotmap")
                .size(22.0)
                .family(super::style::bold()),
        );
        ui.add_space(16.0);

        let label = ui.label("Search");
        let mut query = state.query.clone();
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut query)
                    .id(search_id())
                    .hint_text("a muscle, a place or a tool: psoas, sit bones, tennis ball")
                    .desired_width(380.0),
            )
            .labelled_by(label.id);
        if edit.changed() {
            commands.push(Command::SetQuery(query));
        }
        let (enter, escape, find) = ui.input(|i| {
            (
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Escape),
                i.modifiers.command && i.key_pressed(Key::F),
            )
        });
        if edit.lost_focus() && enter {
            commands.push(Command::SubmitSearch);
        }
        if escape && !state.query.is_empty() {
            commands.push(Command::ClearSearch);
        }
        if find {
            edit.request_focus();
        }
        if !state.query.trim().is_empty() {
            let n = state.matches.len();
            let text = match n {
                0 => "no match".to_owned(),
                1 => "1 match".to_owned(),
                n => format!("{n} matches"),
            };
            ui.label(RichText::new(text).weak());
        }

        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut theme = state.settings.theme;
            for (choice, label) in [
                (ThemeChoice::Dark, "Dark"),
                (ThemeChoice::Light, "Light"),
                (ThemeChoice::System, "System"),
            ] {
                ui.selectable_value(&mut theme, choice, label);
            }
            ui.label(RichText::new("Theme").weak());
            if theme != state.settings.theme {
                commands.push(Command::SetTheme(theme));
            }
            ui.separator();
            let mut mode = state.settings.view_mode;
            for (choice, label) in [
                (ViewMode::Back, "Back"),
                (ViewMode::Front, "Front"),
                (ViewMode::Both, "Front and back"),
            ] {
                ui.selectable_value(&mut mode, choice, label);
            }
            ui.label(RichText::new("Show").weak());
            if mode != state.settings.view_mode {
                commands.push(Command::SetViewMode(mode));
            }
            ui.separator();
            let mut heat = state.settings.heat;
            ui.selectable_value(&mut heat, true, "Tightness");
            ui.selectable_value(&mut heat, false, "Stride");
            ui.label(RichText::new("Colour by").weak());
            if heat != state.settings.heat {
                commands.push(Command::SetHeat(heat));
            }
        });
    });
    ui.add_space(4.0);
}
