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
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown.into())
        .width(width)
        .show_ui(ui, |ui| {
            for (value, text) in choices {
                ui.selectable_value(current, value, text);
            }
        })
        .response
        .labelled_by(label.id);
}
