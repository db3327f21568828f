//! The eframe application: owns the state, applies the commands the panels send, and lays
//! the panels out.

mod commands;
mod files;
mod frame;
mod jobs;
mod notices;
mod path_prompt;
mod play;
mod sheet;
mod shortcuts;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::body::{Bodies, Body};
use crate::catalog::Catalog;
use crate::dialogs::{FileDialogs, NativeDialogs};
use crate::settings::Settings;
use crate::storage::{DiskStamp, Folders, Orphan, RecoverySlot};
use crate::ui;

mod routine_ops;
mod upkeep;

use crate::state::{AppState, Keyboard, Notice, NoticeKind};
pub use play::{Clock, SystemClock};

/// The knotmap window.
pub struct KnotmapApp {
    pub catalog: &'static Catalog,
    /// Both figures; the settings say which one the map shows.
    pub bodies: Bodies,
    pub state: AppState,
    map: ui::body_map::MapCache,
    /// The floor view's large figure.
    floor_map: ui::body_map::MapCache,
    /// The widget with the keyboard focus in the last frame.
    last_focus: Option<egui::Id>,
    /// Which text field, if any, had the keyboard in the last frame: egui takes the focus
    /// from a field on Escape before the frame sees the key, and that Escape was the field's.
    keyboard_last_frame: Keyboard,
    folders: Option<Folders>,
    dialogs: Box<dyn FileDialogs>,
    /// What the open file held when last read or written.
    disk: Option<DiskStamp>,
    /// When the recovery copy of unsaved edits is next due.
    recovery_due: Option<Instant>,
    /// This window's recovery copy, when there is a data folder.
    recovery: Option<RecoverySlot>,
    /// Copies left by windows that are gone, still to be offered back.
    orphans: Vec<Orphan>,
    /// The settings as last written, to write them again only when they change; `None`
    /// when they are not to be written (no folders, a newer knotmap's file).
    settings_written: Option<Settings>,
    /// The window's size in the last frame, remembered at exit.
    window_size: Option<crate::settings::WindowSize>,
    /// Warnings and errors that wait for the one in the banner to be dismissed.
    waiting_notices: Vec<Notice>,
    /// Whether the window may close now (unsaved changes were dealt with).
    may_close: bool,
    title: String,
    /// The `lp` program that prints (replaceable for tests).
    lp_program: PathBuf,
    preview: ui::preview::PreviewCache,
    clock: Box<dyn Clock>,
    player: Option<crate::player::Player>,
    /// The player's sound, voice and screen-saver inhibit, while the window has them.
    desktop: play::DesktopCues,
    last_phase: Option<(usize, crate::player::Phase)>,
    flash_until: Option<Duration>,
    /// Where to write the places' screen positions for the end-to-end test, if asked.
    anchor_report: Option<(PathBuf, u64)>,
    ctx: egui::Context,
    /// Work running beside the window, in the order of `state.jobs`.
    jobs: Vec<jobs::Running>,
    /// The last job's number.
    job_counter: u64,
    /// How many times a session was logged, so that a log read at start and coming back
    /// after a session was logged is not taken for the newer one.
    log_writes: u64,
}

/// What the window opens with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// The routine that was open when knotmap last closed, if it is still there.
    Last,
    /// A routine file (`knotmap FILE`, or a file opened from the desktop).
    Open(PathBuf),
    /// A routine file, played at once (`knotmap play FILE`).
    Play(PathBuf),
}

/// How long after an edit the recovery copy is written.
const RECOVERY_DELAY: Duration = Duration::from_secs(2);

