//! The shapes a picture is made of, in picture space (centimetres, y up): capsules,
//! circles, arcs, rectangles and arrows, all convex; and fitting them into a frame on the page
//! as the sheet's items.

use kurbo::{Point, Vec2};

use super::Palette;
use super::pose::Camera;
use crate::draw::{Frame, Item, Rgb};

/// Points around a tapered capsule from `a` to `b`.
pub(super) fn capsule(a: Point, b: Point, ra: f64, rb: f64) -> Vec<Point> {
    let d = b - a;
    let angle = d.y.atan2(d.x);
    let mut points = Vec::with_capacity(26);
    for i in 0..=12 {
        let t = angle - std::f64::consts::FRAC_PI_2 + std::f64::consts::PI * f64::from(i) / 12.0;
        points.push(b + Vec2::new(t.cos(), t.sin()) * rb);
    }
    for i in 0..=12 {
        let t = angle + std::f64::consts::FRAC_PI_2 + std::f64::consts::PI * f64::from(i) / 12.0;
        points.push(a + Vec2::new(t.cos(), t.sin()) * ra);
    }
    points
}

pub(super) fn circle(c: Point, r: f64) -> Vec<Point> {
    (0..28)
        .map(|i| {
            let t = std::f64::consts::TAU * f64::from(i) / 28.0;
            c + Vec2::new(t.cos(), t.sin()) * r
        })
        .collect()
}

/// An arc of a circle from `from` to `to` degrees, closed along its chord.
pub(super) fn arc(c: Point, r: f64, from: f64, to: f64) -> Vec<Point> {
    (0..=16)
        .map(|i| {
            let t = (from + (to - from) * f64::from(i) / 16.0).to_radians();
            c + Vec2::new(t.cos(), t.sin()) * r
        })
        .collect()
}

pub(super) fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<Point> {
    vec![
        Point::new(x0, y0),
        Point::new(x1, y0),
        Point::new(x1, y1),
        Point::new(x0, y1),
    ]
}

/// A shape in picture space, before fitting to the page.
pub(super) enum Shape {
    Fill {
        points: Vec<Point>,
        fill: Rgb,
        stroke: Option<Rgb>,
    },
    Line {
        points: Vec<Point>,
        colour: Rgb,
        /// In units of the outline's width.
        width: f64,
    },
    /// A filled triangle for an arrow's head.
    Head { tip: Point, dir: Vec2, colour: Rgb },
}

/// An arrow from `a` to `b`, with heads at the ends asked for.
pub(super) fn arrow(out: &mut Vec<Shape>, points: Vec<Point>, heads: (bool, bool), colour: Rgb) {
    let n = points.len();
    if n < 2 {
        return;
    }
    if heads.1 {
        let dir = (points[n - 1] - points[n - 2]).normalize();
        out.push(Shape::Head {
            tip: points[n - 1],
            dir,
            colour,
        });
    }
    if heads.0 {
        let dir = (points[0] - points[1]).normalize();
        out.push(Shape::Head {
            tip: points[0],
            dir,
            colour,
        });
    }
    out.push(Shape::Line {
        points,
        colour,
        width: 2.4,
    });
}

/// Scales the shapes into the frame, centred, floor at the bottom, and turns them into
/// the sheet's items.
pub(super) fn fit(
    shapes: Vec<Shape>,
    camera: Camera,
    mirror: bool,
    frame: Frame,
    p: &Palette,
) -> Vec<Item> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for shape in &shapes {
        let points: &[Point] = match shape {
            Shape::Fill { points, .. } | Shape::Line { points, .. } => points,
            Shape::Head { tip, .. } => std::slice::from_ref(tip),
        };
        for q in points {
            x0 = x0.min(q.x);
            x1 = x1.max(q.x);
            y0 = y0.min(q.y);
            y1 = y1.max(q.y);
        }
    }
    if camera != Camera::Above {
        y0 = y0.min(0.0);
    }
    let pad = 4.0;
    let (w, h) = (x1 - x0 + 2.0 * pad, y1 - y0 + 2.0 * pad);
    let scale = (f64::from(frame.w) / w).min(f64::from(frame.h) / h);
    let ox = f64::from(frame.x) + (f64::from(frame.w) - w * scale) / 2.0;
    let oy = f64::from(frame.y) + (f64::from(frame.h) - h * scale) / 2.0;
    let map = |q: Point| -> (f32, f32) {
        let x = if mirror { x1 - q.x } else { q.x - x0 };
        (
            (ox + (x + pad) * scale) as f32,
            (oy + (y1 + pad - q.y) * scale) as f32,
        )
    };
    let line = (scale * 0.55).max(0.35) as f32;
    let mut items = Vec::with_capacity(shapes.len() + 1);
    if camera != Camera::Above {
        items.push(Item::Line {
            from: map(Point::new(x0 - pad, 0.0)),
            to: map(Point::new(x1 + pad, 0.0)),
            colour: p.floor,
            width: line * 2.0,
        });
    }
    for shape in shapes {
        match shape {
            Shape::Fill {
                points,
                fill,
                stroke,
            } => items.push(Item::Polygon {
                points: points.into_iter().map(map).collect(),
                fill: Some(fill),
                stroke: stroke.map(|c| (c, line)),
            }),
            Shape::Line {
                points,
                colour,
                width,
            } => items.push(Item::Polyline {
                points: points.into_iter().map(map).collect(),
                colour,
                width: line * width as f32,
            }),
            Shape::Head { tip, dir, colour } => {
                let size = 5.0;
                let side = Vec2::new(-dir.y, dir.x) * (size * 0.55);
                let base = tip - dir * size;
                items.push(Item::Polygon {
                    points: vec![map(tip), map(base + side), map(base - side)],
                    fill: Some(colour),
                    stroke: None,
                });
            }
        }
    }
    items
}
