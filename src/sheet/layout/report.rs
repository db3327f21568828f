//! The report for a physio: the body map at the start and the end of the period, the places
//! that changed most, left against right, each place's course as a small chart, and the
//! sessions done. A month fits two pages.

use super::diagram::{Fit, Shade, body_view};
use super::{
    Align, Frame, GREY, HEADER_FILL, INK, Item, MARGIN, Pages, RULE, Rgb, Role, SMALLEST, Tag,
    Typesetter, Weight, footers, tagged_text,
};
use crate::body::Body;
use crate::catalog::{Catalog, View};
use crate::log::report::{PlaceCourse, Report, UNEVEN, long_date};
use crate::log::{MAX_TIGHTNESS, heat_rgb};
use crate::routine::StepSide;
use crate::sheet::{Fonts, Paper, Sheet, SheetError};

/// The places listed as changed most, at most.
const CHANGED: usize = 8;

fn heat(tightness: f32) -> Rgb {
    let (r, g, b) = heat_rgb(tightness);
    Rgb(r, g, b)
}

/// Lays out the report.
pub fn report_sheet(
    report: &Report,
    catalog: &Catalog,
    body: &Body,
    paper: Paper,
) -> Result<Sheet, SheetError> {
    let fonts = Fonts::get().ok_or(SheetError::Fonts)?;
    let ts = Typesetter { fonts };
    let mut pages = Pages::new(paper);
    let mut tags = header(&ts, &mut pages, report);
    if report.sessions.is_empty() {
        let w = pages.content_width();
        let none = ts.text(
            MARGIN,
            pages.y,
            w,
            &format!(
                "No session was logged between {} and {}. Rate the places at the end of a \
                 session, or log one done from the printed sheet, and they show here.",
                long_date(report.period.from),
                long_date(report.period.to)
            ),
            Weight::Regular,
            10.0,
            8.0,
            3,
            INK,
            Align::Left,
        );
        tags.push(tagged_text(&mut pages, Role::Paragraph, none));
    } else {
        tags.push(maps(&ts, &mut pages, report, catalog, body));
        tags.push(changed_most(&ts, &mut pages, report));
        tags.push(left_right(&ts, &mut pages, report, catalog));
        tags.push(courses(&ts, &mut pages, report));
        tags.push(sessions(&ts, &mut pages, report));
    }
    footers(
        &ts,
        &mut pages,
        &format!("Tightness report · {}", report.period.words()),
    );
    Ok(Sheet {
        paper,
        title: format!("Tightness report, {}", report.period.words()),
        pages: pages.pages,
        tags,
    })
}

fn header(ts: &Typesetter<'_>, pages: &mut Pages, report: &Report) -> Vec<Tag> {
    let w = pages.content_width();
    let mut tags = Vec::new();
    let title = ts.line(
        MARGIN,
        pages.y,
        w,
        "Tightness report",
        Weight::Bold,
        20.0,
        INK,
    );
    pages.y = title.frame.bottom() + 1.0;
    tags.push(tagged_text(pages, Role::Heading(1), title));
    let sessions = report.sessions.len();
    let meta = format!(
        "{} · {} session{} · {} place{} rated",
        report.period.words(),
        sessions,
        if sessions == 1 { "" } else { "s" },
        report.places.len(),
        if report.places.len() == 1 { "" } else { "s" },
    );
    let meta = ts.line(MARGIN, pages.y, w, &meta, Weight::Regular, 10.5, GREY);
    pages.y = meta.frame.bottom() + 4.0;
    tags.push(tagged_text(pages, Role::Paragraph, meta));
    let mut about = format!(
        "After each session the runner rated how tight each place worked felt, from 0 \
         (loose) to {MAX_TIGHTNESS} (very tight). Made by knotmap {} from its tightness log.",
        env!("CARGO_PKG_VERSION")
    );
    if report.unreadable > 0 {
        about.push_str(&format!(
            " {} session{} with a date that could not be read {} left out.",
            report.unreadable,
            if report.unreadable == 1 { "" } else { "s" },
            if report.unreadable == 1 { "is" } else { "are" },
        ));
    }
    let about = ts.text(
        MARGIN,
        pages.y,
        w,
        &about,
        Weight::Regular,
        8.5,
        7.5,
        3,
        INK,
        Align::Left,
    );
    pages.y = about.frame.bottom() + 10.0;
    tags.push(tagged_text(pages, Role::Paragraph, about));
    tags
}

