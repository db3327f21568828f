//! Setting text for the sheet and the report: text boxes that fit their width, and pages
//! filled top to bottom with the structure that names what is on them.

use super::{
    FOOTER, Fonts, Frame, Item, LEADING, MARGIN, Page, Paper, Rgb, Role, SMALLEST, Tag, TextBox,
};
use crate::draw::{Align, Weight};

/// Builds text boxes that fit.
pub(in crate::sheet) struct Typesetter<'a> {
    pub(in crate::sheet) fonts: &'a Fonts,
}

/// How a text box is set: its face, its size and the least it may shrink to, the most lines
/// it may take, its colour and its alignment.
#[derive(Clone, Copy, Debug)]
pub(in crate::sheet) struct Style {
    pub(in crate::sheet) weight: Weight,
    pub(in crate::sheet) size: f32,
    pub(in crate::sheet) min: f32,
    pub(in crate::sheet) max_lines: usize,
    pub(in crate::sheet) colour: Rgb,
    pub(in crate::sheet) align: Align,
}

impl Typesetter<'_> {
    /// A box at (x, y) of width `w` holding `text` in `style`, shrunk down to its `min` and cut
    /// to its `max_lines` if it must be.
    pub(in crate::sheet) fn text(
        &self,
        x: f32,
        y: f32,
        w: f32,
        text: &str,
        style: Style,
    ) -> TextBox {
        let Style {
            weight,
            size,
            min,
            max_lines,
            colour,
            align,
        } = style;
        let min = min.min(size);
        let (size, lines) = self.fonts.fit(text, weight, size, min, w, max_lines);
        let leading = size * LEADING;
        TextBox {
            frame: Frame::new(x, y, w, leading * lines.len() as f32),
            lines,
            weight,
            size,
            leading,
            colour,
            align,
        }
    }

    /// One line of text, shrunk to fit if it must be.
    #[allow(clippy::too_many_arguments)]
    pub(in crate::sheet) fn line(
        &self,
        x: f32,
        y: f32,
        w: f32,
        text: &str,
        weight: Weight,
        size: f32,
        colour: Rgb,
    ) -> TextBox {
        self.text(
            x,
            y,
            w,
            text,
            Style {
                weight,
                size,
                min: (size * 0.7).max(SMALLEST),
                max_lines: 1,
                colour,
                align: Align::Left,
            },
        )
    }
}

/// Pages being filled, top to bottom, and the structure that names what is on them.
pub(in crate::sheet) struct Pages {
    pub(in crate::sheet) width: f32,
    pub(in crate::sheet) height: f32,
    pub(in crate::sheet) pages: Vec<Page>,
    pub(in crate::sheet) y: f32,
}

impl Pages {
    pub(in crate::sheet) fn new(paper: Paper) -> Pages {
        let (width, height) = paper.size();
        Pages {
            width,
            height,
            pages: vec![Page::default()],
            y: MARGIN,
        }
    }

    pub(in crate::sheet) fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    /// Adds an item to the page being filled, as decoration.
    pub(in crate::sheet) fn push(&mut self, item: Item) -> (usize, usize) {
        let page = self.pages.len() - 1;
        let items = &mut self.pages[page].items;
        items.push(item);
        (page, items.len() - 1)
    }

    /// Adds an item as part of `tag`.
    pub(in crate::sheet) fn put(&mut self, tag: &mut Tag, item: Item) {
        let at = self.push(item);
        tag.items.push(at);
    }

    pub(in crate::sheet) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN;
    }

    pub(in crate::sheet) fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }
}

/// A tag holding one text box.
pub(in crate::sheet) fn tagged_text(pages: &mut Pages, role: Role, text: TextBox) -> Tag {
    let mut tag = Tag::new(role);
    pages.put(&mut tag, Item::Text(text));
    tag
}
