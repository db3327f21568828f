//! The print preview: the session sheet's pages as they will print, the paper size, and the
//! ways out (save PDF, save PNG, print).

use eframe::egui::{self, RichText};

use crate::body::Figure;
use crate::routine::Routine;
use crate::sheet::SheetFormat;
use crate::sheet::{Paper, Sheet, SheetError, page_pixels};
use crate::state::{AppState, Command, SheetCommand, UiCommand};

/// Resolution of the preview images.
const PREVIEW_DPI: f32 = 110.0;

/// Page images, remade only when the routine or the paper changes.
#[derive(Default)]
pub struct PreviewCache {
    key: Option<(Routine, Paper, bool, Figure)>,
    pages: Vec<egui::TextureHandle>,
    error: Option<String>,
}

impl PreviewCache {
    fn refresh(
        &mut self,
        ctx: &egui::Context,
        sheet: &Result<Sheet, SheetError>,
        state: &AppState,
    ) {
        let key = (
            state.doc.routine.clone(),
            state.settings.paper,
            state.settings.sheet_details,
            state.settings.figure,
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.pages.clear();
        self.error = None;
        match sheet {
            Err(e) => self.error = Some(e.to_string()),
            Ok(sheet) => {
                for n in 0..sheet.pages.len() {
                    match page_pixels(sheet, n, PREVIEW_DPI) {
                        Ok((w, h, pixels)) => {
                            let image = egui::ColorImage::from_rgba_premultiplied(
                                [w as usize, h as usize],
                                &pixels,
                            );
                            self.pages.push(ctx.load_texture(
                                format!("sheet page {}", n + 1),
                                image,
                                egui::TextureOptions::LINEAR,
                            ));
                        }
                        Err(e) => self.error = Some(e.to_string()),
                    }
                }
            }
        }
        self.key = Some(key);
    }
}

pub fn preview_ui(
    ctx: &egui::Context,
    sheet: &Result<Sheet, SheetError>,
    state: &AppState,
    cache: &mut PreviewCache,
    commands: &mut Vec<Command>,
) {
    cache.refresh(ctx, sheet, state);
    let mut open = true;
    egui::Window::new("Print preview")
        .open(&mut open)
        .default_size([640.0, 820.0])
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                let mut paper = state.settings.paper;
                let choices = [Paper::A4, Paper::Letter].map(|p| (p, p.title().to_owned()));
                let shown = state.settings.paper.title();
                super::widgets::labelled_combo(
                    ui,
                    "Paper",
                    "sheet_paper",
                    ui.spacing().combo_width,
                    &mut paper,
                    shown,
                    choices,
                );
                if paper != state.settings.paper {
                    commands.push(Command::Sheet(SheetCommand::SetPaper(paper)));
                }
                let mut details = state.settings.sheet_details;
                if ui
                    .checkbox(&mut details, "Cautions in full")
                    .on_hover_text("Adds every caution's full text on a page after the steps")
                    .changed()
                {
                    commands.push(Command::Sheet(SheetCommand::SetDetails(details)));
                }
                ui.separator();
                if ui.button("Save PDF…").clicked() {
                    commands.push(Command::Sheet(SheetCommand::Save(SheetFormat::Pdf)));
                }
                if ui.button("Save PNG…").clicked() {
                    commands.push(Command::Sheet(SheetCommand::Save(SheetFormat::Png)));
                }
                if ui
                    .button(UiCommand::Print.label())
                    .on_hover_text(UiCommand::Print.keys(ui.ctx()))
                    .clicked()
                {
                    commands.push(Command::Sheet(SheetCommand::Print));
                }
                let pages = cache.pages.len();
                ui.label(
                    RichText::new(format!("{pages} page{}", if pages == 1 { "" } else { "s" }))
                        .weak(),
                );
            });
            ui.separator();
            if let Some(error) = &cache.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (n, texture) in cache.pages.iter().enumerate() {
                        let size = texture.size_vec2();
                        let width = ui.available_width().min(size.x);
                        let scaled = egui::vec2(width, size.y * width / size.x);
                        ui.add(
                            egui::Image::new((texture.id(), scaled))
                                .alt_text(format!("Page {} of the session sheet", n + 1)),
                        );
                        ui.add_space(10.0);
                    }
                });
        });
    super::widgets::name_title_bar(ctx, "Print preview");
    if !open {
        commands.push(Command::Sheet(SheetCommand::ShowPreview(false)));
    }
}
