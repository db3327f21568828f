//! The side panel: everything about the selected place, muscle, technique or tool, with links
//! between them; the search matches; and a welcome with a way in when nothing is selected.

use eframe::egui::{self, Color32, CornerRadius, Frame, Margin, RichText, Stroke};

use super::body_map::region_stride;
use super::style::{severity_color, stride_color};
use crate::app::{AppState, Command};
use crate::catalog::{Catalog, Caution, Dossier, Hit, Muscle, Side, Stride, Technique, Tool};
use crate::routine::StepSide;

pub fn region_panel_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    // A new subject opens at its top, not at the last one's scroll position.
    let shown_id = egui::Id::unique("region_panel_subject");
    let before = ui.data(|d| d.get_temp::<Option<Hit>>(shown_id));
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
    if before != Some(state.selection) {
        scroll = scroll.vertical_scroll_offset(0.0);
        ui.data_mut(|d| d.insert_temp(shown_id, state.selection));
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
            None => welcome_ui(ui, catalog, commands),
        }
        ui.add_space(12.0);
    });
}

/// A short name for a hit with what kind of thing it is.
pub fn hit_label(catalog: &Catalog, hit: Hit) -> (String, &'static str) {
    match hit {
        Hit::Region(i, side) => (catalog.regions[i].display_name(side), "place"),
        Hit::Muscle(i) => (catalog.muscles[i].name.clone(), "muscle"),
        Hit::Technique(i) => (catalog.techniques[i].name.clone(), "technique"),
        Hit::Tool(i) => (catalog.tools[i].name.clone(), "tool"),
        Hit::Basic(i) => (catalog.basics[i].title.clone(), "the basics"),
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
                        commands.push(Command::SetQuery(suggestion.clone()));
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
            commands.push(Command::Select(Some(hit)));
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

fn dossier_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    hit: Hit,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    let owned = state.settings.owned_tools.as_ref();
    let d = Dossier::new(catalog, hit);
    let (title, kind) = hit_label(catalog, hit);
    ui.horizontal(|ui| {
        let heading =
            super::widgets::heading(ui, RichText::new(&title).strong().heading(), 1, true)
                .on_hover_text("Escape goes back to the map");
        if state.focus_panel_title {
            heading.request_focus();
            commands.push(Command::PanelTitleFocused);
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
            && let Hit::Region(i, side) = hit
        {
            commands.push(Command::FocusPlace(Some(crate::body::Place {
                region: i,
                side,
            })));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Clear")
                .on_hover_text("Clear the selection")
                .clicked()
            {
                commands.push(Command::Select(None));
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(kind).weak());
        match hit {
            Hit::Region(i, _) => {
                let region = &catalog.regions[i];
                ui.label(RichText::new(format!("· {} view", region.view.label())).weak());
                if let Some(stride) = region_stride(catalog, i) {
                    stride_chip(ui, stride);
                }
            }
            Hit::Muscle(i) => stride_chip(ui, catalog.muscles[i].stride),
            _ => {}
        }
    });
    ui.add_space(4.0);
    match hit {
        Hit::Region(i, side) => {
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
                    Some(Side::Left) => vec![StepSide::Left],
                    Some(Side::Right) => vec![StepSide::Right],
                    None if region.sided => vec![StepSide::Left, StepSide::Right],
                    None => vec![StepSide::Middle],
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
    }

    if !matches!(hit, Hit::Region(..)) && !d.regions.is_empty() {
        section(ui, "Where on the map");
        ui.horizontal_wrapped(|ui| {
            for region in &d.regions {
                if let Some(i) = catalog.region_index(&region.id)
                    && link(ui, &region.name).clicked()
                {
                    commands.push(Command::Select(Some(Hit::Region(i, None))));
                }
            }
        });
    }
    dossier_sections_ui(ui, catalog, &d, owned, commands);
    if let Hit::Basic(i) = hit {
        basics_ui(ui, catalog, Some(i), commands);
    }
}

/// The muscles, techniques, tools and cautions of a dossier.
fn dossier_sections_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    d: &Dossier<'_>,
    owned: Option<&std::collections::BTreeSet<crate::catalog::ToolId>>,
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
            Hit::Region(i, _) => Some(i),
            _ => None,
        };
        for t in &d.techniques {
            technique_ui(
                ui,
                catalog,
                t,
                matches!(hit, Hit::Technique(_)),
                region,
                owned,
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

/// Why a zone is not for rolling, and links to the places beside it to work instead (on the
/// zone's own side where both have sides).
fn no_roll_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    region: &crate::catalog::Region,
    why: &str,
    side: Option<Side>,
    commands: &mut Vec<Command>,
) {
    let instead = &region.instead;
    let (red, title) = if region.not_covered {
        (ui.visuals().weak_text_color(), "Not covered by knotmap")
    } else {
        (
            severity_color(crate::catalog::Severity::Danger, ui.visuals().dark_mode),
            "Do not roll here",
        )
    };
    ui.add_space(6.0);
    Frame::new()
        .fill(red.gamma_multiply(0.12))
        .stroke(Stroke::new(1.5, red))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong().color(red));
            ui.label(why);
            if instead.is_empty() {
                return;
            }
            ui.add_space(4.0);
            ui.label(RichText::new("Work these instead").strong());
            ui.horizontal_wrapped(|ui| {
                for id in instead {
                    let Some(i) = catalog.region_index(id) else {
                        continue;
                    };
                    let target = &catalog.regions[i];
                    let side = side.filter(|_| target.sided);
                    if link(ui, target.display_name(side)).clicked() {
                        commands.push(Command::Select(Some(Hit::Region(i, side))));
                    }
                }
            });
        });
}

fn muscle_row_ui(ui: &mut egui::Ui, catalog: &Catalog, m: &Muscle, commands: &mut Vec<Command>) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter().circle_filled(
            dot.center(),
            5.0,
            stride_color(m.stride, ui.visuals().dark_mode),
        );
        if link(ui, RichText::new(&m.name).strong())
            .on_hover_text("Show this muscle on the map")
            .clicked()
            && let Some(i) = catalog.muscle_index(&m.id)
        {
            commands.push(Command::Select(Some(Hit::Muscle(i))));
        }
        if !m.aliases.is_empty() {
            ui.label(RichText::new(m.aliases.join(", ")).weak().size(12.5));
        }
    });
    ui.indent(("muscle", m.id.as_str()), |ui| {
        ui.label(&m.why);
    });
}

