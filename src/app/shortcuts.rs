//! The keys pressed this frame, turned into commands by the command table
//! (`state::UiCommand`): each press fires at most one command, and only one the current mode
//! allows.

use eframe::egui;
use strum::IntoEnumIterator;

use crate::state::{AppState, Command, Keyboard, Mode, UiCommand};

/// Takes this frame's key presses and turns them into commands: each press fires at most one
/// command, and only one the current mode allows.
pub(super) fn fire_shortcuts(
    ctx: &egui::Context,
    state: &AppState,
    keyboard: Keyboard,
    commands: &mut Vec<Command>,
) {
    let mode = Mode::of(state);
    ctx.input_mut(|i| {
        for ui_command in UiCommand::iter() {
            if !ui_command.enabled_in(mode) || !ui_command.takes_keys(mode, keyboard) {
                continue;
            }
            let Some(command) = ui_command.command(state) else {
                continue;
            };
            if ui_command.shortcuts().iter().any(|s| i.consume_shortcut(s)) {
                commands.push(command);
            }
        }
    });
}
