//! The legends along the map's foot: the stride roles with the no-roll swatch, or the
//! tightness scale.

use eframe::egui::{self, Color32, CornerRadius, FontId, Pos2, Rect, Stroke, Vec2};
use std::sync::Arc;

use super::LEGEND_HEIGHT;
use crate::catalog::Stride;
use crate::ui::style::{MapPalette, stride_color};

/// The tightness scale along the map's foot: a title, eleven swatches from loose to very
/// tight, and the grey of a place not rated. On a narrow map the title shortens and the
/// swatches narrow, so that the whole scale stays inside the map. The right edge reached.
pub(super) fn paint_heat_legend(ui: &egui::Ui, rect: Rect, palette: &MapPalette) -> f32 {
    let painter = ui.painter();
    let font = FontId::proportional(13.0);
    let text_colour = ui.visuals().text_color();
    let layout = |text: &str| painter.layout_no_wrap(text.to_owned(), font.clone(), text_colour);
    let (loose, tight, unrated) = (layout("loose"), layout("very tight"), layout("not rated"));
    let room = rect.width() - 24.0;
    // Everything but the title and the swatches: the words at both ends of the scale and the
    // not-rated key, with their gaps.
    let fixed = loose.size().x + 8.0 + 8.0 + tight.size().x + 18.0 + 20.0 + unrated.size().x;
    let titles = ["Tightness, last two weeks: ", "Tightness: ", ""];
    let (title, step) = titles
        .iter()
        .map(|t| layout(t))
        .find_map(|title| {
            let step = ((room - fixed - title.size().x) / 11.0).min(16.0);
            (step >= 8.0).then_some((title, step))
        })
        .unwrap_or_else(|| (layout(""), 8.0));
    let y = rect.bottom() - LEGEND_HEIGHT / 2.0;
    let mut x = rect.left() + 12.0;
    let put = |x: f32, galley: Arc<egui::Galley>| {
        let w = galley.size().x;
        painter.galley(Pos2::new(x, y - galley.size().y / 2.0), galley, text_colour);
        x + w
    };
    x = put(x, title);
    x = put(x, loose) + 8.0;
    let swatch = (step - 2.0).min(14.0);
    for i in 0..=10 {
        let at = Rect::from_min_size(Pos2::new(x, y - 7.0), Vec2::new(swatch, 14.0));
        painter.rect_filled(
            at,
            CornerRadius::same(2),
            crate::ui::log::heat_colour(i as f32),
        );
        x += step;
    }
    x += 8.0;
    x = put(x, tight) + 18.0;
    let key = Rect::from_center_size(Pos2::new(x + 7.0, y), Vec2::splat(14.0));
    painter.rect_filled(
        key,
        CornerRadius::same(3),
        crate::ui::style::lerp(palette.body_fill, palette.body_stroke, 0.15),
    );
    put(x + 20.0, unrated)
}

pub(super) fn paint_legend(ui: &egui::Ui, rect: Rect, palette: &MapPalette) {
    let painter = ui.painter();
    let text_colour = ui.visuals().text_color();
    let mut items: Vec<(Color32, &str, Option<Color32>)> = Stride::ALL
        .iter()
        .map(|&stride| (stride_color(stride, palette.dark), stride.title(), None))
        .collect();
    items.push((palette.no_roll, "Do not roll", Some(palette.no_roll_hatch)));
    // The whole legend on one line, with smaller type and tighter gaps when the map is
    // narrow; on two lines when even that does not fit.
    let room = rect.width() - 24.0;
    let line_width = |line: &[(Color32, &str, Option<Color32>)], size: f32, gap: f32| -> f32 {
        let font = FontId::proportional(size);
        let width: f32 = line
            .iter()
            .map(|(_, label, _)| {
                20.0 + gap
                    + painter
                        .layout_no_wrap((*label).to_owned(), font.clone(), text_colour)
                        .size()
                        .x
            })
            .sum();
        width - gap
    };
    let one_line = [(13.0, 18.0), (12.0, 12.0), (11.0, 8.0)]
        .into_iter()
        .find(|&(size, gap)| line_width(&items, size, gap) <= room);
    let y = rect.bottom() - LEGEND_HEIGHT / 2.0;
    let ((size, gap), lines) = match one_line {
        Some(fit) => (fit, vec![(items.as_slice(), y)]),
        None => {
            let (first, second) = items.split_at(items.len().div_ceil(2));
            ((11.0, 10.0), vec![(first, y - 8.0), (second, y + 8.0)])
        }
    };
    let font = FontId::proportional(size);
    for (line, y) in lines {
        let mut x = rect.left() + 12.0;
        for &(colour, label, hatch) in line {
            let swatch = Rect::from_center_size(Pos2::new(x + 7.0, y), Vec2::splat(14.0));
            painter.rect_filled(swatch, CornerRadius::same(3), colour);
            if let Some(h) = hatch {
                painter.line_segment(
                    [swatch.left_bottom(), swatch.right_top()],
                    Stroke::new(1.2, h),
                );
            }
            let galley = painter.layout_no_wrap(label.to_owned(), font.clone(), text_colour);
            let width = galley.size().x;
            painter.galley(
                Pos2::new(x + 20.0, y - galley.size().y / 2.0),
                galley,
                text_colour,
            );
            x += 20.0 + width + gap;
        }
    }
}

#[cfg(test)]
mod tests {
    use eframe::egui::{self, Pos2, Rect, Vec2};

    use crate::ui::style::MapPalette;

    /// The whole scale, "not rated" included, stays inside the map on the narrow maps of
    /// small windows.
    #[test]
    fn the_tightness_scale_stays_inside_the_map() {
        let ctx = egui::Context::default();
        for width in [360.0, 420.0, 520.0, 700.0, 1200.0] {
            let mut end = 0.0;
            let rect = Rect::from_min_size(Pos2::new(50.0, 0.0), Vec2::new(width, 600.0));
            // No renderer takes the textures here.
            ctx.run_ui(egui::RawInput::default(), |ui| {
                end = super::paint_heat_legend(ui, rect, &MapPalette::new(false));
            })
            .textures_delta
            .clear();
            assert!(
                end <= rect.right() - 8.0,
                "at {width} px the scale ends at {end}, past the map's edge {}",
                rect.right()
            );
        }
    }
}
