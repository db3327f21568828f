//! The report's tables: the places that changed most, left against right, the sessions.

use super::super::Style;
use super::super::{
    Align, Frame, GREY, HEADER_FILL, INK, Item, MARGIN, Pages, RULE, Rgb, Role, SMALLEST, Tag,
    Typesetter, Weight, tagged_text,
};
use super::section;
use crate::catalog::Catalog;
use crate::tightness::report::{Report, UNEVEN, long_date};

/// The places listed as changed most, at most.
const CHANGED: usize = 8;

/// A table of text: its columns' titles and shares of the width, then the rows; a row
/// that does not fit goes to a new page under the header again.
pub(super) fn text_table(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    columns: &[(&str, f32, Align)],
    rows: &[Vec<(String, Weight, Rgb)>],
) -> Tag {
    let w = pages.content_width();
    let mut table = Tag::new(Role::Table);
    let size = 8.5;
    let row_h = size * super::super::LEADING + 5.0;
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
                Style {
                    weight: Weight::Bold,
                    size: 7.5,
                    min: SMALLEST,
                    max_lines: 1,
                    colour: GREY,
                    align: *align,
                },
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
            let text = crate::draw::TextBox {
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

/// The line a section shows in place of a table it has no rows for.
fn nothing_to_show(ts: &Typesetter<'_>, pages: &mut Pages, words: &str) -> Tag {
    let w = pages.content_width();
    let line = ts.line(MARGIN, pages.y, w, words, Weight::Regular, 9.0, GREY);
    pages.y = line.frame.bottom() + 12.0;
    tagged_text(pages, Role::Paragraph, line)
}

pub(super) fn plain(text: impl Into<String>) -> (String, Weight, Rgb) {
    (text.into(), Weight::Regular, INK)
}

pub(super) fn strong(text: impl Into<String>) -> (String, Weight, Rgb) {
    (text.into(), Weight::Bold, INK)
}

/// A change as a reader says it: "−4 looser", "+2 tighter".
pub(super) fn change_words(change: i32) -> String {
    match change {
        c if c < 0 => format!("−{} looser", -c),
        c => format!("+{c} tighter"),
    }
}

pub(super) fn changed_most(ts: &Typesetter<'_>, pages: &mut Pages, report: &Report) -> Tag {
    let changed = report.changed_most(CHANGED);
    let mut tag = section(ts, pages, "Changed most", 60.0);
    if changed.is_empty() {
        tag.children.push(nothing_to_show(
            ts,
            pages,
            "No place rated twice or more changed over the period.",
        ));
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

pub(super) fn left_right(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    report: &Report,
    catalog: &Catalog,
) -> Tag {
    let pairs = report.left_right(catalog);
    let mut tag = section(ts, pages, "Left against right", 60.0);
    if pairs.is_empty() {
        tag.children.push(nothing_to_show(
            ts,
            pages,
            "No place was rated on both sides in this period.",
        ));
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

pub(super) fn sessions(ts: &Typesetter<'_>, pages: &mut Pages, report: &Report) -> Tag {
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
