//! Lays the sheet out for the floor: the header, the body diagram beside the equipment and a
//! short line for each caution, then the steps table, all on one page where the routine
//! allows. The sizes shrink together, a step at a time, until the routine fits its page; a
//! routine too long for one page flows on with the table's header repeated. The cautions in
//! full follow on a page of their own when asked for.

use super::{
    Align, Fonts, Frame, Item, Page, Paper, Rgb, Role, Sheet, SheetError, Tag, TextBox, Weight,
};
use crate::body::Body;
use crate::catalog::{Catalog, Caution, Severity};
use crate::routine::{Routine, When};
use crate::words;

mod diagram;
pub(super) mod report;
mod table;

use diagram::diagram;

pub(super) const MARGIN: f32 = 30.0;
const FOOTER: f32 = 16.0;
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

/// Builds text boxes that fit.
pub(super) struct Typesetter<'a> {
    pub(super) fonts: &'a Fonts,
}

/// How a text box is set: its face, its size and the least it may shrink to, the most lines
/// it may take, its colour and its alignment.
#[derive(Clone, Copy, Debug)]
pub(super) struct Style {
    pub(super) weight: Weight,
    pub(super) size: f32,
    pub(super) min: f32,
    pub(super) max_lines: usize,
    pub(super) colour: Rgb,
    pub(super) align: Align,
}

impl Typesetter<'_> {
    /// A box at (x, y) of width `w` holding `text` in `style`, shrunk down to its `min` and cut
    /// to its `max_lines` if it must be.
    pub(super) fn text(&self, x: f32, y: f32, w: f32, text: &str, style: Style) -> TextBox {
        let Style {
            weight,
            size,
            min,
            max_lines,
            colour,
            align,
        } = style;
        let min = min.min(size);
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

    /// One line of text, shrunk to fit if it must be.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn line(
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
            Style {
                weight,
                size,
                min: (size * 0.7).max(SMALLEST),
                max_lines: 1,
                colour,
                align: Align::Left,
            },
        )
    }
}

/// Pages being filled, top to bottom, and the structure that names what is on them.
pub(super) struct Pages {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) pages: Vec<Page>,
    pub(super) y: f32,
}

impl Pages {
    pub(super) fn new(paper: Paper) -> Pages {
        let (width, height) = paper.size();
        Pages {
            width,
            height,
            pages: vec![Page::default()],
            y: MARGIN,
        }
    }

    pub(super) fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    /// Adds an item to the page being filled, as decoration.
    pub(super) fn push(&mut self, item: Item) -> (usize, usize) {
        let page = self.pages.len() - 1;
        let items = &mut self.pages[page].items;
        items.push(item);
        (page, items.len() - 1)
    }

    /// Adds an item as part of `tag`.
    pub(super) fn put(&mut self, tag: &mut Tag, item: Item) {
        let at = self.push(item);
        tag.items.push(at);
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN;
    }

    pub(super) fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }
}

/// A tag holding one text box.
pub(super) fn tagged_text(pages: &mut Pages, role: Role, text: TextBox) -> Tag {
    let mut tag = Tag::new(role);
    pages.put(&mut tag, Item::Text(text));
    tag
}

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

    let cautions = routine_cautions(routine, catalog);
    if !cautions.is_empty() {
        y += 7.0 * scale;
        let care = heading(y, "Take care");
        y = care.frame.bottom() + 2.0;
        tags.push(tagged_text(pages, Role::Heading(2), care));
        let mut list = Tag::new(Role::List);
        let size = 8.0 * scale;
        // The most serious first (the catalog's order); every Danger is listed, and past the
        // limit the rest are counted on a last line.
        let dangers = cautions
            .iter()
            .filter(|c| c.severity == Severity::Danger)
            .count();
        let shown = if cautions.len() <= LISTED_CAUTIONS {
            cautions.len()
        } else {
            (LISTED_CAUTIONS - 1).max(dangers)
        };
        let rest = cautions.len() - shown;
        for caution in cautions.into_iter().take(shown) {
            let (colour, weight) = severity_style(caution.severity);
            let line = ts.line(
                column.x + size,
                y,
                column.w - size,
                &caution.title,
                weight,
                size,
                INK,
            );
            pages.push(Item::Circle {
                centre: (column.x + size * 0.3, y + line.leading / 2.0),
                radius: size * 0.24,
                fill: colour,
            });
            y = line.frame.bottom();
            list.children.push(tagged_text(pages, Role::ListItem, line));
        }
        if rest > 0 {
            let more = format!(
                "and {rest} more caution{}: {}",
                if rest == 1 { "" } else { "s" },
                if details {
                    "all of them in full after the steps"
                } else {
                    "print with the cautions in full to read them"
                }
            );
            let line = ts.text(
                column.x + size,
                y,
                column.w - size,
                &more,
                Style {
                    weight: Weight::Regular,
                    size,
                    min: SMALLEST,
                    max_lines: 2,
                    colour: GREY,
                    align: Align::Left,
                },
            );
            y = line.frame.bottom();
            list.children.push(tagged_text(pages, Role::ListItem, line));
        }
        tags.push(list);
    }
    (tags, y - column.y)
}

