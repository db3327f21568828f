//! The routine editor, docked beside the map: name, when, notes, the steps (edit in place,
//! drag to reorder, duplicate, delete), a picker to add steps, and the file commands.

use eframe::egui::{self, Color32, CornerRadius, Frame, Margin, RichText, Sense, Stroke};

use crate::app::{AppState, Command};
use crate::catalog::{Catalog, Dose, Hit};
use crate::routine::{Edit, Step, StepSide, When, format_duration, templates};

pub fn routine_editor_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    toolbar_ui(ui, state, commands);
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header_ui(ui, state, commands);
            ui.add_space(8.0);
            steps_ui(ui, catalog, state, commands);
            ui.add_space(10.0);
            add_step_ui(ui, catalog, state, commands);
            ui.add_space(12.0);
        });
}

fn toolbar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        file_buttons_ui(ui, state, commands);
        routine_buttons_ui(ui, state, commands);
    });
}

/// New, Open, Save, Save As, Recent.
fn file_buttons_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.menu_button("New", |ui| {
        if ui.button("Blank routine").on_hover_text("Ctrl+N").clicked() {
            commands.push(Command::New(None));
            ui.close();
        }
        ui.separator();
        ui.label(RichText::new("From an example").weak());
        for (i, template) in templates().iter().enumerate() {
            let label = format!(
                "{} ({})",
                template.name,
                format_duration(template.total_seconds())
            );
            if ui.button(label).clicked() {
                commands.push(Command::New(Some(i)));
                ui.close();
            }
        }
    });
    if ui.button("Open…").on_hover_text("Ctrl+O").clicked() {
        commands.push(Command::Open);
    }
    let writable = state.doc.read_only.is_none();
    if ui
        .add_enabled(writable, egui::Button::new("Save"))
        .on_hover_text("Ctrl+S")
        .clicked()
    {
        commands.push(Command::Save);
    }
    if ui
        .add_enabled(writable, egui::Button::new("Save As…"))
        .on_hover_text("Ctrl+Shift+S")
        .clicked()
    {
        commands.push(Command::SaveAs);
    }
    ui.add_enabled_ui(!state.settings.recent.is_empty(), |ui| {
        ui.menu_button("Recent", |ui| {
            for path in &state.settings.recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .button(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    commands.push(Command::OpenPath(path.clone()));
                    ui.close();
                }
            }
        });
    });
}

/// Play, build, log, my tools, the sheet, undo and redo.
fn routine_buttons_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    if ui
        .add_enabled(
            !state.doc.routine.steps.is_empty(),
            egui::Button::new("Play"),
        )
        .on_hover_text("Play the routine with timers")
        .clicked()
    {
        commands.push(Command::Play);
    }
    if ui
        .button("Build…")
        .on_hover_text("Build a routine for the time you have")
        .clicked()
    {
        commands.push(Command::SetBuilder(
            Some(crate::app::BuilderForm::default()),
        ));
    }
    if ui
        .add_enabled(
            !state.doc.routine.steps.is_empty(),
            egui::Button::new("Log…"),
        )
        .on_hover_text("Rate a session done from the printed sheet")
        .clicked()
    {
        commands.push(Command::ShowLogWindow(true));
    }
    if ui.button("My tools").clicked() {
        commands.push(Command::ShowMyTools(true));
    }
    ui.menu_button("Sheet", |ui| {
        if ui.button("Print preview").clicked() {
            commands.push(Command::ShowPreview(true));
            ui.close();
        }
        if ui.button("Save PDF…").clicked() {
            commands.push(Command::SaveSheet(crate::cli::SheetFormat::Pdf));
            ui.close();
        }
        if ui.button("Save PNG…").clicked() {
            commands.push(Command::SaveSheet(crate::cli::SheetFormat::Png));
            ui.close();
        }
        if ui.button("Print…").on_hover_text("Ctrl+P").clicked() {
            commands.push(Command::PrintSheet);
            ui.close();
        }
    });
    ui.separator();
    if ui
        .add_enabled(state.doc.can_undo(), egui::Button::new("Undo"))
        .on_hover_text("Ctrl+Z")
        .clicked()
    {
        commands.push(Command::Undo);
    }
    if ui
        .add_enabled(state.doc.can_redo(), egui::Button::new("Redo"))
        .on_hover_text("Ctrl+Shift+Z or Ctrl+Y")
        .clicked()
    {
        commands.push(Command::Redo);
    }
}

