//! The window's commands in one table. Each knows its name, its keys and the modes
//! it works in; the buttons' hints are written from it in the keys of the platform (Ctrl, or
//! ⌘ on a Mac), and the app fires from it only what the current mode allows, so a key press
//! does one thing.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::{
    AppState, Command, FileCommand, PlayerCommand, RoutineCommand, SheetCommand, ViewCommand,
};

/// What fills the window. One field, so that a preview over a session, or a floor view with
/// no session, cannot be written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// The map, the place's panel and the routine editor.
    #[default]
    Editing,
    /// The print preview over the editor.
    Previewing,
    /// A routine plays; `floor` while the player fills the window.
    Playing { floor: bool },
}

/// What the window is doing, which decides what the keys do: its screen, or a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The map, the place's panel and the routine editor.
    Editing,
    /// A routine plays; `floor` while the player fills the window.
    Playing { floor: bool },
    /// The print preview is open over the editor.
    Previewing,
    /// A question waits for its answer; only its own buttons act.
    Asking,
}

impl Mode {
    pub fn of(state: &AppState) -> Mode {
        if state.pending.is_some() {
            return Mode::Asking;
        }
        match state.screen {
            Screen::Editing => Mode::Editing,
            Screen::Previewing => Mode::Previewing,
            Screen::Playing { floor } => Mode::Playing { floor },
        }
    }
}

