//! The steps table: one row a step, each with its position's picture, its tick boxes and its
//! tightness boxes; continued over pages with its header repeated.

use super::Style;
use super::{
    Align, Frame, GREY, HEADER_FILL, INK, Item, MARGIN, Pages, RULE, Rgb, Role, SMALLEST, Tag,
    TextBox, Typesetter, Weight,
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
                size: size,
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

/// One step's row, laid out from `y`.
struct Row {
    /// Each column's items, in reading order.
    cells: [Vec<Item>; 8],
    /// The position's picture: the words that stand for it, and its drawing.
    picture: Option<(String, Vec<Item>)>,
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

/// The cells of one step from `y`.
// One row of the table reads best as one function, cell by cell.
#[allow(clippy::too_many_lines, clippy::too_many_arguments)]
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
    let cols = column_frames(MARGIN, width);
    let pad = 4.0 * scale;
    let mut row = Row {
        cells: Default::default(),
        picture: None,
        boxes: Vec::new(),
        height: 0.0,
    };
    let mut bottom = y;
    let top = y + pad;
    let cell = |c: usize| (cols[c].0 + 2.0, cols[c].1 - 4.0);
    let put = |row: &mut Row, c: usize, b: TextBox| row.cells[c].push(Item::Text(b));

    let (x, w) = cell(0);
    let number = ts.line(
        x,
        top,
        w + 2.0,
        &(index + 1).to_string(),
        Weight::Bold,
        11.0 * scale,
        INK,
    );
    put(&mut row, 0, number);

    // The position, small: enough to recognise it on the floor.
    let (x, w) = cell(PICTURE);
    if let Some(picture) = Pictures::builtin()
        .ok()
        .and_then(|pictures| pictures.get(&step.technique))
    {
        let h = (w * 0.56).min(34.0 * scale);
        let pw = h / 0.56;
        let frame = Frame::new(x + (w - pw) / 2.0, top, pw, h);
        if purpose == Purpose::Draw {
            row.picture = Some((
                picture.describe(),
                picture_items(picture, figure, frame, &Palette::LIGHT),
            ));
        }
        bottom = bottom.max(frame.bottom());
    }

    let (x, w) = cell(2);
    let (place, side) = place_text(catalog, step);
    let place_box = ts.text(
        x,
        top,
        w,
        &place,
        Style {
            weight: Weight::Bold,
            size: 8.5 * scale,
            min: 7.0,
            max_lines: 2,
            colour: INK,
            align: Align::Left,
        },
    );
    let side_box = ts.line(
        x,
        place_box.frame.bottom(),
        w,
        &side,
        Weight::Regular,
        7.5 * scale,
        GREY,
    );
    put(&mut row, 2, place_box);
    put(&mut row, 2, side_box);

    let (x, w) = cell(3);
    let (name, summary) = match catalog.technique(&step.technique) {
        Some(t) => (t.name.clone(), t.summary.clone()),
        None => (
            format!("unknown technique “{}”", step.technique),
            String::new(),
        ),
    };
    let name_box = ts.text(
        x,
        top,
        w,
        &name,
        Style {
            weight: Weight::Bold,
            size: 8.5 * scale,
            min: 7.0,
            max_lines: 2,
            colour: INK,
            align: Align::Left,
        },
    );
    let mut text_y = name_box.frame.bottom();
    put(&mut row, 3, name_box);
    let small = 7.5 * scale;
    if !summary.is_empty() {
        let b = ts.text(
            x,
            text_y,
            w,
            &summary,
            Style {
                weight: Weight::Regular,
                size: small,
                min: SMALLEST,
                max_lines: 2,
                colour: GREY,
                align: Align::Left,
            },
        );
        text_y = b.frame.bottom();
        put(&mut row, 3, b);
    }
    if let Some(note) = &step.note {
        let b = ts.text(
            x,
            text_y,
            w,
            &format!("Note: {note}"),
            Style {
                weight: Weight::Regular,
                size: small,
                min: SMALLEST,
                max_lines: 3,
                colour: INK,
                align: Align::Left,
            },
        );
        put(&mut row, 3, b);
    }

    let (x, w) = cell(4);
    let tool = catalog.tool(&step.tool).map_or_else(
        || format!("unknown tool “{}”", step.tool),
        |t| t.name.clone(),
    );
    let tool_box = ts.text(
        x,
        top,
        w,
        &tool,
        Style {
            weight: Weight::Regular,
            size: 8.0 * scale,
            min: SMALLEST,
            max_lines: 2,
            colour: INK,
            align: Align::Left,
        },
    );
    put(&mut row, 4, tool_box);

    let (x, w) = cell(5);
    let dose_box = ts.text(
        x,
        top,
        w,
        &words::dose(step.dose),
        Style {
            weight: Weight::Bold,
            size: 9.0 * scale,
            min: 7.0,
            max_lines: 2,
            colour: INK,
            align: Align::Left,
        },
    );
    let per = if step.side == StepSide::Middle {
        ""
    } else {
        "per side"
    };
    let per_box = ts.line(
        x,
        dose_box.frame.bottom(),
        w,
        per,
        Weight::Regular,
        7.0 * scale,
        GREY,
    );
    put(&mut row, 5, dose_box);
    put(&mut row, 5, per_box);

    // One tick box and one tightness box per side.
    let box_h = 10.0 * scale.max(0.9);
    for (i, label) in side_labels(step).iter().enumerate() {
        let by = top + i as f32 * (box_h + 3.0 * scale);
        for (c, box_w) in [(DONE, box_h), (TIGHTNESS, 2.4 * box_h)] {
            let (x, _) = cell(c);
            let label_w = if label.is_empty() { 0.0 } else { 8.0 };
            if !label.is_empty() {
                let text = ts.text(
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