fn header_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let routine = &state.doc.routine;
    if let Some(notice) = &state.doc.read_only {
        ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
    }
    ui.add_space(4.0);
    let label = ui.label(RichText::new("Routine").weak());
    let mut name = routine.name.clone();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut name)
                .font(egui::TextStyle::Heading)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        commands.push(Command::Edit(Edit::SetName(name)));
    }
    ui.horizontal(|ui| {
        let mut when = routine.when;
        let combo_label = ui.label(RichText::new("When").weak());
        egui::ComboBox::from_id_salt("routine_when")
            .selected_text(when.title())
            .show_ui(ui, |ui| {
                for choice in When::ALL {
                    ui.selectable_value(&mut when, choice, choice.title());
                }
            })
            .response
            .labelled_by(combo_label.id);
        if when != routine.when {
            commands.push(Command::Edit(Edit::SetWhen(when)));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let steps = routine.steps.len();
            ui.label(
                RichText::new(format!(
                    "{} · {steps} step{}",
                    format_duration(routine.total_seconds()),
                    if steps == 1 { "" } else { "s" }
                ))
                .strong(),
            );
        });
    });
    let mut notes = routine.notes.clone();
    let notes_label = ui.label(RichText::new("Notes").weak());
    if ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("When to do it, how it should feel"),
        )
        .labelled_by(notes_label.id)
        .changed()
    {
        commands.push(Command::Edit(Edit::SetNotes(notes)));
    }
}

/// A name for a step's region, with the side: "Left calf", "Both hamstrings".
pub fn step_place_name(catalog: &Catalog, step: &Step) -> String {
    match catalog.region(&step.region) {
        Some(region) => match step.side {
            StepSide::Left => region.display_name(Some(crate::catalog::Side::Left)),
            StepSide::Right => region.display_name(Some(crate::catalog::Side::Right)),
            StepSide::Both => format!("{} · both sides", region.name),
            StepSide::Middle => region.name.clone(),
        },
        None => format!("Unknown region “{}”", step.region),
    }
}

fn drag_handle(ui: &mut egui::Ui) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(12.0, 20.0), Sense::hover());
    let colour = ui.visuals().weak_text_color();
    for row in 0..3 {
        for col in 0..2 {
            let centre = rect.min + egui::vec2(3.0 + col as f32 * 6.0, 5.0 + row as f32 * 5.0);
            ui.painter().circle_filled(centre, 1.4, colour);
        }
    }
    response.on_hover_cursor(egui::CursorIcon::Grab)
}

fn steps_ui(ui: &mut egui::Ui, catalog: &Catalog, state: &AppState, commands: &mut Vec<Command>) {
    let steps = &state.doc.routine.steps;
    if steps.is_empty() {
        ui.label(
            RichText::new(
                "No steps yet. Pick a place on the map and press “Add to routine” on a technique, \
                 or use the picker below.",
            )
            .weak(),
        );
        return;
    }
    // Bring a newly selected step (from the map, the keyboard, an added step) into view.
    let seen_id = ui.scope_id().with("selected_step_seen");
    let newly_selected =
        ui.data(|d| d.get_temp::<Option<usize>>(seen_id)) != Some(state.selected_step);
    ui.data_mut(|d| d.insert_temp(seen_id, state.selected_step));
    for (index, step) in steps.iter().enumerate() {
        let selected = state.selected_step == Some(index);
        let (zone, dropped) = ui.dnd_drop_zone::<usize, _>(Frame::NONE, |ui| {
            step_ui(ui, catalog, state, index, step, commands);
        });
        if selected && newly_selected {
            zone.response.scroll_to_me(Some(egui::Align::Center));
        }
        if let Some(from) = dropped
            && *from != index
        {
            commands.push(Command::Edit(Edit::MoveStep {
                from: *from,
                to: index,
            }));
            commands.push(Command::SelectStep(Some(index)));
        }
        if zone.response.clicked() {
            commands.push(Command::SelectStep(Some(index)));
        }
    }
}

