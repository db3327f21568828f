//! Colours and text styles shared by the panels, for light and dark themes.

use eframe::egui::{self, Color32, FontId, TextStyle};

use crate::catalog::{Severity, Stride};

/// The font family of bold text (headings).
pub fn bold() -> egui::FontFamily {
    egui::FontFamily::Name("bold".into())
}

/// The system's faces for characters neither Inter nor egui's own fonts have, chosen by the
/// rule the printed sheet follows (Noto first), each read when a character first needs it.
struct SystemFonts;

impl egui::FontProvider for SystemFonts {
    fn font_for(&self, request: &egui::FallbackRequest<'_>) -> Option<egui::FontInsert> {
        use crate::draw::Weight;
        use crate::sheet::fonts::system;
        let c = request.cluster.chars().next()?;
        let weight = if *request.family == bold() {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let face = system::face_for(c, weight)?;
        Some(egui::FontInsert {
            name: format!("system:{}:{}", face.family, face.id),
            data: egui::FontData::from_blob(std::sync::Arc::new(face.data), face.index),
            families: vec![egui::InsertFontFamily {
                family: request.family.clone(),
                priority: egui::FontPriority::Lowest,
            }],
        })
    }
}

/// Inter for all text, as on the session sheet, with egui's own fonts as fallbacks and after
/// them the system's; sizes a little larger than egui's defaults, since the app is read at
/// arm's length.
pub fn install(ctx: &egui::Context) {
    use std::sync::Arc;

    use egui::{FontData, FontDefinitions, FontFamily};
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "Inter".to_owned(),
        Arc::new(FontData::from_static(crate::sheet::fonts::REGULAR)),
    );
    fonts.font_data.insert(
        "Inter Bold".to_owned(),
        Arc::new(FontData::from_static(crate::sheet::fonts::BOLD)),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut proportional = vec!["Inter".to_owned()];
    proportional.extend(fallbacks.iter().cloned());
    let mut bold_family = vec!["Inter Bold".to_owned()];
    bold_family.extend(fallbacks);
    fonts
        .families
        .insert(FontFamily::Proportional, proportional);
    fonts.families.insert(bold(), bold_family);
    ctx.set_fonts(fonts);
    ctx.set_font_providers(vec![std::sync::Arc::new(SystemFonts)]);
    ctx.all_styles_mut(|style| {
        let text = &mut style.text_styles;
        text.insert(TextStyle::Body, FontId::proportional(14.5));
        text.insert(TextStyle::Button, FontId::proportional(14.5));
        text.insert(TextStyle::Small, FontId::proportional(12.0));
        text.insert(TextStyle::Heading, FontId::new(22.0, bold()));
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 24.0;
    });
}

/// The colour of a stride function: the map's regions and the panel's chips use it.
pub fn stride_color(stride: Stride, dark: bool) -> Color32 {
    match (stride, dark) {
        (Stride::HipFlexion, false) => Color32::from_rgb(0xE0, 0x7A, 0x2F),
        (Stride::HipFlexion, true) => Color32::from_rgb(0xF0, 0x93, 0x4A),
        (Stride::PushOff, false) => Color32::from_rgb(0x2F, 0x7F, 0xB8),
        (Stride::PushOff, true) => Color32::from_rgb(0x52, 0x9E, 0xD6),
        (Stride::Breathing, false) => Color32::from_rgb(0x8E, 0x5C, 0xC2),
        (Stride::Breathing, true) => Color32::from_rgb(0xAE, 0x85, 0xDE),
        (Stride::Stability, false) => Color32::from_rgb(0x3E, 0x9A, 0x5C),
        (Stride::Stability, true) => Color32::from_rgb(0x5C, 0xBA, 0x78),
        (Stride::UpperBody, false) => Color32::from_rgb(0xB5, 0x48, 0x7A),
        (Stride::UpperBody, true) => Color32::from_rgb(0xD4, 0x6A, 0x98),
    }
}

pub fn severity_color(severity: Severity, dark: bool) -> Color32 {
    match (severity, dark) {
        (Severity::Danger, false) => Color32::from_rgb(0xC0, 0x32, 0x32),
        (Severity::Danger, true) => Color32::from_rgb(0xF0, 0x6A, 0x6A),
        (Severity::Caution, false) => Color32::from_rgb(0xB0, 0x6A, 0x00),
        (Severity::Caution, true) => Color32::from_rgb(0xF0, 0xB0, 0x40),
        (Severity::Info, false) => Color32::from_rgb(0x3A, 0x6E, 0xA5),
        (Severity::Info, true) => Color32::from_rgb(0x7A, 0xAE, 0xE0),
    }
}

/// Colours of the body map.
#[derive(Clone, Copy, Debug)]
pub struct MapPalette {
    pub dark: bool,
    pub background: Color32,
    pub body_fill: Color32,
    pub body_stroke: Color32,
    pub detail: Color32,
    pub region_stroke: Color32,
    pub selected_stroke: Color32,
    /// A place never to roll: a muted grey under a grey hatch, quiet beside the places to
    /// work and never mistaken for a colour of the tightness scale.
    pub no_roll: Color32,
    pub no_roll_hatch: Color32,
    pub caption: Color32,
}

impl MapPalette {
    pub fn new(dark: bool) -> MapPalette {
        if dark {
            MapPalette {
                dark,
                background: Color32::from_rgb(0x1E, 0x21, 0x26),
                body_fill: Color32::from_rgb(0x3B, 0x40, 0x48),
                body_stroke: Color32::from_rgb(0x8A, 0x90, 0x9A),
                detail: Color32::from_rgba_unmultiplied(0xC8, 0xCC, 0xD4, 0x50),
                region_stroke: Color32::from_rgba_unmultiplied(0x10, 0x12, 0x16, 0xC0),
                selected_stroke: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                no_roll: Color32::from_rgb(0x4E, 0x51, 0x57),
                no_roll_hatch: Color32::from_rgb(0x9C, 0xA1, 0xA9),
                caption: Color32::from_rgb(0xB8, 0xBE, 0xC8),
            }
        } else {
            MapPalette {
                dark,
                background: Color32::from_rgb(0xF6, 0xF4, 0xF1),
                body_fill: Color32::from_rgb(0xEC, 0xE3, 0xDA),
                body_stroke: Color32::from_rgb(0x8C, 0x7B, 0x6E),
                detail: Color32::from_rgba_unmultiplied(0x6B, 0x5A, 0x4E, 0x70),
                region_stroke: Color32::from_rgba_unmultiplied(0x3A, 0x30, 0x2A, 0xB0),
                selected_stroke: Color32::from_rgb(0x1A, 0x1A, 0x1A),
                no_roll: Color32::from_rgb(0xD8, 0xD6, 0xD3),
                no_roll_hatch: Color32::from_rgb(0x86, 0x82, 0x7E),
                caption: Color32::from_rgb(0x6B, 0x60, 0x58),
            }
        }
    }

