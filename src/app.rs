//! The eframe application: owns the state, applies the commands the panels send, and lays
//! the panels out.

mod files;
mod notices;
mod path_prompt;
mod play;
mod sheet;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::body::Body;
use crate::catalog::{Catalog, Hit};
use crate::dialogs::{FileDialogs, NativeDialogs};
use crate::routine::Edit;
use crate::settings::Settings;
use crate::storage::{DiskStamp, Folders, Orphan, RecoverySlot};
use crate::ui;

mod routine_ops;
mod state;
mod upkeep;

pub use files::{Answer, Pending, Then};
pub use path_prompt::{PathFor, PathPrompt};
pub use play::{Clock, PlayView, SystemClock};
pub use state::*;

/// The knotmap window.
pub struct KnotmapApp {
    pub catalog: &'static Catalog,
    pub body: Body,
    pub state: AppState,
    map: ui::body_map::MapCache,
    /// The floor view's large figure.
    floor_map: ui::body_map::MapCache,
    /// The widget with the keyboard focus in the last frame.
    last_focus: Option<egui::Id>,
    /// Whether a text field had the keyboard in the last frame.
    typing_last_frame: bool,
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
    pub fn new(cc: &eframe::CreationContext<'_>, catalog: &'static Catalog, body: Body) -> Self {
        KnotmapApp::with_settings(&cc.egui_ctx, catalog, body, Settings::default())
    }

    /// Builds the app on a context of its own (benchmarks, tests) with the given settings,
    /// without user folders or dialogs.
    pub fn with_settings(
        ctx: &egui::Context,
        catalog: &'static Catalog,
        body: Body,
        settings: Settings,
    ) -> Self {
        ui::style::install(ctx);
        ctx.set_theme(state::theme_preference(settings.theme));
        KnotmapApp {
            catalog,
            body,
            state: AppState {
                settings,
                ..AppState::default()
            },
            map: ui::body_map::MapCache::default(),
            floor_map: ui::body_map::MapCache::default(),
            last_focus: None,
            typing_last_frame: false,
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
        }
    }

