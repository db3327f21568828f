//! Every picture on one page, each with its technique's name, for checking them all at a
//! glance (docs/positions.png).

use super::{Fonts, SheetError, items_to_png};
use crate::body::Figure;
use crate::catalog::Catalog;
use crate::draw::{Align, Frame, Item, Rgb, TextBox, Weight};
use crate::picture::{Palette, Pictures, picture_items};

const COLUMNS: usize = 5;
const CELL: (f32, f32) = (220.0, 170.0);
const LABEL: f32 = 22.0;
const INK: Rgb = Rgb(0x22, 0x22, 0x22);
const RULE: Rgb = Rgb(0xDD, 0xDD, 0xDD);

/// The gallery as items on a canvas of the returned width and height, in points.
pub fn gallery_items(
    catalog: &Catalog,
    pictures: &Pictures,
    figure: Figure,
) -> Result<(Vec<Item>, f32, f32), SheetError> {
    let fonts = Fonts::get().ok_or(SheetError::Fonts)?;
    let rows = catalog.techniques.len().div_ceil(COLUMNS);
    let (w, h) = (CELL.0 * COLUMNS as f32, (CELL.1 + LABEL) * rows as f32);
    let mut items = vec![Item::Rect {
        frame: Frame::new(0.0, 0.0, w, h),
        fill: Some(Rgb(0xFF, 0xFF, 0xFF)),
        stroke: None,
        radius: 0.0,
    }];
    for (i, technique) in catalog.techniques.iter().enumerate() {
        let x = CELL.0 * (i % COLUMNS) as f32;
        let y = (CELL.1 + LABEL) * (i / COLUMNS) as f32;
        items.push(Item::Rect {
            frame: Frame::new(x + 2.0, y + 2.0, CELL.0 - 4.0, CELL.1 + LABEL - 4.0),
            fill: None,
            stroke: Some((RULE, 0.8)),
            radius: 6.0,
        });
        let (size, lines) = fonts.fit(&technique.name, Weight::Bold, 10.0, 7.0, CELL.0 - 16.0, 1);
        items.push(Item::Text(TextBox {
            frame: Frame::new(x + 8.0, y + 7.0, CELL.0 - 16.0, size * 1.3),
            lines,
            weight: Weight::Bold,
            size,
            leading: size * 1.3,
            colour: INK,
            align: Align::Left,
        }));
        if let Some(picture) = pictures.get(&technique.id) {
            items.extend(picture_items(
                picture,
                figure,
                Frame::new(x + 8.0, y + LABEL + 2.0, CELL.0 - 16.0, CELL.1 - 10.0),
                &Palette::LIGHT,
            ));
        }
    }
    Ok((items, w, h))
}

/// The gallery as a PNG, a point a pixel.
pub fn gallery_png(
    catalog: &Catalog,
    pictures: &Pictures,
    figure: Figure,
) -> Result<Vec<u8>, SheetError> {
    let (items, w, h) = gallery_items(catalog, pictures, figure)?;
    items_to_png(&items, w, h, w as u32)
}
