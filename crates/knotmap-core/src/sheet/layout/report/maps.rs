//! The report's maps: the body coloured by tightness at the start and the end, and the scale.

use super::super::Style;
use super::super::diagram::{Fit, Shade, body_view};
use super::super::{
    Align, Frame, GREY, Item, MARGIN, Pages, RULE, Rgb, Role, SMALLEST, Tag, Typesetter, Weight,
};
use super::{heat, section};
use crate::body::Body;
use crate::catalog::{Catalog, View};
use crate::routine::StepSide;
use crate::tightness::MAX_TIGHTNESS;
use crate::tightness::report::{PlaceCourse, Report};

/// Four views: front and back at the start of the period, and at its end.
pub(super) fn maps(
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
    let caption_h = 12.0;
    // Only the views with a rated place: a runner who rated only the back of the legs sees
    // the back, larger, rather than an empty front beside it.
    let rated = |view: View| {
        body.view(view).places.iter().any(|s| {
            let region = &catalog.regions[s.place.region].id;
            let side = StepSide::from(s.place.side);
            report
                .places
                .iter()
                .any(|p| &p.region == region && p.side == side)
        })
    };
    let mut views: Vec<View> = View::ALL.into_iter().filter(|&v| rated(v)).collect();
    if views.is_empty() {
        views = View::ALL.to_vec();
    }
    let slot = w / 2.0 / views.len() as f32;
    let shown = views
        .iter()
        .map(|v| match v {
            View::Front => "front",
            View::Back => "back",
        })
        .collect::<Vec<_>>()
        .join(" and ");
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
            "Body map, {shown}, at the {} of the period, each place coloured by its \
             tightness: {}.",
            if at_end { "end" } else { "start" },
            words.join(", ")
        );
        let mut figure = Tag::new(Role::Figure(alt));
        for (i, &view) in views.iter().enumerate() {
            let x = MARGIN + w / 2.0 * half as f32 + slot * i as f32;
            let frame = Frame::new(x, top, slot, height - caption_h);
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
                slot,
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
            let caption = crate::draw::TextBox {
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
pub(super) fn legend(ts: &Typesetter<'_>, pages: &mut Pages) -> Tag {
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
            Style {
                weight: Weight::Regular,
                size: 7.0,
                min: SMALLEST,
                max_lines: 1,
                colour: GREY,
                align: Align::Centre,
            },
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