/// One step: a compact summary, and the fields to edit it when it is the selected one.
fn step_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    index: usize,
    step: &Step,
    commands: &mut Vec<Command>,
) {
    let selected = state.selected_step == Some(index);
    let count = state.doc.routine.steps.len();
    let owned_tools = state.settings.owned_tools.as_ref();
    let visuals = ui.visuals();
    let (fill, stroke) = if selected {
        (
            visuals.selection.bg_fill.gamma_multiply(0.22),
            Stroke::new(1.5, visuals.selection.stroke.color),
        )
    } else {
        (
            visuals.faint_bg_color,
            Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        )
    };
    // The click that selects the step is registered beneath its widgets, so the buttons and
    // fields inside still get their own clicks.
    let response = ui
        .scope_builder(egui::UiBuilder::new().sense(Sense::click()), |ui| {
            Frame::new()
                .fill(fill)
                .stroke(stroke)
                .corner_radius(CornerRadius::same(6))
                .inner_margin(Margin::symmetric(8, 6))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    step_summary_ui(ui, catalog, index, step, owned_tools, commands);
                    if selected {
                        ui.add_space(4.0);
                        step_fields_ui(ui, catalog, index, step, commands);
                        ui.add_space(2.0);
                        step_actions_ui(ui, index, count, commands);
                    }
                });
        })
        .response;
    if response.clicked() {
        commands.push(Command::SelectStep(Some(index)));
    }
}