/// A command that a key fires. Listed with the more specific keys first, the order in which
/// the keys are matched: egui matches Ctrl+S inside Ctrl+Shift+S, so Save As comes before
/// Save and Redo before Undo. A new command is added here; every `match` below then names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum UiCommand {
    New,
    Open,
    SaveAs,
    Save,
    Print,
    Find,
    ClearSearch,
    Redo,
    Undo,
    MoveStepUp,
    MoveStepDown,
    PlayPause,
    NextStep,
    PreviousStep,
    FloorView,
    LeaveFloorView,
    StopPlaying,
    ClosePreview,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const SHIFT_COMMAND: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl UiCommand {
    /// What the command does, in the words of its button.
    pub fn label(self) -> &'static str {
        match self {
            UiCommand::New => "Blank routine",
            UiCommand::Open => "Open…",
            UiCommand::SaveAs => "Save As…",
            UiCommand::Save => "Save",
            UiCommand::Print => "Print…",
            UiCommand::Find => "Search",
            UiCommand::ClearSearch => "Clear the search",
            UiCommand::Redo => "Redo",
            UiCommand::Undo => "Undo",
            UiCommand::MoveStepUp => "Move the step up",
            UiCommand::MoveStepDown => "Move the step down",
            UiCommand::PlayPause => "Pause",
            UiCommand::NextStep => "Skip",
            UiCommand::PreviousStep => "Back",
            UiCommand::FloorView => "Floor view",
            UiCommand::LeaveFloorView => "Leave floor view",
            UiCommand::StopPlaying => "Stop",
            UiCommand::ClosePreview => "Close the preview",
        }
    }

    /// Its button's words as they read now: Pause becomes Resume while the session is paused.
    pub fn label_in(self, state: &AppState) -> &'static str {
        let paused = state
            .play
            .is_some_and(|p| matches!(p.now, crate::player::Now::Playing { paused: true, .. }));
        match self {
            UiCommand::PlayPause if paused => "Resume",
            other => other.label(),
        }
    }

    /// What it does, for a button's hover text where the label says too little.
    pub fn about(self) -> &'static str {
        match self {
            UiCommand::PlayPause => "Pause or go on",
            UiCommand::NextStep => "On to the next step",
            UiCommand::PreviousStep => "Back to the start of this step, or to the step before",
            UiCommand::FloorView => "The timer across the whole window, to read from the mat",
            UiCommand::LeaveFloorView => "Back to the player beside the map",
            UiCommand::StopPlaying => "Stop the session",
            // Their labels say it all.
            UiCommand::New
            | UiCommand::Open
            | UiCommand::SaveAs
            | UiCommand::Save
            | UiCommand::Print
            | UiCommand::Find
            | UiCommand::ClearSearch
            | UiCommand::Redo
            | UiCommand::Undo
            | UiCommand::MoveStepUp
            | UiCommand::MoveStepDown
            | UiCommand::ClosePreview => self.label(),
        }
    }

    /// The keys that fire it, the one shown in hints first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NONE: Modifiers = Modifiers::NONE;
        const COMMAND: Modifiers = Modifiers::COMMAND;
        match self {
            UiCommand::New => const { &[key(COMMAND, Key::N)] },
            UiCommand::Open => const { &[key(COMMAND, Key::O)] },
            UiCommand::SaveAs => const { &[key(SHIFT_COMMAND, Key::S)] },
            UiCommand::Save => const { &[key(COMMAND, Key::S)] },
            UiCommand::Print => const { &[key(COMMAND, Key::P)] },
            UiCommand::Find => const { &[key(COMMAND, Key::F)] },
            UiCommand::Redo => const { &[key(SHIFT_COMMAND, Key::Z), key(COMMAND, Key::Y)] },
            UiCommand::Undo => const { &[key(COMMAND, Key::Z)] },
            UiCommand::MoveStepUp => const { &[key(Modifiers::ALT, Key::ArrowUp)] },
            UiCommand::MoveStepDown => const { &[key(Modifiers::ALT, Key::ArrowDown)] },
            UiCommand::PlayPause => const { &[key(NONE, Key::Space)] },
            UiCommand::NextStep => const { &[key(NONE, Key::ArrowRight)] },
            UiCommand::PreviousStep => const { &[key(NONE, Key::ArrowLeft)] },
            UiCommand::FloorView => const { &[key(NONE, Key::F)] },
            UiCommand::ClearSearch
            | UiCommand::LeaveFloorView
            | UiCommand::StopPlaying
            | UiCommand::ClosePreview => const { &[key(NONE, Key::Escape)] },
        }
    }

    /// Whether the command works in this mode. Nothing that changes or replaces the routine
    /// works while it plays, and nothing but the question's buttons while one is asked.
    pub fn enabled_in(self, mode: Mode) -> bool {
        match self {
            UiCommand::New
            | UiCommand::Open
            | UiCommand::SaveAs
            | UiCommand::Save
            | UiCommand::Find
            | UiCommand::Redo
            | UiCommand::Undo
            | UiCommand::MoveStepUp
            | UiCommand::MoveStepDown => mode == Mode::Editing,
            // The search box shows beside the player too.
            UiCommand::ClearSearch => {
                matches!(mode, Mode::Editing | Mode::Playing { floor: false })
            }
            UiCommand::Print => matches!(mode, Mode::Editing | Mode::Previewing),
            UiCommand::PlayPause
            | UiCommand::NextStep
            | UiCommand::PreviousStep
            | UiCommand::FloorView => matches!(mode, Mode::Playing { .. }),
            UiCommand::LeaveFloorView => mode == Mode::Playing { floor: true },
            UiCommand::StopPlaying => mode == Mode::Playing { floor: false },
            UiCommand::ClosePreview => mode == Mode::Previewing,
        }
    }

    /// Whether its keys go to the command from where the keyboard is: Ctrl+S saves from
    /// anywhere, Escape closes the preview over any field, plain keys, the arrows and undo
    /// belong to a text field, and Escape clears the search from the search box (in the
    /// editor from anywhere but another field; while a routine plays, Escape elsewhere stops
    /// it).
    pub fn takes_keys(self, mode: Mode, keyboard: Keyboard) -> bool {
        if keyboard == Keyboard::Free && self != UiCommand::ClearSearch {
            return true;
        }
        match self {
            UiCommand::New
            | UiCommand::Open
            | UiCommand::SaveAs
            | UiCommand::Save
            | UiCommand::Print
            | UiCommand::Find
            | UiCommand::ClosePreview => true,
            UiCommand::ClearSearch => {
                keyboard == Keyboard::InSearch
                    || (keyboard == Keyboard::Free && mode == Mode::Editing)
            }
            UiCommand::Redo
            | UiCommand::Undo
            | UiCommand::MoveStepUp
            | UiCommand::MoveStepDown
            | UiCommand::PlayPause
            | UiCommand::NextStep
            | UiCommand::PreviousStep
            | UiCommand::FloorView
            | UiCommand::LeaveFloorView
            | UiCommand::StopPlaying => false,
        }
    }

    /// What it does now, or nothing when there is nothing for it to do (Escape with an empty
    /// search box is left to the widget that has the focus). Its keys and its button both
    /// send this.
    pub fn command(self, state: &AppState) -> Option<Command> {
        Some(match self {
            UiCommand::New => Command::File(FileCommand::New(None)),
            UiCommand::Open => Command::File(FileCommand::Open),
            UiCommand::SaveAs => Command::File(FileCommand::SaveAs),
            UiCommand::Save => Command::File(FileCommand::Save),
            UiCommand::Print => Command::Sheet(SheetCommand::Print),
            UiCommand::Find => Command::View(ViewCommand::FocusSearch),
            UiCommand::ClearSearch if state.query.is_empty() => return None,
            UiCommand::ClearSearch => Command::View(ViewCommand::ClearSearch),
            UiCommand::Redo => Command::Routine(RoutineCommand::Redo),
            UiCommand::Undo => Command::Routine(RoutineCommand::Undo),
            UiCommand::MoveStepUp => Command::Routine(RoutineCommand::NudgeStep(-1)),
            UiCommand::MoveStepDown => Command::Routine(RoutineCommand::NudgeStep(1)),
            UiCommand::PlayPause => Command::Player(PlayerCommand::Toggle),
            UiCommand::NextStep => Command::Player(PlayerCommand::Skip),
            UiCommand::PreviousStep => Command::Player(PlayerCommand::Back),
            UiCommand::FloorView => Command::Player(PlayerCommand::ShowFloorView(
                state.screen != Screen::Playing { floor: true },
            )),
            UiCommand::LeaveFloorView => Command::Player(PlayerCommand::ShowFloorView(false)),
            UiCommand::StopPlaying => Command::Player(PlayerCommand::Stop),
            UiCommand::ClosePreview => Command::Sheet(SheetCommand::ShowPreview(false)),
        })
    }

    /// Its first key, as the platform writes it: "Ctrl+S", or "⌘S" on a Mac.
    pub fn keys(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// A button's hover text: what it does and its keys, every key it has.
    pub fn hint(self, ctx: &egui::Context) -> String {
        let keys: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect();
        format!("{} ({})", self.about(), keys.join(" or "))
    }

    /// "stop the session (Escape)": a command named in a sentence, with its key as the
    /// platform writes it.
    pub fn in_words(self, ctx: &egui::Context) -> String {
        format!("{} ({})", self.about().to_lowercase(), self.keys(ctx))
    }
}

