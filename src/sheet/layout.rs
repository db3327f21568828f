//! Lays the sheet out: header, body diagram, equipment, the steps table (continued over pages
//! with its header repeated), cautions, and a footer on every page.

use super::{Align, Fonts, Frame, Item, Page, Paper, Rgb, Sheet, SheetError, TextBox, Weight};
use crate::body::{Body, Place};
use crate::catalog::{Catalog, Severity, Side, Stride, View};
use crate::routine::{Routine, Step, StepSide, format_duration};

const MARGIN: f32 = 36.0;
const FOOTER: f32 = 24.0;
const INK: Rgb = Rgb(0x1E, 0x1E, 0x1E);
const GREY: Rgb = Rgb(0x5E, 0x5E, 0x5E);
const RULE: Rgb = Rgb(0xC4, 0xC4, 0xC4);
const HEADER_FILL: Rgb = Rgb(0xEF, 0xEF, 0xEF);
const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

/// Line spacing as a multiple of the font size.
const LEADING: f32 = 1.28;

/// Builds text boxes that fit.
struct Typesetter<'a> {
    fonts: &'a Fonts,
}

impl Typesetter<'_> {
    /// A box at (x, y) of width `w` holding `text`, shrunk down to `min` and cut to
    /// `max_lines` if it must be.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        x: f32,
        y: f32,
        w: f32,
        text: &str,
        weight: Weight,
        size: f32,
        min: f32,
        max_lines: usize,
        colour: Rgb,
        align: Align,
    ) -> TextBox {
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

    #[allow(clippy::too_many_arguments)]
    fn line(
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
            weight,
            size,
            size * 0.7,
            1,
            colour,
            Align::Left,
        )
    }
}

/// The table's columns: title and width as a share of the content width.
const COLUMNS: [(&str, f32); 7] = [
    ("#", 0.04),
    ("Where", 0.19),
    ("Technique", 0.33),
    ("Tool", 0.15),
    ("Dose", 0.10),
    ("Done", 0.08),
    ("Tightness 0–10", 0.11),
];

fn column_frames(x0: f32, width: f32) -> [(f32, f32); 7] {
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

/// Pages being filled, top to bottom.
struct Pages {
    width: f32,
    height: f32,
    pages: Vec<Page>,
    y: f32,
}

impl Pages {
    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN;
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }
}

/// Lays out the session sheet of a routine.
pub fn layout(
    routine: &Routine,
    catalog: &Catalog,
    body: &Body,
    paper: Paper,
    file_name: Option<&str>,
) -> Result<Sheet, SheetError> {
    let fonts = Fonts::get().ok_or(SheetError::Fonts)?;
    let ts = Typesetter { fonts };
    let (width, height) = paper.size();
    let mut pages = Pages {
        width,
        height,
        pages: Vec::new(),
        y: MARGIN,
    };
    pages.new_page();
    header(&ts, &mut pages, routine);
    figure_row(&ts, &mut pages, routine, catalog, body);
    table(&ts, &mut pages, routine, catalog);
    cautions(&ts, &mut pages, routine, catalog);
    footers(&ts, &mut pages, routine, file_name);
    Ok(Sheet {
        paper,
        title: routine.name.clone(),
        pages: pages.pages,
    })
}

fn header(ts: &Typesetter<'_>, pages: &mut Pages, routine: &Routine) {
    let w = pages.content_width();
    let title = ts.text(
        MARGIN,
        pages.y,
        w,
        &routine.name,
        Weight::Bold,
        22.0,
        15.0,
        2,
        INK,
        Align::Left,
    );
    pages.y = title.frame.bottom() + 3.0;
    pages.push(Item::Text(title));
    let steps = routine.steps.len();
    let meta = format!(
        "{} · {} · {} step{}",
        routine.when.title(),
        format_duration(routine.total_seconds()),
        steps,
        if steps == 1 { "" } else { "s" }
    );
    let meta = ts.line(MARGIN, pages.y, w, &meta, Weight::Regular, 11.0, GREY);
    pages.y = meta.frame.bottom() + 6.0;
    pages.push(Item::Text(meta));
    if !routine.notes.trim().is_empty() {
        let notes = ts.text(
            MARGIN,
            pages.y,
            w,
            routine.notes.trim(),
            Weight::Regular,
            10.0,
            8.0,
            5,
            INK,
            Align::Left,
        );
        pages.y = notes.frame.bottom() + 6.0;
        pages.push(Item::Text(notes));
    }
    // Lines to fill in by hand.
    let y = pages.y + 12.0;
    let half = w / 2.0;
    for (i, label) in ["Date", "How I felt"].iter().enumerate() {
        let x = MARGIN + half * i as f32;
        let text = ts.line(x, y - 10.0, 70.0, label, Weight::Bold, 9.0, GREY);
        let label_w = fonts_width(ts, label, Weight::Bold, text.size) + 6.0;
        pages.push(Item::Text(text));
        pages.push(Item::Line {
            from: (x + label_w, y + 1.0),
            to: (x + half - 14.0, y + 1.0),
            colour: RULE,
            width: 0.7,
        });
    }
    pages.y = y + 12.0;
}

