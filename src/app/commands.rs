//! Applying the commands the panels and the keys send: one handler for each group, each
//! matching its group in full.

use eframe::egui;

use super::KnotmapApp;
use crate::routine::{Edit, Step};
use crate::state::{
    Command, NoticeKind, RoutineCommand, Screen, SheetCommand, SideTab, ViewCommand,
};

impl KnotmapApp {
    fn set_figure(&mut self, figure: crate::body::Figure) {
        self.state.settings.figure = figure;
        // The cached meshes are the other figure's.
        self.map = crate::ui::body_map::MapCache::default();
        self.floor_map = crate::ui::body_map::MapCache::default();
    }

    fn set_query(&mut self, mut query: String) {
        crate::routine::fit_text(&mut query, crate::catalog::MAX_QUERY_CHARS);
        let found = self.catalog.find(&query);
        self.state.matches = found.hits;
        self.state.suggestions = found.suggestions;
        self.state.query = query;
    }

    /// Applies one command to the state. Nothing changes a routine while it plays.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        if self.player.is_some() && command.changes_the_routine() {
            let stop = crate::state::UiCommand::StopPlaying.in_words(ctx);
            self.notify(
                NoticeKind::Warning,
                format!("The routine is playing: {stop} before changing it."),
            );
            return;
        }
        match command {
            Command::File(file) => self.file_command(ctx, file),
            Command::Routine(routine) => self.routine_command(ctx, routine),
            Command::Player(player) => self.play_command(&player),
            Command::Sheet(sheet) => self.sheet_command(sheet),
            Command::View(view) => self.view_command(ctx, view),
        }
    }

    fn routine_command(&mut self, ctx: &egui::Context, command: RoutineCommand) {
        match command {
            RoutineCommand::Edit(edit) => self.edit(edit),
            RoutineCommand::AddTechnique { technique, region } => {
                let name = &self.catalog.techniques[technique].name;
                if let Some(step) = Step::for_technique(self.catalog, technique, region) {
                    let at = self.state.doc.routine.steps.len();
                    self.edit(Edit::AddStep { at, step });
                    self.state.selected_step = Some(at);
                    self.notify(
                        NoticeKind::Info,
                        format!("Added “{name}” as step {}.", at + 1),
                    );
                } else {
                    self.notify(
                        NoticeKind::Warning,
                        format!(
                            "“{name}” names no place or no tool in the catalog, so it cannot \
                             be a step; nothing was added."
                        ),
                    );
                }
            }
            RoutineCommand::SelectStep(index) => {
                self.state.selected_step = index;
                self.state.doc.break_merge();
            }
            RoutineCommand::NudgeStep(delta) => self.nudge(delta),
            RoutineCommand::Undo => {
                if self.state.doc.undo() {
                    self.after_history_change();
                }
            }
            RoutineCommand::Redo => {
                if self.state.doc.redo() {
                    self.after_history_change();
                }
            }
            RoutineCommand::Build => self.build_routine(ctx),
            RoutineCommand::FromComplaint(i) => self.routine_for_complaint(ctx, i),
            RoutineCommand::AdaptToMyTools => self.adapt_to_my_tools(),
        }
    }

    fn sheet_command(&mut self, command: SheetCommand) {
        match command {
            SheetCommand::ShowPreview(open) => {
                // The preview opens over the editor only, and closes back to it.
                self.state.screen = match (self.state.screen, open) {
                    (Screen::Editing, true) => Screen::Previewing,
                    (Screen::Previewing, false) => Screen::Editing,
                    (screen, _) => screen,
                };
            }
            SheetCommand::SetPaper(paper) => self.state.settings.paper = paper,
            SheetCommand::SetDetails(details) => self.state.settings.sheet_details = details,
            SheetCommand::Save(format) => self.save_sheet(format),
            SheetCommand::Print => self.print_sheet(),
        }
    }

    fn view_command(&mut self, ctx: &egui::Context, command: ViewCommand) {
        match command {
            ViewCommand::Select(hit) => {
                if hit.is_some() {
                    self.state.side_tab = SideTab::Place;
                }
                self.state.selection = hit;
            }
            ViewCommand::SetQuery(query) => self.set_query(query),
            ViewCommand::CancelJob(id) => self.cancel_job(id),
            ViewCommand::SetRedFlagsRead(read) => self.state.settings.red_flags_read = read,
            ViewCommand::SubmitSearch => {
                if let Some(&first) = self.state.matches.first() {
                    self.state.selection = Some(first);
                }
            }
            ViewCommand::ClearSearch => {
                self.state.query.clear();
                self.state.matches.clear();
                self.state.suggestions.clear();
            }
            ViewCommand::FocusSearch => {
                ctx.memory_mut(|m| m.request_focus(crate::ui::top_bar::search_id()));
            }
            ViewCommand::SetViewMode(mode) => self.state.settings.view_mode = mode,
            ViewCommand::SetFigure(figure) => self.set_figure(figure),
            ViewCommand::SetTheme(theme) => {
                self.state.settings.theme = theme;
                ctx.set_theme(super::theme_preference(theme));
            }
            ViewCommand::SetHeat(on) => self.state.settings.heat = on,
            ViewCommand::ShowSideTab(tab) => self.state.side_tab = tab,
            ViewCommand::FocusPanelTitle => self.state.focus_panel_title = true,
            ViewCommand::PanelTitleFocused => self.state.focus_panel_title = false,
            ViewCommand::FocusPlace(place) => self.state.focus_place = place,
            ViewCommand::DismissNotice => self.next_notice(),
            ViewCommand::ShowMyTools(open) => self.state.my_tools_open = open,
            ViewCommand::SetAllOwned(all) => {
                self.state.settings.owned_tools = Some(
                    self.catalog
                        .tools
                        .iter()
                        .filter(|t| all || t.always)
                        .map(|t| t.id.clone())
                        .collect(),
                );
            }
            ViewCommand::SetOwned(tool, owned) => {
                let set = self.state.settings.owned_tools.get_or_insert_with(|| {
                    self.catalog.tools.iter().map(|t| t.id.clone()).collect()
                });
                if owned {
                    set.insert(tool);
                } else {
                    set.remove(&tool);
                }
            }
            ViewCommand::ShowLogWindow(open) => {
                if open && !self.state.log_window_open {
                    self.state.new_ratings_round();
                }
                self.state.log_window_open = open;
            }
            ViewCommand::SetBuilder(form) => self.state.builder = form,
            ViewCommand::ToggleBuilderFocus(id) => {
                let rollable = self.catalog.region(&id).is_some_and(|r| !r.is_no_roll());
                if let (Some(form), true) = (&mut self.state.builder, rollable) {
                    match form.focus.iter().position(|f| *f == id) {
                        Some(at) => {
                            form.focus.remove(at);
                        }
                        None => form.focus.push(id),
                    }
                }
            }
        }
    }
}
