//! The report for a physio: the body map at the start and the end of the period, the places
//! that changed most, left against right, each place's course as a small chart, and the
//! sessions done. A month fits two pages.

use super::Style;
use super::{
    Align, GREY, INK, MARGIN, Pages, Rgb, Role, Tag, Typesetter, Weight, footers, tagged_text,
};
use crate::body::Body;
use crate::catalog::Catalog;
use crate::sheet::{Fonts, Paper, Sheet, SheetError};
use crate::tightness::report::{Report, long_date};
use crate::tightness::{MAX_TIGHTNESS, heat_rgb};

mod courses;
mod maps;
mod tables;

use courses::courses;
use maps::maps;
use tables::{changed_most, left_right, sessions};

pub(super) fn heat(tightness: f32) -> Rgb {
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
            Style {
                weight: Weight::Regular,
                size: 10.0,
                min: 8.0,
                max_lines: 3,
                colour: INK,
                align: Align::Left,
            },
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
    about.push_str(
        " Ratings are how the places felt, not a diagnosis: pain that grows, pain at night, \
         swelling, numbness or pain on the bone is for a doctor or physiotherapist, and so is a \
         one-sided swollen, warm calf, at once.",
    );
    if report.unknown_places > 0 {
        about.push_str(&format!(
            " {} rating{} of places knotmap does not know {} left out.",
            report.unknown_places,
            if report.unknown_places == 1 { "" } else { "s" },
            if report.unknown_places == 1 {
                "is"
            } else {
                "are"
            },
        ));
    }
    let about = ts.text(
        MARGIN,
        pages.y,
        w,
        &about,
        Style {
            weight: Weight::Regular,
            size: 8.5,
            min: 7.5,
            max_lines: 5,
            colour: INK,
            align: Align::Left,
        },
    );
    pages.y = about.frame.bottom() + 10.0;
    tags.push(tagged_text(pages, Role::Paragraph, about));
    tags
}

/// A heading that opens a section, on a new page when less than `keep` points would follow
/// it on this one.
pub(super) fn section(ts: &Typesetter<'_>, pages: &mut Pages, title: &str, keep: f32) -> Tag {
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
