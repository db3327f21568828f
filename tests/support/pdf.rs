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

/// Where each glyph of a page is drawn, as a PDF viewer places it: its origin on the baseline
/// in points from the page's top-left corner. `page` counts from 1. The page's content is
/// read operator by operator (the transformation and text matrices, TJ with its kerning, each
/// glyph advanced by its width in the font's W array), for the two-byte fonts knotmap writes.
pub fn glyph_origins(bytes: &[u8], page: u32) -> Vec<(f32, f32)> {
    use pdf_extract::content::Content;

    type M = [f64; 6];
    // a b c d e f: the matrix [a b 0; c d 0; e f 1], applied to row vectors.
    fn mul(m: &M, n: &M) -> M {
        [
            m[0] * n[0] + m[1] * n[2],
            m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2],
            m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4],
            m[4] * n[1] + m[5] * n[3] + n[5],
        ]
    }
    const I: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let num = |o: &Object| {
        o.as_float()
            .map(f64::from)
            .or_else(|_| o.as_i64().map(|i| i as f64))
    };

    let doc = Document::load_mem(bytes).expect("a PDF");
    let page_id = *doc.get_pages().get(&page).expect("the page");
    let page_dict = doc.get_dictionary(page_id).expect("the page");
    let media = page_dict
        .get(b"MediaBox")
        .and_then(|b| doc.dereference(b).map(|(_, o)| o))
        .and_then(Object::as_array)
        .expect("a media box");
    let top = num(&media[3]).expect("a height");
    let widths = glyph_widths(&doc, page_id);
    let content = Content::decode(&doc.get_page_content(page_id).expect("content"))
        .expect("the page's operators");
    let mut found = Vec::new();
    let (mut ctm, mut stack) = (I, Vec::new());
    let (mut tm, mut tlm) = (I, I);
    let (mut font, mut size, mut leading) = (Vec::new(), 0.0, 0.0);
    for op in &content.operations {
        let f = |k: usize| num(&op.operands[k]).expect("a number");
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(I),
            "cm" => ctm = mul(&[f(0), f(1), f(2), f(3), f(4), f(5)], &ctm),
            "BT" => (tm, tlm) = (I, I),
            "Tf" => {
                font = op.operands[0].as_name().expect("a font").to_vec();
                size = f(1);
            }
            "TL" => leading = f(0),
            "Tm" => {
                tm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                tlm = tm;
            }
            "Td" | "TD" => {
                if op.operator == "TD" {
                    leading = -f(1);
                }
                tm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                tlm = tm;
            }
            "T*" => {
                tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tlm = tm;
            }
            "TJ" | "Tj" => {
                let parts: Vec<Object> = if op.operator == "TJ" {
                    op.operands[0].as_array().expect("an array").clone()
                } else {
                    vec![op.operands[0].clone()]
                };
                let (table, default) = widths.get(&font).expect("the font in use");
                for part in parts {
                    if let Ok(codes) = part.as_str() {
                        for pair in codes.chunks(2) {
                            let code = pair.iter().fold(0u32, |c, b| c << 8 | u32::from(*b));
                            let at = mul(&tm, &ctm);
                            found.push((at[4] as f32, (top - at[5]) as f32));
                            let advance = table.get(&code).copied().unwrap_or(*default) / 1000.0;
                            tm = mul(&[1.0, 0.0, 0.0, 1.0, advance * size, 0.0], &tm);
                        }
                    } else if let Ok(shift) = num(&part) {
                        tm = mul(&[1.0, 0.0, 0.0, 1.0, -shift / 1000.0 * size, 0.0], &tm);
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Each font of a page: its glyphs' widths in thousandths of the size, by code, and the
/// width of a code not listed (the W and DW of its CID font).
type Widths = std::collections::HashMap<Vec<u8>, (std::collections::HashMap<u32, f64>, f64)>;

fn glyph_widths(doc: &Document, page_id: pdf_extract::ObjectId) -> Widths {
    let num = |o: &Object| {
        o.as_float()
            .map(f64::from)
            .or_else(|_| o.as_i64().map(|i| i as f64))
    };
    let deref = |o: &Object| {
        doc.dereference(o)
            .map(|(_, o)| o.clone())
            .expect("an object")
    };
    let mut widths = Widths::new();
    for (name, font) in doc.get_page_fonts(page_id).expect("fonts") {
        let descendant = font
            .get(b"DescendantFonts")
            .map(deref)
            .ok()
            .and_then(|d| d.as_array().ok().and_then(|a| a.first().cloned()))
            .map(|d| deref(&d));
        let mut table = std::collections::HashMap::new();
        let mut default = 1000.0;
        if let Some(Object::Dictionary(cid)) = descendant {
            if let Ok(dw) = cid.get(b"DW") {
                default = num(dw).expect("DW");
            }
            if let Ok(w) = cid.get(b"W") {
                let w = deref(w);
                let w = w.as_array().expect("W");
                let mut at = 0;
                while at < w.len() {
                    let first = num(&w[at]).expect("a code") as u32;
                    match deref(&w[at + 1]) {
                        Object::Array(list) => {
                            for (k, width) in list.iter().enumerate() {
                                table.insert(first + k as u32, num(width).expect("a width"));
                            }
                            at += 2;
                        }
                        last => {
                            let last = num(&last).expect("a code") as u32;
                            let width = num(&w[at + 2]).expect("a width");
                            for code in first..=last {
                                table.insert(code, width);
                            }
                            at += 3;
                        }
                    }
                }
            }
        }
        widths.insert(name, (table, default));
    }
    widths
}
