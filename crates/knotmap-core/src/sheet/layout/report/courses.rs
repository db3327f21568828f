//! Each place's course over the period as a small chart.

use super::super::Style;
use super::super::{
    Align, Frame, GREY, INK, Item, LEADING, MARGIN, Pages, Rgb, Role, SMALLEST, Tag, Typesetter,
    Weight, tagged_text,
};
use super::{heat, section};
use crate::tightness::MAX_TIGHTNESS;
use crate::tightness::report::{PlaceCourse, Report, long_date};

/// Each place's ratings over the period as a small chart, three to a row.
pub(super) fn courses(ts: &Typesetter<'_>, pages: &mut Pages, report: &Report) -> Tag {
    let cell_h = 56.0;
    let mut tag = section(ts, pages, "Each place over the period", cell_h);
    let w = pages.content_width();
    let columns = 3;
    let cell_w = w / columns as f32;
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
        let summary = crate::draw::TextBox {
            align: Align::Right,
            ..summary
        };
        pages.put(&mut figure, Item::Text(summary));
        place_chart(
            ts,
            pages,
            &mut figure,
            (x, y),
            (cell_w, cell_h),
            place,
            report,
        );
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
            "Each chart runs from {} (left) to {} (right), tightness 0 to {MAX_TIGHTNESS} from \
             the bottom up.",
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

/// One place's chart in its cell at `(x, y)`: the grid at 0, 5 and 10 with its values at
/// the left, the course as a line, and each rating as a dot in its colour.
fn place_chart(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    figure: &mut Tag,
    (x, y): (f32, f32),
    (cell_w, cell_h): (f32, f32),
    place: &PlaceCourse,
    report: &Report,
) {
    let days = report.period.days().max(2) as f32;
    // The chart: 0 at the bottom, 10 at the top, the period's days across, with its
    // values written at the left.
    let axis_w = 11.0;
    let chart = Frame::new(
        x + axis_w + 2.0,
        y + 14.0,
        cell_w - 16.0 - axis_w,
        cell_h - 24.0,
    );
    for level in [0.0, 5.0, 10.0] {
        let ly = chart.bottom() - chart.h * level / f32::from(MAX_TIGHTNESS);
        let value = ts.text(
            x,
            ly - 6.0 * LEADING / 2.0,
            axis_w - 1.0,
            &format!("{level:.0}"),
            Style {
                weight: Weight::Regular,
                size: 6.0,
                min: SMALLEST,
                max_lines: 1,
                colour: GREY,
                align: Align::Right,
            },
        );
        pages.put(figure, Item::Text(value));
        pages.put(
            figure,
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
            figure,
            Item::Polyline {
                points: points.clone(),
                colour: Rgb(0x6A, 0x6A, 0x6A),
                width: 0.8,
            },
        );
    }
    for (p, (_, value)) in points.iter().zip(&place.ratings) {
        pages.put(
            figure,
            Item::Circle {
                centre: *p,
                radius: 2.3,
                fill: heat(f32::from(*value)),
            },
        );
    }
}
