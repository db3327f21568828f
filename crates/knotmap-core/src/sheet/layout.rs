//! Lays the sheet out for the floor: the header, the body diagram beside the equipment and the
//! short list of cautions (cautions.rs), then the steps table, all on one page where the routine
//! allows. The sizes shrink together, a step at a time, until the routine fits its page; a
//! routine too long for one page flows on with the table's header repeated. The cautions in
//! full follow on a page of their own when asked for.

use super::{
    Align, Fonts, Frame, Item, Page, Paper, Rgb, Role, Sheet, SheetError, Tag, TextBox, Weight,
};
use crate::body::Body;
use crate::catalog::Catalog;
use crate::routine::Routine;
use crate::words;

mod cautions;
mod diagram;
pub(super) mod report;
mod table;
mod typeset;

pub use cautions::routine_cautions;
use cautions::{cautions_beside_diagram, cautions_in_full};
use diagram::diagram;
pub(super) use typeset::{Pages, Style, Typesetter, tagged_text};

pub(super) const MARGIN: f32 = 30.0;
pub(super) const FOOTER: f32 = 16.0;
pub(super) const INK: Rgb = Rgb(0x1E, 0x1E, 0x1E);
pub(super) const GREY: Rgb = Rgb(0x5E, 0x5E, 0x5E);
pub(super) const RULE: Rgb = Rgb(0xC4, 0xC4, 0xC4);
pub(super) const HEADER_FILL: Rgb = Rgb(0xEF, 0xEF, 0xEF);
pub(super) const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

/// Line spacing as a multiple of the font size.
pub(super) const LEADING: f32 = 1.25;

/// The scales tried, largest first, until the routine fits the fewest pages.
const SCALES: [f32; 5] = [1.0, 0.94, 0.88, 0.83, 0.78];

/// The body diagram's height on the page: never below this, so that step numbers stay
/// apart, and never above the other.
const DIAGRAM_MIN: f32 = 210.0;
const DIAGRAM_MAX: f32 = 300.0;

/// The smallest type the sheet uses.
pub(super) const SMALLEST: f32 = 6.5;

/// Lays out the session sheet of a routine: the floor pages, then with `details` the
/// cautions in full on pages of their own.
pub fn layout(
    routine: &Routine,
    catalog: &Catalog,
    body: &Body,
    paper: Paper,
    details: bool,
    file_name: Option<&str>,
) -> Result<Sheet, SheetError> {
    let fonts = Fonts::get().ok_or(SheetError::Fonts)?;
    let ts = Typesetter { fonts };
    let mut best: Option<(Pages, Vec<Tag>)> = None;
    for scale in SCALES {
        let draft = floor_pages(&ts, routine, catalog, body, paper, scale, details);
        let fewer = best
            .as_ref()
            .is_none_or(|(pages, _)| draft.0.pages.len() < pages.pages.len());
        if fewer {
            best = Some(draft);
        }
        if best
            .as_ref()
            .is_some_and(|(pages, _)| pages.pages.len() == 1)
        {
            break;
        }
    }
    let (mut pages, mut tags) = best.ok_or(SheetError::Fonts)?;
    if details {
        tags.push(cautions_in_full(&ts, &mut pages, routine, catalog));
    }
    let left = match file_name {
        Some(file) => format!("{} · {file}", routine.name),
        None => routine.name.clone(),
    };
    footers(&ts, &mut pages, &left);
    Ok(Sheet {
        paper,
        title: routine.name.clone(),
        pages: pages.pages,
        tags,
    })
}

