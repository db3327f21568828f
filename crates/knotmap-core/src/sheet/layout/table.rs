//! The steps table: one row a step, each with its position's picture, its tick boxes and its
//! tightness boxes; continued over pages with its header repeated.

use super::Style;
use super::{
    Align, Frame, GREY, HEADER_FILL, INK, Item, MARGIN, Pages, RULE, Rgb, Role, SMALLEST, Tag,
    Typesetter, Weight,
};
use crate::body::Figure;
use crate::catalog::Catalog;
use crate::picture::{Palette, Pictures, picture_items};
use crate::routine::{Routine, Step, StepSide};
use crate::words;

/// The table's columns: title and width as a share of the content width.
pub(super) const COLUMNS: [(&str, f32); 8] = [
    ("#", 0.035),
    ("Position", 0.115),
    ("Where", 0.155),
    ("Technique", 0.32),
    ("Tool", 0.12),
    ("Dose", 0.085),
    ("Done", 0.065),
    ("Tightness 0–10", 0.105),
];

/// The header row's height at full scale.
pub(super) const HEADER_HEIGHT: f32 = 15.0;

const PICTURE: usize = 1;
const DONE: usize = 6;
const TIGHTNESS: usize = 7;

fn column_frames(x0: f32, width: f32) -> [(f32, f32); 8] {
    let mut x = x0;
    COLUMNS.map(|(_, share)| {
        let w = share * width;
        let col = (x, w);
        x += w;
        col
    })
}

/// The sides a step is done on, as labels for its tick boxes.
fn side_labels(step: &Step) -> &'static [&'static str] {
    match step.side {
        StepSide::Both => &["L", "R"],
        StepSide::Left => &["L"],
        StepSide::Right => &["R"],
        StepSide::Middle => &[""],
    }
}

fn place_text(catalog: &Catalog, step: &Step) -> (String, String) {
    match catalog.region(&step.region) {
        Some(region) => {
            let side = match step.side {
                StepSide::Both => "left, then right",
                StepSide::Left => "left side",
                StepSide::Right => "right side",
                StepSide::Middle => "middle",
            };
            (region.name.clone(), side.to_owned())
        }
        None => (format!("unknown place “{}”", step.region), String::new()),
    }
}

/// The header row; with `tag`, its cells are tagged as the table's header cells, otherwise
/// (a header repeated on a later page) it is decoration.
fn table_header(ts: &Typesetter<'_>, pages: &mut Pages, scale: f32, tag: Option<&mut Tag>) {
    let w = pages.content_width();
    let cols = column_frames(MARGIN, w);
    let h = HEADER_HEIGHT * scale;
    pages.push(Item::Rect {
        frame: Frame::new(MARGIN, pages.y, w, h),
        fill: Some(HEADER_FILL),
        stroke: None,
        radius: 0.0,
    });
    let mut row = Tag::new(Role::Row);
    for ((title, _), (x, cw)) in COLUMNS.iter().zip(cols) {
        let size = 7.5 * scale.max(0.9);
        let text = ts.text(
            x + 2.0,
            pages.y + (h - size * super::LEADING) / 2.0,
            cw - 4.0,
            title,
            Style {
                weight: Weight::Bold,
                size,
                min: SMALLEST,
                max_lines: 1,
                colour: GREY,
                align: Align::Left,
            },
        );
        let mut cell = Tag::new(Role::HeaderCell);
        pages.put(&mut cell, Item::Text(text));
        row.children.push(cell);
    }
    // A header repeated on a later page is for the eye only: its items stay untagged.
    if let Some(tag) = tag {
        tag.children.push(row);
    }
    pages.y += h;
}

/// A position's picture on the sheet: the words that stand for it, and its drawing.
type DrawnPicture = (String, Vec<Item>);

/// One step's row, laid out from `y`.
struct Row {
    /// Each column's items, in reading order.
    cells: [Vec<Item>; 8],
    /// The position's picture: the words that stand for it, and its drawing.
    picture: Option<DrawnPicture>,
    /// The boxes to fill in by hand.
    boxes: Vec<Item>,
    height: f32,
}

/// Whether a row is laid out to be drawn, or only to learn its height.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Draw,
    Measure,
}

/// Where one row's cells sit: each column's left edge and width, less the gaps, and the
/// top of the text.
struct Cells<'a> {
    ts: &'a Typesetter<'a>,
    cols: [(f32, f32); 8],
    top: f32,
    scale: f32,
}

