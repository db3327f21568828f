//! The eframe application: owns the state, applies the commands the panels send, and lays
//! the panels out.

use eframe::egui;
use serde::{Deserialize, Serialize};

use crate::body::{Body, Place};
use crate::catalog::{Catalog, Hit};
use crate::ui;

/// Which figures the map shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewMode {
    #[default]
    Both,
    Front,
    Back,
}

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What is remembered between runs (the window size is kept by eframe itself).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub view_mode: ViewMode,
    pub theme: ThemeChoice,
}

/// Everything the window shows that is not the catalog itself.
#[derive(Debug, Default)]
pub struct AppState {
    /// The subject of the side panel: a place, a muscle, a technique or a tool.
    pub selection: Option<Hit>,
    /// The place under the pointer or the keyboard focus.
    pub hovered: Option<Place>,
    pub query: String,
    /// Search matches for `query`, best first.
    pub matches: Vec<Hit>,
    pub settings: Settings,
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
    SetViewMode(ViewMode),
    SetTheme(ThemeChoice),
}

/// The knotmap window.
pub struct KnotmapApp {
    pub catalog: &'static Catalog,
    pub body: Body,
    pub state: AppState,
    map: ui::body_map::MapCache,
    /// Where to write the places' screen positions for the end-to-end test, if asked.
    anchor_report: Option<(std::path::PathBuf, u64)>,
}

impl KnotmapApp {
    /// Builds the app, restoring the settings of the last run.
    pub fn new(cc: &eframe::CreationContext<'_>, catalog: &'static Catalog, body: Body) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        KnotmapApp::with_settings(&cc.egui_ctx, catalog, body, settings)
    }

    /// Builds the app on a context of its own (benchmarks, tools) with the given settings.
    pub fn with_settings(
        ctx: &egui::Context,
        catalog: &'static Catalog,
        body: Body,
        settings: Settings,
    ) -> Self {
        ui::style::install(ctx);
        ctx.set_theme(settings.theme.preference());
        KnotmapApp {
            catalog,
            body,
            state: AppState {
                settings,
                ..AppState::default()
            },
            map: ui::body_map::MapCache::default(),
            anchor_report: std::env::var_os("KNOTMAP_E2E_REPORT").map(|p| (p.into(), 0)),
        }
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
        let temporary = path.with_extension("partial");
        match std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, &*path)) {
            Ok(()) => *written = self.map.generation(),
            Err(e) => {
                eprintln!("knotmap: could not write {}: {e}", path.display());
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
        let state = &mut self.state;
        match command {
            Command::Select(hit) => state.selection = hit,
            Command::Hover(place) => state.hovered = place,
            Command::SetQuery(query) => {
                state.matches = self.catalog.search(&query);
                state.query = query;
            }
            Command::SubmitSearch => {
                if let Some(&first) = state.matches.first() {
                    state.selection = Some(first);
                }
            }
            Command::ClearSearch => {
                state.query.clear();
                state.matches.clear();
            }
            Command::SetViewMode(mode) => state.settings.view_mode = mode,
            Command::SetTheme(theme) => {
                state.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
        }
    }

    /// Draws one frame and applies what it asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui::top_bar::top_bar_ui(ui, self.catalog, &self.state, &mut commands);
        });
        egui::Panel::right("region_panel")
            .resizable(true)
            .default_size(430.0)
            .size_range(320.0..=720.0)
            .show(ui, |ui| {
                ui::region_panel::region_panel_ui(ui, self.catalog, &self.state, &mut commands);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            ui::body_map::body_map_ui(
                ui,
                self.catalog,
                &self.body,
                &self.state,
                &mut self.map,
                &mut commands,
            );
        });
        let ctx = ui.ctx().clone();
        self.report_anchors(ctx.pixels_per_point());
        let changed = !commands.is_empty();
        for command in commands {
            self.apply(&ctx, command);
        }
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.settings);
    }
}

/// Opens the window and runs until it is closed.
pub fn run(catalog: &'static Catalog) -> anyhow::Result<()> {
    let body = Body::builtin(catalog)?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("knotmap")
            .with_app_id("knotmap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([820.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        "knotmap",
        options,
        Box::new(move |cc| Ok(Box::new(KnotmapApp::new(cc, catalog, body)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
