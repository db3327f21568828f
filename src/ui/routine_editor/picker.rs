//! The picker that adds a step: a place, then a technique that works it.

use crate::catalog::{Catalog, Hit, Place};
use crate::state::{AppState, Command};
use eframe::egui::{self, CornerRadius, Frame, Margin, RichText};

use crate::state::RoutineCommand;

/// The picker's choices, kept between frames.
#[derive(Clone, Debug, Default)]
pub(super) struct Draft {
    region: Option<crate::catalog::RegionIx>,
    technique: Option<crate::catalog::TechniqueIx>,
}

pub(super) fn add_step_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    let id = ui.scope_id().with("add_step_draft");
    let mut draft: Draft = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    // Follow the place picked on the map.
    if let Some(Hit::Region(Place { region: r, .. })) = state.selection
        && !catalog.regions[r].is_no_roll()
        && draft.region != Some(r)
        && ui.data(|d| d.get_temp::<Option<Hit>>(id.with("seen"))) != Some(state.selection)
    {
        draft.region = Some(r);
        draft.technique = None;
    }
    ui.data_mut(|d| d.insert_temp(id.with("seen"), state.selection));

    Frame::group(ui.style())
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Add a step").strong());
            egui::Grid::new("add_step_grid")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    let region_text = draft
                        .region
                        .map_or("Choose a place", |r| catalog.regions[r].name.as_str());
                    let combo_label = ui.label(RichText::new("Place").weak());
                    let combo = egui::ComboBox::from_id_salt("draft_region")
                        .selected_text(region_text)
                        .width(150.0)
                        // A long place name is cut short rather than pushing out of the panel.
                        .truncate()
                        .show_ui(ui, |ui| {
                            for (i, region) in catalog.regions_ix() {
                                if !region.is_no_roll()
                                    && ui
                                        .selectable_label(draft.region == Some(i), &region.name)
                                        .clicked()
                                {
                                    draft.region = Some(i);
                                    draft.technique = None;
                                }
                            }
                        })
                        .response
                        .labelled_by(combo_label.id);
                    crate::ui::widgets::say_value(ui, &combo, region_text);
                    ui.end_row();
                    let fitting: Vec<crate::catalog::TechniqueIx> =
                        draft.region.map_or_else(Vec::new, |r| {
                            catalog
                                .techniques_for_region(&catalog.regions[r])
                                .filter_map(|t| catalog.technique_index(&t.id))
                                .collect()
                        });
                    if draft.technique.is_none_or(|t| !fitting.contains(&t)) {
                        draft.technique = fitting.first().copied();
                    }
                    let technique_text = draft.technique.map_or("Choose a technique", |t| {
                        catalog.techniques[t].name.as_str()
                    });
                    let combo_label = ui.label(RichText::new("Technique").weak());
                    let combo = egui::ComboBox::from_id_salt("draft_technique")
                        .selected_text(technique_text)
                        .width(180.0)
                        .truncate()
                        .show_ui(ui, |ui| {
                            for &t in &fitting {
                                ui.selectable_value(
                                    &mut draft.technique,
                                    Some(t),
                                    &catalog.techniques[t].name,
                                );
                            }
                        })
                        .response
                        .labelled_by(combo_label.id);
                    crate::ui::widgets::say_value(ui, &combo, technique_text);
                    ui.end_row();
                    ui.label("");
                    let ready = draft.technique.is_some() && state.doc.read_only.is_none();
                    if ui
                        .add_enabled(ready, egui::Button::new("Add step"))
                        .clicked()
                        && let Some(technique) = draft.technique
                    {
                        commands.push(Command::Routine(RoutineCommand::AddTechnique {
                            technique,
                            region: draft.region,
                        }));
                    }
                });
        });
    ui.data_mut(|d| d.insert_temp(id, draft));
}
