//! Reads a PDF back in pure Rust: its text, its pages and their size, its fonts.
#![allow(dead_code)] // each test file uses the facts it needs

use pdf_extract::{Document, Object};

/// What a PDF holds, as a reader would see it.
pub struct PdfFacts {
    /// The text of every page, words separated by single spaces.
    pub text: String,
    pub pages: usize,
    /// The first page's size in points.
    pub size: (f32, f32),
    /// Each font's name and whether its glyphs are embedded.
    pub fonts: Vec<(String, bool)>,
    /// The structure tree, depth first: each element's type and its alternate text.
    pub tags: Vec<(String, Option<String>)>,
    /// The document's language, from the catalog.
    pub lang: Option<String>,
}

fn number(object: &Object) -> f32 {
    match object {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => f32::NAN,
    }
}

impl PdfFacts {
    /// Whether the text holds `needle`. Spaces are left out of the comparison: where a
    /// line of a cell wraps, the reader may join the two lines without one.
    pub fn says(&self, needle: &str) -> bool {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        squeeze(&self.text).contains(&squeeze(needle))
    }
}

/// Reads the facts of a PDF file's bytes.
pub fn read(bytes: &[u8]) -> PdfFacts {
    let text = pdf_extract::extract_text_from_mem(bytes).expect("the PDF's text");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let doc = Document::load_mem(bytes).expect("a PDF");
    let pages = doc.get_pages();
    let first = *pages.values().next().expect("a page");
    let page = doc.get_dictionary(first).expect("the page");
    let media = page
        .get(b"MediaBox")
        .and_then(|b| doc.dereference(b).map(|(_, o)| o))
        .and_then(Object::as_array)
        .expect("a media box");
    let size = (
        number(&media[2]) - number(&media[0]),
        number(&media[3]) - number(&media[1]),
    );
    let mut fonts = Vec::new();
    for page in pages.values() {
        for font in doc.get_page_fonts(*page).expect("fonts").into_values() {
            let name = font
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            // A composite font keeps its descriptor on its descendant.
            let descendant = font
                .get(b"DescendantFonts")
                .and_then(|d| doc.dereference(d).map(|(_, o)| o))
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|d| doc.dereference(d).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            let descriptor = descendant
                .unwrap_or(font)
                .get(b"FontDescriptor")
                .and_then(|d| doc.dereference(d).map(|(_, o)| o))
                .and_then(Object::as_dict);
            let embedded = descriptor.is_ok_and(|d| {
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|key| d.has(key))
            });
            if !fonts.contains(&(name.clone(), embedded)) {
                fonts.push((name, embedded));
            }
        }
    }
    let catalog = doc.catalog().expect("a catalog");
    let lang = catalog
        .get(b"Lang")
        .ok()
        .and_then(|l| l.as_str().ok())
        .map(|l| String::from_utf8_lossy(l).into_owned());
    let mut tags = Vec::new();
    if let Ok(root) = catalog.get(b"StructTreeRoot") {
        walk(&doc, root, &mut tags, 0);
    }
    PdfFacts {
        text,
        pages: pages.len(),
        size,
        fonts,
        tags,
        lang,
    }
}

/// Collects the structure elements below `object`, depth first.
fn walk(doc: &Document, object: &Object, tags: &mut Vec<(String, Option<String>)>, depth: usize) {
    assert!(depth < 64, "the structure tree is too deep to be a tree");
    let object = match object {
        Object::Reference(id) => doc.get_object(*id).expect("a structure element"),
        other => other,
    };
    match object {
        Object::Array(children) => {
            for child in children {
                walk(doc, child, tags, depth + 1);
            }
        }
        Object::Dictionary(dict) => {
            if let Ok(kind) = dict.get(b"S").and_then(Object::as_name) {
                let alt = dict
                    .get(b"Alt")
                    .ok()
                    .and_then(|a| a.as_str().ok())
                    .map(decode_text);
                tags.push((String::from_utf8_lossy(kind).into_owned(), alt));
            }
            if let Ok(kids) = dict.get(b"K") {
                walk(doc, kids, tags, depth + 1);
            }
        }
        _ => {}
    }
}

/// A PDF text string: UTF-16 with its byte-order mark, or single bytes.
fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// Where each character of a page is drawn, as a PDF reader places it: its text and its
/// origin on the baseline in points from the page's top-left corner. `page` counts from 1.
pub fn glyph_origins(bytes: &[u8], page: u32) -> Vec<(String, f32, f32)> {
    use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
    struct Origins {
        top: f64,
        found: Vec<(String, f32, f32)>,
    }
    impl OutputDev for Origins {
        fn begin_page(
            &mut self,
            _page: u32,
            media: &MediaBox,
            _art: Option<(f64, f64, f64, f64)>,
        ) -> Result<(), OutputError> {
            self.top = media.ury;
            Ok(())
        }
        fn end_page(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn output_character(
            &mut self,
            trm: &Transform,
            _width: f64,
            _spacing: f64,
            _size: f64,
            text: &str,
        ) -> Result<(), OutputError> {
            self.found
                .push((text.to_owned(), trm.m31 as f32, (self.top - trm.m32) as f32));
            Ok(())
        }
        fn begin_word(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_word(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_line(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
    }
    let doc = Document::load_mem(bytes).expect("a PDF");
    let mut origins = Origins {
        top: 0.0,
        found: Vec::new(),
    };
    pdf_extract::output_doc_page(&doc, &mut origins, page).expect("the page's text");
    origins.found
}