fn fonts_width(ts: &Typesetter<'_>, text: &str, weight: Weight, size: f32) -> f32 {
    ts.fonts.width(text, weight, size)
}

/// The body diagram on the left, the equipment on the right.
fn figure_row(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    routine: &Routine,
    catalog: &Catalog,
    body: &Body,
) {
    let w = pages.content_width();
    let height = 300.0_f32.min(pages.bottom() - pages.y - 120.0).max(150.0);
    let diagram_frame = Frame::new(MARGIN, pages.y, w * 0.5, height);
    for item in diagram(ts, catalog, body, routine, diagram_frame) {
        pages.push(item);
    }
    let x = MARGIN + w * 0.54;
    let column = Frame::new(x, pages.y, w - (x - MARGIN), height);
    for item in equipment(ts, catalog, routine, column) {
        pages.push(item);
    }
    pages.y += height + 14.0;
}

/// A light tint of a stride colour, for shading on paper.
fn tint(stride: Stride) -> Rgb {
    match stride {
        Stride::HipFlexion => Rgb(0xF6, 0xC9, 0xA4),
        Stride::PushOff => Rgb(0xA9, 0xCB, 0xE6),
        Stride::Breathing => Rgb(0xD3, 0xBE, 0xEA),
        Stride::Stability => Rgb(0xB0, 0xDB, 0xBD),
    }
}

/// Step numbers at each place the routine works.
fn numbered_places(catalog: &Catalog, routine: &Routine) -> Vec<(Place, Vec<usize>)> {
    let mut out: Vec<(Place, Vec<usize>)> = Vec::new();
    for (i, step) in routine.steps.iter().enumerate() {
        let Some(region) = catalog.region_index(&step.region) else {
            continue;
        };
        let sides: &[Option<Side>] = match step.side {
            StepSide::Both => &[Some(Side::Left), Some(Side::Right)],
            StepSide::Left => &[Some(Side::Left)],
            StepSide::Right => &[Some(Side::Right)],
            StepSide::Middle => &[None],
        };
        for &side in sides {
            let place = Place { region, side };
            match out.iter_mut().find(|(p, _)| *p == place) {
                Some((_, numbers)) => numbers.push(i + 1),
                None => out.push((place, vec![i + 1])),
            }
        }
    }
    out
}

fn overlaps(a: &Frame, b: &Frame) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Drops points closer than `min` to the last one kept: the diagram is small on paper, and the
/// outlines are flattened finely enough for a full-screen window.
fn thin(points: &[kurbo::Point], min: f64) -> Vec<&kurbo::Point> {
    let mut kept: Vec<&kurbo::Point> = Vec::with_capacity(points.len() / 4 + 2);
    for p in points {
        if kept.last().is_none_or(|last| last.distance(*p) >= min) {
            kept.push(p);
        }
    }
    kept
}

