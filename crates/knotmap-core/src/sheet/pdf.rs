//! The PDF back end (krilla): vector shapes, and text in Inter with the fonts embedded as
//! subsets, so it stays selectable and searchable.

use std::collections::{HashMap, HashSet};
use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag as KTag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document};

use super::fonts::{self, FaceRef};
use super::shaping::Shaper;
use super::{Item, Rgb, Role, Segment, Sheet, SheetError, Tag, TextBox};
use crate::draw::Weight;

/// The language the sheet is written in.
const LANGUAGE: &str = "en";

/// The fonts as krilla reads them, parsed once.
fn font(weight: Weight) -> Result<Font, SheetError> {
    static FONTS: std::sync::OnceLock<Option<(Font, Font)>> = std::sync::OnceLock::new();
    let parse = |w: Weight| {
        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(w.data());
        Font::new(Data::from(data), 0)
    };
    let fonts = FONTS
        .get_or_init(|| Some((parse(Weight::Regular)?, parse(Weight::Bold)?)))
        .as_ref()
        .ok_or(SheetError::Fonts)?;
    Ok(match weight {
        Weight::Regular => fonts.0.clone(),
        Weight::Bold => fonts.1.clone(),
    })
}

fn fill(colour: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(colour: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

fn rounded_rect(frame: super::Frame, radius: f32) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    for segment in crate::draw::rounded_rect(frame, radius) {
        match segment {
            Segment::Move(x, y) => builder.move_to(x, y),
            Segment::Line(x, y) => builder.line_to(x, y),
            Segment::Cubic(x1, y1, x2, y2, x, y) => builder.cubic_to(x1, y1, x2, y2, x, y),
            Segment::Close => builder.close(),
        }
    }
    builder.finish()
}

fn points_path(points: &[(f32, f32)], close: bool) -> Option<krilla::geom::Path> {
    let (first, rest) = points.split_first()?;
    let mut builder = PathBuilder::new();
    builder.move_to(first.0, first.1);
    for p in rest {
        builder.line_to(p.0, p.1);
    }
    if close {
        builder.close();
    }
    builder.finish()
}

fn draw_shape(
    surface: &mut Surface<'_>,
    path: Option<krilla::geom::Path>,
    f: Option<Rgb>,
    s: Option<(Rgb, f32)>,
) {
    let Some(path) = path else {
        return;
    };
    surface.set_fill(f.map(fill));
    surface.set_stroke(s.map(|(c, w)| stroke(c, w)));
    surface.draw_path(&path);
}

/// Draws a text box, each line wrapped in its own marked content: a span of the text when
/// `tagged`, otherwise the given artifact. Returns the spans' identifiers.
fn draw_text(
    surface: &mut Surface<'_>,
    text: &TextBox,
    fonts: &mut PdfFonts,
    mark: Mark,
) -> Vec<Identifier> {
    let Some(metrics) = fonts::Fonts::get() else {
        return Vec::new();
    };
    let mut ids = Vec::new();
    for i in 0..text.lines.len() {
        let Some(set) = fonts.shaper.place(metrics, text, i) else {
            continue;
        };
        // Right-to-left runs are drawn in visual order with their text mapped glyph by
        // glyph, from which readers rebuild the order it is written in (an ActualText for
        // the whole line made poppler read it backwards).
        let id = surface.start_tagged(match mark {
            Mark::Content => ContentTag::Span(SpanTag::empty()),
            Mark::Artifact(kind) => ContentTag::Artifact(Artifact::with_kind(kind)),
        });
        surface.set_fill(Some(fill(text.colour)));
        surface.set_stroke(None);
        for (run, x, glyphs) in &set.runs {
            let Some(font) = fonts.font(run.face) else {
                continue;
            };
            let glyphs: Vec<KrillaGlyph> = glyphs
                .iter()
                .map(|g| {
                    KrillaGlyph::new(
                        GlyphId::new(u32::from(g.id.0)),
                        g.advance,
                        g.x_offset,
                        g.y_offset,
                        g.y_advance,
                        g.text.clone(),
                        None,
                    )
                })
                .collect();
            surface.draw_glyphs(
                Point::from_xy(*x, set.baseline),
                &glyphs,
                font,
                &set.line.text,
                text.size,
                false,
            );
        }
        surface.end_tagged();
        if mark == Mark::Content {
            ids.push(id);
        }
    }
    ids
}

/// How a drawn item is marked for assistive technology.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    /// Part of what the page says, named by a tag.
    Content,
    /// Decoration, or the running footer.
    Artifact(ArtifactType),
}