/// Where the keys of this frame were typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyboard {
    /// No text field had the keyboard.
    Free,
    /// The search box had it.
    InSearch,
    /// Another text field had it.
    InField,
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    const MODES: [Mode; 5] = [
        Mode::Editing,
        Mode::Playing { floor: false },
        Mode::Playing { floor: true },
        Mode::Previewing,
        Mode::Asking,
    ];

    /// Every command has words, a key, and a mode it works in; Save As is matched before
    /// Save, and Redo before Undo.
    #[test]
    fn every_command_has_a_label_a_key_and_a_mode() {
        for c in UiCommand::iter() {
            assert!(!c.label().is_empty(), "{c:?} has no words");
            assert!(!c.about().is_empty(), "{c:?} says nothing of itself");
            assert!(!c.shortcuts().is_empty(), "{c:?} has no key");
            assert!(
                MODES.iter().any(|&m| c.enabled_in(m)),
                "{c:?} works in no mode"
            );
        }
        let at = |c: UiCommand| UiCommand::iter().position(|x| x == c);
        assert!(at(UiCommand::SaveAs) < at(UiCommand::Save));
        assert!(at(UiCommand::Redo) < at(UiCommand::Undo));
        // Nothing works while a question is asked.
        assert!(UiCommand::iter().all(|c| !c.enabled_in(Mode::Asking)));
    }

    /// No two commands that can fire in the same mode, with the keyboard in the same place,
    /// share a key.
    #[test]
    fn each_key_means_one_thing_in_each_mode() {
        let keyboards = [Keyboard::Free, Keyboard::InSearch, Keyboard::InField];
        for mode in MODES {
            for keyboard in keyboards {
                let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
                for c in
                    UiCommand::iter().filter(|c| c.enabled_in(mode) && c.takes_keys(mode, keyboard))
                {
                    for s in c.shortcuts() {
                        if let Some((_, other)) = seen.iter().find(|(k, _)| k == s) {
                            panic!("{s:?} is both {other:?} and {c:?} in {mode:?}, {keyboard:?}");
                        }
                        seen.push((*s, c));
                    }
                }
            }
        }
    }
}
