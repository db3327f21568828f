//! The routine builder's window: when, how long, which places (clicked on the map).

use eframe::egui::{self, RichText};

use crate::catalog::Catalog;
use crate::routine::When;
use crate::state::{BuilderForm, Command, RoutineCommand, ViewCommand};

pub fn builder_ui(
    ctx: &egui::Context,
    catalog: &Catalog,
    form: &BuilderForm,
    commands: &mut Vec<Command>,
) {
    let mut open = true;
    let mut edited = form.clone();
    egui::Window::new("Build a routine")
        .open(&mut open)
        .default_width(360.0)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("builder_grid").num_columns(2).spacing([10.0, 8.0]).show(ui, |ui| {
                let shown = edited.when.title();
                let choices = When::ALL.map(|w| (w, w.title().to_owned()));
                super::widgets::labelled_combo(ui, "When", "builder_when", ui.spacing().combo_width, &mut edited.when, shown, choices);
                ui.end_row();
                let label = ui.label(RichText::new("Minutes").weak());
                ui.add(egui::Slider::new(&mut edited.minutes, 5..=60).suffix(" min"))
                    .labelled_by(label.id);
                ui.end_row();
            });
            ui.add_space(6.0);
            ui.label(RichText::new("Focus").strong());
            if edited.focus.is_empty() {
                ui.label(
                    RichText::new("Click places on the map to focus on them; otherwise the usual ones for this time.")
                        .weak(),
                );
            }
            ui.horizontal_wrapped(|ui| {
                let mut remove = None;
                for (i, id) in edited.focus.iter().enumerate() {
                    let name = catalog.region(id).map_or(id.as_str(), |r| r.name.as_str());
                    if ui.button(format!("{name}  ×")).on_hover_text("Remove").clicked() {
                        remove = Some(i);
                    }
                }
                if let Some(i) = remove {
                    edited.focus.remove(i);
                }
            });
            ui.add_space(6.0);
            ui.label(RichText::new("Uses only the tools ticked under “My tools”.").weak());
            if ui.button(RichText::new("Build routine").strong()).clicked() {
                commands.push(Command::Routine(RoutineCommand::Build));
            }
        });
    super::widgets::name_title_bar(ctx, "Build a routine");
    if !open {
        commands.push(Command::View(ViewCommand::SetBuilder(None)));
    } else if edited != *form {
        commands.push(Command::View(ViewCommand::SetBuilder(Some(edited))));
    }
}