/// The pages taken to the floor, at one scale of type and pictures.
fn floor_pages(
    ts: &Typesetter<'_>,
    routine: &Routine,
    catalog: &Catalog,
    body: &Body,
    paper: Paper,
    scale: f32,
    details: bool,
) -> (Pages, Vec<Tag>) {
    let mut pages = Pages::new(paper);
    let mut tags = header(ts, &mut pages, routine, scale);
    let w = pages.content_width();

    // The column beside the diagram sets the band's least height.
    let band_top = pages.y;
    let right = Frame::new(MARGIN + w * 0.5, band_top, w * 0.5, f32::MAX);
    let (side_tags, side_height) =
        beside_diagram(ts, &mut pages, routine, catalog, right, scale, details);

    // The diagram takes what the table leaves it, within its bounds.
    let rows = table::row_heights(ts, catalog, body.figure, routine, w, scale);
    let table_height = table::HEADER_HEIGHT * scale + rows.iter().sum::<f32>();
    let gap = 12.0 * scale;
    let room = pages.bottom() - band_top - gap - table_height;
    let least = side_height.max(DIAGRAM_MIN);
    let height = if room >= least {
        room.min(DIAGRAM_MAX).max(side_height)
    } else {
        least.max(260.0)
    };
    let figure_frame = Frame::new(MARGIN, band_top, w * 0.47, height);
    let (alt, items) = diagram(ts, catalog, body, routine, figure_frame);
    let mut figure = Tag::new(Role::Figure(alt));
    for item in items {
        pages.put(&mut figure, item);
    }
    tags.push(figure);
    tags.extend(side_tags);
    pages.y = band_top + height + gap;

    tags.push(table::table(
        ts,
        &mut pages,
        routine,
        catalog,
        body.figure,
        scale,
    ));
    (pages, tags)
}

fn header(ts: &Typesetter<'_>, pages: &mut Pages, routine: &Routine, scale: f32) -> Vec<Tag> {
    let w = pages.content_width();
    let mut tags = Vec::new();
    let title = ts.text(
        MARGIN,
        pages.y,
        w,
        &routine.name,
        Style {
            weight: Weight::Bold,
            size: 20.0 * scale,
            min: 14.0,
            max_lines: 2,
            colour: INK,
            align: Align::Left,
        },
    );
    pages.y = title.frame.bottom() + 1.0;
    tags.push(tagged_text(pages, Role::Heading(1), title));
    let steps = routine.steps.len();
    let meta = format!(
        "{} · {} · {} step{}",
        routine.when.title(),
        words::duration(routine.total_seconds()),
        steps,
        if steps == 1 { "" } else { "s" }
    );
    let meta = ts.line(MARGIN, pages.y, w, &meta, Weight::Regular, 10.0, GREY);
    pages.y = meta.frame.bottom() + 4.0 * scale;
    tags.push(tagged_text(pages, Role::Paragraph, meta));
    if !routine.notes.trim().is_empty() {
        let notes = ts.text(
            MARGIN,
            pages.y,
            w,
            routine.notes.trim(),
            Style {
                weight: Weight::Regular,
                size: 8.5 * scale,
                min: 7.0,
                max_lines: 5,
                colour: INK,
                align: Align::Left,
            },
        );
        pages.y = notes.frame.bottom() + 4.0 * scale;
        tags.push(tagged_text(pages, Role::Paragraph, notes));
    }
    // Lines to fill in by hand.
    let y = pages.y + 11.0 * scale;
    let half = w / 2.0;
    for (i, label) in ["Date", "How I felt"].iter().enumerate() {
        let x = MARGIN + half * i as f32;
        let text = ts.line(x, y - 9.0, 70.0, label, Weight::Bold, 8.5, GREY);
        let label_w = ts.fonts.width(label, Weight::Bold, text.size) + 6.0;
        tags.push(tagged_text(pages, Role::Paragraph, text));
        pages.push(Item::Line {
            from: (x + label_w, y + 1.0),
            to: (x + half - 14.0, y + 1.0),
            colour: RULE,
            width: 0.7,
        });
    }
    pages.y = y + 12.0 * scale;
    tags
}