    /// A region's fill: its stride colour, faint at rest and strong when lit.
    pub fn region_fill(&self, stride: Stride, look: Look) -> Color32 {
        let base = stride_color(stride, self.dark);
        let strength = match look {
            Look::Rest => 0.42,
            Look::InRoutine => 0.6,
            Look::Hovered => 0.68,
            Look::Lit => 0.85,
            Look::Selected => 1.0,
        };
        lerp(self.body_fill, base, strength)
    }

    pub fn no_roll_fill(&self, look: Look) -> Color32 {
        match look {
            Look::Rest => self.no_roll,
            _ => lerp(self.no_roll, self.no_roll_hatch, 0.35),
        }
    }
}

/// How strongly a region is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Look {
    Rest,
    /// Worked by a step of the open routine.
    InRoutine,
    Hovered,
    Lit,
    Selected,
}

/// Mixes two opaque colours.
pub fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use eframe::egui;

    /// A place never to roll is grey in both themes, and far from every colour of the
    /// tightness scale, so "never roll" cannot be read as "very tight".
    #[test]
    fn no_roll_zones_are_quiet_and_never_a_tightness() {
        for dark in [false, true] {
            let palette = super::MapPalette::new(dark);
            for colour in [palette.no_roll, palette.no_roll_hatch] {
                let [r, g, b, _] = colour.to_array();
                let spread = r.max(g).max(b) - r.min(g).min(b);
                assert!(spread <= 0x10, "{colour:?} is not a grey (dark: {dark})");
                for t in 0..=crate::tightness::MAX_TIGHTNESS {
                    let (hr, hg, hb) = crate::tightness::heat_rgb(f32::from(t));
                    let distance = (f32::from(r) - f32::from(hr)).powi(2)
                        + (f32::from(g) - f32::from(hg)).powi(2)
                        + (f32::from(b) - f32::from(hb)).powi(2);
                    assert!(
                        distance.sqrt() > 60.0,
                        "{colour:?} is close to tightness {t} (dark: {dark})"
                    );
                }
            }
        }
    }

    use crate::draw::Weight;
    use crate::sheet::fonts::Fonts;

    #[test]
    fn the_window_draws_every_script_the_sheet_draws() {
        let ctx = egui::Context::default();
        super::install(&ctx);
        let fonts = Fonts::get().expect("fonts");
        for c in ['ت', 'ע', '小', 'ふ', 'प', 'น'] {
            let mut window_draws = false;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                window_draws = ui.fonts_mut(|f| f.has_glyph(&egui::FontId::proportional(14.0), c));
            });
            output.textures_delta.clear();
            let sheet_draws = fonts.face_of(c, Weight::Regular).is_some();
            assert!(
                window_draws || !sheet_draws,
                "the window has no face for {c}"
            );
        }
    }
}