impl KnotmapApp {
    /// Builds the app in a new window, with the default settings and no files until
    /// [`KnotmapApp::with_files`] gives it folders.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        catalog: &'static Catalog,
        bodies: Bodies,
    ) -> Self {
        KnotmapApp::with_settings(&cc.egui_ctx, catalog, bodies, Settings::default())
    }

    /// Builds the app on a context of its own (benchmarks, tests) with the given settings,
    /// without user folders or dialogs.
    pub fn with_settings(
        ctx: &egui::Context,
        catalog: &'static Catalog,
        bodies: Bodies,
        settings: Settings,
    ) -> Self {
        ui::style::install(ctx);
        ctx.set_theme(theme_preference(settings.theme));
        KnotmapApp {
            catalog,
            bodies,
            state: AppState {
                settings,
                ..AppState::default()
            },
            map: ui::body_map::MapCache::default(),
            floor_map: ui::body_map::MapCache::default(),
            last_focus: None,
            keyboard_last_frame: Keyboard::Free,
            folders: None,
            dialogs: Box::new(NativeDialogs::default()),
            disk: None,
            recovery_due: None,
            recovery: None,
            orphans: Vec::new(),
            settings_written: None,
            window_size: None,
            waiting_notices: Vec::new(),
            may_close: false,
            title: String::new(),
            lp_program: PathBuf::from("lp"),
            preview: ui::preview::PreviewCache::default(),
            clock: Box::new(SystemClock::default()),
            player: None,
            desktop: play::DesktopCues::new(ctx),
            last_phase: None,
            flash_until: None,
            anchor_report: std::env::var_os("KNOTMAP_E2E_REPORT").map(|p| (p.into(), 0)),
            ctx: ctx.clone(),
            jobs: Vec::new(),
            job_counter: 0,
            log_writes: 0,
        }
    }

    /// Uses these folders and dialogs: reads the settings kept there, takes this window's
    /// place for its recovery copy, and offers back the copies that windows gone before left.
    #[must_use]
    pub fn with_files(mut self, folders: Option<Folders>, dialogs: Box<dyn FileDialogs>) -> Self {
        if let Some(f) = &folders {
            let loaded = Settings::load(f);
            self.settings_written = loaded.writable.then(|| loaded.settings.clone());
            self.ctx.set_theme(theme_preference(loaded.settings.theme));
            self.state.settings = loaded.settings;
            if let Some(notice) = loaded.notice {
                self.notify(NoticeKind::Warning, notice);
            }
            self.orphans = Orphan::find(f);
            self.orphans.reverse(); // offered newest first, from the end
            match RecoverySlot::claim(f) {
                Ok(slot) => self.recovery = Some(slot),
                Err(e) => self.notify(
                    NoticeKind::Warning,
                    format!("Unsaved edits cannot be kept aside in case of a crash: {e}"),
                ),
            }
            self.offer_next_orphan();
            if crate::tightness::is_large(f) {
                let f = f.clone();
                let writes = self.log_writes;
                self.start_job("Reading the tightness log".to_owned(), true, move |_| {
                    jobs::Outcome::LogRead {
                        result: crate::tightness::Log::load(&f),
                        writes,
                    }
                });
            } else {
                let result = crate::tightness::Log::load(f);
                self.log_read(result, self.log_writes);
            }
        }
        self.folders = folders;
        self.dialogs = dialogs;
        self
    }

    /// Tells the time with this clock (tests move it by hand).
    #[must_use]
    pub fn with_clock(mut self, clock: Box<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Opens what the window starts with: the routine open when knotmap last closed, a file
    /// named on the command line, or a file to play.
    #[must_use]
    pub fn starting(mut self, start: Start) -> Self {
        match start {
            Start::Last => {
                if let Some(path) = self.state.settings.open.clone().filter(|p| p.exists()) {
                    self.open_path(path);
                }
                self
            }
            Start::Open(path) => {
                self.open_path(path);
                self
            }
            Start::Play(path) => self.playing(path),
        }
    }

    /// Opens a routine file and starts playing it (`knotmap play`).
    #[must_use]
    pub fn playing(mut self, path: PathBuf) -> Self {
        self.open_path(path);
        if !self.state.doc.routine.steps.is_empty() {
            self.start_player();
        }
        self
    }

    /// Prints with this program instead of `lp`.
    #[must_use]
    pub fn with_print_program(mut self, program: impl Into<PathBuf>) -> Self {
        self.lp_program = program.into();
        self
    }

    /// The figure the map shows, as the settings choose.
    pub fn body(&self) -> &Body {
        self.bodies.get(self.state.settings.figure)
    }

    /// Where a point of the body is on screen in the last frame drawn, if its view is shown.
    pub fn screen_from_body(
        &self,
        view: crate::catalog::View,
        point_in_body: kurbo::Point,
    ) -> Option<egui::Pos2> {
        self.map.screen_from_body(view, point_in_body)
    }
}

impl eframe::App for KnotmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self) {
        // The voice stops, the sound player goes, and the screen may sleep again.
        self.desktop.close();
        if let Some(size) = self.window_size {
            self.state.settings.window = Some(size);
        }
        self.keep_settings();
    }
}

/// The window's size at the first start, in points.
pub const DEFAULT_WINDOW: [f32; 2] = [1500.0, 920.0];

/// Opens the window and runs until it is closed.
pub fn run(catalog: &'static Catalog, start: Start) -> anyhow::Result<()> {
    let bodies = Bodies::builtin(catalog)?;
    let folders = Folders::from_system();
    // The size is read here as well as in the app, to open the window at it.
    let window = folders
        .as_ref()
        .and_then(|f| Settings::read(f).ok().flatten())
        .and_then(|s| s.window);
    let size = window.map_or(DEFAULT_WINDOW, |w| {
        [w.width.max(980.0), w.height.max(600.0)]
    });
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("knotmap")
            .with_app_id(crate::APP_ID)
            .with_inner_size(size)
            .with_maximized(window.is_some_and(|w| w.maximized))
            .with_min_inner_size([980.0, 600.0])
            .with_drag_and_drop(true),
        // The system's fonts come through knotmap's own provider (ui::style), which chooses
        // as the printed sheet does.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "knotmap",
        options,
        Box::new(move |cc| {
            Ok(Box::new(
                KnotmapApp::new(cc, catalog, bodies)
                    .with_files(folders, Box::new(NativeDialogs::default()))
                    .with_services(crate::desktop::Services::default())
                    .starting(start),
            ))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

/// The theme egui should follow for a choice of the runner's.
pub(crate) fn theme_preference(choice: crate::settings::ThemeChoice) -> egui::ThemePreference {
    match choice {
        crate::settings::ThemeChoice::System => egui::ThemePreference::System,
        crate::settings::ThemeChoice::Light => egui::ThemePreference::Light,
        crate::settings::ThemeChoice::Dark => egui::ThemePreference::Dark,
    }
}
