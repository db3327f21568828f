//! Small widgets shared by the panels.

use eframe::egui::{self, RichText};

/// A weak label and a combo box named by it (so screen readers and tests find it by the
/// label): picks one of `choices` into `current`.
pub fn labelled_combo<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    width: f32,
    current: &mut T,
    shown: impl Into<String>,
    choices: impl IntoIterator<Item = (T, String)>,
) {
    let label = ui.label(RichText::new(label).weak());
    let shown = shown.into();
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown.clone())
        .width(width)
        .show_ui(ui, |ui| {
            for (value, text) in choices {
                ui.selectable_value(current, value, text);
            }
        });
    let response = combo.response.labelled_by(label.id);
    let open = combo.inner.is_some();
    say_value(ui, &response, &shown);
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_expanded(open);
    });
}

/// Text shown as a heading that a screen reader lists and jumps to, at `level` (1 for a
/// panel's title, 2 for its sections). `focusable` makes it a place the keyboard focus can be
/// sent to, as the panel's title is when a place opens from the keyboard.
pub fn heading(ui: &mut egui::Ui, text: RichText, level: usize, focusable: bool) -> egui::Response {
    let plain = text.text().to_owned();
    let sense = if focusable {
        egui::Sense::FOCUSABLE
    } else {
        egui::Sense::hover()
    };
    // A long name wraps within the panel rather than running out of it.
    let response = ui.add(egui::Label::new(text).wrap().sense(sense));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Heading);
        node.set_level(level);
        node.set_label(plain);
        node.clear_value();
    });
    response
}

/// Says a widget's value to a screen reader in words, units included ("Both sides",
/// "60 s per side"), where the widget itself gives only a number or nothing.
pub fn say_value(ui: &egui::Ui, response: &egui::Response, value: &str) {
    let value = value.to_owned();
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_value(value.clone());
        if node.role() == egui::accesskit::Role::ComboBox {
            // AT-SPI shows a combo box's value nowhere else: screen readers read the
            // description after the name ("When, combo box, After a run").
            node.set_description(value);
        }
    });
}

/// Names an egui window's title bar (the strip that moves it), which is otherwise an unnamed
/// place for the keyboard focus.
pub fn name_title_bar(ctx: &egui::Context, title: &str) {
    // The window's id is made from its title as `Window::new` makes it.
    let text: Option<std::borrow::Cow<'_, str>> = Some(title.into());
    let id = egui::Id::unique(text).with("__title_click");
    let title = title.to_owned();
    ctx.accesskit_node_builder(id, |node| {
        node.set_role(egui::accesskit::Role::TitleBar);
        node.set_label(title);
    });
}

fn focus_target_id() -> egui::Id {
    egui::Id::unique("knotmap_focus_to_scroll_to")
}

/// Asks the scroll area that holds `rect` (where a widget that just took the keyboard focus
/// was drawn) to bring it into view in this frame.
pub fn scroll_to_focus_later(ctx: &egui::Context, rect: egui::Rect, layer: egui::LayerId) {
    ctx.data_mut(|d| d.insert_temp(focus_target_id(), (rect, layer)));
}

/// Called first thing inside a scroll area: if the widget that took the focus is in it,
/// scrolls to it (a scroll area only follows what is asked from inside it).
pub fn scroll_to_focus(ui: &mut egui::Ui) {
    let Some((rect, layer)) =
        ui.data(|d| d.get_temp::<(egui::Rect, egui::LayerId)>(focus_target_id()))
    else {
        return;
    };
    let area = ui.clip_rect();
    if layer == ui.layer_id() && rect.center().x >= area.left() && rect.center().x <= area.right() {
        ui.data_mut(|d| d.remove::<(egui::Rect, egui::LayerId)>(focus_target_id()));
        if !area.contains_rect(rect) {
            ui.scroll_to_rect(rect, None);
        }
    }
}

/// The frame is over: a focus target no scroll area held is dropped.
pub fn forget_focus_target(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<(egui::Rect, egui::LayerId)>(focus_target_id()));
}

/// How a command's button is drawn: its text size (the theme's when `None`), its least size,
/// and whether it has a background.
#[derive(Clone, Copy, Debug)]
pub struct ButtonLook {
    pub text_size: Option<f32>,
    pub min_size: egui::Vec2,
    pub framed: bool,
}

impl Default for ButtonLook {
    fn default() -> Self {
        ButtonLook {
            text_size: None,
            min_size: egui::Vec2::ZERO,
            framed: true,
        }
    }
}

/// A command's button, all from the command table: its words, its hover text with the keys,
/// enabled only where the mode allows it and it has something to do, and a click that sends
/// what its keys send.
pub fn command_button(
    ui: &mut egui::Ui,
    state: &crate::state::AppState,
    ui_command: crate::state::UiCommand,
    look: ButtonLook,
    commands: &mut Vec<crate::state::Command>,
) -> egui::Response {
    let action = ui_command
        .command(state)
        .filter(|_| ui_command.enabled_in(crate::state::Mode::of(state)));
    let mut text = RichText::new(ui_command.label_in(state));
    if let Some(size) = look.text_size {
        text = text.size(size);
    }
    let mut button = egui::Button::new(text).min_size(look.min_size);
    if !look.framed {
        button = button.fill(egui::Color32::TRANSPARENT);
    }
    let hint = ui_command.hint(ui.ctx());
    let response = ui
        .add_enabled(action.is_some(), button)
        .on_hover_text(&hint)
        .on_disabled_hover_text(&hint);
    if response.clicked()
        && let Some(command) = action
    {
        commands.push(command);
    }
    response
}

/// Back, Pause (or Resume) and Skip: the player's row and the floor view's, alike.
pub fn transport_ui(
    ui: &mut egui::Ui,
    state: &crate::state::AppState,
    look: ButtonLook,
    commands: &mut Vec<crate::state::Command>,
) {
    use crate::state::UiCommand;
    for ui_command in [
        UiCommand::PreviousStep,
        UiCommand::PlayPause,
        UiCommand::NextStep,
    ] {
        command_button(ui, state, ui_command, look, commands);
    }
}