/// A heading that opens a section, on a new page when less than `keep` points would follow
/// it on this one.
fn section(ts: &Typesetter<'_>, pages: &mut Pages, title: &str, keep: f32) -> Tag {
    if pages.y + 20.0 + keep > pages.bottom() {
        pages.new_page();
    }
    let w = pages.content_width();
    let heading = ts.line(MARGIN, pages.y, w, title, Weight::Bold, 12.5, INK);
    pages.y = heading.frame.bottom() + 4.0;
    let mut tag = Tag::new(Role::Section);
    tag.children
        .push(tagged_text(pages, Role::Heading(2), heading));
    tag
}

/// Four views: front and back at the start of the period, and at its end.
fn maps(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    report: &Report,
    catalog: &Catalog,
    body: &Body,
) -> Tag {
    let height = 230.0;
    let mut tag = section(ts, pages, "At the start and at the end", height + 40.0);
    let w = pages.content_width();
    let top = pages.y;
    let quarter = w / 4.0;
    let caption_h = 12.0;
    for (half, (label, at_end)) in [("Start", false), ("End", true)].into_iter().enumerate() {
        let values: Vec<(&PlaceCourse, u8)> = report
            .places
            .iter()
            .map(|p| (p, if at_end { p.last() } else { p.first() }))
            .collect();
        let words: Vec<String> = values
            .iter()
            .map(|(p, v)| format!("{} {v}", p.name))
            .collect();
        let alt = format!(
            "Body map, front and back, at the {} of the period, each place coloured by its \
             tightness: {}.",
            if at_end { "end" } else { "start" },
            words.join(", ")
        );
        let mut figure = Tag::new(Role::Figure(alt));
        for (i, view) in View::ALL.into_iter().enumerate() {
            let x = MARGIN + quarter * (half * 2 + i) as f32;
            let frame = Frame::new(x, top, quarter, height - caption_h);
            let shade = |place: crate::catalog::Place| -> Shade {
                let region = &catalog.regions[place.region].id;
                let side = StepSide::from(place.side);
                match values
                    .iter()
                    .find(|(p, _)| &p.region == region && p.side == side)
                {
                    Some((_, value)) => (
                        Some(heat(f32::from(*value))),
                        Some((Rgb(0x55, 0x4C, 0x46), 0.4)),
                    ),
                    None => (None, Some((Rgb(0xCB, 0xC3, 0xBA), 0.35))),
                }
            };
            let (items, _): (Vec<Item>, Fit) = body_view(body, view, frame, &shade);
            for item in items {
                pages.put(&mut figure, item);
            }
            let caption = ts.line(
                x,
                top + height - caption_h + 2.0,
                quarter,
                &format!(
                    "{label} · {}",
                    match view {
                        View::Front => "front",
                        View::Back => "back",
                    }
                ),
                Weight::Bold,
                8.0,
                GREY,
            );
            let caption = crate::sheet::TextBox {
                align: Align::Centre,
                ..caption
            };
            pages.put(&mut figure, Item::Text(caption));
        }
        tag.children.push(figure);
    }
    // The dividing line between start and end.
    pages.push(Item::Line {
        from: (MARGIN + w / 2.0, top + 4.0),
        to: (MARGIN + w / 2.0, top + height - 4.0),
        colour: RULE,
        width: 0.6,
    });
    pages.y = top + height + 4.0;
    tag.children.push(legend(ts, pages));
    pages.y += 10.0;
    tag
}

