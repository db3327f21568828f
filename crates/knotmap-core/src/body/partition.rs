//! Tiling a figure with places. Each place is drawn as a cell that may spill past the body's
//! edge and under its neighbours; the cell is clipped to the silhouette and to every place
//! drawn before it, so the places cover the figure with no gaps and never overlap. Narrow
//! places then get a margin for the pointer, taken only from outside the figure.

use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::float::single::SingleFloatOverlay;
use i_overlay::mesh::float::outline::offset::OutlineOffset;
use i_overlay::mesh::float::style::OutlineStyle;
use kurbo::Point;

/// A set of shapes: each an outer contour followed by its holes.
pub(super) type Area = Vec<Vec<Vec<[f64; 2]>>>;

/// Pieces smaller than this (in square body units) are slivers left by rounding: dropped.
const SLIVER: f64 = 20.0;

pub(super) fn area_from(points: &[Point]) -> Area {
    vec![vec![points.iter().map(|p| [p.x, p.y]).collect()]]
}

fn op(a: &Area, b: &Area, rule: OverlayRule) -> Area {
    if a.is_empty() {
        return match rule {
            OverlayRule::Union => b.clone(),
            _ => Vec::new(),
        };
    }
    if b.is_empty() {
        return match rule {
            OverlayRule::Intersect => Vec::new(),
            _ => a.clone(),
        };
    }
    a.overlay(b, rule, FillRule::NonZero)
}

pub(super) fn intersect(a: &Area, b: &Area) -> Area {
    op(a, b, OverlayRule::Intersect)
}

pub(super) fn subtract(a: &Area, b: &Area) -> Area {
    op(a, b, OverlayRule::Difference)
}

pub(super) fn union(a: &Area, b: &Area) -> Area {
    op(a, b, OverlayRule::Union)
}

/// The area grown outward by `by` body units, its corners bevelled.
pub(super) fn grow(a: &Area, by: f64) -> Area {
    if a.is_empty() {
        return Vec::new();
    }
    // The outline grows outer contours and shrinks holes, told apart by their direction:
    // overlaying first gives every contour the direction that matches its role.
    let empty: Area = Vec::new();
    let normal = a.overlay(&empty, OverlayRule::Subject, FillRule::NonZero);
    normal.outline(&OutlineStyle::new(by))
}

fn contour_area(contour: &[[f64; 2]]) -> f64 {
    let mut sum = 0.0;
    let mut j = contour.len().wrapping_sub(1);
    for i in 0..contour.len() {
        sum += contour[j][0] * contour[i][1] - contour[i][0] * contour[j][1];
        j = i;
    }
    (sum / 2.0).abs()
}

/// The area of one shape: its outer contour less its holes.
fn shape_area(shape: &[Vec<[f64; 2]>]) -> f64 {
    let mut contours = shape.iter().map(|c| contour_area(c));
    let outer = contours.next().unwrap_or(0.0);
    outer - contours.sum::<f64>()
}

#[cfg(test)]
fn total_area(a: &Area) -> f64 {
    a.iter().map(|s| shape_area(s)).sum()
}

/// The length of a shape's outer contour.
fn perimeter(shape: &[Vec<[f64; 2]>]) -> f64 {
    shape.first().map_or(0.0, |outer| {
        let mut j = outer.len().wrapping_sub(1);
        let mut sum = 0.0;
        for i in 0..outer.len() {
            sum += (outer[i][0] - outer[j][0]).hypot(outer[i][1] - outer[j][1]);
            j = i;
        }
        sum
    })
}

/// Pieces thinner than this on average (twice the area over the perimeter, in body units)
/// are hairlines left between two cuts: dropped however long they are.
const HAIRLINE: f64 = 1.0;

/// Drops the slivers and the hairlines.
pub(super) fn without_slivers(a: Area) -> Area {
    a.into_iter()
        .filter(|s| {
            let area = shape_area(s);
            area >= SLIVER && 2.0 * area / perimeter(s).max(f64::MIN_POSITIVE) >= HAIRLINE
        })
        .collect()
}

/// The shortest edge an outline keeps, in body units (a twentieth of a pixel at the default
/// window): the clipping leaves runs of points closer than that, and a stroke through two
/// points that land on the same pixel has no direction there and shoots off the map.
const MIN_STEP: f64 = 0.05;

