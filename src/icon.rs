//! knotmap's icon, drawn from the body map itself with the sheet's renderer: the front
//! figure on a rounded tile, the thigh worked in the stride's colours, and a knot marked on
//! it. One drawing at every size the desktop asks for.

use crate::body::Body;
use crate::catalog::{Catalog, Side, View};
use crate::draw::{Frame, Item, Rgb};
use crate::sheet::{SheetError, items_to_png};

/// The sizes of the hicolor icon theme that knotmap ships, in pixels.
pub const SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

/// The drawing's own canvas, in points; it is scaled to each size.
const CANVAS: f32 = 512.0;

const TILE: Rgb = Rgb(0x1D, 0x5C, 0x63);
const FIGURE: Rgb = Rgb(0xF7, 0xF1, 0xE8);
const OUTLINE: Rgb = Rgb(0x12, 0x3E, 0x43);
const MUSCLE: Rgb = Rgb(0xF2, 0xB2, 0x7E);
const KNOT: Rgb = Rgb(0xE0, 0x4F, 0x3A);

/// The places of the front figure shown worked, and the one the knot sits on.
const WORKED: [&str; 6] = [
    "rectus_femoris",
    "outer_quad",
    "inner_quad",
    "adductors",
    "it_band",
    "tfl",
];
const KNOT_ON: &str = "outer_quad";

/// The icon's items on a [`CANVAS`]-point square. Small sizes leave out the muscles, which
/// would only blur at a few pixels.
pub fn icon_items(catalog: &Catalog, body: &Body, pixels: u32) -> Vec<Item> {
    let detailed = pixels >= 48;
    let margin = CANVAS * 0.06;
    let tile = Frame::new(margin, margin, CANVAS - 2.0 * margin, CANVAS - 2.0 * margin);
    let mut items = vec![Item::Rect {
        frame: tile,
        fill: Some(TILE),
        stroke: None,
        radius: CANVAS * 0.2,
    }];
    // The figure fills most of the tile's height, centred.
    let figure_h = tile.h * 0.9;
    let scale = figure_h / body.height as f32;
    let ox = CANVAS / 2.0 - body.width as f32 * scale / 2.0;
    let oy = tile.y + (tile.h - figure_h) / 2.0;
    let map = |p: &kurbo::Point| (ox + p.x as f32 * scale, oy + p.y as f32 * scale);
    let shape = body.view(View::Front);
    let outline_width = if detailed { 5.0 } else { 0.0 };
    items.push(Item::Polygon {
        points: shape.silhouette.iter().map(map).collect(),
        fill: Some(FIGURE),
        stroke: detailed.then_some((OUTLINE, outline_width)),
    });
    let mut knot = None;
    for place in &shape.places {
        let id = catalog.regions[place.place.region].id.as_str();
        if detailed && WORKED.contains(&id) && place.place.side == Some(Side::Left) {
            items.push(Item::Polygon {
                points: place.outline.iter().map(map).collect(),
                fill: Some(MUSCLE),
                stroke: Some((OUTLINE, 2.5)),
            });
        }
        if id == KNOT_ON && place.place.side == Some(Side::Left) {
            knot = Some(map(&place.anchor));
        }
    }
    if let Some(centre) = knot {
        // A halo at small sizes keeps the knot apart from the figure.
        let (radius, halo) = if detailed { (15.0, 6.0) } else { (40.0, 10.0) };
        items.push(Item::Circle {
            centre,
            radius: radius + halo,
            fill: FIGURE,
        });
        items.push(Item::Circle {
            centre,
            radius,
            fill: KNOT,
        });
    }
    items
}

/// The icon as a PNG of `pixels` × `pixels`.
pub fn icon_png(catalog: &Catalog, body: &Body, pixels: u32) -> Result<Vec<u8>, SheetError> {
    items_to_png(&icon_items(catalog, body, pixels), CANVAS, CANVAS, pixels)
}

/// Where each size goes in the hicolor theme, under `assets/desktop/icons`.
pub fn theme_path(pixels: u32) -> String {
    format!("hicolor/{pixels}x{pixels}/apps/{}.png", crate::APP_ID)
}