/// The colours' scale, 0 to 10.
fn legend(ts: &Typesetter<'_>, pages: &mut Pages) -> Tag {
    let w = pages.content_width();
    let y = pages.y;
    let mut tag = Tag::new(Role::Paragraph);
    let label = ts.line(MARGIN, y, 90.0, "Tightness", Weight::Bold, 8.0, GREY);
    let x0 = MARGIN + ts.fonts.width("Tightness", Weight::Bold, label.size) + 8.0;
    pages.put(&mut tag, Item::Text(label));
    let cell = ((w * 0.5) / f32::from(MAX_TIGHTNESS + 1)).min(22.0);
    for value in 0..=MAX_TIGHTNESS {
        let x = x0 + cell * f32::from(value);
        pages.push(Item::Rect {
            frame: Frame::new(x, y + 1.0, cell - 1.5, 9.0),
            fill: Some(heat(f32::from(value))),
            stroke: None,
            radius: 1.0,
        });
        let number = ts.text(
            x,
            y + 11.0,
            cell - 1.5,
            &value.to_string(),
            Weight::Regular,
            7.0,
            SMALLEST,
            1,
            GREY,
            Align::Centre,
        );
        pages.put(&mut tag, Item::Text(number));
    }
    let x = x0 + cell * f32::from(MAX_TIGHTNESS + 1) + 8.0;
    let unrated = ts.line(
        x,
        y,
        MARGIN + w - x,
        "loose to very tight; a place left white was not rated",
        Weight::Regular,
        8.0,
        GREY,
    );
    pages.put(&mut tag, Item::Text(unrated));
    pages.y = y + 22.0;
    tag
}

/// A table of text: its columns' titles and shares of the width, then the rows; a row
/// that does not fit goes to a new page under the header again.
fn text_table(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    columns: &[(&str, f32, Align)],
    rows: &[Vec<(String, Weight, Rgb)>],
) -> Tag {
    let w = pages.content_width();
    let mut table = Tag::new(Role::Table);
    let size = 8.5;
    let row_h = size * super::LEADING + 5.0;
    let xs: Vec<(f32, f32)> = columns
        .iter()
        .scan(MARGIN, |x, (_, share, _)| {
            let col = (*x, share * w);
            *x += share * w;
            Some(col)
        })
        .collect();
    let header = |pages: &mut Pages, tagged: bool, table: &mut Tag| {
        pages.push(Item::Rect {
            frame: Frame::new(MARGIN, pages.y, w, row_h),
            fill: Some(HEADER_FILL),
            stroke: None,
            radius: 0.0,
        });
        let mut row = Tag::new(Role::Row);
        for ((title, _, align), (x, cw)) in columns.iter().zip(&xs) {
            let text = ts.text(
                x + 3.0,
                pages.y + 2.5,
                cw - 6.0,
                title,
                Weight::Bold,
                7.5,
                SMALLEST,
                1,
                GREY,
                *align,
            );
            let mut cell = Tag::new(Role::HeaderCell);
            pages.put(&mut cell, Item::Text(text));
            row.children.push(cell);
        }
        if tagged {
            table.children.push(row);
        }
        pages.y += row_h;
    };
    header(pages, true, &mut table);
    for cells in rows {
        if pages.y + row_h > pages.bottom() {
            pages.new_page();
            header(pages, false, &mut table);
        }
        let mut row = Tag::new(Role::Row);
        for ((text, weight, colour), ((_, _, align), (x, cw))) in
            cells.iter().zip(columns.iter().zip(&xs))
        {
            let text = ts.line(
                x + 3.0,
                pages.y + 2.5,
                cw - 6.0,
                text,
                *weight,
                size,
                *colour,
            );
            let text = crate::sheet::TextBox {
                align: *align,
                ..text
            };
            let mut cell = Tag::new(Role::Cell);
            pages.put(&mut cell, Item::Text(text));
            row.children.push(cell);
        }
        table.children.push(row);
        pages.y += row_h;
        pages.push(Item::Line {
            from: (MARGIN, pages.y),
            to: (MARGIN + w, pages.y),
            colour: RULE,
            width: 0.4,
        });
    }
    pages.y += 12.0;
    table
}

fn plain(text: impl Into<String>) -> (String, Weight, Rgb) {
    (text.into(), Weight::Regular, INK)
}

fn strong(text: impl Into<String>) -> (String, Weight, Rgb) {
    (text.into(), Weight::Bold, INK)
}

/// A change as a reader says it: "−4 looser", "+2 tighter".
fn change_words(change: i32) -> String {
    match change {
        c if c < 0 => format!("−{} looser", -c),
        c => format!("+{c} tighter"),
    }
}