fn tool_links(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    ids: &[crate::catalog::ToolId],
    commands: &mut Vec<Command>,
) {
    for (n, id) in ids.iter().enumerate() {
        let (Some(tool), Some(i)) = (catalog.tool(id), catalog.tool_index(id)) else {
            continue;
        };
        if link(ui, &tool.name).clicked() {
            commands.push(Command::Select(Some(Hit::Tool(i))));
        }
        if n + 1 < ids.len() {
            ui.label("·");
        }
    }
}

/// When the runner lacks the technique's best tool: what to use from what they own.
fn missing_tool_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    t: &Technique,
    owned: Option<&std::collections::BTreeSet<crate::catalog::ToolId>>,
) {
    let (Some(owned), Some(best)) = (owned, t.tools.first()) else {
        return;
    };
    if owned.contains(best) {
        return;
    }
    let best_name = catalog
        .tool(best)
        .map_or(best.as_str(), |b| b.name.as_str());
    let warn = ui.visuals().warn_fg_color;
    let text = match crate::routine::adapt::owned_alternative(catalog, Some(t), best, owned) {
        Some(alt) => format!(
            "You have no {}: use your {} instead.",
            best_name.to_lowercase(),
            catalog
                .tool(&alt)
                .map_or(alt.as_str(), |a| a.name.as_str())
                .to_lowercase()
        ),
        None => format!(
            "None of your tools fits this; it is best with a {}.",
            best_name.to_lowercase()
        ),
    };
    ui.label(RichText::new(text).color(warn));
}

fn technique_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    t: &Technique,
    only: bool,
    region: Option<usize>,
    owned: Option<&std::collections::BTreeSet<crate::catalog::ToolId>>,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    Frame::group(ui.style())
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                if only {
                    ui.label(RichText::new(&t.name).strong().size(16.0));
                } else if link(ui, RichText::new(&t.name).strong().size(16.0)).clicked()
                    && let Some(i) = catalog.technique_index(&t.id)
                {
                    commands.push(Command::Select(Some(Hit::Technique(i))));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(t.dose_text()).strong());
                });
            });
            ui.label(RichText::new(&t.summary).italics());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("With").weak());
                tool_links(ui, catalog, &t.tools, commands);
            });
            missing_tool_ui(ui, catalog, t, owned);
            ui.add_space(2.0);
            for (n, step) in t.steps.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("{}.", n + 1)).strong());
                    ui.label(step);
                });
            }
            if !t.cues.is_empty() {
                ui.add_space(2.0);
                for cue in &t.cues {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(cue.kind.title()).strong().size(13.0));
                        ui.label(RichText::new(&cue.text).size(13.5));
                    });
                }
            }
            ui.add_space(4.0);
            if ui
                .button("Add to routine")
                .on_hover_text(format!("Add “{}” as a step of the routine", t.name))
                .clicked()
                && let Some(technique) = catalog.technique_index(&t.id)
            {
                commands.push(Command::AddTechnique { technique, region });
            }
        });
}

