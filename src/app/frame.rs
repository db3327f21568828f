//! One frame of the window: the panels laid out around the map, the focus followed, the
//! title and the close button kept in step, and the upkeep after the frame's commands.

use eframe::egui;

use super::KnotmapApp;
use crate::state::{Command, Keyboard, Pending, Screen, SideTab, Then};
use crate::ui;

impl KnotmapApp {
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
                    self.catalog.place_name(place),
                    pos.x * pixels_per_point,
                    pos.y * pixels_per_point
                )
            })
            .collect();
        match crate::storage::write_atomic(path, text.as_bytes()) {
            Ok(()) => *written = self.map.generation(),
            Err(e) => {
                log::warn!("could not write the anchors: {e}");
                self.anchor_report = None;
            }
        }
    }

    /// The place under the pointer, or else the one with the keyboard focus, on the map
    /// drawn last.
    pub fn hovered_place(&self) -> Option<crate::catalog::Place> {
        self.map.hovered
    }

    /// Which text field has the keyboard.
    fn keyboard_now(&self, ctx: &egui::Context) -> Keyboard {
        if ctx.memory(|m| m.has_focus(ui::top_bar::search_id())) {
            Keyboard::InSearch
        } else if ctx.egui_wants_keyboard_input() {
            Keyboard::InField
        } else {
            Keyboard::Free
        }
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
            self.state.pending = Some(Pending::Unsaved(Then::Close));
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
        self.collect_jobs();
        self.note_window_size(&ctx);
        self.open_dropped(&ctx, &mut commands);
        // The player's reading first: the keys go by whether a routine plays now, and a
        // session started by the last frame plays now.
        self.tick_player(&ctx);
        let keyboard = match self.keyboard_now(&ctx) {
            Keyboard::Free => self.keyboard_last_frame,
            now => now,
        };
        // The keys are taken before the panels see them, and their commands applied after
        // the panels' own: Ctrl+S pressed right after typing saves what was typed, even when
        // the typing and the key come in the same frame.
        let mut shortcuts = Vec::new();
        super::shortcuts::fire_shortcuts(&ctx, &self.state, keyboard, &mut shortcuts);
        self.expire_notice(&ctx);
        if let (Screen::Playing { floor: true }, Some(play)) = (self.state.screen, self.state.play)
        {
            self.floor_frame_ui(ui, play, &mut commands);
            commands.append(&mut shortcuts);
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
            self.bodies.get(self.state.settings.figure),
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
                    if !ui.ctx().will_discard() {
                        // egui lays a frame out at most `max_passes` times: when it declines,
                        // this frame shows the map in its old space, so draw another at once.
                        ui.ctx().request_repaint();
                    }
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
        if self.state.screen == Screen::Previewing {
            let sheet = self.current_sheet();
            ui::preview::preview_ui(&ctx, &sheet, &self.state, &mut self.preview, &mut commands);
        }
        if let Some(notice) = &self.state.notice {
            let over = egui::Rect::from_min_max(egui::pos2(map_rect.left(), top), map_rect.max);
            ui::notice::notice_ui(
                &ctx,
                over,
                notice,
                self.waiting_notices.len(),
                &mut commands,
            );
        }
        if let Some(pending) = &self.state.pending {
            ui::pending::pending_ui(&ctx, pending, &self.state.doc, &mut commands);
        }
        ui::jobs::jobs_ui(&ctx, &self.state.jobs, &mut commands);
        self.report_anchors(ctx.pixels_per_point());
        commands.append(&mut shortcuts);
        self.finish_frame(&ctx, commands);
    }

    /// The floor view: the player across the whole window, with its questions, jobs and
    /// notices (in the bottom right corner, clear of the timer).
    fn floor_frame_ui(
        &mut self,
        ui: &mut egui::Ui,
        play: crate::state::PlayView,
        commands: &mut Vec<Command>,
    ) {
        let ctx = ui.ctx().clone();
        egui::CentralPanel::default().show(ui, |ui| {
            ui::floor::floor_ui(
                ui,
                self.catalog,
                self.bodies.get(self.state.settings.figure),
                &self.state,
                play,
                &mut self.floor_map,
                commands,
            );
        });
        if let Some(pending) = &self.state.pending {
            ui::pending::pending_ui(&ctx, pending, &self.state.doc, commands);
        }
        ui::jobs::jobs_ui(&ctx, &self.state.jobs, commands);
        if let Some(notice) = &self.state.notice {
            ui::notice::notice_at(
                &ctx,
                egui::Align2::RIGHT_BOTTOM,
                egui::vec2(-16.0, -16.0),
                notice,
                self.waiting_notices.len(),
                commands,
            );
        }
    }

    /// Applies the frame's commands and does the upkeep that follows them.
    fn finish_frame(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let ctx = ctx.clone();
        self.keyboard_last_frame = self.keyboard_now(&ctx);
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
