//! How the window shares its width: the map keeps at least 45% of it at every size. From
//! 1320 points up the routine editor and the side panel sit either side of the map; below,
//! they share one panel with a tab for each.

use std::ops::RangeInclusive;

use eframe::egui::{self, RichText};

use crate::catalog::Catalog;
use crate::state::{AppState, Command, SideTab, ViewCommand};

/// The narrowest window with both side panels beside the map.
pub const TWO_PANELS_FROM: f32 = 1320.0;

/// The largest share of the width one side panel may take with two of them, and with one.
const SHARE_OF_TWO: f32 = 0.26;
const SHARE_OF_ONE: f32 = 0.50;

/// The side panels' widths for a window this wide, in points.
#[derive(Clone, Debug, PartialEq)]
pub struct SidePanels {
    pub one_panel: bool,
    pub default: f32,
    pub range: RangeInclusive<f32>,
    pub player_default: f32,
    pub player_range: RangeInclusive<f32>,
}

pub fn side_panels(width: f32) -> SidePanels {
    let one_panel = width < TWO_PANELS_FROM;
    let share = if one_panel {
        SHARE_OF_ONE
    } else {
        SHARE_OF_TWO
    };
    let max = (width * share).max(260.0);
    let min = 260.0_f32.min(max);
    let default = if one_panel { width * 0.42 } else { 400.0 }.clamp(min, max);
    let player_max = (width * SHARE_OF_ONE).max(320.0);
    SidePanels {
        one_panel,
        default,
        range: min..=max,
        player_default: (width * 0.42).clamp(320.0, 560.0).min(player_max),
        player_range: 320.0_f32.min(player_max)..=player_max,
    }
}

/// The tabs of the one side panel: the routine, and what was picked on the map.
pub fn side_tabs_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let routine = format!("Routine · {} steps", state.doc.routine.steps.len());
        let place = state.selection.map_or_else(
            || "Places".to_owned(),
            |hit| super::region_panel::hit_label(catalog, hit).0,
        );
        for (tab, text) in [(SideTab::Routine, routine), (SideTab::Place, place)] {
            let chosen = state.side_tab == tab;
            if ui
                .selectable_label(chosen, RichText::new(text).strong())
                .clicked()
                && !chosen
            {
                commands.push(Command::View(ViewCommand::ShowSideTab(tab)));
            }
        }
    });
    ui.separator();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_side_panels_leave_the_map_at_least_45_percent() {
        for width in [
            980.0, 1100.0, 1280.0, 1319.0, 1320.0, 1366.0, 1920.0, 2560.0,
        ] {
            let side = side_panels(width);
            let panels = if side.one_panel { 1.0 } else { 2.0 };
            assert!(
                width - panels * side.range.end() >= 0.45 * width,
                "{width}: {side:?}"
            );
            assert!(width - side.player_range.end() >= 0.45 * width, "{width}");
            assert!(side.range.contains(&side.default), "{width}: {side:?}");
            assert!(side.player_range.contains(&side.player_default), "{width}");
        }
        assert!(side_panels(1319.0).one_panel && !side_panels(1320.0).one_panel);
    }
}