fn draw_item(
    surface: &mut Surface<'_>,
    item: &Item,
    fonts: &mut PdfFonts,
    mark: Mark,
) -> Vec<Identifier> {
    if let Item::Text(text) = item {
        return draw_text(surface, text, fonts, mark);
    }
    let id = surface.start_tagged(match mark {
        Mark::Content => ContentTag::Other,
        Mark::Artifact(kind) => ContentTag::Artifact(Artifact::with_kind(kind)),
    });
    match item {
        Item::Text(_) => {}
        Item::Rect {
            frame,
            fill: f,
            stroke: s,
            radius,
        } => draw_shape(surface, rounded_rect(*frame, *radius), *f, *s),
        Item::Line {
            from,
            to,
            colour,
            width,
        } => draw_shape(
            surface,
            points_path(&[*from, *to], false),
            None,
            Some((*colour, *width)),
        ),
        Item::Polygon {
            points,
            fill: f,
            stroke: s,
        } => draw_shape(surface, points_path(points, true), *f, *s),
        Item::Polyline {
            points,
            colour,
            width,
        } => draw_shape(
            surface,
            points_path(points, false),
            None,
            Some((*colour, *width)),
        ),
        Item::Circle {
            centre,
            radius,
            fill: f,
        } => {
            let r = *radius;
            let square = super::Frame::new(centre.0 - r, centre.1 - r, 2.0 * r, 2.0 * r);
            draw_shape(surface, rounded_rect(square, r), Some(*f), None);
        }
    }
    surface.end_tagged();
    if mark == Mark::Content {
        vec![id]
    } else {
        Vec::new()
    }
}

/// The sheet's tags as the PDF's tag tree, each tag holding the marked content of its items.
fn tag_node(
    sheet: &Sheet,
    tag: &Tag,
    marked: &mut HashMap<(usize, usize), Vec<Identifier>>,
) -> TagGroup {
    let kind: TagKind = match &tag.role {
        Role::Section => KTag::Section.into(),
        Role::Heading(level) => {
            let title = tag
                .items
                .iter()
                .filter_map(
                    |&(page, index)| match sheet.pages.get(page)?.items.get(index)? {
                        Item::Text(text) => Some(text.lines.join(" ")),
                        _ => None,
                    },
                )
                .collect::<Vec<_>>()
                .join(" ");
            KTag::Hn(
                NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
                Some(title),
            )
            .into()
        }
        Role::Paragraph => KTag::P.into(),
        Role::Figure(alt) => KTag::Figure(Some(alt.clone())).into(),
        Role::List => KTag::L(ListNumbering::None).into(),
        Role::ListItem => KTag::LI.into(),
        Role::Table => KTag::Table.into(),
        Role::Row => KTag::TR.into(),
        Role::HeaderCell => KTag::TH(TableHeaderScope::Column).into(),
        Role::Cell => KTag::TD.into(),
    };
    let mut group = TagGroup::new(kind);
    let leaves: Vec<Node> = tag
        .items
        .iter()
        .flat_map(|at| marked.remove(at).unwrap_or_default())
        .map(Node::from)
        .collect();
    if tag.role == Role::ListItem {
        // A list item's content is its body.
        group.push(TagGroup::with_children(KTag::LBody, leaves));
    } else {
        for leaf in leaves {
            group.push(leaf);
        }
    }
    for child in &tag.children {
        group.push(tag_node(sheet, child, marked));
    }
    group
}

