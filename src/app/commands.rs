//! Applying the commands the panels and the keys send.

use eframe::egui;

use super::{Command, KnotmapApp, NoticeKind, SideTab, state};
use crate::catalog::Hit;
use crate::routine::Edit;

impl KnotmapApp {
    /// Applies one command to the state.
    fn set_figure(&mut self, figure: crate::body::Figure) {
        self.state.settings.figure = figure;
        // The cached meshes are the other figure's.
        self.map = crate::ui::body_map::MapCache::default();
        self.floor_map = crate::ui::body_map::MapCache::default();
    }

    fn set_query(&mut self, query: String) {
        let found = self.catalog.find(&query);
        self.state.matches = found.hits;
        self.state.suggestions = found.suggestions;
        self.state.query = query;
    }

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
            Command::SetQuery(query) => self.set_query(query),
            Command::SubmitSearch => {
                if let Some(&first) = self.state.matches.first() {
                    self.state.selection = Some(first);
                }
            }
            Command::ClearSearch => {
                self.state.query.clear();
                self.state.matches.clear();
                self.state.suggestions.clear();
            }
            Command::SetViewMode(mode) => self.state.settings.view_mode = mode,
            Command::SetFigure(figure) => self.set_figure(figure),
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
            Command::FocusSearch => {
                ctx.memory_mut(|m| m.request_focus(crate::ui::top_bar::search_id()));
            }
        }
    }
}