fn changed_most(ts: &Typesetter<'_>, pages: &mut Pages, report: &Report) -> Tag {
    let changed = report.changed_most(CHANGED);
    let mut tag = section(ts, pages, "Changed most", 60.0);
    if changed.is_empty() {
        let w = pages.content_width();
        let none = ts.line(
            MARGIN,
            pages.y,
            w,
            "No place rated twice or more changed over the period.",
            Weight::Regular,
            9.0,
            GREY,
        );
        pages.y = none.frame.bottom() + 12.0;
        tag.children.push(tagged_text(pages, Role::Paragraph, none));
        return tag;
    }
    let rows: Vec<Vec<(String, Weight, Rgb)>> = changed
        .iter()
        .map(|p| {
            let (first_date, first) = p.ratings[0];
            let (last_date, last) = p.ratings[p.ratings.len() - 1];
            vec![
                strong(&p.name),
                plain(format!("{first} on {}", long_date(first_date))),
                plain(format!("{last} on {}", long_date(last_date))),
                (
                    change_words(p.change()),
                    Weight::Bold,
                    if p.change() < 0 {
                        Rgb(0x2E, 0x7D, 0x32)
                    } else {
                        Rgb(0xB7, 0x1C, 0x1C)
                    },
                ),
                plain(p.ratings.len().to_string()),
            ]
        })
        .collect();
    tag.children.push(text_table(
        ts,
        pages,
        &[
            ("Place", 0.28, Align::Left),
            ("First", 0.2, Align::Left),
            ("Last", 0.2, Align::Left),
            ("Change", 0.18, Align::Left),
            ("Ratings", 0.14, Align::Right),
        ],
        &rows,
    ));
    tag
}

fn left_right(ts: &Typesetter<'_>, pages: &mut Pages, report: &Report, catalog: &Catalog) -> Tag {
    let pairs = report.left_right(catalog);
    let mut tag = section(ts, pages, "Left against right", 60.0);
    if pairs.is_empty() {
        let w = pages.content_width();
        let none = ts.line(
            MARGIN,
            pages.y,
            w,
            "No place was rated on both sides in this period.",
            Weight::Regular,
            9.0,
            GREY,
        );
        pages.y = none.frame.bottom() + 12.0;
        tag.children.push(tagged_text(pages, Role::Paragraph, none));
        return tag;
    }
    let rows: Vec<Vec<(String, Weight, Rgb)>> = pairs
        .iter()
        .map(|pair| {
            let difference = pair.difference();
            let tighter = if difference.abs() < 0.05 {
                "even".to_owned()
            } else {
                format!(
                    "{} tighter by {:.1}{}",
                    if difference > 0.0 { "left" } else { "right" },
                    difference.abs(),
                    if difference.abs() >= UNEVEN {
                        ": uneven"
                    } else {
                        ""
                    }
                )
            };
            vec![
                strong(&pair.name),
                plain(format!("{:.1} (last {})", pair.left, pair.left_last)),
                plain(format!("{:.1} (last {})", pair.right, pair.right_last)),
                (
                    tighter,
                    if difference.abs() >= UNEVEN {
                        Weight::Bold
                    } else {
                        Weight::Regular
                    },
                    INK,
                ),
            ]
        })
        .collect();
    tag.children.push(text_table(
        ts,
        pages,
        &[
            ("Place", 0.28, Align::Left),
            ("Left, average", 0.2, Align::Left),
            ("Right, average", 0.2, Align::Left),
            ("Difference", 0.32, Align::Left),
        ],
        &rows,
    ));
    tag
}