impl Cells<'_> {
    fn at(&self, column: usize) -> (f32, f32) {
        (self.cols[column].0 + 2.0, self.cols[column].1 - 4.0)
    }

    /// A bold heading and a grey line under it, in a column: the place and its side, the
    /// dose and "per side".
    fn pair(&self, column: usize, (first, second): (&str, &str), sizes: (f32, f32)) -> Vec<Item> {
        let (x, w) = self.at(column);
        let top = self.ts.text(
            x,
            self.top,
            w,
            first,
            Style {
                weight: Weight::Bold,
                size: sizes.0 * self.scale,
                min: 7.0,
                max_lines: 2,
                colour: INK,
                align: Align::Left,
            },
        );
        let under = self.ts.line(
            x,
            top.frame.bottom(),
            w,
            second,
            Weight::Regular,
            sizes.1 * self.scale,
            GREY,
        );
        vec![Item::Text(top), Item::Text(under)]
    }

    /// Text in a column, one box after another from the top.
    fn stacked(&self, column: usize, texts: &[(&str, Style)]) -> Vec<Item> {
        let (x, w) = self.at(column);
        let mut y = self.top;
        texts
            .iter()
            .map(|(text, style)| {
                let b = self.ts.text(x, y, w, text, *style);
                y = b.frame.bottom();
                Item::Text(b)
            })
            .collect()
    }
}

/// The step's number, large.
fn number_cell(cells: &Cells<'_>, index: usize) -> Vec<Item> {
    let (x, w) = cells.at(0);
    vec![Item::Text(cells.ts.line(
        x,
        cells.top,
        w + 2.0,
        &(index + 1).to_string(),
        Weight::Bold,
        11.0 * cells.scale,
        INK,
    ))]
}

/// The position, small: enough to recognise it on the floor. Its frame, and its words and
/// drawing when the row is drawn.
fn picture_cell(
    cells: &Cells<'_>,
    figure: Figure,
    step: &Step,
    purpose: Purpose,
) -> Option<(Frame, Option<DrawnPicture>)> {
    let (x, w) = cells.at(PICTURE);
    let picture = Pictures::builtin().ok()?.get(&step.technique)?;
    let h = (w * 0.56).min(34.0 * cells.scale);
    let pw = h / 0.56;
    let frame = Frame::new(x + (w - pw) / 2.0, cells.top, pw, h);
    let drawn = (purpose == Purpose::Draw).then(|| {
        (
            picture.describe(),
            picture_items(picture, figure, frame, &Palette::LIGHT),
        )
    });
    Some((frame, drawn))
}

/// The technique's name, its summary and the step's note.
fn technique_cell(cells: &Cells<'_>, catalog: &Catalog, step: &Step) -> Vec<Item> {
    let (name, summary) = match catalog.technique(&step.technique) {
        Some(t) => (t.name.clone(), t.summary.clone()),
        None => (
            format!("unknown technique “{}”", step.technique),
            String::new(),
        ),
    };
    let small = |max_lines: usize, colour: Rgb| Style {
        weight: Weight::Regular,
        size: 7.5 * cells.scale,
        min: SMALLEST,
        max_lines,
        colour,
        align: Align::Left,
    };
    let mut texts = vec![(
        name,
        Style {
            weight: Weight::Bold,
            size: 8.5 * cells.scale,
            min: 7.0,
            max_lines: 2,
            colour: INK,
            align: Align::Left,
        },
    )];
    if !summary.is_empty() {
        texts.push((summary, small(2, GREY)));
    }
    if let Some(note) = &step.note {
        texts.push((format!("Note: {note}"), small(3, INK)));
    }
    let texts: Vec<(&str, Style)> = texts.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    cells.stacked(3, &texts)
}

/// The tool's name.
fn tool_cell(cells: &Cells<'_>, catalog: &Catalog, step: &Step) -> Vec<Item> {
    let tool = catalog.tool(&step.tool).map_or_else(
        || format!("unknown tool “{}”", step.tool),
        |t| t.name.clone(),
    );
    let style = Style {
        weight: Weight::Regular,
        size: 8.0 * cells.scale,
        min: SMALLEST,
        max_lines: 2,
        colour: INK,
        align: Align::Left,
    };
    cells.stacked(4, &[(&tool, style)])
}

/// One tick box and one tightness box per side, each side's named; the labels go to their
/// cells, the boxes to the row's boxes. The bottom of the last box.
fn tick_boxes(cells: &Cells<'_>, step: &Step, row: &mut Row) -> f32 {
    let scale = cells.scale;
    let box_h = 10.0 * scale.max(0.9);
    let mut bottom = cells.top;
    for (i, label) in side_labels(step).iter().enumerate() {
        let by = cells.top + i as f32 * (box_h + 3.0 * scale);
        for (c, box_w) in [(DONE, box_h), (TIGHTNESS, 2.4 * box_h)] {
            let (x, _) = cells.at(c);
            let label_w = if label.is_empty() { 0.0 } else { 8.0 };
            if !label.is_empty() {
                let text = cells.ts.text(
                    x,
                    by + (box_h - 7.0 * super::LEADING) / 2.0,
                    label_w,
                    label,
                    Style {
                        weight: Weight::Bold,
                        size: 7.0,
                        min: SMALLEST,
                        max_lines: 1,
                        colour: GREY,
                        align: Align::Left,
                    },
                );
                row.cells[c].push(Item::Text(text));
            }
            row.boxes.push(Item::Rect {
                frame: Frame::new(x + label_w, by, box_w, box_h),
                fill: None,
                stroke: Some((Rgb(0x70, 0x70, 0x70), 0.7)),
                radius: 1.5,
            });
            bottom = bottom.max(by + box_h);
        }
    }
    bottom
}