fn step_summary_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: usize,
    step: &Step,
    owned_tools: Option<&std::collections::BTreeSet<crate::catalog::ToolId>>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.dnd_drag_source(ui.scope_id().with(("drag_step", index)), index, drag_handle)
            .response
            .on_hover_text("Drag to reorder");
        let known = catalog.region(&step.region).is_some();
        let title =
            RichText::new(format!("{}. {}", index + 1, step_place_name(catalog, step))).strong();
        let title = if known {
            title
        } else {
            title.color(ui.visuals().error_fg_color)
        };
        if ui
            .add(egui::Label::new(title).sense(Sense::click()).truncate())
            .clicked()
        {
            commands.push(Command::SelectStep(Some(index)));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(dose_text(step)).weak());
        });
    });
    let technique = catalog.technique(&step.technique).map_or_else(
        || format!("unknown technique “{}”", step.technique),
        |t| t.name.clone(),
    );
    let tool = catalog.tool(&step.tool).map_or_else(
        || format!("unknown tool “{}”", step.tool),
        |t| t.name.clone(),
    );
    let mut line = format!("{technique} · {tool}");
    let missing = owned_tools.is_some_and(|owned| !owned.contains(&step.tool));
    if let Some(note) = &step.note {
        line.push_str(" — ");
        line.push_str(note);
    }
    ui.horizontal(|ui| {
        ui.add_space(18.0);
        if missing {
            ui.label(
                RichText::new("not in my tools")
                    .size(12.5)
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.add(egui::Label::new(RichText::new(line).size(13.5).weak()).truncate());
    });
}

/// "60 s × 2", "8 passes", "2 min".
fn dose_text(step: &Step) -> String {
    let each = match step.dose {
        Dose::Seconds(s) => format_duration(s),
        Dose::Passes(1) => "1 pass".to_owned(),
        Dose::Passes(n) => format!("{n} passes"),
    };
    if step.side == StepSide::Both {
        format!("{each} × 2")
    } else {
        each
    }
}

fn step_fields_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: usize,
    step: &Step,
    commands: &mut Vec<Command>,
) {
    let set = |commands: &mut Vec<Command>, step: Step| {
        commands.push(Command::Edit(Edit::SetStep { index, step }));
    };
    let region = catalog.region(&step.region);
    egui::Grid::new(("step_fields", index))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let combo_label = ui.label(RichText::new("Side").weak());
            let mut side = step.side;
            let sides: &[StepSide] = match region {
                Some(r) if !r.sided => &[StepSide::Middle],
                _ => &[StepSide::Both, StepSide::Left, StepSide::Right],
            };
            egui::ComboBox::from_id_salt(("side", index))
                .selected_text(side.title())
                .width(120.0)
                .show_ui(ui, |ui| {
                    for &choice in sides {
                        ui.selectable_value(&mut side, choice, choice.title());
                    }
                })
                .response
                .labelled_by(combo_label.id);
            if side != step.side {
                set(
                    commands,
                    Step {
                        side,
                        ..step.clone()
                    },
                );
            }
            ui.end_row();

            technique_row(ui, catalog, index, step, commands);
            tool_row(ui, catalog, index, step, commands);
            let dose_label = ui.label(RichText::new("Dose").weak());
            let (mut amount, unit) = match step.dose {
                Dose::Seconds(s) => (s, " s"),
                Dose::Passes(n) => (n, " passes"),
            };
            let per_side = if step.side == StepSide::Middle {
                ""
            } else {
                " per side"
            };
            let drag = ui
                .add(
                    egui::DragValue::new(&mut amount)
                        .range(1..=1800)
                        .suffix(format!("{unit}{per_side}")),
                )
                .labelled_by(dose_label.id);
            if drag.changed() {
                let dose = match step.dose {
                    Dose::Seconds(_) => Dose::Seconds(amount),
                    Dose::Passes(_) => Dose::Passes(amount),
                };
                set(
                    commands,
                    Step {
                        dose,
                        ..step.clone()
                    },
                );
            }
            ui.end_row();

            let note_label = ui.label(RichText::new("Note").weak());
            let mut note = step.note.clone().unwrap_or_default();
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut note)
                        .hint_text("a reminder for this step")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(note_label.id);
            if edit.changed() {
                let note = if note.is_empty() { None } else { Some(note) };
                set(
                    commands,
                    Step {
                        note,
                        ..step.clone()
                    },
                );
            }
            ui.end_row();
        });
}

/// The technique picker: those that work the step's region.
fn technique_row(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: usize,
    step: &Step,
    commands: &mut Vec<Command>,
) {
    let region = catalog.region(&step.region);
    let set = |commands: &mut Vec<Command>, step: Step| {
        commands.push(Command::Edit(Edit::SetStep { index, step }));
    };
    // Techniques that work this region's muscles.
    let combo_label = ui.label(RichText::new("Technique").weak());
    let mut technique = step.technique.clone();
    let current = catalog.technique(&step.technique).map_or_else(
        || format!("Unknown technique “{}”", step.technique),
        |t| t.name.clone(),
    );
    egui::ComboBox::from_id_salt(("technique", index))
        .selected_text(current)
        .width(230.0)
        .show_ui(ui, |ui| {
            let fitting: Vec<_> = match region {
                Some(r) => catalog.techniques_for_region(r).collect(),
                None => catalog.techniques.iter().collect(),
            };
            for t in fitting {
                ui.selectable_value(&mut technique, t.id.clone(), &t.name);
            }
        })
        .response
        .labelled_by(combo_label.id);
    if technique != step.technique
        && let Some(t) = catalog.technique(&technique)
    {
        let tool = if t.tools.contains(&step.tool) {
            step.tool.clone()
        } else {
            t.tools
                .first()
                .cloned()
                .unwrap_or_else(|| step.tool.clone())
        };
        set(
            commands,
            Step {
                technique,
                tool,
                dose: t.dose,
                ..step.clone()
            },
        );
    }
    ui.end_row();
}

