//! The session sheet: the page a runner prints and takes to the floor. It is laid out once,
//! as boxes, lines, text and the body diagram in page coordinates (points, y down), then
//! drawn to PDF or PNG by the back ends.

pub mod fonts;
mod gallery;
mod layout;
mod pdf;
pub(crate) mod png;
pub mod print;
mod shaping;

pub use fonts::Fonts;
pub use gallery::{gallery_items, gallery_png};
pub use shaping::{GlyphOrigin, glyph_origins};

use crate::draw::{Align, Frame, Item, Rgb, Segment, TextBox, Weight};
pub use layout::report::report_sheet;
pub use layout::{layout, routine_cautions};
pub use pdf::to_pdf;
pub use png::{items_to_pixels, items_to_png, page_pixels, points_path, to_pngs};

/// Paper sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points (1/72 inch).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "US Letter",
        }
    }
}

/// One page of the sheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    /// Where the page's footer starts among its items: the running footer is repeated on
    /// every page, and is not part of what the page says.
    pub footer_from: Option<usize>,
}

/// The resolution of a sheet saved as PNG, written in each file.
pub const PNG_DPI: f32 = 150.0;

/// The two files a sheet is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Pdf,
    Png,
}

impl SheetFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            SheetFormat::Pdf => "pdf",
            SheetFormat::Png => "png",
        }
    }

    /// The sheet's file name for a routine file: `after-a-run.ron` → `after-a-run-sheet.pdf`.
    pub fn file_name(self, routine_file: &str) -> String {
        format!(
            "{}-sheet.{}",
            routine_file.trim_end_matches(".ron"),
            self.extension()
        )
    }

    /// The files a sheet of `pages` pages is written to at `path`: the path itself for a PDF
    /// or a one-page PNG; `sheet-1.png`, `sheet-2.png` … for a PNG of more pages.
    pub fn paths(self, path: &std::path::Path, pages: usize) -> Vec<std::path::PathBuf> {
        if self == SheetFormat::Pdf || pages <= 1 {
            return vec![path.to_path_buf()];
        }
        let stem = path
            .file_stem()
            .map_or_else(|| "sheet".into(), |s| s.to_string_lossy().into_owned());
        (1..=pages)
            .map(|n| path.with_file_name(format!("{stem}-{n}.{}", self.extension())))
            .collect()
    }

    /// The pages of an earlier sheet at `path` that a sheet of `pages` pages does not write
    /// again: `sheet-3.png` and on after a two-page sheet, every `sheet-N.png` after a one-page
    /// one, and `sheet.png` itself before a sheet of several pages. Found in the folder, so a longer sheet printed there before leaves nothing behind.
    pub fn stale_pages(self, path: &std::path::Path, pages: usize) -> Vec<std::path::PathBuf> {
        if self == SheetFormat::Pdf {
            return Vec::new();
        }
        let stem = path
            .file_stem()
            .map_or_else(|| "sheet".into(), |s| s.to_string_lossy().into_owned());
        let prefix = format!("{stem}-");
        let suffix = format!(".{}", self.extension());
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => std::path::Path::new("."),
        };
        let kept = if pages <= 1 { 0 } else { pages };
        // A sheet of several pages answers for the name asked for as a whole: a one-page
        // sheet written there before is one of the old set.
        let asked = (pages > 1 && path.is_file()).then(|| path.to_path_buf());
        let Ok(entries) = std::fs::read_dir(dir) else {
            return asked.into_iter().collect();
        };
        entries
            .filter_map(Result::ok)
            .filter(|entry| {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                name.strip_prefix(&prefix)
                    .and_then(|rest| rest.strip_suffix(&suffix))
                    .and_then(|n| n.parse::<usize>().ok())
                    .is_some_and(|n| n > kept && entry.file_type().is_ok_and(|t| t.is_file()))
            })
            .map(|entry| path.with_file_name(entry.file_name()))
            .chain(asked)
            .collect()
    }

    /// Writes a sheet's files at `path` as one set: one PDF, or the PNG pages, all written
    /// before any is moved in, and the pages of an earlier sheet there that this one has
    /// not removed ([`SheetFormat::stale_pages`]). Returns the files written.
    pub fn write(
        self,
        path: &std::path::Path,
        files: &[Vec<u8>],
    ) -> Result<Vec<std::path::PathBuf>, crate::storage::StorageError> {
        let paths = self.paths(path, files.len());
        let set: Vec<(std::path::PathBuf, &[u8])> = paths
            .iter()
            .cloned()
            .zip(files.iter().map(Vec::as_slice))
            .collect();
        crate::storage::write_set(&set, &self.stale_pages(path, files.len()))?;
        Ok(paths)
    }

    /// The sheet as this format's files: one PDF, or one PNG a page at [`PNG_DPI`].
    pub fn render(self, sheet: &Sheet) -> Result<Vec<Vec<u8>>, SheetError> {
        match self {
            SheetFormat::Pdf => to_pdf(sheet).map(|pdf| vec![pdf]),
            SheetFormat::Png => to_pngs(sheet, PNG_DPI),
        }
    }

    /// The format a file's name asks for (`-`, standard output, is PDF).
    pub fn of_path(path: &std::path::Path) -> Option<SheetFormat> {
        if path.as_os_str() == "-" {
            return Some(SheetFormat::Pdf);
        }
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("pdf") => Some(SheetFormat::Pdf),
            Some("png") => Some(SheetFormat::Png),
            _ => None,
        }
    }
}