fn diagram(
    ts: &Typesetter<'_>,
    catalog: &Catalog,
    body: &Body,
    routine: &Routine,
    frame: Frame,
) -> Vec<Item> {
    let mut items = Vec::new();
    let numbered = numbered_places(catalog, routine);
    let mut placed: Vec<Frame> = Vec::new();
    let caption_h = 12.0;
    for (i, view) in View::ALL.into_iter().enumerate() {
        let sub = Frame::new(
            frame.x + frame.w / 2.0 * i as f32,
            frame.y,
            frame.w / 2.0,
            frame.h - caption_h,
        );
        let scale = ((sub.w - 6.0) / body.width as f32).min(sub.h / body.height as f32);
        let ox = sub.x + (sub.w - body.width as f32 * scale) / 2.0;
        let oy = sub.y;
        let map = |p: &kurbo::Point| (ox + p.x as f32 * scale, oy + p.y as f32 * scale);
        let shape = body.view(view);
        items.push(Item::Polygon {
            points: thin(&shape.silhouette, 1.5).into_iter().map(map).collect(),
            fill: Some(Rgb(0xF5, 0xF1, 0xEC)),
            stroke: Some((Rgb(0x8E, 0x84, 0x7B), 0.6)),
        });
        for place in &shape.places {
            let region = &catalog.regions[place.place.region];
            let worked = numbered.iter().any(|(p, _)| *p == place.place);
            let (fill, stroke) = if region.is_no_roll() {
                (
                    Some(Rgb(0xFB, 0xE4, 0xE4)),
                    Some((Rgb(0xC0, 0x32, 0x32), 0.4)),
                )
            } else if worked {
                let stride = region
                    .muscles
                    .first()
                    .and_then(|m| catalog.muscle(m))
                    .map_or(Stride::Stability, |m| m.stride);
                (Some(tint(stride)), Some((Rgb(0x55, 0x4C, 0x46), 0.5)))
            } else {
                (None, Some((Rgb(0xCB, 0xC3, 0xBA), 0.35)))
            };
            items.push(Item::Polygon {
                points: thin(&place.outline, 1.2).into_iter().map(map).collect(),
                fill,
                stroke,
            });
        }
        for line in &shape.details {
            items.push(Item::Polyline {
                points: thin(line, 1.5).into_iter().map(map).collect(),
                colour: Rgb(0xCD, 0xC5, 0xBD),
                width: 0.3,
            });
        }
        for (place, numbers) in &numbered {
            let Some(shape) = shape.shape(*place) else {
                continue;
            };
            let label = match numbers.as_slice() {
                [one] => one.to_string(),
                [a, b] => format!("{a},{b}"),
                [a, ..] => format!("{a}+"),
                [] => continue,
            };
            let size = 6.5;
            let text_w = ts.fonts.width(&label, Weight::Bold, size);
            let (cx, cy) = map(&shape.anchor);
            let mut pill = Frame::new(
                cx - (text_w / 2.0 + 3.0).max(5.5),
                cy - 5.5,
                (text_w + 6.0).max(11.0),
                11.0,
            );
            // Nudge a badge off the ones already placed, alternately below and above.
            let original_y = pill.y;
            for attempt in 1..=6_u8 {
                if !placed.iter().any(|p: &Frame| overlaps(p, &pill)) {
                    break;
                }
                let step = 12.0 * f32::from(attempt.div_ceil(2));
                pill.y = if attempt % 2 == 1 {
                    original_y + step
                } else {
                    original_y - step
                };
            }
            placed.push(pill);
            let cy = pill.y + 5.5;
            items.push(Item::Rect {
                frame: pill,
                fill: Some(INK),
                stroke: Some((WHITE, 0.6)),
                radius: 5.5,
            });
            let leading = size * LEADING;
            items.push(Item::Text(TextBox {
                frame: Frame::new(pill.x, cy - leading / 2.0, pill.w, leading),
                lines: vec![label],
                weight: Weight::Bold,
                size,
                leading,
                colour: WHITE,
                align: Align::Centre,
            }));
        }
        let caption = match view {
            View::Front => "FRONT",
            View::Back => "BACK",
        };
        items.push(Item::Text(ts.text(
            sub.x,
            frame.bottom() - caption_h + 2.0,
            sub.w,
            caption,
            Weight::Bold,
            7.0,
            6.0,
            1,
            GREY,
            Align::Centre,
        )));
    }
    items
}

fn equipment(
    ts: &Typesetter<'_>,
    catalog: &Catalog,
    routine: &Routine,
    column: Frame,
) -> Vec<Item> {
    let mut tools: Vec<&crate::catalog::ToolId> = Vec::new();
    for step in &routine.steps {
        if !tools.contains(&&step.tool) {
            tools.push(&step.tool);
        }
    }
    let entries: Vec<(String, String)> = tools
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
        .collect();
    // Shrink the list until it fits the column; past the smallest size, cut it short.
    let mut size = 10.0;
    loop {
        let mut items = Vec::new();
        let heading = ts.line(
            column.x,
            column.y,
            column.w,
            "You will need",
            Weight::Bold,
            12.0,
            INK,
        );
        let mut y = heading.frame.bottom() + 4.0;
        items.push(Item::Text(heading));
        let mut fitted = 0;
        for (name, extra) in &entries {
            let name_box = ts.text(
                column.x + 12.0,
                y,
                column.w - 12.0,
                name,
                Weight::Bold,
                size,
                size,
                2,
                INK,
                Align::Left,
            );
            let mut bottom = name_box.frame.bottom();
            let extra_box = (!extra.is_empty()).then(|| {
                ts.text(
                    column.x + 12.0,
                    bottom,
                    column.w - 12.0,
                    extra,
                    Weight::Regular,
                    size - 1.5,
                    size - 1.5,
                    2,
                    GREY,
                    Align::Left,
                )
            });
            if let Some(b) = &extra_box {
                bottom = b.frame.bottom();
            }
            if bottom > column.bottom() - size * 1.6 {
                break;
            }
            items.push(Item::Rect {
                frame: Frame::new(column.x + 1.0, y + size * 0.25, size * 0.7, size * 0.7),
                fill: None,
                stroke: Some((GREY, 0.6)),
                radius: 1.0,
            });
            items.push(Item::Text(name_box));
            if let Some(b) = extra_box {
                items.push(Item::Text(b));
            }
            y = bottom + 4.0;
            fitted += 1;
        }
        if fitted == entries.len() || size <= 7.5 {
            if fitted < entries.len() {
                let more = format!("…and {} more, listed in the table", entries.len() - fitted);
                items.push(Item::Text(ts.line(
                    column.x + 12.0,
                    y,
                    column.w - 12.0,
                    &more,
                    Weight::Regular,
                    size - 1.0,
                    GREY,
                )));
            }
            return items;
        }
        size -= 0.5;
    }
}

