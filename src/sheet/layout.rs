//! Lays the sheet out: header, body diagram, equipment, the steps table (continued over pages
//! with its header repeated), cautions, and a footer on every page.

use super::{Align, Fonts, Frame, Item, Page, Paper, Rgb, Sheet, SheetError, TextBox, Weight};
use crate::body::Body;
use crate::catalog::{Catalog, Severity};
use crate::routine::{Routine, When};
use crate::words;

mod diagram;
mod table;

use diagram::diagram;
use table::table;

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
    table(&ts, &mut pages, routine, catalog, body.figure);
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
        words::duration(routine.total_seconds()),
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

/// The cautions that apply to this routine's places, techniques and tools, and to the time
/// it is done.
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
        .filter(|c| !c.before_a_run_only || matches!(routine.when, When::BeforeRun | When::AnyTime))
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
