//! The bar across the top: the name, the search box, which figures to show, the theme.

use eframe::egui::{self, Key, RichText};

use crate::body::Figure;
use crate::catalog::Catalog;
use crate::settings::{ThemeChoice, ViewMode};
use crate::state::{AppState, Command, ViewCommand};

/// The id of the search box, so shortcuts can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("knotmap_search")
}

/// A run of controls that stays on one line: when the last frame found it wider than what is
/// left of this row, it starts the next.
fn group(ui: &mut egui::Ui, key: &str, add: impl FnOnce(&mut egui::Ui)) -> f32 {
    let id = egui::Id::unique(("top_bar_group", key));
    let last: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
    if last > ui.available_size_before_wrap().x {
        ui.end_row();
    }
    let width = ui.horizontal(add).response.rect.width();
    if (width - last).abs() > 0.5 {
        // Laid out on last frame's measure: lay the frame out again before it is shown.
        ui.ctx()
            .request_discard("the top bar's controls changed width");
    }
    ui.data_mut(|d| d.insert_temp(id, width));
    width
}

/// The bar reads left to right, for the eye and for Tab: the name, the search, then how the
/// map is coloured, which figures it shows and the theme, at the right end when there is
/// room and on a second line when there is not.
/// A titled row of choices kept whole on one line, and a separator after it unless it is the
/// last: its width, and the choice picked this frame when it differs from the current one.
fn choices<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    title: &str,
    current: T,
    options: &[(T, &str)],
    separator: bool,
) -> (f32, Option<T>) {
    let mut picked = current;
    let width = group(ui, title, |ui| {
        ui.label(RichText::new(title).weak());
        for &(choice, label) in options {
            ui.selectable_value(&mut picked, choice, label);
        }
        if separator {
            ui.separator();
        }
    });
    (width, (picked != current).then_some(picked))
}

pub fn top_bar_ui(
    ui: &mut egui::Ui,
    _catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.y = 6.0;
        ui.label(
            RichText::new("knotmap")
                .size(22.0)
                .family(super::style::bold()),
        );
        ui.add_space(16.0);
        group(ui, "search", |ui| search_ui(ui, state, commands));

        // The view controls go to the right end of the row when they fit there.
        let controls_id = egui::Id::unique("top_bar_controls_width");
        let controls: f32 = ui.data(|d| d.get_temp(controls_id)).unwrap_or(0.0);
        let room = ui.available_size_before_wrap().x - controls;
        if controls > 0.0 && room > 0.0 {
            ui.add_space(room);
        }
        let spacing = ui.spacing().item_spacing.x;
        let mut total = 0.0;
        let (width, heat) = choices(
            ui,
            "Colour by",
            state.settings.heat,
            &[(false, "Stride"), (true, "Tightness")],
            true,
        );
        total += width + spacing;
        let (width, mode) = choices(
            ui,
            "Show",
            state.settings.view_mode,
            &[
                (ViewMode::Both, "Front and back"),
                (ViewMode::Front, "Front"),
                (ViewMode::Back, "Back"),
            ],
            true,
        );
        total += width + spacing;
        let figures = Figure::ALL.map(|f| (f, f.label()));
        let (width, figure) = choices(ui, "Figure", state.settings.figure, &figures, true);
        total += width + spacing;
        let (width, theme) = choices(
            ui,
            "Theme",
            state.settings.theme,
            &[
                (ThemeChoice::System, "System"),
                (ThemeChoice::Light, "Light"),
                (ThemeChoice::Dark, "Dark"),
            ],
            false,
        );
        total += width;
        commands.extend(heat.map(|x| Command::View(ViewCommand::SetHeat(x))));
        commands.extend(mode.map(|x| Command::View(ViewCommand::SetViewMode(x))));
        commands.extend(figure.map(|x| Command::View(ViewCommand::SetFigure(x))));
        commands.extend(theme.map(|x| Command::View(ViewCommand::SetTheme(x))));
        // A little to spare, so rounding never pushes the last button to a second line.
        if (total + 2.0 - controls).abs() > 0.5 {
            ui.ctx()
                .request_discard("the top bar's controls changed width");
        }
        ui.data_mut(|d| d.insert_temp(controls_id, total + 2.0));
    });
    ui.add_space(4.0);
}

fn search_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let label = ui.label("Search");
    let mut query = state.query.clone();
    let width = (ui.available_size_before_wrap().x * 0.3).clamp(180.0, 290.0);
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut query)
                .id(search_id())
                .char_limit(crate::catalog::MAX_QUERY_CHARS)
                .hint_text("a muscle, a place or a tool: psoas, sit bones, tennis ball")
                .desired_width(width),
        )
        .labelled_by(label.id);
    if edit.changed() {
        commands.push(Command::View(ViewCommand::SetQuery(query)));
    }
    if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        commands.push(Command::View(ViewCommand::SubmitSearch));
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
}
