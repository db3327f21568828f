//! What the window shows and remembers, the commands that change it and the keys that send
//! them: the state the panels read and the words they send back. It sits below the panels
//! and above the domain (app → ui → state → domain), so neither the panels nor the app
//! reach into each other.

mod command;
mod keys;
mod questions;

use std::time::Duration;

use crate::catalog::Hit;
use crate::catalog::Place;
use crate::player::Now;
use crate::routine::{Document, Routine, StepSide};
use crate::settings::Settings;
pub use command::{Command, FileCommand, PlayerCommand, RoutineCommand, SheetCommand, ViewCommand};
pub use keys::{Keyboard, Mode, Screen, UiCommand};
pub use questions::{Answer, PathFor, PathPrompt, Pending, Then};

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

/// How serious a notice is, least first: the banner shows the most serious one waiting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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
    /// What fills the window: the editor, the print preview, or the player.
    pub screen: Screen,
    /// The session player's reading this frame, while a routine plays.
    pub play: Option<PlayView>,
    /// Whether the "My tools" window is open.
    pub my_tools_open: bool,
    /// The routine builder's choices, while its window is open.
    pub builder: Option<BuilderForm>,
    /// The tightness log, and each place's average over the last two weeks.
    pub log: crate::tightness::Log,
    pub recent_tightness: std::collections::BTreeMap<(crate::catalog::RegionId, StepSide), f32>,
    pub log_window_open: bool,
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
    /// Work running beside the window (a report being made, a sheet at the printer), oldest
    /// first.
    pub jobs: Vec<JobView>,
}

/// Work the window does not wait for, as the banner shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobView {
    pub id: u64,
    /// What is under way, as a runner says it: "Sending “Before a run” to the printer".
    pub label: String,
    /// Whether it can be stopped: a session on its way into the log cannot.
    pub cancellable: bool,
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
            query: String::new(),
            matches: Vec::new(),
            suggestions: Vec::new(),
            settings: Settings::default(),
            doc: Document::unsaved(Routine::default()),
            selected_step: None,
            notice: None,
            pending: None,
            screen: Screen::Editing,
            play: None,
            my_tools_open: false,
            builder: None,
            log: crate::tightness::Log::default(),
            recent_tightness: std::collections::BTreeMap::new(),
            log_window_open: false,
            focus_panel_title: false,
            focus_place: None,
            side_tab: SideTab::Routine,
            ratings_round: 0,
            ratings_saved: false,
            jobs: Vec::new(),
        }
    }
}

/// What the player shows this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlayView {
    pub now: Now,
    pub position: Duration,
    pub total: Duration,
    /// The steps done and skipped, and the time spent.
    pub summary: crate::player::Summary,
    /// Whether the phase just changed (the panel flashes).
    pub flash: bool,
}
