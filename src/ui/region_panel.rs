//! The side panel: everything about the selected place, muscle, technique or tool, with links
//! between them; the search matches; and a welcome with a way in when nothing is selected.

use eframe::egui::{self, Color32, CornerRadius, Frame, Margin, RichText, Stroke};

use super::style::stride_color;
use crate::catalog::{Catalog, Dossier, Hit, Place, Stride};
use crate::routine::StepSide;
use crate::state::{AppState, Command, ViewCommand};

mod complaint;
mod entries;
mod welcome;

use entries::{caution_ui, muscle_row_ui, no_roll_ui, technique_ui, tool_about_ui, tool_row_ui};
use welcome::{basics_ui, welcome_ui};

pub fn region_panel_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    // A new subject, or a new search, opens at the top, where its matches are, not at the
    // last one's scroll position.
    let shown_id = egui::Id::unique("region_panel_subject");
    let shown = (state.selection, state.query.clone());
    let before = ui.data(|d| d.get_temp::<(Option<Hit>, String)>(shown_id));
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
    if before.as_ref() != Some(&shown) {
        scroll = scroll.vertical_scroll_offset(0.0);
        ui.data_mut(|d| d.insert_temp(shown_id, shown));
    }
    scroll.show(ui, |ui| {
        super::widgets::scroll_to_focus(ui);
        ui.add_space(8.0);
        if !state.query.trim().is_empty() {
            matches_ui(ui, catalog, state, commands);
            ui.add_space(6.0);
            ui.separator();
        }
        match state.selection {
            Some(hit) => dossier_ui(ui, catalog, hit, state, commands),
            None => welcome_ui(ui, catalog, state.settings.red_flags_read, commands),
        }
        ui.add_space(12.0);
    });
}

/// A short name for a hit with what kind of thing it is.
pub fn hit_label(catalog: &Catalog, hit: Hit) -> (String, &'static str) {
    match hit {
        Hit::Region(Place { region: i, side }) => (catalog.regions[i].display_name(side), "place"),
        Hit::Muscle(i) => (catalog.muscles[i].name.clone(), "muscle"),
        Hit::Technique(i) => (catalog.techniques[i].name.clone(), "technique"),
        Hit::Tool(i) => (catalog.tools[i].name.clone(), "tool"),
        Hit::Basic(i) => (catalog.basics[i].title.clone(), "the basics"),
        Hit::Complaint(i) => (catalog.complaints[i].name.clone(), "complaint"),
    }
}

fn matches_ui(ui: &mut egui::Ui, catalog: &Catalog, state: &AppState, commands: &mut Vec<Command>) {
    ui.label(RichText::new(format!("Matches for “{}”", state.query.trim())).strong());
    if state.matches.is_empty() {
        ui.label(RichText::new("Nothing answers to that. Try a muscle, a place or a tool.").weak());
        if !state.suggestions.is_empty() {
            ui.label("Did you mean:");
            ui.horizontal_wrapped(|ui| {
                for suggestion in &state.suggestions {
                    if link(ui, suggestion.as_str()).clicked() {
                        commands.push(Command::View(ViewCommand::SetQuery(suggestion.clone())));
                    }
                }
            });
        }
        return;
    }
    for (n, &hit) in state.matches.iter().take(12).enumerate() {
        let (name, kind) = hit_label(catalog, hit);
        let text = if n == 0 {
            format!("{name}  ·  {kind}  (Enter)")
        } else {
            format!("{name}  ·  {kind}")
        };
        if ui
            .selectable_label(state.selection == Some(hit), text)
            .clicked()
        {
            commands.push(Command::View(ViewCommand::Select(Some(hit))));
        }
    }
}

/// A link that moves to the next line whole rather than breaking across two, so it stays one
/// node for a screen reader and one target for the pointer.
fn link(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    let text = text.into();
    // Only a link longer than a whole line may break (it could not fit otherwise).
    let whole = text
        .clone()
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x;
    let fits = whole <= ui.available_width();
    if fits && whole > ui.available_size_before_wrap().x {
        ui.end_row();
    }
    ui.scope(|ui| {
        if fits {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        }
        ui.link(text)
    })
    .inner
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(12.0);
    super::widgets::heading(ui, RichText::new(title).size(17.0).strong(), 2, false);
    ui.add_space(2.0);
}

fn chip(ui: &mut egui::Ui, text: &str, colour: Color32) {
    Frame::new()
        .fill(colour.gamma_multiply(0.18))
        .stroke(Stroke::new(1.0, colour))
        .corner_radius(CornerRadius::same(9))
        .inner_margin(Margin::symmetric(7, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).size(12.5).color(colour));
        });
}

fn stride_chip(ui: &mut egui::Ui, stride: Stride) {
    chip(
        ui,
        stride.title(),
        stride_color(stride, ui.visuals().dark_mode),
    );
}