/// The most cautions listed beside the diagram on the sheet's first page.
const LISTED_CAUTIONS: usize = 7;

/// How a caution of each severity is marked: its colour, and bold for the ones that matter
/// most.
fn severity_style(severity: Severity) -> (Rgb, Weight) {
    match severity {
        Severity::Danger => (Rgb(0xA8, 0x1E, 0x1E), Weight::Bold),
        Severity::Caution => (Rgb(0xC2, 0x7A, 0x00), Weight::Regular),
        Severity::Info => (Rgb(0x8A, 0x8A, 0x8A), Weight::Regular),
    }
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

/// The cautions that apply to this routine's places, techniques and tools, and to the time
/// it is done, the weightiest first.
pub fn routine_cautions<'a>(routine: &Routine, catalog: &'a Catalog) -> Vec<&'a Caution> {
    let work = crate::catalog::Work {
        regions: routine.steps.iter().map(|s| &s.region).collect(),
        muscles: routine
            .steps
            .iter()
            .filter_map(|s| catalog.region(&s.region))
            .flat_map(|r| r.muscles.iter())
            .collect(),
        techniques: routine.steps.iter().map(|s| &s.technique).collect(),
        tools: routine.steps.iter().map(|s| &s.tool).collect(),
        pairs: routine.steps.iter().map(|s| (&s.region, &s.tool)).collect(),
    };
    catalog
        .cautions_for(&work)
        .into_iter()
        .filter(|c| !c.before_a_run_only || routine.when == When::BeforeRun)
        .collect()
}

/// Every caution that applies, title and full text, from a new page.
fn cautions_in_full(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    routine: &Routine,
    catalog: &Catalog,
) -> Tag {
    let mut section = Tag::new(Role::Section);
    let list = routine_cautions(routine, catalog);
    pages.new_page();
    let w = pages.content_width();
    let heading = ts.line(
        MARGIN,
        pages.y,
        w,
        "Take care: the cautions in full",
        Weight::Bold,
        14.0,
        INK,
    );
    pages.y = heading.frame.bottom() + 6.0;
    section
        .children
        .push(tagged_text(pages, Role::Heading(2), heading));
    if list.is_empty() {
        let none = ts.line(
            MARGIN,
            pages.y,
            w,
            "No caution applies to this routine.",
            Weight::Regular,
            10.0,
            GREY,
        );
        section
            .children
            .push(tagged_text(pages, Role::Paragraph, none));
        return section;
    }
    for caution in list {
        let (colour, _) = severity_style(caution.severity);
        let title = format!("{} · {}", caution.severity.title(), caution.title);
        let head = ts.text(
            MARGIN,
            0.0,
            w,
            &title,
            Style {
                weight: Weight::Bold,
                size: 10.0,
                min: 8.0,
                max_lines: 2,
                colour,
                align: Align::Left,
            },
        );
        let text = ts.text(
            MARGIN,
            0.0,
            w,
            &caution.text,
            Style {
                weight: Weight::Regular,
                size: 9.5,
                min: 8.0,
                // The full text, never cut: the longest, when not to roll, runs to about 13
                // lines.
                max_lines: 20,
                colour: INK,
                align: Align::Left,
            },
        );
        if pages.y + head.frame.h + text.frame.h + 8.0 > pages.bottom() {
            pages.new_page();
        }
        let mut head = head;
        head.frame.y = pages.y;
        let mut text = text;
        text.frame.y = head.frame.bottom();
        pages.y = text.frame.bottom() + 8.0;
        section
            .children
            .push(tagged_text(pages, Role::Heading(3), head));
        section
            .children
            .push(tagged_text(pages, Role::Paragraph, text));
    }
    section
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