/// The tool picker: those the step's technique uses.
fn tool_row(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: usize,
    step: &Step,
    commands: &mut Vec<Command>,
) {
    let set = |commands: &mut Vec<Command>, step: Step| {
        commands.push(Command::Edit(Edit::SetStep { index, step }));
    };
    // Tools the technique uses.
    let combo_label = ui.label(RichText::new("Tool").weak());
    let mut tool = step.tool.clone();
    let current = catalog.tool(&step.tool).map_or_else(
        || format!("Unknown tool “{}”", step.tool),
        |t| t.name.clone(),
    );
    egui::ComboBox::from_id_salt(("tool", index))
        .selected_text(current)
        .width(230.0)
        .show_ui(ui, |ui| {
            let tools: Vec<_> = match catalog.technique(&step.technique) {
                Some(t) => t.tools.iter().filter_map(|id| catalog.tool(id)).collect(),
                None => catalog.tools.iter().collect(),
            };
            for t in tools {
                ui.selectable_value(&mut tool, t.id.clone(), &t.name);
            }
        })
        .response
        .labelled_by(combo_label.id);
    if tool != step.tool {
        set(
            commands,
            Step {
                tool,
                ..step.clone()
            },
        );
    }
    ui.end_row();
}

fn step_actions_ui(ui: &mut egui::Ui, index: usize, count: usize, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("Move up").small())
            .on_hover_text("Alt+Up")
            .clicked()
        {
            commands.push(Command::Edit(Edit::MoveStep {
                from: index,
                to: index - 1,
            }));
            commands.push(Command::SelectStep(Some(index - 1)));
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new("Move down").small())
            .on_hover_text("Alt+Down")
            .clicked()
        {
            commands.push(Command::Edit(Edit::MoveStep {
                from: index,
                to: index + 1,
            }));
            commands.push(Command::SelectStep(Some(index + 1)));
        }
        if ui.small_button("Duplicate").clicked() {
            commands.push(Command::Edit(Edit::DuplicateStep(index)));
            commands.push(Command::SelectStep(Some(index + 1)));
        }
        if ui
            .small_button("Delete")
            .on_hover_text("Remove this step")
            .clicked()
        {
            commands.push(Command::Edit(Edit::DeleteStep(index)));
        }
    });
}

/// The picker's choices, kept between frames.
#[derive(Clone, Debug, Default)]
struct Draft {
    region: Option<usize>,
    technique: Option<usize>,
}

fn add_step_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    let id = ui.scope_id().with("add_step_draft");
    let mut draft: Draft = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    // Follow the place picked on the map.
    if let Some(Hit::Region(r, _)) = state.selection
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
                    egui::ComboBox::from_id_salt("draft_region")
                        .selected_text(region_text)
                        .width(150.0)
                        .show_ui(ui, |ui| {
                            for (i, region) in catalog.regions.iter().enumerate() {
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
                    ui.end_row();
                    let fitting: Vec<usize> = draft.region.map_or_else(Vec::new, |r| {
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
                    egui::ComboBox::from_id_salt("draft_technique")
                        .selected_text(technique_text)
                        .width(180.0)
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
                    ui.end_row();
                    ui.label("");
                    let ready = draft.technique.is_some() && state.doc.read_only.is_none();
                    if ui
                        .add_enabled(ready, egui::Button::new("Add step"))
                        .clicked()
                        && let Some(technique) = draft.technique
                    {
                        commands.push(Command::AddTechnique {
                            technique,
                            region: draft.region,
                        });
                    }
                });
        });
    ui.data_mut(|d| d.insert_temp(id, draft));
}

/// The colour used to mark the routine's places and step numbers on the map.
pub fn routine_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xF2, 0xC1, 0x4E)
    } else {
        Color32::from_rgb(0x1F, 0x2A, 0x44)
    }
}
