//! A technique's picture in the window: the renderer's items drawn once into a texture at
//! the screen's own pixels (the sheet's PNG back end does the drawing), then shown as one
//! image each frame until the size, the figure, the theme or the screen's scale changes.

use eframe::egui::emath::GuiRounding as _;
use eframe::egui::{self, Color32, Rect, Sense, Vec2};

use crate::body::Figure;
use crate::catalog::Technique;
use crate::draw::Frame;
use crate::picture::{Palette, Picture, Pictures, picture_items};
use crate::sheet::items_to_pixels;

/// What a texture was drawn for; another of these draws it again.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drawn {
    figure: Figure,
    size: Vec2,
    dark: bool,
    pixels_per_point: f32,
}

/// The picture at the screen's pixels.
fn texture(
    ctx: &egui::Context,
    name: &str,
    picture: &Picture,
    drawn: Drawn,
) -> Option<egui::TextureHandle> {
    let palette = if drawn.dark {
        Palette::DARK
    } else {
        Palette::LIGHT
    };
    let items = picture_items(
        picture,
        drawn.figure,
        Frame::new(0.0, 0.0, drawn.size.x, drawn.size.y),
        &palette,
    );
    let (w, h, pixels) =
        items_to_pixels(&items, drawn.size.x, drawn.size.y, drawn.pixels_per_point).ok()?;
    let image = egui::ColorImage::from_rgba_premultiplied([w as usize, h as usize], &pixels);
    Some(ctx.load_texture(name, image, egui::TextureOptions::LINEAR))
}

/// Draws a technique's picture `size` points large, named for screen readers; nothing for a
/// technique without one. Each place that shows pictures keeps its own texture.
pub fn picture_ui(
    ui: &mut egui::Ui,
    technique: &Technique,
    figure: Figure,
    size: Vec2,
) -> Option<egui::Response> {
    let picture = Pictures::builtin().ok()?.get(&technique.id)?;
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if ui.is_rect_visible(rect) {
        let drawn = Drawn {
            figure,
            size,
            dark: ui.visuals().dark_mode,
            pixels_per_point: ui.ctx().pixels_per_point(),
        };
        let key = ui
            .scope_id()
            .with(("technique picture", technique.id.as_str()));
        let cached: Option<(Drawn, egui::TextureHandle)> = ui.data(|d| d.get_temp(key));
        let handle = match cached {
            Some((was, handle)) if was == drawn => Some(handle),
            _ => {
                let made = texture(ui.ctx(), technique.id.as_str(), picture, drawn);
                if let Some(handle) = &made {
                    ui.data_mut(|d| d.insert_temp(key, (drawn, handle.clone())));
                }
                made
            }
        };
        if let Some(handle) = handle {
            let uv = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
            let at = rect.round_to_pixels(drawn.pixels_per_point);
            ui.painter().image(handle.id(), at, uv, Color32::WHITE);
        }
    }
    let name = format!("Picture of the position: {}", technique.name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
    Some(response)
}
