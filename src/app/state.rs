//! What the window shows and remembers, and the commands that change it.

use std::path::PathBuf;

use eframe::egui;

use super::{Pending, PlayView};
use crate::body::Place;
use crate::catalog::Hit;
use crate::routine::{Document, Edit, Routine, StepSide};
use crate::settings::{Settings, ThemeChoice, ViewMode};

/// The theme egui should follow for a choice of the runner's.
pub(super) fn theme_preference(choice: ThemeChoice) -> egui::ThemePreference {
    match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    }
}

/// What the one side panel of a narrow window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideTab {
    #[default]
    Routine,
    Place,
}

/// A message shown in a banner: news goes by itself after a while, warnings and errors stay
/// until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// The clock reading at which it goes, for news.
    pub until: Option<std::time::Duration>,
}

/// How long news stays in the banner.
pub const NEWS_LASTS: std::time::Duration = std::time::Duration::from_secs(8);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// Everything the window shows that is not the catalog itself.
#[derive(Debug)]
pub struct AppState {
    /// The subject of the side panel: a place, a muscle, a technique or a tool.
    pub selection: Option<Hit>,
    /// The place under the pointer or the keyboard focus.
    pub hovered: Option<Place>,
    pub query: String,
    /// Search matches for `query`, best first.
    pub matches: Vec<Hit>,
    /// Close names to offer when nothing matches `query`.
    pub suggestions: Vec<String>,
    pub settings: Settings,
    /// The routine being edited.
    pub doc: Document,
    pub selected_step: Option<usize>,
    pub notice: Option<Notice>,
    /// A question waiting for an answer (unsaved changes, a file changed on disk, …).
    pub pending: Option<Pending>,
    /// Whether the print preview is open.
    pub preview_open: bool,
    /// The session player's reading this frame, while a routine plays.
    pub play: Option<PlayView>,
    /// Whether the "My tools" window is open.
    pub my_tools_open: bool,
    /// The routine builder's choices, while its window is open.
    pub builder: Option<BuilderForm>,
    /// The tightness log, and each place's average over the last two weeks.
    pub log: crate::log::Log,
    pub recent_tightness: std::collections::BTreeMap<(crate::catalog::RegionId, StepSide), f32>,
    pub log_window_open: bool,
    /// Whether the player fills the window, for reading from the mat.
    pub floor_view: bool,
    /// The side panel's title is to take the keyboard focus (a place opened from the keyboard
    /// or a screen reader).
    pub focus_panel_title: bool,
    /// A place on the map that is to take the keyboard focus (back from the panel).
    pub focus_place: Option<Place>,
    /// In a window too narrow for two side panels, the one that shows.
    pub side_tab: SideTab,
    /// Which round of tightness ratings is open (a new one for each session played and each
    /// time "Log a session" opens), and whether it went to the log.
    pub ratings_round: u64,
    pub ratings_saved: bool,
}

/// The routine builder's inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuilderForm {
    pub when: crate::routine::When,
    pub minutes: u32,
    /// Places clicked on the map while the builder is open.
    pub focus: Vec<crate::catalog::RegionId>,
}

impl Default for BuilderForm {
    fn default() -> Self {
        BuilderForm {
            when: crate::routine::When::AfterRun,
            minutes: 15,
            focus: Vec::new(),
        }
    }
}

impl AppState {
    /// Starts a fresh set of tightness ratings: nothing rated, nothing saved.
    pub fn new_ratings_round(&mut self) {
        self.ratings_round += 1;
        self.ratings_saved = false;
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            selection: None,
            hovered: None,
            query: String::new(),
            matches: Vec::new(),
            suggestions: Vec::new(),
            settings: Settings::default(),
            doc: Document::unsaved(Routine::default()),
            selected_step: None,
            notice: None,
            pending: None,
            preview_open: false,
            play: None,
            my_tools_open: false,
            builder: None,
            log: crate::log::Log::default(),
            recent_tightness: std::collections::BTreeMap::new(),
            log_window_open: false,
            floor_view: false,
            focus_panel_title: false,
            focus_place: None,
            side_tab: SideTab::Routine,
            ratings_round: 0,
            ratings_saved: false,
        }
    }
}