/// The subject's name as the panel's heading, wrapping in the room left of the Clear button;
/// Escape on it takes the focus back to the place on the map.
fn title_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    hit: Hit,
    title: &str,
    commands: &mut Vec<Command>,
) {
    // The title wraps in the room left of the Clear button.
    ui.horizontal_top(|ui| {
        let room = (ui.available_width() - 56.0).max(80.0);
        ui.allocate_ui_with_layout(
            egui::vec2(room, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                let heading =
                    super::widgets::heading(ui, RichText::new(title).strong().heading(), 1, true)
                        .on_hover_text("Escape goes back to the map");
                if state.focus_panel_title {
                    heading.request_focus();
                    commands.push(Command::View(ViewCommand::PanelTitleFocused));
                }
                // Escape takes the focus from a widget before the frame sees it: what counts is
                // whether the title had it in the last frame.
                let had_focus_id = heading.id.with("had_focus");
                let had_focus = ui
                    .data(|d| d.get_temp::<bool>(had_focus_id))
                    .unwrap_or(false);
                let has_focus = heading.has_focus();
                ui.data_mut(|d| d.insert_temp(had_focus_id, has_focus));
                if had_focus
                    && ui.input(|i| i.key_pressed(egui::Key::Escape))
                    && let Hit::Region(Place { region: i, side }) = hit
                {
                    commands.push(Command::View(ViewCommand::FocusPlace(Some(
                        crate::catalog::Place { region: i, side },
                    ))));
                }
            },
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            if ui
                .small_button("Clear")
                .on_hover_text("Clear the selection")
                .clicked()
            {
                commands.push(Command::View(ViewCommand::Select(None)));
            }
        });
    });
}

fn dossier_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    hit: Hit,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    let d = Dossier::new(catalog, hit);
    let (title, kind) = hit_label(catalog, hit);
    title_ui(ui, state, hit, &title, commands);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(kind).weak());
        match hit {
            Hit::Region(Place { region: i, .. }) => {
                let region = &catalog.regions[i];
                ui.label(RichText::new(format!("· {} view", region.view.label())).weak());
                if let Some(stride) = catalog.region_stride(i) {
                    stride_chip(ui, stride);
                }
            }
            Hit::Muscle(i) => stride_chip(ui, catalog.muscles[i].stride),
            Hit::Technique(_) | Hit::Tool(_) | Hit::Basic(_) | Hit::Complaint(_) => {}
        }
    });
    ui.add_space(4.0);
    match hit {
        Hit::Region(Place { region: i, side }) => {
            let region = &catalog.regions[i];
            if !region.aliases.is_empty() {
                ui.label(
                    RichText::new(format!("Also called {}", region.aliases.join(", ")))
                        .weak()
                        .italics(),
                );
            }
            ui.label(&region.about);
            if let Some(why) = &region.no_roll {
                no_roll_ui(ui, catalog, region, why, side, commands);
            } else {
                section(ui, "Tightness log");
                let sides: Vec<StepSide> = match side {
                    None if region.sided => vec![StepSide::Left, StepSide::Right],
                    one => vec![StepSide::from(one)],
                };
                super::log::trend_ui(ui, state, &region.id, &sides, catalog);
            }
        }
        Hit::Muscle(i) => {
            let m = &catalog.muscles[i];
            if !m.aliases.is_empty() {
                ui.label(
                    RichText::new(format!("Also called {}", m.aliases.join(", ")))
                        .weak()
                        .italics(),
                );
            }
            ui.label(&m.what);
            ui.add_space(2.0);
            ui.label(RichText::new("Why it matters").strong());
            ui.label(&m.why);
        }
        Hit::Technique(i) => {
            ui.label(RichText::new(&catalog.techniques[i].summary).italics());
        }
        Hit::Tool(i) => tool_about_ui(ui, catalog, &catalog.tools[i], commands),
        Hit::Basic(i) => {
            ui.label(&catalog.basics[i].text);
        }
        Hit::Complaint(i) => {
            // A page of its own: the places, the routine and the warnings are its sections.
            complaint::complaint_ui(ui, catalog, i, commands);
            return;
        }
    }

    if !matches!(hit, Hit::Region(..)) && !d.regions.is_empty() {
        section(ui, "Where on the map");
        ui.horizontal_wrapped(|ui| {
            for region in &d.regions {
                if let Some(i) = catalog.region_index(&region.id)
                    && link(ui, &region.name).clicked()
                {
                    commands.push(Command::View(ViewCommand::Select(Some(Hit::Region(
                        Place {
                            region: i,
                            side: None,
                        },
                    )))));
                }
            }
        });
    }
    dossier_sections_ui(ui, catalog, &d, &state.settings, commands);
    if let Hit::Basic(i) = hit {
        basics_ui(ui, catalog, Some(i), commands);
    }
}

/// The muscles, techniques, tools and cautions of a dossier.
fn dossier_sections_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    d: &Dossier<'_>,
    settings: &crate::settings::Settings,
    commands: &mut Vec<Command>,
) {
    let hit = d.subject;
    if !matches!(hit, Hit::Muscle(_)) && !d.muscles.is_empty() {
        section(ui, "Muscles");
        for m in &d.muscles {
            muscle_row_ui(ui, catalog, m, commands);
        }
    }
    if !d.techniques.is_empty() {
        section(
            ui,
            if matches!(hit, Hit::Technique(_)) {
                "How to do it"
            } else {
                "Techniques"
            },
        );
        let region = match hit {
            Hit::Region(Place { region: i, .. }) => Some(i),
            _ => None,
        };
        for t in &d.techniques {
            technique_ui(
                ui,
                catalog,
                t,
                matches!(hit, Hit::Technique(_)),
                region,
                settings,
                commands,
            );
        }
    }
    if !matches!(hit, Hit::Tool(_)) && !d.tools.is_empty() {
        section(ui, "Tools");
        for tool in &d.tools {
            tool_row_ui(ui, catalog, tool, commands);
        }
    }
    if !d.cautions.is_empty() {
        section(ui, "Cautions");
        for c in &d.cautions {
            caution_ui(ui, c);
        }
    }
}