/// The outline a reader jumps through: each heading of levels 1 and 2, at its place.
fn outline(sheet: &Sheet) -> Outline {
    let mut outline = Outline::new();
    for tag in sheet.tags.iter().flat_map(Tag::walk) {
        let (Role::Heading(1 | 2), Some(&(page, index))) = (&tag.role, tag.items.first()) else {
            continue;
        };
        if let Some(Item::Text(text)) = sheet.pages.get(page).and_then(|p| p.items.get(index)) {
            let point = Point::from_xy(text.frame.x, text.frame.y);
            outline.push_child(OutlineNode::new(
                text.lines.join(" "),
                XyzDestination::new(page, point),
            ));
        }
    }
    outline
}

/// The fonts as krilla embeds them, and the shaper that lays their glyphs out.
struct PdfFonts {
    regular: Font,
    bold: Font,
    /// The system's faces used so far, by their number.
    system: HashMap<usize, Option<Font>>,
    shaper: Shaper,
}

impl PdfFonts {
    fn font(&mut self, face: FaceRef) -> Option<Font> {
        match face {
            FaceRef::Inter(Weight::Regular) => Some(self.regular.clone()),
            FaceRef::Inter(Weight::Bold) => Some(self.bold.clone()),
            FaceRef::System(face) => self
                .system
                .entry(face.id)
                .or_insert_with(|| {
                    let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(face.data);
                    Font::new(Data::from(data), face.index)
                })
                .clone(),
        }
    }
}

/// Writes the sheet as a PDF document.
pub fn to_pdf(sheet: &Sheet) -> Result<Vec<u8>, SheetError> {
    let mut fonts = PdfFonts {
        regular: font(Weight::Regular)?,
        bold: font(Weight::Bold)?,
        system: HashMap::new(),
        shaper: Shaper::default(),
    };
    let (width, height) = sheet.size();
    // Content streams are left uncompressed: that takes a third off the time to write a
    // sheet, which stays a few hundred kilobytes. Tagged, and checked against PDF/UA-1.
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| SheetError::Pdf(format!("{e:?}")))?;
    let mut document = Document::new_with(krilla::SerializeSettings {
        compress_content_streams: false,
        configuration,
        enable_tagging: true,
        ..krilla::SerializeSettings::default()
    });
    document.set_metadata(
        Metadata::new()
            .title(sheet.title.clone())
            .language(LANGUAGE.to_owned())
            .creator(format!("knotmap {}", env!("CARGO_PKG_VERSION"))),
    );
    let content: HashSet<(usize, usize)> = sheet
        .tags
        .iter()
        .flat_map(Tag::walk)
        .flat_map(|tag| tag.items.iter().copied())
        .collect();
    let mut marked: HashMap<(usize, usize), Vec<Identifier>> = HashMap::new();
    for (n, page) in sheet.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(width, height)
            .ok_or_else(|| SheetError::Pdf("the page has no size".to_owned()))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for (i, item) in page.items.iter().enumerate() {
            let mark = if content.contains(&(n, i)) {
                Mark::Content
            } else if page.footer_from.is_some_and(|from| i >= from) {
                Mark::Artifact(ArtifactType::Footer)
            } else {
                Mark::Artifact(ArtifactType::Layout)
            };
            let ids = draw_item(&mut surface, item, &mut fonts, mark);
            if !ids.is_empty() {
                marked.insert((n, i), ids);
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some(LANGUAGE.to_owned()));
    for tag in &sheet.tags {
        tree.push(tag_node(sheet, tag, &mut marked));
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(sheet));
    document
        .finish()
        .map_err(|e| SheetError::Pdf(format!("{e:?}")))
}