fn table_header(ts: &Typesetter<'_>, pages: &mut Pages) {
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
fn step_row(
    ts: &Typesetter<'_>,
    catalog: &Catalog,
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
    stack(&mut items, &mut bottom, vec![place_box, side_box]);

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
    let amount = match step.dose {
        // Short doses read best in seconds: "90 s" rather than "1 min 30 s".
        crate::catalog::Dose::Seconds(s) if s < 180 => format!("{s} s"),
        crate::catalog::Dose::Seconds(s) => format_duration(s),
        crate::catalog::Dose::Passes(1) => "1 pass".to_owned(),
        crate::catalog::Dose::Passes(n) => format!("{n} passes"),
    };
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

fn table(ts: &Typesetter<'_>, pages: &mut Pages, routine: &Routine, catalog: &Catalog) {
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
        let (_, height) = step_row(ts, catalog, index, step, 0.0, w);
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
        let (items, height) = step_row(ts, catalog, index, step, pages.y, w);
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

/// The cautions that apply to this routine's places, techniques and tools.
pub fn routine_cautions<'a>(
    routine: &Routine,
    catalog: &'a Catalog,
) -> Vec<&'a crate::catalog::Caution> {
    let regions: Vec<_> = routine.steps.iter().map(|s| &s.region).collect();
    let techniques: Vec<_> = routine.steps.iter().map(|s| &s.technique).collect();
    let tools: Vec<_> = routine.steps.iter().map(|s| &s.tool).collect();
    let muscles: Vec<_> = routine
        .steps
        .iter()
        .filter_map(|s| catalog.region(&s.region))
        .flat_map(|r| r.muscles.iter())
        .collect();
    let mut list: Vec<_> = catalog
        .cautions
        .iter()
        .filter(|c| c.applies_to(&regions, &muscles, &techniques, &tools))
        .collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.severity));
    list
}

fn cautions(ts: &Typesetter<'_>, pages: &mut Pages, routine: &Routine, catalog: &Catalog) {
    let list = routine_cautions(routine, catalog);
    if list.is_empty() {
        return;
    }
    let w = pages.content_width();
    if pages.y + 60.0 > pages.bottom() {
        pages.new_page();
    }
    let heading = ts.line(MARGIN, pages.y, w, "Take care", Weight::Bold, 13.0, INK);
    pages.y = heading.frame.bottom() + 4.0;
    pages.push(Item::Text(heading));
    for caution in list {
        let colour = match caution.severity {
            Severity::Danger => Rgb(0xA8, 0x1E, 0x1E),
            Severity::Caution => Rgb(0x8A, 0x52, 0x00),
            Severity::Info => GREY,
        };
        let title = format!("{} · {}", caution.severity.title(), caution.title);
        let head = ts.text(
            MARGIN,
            0.0,
            w,
            &title,
            Weight::Bold,
            9.5,
            8.0,
            2,
            colour,
            Align::Left,
        );
        let body = ts.text(
            MARGIN,
            0.0,
            w,
            &caution.text,
            Weight::Regular,
            9.0,
            7.5,
            6,
            INK,
            Align::Left,
        );
        let height = head.frame.h + body.frame.h + 6.0;
        if pages.y + height > pages.bottom() {
            pages.new_page();
        }
        let mut head = head;
        head.frame.y = pages.y;
        let mut body = body;
        body.frame.y = head.frame.bottom();
        pages.y = body.frame.bottom() + 6.0;
        pages.push(Item::Text(head));
        pages.push(Item::Text(body));
    }
}

fn footers(ts: &Typesetter<'_>, pages: &mut Pages, routine: &Routine, file_name: Option<&str>) {
    let count = pages.pages.len();
    let w = pages.content_width();
    let y = pages.height - MARGIN - 10.0;
    let left = match file_name {
        Some(file) => format!("{} · {file}", routine.name),
        None => routine.name.clone(),
    };
    for (n, page) in pages.pages.iter_mut().enumerate() {
        page.items.push(Item::Line {
            from: (MARGIN, y - 5.0),
            to: (MARGIN + w, y - 5.0),
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
            8.0,
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
            &left,
            Weight::Regular,
            8.0,
            GREY,
        )));
        page.items.push(Item::Text(right_box));
    }
}
