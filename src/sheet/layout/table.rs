//! The steps table: one row a step, continued over pages with its header repeated.

use super::{
    Align, Frame, GREY, HEADER_FILL, INK, Item, MARGIN, Pages, RULE, Rgb, TextBox, Typesetter,
    Weight,
};
use crate::body::Figure;
use crate::catalog::Catalog;
use crate::picture::{Palette, Pictures, picture_items};
use crate::routine::{Routine, Step, StepSide};
use crate::words;

/// The table's columns: title and width as a share of the content width.
pub(super) const COLUMNS: [(&str, f32); 7] = [
    ("#", 0.04),
    ("Where", 0.19),
    ("Technique", 0.33),
    ("Tool", 0.15),
    ("Dose", 0.10),
    ("Done", 0.08),
    ("Tightness 0–10", 0.11),
];

pub(super) fn column_frames(x0: f32, width: f32) -> [(f32, f32); 7] {
    let mut x = x0;
    COLUMNS.map(|(_, share)| {
        let w = share * width;
        let col = (x, w);
        x += w;
        col
    })
}

/// The sides a step is done on, as labels for its tick boxes.
pub(super) fn side_labels(step: &Step) -> &'static [&'static str] {
    match step.side {
        StepSide::Both => &["L", "R"],
        StepSide::Left => &["L"],
        StepSide::Right => &["R"],
        StepSide::Middle => &[""],
    }
}