/// Each place's ratings over the period as a small chart, three to a row.
fn courses(ts: &Typesetter<'_>, pages: &mut Pages, report: &Report) -> Tag {
    let cell_h = 56.0;
    let mut tag = section(ts, pages, "Each place over the period", cell_h);
    let w = pages.content_width();
    let columns = 3;
    let cell_w = w / columns as f32;
    let days = report.period.days().max(2) as f32;
    for (n, place) in report.places.iter().enumerate() {
        let column = n % columns;
        if column == 0 && n > 0 {
            pages.y += cell_h;
        }
        if column == 0 && pages.y + cell_h > pages.bottom() {
            pages.new_page();
        }
        let x = MARGIN + cell_w * column as f32;
        let y = pages.y;
        let readings: Vec<String> = place
            .ratings
            .iter()
            .map(|(date, value)| format!("{value} on {}", long_date(*date)))
            .collect();
        let alt = format!("{}: {}.", place.name, readings.join(", "));
        let mut figure = Tag::new(Role::Figure(alt));
        let name = ts.line(x, y, cell_w - 50.0, &place.name, Weight::Bold, 8.5, INK);
        pages.put(&mut figure, Item::Text(name));
        let summary = format!("{} → {}", place.first(), place.last());
        let summary = ts.line(
            x + cell_w - 60.0,
            y,
            48.0,
            &summary,
            Weight::Regular,
            8.5,
            GREY,
        );
        let summary = crate::sheet::TextBox {
            align: Align::Right,
            ..summary
        };
        pages.put(&mut figure, Item::Text(summary));
        // The chart: 0 at the bottom, 10 at the top, the period's days across.
        let chart = Frame::new(x + 2.0, y + 14.0, cell_w - 16.0, cell_h - 24.0);
        for level in [0.0, 5.0, 10.0] {
            let ly = chart.bottom() - chart.h * level / f32::from(MAX_TIGHTNESS);
            pages.put(
                &mut figure,
                Item::Line {
                    from: (chart.x, ly),
                    to: (chart.right(), ly),
                    colour: if level == 0.0 {
                        Rgb(0xA0, 0xA0, 0xA0)
                    } else {
                        Rgb(0xE2, 0xE2, 0xE2)
                    },
                    width: 0.4,
                },
            );
        }
        let point = |(date, value): &(jiff::civil::Date, u8)| {
            let day = (*date - report.period.from).get_days() as f32;
            (
                chart.x + chart.w * day / (days - 1.0),
                chart.bottom() - chart.h * f32::from(*value) / f32::from(MAX_TIGHTNESS),
            )
        };
        let points: Vec<(f32, f32)> = place.ratings.iter().map(point).collect();
        if points.len() > 1 {
            pages.put(
                &mut figure,
                Item::Polyline {
                    points: points.clone(),
                    colour: Rgb(0x6A, 0x6A, 0x6A),
                    width: 0.8,
                },
            );
        }
        for (p, (_, value)) in points.iter().zip(&place.ratings) {
            pages.put(
                &mut figure,
                Item::Circle {
                    centre: *p,
                    radius: 2.3,
                    fill: heat(f32::from(*value)),
                },
            );
        }
        tag.children.push(figure);
    }
    if !report.places.is_empty() {
        pages.y += cell_h;
    }
    let dates = ts.line(
        MARGIN,
        pages.y - 8.0,
        w,
        &format!(
            "Each chart runs from {} (left) to {} (right), 0 at the bottom and {MAX_TIGHTNESS} \
             at the top.",
            long_date(report.period.from),
            long_date(report.period.to)
        ),
        Weight::Regular,
        7.5,
        GREY,
    );
    pages.y = dates.frame.bottom() + 12.0;
    tag.children
        .push(tagged_text(pages, Role::Paragraph, dates));
    tag
}

fn sessions(ts: &Typesetter<'_>, pages: &mut Pages, report: &Report) -> Tag {
    let mut tag = section(ts, pages, "Sessions", 60.0);
    let count = |n: Option<u32>| n.map_or_else(|| "—".to_owned(), |n| n.to_string());
    let rows: Vec<Vec<(String, Weight, Rgb)>> = report
        .sessions
        .iter()
        .map(|s| {
            vec![
                strong(long_date(s.date)),
                plain(s.time.clone().unwrap_or_default()),
                plain(&s.routine),
                plain(count(s.done)),
                plain(count(s.skipped)),
                plain(s.places_rated.to_string()),
            ]
        })
        .collect();
    tag.children.push(text_table(
        ts,
        pages,
        &[
            ("Date", 0.16, Align::Left),
            ("Time", 0.08, Align::Left),
            ("Routine", 0.4, Align::Left),
            ("Steps done", 0.12, Align::Right),
            ("Skipped", 0.1, Align::Right),
            ("Places rated", 0.14, Align::Right),
        ],
        &rows,
    ));
    let w = pages.content_width();
    let note = ts.line(
        MARGIN,
        pages.y - 8.0,
        w,
        "A dash: the session was done from the printed sheet, so its steps were not counted.",
        Weight::Regular,
        7.5,
        GREY,
    );
    pages.y = note.frame.bottom() + 8.0;
    tag.children.push(tagged_text(pages, Role::Paragraph, note));
    tag
}
