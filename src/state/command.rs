//! The commands the panels and the keys send, grouped by who handles them: files, the
//! routine, the player, the sheet and the view. Each group is matched in full by its own
//! handler, so a new command cannot be dropped unnoticed.

use std::path::PathBuf;

use super::{Answer, BuilderForm, SideTab};
use crate::catalog::Place;
use crate::catalog::{Hit, RegionId, ToolId};
use crate::routine::Edit;
use crate::settings::{CueSettings, ThemeChoice, ViewMode};
use crate::sheet::{Paper, SheetFormat};

/// A change the user asked for; applied in one place, after the panels are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    File(FileCommand),
    Routine(RoutineCommand),
    Player(PlayerCommand),
    Sheet(SheetCommand),
    View(ViewCommand),
}

/// Routines and the log on disk, and the questions that guard them.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// A new routine: blank, or from the template with this index.
    New(Option<usize>),
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// The answer to the pending question.
    Answer(Answer),
    /// The path typed into the question that asks for one.
    TypePath(String),
    /// Add a session's ratings to the tightness log.
    RecordLog(Vec<crate::tightness::Rating>),
    /// Asks where, then writes the tightness report for a physio over a span as a PDF.
    ExportReport(crate::tightness::report::Span),
}

/// The routine being edited: its steps, its history, and routines made from it.
#[derive(Clone, Debug, PartialEq)]
pub enum RoutineCommand {
    /// Change the routine (one undo step).
    Edit(Edit),
    /// Add a technique as a step, on the selected place (or the technique's first region).
    AddTechnique {
        technique: crate::catalog::TechniqueIx,
        region: Option<crate::catalog::RegionIx>,
    },
    SelectStep(Option<usize>),
    /// Move the selected step up (-1) or down (+1).
    NudgeStep(isize),
    Undo,
    Redo,
    /// Build a routine from the builder's choices and open it.
    Build,
    /// Open the ready routine of the complaint with this index as a new, unsaved routine.
    FromComplaint(crate::catalog::ComplaintIx),
    /// Swap each step's tool for an owned one (one undo step).
    AdaptToMyTools,
}

/// The session player.
#[derive(Clone, Debug, PartialEq)]
pub enum PlayerCommand {
    /// Play the routine with timers.
    Play,
    /// Pause, or go on.
    Toggle,
    Skip,
    Back,
    Stop,
    /// Turn the player into the full-window view for the mat, or back.
    ShowFloorView(bool),
    /// The player's sound and voice: on or off, and how loud.
    SetCues(CueSettings),
}

/// The session sheet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SheetCommand {
    ShowPreview(bool),
    SetPaper(Paper),
    /// Adds the cautions in full to the sheet, or leaves them out.
    SetDetails(bool),
    Save(SheetFormat),
    Print,
}

/// What the window shows: the subject, the search, the map's looks, the small windows and
/// where the keyboard goes.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    Select(Option<Hit>),
    SetQuery(String),
    /// Enter in the search box: select the best match.
    SubmitSearch,
    /// Escape: empty the search box.
    ClearSearch,
    /// The keyboard to the search box.
    FocusSearch,
    SetViewMode(ViewMode),
    /// Shows the other figure, on the map and on the sheet.
    SetFigure(crate::body::Figure),
    SetTheme(ThemeChoice),
    /// Show recent tightness on the map.
    SetHeat(bool),
    /// In a narrow window, show the routine or what was picked on the map.
    ShowSideTab(SideTab),
    /// Send the keyboard focus to the side panel's title.
    FocusPanelTitle,
    /// The side panel's title has the focus.
    PanelTitleFocused,
    /// Send the keyboard focus to a place on the map (or stop trying).
    FocusPlace(Option<Place>),
    DismissNotice,
    /// Stop waiting for a job running beside the window, and stop it where it can be.
    CancelJob(u64),
    ShowMyTools(bool),
    /// The runner has read when not to roll (or wants it shown again).
    SetRedFlagsRead(bool),
    /// Mark every tool as owned, or none but those always at hand.
    SetAllOwned(bool),
    /// Mark a tool as owned or not.
    SetOwned(ToolId, bool),
    ShowLogWindow(bool),
    /// Open (with these choices) or close the routine builder.
    SetBuilder(Option<BuilderForm>),
    /// A place clicked on the map while the builder is open: in its focus, or out again.
    ToggleBuilderFocus(RegionId),
}

impl Command {
    /// Whether the command changes or replaces the routine: never while it plays, or the
    /// player would go on with steps that are no longer there.
    pub fn changes_the_routine(&self) -> bool {
        match self {
            Command::File(file) => match file {
                FileCommand::New(_) | FileCommand::Open | FileCommand::OpenPath(_) => true,
                FileCommand::Save
                | FileCommand::SaveAs
                | FileCommand::Answer(_)
                | FileCommand::TypePath(_)
                | FileCommand::RecordLog(_)
                | FileCommand::ExportReport(_) => false,
            },
            Command::Routine(routine) => match routine {
                RoutineCommand::SelectStep(_) => false,
                RoutineCommand::Edit(_)
                | RoutineCommand::AddTechnique { .. }
                | RoutineCommand::NudgeStep(_)
                | RoutineCommand::Undo
                | RoutineCommand::Redo
                | RoutineCommand::Build
                | RoutineCommand::FromComplaint(_)
                | RoutineCommand::AdaptToMyTools => true,
            },
            Command::Player(_) | Command::Sheet(_) | Command::View(_) => false,
        }
    }
}

impl From<FileCommand> for Command {
    fn from(command: FileCommand) -> Self {
        Command::File(command)
    }
}

impl From<RoutineCommand> for Command {
    fn from(command: RoutineCommand) -> Self {
        Command::Routine(command)
    }
}

impl From<PlayerCommand> for Command {
    fn from(command: PlayerCommand) -> Self {
        Command::Player(command)
    }
}

impl From<SheetCommand> for Command {
    fn from(command: SheetCommand) -> Self {
        Command::Sheet(command)
    }
}

impl From<ViewCommand> for Command {
    fn from(command: ViewCommand) -> Self {
        Command::View(command)
    }
}
