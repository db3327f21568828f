//! Rating how tight each place felt after a session, the trend of a place, and the heat
//! colours of the map's tightness view.

use eframe::egui::{self, Color32, RichText};

use crate::catalog::Catalog;
use crate::routine::StepSide;
use crate::state::{AppState, Command, FileCommand, ViewCommand};
use crate::tightness::Rating;

/// A 0–10 scale per place worked, and a button that sends the ratings to the log. A place
/// starts unrated and is left out of the log until it gets a number.
pub fn ratings_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    if state.ratings_saved {
        ui.label(
            RichText::new("Saved to the tightness log. Switch the map to “Tightness” to see it.")
                .strong(),
        );
        return;
    }
    let places = crate::tightness::rated_places(catalog, &state.doc.routine);
    // A fresh set of ratings for each session.
    let id = ui.scope_id().with(("ratings", state.ratings_round));
    let mut values: Vec<Option<u8>> = ui
        .data(|d| d.get_temp::<Vec<Option<u8>>>(id))
        .filter(|v| v.len() == places.len())
        .unwrap_or_else(|| vec![None; places.len()]);
    ui.label(
        RichText::new("How tight did each place feel? 0 is loose, 10 is very tight.").strong(),
    );
    ui.label(RichText::new("Click a number; click it again to leave the place unrated.").weak());
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .max_height(300.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            super::widgets::scroll_to_focus(ui);
            egui::Grid::new(id.with("grid"))
                .num_columns(2)
                .spacing([12.0, 6.0])
                .striped(true)
                .show(ui, |ui| {
                    for ((region, side), value) in places.iter().zip(values.iter_mut()) {
                        let name = catalog
                            .region(region)
                            .map_or_else(|| region.to_string(), |r| r.display_name(side.side()));
                        ui.label(&name);
                        scale_ui(ui, &name, value);
                        ui.end_row();
                    }
                });
        });
    ui.data_mut(|d| d.insert_temp(id, values.clone()));
    let rated = values.iter().filter(|v| v.is_some()).count();
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let save = ui
            .add_enabled(
                rated > 0,
                egui::Button::new(RichText::new("Save to the tightness log").strong()),
            )
            .on_disabled_hover_text("Rate at least one place first");
        ui.label(RichText::new(format!("{rated} of {} places rated", places.len())).weak());
        if save.clicked() {
            let ratings = places
                .into_iter()
                .zip(values)
                .filter_map(|((region, side), tightness)| {
                    Some(Rating {
                        region,
                        side,
                        tightness: tightness?,
                    })
                })
                .collect();
            commands.push(Command::File(FileCommand::RecordLog(ratings)));
        }
    });
}

/// Eleven small buttons, 0 to 10, coloured like the heat view once chosen; each is named for
/// screen readers like "Left calf: 7".
fn scale_ui(ui: &mut egui::Ui, place: &str, value: &mut Option<u8>) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        ui.spacing_mut().button_padding = egui::vec2(3.0, 1.0);
        for n in 0..=10_u8 {
            let chosen = *value == Some(n);
            let text = RichText::new(n.to_string()).size(12.5);
            let button = if chosen {
                egui::Button::new(text.color(Color32::BLACK).strong())
                    .fill(heat_colour(f32::from(n)))
            } else {
                egui::Button::new(text)
            };
            let response = ui.add(button.min_size(egui::vec2(21.0, 21.0)));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    chosen,
                    format!("{place}: {n}"),
                )
            });
            if response.clicked() {
                *value = if chosen { None } else { Some(n) };
            }
        }
    });
}

/// The tightness log's window: rating a session done from the printed sheet, and the report
/// for a physio.
pub fn log_window_ui(
    ctx: &egui::Context,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    let mut open = true;
    egui::Window::new("Tightness log")
        .open(&mut open)
        .default_width(480.0)
        .collapsible(false)
        .show(ctx, |ui| {
            if !state.doc.routine.steps.is_empty() {
                ui.label(RichText::new("Log a session").strong());
                ui.label(RichText::new(&state.doc.routine.name).weak());
                ratings_ui(ui, catalog, state, commands);
                ui.separator();
            }
            report_ui(ui, state, commands);
        });
    super::widgets::name_title_bar(ctx, "Tightness log");
    if !open {
        commands.push(Command::View(ViewCommand::ShowLogWindow(false)));
    }
}

/// The report for a physio: the span, and a button that asks where to save it.
fn report_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    use crate::tightness::report::Span;
    ui.label(RichText::new("Report for the physio").strong());
    ui.label(
        RichText::new(
            "The map at the start and the end, the places that changed most, left against \
             right, each place's course and the sessions, as a PDF.",
        )
        .weak(),
    );
    let key = egui::Id::unique("knotmap_report_span");
    let mut span: Span = ui.data(|d| d.get_temp(key)).unwrap_or_default();
    let logged = state.log.entries.len();
    let shown = span.title();
    ui.horizontal_wrapped(|ui| {
        super::widgets::labelled_combo(
            ui,
            "Period",
            "report_span",
            ui.spacing().combo_width * 1.3,
            &mut span,
            shown,
            Span::ALL.map(|s| (s, s.title().to_owned())),
        );
        let export = ui
            .add_enabled(logged > 0, egui::Button::new("Export report…"))
            .on_disabled_hover_text("Nothing is logged yet");
        if export.clicked() {
            commands.push(Command::File(FileCommand::ExportReport(span)));
        }
    });
    ui.data_mut(|d| d.insert_temp(key, span));
}

/// Green for loose through yellow to red for very tight.
pub fn heat_colour(tightness: f32) -> Color32 {
    let (r, g, b) = crate::tightness::heat_rgb(tightness);
    Color32::from_rgb(r, g, b)
}

/// The logged tightness of a place over time, newest last, as small bars.
pub fn trend_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    region: &crate::catalog::RegionId,
    sides: &[StepSide],
    catalog: &Catalog,
) {
    let mut any = false;
    for &side in sides {
        let trend = state.log.trend(region, side);
        if trend.is_empty() {
            continue;
        }
        any = true;
        let name = catalog
            .region(region)
            .map_or_else(|| region.to_string(), |r| r.display_name(side.side()));
        ui.label(RichText::new(name).strong());
        ui.horizontal_wrapped(|ui| {
            for (date, value) in trend.iter().rev().take(10).rev() {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(14.0, 34.0), egui::Sense::hover());
                let h = 3.0 + 3.0 * f32::from(*value);
                let bar = egui::Rect::from_min_max(
                    egui::pos2(rect.left() + 2.0, rect.bottom() - h),
                    egui::pos2(rect.right() - 2.0, rect.bottom()),
                );
                ui.painter()
                    .rect_filled(bar, 2.0, heat_colour(f32::from(*value)));
                response.on_hover_text(format!("{date}: {value} of 10"));
            }
            if let Some((date, value)) = trend.last() {
                ui.label(RichText::new(format!("last {value}/10 on {date}")).weak());
            }
        });
    }
    if !any {
        ui.label(
            RichText::new("Nothing logged for this place yet. Rate it at the end of a session.")
                .weak(),
        );
    }
}
