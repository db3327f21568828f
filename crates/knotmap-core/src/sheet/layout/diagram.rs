//! The body diagram on the sheet: both views as vectors, the routine's places shaded and
//! numbered with their steps.

use super::Style;
use super::{Align, Frame, GREY, INK, Item, LEADING, Rgb, TextBox, Typesetter, WHITE, Weight};

/// The height of a step number's badge on paper: 5 mm, to read from the floor.
pub const BADGE_HEIGHT: f32 = 5.0 * 72.0 / 25.4;
use crate::body::Body;
use crate::body::{badge_label, numbered_places};
use crate::catalog::{Catalog, Place, Stride, View};
use crate::routine::Routine;

/// A light tint of a stride colour, for shading on paper.
pub(super) fn tint(stride: Stride) -> Rgb {
    match stride {
        Stride::HipFlexion => Rgb(0xF6, 0xC9, 0xA4),
        Stride::PushOff => Rgb(0xA9, 0xCB, 0xE6),
        Stride::Breathing => Rgb(0xD3, 0xBE, 0xEA),
        Stride::Stability => Rgb(0xB0, 0xDB, 0xBD),
        Stride::UpperBody => Rgb(0xED, 0xB8, 0xCF),
    }
}

/// Drops points closer than `min` to the last one kept: the diagram is small on paper, and the
/// outlines are flattened finely enough for a full-screen window.
pub(super) fn thin(points: &[kurbo::Point], min: f64) -> Vec<&kurbo::Point> {
    let mut kept: Vec<&kurbo::Point> = Vec::with_capacity(points.len() / 4 + 2);
    for p in points {
        if kept.last().is_none_or(|last| last.distance(*p) >= min) {
            kept.push(p);
        }
    }
    kept
}

/// How a body view was fitted to its frame: page point = origin + body unit × scale.
#[derive(Clone, Copy, Debug)]
pub(super) struct Fit {
    pub(super) scale: f32,
    pub(super) ox: f32,
    pub(super) oy: f32,
}

impl Fit {
    pub(super) fn map(self, p: &kurbo::Point) -> (f32, f32) {
        (
            self.ox + p.x as f32 * self.scale,
            self.oy + p.y as f32 * self.scale,
        )
    }
}

/// A place's fill and outline on paper.
pub(super) type Shade = (Option<Rgb>, Option<(Rgb, f32)>);

/// One view of the body fitted into `frame` and centred across it: the silhouette, each
/// place shaded as `shade` says, and the drawing's details.
pub(super) fn body_view(
    body: &Body,
    view: View,
    frame: Frame,
    shade: &dyn Fn(Place) -> Shade,
) -> (Vec<Item>, Fit) {
    let scale = ((frame.w - 6.0) / body.width as f32).min(frame.h / body.height as f32);
    let fit = Fit {
        scale,
        ox: frame.x + (frame.w - body.width as f32 * scale) / 2.0,
        oy: frame.y,
    };
    let map = |p: &kurbo::Point| fit.map(p);
    let shape = body.view(view);
    let mut items = vec![Item::Polygon {
        points: thin(&shape.silhouette, 1.5).into_iter().map(map).collect(),
        fill: Some(Rgb(0xF5, 0xF1, 0xEC)),
        stroke: Some((Rgb(0x8E, 0x84, 0x7B), 0.6)),
    }];
    for place in &shape.places {
        let (fill, stroke) = shade(place.place);
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
    (items, fit)
}

pub(super) fn diagram(
    ts: &Typesetter<'_>,
    catalog: &Catalog,
    body: &Body,
    routine: &Routine,
    frame: Frame,
) -> (String, Vec<Item>) {
    let mut items = Vec::new();
    let numbered = numbered_places(catalog, routine);
    let alt = describe(catalog, &numbered);
    let caption_h = 12.0;
    for (i, view) in View::ALL.into_iter().enumerate() {
        let sub = Frame::new(
            frame.x + frame.w / 2.0 * i as f32,
            frame.y,
            frame.w / 2.0,
            frame.h - caption_h,
        );
        let (view_items, fit) = body_view(body, view, sub, &|place| {
            let region = &catalog.regions[place.region];
            let worked = numbered.iter().any(|(p, _)| *p == place);
            if region.warns() {
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
            }
        });
        items.extend(view_items);
        let Fit { scale, .. } = fit;
        let map = |p: &kurbo::Point| fit.map(p);
        let shape = body.view(view);
        // Badges large enough to read from the floor.
        let pill_h = BADGE_HEIGHT;
        let size = pill_h * 0.62;
        let badges: Vec<(Place, String, f32)> = numbered
            .iter()
            .filter_map(|(place, numbers)| {
                let label = badge_label(numbers)?;
                let text_w = ts.fonts.width(&label, Weight::Bold, size);
                Some((*place, label, (text_w + pill_h * 0.55).max(pill_h)))
            })
            .collect();
        let body_units = |pt: f32| f64::from(pt / scale);
        let sizes: Vec<(Place, kurbo::Size)> = badges
            .iter()
            .map(|(place, _, width)| {
                let size = kurbo::Size::new(body_units(*width), body_units(pill_h));
                (*place, size)
            })
            .collect();
        for ((place, label, width), centre) in badges.into_iter().zip(shape.badge_centres(&sizes)) {
            let Some(centre) = centre else {
                continue;
            };
            let (cx, cy) = map(&centre);
            // A badge that found no room in its own place points to it: a thin line from a
            // dot in the place, under the badge.
            if let Some(own) = shape.shape(place)
                && !own.contains(centre)
            {
                let anchor = map(&own.anchor);
                items.push(Item::Line {
                    from: anchor,
                    to: (cx, cy),
                    colour: INK,
                    width: 0.7,
                });
                items.push(Item::Circle {
                    centre: anchor,
                    radius: 1.4,
                    fill: INK,
                });
            }
            let pill = Frame::new(cx - width / 2.0, cy - pill_h / 2.0, width, pill_h);
            items.push(Item::Rect {
                frame: pill,
                fill: Some(INK),
                stroke: Some((WHITE, 0.5)),
                radius: pill_h / 2.0,
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
            Style {
                weight: Weight::Bold,
                size: 7.0,
                min: 6.0,
                max_lines: 1,
                colour: GREY,
                align: Align::Centre,
            },
        )));
    }
    (alt, items)
}

/// The diagram in words: which place each step works.
fn describe(catalog: &Catalog, numbered: &[(Place, Vec<usize>)]) -> String {
    if numbered.is_empty() {
        return "Body map, front and back, with no place marked.".to_owned();
    }
    let places: Vec<String> = numbered
        .iter()
        .map(|(place, numbers)| {
            let steps: Vec<String> = numbers.iter().map(ToString::to_string).collect();
            let name = catalog.regions[place.region].display_name(place.side);
            let word = if numbers.len() == 1 { "step" } else { "steps" };
            format!("{word} {}: {name}", steps.join(" and "))
        })
        .collect();
    format!(
        "Body map, front and back, each place worked numbered with its step: {}.",
        places.join("; ")
    )
}