/// A contour as a clean polygon: no repeated points, no points on a straight run, and no
/// spikes where the outline doubles back on itself (a stroke would shoot out from them).
pub(super) fn points(contour: &[[f64; 2]]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(contour.len());
    for &[x, y] in contour {
        let p = Point::new(x, y);
        if out.last().is_none_or(|last| last.distance(p) > MIN_STEP) {
            out.push(p);
        }
    }
    while out.len() > 1 && out[0].distance(out[out.len() - 1]) <= MIN_STEP {
        out.pop();
    }
    loop {
        let n = out.len();
        if n < 3 {
            return Vec::new();
        }
        let keep: Vec<bool> = (0..n)
            .map(|i| {
                let (a, p, b) = (out[(i + n - 1) % n], out[i], out[(i + 1) % n]);
                let (u, v) = (p - a, b - p);
                let straight = u.cross(v).abs() <= 1e-9 * (u.hypot() * v.hypot()).max(1e-12);
                // A turn of almost all the way round: a spike.
                let spike = u.dot(v) <= -0.999 * u.hypot() * v.hypot();
                u.hypot() > 1e-6 && !straight && !spike
            })
            .collect();
        if keep.iter().all(|&k| k) {
            return out;
        }
        out = out
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(p, _)| *p)
            .collect();
    }
}

/// Every contour of an area as a polygon, for even-odd tests.
pub(super) fn rings(a: &Area) -> Vec<Vec<Point>> {
    a.iter().flatten().map(|c| points(c)).collect()
}

/// A half-plane as a large rectangle: the points left of `x` or right of it.
pub(super) fn half_plane(x: f64, right: bool) -> Area {
    const FAR: f64 = 1.0e4;
    let (x0, x1) = if right { (x, FAR) } else { (-FAR, x) };
    vec![vec![vec![[x0, -FAR], [x1, -FAR], [x1, FAR], [x0, FAR]]]]
}

/// The smallest axis-aligned box around an area, as (min x, min y, max x, max y); `None`
/// for an empty area.
pub(super) fn bounds(a: &Area) -> Option<[f64; 4]> {
    let mut points = a.iter().flatten().flatten();
    let &[x, y] = points.next()?;
    Some(points.fold([x, y, x, y], |[x0, y0, x1, y1], &[x, y]| {
        [x0.min(x), y0.min(y), x1.max(x), y1.max(y)]
    }))
}

/// Whether two boxes from [`bounds`] overlap or touch.
pub(super) fn boxes_meet(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, side: f64) -> Area {
        area_from(&[
            Point::new(x, y),
            Point::new(x + side, y),
            Point::new(x + side, y + side),
            Point::new(x, y + side),
        ])
    }

    #[test]
    fn clipping_leaves_what_is_left() {
        let a = square(0.0, 0.0, 10.0);
        let b = square(5.0, 0.0, 10.0);
        assert!((total_area(&intersect(&a, &b)) - 50.0).abs() < 1e-6);
        assert!((total_area(&subtract(&a, &b)) - 50.0).abs() < 1e-6);
        assert!((total_area(&union(&a, &b)) - 150.0).abs() < 1e-6);
        assert!(total_area(&intersect(&a, &Vec::new())) < 1e-9);
        assert!((total_area(&subtract(&a, &Vec::new())) - 100.0).abs() < 1e-6);
    }

    #[test]
    fn bounds_of_areas() {
        let a = union(&square(0.0, 0.0, 10.0), &square(20.0, 5.0, 10.0));
        let b = bounds(&a).expect("bounds");
        assert_eq!(b, [0.0, 0.0, 30.0, 15.0]);
        assert!(bounds(&Vec::new()).is_none());
        assert!(boxes_meet(b, [30.0, 15.0, 40.0, 40.0]));
        assert!(!boxes_meet(b, [31.0, 0.0, 40.0, 40.0]));
    }

    #[test]
    fn growing_adds_a_rim() {
        let grown = grow(&square(0.0, 0.0, 10.0), 2.0);
        let area = total_area(&grown);
        // 14 × 14 less the four bevelled corners.
        assert!((area - 188.0).abs() < 0.5, "{area}");
    }
}
