//! The steps: a compact row each, the selected one opened up with its fields; drag to
//! reorder.

use crate::catalog::{Catalog, Dose};
use crate::routine::{Edit, Step, StepSide};
use crate::state::{AppState, Command};
use eframe::egui::{self, CornerRadius, Frame, Margin, RichText, Sense, Stroke};

use crate::state::RoutineCommand;
use crate::state::UiCommand;
use crate::ui::widgets::labelled_combo;
use crate::words;

pub(super) fn drag_handle(ui: &mut egui::Ui) -> egui::Response {
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

pub(super) fn steps_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
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
            commands.push(Command::Routine(RoutineCommand::Edit(Edit::MoveStep {
                from: *from,
                to: index,
            })));
            commands.push(Command::Routine(RoutineCommand::SelectStep(Some(index))));
        }
        if zone.response.clicked() {
            commands.push(Command::Routine(RoutineCommand::SelectStep(Some(index))));
        }
    }
}

/// One step: a compact summary, and the fields to edit it when it is the selected one.
pub(super) fn step_ui(
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
        .scope_builder(egui::UiBuilder::new().sense(Sense::CLICK), |ui| {
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
        commands.push(Command::Routine(RoutineCommand::SelectStep(Some(index))));
    }
}

pub(super) fn step_summary_ui(
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
            RichText::new(format!("{}. {}", index + 1, catalog.step_place_name(step))).strong();
        let title = if known {
            title
        } else {
            title.color(ui.visuals().error_fg_color)
        };
        // The dose first, from the right, so a long place name is cut short before it
        // rather than drawn over it.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(dose_text(step)).weak());
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                if ui
                    .add(egui::Label::new(title).sense(Sense::click()).truncate())
                    .clicked()
                {
                    commands.push(Command::Routine(RoutineCommand::SelectStep(Some(index))));
                }
            });
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
    // What the step's check says (unknown ids are already shown in place above).
    for concern in step.concerns(catalog).iter().filter(|c| !c.unknown) {
        let colour = match concern.severity {
            crate::routine::Severity::Error => ui.visuals().error_fg_color,
            crate::routine::Severity::Warning => ui.visuals().warn_fg_color,
        };
        ui.horizontal(|ui| {
            ui.add_space(18.0);
            ui.add(
                egui::Label::new(
                    RichText::new(format!("⚠ {}", concern.message))
                        .size(13.0)
                        .color(colour),
                )
                .wrap(),
            );
        });
    }
}

/// "60 s × 2", "8 passes", "2 min".
pub(super) fn dose_text(step: &Step) -> String {
    let each = words::dose(step.dose);
    if step.side == StepSide::Both {
        format!("{each} × 2")
    } else {
        each
    }
}

pub(super) fn step_fields_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: usize,
    step: &Step,
    commands: &mut Vec<Command>,
) {
    let set = |commands: &mut Vec<Command>, step: Step| {
        commands.push(Command::Routine(RoutineCommand::Edit(Edit::SetStep {
            index,
            step,
        })));
    };
    let region = catalog.region(&step.region);
    egui::Grid::new(("step_fields", index))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let mut side = step.side;
            let sides: &[StepSide] = match region {
                Some(r) if !r.sided => &[StepSide::Middle],
                _ => &[StepSide::Both, StepSide::Left, StepSide::Right],
            };
            labelled_combo(
                ui,
                "Side",
                ("side", index),
                120.0,
                &mut side,
                step.side.title(),
                sides.iter().map(|&s| (s, s.title().to_owned())),
            );
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
            crate::ui::widgets::say_value(ui, &drag, &format!("{amount}{unit}{per_side}"));
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
                        .char_limit(crate::routine::MAX_STEP_NOTE_CHARS)
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
pub(super) fn technique_row(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: usize,
    step: &Step,
    commands: &mut Vec<Command>,
) {
    let region = catalog.region(&step.region);
    let set = |commands: &mut Vec<Command>, step: Step| {
        commands.push(Command::Routine(RoutineCommand::Edit(Edit::SetStep {
            index,
            step,
        })));
    };
    // Techniques that work this region's muscles.
    let mut technique = step.technique.clone();
    let current = catalog.technique(&step.technique).map_or_else(
        || format!("Unknown technique “{}”", step.technique),
        |t| t.name.clone(),
    );
    let fitting: Vec<_> = match region {
        Some(r) => catalog.techniques_for_region(r).collect(),
        None => catalog.techniques.iter().collect(),
    };
    labelled_combo(
        ui,
        "Technique",
        ("technique", index),
        230.0,
        &mut technique,
        current,
        fitting.into_iter().map(|t| (t.id.clone(), t.name.clone())),
    );
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
pub(super) fn tool_row(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    index: usize,
    step: &Step,
    commands: &mut Vec<Command>,
) {
    let set = |commands: &mut Vec<Command>, step: Step| {
        commands.push(Command::Routine(RoutineCommand::Edit(Edit::SetStep {
            index,
            step,
        })));
    };
    // Tools the technique uses.
    let mut tool = step.tool.clone();
    let current = catalog.tool(&step.tool).map_or_else(
        || format!("Unknown tool “{}”", step.tool),
        |t| t.name.clone(),
    );
    let tools: Vec<_> = match catalog.technique(&step.technique) {
        Some(t) => t.tools.iter().filter_map(|id| catalog.tool(id)).collect(),
        None => catalog.tools.iter().collect(),
    };
    labelled_combo(
        ui,
        "Tool",
        ("tool", index),
        230.0,
        &mut tool,
        current,
        tools.into_iter().map(|t| (t.id.clone(), t.name.clone())),
    );
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

pub(super) fn step_actions_ui(
    ui: &mut egui::Ui,
    index: usize,
    count: usize,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("Move up").small())
            .on_hover_text(UiCommand::MoveStepUp.keys(ui.ctx()))
            .clicked()
        {
            commands.push(Command::Routine(RoutineCommand::Edit(Edit::MoveStep {
                from: index,
                to: index - 1,
            })));
            commands.push(Command::Routine(RoutineCommand::SelectStep(Some(
                index - 1,
            ))));
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new("Move down").small())
            .on_hover_text(UiCommand::MoveStepDown.keys(ui.ctx()))
            .clicked()
        {
            commands.push(Command::Routine(RoutineCommand::Edit(Edit::MoveStep {
                from: index,
                to: index + 1,
            })));
            commands.push(Command::Routine(RoutineCommand::SelectStep(Some(
                index + 1,
            ))));
        }
        if ui.small_button("Duplicate").clicked() {
            commands.push(Command::Routine(RoutineCommand::Edit(Edit::DuplicateStep(
                index,
            ))));
            commands.push(Command::Routine(RoutineCommand::SelectStep(Some(
                index + 1,
            ))));
        }
        if ui
            .small_button("Delete")
            .on_hover_text("Remove this step")
            .clicked()
        {
            commands.push(Command::Routine(RoutineCommand::Edit(Edit::DeleteStep(
                index,
            ))));
        }
    });
}