fn tool_about_ui(ui: &mut egui::Ui, catalog: &Catalog, tool: &Tool, commands: &mut Vec<Command>) {
    if !tool.aliases.is_empty() {
        ui.label(
            RichText::new(format!("Also called {}", tool.aliases.join(", ")))
                .weak()
                .italics(),
        );
    }
    ui.label(&tool.about);
    stand_ins_ui(ui, catalog, tool, commands);
}

fn stand_ins_ui(ui: &mut egui::Ui, catalog: &Catalog, tool: &Tool, commands: &mut Vec<Command>) {
    if !tool.stand_ins.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Stand-ins").strong());
            tool_links(ui, catalog, &tool.stand_ins, commands);
        });
    }
    ui.label(RichText::new(&tool.stand_in_note).size(13.5));
    if let Some(how) = &tool.home_made {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Make it").strong());
            ui.label(how);
        });
    }
}

fn tool_row_ui(ui: &mut egui::Ui, catalog: &Catalog, tool: &Tool, commands: &mut Vec<Command>) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if link(ui, RichText::new(&tool.name).strong())
            .on_hover_text("Everything this tool is good for")
            .clicked()
            && let Some(i) = catalog.tool_index(&tool.id)
        {
            commands.push(Command::Select(Some(Hit::Tool(i))));
        }
        if tool.home_made.is_some() {
            chip(ui, "home-made", ui.visuals().weak_text_color());
        }
    });
    ui.indent(("tool", tool.id.as_str()), |ui| {
        ui.label(&tool.about);
        stand_ins_ui(ui, catalog, tool, commands);
    });
}

fn caution_ui(ui: &mut egui::Ui, c: &Caution) {
    let colour = severity_color(c.severity, ui.visuals().dark_mode);
    ui.add_space(4.0);
    Frame::new()
        .fill(colour.gamma_multiply(0.10))
        .stroke(Stroke::new(1.0, colour.gamma_multiply(0.7)))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(9))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(c.severity.title()).strong().color(colour));
                ui.label(RichText::new(&c.title).strong());
            });
            ui.label(&c.text);
        });
}

fn welcome_ui(ui: &mut egui::Ui, catalog: &Catalog, commands: &mut Vec<Command>) {
    super::widgets::heading(
        ui,
        RichText::new("Where is it tight?").strong().heading(),
        1,
        false,
    );
    ui.add_space(4.0);
    ui.label(
        "Click the place on the body map. You will see which muscles live there, how to work \
         them and with what, how long to stay, and what to stay away from.",
    );
    ui.label(
        RichText::new(
            "Tab and the arrow keys move between places; Enter opens one. Ctrl+F searches.",
        )
        .weak(),
    );
    for stride in Stride::ALL {
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            stride_chip(ui, stride);
            ui.label(RichText::new(stride.explain()).weak());
        });
        ui.horizontal_wrapped(|ui| {
            for (i, region) in catalog.regions.iter().enumerate() {
                if region_stride(catalog, i) == Some(stride) && ui.button(&region.name).clicked() {
                    commands.push(Command::Select(Some(Hit::Region(i, None))));
                }
            }
        });
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        chip(
            ui,
            "Do not roll",
            severity_color(crate::catalog::Severity::Danger, ui.visuals().dark_mode),
        );
        ui.label(RichText::new("places to keep the roller away from").weak());
    });
    ui.horizontal_wrapped(|ui| {
        for (i, region) in catalog.regions.iter().enumerate() {
            if region.warns() && ui.button(&region.name).clicked() {
                commands.push(Command::Select(Some(Hit::Region(i, None))));
            }
        }
    });
    basics_ui(ui, catalog, None, commands);
}

/// The background entries as links; `current` is the one on show, left out of the list.
fn basics_ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    current: Option<usize>,
    commands: &mut Vec<Command>,
) {
    section(
        ui,
        if current.is_some() {
            "More of the basics"
        } else {
            "Why roll at all?"
        },
    );
    for (i, basic) in catalog.basics.iter().enumerate() {
        if Some(i) != current && link(ui, &basic.title).clicked() {
            commands.push(Command::Select(Some(Hit::Basic(i))));
        }
    }
}