/// The cells of one step from `y`, column by column.
#[allow(clippy::too_many_arguments)]
fn step_row(
    ts: &Typesetter<'_>,
    catalog: &Catalog,
    figure: Figure,
    index: usize,
    step: &Step,
    y: f32,
    width: f32,
    scale: f32,
    purpose: Purpose,
) -> Row {
    let pad = 4.0 * scale;
    let cells = Cells {
        ts,
        cols: column_frames(MARGIN, width),
        top: y + pad,
        scale,
    };
    let mut row = Row {
        cells: Default::default(),
        picture: None,
        boxes: Vec::new(),
        height: 0.0,
    };
    let mut bottom = y;
    row.cells[0] = number_cell(&cells, index);
    if let Some((frame, drawn)) = picture_cell(&cells, figure, step, purpose) {
        row.picture = drawn;
        bottom = bottom.max(frame.bottom());
    }
    let (place, side) = place_text(catalog, step);
    row.cells[2] = cells.pair(2, (&place, &side), (8.5, 7.5));
    row.cells[3] = technique_cell(&cells, catalog, step);
    row.cells[4] = tool_cell(&cells, catalog, step);
    let per = if step.side == StepSide::Middle {
        ""
    } else {
        "per side"
    };
    row.cells[5] = cells.pair(5, (&words::dose(step.dose), per), (9.0, 7.0));
    bottom = bottom.max(tick_boxes(&cells, step, &mut row));
    for item in row.cells.iter().flatten() {
        if let Item::Text(text) = item {
            bottom = bottom.max(text.frame.bottom());
        }
    }
    row.height = bottom + pad - y;
    row
}

/// Each step's row height, for the page to plan its space.
pub(super) fn row_heights(
    ts: &Typesetter<'_>,
    catalog: &Catalog,
    figure: Figure,
    routine: &Routine,
    width: f32,
    scale: f32,
) -> Vec<f32> {
    routine
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            step_row(
                ts,
                catalog,
                figure,
                index,
                step,
                0.0,
                width,
                scale,
                Purpose::Measure,
            )
            .height
        })
        .collect()
}

/// The table, from the page's current height on; returns its tag.
pub(super) fn table(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    routine: &Routine,
    catalog: &Catalog,
    figure: Figure,
    scale: f32,
) -> Tag {
    let w = pages.content_width();
    let mut table = Tag::new(Role::Table);
    if pages.y + 60.0 > pages.bottom() {
        pages.new_page();
    }
    table_header(ts, pages, scale, Some(&mut table));
    if routine.steps.is_empty() {
        let empty = ts.line(
            MARGIN + 3.0,
            pages.y + 6.0,
            w,
            "This routine has no steps yet.",
            Weight::Regular,
            10.0,
            GREY,
        );
        pages.y = empty.frame.bottom() + 8.0;
        let mut section = Tag::new(Role::Section);
        section.children.push(table);
        section
            .children
            .push(super::tagged_text(pages, Role::Paragraph, empty));
        return section;
    }
    for (index, step) in routine.steps.iter().enumerate() {
        let height = step_row(
            ts,
            catalog,
            figure,
            index,
            step,
            0.0,
            w,
            scale,
            Purpose::Measure,
        )
        .height;
        if pages.y + height > pages.bottom() {
            pages.new_page();
            let cont = ts.line(
                MARGIN,
                pages.y,
                w,
                &format!("{} — continued", routine.name),
                Weight::Bold,
                10.0,
                GREY,
            );
            pages.y = cont.frame.bottom() + 4.0;
            pages.push(Item::Text(cont));
            table_header(ts, pages, scale, None);
        }
        let row = step_row(
            ts,
            catalog,
            figure,
            index,
            step,
            pages.y,
            w,
            scale,
            Purpose::Draw,
        );
        let mut row_tag = Tag::new(Role::Row);
        for item in row.boxes {
            pages.push(item);
        }
        let mut picture = row.picture;
        for (c, items) in row.cells.into_iter().enumerate() {
            let mut cell = Tag::new(Role::Cell);
            if c == PICTURE
                && let Some((alt, drawing)) = picture.take()
            {
                let mut figure = Tag::new(Role::Figure(alt));
                for item in drawing {
                    pages.put(&mut figure, item);
                }
                cell.children.push(figure);
            }
            for item in items {
                pages.put(&mut cell, item);
            }
            row_tag.children.push(cell);
        }
        table.children.push(row_tag);
        pages.y += row.height;
        pages.push(Item::Line {
            from: (MARGIN, pages.y),
            to: (MARGIN + w, pages.y),
            colour: RULE,
            width: 0.5,
        });
    }
    pages.y += 10.0;
    table
}