/// The tools to gather and one short line for each caution that applies, in the column
/// beside the diagram; returns their tags and the height they take.
fn beside_diagram(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    routine: &Routine,
    catalog: &Catalog,
    column: Frame,
    scale: f32,
    details: bool,
) -> (Vec<Tag>, f32) {
    let mut tags = Vec::new();
    let mut y = column.y;
    let heading =
        |y: f32, text: &str| ts.line(column.x, y, column.w, text, Weight::Bold, 11.0 * scale, INK);
    let need = heading(y, "You will need");
    y = need.frame.bottom() + 2.0;
    tags.push(tagged_text(pages, Role::Heading(2), need));
    let mut list = Tag::new(Role::List);
    let size = 8.5 * scale;
    for (name, extra) in equipment(catalog, routine) {
        let text = if extra.is_empty() {
            name
        } else {
            format!("{name} · {extra}")
        };
        let line = ts.line(
            column.x + size + 4.0,
            y,
            column.w - size - 4.0,
            &text,
            Weight::Regular,
            size,
            INK,
        );
        pages.push(Item::Rect {
            frame: Frame::new(
                column.x + 1.0,
                y + line.leading * 0.2,
                size * 0.75,
                size * 0.75,
            ),
            fill: None,
            stroke: Some((GREY, 0.6)),
            radius: 1.0,
        });
        y = line.frame.bottom() + 1.0;
        list.children.push(tagged_text(pages, Role::ListItem, line));
    }
    tags.push(list);

    let from = Frame::new(column.x, y + 7.0 * scale, column.w, column.h);
    if let Some((care, bottom)) =
        cautions_beside_diagram(ts, pages, routine, catalog, from, scale, details)
    {
        tags.extend(care);
        y = bottom;
    }
    (tags, y - column.y)
}

/// Each tool the routine uses, once, in the order first used: its name, and what to use
/// instead or that it is home-made.
fn equipment(catalog: &Catalog, routine: &Routine) -> Vec<(String, String)> {
    let mut tools: Vec<&crate::catalog::ToolId> = Vec::new();
    for step in &routine.steps {
        if !tools.contains(&&step.tool) {
            tools.push(&step.tool);
        }
    }
    tools
        .iter()
        .map(|id| match catalog.tool(id) {
            Some(tool) => {
                let stand_in = tool
                    .stand_ins
                    .first()
                    .and_then(|s| catalog.tool(s))
                    .map(|s| format!("or {}", s.name.to_lowercase()));
                let made = tool.home_made.as_ref().map(|_| "home-made".to_owned());
                let extra: Vec<String> = [made, stand_in].into_iter().flatten().collect();
                (tool.name.clone(), extra.join(" · "))
            }
            None => (format!("unknown tool “{id}”"), String::new()),
        })
        .collect()
}

/// The running footer of every page: what the document is on the left, the page on the
/// right.
pub(super) fn footers(ts: &Typesetter<'_>, pages: &mut Pages, left: &str) {
    let count = pages.pages.len();
    let w = pages.content_width();
    let y = pages.height - MARGIN - 8.0;
    for (n, page) in pages.pages.iter_mut().enumerate() {
        page.footer_from = Some(page.items.len());
        page.items.push(Item::Line {
            from: (MARGIN, y - 4.0),
            to: (MARGIN + w, y - 4.0),
            colour: RULE,
            width: 0.5,
        });
        let right = format!(
            "knotmap {} · page {} of {count}",
            env!("CARGO_PKG_VERSION"),
            n + 1
        );
        let right_box = ts.line(
            MARGIN + w * 0.55,
            y,
            w * 0.45,
            &right,
            Weight::Regular,
            7.5,
            GREY,
        );
        let right_box = TextBox {
            align: Align::Right,
            ..right_box
        };
        page.items.push(Item::Text(ts.line(
            MARGIN,
            y,
            w * 0.53,
            left,
            Weight::Regular,
            7.5,
            GREY,
        )));
        page.items.push(Item::Text(right_box));
    }
}