pub(super) fn place_text(catalog: &Catalog, step: &Step) -> (String, String) {
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

pub(super) fn table_header(ts: &Typesetter<'_>, pages: &mut Pages) {
    let w = pages.content_width();
    let cols = column_frames(MARGIN, w);
    let h = 16.0;
    pages.push(Item::Rect {
        frame: Frame::new(MARGIN, pages.y, w, h),
        fill: Some(HEADER_FILL),
        stroke: None,
        radius: 0.0,
    });
    for ((title, _), (x, cw)) in COLUMNS.iter().zip(cols) {
        let text = ts.text(
            x + 3.0,
            pages.y + 4.0,
            cw - 6.0,
            title,
            Weight::Bold,
            8.0,
            6.0,
            1,
            GREY,
            Align::Left,
        );
        pages.push(Item::Text(text));
    }
    pages.y += h;
}

/// The cells of one step, laid out at the top of the page; returns the items and the height.
// One row of the table reads best as one function, cell by cell.
#[allow(clippy::too_many_lines)]
pub(super) fn step_row(
    ts: &Typesetter<'_>,
    catalog: &Catalog,
    figure: Figure,
    index: usize,
    step: &Step,
    y: f32,
    width: f32,
) -> (Vec<Item>, f32) {
    let cols = column_frames(MARGIN, width);
    let pad = 5.0;
    let mut items = Vec::new();
    let mut bottom = y + 26.0;
    let stack = |items: &mut Vec<Item>, bottom: &mut f32, boxes: Vec<TextBox>| {
        for b in boxes {
            *bottom = bottom.max(b.frame.bottom() + pad);
            items.push(Item::Text(b));
        }
    };
    let top = y + pad;
    let cell = |c: usize| (cols[c].0 + 3.0, cols[c].1 - 6.0);

    let (x, w) = cell(0);
    stack(
        &mut items,
        &mut bottom,
        vec![ts.text(
            x,
            top,
            w,
            &(index + 1).to_string(),
            Weight::Bold,
            12.0,
            8.0,
            1,
            INK,
            Align::Left,
        )],
    );

    let (x, w) = cell(1);
    let (place, side) = place_text(catalog, step);
    let place_box = ts.text(
        x,
        top,
        w,
        &place,
        Weight::Bold,
        9.5,
        7.5,
        3,
        INK,
        Align::Left,
    );
    let side_box = ts.text(
        x,
        place_box.frame.bottom(),
        w,
        &side,
        Weight::Regular,
        8.0,
        7.0,
        1,
        GREY,
        Align::Left,
    );
    // The position, small, under the place: enough to recognise it on the floor.
    let picture_top = side_box.frame.bottom() + 3.0;
    stack(&mut items, &mut bottom, vec![place_box, side_box]);
    if let Some(picture) = Pictures::builtin()
        .ok()
        .and_then(|pictures| pictures.get(&step.technique))
    {
        let frame = Frame::new(x, picture_top, w, w * 0.56);
        items.extend(picture_items(picture, figure, frame, &Palette::LIGHT));
        bottom = bottom.max(frame.bottom() + pad);
    }

    let (x, w) = cell(2);
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
        Weight::Bold,
        9.5,
        7.5,
        2,
        INK,
        Align::Left,
    );
    let mut boxes_y = name_box.frame.bottom();
    let mut boxes = vec![name_box];
    if !summary.is_empty() {
        let b = ts.text(
            x,
            boxes_y,
            w,
            &summary,
            Weight::Regular,
            8.5,
            7.0,
            3,
            GREY,
            Align::Left,
        );
        boxes_y = b.frame.bottom();
        boxes.push(b);
    }
    if let Some(note) = &step.note {
        boxes.push(ts.text(
            x,
            boxes_y + 1.0,
            w,
            &format!("Note: {note}"),
            Weight::Regular,
            8.5,
            7.0,
            3,
            INK,
            Align::Left,
        ));
    }
    stack(&mut items, &mut bottom, boxes);

    let (x, w) = cell(3);
    let tool = catalog.tool(&step.tool).map_or_else(
        || format!("unknown tool “{}”", step.tool),
        |t| t.name.clone(),
    );
    stack(
        &mut items,
        &mut bottom,
        vec![ts.text(
            x,
            top,
            w,
            &tool,
            Weight::Regular,
            9.0,
            7.0,
            3,
            INK,
            Align::Left,
        )],
    );

    let (x, w) = cell(4);
    let amount = words::dose(step.dose);
    let dose_box = ts.text(
        x,
        top,
        w,
        &amount,
        Weight::Bold,
        10.0,
        7.0,
        2,
        INK,
        Align::Left,
    );
    let per = if step.side == StepSide::Middle {
        ""
    } else {
        "per side"
    };
    let per_box = ts.text(
        x,
        dose_box.frame.bottom(),
        w,
        per,
        Weight::Regular,
        8.0,
        6.5,
        1,
        GREY,
        Align::Left,
    );
    stack(&mut items, &mut bottom, vec![dose_box, per_box]);

    // One tick box and one tightness box per side.
    for (i, label) in side_labels(step).iter().enumerate() {
        let by = top + i as f32 * 15.0;
        for (c, box_w) in [(5, 11.0), (6, 26.0)] {
            let (x, _) = cell(c);
            let label_w = if label.is_empty() { 0.0 } else { 9.0 };
            if !label.is_empty() {
                items.push(Item::Text(ts.text(
                    x,
                    by + 1.0,
                    label_w,
                    label,
                    Weight::Bold,
                    7.5,
                    6.0,
                    1,
                    GREY,
                    Align::Left,
                )));
            }
            items.push(Item::Rect {
                frame: Frame::new(x + label_w, by, box_w, 11.0),
                fill: None,
                stroke: Some((Rgb(0x70, 0x70, 0x70), 0.7)),
                radius: 1.5,
            });
            bottom = bottom.max(by + 11.0 + pad);
        }
    }
    (items, bottom - y)
}

pub(super) fn table(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    routine: &Routine,
    catalog: &Catalog,
    figure: Figure,
) {
    let w = pages.content_width();
    if pages.y + 60.0 > pages.bottom() {
        pages.new_page();
    }
    table_header(ts, pages);
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
        pages.push(Item::Text(empty));
        return;
    }
    for (index, step) in routine.steps.iter().enumerate() {
        let (_, height) = step_row(ts, catalog, figure, index, step, 0.0, w);
        if pages.y + height > pages.bottom() {
            pages.new_page();
            let cont = ts.line(
                MARGIN,
                pages.y,
                w,
                &format!("{} — continued", routine.name),
                Weight::Bold,
                11.0,
                GREY,
            );
            pages.y = cont.frame.bottom() + 6.0;
            pages.push(Item::Text(cont));
            table_header(ts, pages);
        }
        let (items, height) = step_row(ts, catalog, figure, index, step, pages.y, w);
        for item in items {
            pages.push(item);
        }
        pages.y += height;
        pages.push(Item::Line {
            from: (MARGIN, pages.y),
            to: (MARGIN + w, pages.y),
            colour: RULE,
            width: 0.5,
        });
    }
    pages.y += 14.0;
}