/// What a run of a page's items means to a reader who cannot see it: the tags of the PDF,
/// in reading order. Items no tag names are decoration (rules, boxes, footers).
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    /// The document's structure: a section holding its heading and its content.
    Section,
    /// A heading, level 1 for the title.
    Heading(u16),
    Paragraph,
    /// A drawing, with the words that stand for it.
    Figure(String),
    List,
    ListItem,
    Table,
    Row,
    /// A column's header cell.
    HeaderCell,
    Cell,
}

/// One node of the sheet's structure: its role, its own items and its children, each in
/// reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Tag {
    pub role: Role,
    /// Items as (page index, item index).
    pub items: Vec<(usize, usize)>,
    pub children: Vec<Tag>,
}

impl Tag {
    pub fn new(role: Role) -> Tag {
        Tag {
            role,
            items: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Every tag below this one and itself, depth first.
    pub fn walk(&self) -> Box<dyn Iterator<Item = &Tag> + '_> {
        Box::new(std::iter::once(self).chain(self.children.iter().flat_map(Tag::walk)))
    }
}

/// The laid-out sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub paper: Paper,
    pub title: String,
    pub pages: Vec<Page>,
    /// The structure for assistive technology, in reading order.
    pub tags: Vec<Tag>,
}

impl Sheet {
    pub fn size(&self) -> (f32, f32) {
        self.paper.size()
    }

    /// Every text box of every page, with its page number (from 1).
    pub fn texts(&self) -> impl Iterator<Item = (usize, &TextBox)> {
        self.pages.iter().enumerate().flat_map(|(n, page)| {
            page.items.iter().filter_map(move |item| match item {
                Item::Text(text) => Some((n + 1, text)),
                _ => None,
            })
        })
    }
}

/// The sheet could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("the embedded fonts could not be read")]
    Fonts,
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    #[error("could not draw the PNG: {0}")]
    Png(String),
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::SheetFormat;

    #[test]
    fn a_png_of_several_pages_is_one_file_a_page_beside_the_name_asked_for() {
        let asked = Path::new("/tmp/sheets/after.png");
        assert_eq!(SheetFormat::Png.paths(asked, 1), [asked.to_path_buf()]);
        assert_eq!(
            SheetFormat::Png.paths(asked, 3),
            ["after-1.png", "after-2.png", "after-3.png"]
                .map(|n| PathBuf::from("/tmp/sheets").join(n))
        );
        let pdf = Path::new("after.pdf");
        assert_eq!(SheetFormat::Pdf.paths(pdf, 3), [pdf.to_path_buf()]);
    }
}