    /// Uses these folders and dialogs: reads the settings kept there, takes this window's
    /// place for its recovery copy, and offers back the copies that windows gone before left.
    #[must_use]
    pub fn with_files(mut self, folders: Option<Folders>, dialogs: Box<dyn FileDialogs>) -> Self {
        if let Some(f) = &folders {
            let loaded = Settings::load(f);
            self.settings_written = loaded.writable.then(|| loaded.settings.clone());
            self.ctx
                .set_theme(state::theme_preference(loaded.settings.theme));
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
            match crate::log::Log::load(f) {
                Ok(log) => {
                    if let Some(why) = &log.read_only {
                        self.notify(NoticeKind::Warning, why.clone());
                    }
                    self.set_log(log);
                }
                Err(e) => self.notify(
                    NoticeKind::Warning,
                    format!("The tightness log could not be read, and is left as it is. {e}"),
                ),
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

    /// Writes "name<TAB>x<TAB>y" in physical pixels for each place, whenever the layout
    /// changes, so a test driving the real window knows where to click.
    fn report_anchors(&mut self, pixels_per_point: f32) {
        let Some((path, written)) = &mut self.anchor_report else {
            return;
        };
        if *written == self.map.generation() {
            return;
        }
        let text: String = self
            .map
            .anchors()
            .into_iter()
            .map(|(place, pos)| {
                format!(
                    "{}\t{:.0}\t{:.0}\n",
                    ui::body_map::place_name(self.catalog, place),
                    pos.x * pixels_per_point,
                    pos.y * pixels_per_point
                )
            })
            .collect();
        match crate::storage::write_atomic(path, text.as_bytes()) {
            Ok(()) => *written = self.map.generation(),
            Err(e) => {
                eprintln!("knotmap: could not write the anchors: {e}");
                self.anchor_report = None;
            }
        }
    }

    /// Where a point of the body is on screen in the last frame drawn, if its view is shown.
    pub fn screen_from_body(
        &self,
        view: crate::catalog::View,
        point_in_body: kurbo::Point,
    ) -> Option<egui::Pos2> {
        self.map.screen_from_body(view, point_in_body)
    }

    /// Applies one command to the state.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        if self.player.is_some() && command.changes_the_routine() {
            self.notify(
                NoticeKind::Warning,
                "The routine is playing: stop the session (Escape) before changing it.",
            );
            return;
        }
        match command {
            Command::Select(hit) => {
                // While the builder is open, places clicked on the map become its focus.
                if let (Some(form), Some(Hit::Region(i, _))) = (&mut self.state.builder, hit) {
                    let region = &self.catalog.regions[i];
                    if !region.is_no_roll() {
                        let id = region.id.clone();
                        match form.focus.iter().position(|f| *f == id) {
                            Some(at) => {
                                form.focus.remove(at);
                            }
                            None => form.focus.push(id),
                        }
                    }
                }
                if hit.is_some() {
                    self.state.side_tab = SideTab::Place;
                }
                self.state.selection = hit;
            }
            Command::Hover(place) => self.state.hovered = place,
            Command::SetQuery(query) => {
                self.state.matches = self.catalog.search(&query);
                self.state.query = query;
            }
            Command::SubmitSearch => {
                if let Some(&first) = self.state.matches.first() {
                    self.state.selection = Some(first);
                }
            }
            Command::ClearSearch => {
                self.state.query.clear();
                self.state.matches.clear();
            }
            Command::SetViewMode(mode) => self.state.settings.view_mode = mode,
            Command::SetTheme(theme) => {
                self.state.settings.theme = theme;
                ctx.set_theme(state::theme_preference(theme));
            }
            Command::Edit(edit) => self.edit(edit),
            Command::AddTechnique { technique, region } => {
                if let Some(step) = self.step_for(technique, region) {
                    let at = self.state.doc.routine.steps.len();
                    self.edit(Edit::AddStep { at, step });
                    self.state.selected_step = Some(at);
                    let name = &self.catalog.techniques[technique].name;
                    self.notify(
                        NoticeKind::Info,
                        format!("Added “{name}” as step {}.", at + 1),
                    );
                }
            }
            Command::SelectStep(index) => {
                self.state.selected_step = index;
                self.state.doc.break_merge();
            }
            Command::NudgeStep(delta) => self.nudge(delta),
            Command::Undo => {
                if self.state.doc.undo() {
                    self.after_history_change();
                }
            }
            Command::Redo => {
                if self.state.doc.redo() {
                    self.after_history_change();
                }
            }
            command @ (Command::New(_)
            | Command::Open
            | Command::OpenPath(_)
            | Command::Save
            | Command::SaveAs
            | Command::Answer(_)
            | Command::TypePath(_)) => self.file_command(ctx, command),
            Command::DismissNotice => self.next_notice(),
            Command::ShowPreview(open) => self.state.preview_open = open,
            Command::SetPaper(paper) => self.state.settings.paper = paper,
            Command::SaveSheet(format) => self.save_sheet(format),
            Command::PrintSheet => self.print_sheet(),
            Command::ShowMyTools(open) => self.state.my_tools_open = open,
            Command::RecordLog(ratings) => self.record_log(ratings),
            Command::ShowLogWindow(open) => {
                if open && !self.state.log_window_open {
                    self.state.new_ratings_round();
                }
                self.state.log_window_open = open;
            }
            Command::SetHeat(on) => self.state.settings.heat = on,
            Command::SetBuilder(form) => self.state.builder = form,
            Command::Build => self.build_routine(ctx),
            Command::SetOwned(tool, owned) => {
                let set = self.state.settings.owned_tools.get_or_insert_with(|| {
                    self.catalog.tools.iter().map(|t| t.id.clone()).collect()
                });
                if owned {
                    set.insert(tool);
                } else {
                    set.remove(&tool);
                }
            }
            Command::AdaptToMyTools => self.adapt_to_my_tools(),
            ref command @ (Command::Play
            | Command::PlayerToggle
            | Command::PlayerSkip
            | Command::PlayerBack
            | Command::PlayerStop) => self.play_command(command),
            Command::ShowFloorView(on) => self.state.floor_view = on && self.player.is_some(),
            Command::SetCues(cues) => self.state.settings.cues = cues,
            Command::FocusPanelTitle => self.state.focus_panel_title = true,
            Command::PanelTitleFocused => self.state.focus_panel_title = false,
            Command::FocusPlace(place) => self.state.focus_place = place,
            Command::ShowSideTab(tab) => self.state.side_tab = tab,
        }
    }

    /// Keyboard shortcuts that act on the whole window.
    fn shortcuts(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let typing = ctx.egui_wants_keyboard_input();
        let shift_cmd = Modifiers::COMMAND | Modifiers::SHIFT;
        ctx.input_mut(|i| {
            if i.consume_shortcut(&KeyboardShortcut::new(shift_cmd, Key::S)) {
                commands.push(Command::SaveAs);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
                commands.push(Command::Save);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                commands.push(Command::Open);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::N)) {
                commands.push(Command::New(None));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::P)) {
                commands.push(Command::PrintSheet);
            }
            if typing {
                return;
            }
            if i.consume_shortcut(&KeyboardShortcut::new(shift_cmd, Key::Z))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
            {
                commands.push(Command::Redo);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                commands.push(Command::Undo);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp)) {
                commands.push(Command::NudgeStep(-1));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown)) {
                commands.push(Command::NudgeStep(1));
            }
        });
    }

    /// Keeps the window title in step with the file name and the unsaved mark.
    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.state.doc.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window's close button: ask first when there are unsaved changes.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.may_close
            && self.state.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.pending = Some(Pending::Unsaved(files::Then::Close));
        }
    }

    /// The panels beside the map: the player; or the routine editor and the side panel, in one
    /// panel with tabs when the window is narrow.
    fn side_panels_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let width = ui.available_width();
        let side = ui::layout::side_panels(width);
        if let Some(play) = self.state.play {
            egui::Panel::left("player")
                .resizable(true)
                .default_size(side.player_default)
                .size_range(side.player_range)
                .show(ui, |ui| {
                    ui::player::player_ui(ui, self.catalog, &self.state, play, commands);
                });
        } else if side.one_panel {
            // Too narrow for two panels beside the map: one, with a tab for each.
            egui::Panel::left("side_panel")
                .resizable(true)
                .default_size(side.default)
                .size_range(side.range)
                .show(ui, |ui| {
                    ui::layout::side_tabs_ui(ui, self.catalog, &self.state, commands);
                    match self.state.side_tab {
                        SideTab::Routine => ui::routine_editor::routine_editor_ui(
                            ui,
                            self.catalog,
                            &self.state,
                            commands,
                        ),
                        SideTab::Place => ui::region_panel::region_panel_ui(
                            ui,
                            self.catalog,
                            &self.state,
                            commands,
                        ),
                    }
                });
        } else {
            egui::Panel::right("region_panel")
                .resizable(true)
                .default_size(side.default)
                .size_range(side.range.clone())
                .show(ui, |ui| {
                    ui::region_panel::region_panel_ui(ui, self.catalog, &self.state, commands);
                });
            egui::Panel::left("routine_editor")
                .resizable(true)
                .default_size(side.default)
                .size_range(side.range)
                .show(ui, |ui| {
                    ui::routine_editor::routine_editor_ui(ui, self.catalog, &self.state, commands);
                });
        }
    }

    /// A widget that took the keyboard focus (Tab, or a panel's title) is scrolled into view
    /// in its panel, with last frame's position of it.
    fn follow_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.memory(|m| m.focused());
        if focused == self.last_focus {
            return;
        }
        self.last_focus = focused;
        let pointer = ctx.input(|i| i.pointer.any_down() || i.pointer.any_released());
        if let Some(response) = focused.and_then(|id| ctx.read_response(id))
            && !pointer
        {
            ui::widgets::scroll_to_focus_later(ctx, response.rect, response.layer_id);
        }
        ctx.request_repaint();
    }

    /// Draws one frame and applies what it asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.follow_focus(&ctx);
        // What a screen reader calls the window: the app, then the routine.
        let unsaved = if self.state.doc.is_dirty() {
            ", unsaved changes"
        } else {
            ""
        };
        let name = format!("knotmap — {}{unsaved}", self.state.doc.display_name());
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(name));
        let mut commands = Vec::new();
        self.guard_close(&ctx);
        self.note_window_size(&ctx);
        self.open_dropped(&ctx, &mut commands);
        self.player_keys(&ctx, &mut commands);
        self.shortcuts(&ctx, &mut commands);
        self.tick_player(&ctx);
        self.expire_notice(&ctx);
        if let (true, Some(play)) = (self.state.floor_view, self.state.play) {
            egui::CentralPanel::default().show(ui, |ui| {
                ui::floor::floor_ui(
                    ui,
                    self.catalog,
                    &self.body,
                    &self.state,
                    play,
                    &mut self.floor_map,
                    &mut commands,
                );
            });
            if let Some(pending) = &self.state.pending {
                ui::pending::pending_ui(&ctx, pending, &self.state.doc, &mut commands);
            }
            if let Some(notice) = &self.state.notice {
                ui::notice::notice_at(
                    &ctx,
                    egui::Align2::RIGHT_BOTTOM,
                    egui::vec2(-16.0, -16.0),
                    notice,
                    &mut commands,
                );
            }
            self.finish_frame(&ctx, commands);
            return;
        }
        let top = egui::Panel::top("top_bar")
            .show(ui, |ui| {
                ui::top_bar::top_bar_ui(ui, self.catalog, &self.state, &mut commands);
            })
            .response
            .rect
            .bottom();
        // The map is drawn before the panels beside it, in the space they left it last frame,
        // so that Tab and a screen reader come to it straight after the top bar, then to the
        // side panel, then to the editor. If the space turns out otherwise (the window or a
        // panel was resized), the frame is laid out again before it is shown.
        let map_rect_id = egui::Id::unique("knotmap_map_rect");
        let map_rect = ui
            .data(|d| d.get_temp::<egui::Rect>(map_rect_id))
            .unwrap_or_else(|| ui.available_rect_before_wrap());
        let mut map_ui = ui.new_child(
            egui::UiBuilder::new()
                .id_salt("knotmap_map")
                .max_rect(map_rect.shrink(8.0)),
        );
        map_ui
            .painter()
            .rect_filled(map_rect, 0.0, map_ui.visuals().panel_fill);
        ui::body_map::body_map_ui(
            &mut map_ui,
            self.catalog,
            &self.body,
            &self.state,
            &mut self.map,
            &mut commands,
        );
        self.side_panels_ui(ui, &mut commands);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let space = ui.max_rect();
                if space != map_rect {
                    ui.data_mut(|d| d.insert_temp(map_rect_id, space));
                    ui.ctx().request_discard("the map's space changed");
                }
            });
        if let Some(form) = &self.state.builder {
            ui::builder::builder_ui(&ctx, self.catalog, form, &mut commands);
        }
        if self.state.log_window_open {
            ui::log::log_window_ui(&ctx, self.catalog, &self.state, &mut commands);
        }
        if self.state.my_tools_open {
            ui::my_tools::my_tools_ui(&ctx, self.catalog, &self.state, &mut commands);
        }
        if self.state.preview_open {
            let sheet = self.current_sheet();
            ui::preview::preview_ui(&ctx, &sheet, &self.state, &mut self.preview, &mut commands);
        }
        if let Some(notice) = &self.state.notice {
            ui::notice::notice_ui(&ctx, top, notice, &mut commands);
        }
        if let Some(pending) = &self.state.pending {
            ui::pending::pending_ui(&ctx, pending, &self.state.doc, &mut commands);
        }
        self.report_anchors(ctx.pixels_per_point());
        self.finish_frame(&ctx, commands);
    }

    /// Applies the frame's commands and does the upkeep that follows them.
    fn finish_frame(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let ctx = ctx.clone();
        self.typing_last_frame = ctx.egui_wants_keyboard_input();
        // Whatever scroll area held the newly focused widget has followed it by now.
        ui::widgets::forget_focus_target(&ctx);
        // The focus moved during this frame: the next one scrolls it into view.
        let changed = !commands.is_empty() || ctx.memory(|m| m.focused()) != self.last_focus;
        for command in commands {
            self.apply(&ctx, command);
        }
        self.keep_recovery_copy(&ctx);
        self.offer_next_orphan();
        self.keep_settings();
        self.desktop.follow_settings(self.state.settings.cues);
        self.update_title(&ctx);
        if changed {
            // The panels were drawn before the change: show it now, not at the next event.
            ctx.request_repaint();
        }
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

/// Opens the window and runs until it is closed.
pub fn run(catalog: &'static Catalog, start: Start) -> anyhow::Result<()> {
    let body = Body::builtin(catalog)?;
    let folders = Folders::from_system();
    // The size is read here as well as in the app, to open the window at it.
    let window = folders
        .as_ref()
        .and_then(|f| Settings::read(f).ok().flatten())
        .and_then(|s| s.window);
    let size = window.map_or([1500.0, 920.0], |w| {
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
        ..Default::default()
    };
    eframe::run_native(
        "knotmap",
        options,
        Box::new(move |cc| {
            Ok(Box::new(
                KnotmapApp::new(cc, catalog, body)
                    .with_files(folders, Box::new(NativeDialogs::default()))
                    .with_services(crate::desktop::Services::default())
                    .starting(start),
            ))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