/// A change the user asked for; applied in one place, after the panels are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Select(Option<Hit>),
    Hover(Option<Place>),
    SetQuery(String),
    /// Enter in the search box: select the best match.
    SubmitSearch,
    /// Escape: empty the search box.
    ClearSearch,
    /// Ctrl+F: the keyboard to the search box.
    FocusSearch,
    SetViewMode(ViewMode),
    /// Shows the other figure, on the map and on the sheet.
    SetFigure(crate::body::Figure),
    SetTheme(ThemeChoice),
    /// Change the routine (one undo step).
    Edit(Edit),
    /// Add a technique as a step, on the selected place (or the technique's first region).
    AddTechnique {
        technique: usize,
        region: Option<usize>,
    },
    SelectStep(Option<usize>),
    /// Move the selected step up (-1) or down (+1).
    NudgeStep(isize),
    Undo,
    Redo,
    /// A new routine: blank, or from the template with this index.
    New(Option<usize>),
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// The answer to the pending question.
    Answer(super::Answer),
    /// The path typed into the question that asks for one.
    TypePath(String),
    ShowPreview(bool),
    SetPaper(crate::sheet::Paper),
    SaveSheet(crate::sheet::SheetFormat),
    PrintSheet,
    ShowMyTools(bool),
    /// Add a session's ratings to the tightness log.
    RecordLog(Vec<crate::log::Rating>),
    ShowLogWindow(bool),
    /// Show recent tightness on the map.
    SetHeat(bool),
    /// Open (with these choices) or close the routine builder.
    SetBuilder(Option<BuilderForm>),
    /// Build a routine from the builder's choices and open it.
    Build,
    /// Mark a tool as owned or not.
    SetOwned(crate::catalog::ToolId, bool),
    /// Swap each step's tool for an owned one (one undo step).
    AdaptToMyTools,
    /// Play the routine with timers.
    Play,
    PlayerToggle,
    PlayerSkip,
    PlayerBack,
    PlayerStop,
    /// Turn the player into the full-window view for the mat, or back.
    ShowFloorView(bool),
    /// The player's sound and voice: on or off, and how loud.
    SetCues(crate::settings::CueSettings),
    /// Send the keyboard focus to the side panel's title.
    FocusPanelTitle,
    /// The side panel's title has the focus.
    PanelTitleFocused,
    /// Send the keyboard focus to a place on the map (or stop trying).
    FocusPlace(Option<Place>),
    /// In a narrow window, show the routine or what was picked on the map.
    ShowSideTab(SideTab),
    DismissNotice,
}

impl Command {
    /// Whether the command changes or replaces the routine: never while it plays, or the
    /// player would go on with steps that are no longer there.
    pub fn changes_the_routine(&self) -> bool {
        match self {
            Command::Edit(_)
            | Command::AddTechnique { .. }
            | Command::NudgeStep(_)
            | Command::Undo
            | Command::Redo
            | Command::New(_)
            | Command::Open
            | Command::OpenPath(_)
            | Command::Build
            | Command::AdaptToMyTools => true,
            Command::Select(_)
            | Command::Hover(_)
            | Command::SetQuery(_)
            | Command::SubmitSearch
            | Command::ClearSearch
            | Command::FocusSearch
            | Command::SetViewMode(_)
            | Command::SetFigure(_)
            | Command::SetTheme(_)
            | Command::SelectStep(_)
            | Command::Save
            | Command::SaveAs
            | Command::Answer(_)
            | Command::TypePath(_)
            | Command::ShowPreview(_)
            | Command::SetPaper(_)
            | Command::SaveSheet(_)
            | Command::PrintSheet
            | Command::ShowMyTools(_)
            | Command::RecordLog(_)
            | Command::ShowLogWindow(_)
            | Command::SetHeat(_)
            | Command::SetBuilder(_)
            | Command::SetOwned(..)
            | Command::Play
            | Command::PlayerToggle
            | Command::PlayerSkip
            | Command::PlayerBack
            | Command::PlayerStop
            | Command::ShowFloorView(_)
            | Command::SetCues(_)
            | Command::FocusPanelTitle
            | Command::PanelTitleFocused
            | Command::FocusPlace(_)
            | Command::ShowSideTab(_)
            | Command::DismissNotice => false,
        }
    }
}
