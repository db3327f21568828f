//! Plane geometry of the body map's shapes: bounding boxes, inside tests, a point well inside
//! a shape, spots for badges, and hatching.

use kurbo::{Point, Rect};

/// The smallest box holding every point (an empty box at the origin for no points).
pub(super) fn bounding_box(points: &[Point]) -> Rect {
    let Some(&first) = points.first() else {
        return Rect::ZERO;
    };
    points
        .iter()
        .fold(Rect::from_points(first, first), |r, &p| r.union_pt(p))
}

/// A line with the points it can do without: none of the dropped points lies farther than
/// `tolerance` from the simplified line (Ramer–Douglas–Peucker). The ends always stay.
pub fn simplified(line: &[Point], tolerance: f64) -> Vec<Point> {
    fn keep(line: &[Point], tolerance: f64, kept: &mut Vec<bool>, from: usize, to: usize) {
        let chord = kurbo::Line::new(line[from], line[to]);
        let far = (from + 1..to)
            .map(|i| {
                let p = line[i];
                let d = if chord.length() < 1e-12 {
                    p.distance(chord.p0)
                } else {
                    (p - chord.p0).cross(chord.p1 - chord.p0).abs() / chord.length()
                };
                (d, i)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((d, i)) = far
            && d > tolerance
        {
            kept[i] = true;
            keep(line, tolerance, kept, from, i);
            keep(line, tolerance, kept, i, to);
        }
    }
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut kept = vec![false; line.len()];
    let last = line.len() - 1;
    kept[0] = true;
    kept[last] = true;
    keep(line, tolerance, &mut kept, 0, last);
    line.iter()
        .zip(kept)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// A closed outline with the points it can do without, split at its farthest point so that
/// both halves keep their shape.
pub fn simplified_ring(ring: &[Point], tolerance: f64) -> Vec<Point> {
    if ring.len() < 4 {
        return ring.to_vec();
    }
    let far = (1..ring.len())
        .max_by(|&a, &b| {
            ring[0]
                .distance(ring[a])
                .total_cmp(&ring[0].distance(ring[b]))
        })
        .unwrap_or(1);
    let mut out = simplified(&ring[..=far], tolerance);
    let mut back: Vec<Point> = ring[far..].to_vec();
    back.push(ring[0]);
    let back = simplified(&back, tolerance);
    out.extend_from_slice(&back[1..back.len() - 1]);
    out
}

/// Distance between hatch lines, in body units.
pub(super) const HATCH_SPACING: f64 = 4.0;

/// Lines at 45° across a polygon, clipped to its inside.
pub(super) fn hatch(polygon: &[Point], bbox: Rect, spacing: f64) -> Vec<(Point, Point)> {
    // Along the line x - y = c, walk c over the box and cut the line by every edge.
    let mut segments = Vec::new();
    let mut c = (bbox.x0 - bbox.y1).floor();
    while c <= bbox.x1 - bbox.y0 {
        let mut cuts: Vec<f64> = Vec::new();
        let mut j = polygon.len() - 1;
        for i in 0..polygon.len() {
            let (a, b) = (polygon[j], polygon[i]);
            let (fa, fb) = (a.x - a.y - c, b.x - b.y - c);
            if (fa > 0.0) != (fb > 0.0) {
                let t = fa / (fa - fb);
                cuts.push(a.y + (b.y - a.y) * t);
            }
            j = i;
        }
        cuts.sort_by(f64::total_cmp);
        for pair in cuts.chunks_exact(2) {
            let (y0, y1) = (pair[0], pair[1]);
            segments.push((Point::new(c + y0, y0), Point::new(c + y1, y1)));
        }
        c += spacing;
    }
    segments
}

/// Even-odd point-in-polygon test.
pub fn polygon_contains(polygon: &[Point], p: Point) -> bool {
    let mut inside = false;
    let mut j = polygon.len().wrapping_sub(1);
    for i in 0..polygon.len() {
        let (a, b) = (polygon[i], polygon[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The area a closed ring encloses (shoelace), whichever way it turns.
pub(super) fn ring_area(ring: &[Point]) -> f64 {
    let mut twice = 0.0;
    let mut j = ring.len().wrapping_sub(1);
    for (i, p) in ring.iter().enumerate() {
        let q = ring[j];
        twice += (q.x - p.x) * (q.y + p.y);
        j = i;
    }
    (twice / 2.0).abs()
}

/// Even-odd test over several rings: an outline and its holes.
pub(super) fn rings_contain(rings: &[Vec<Point>], p: Point) -> bool {
    rings
        .iter()
        .filter(|ring| polygon_contains(ring, p))
        .count()
        % 2
        == 1
}

pub(super) fn distance_to_outline(polygon: &[Point], p: Point) -> f64 {
    let mut best = f64::INFINITY;
    let mut j = polygon.len() - 1;
    for i in 0..polygon.len() {
        let segment = kurbo::Line::new(polygon[j], polygon[i]);
        let nearest = kurbo::ParamCurveNearest::nearest(&segment, p, 1e-6);
        best = best.min(nearest.distance_sq);
        j = i;
    }
    best.sqrt()
}

/// A point deep inside a polygon: the best of a grid of candidates, then refined around it.
/// The anchor, then points of a grid over the shape that fall inside it, nearest first.
pub(super) fn spots(polygon: &[Vec<Point>], bbox: Rect, anchor: Point) -> Vec<Point> {
    const STEPS: u32 = 16;
    let mut inside: Vec<Point> = (0..=STEPS)
        .flat_map(|ix| {
            (0..=STEPS).map(move |iy| {
                Point::new(
                    bbox.x0 + bbox.width() * f64::from(ix) / f64::from(STEPS),
                    bbox.y0 + bbox.height() * f64::from(iy) / f64::from(STEPS),
                )
            })
        })
        .filter(|&p| rings_contain(polygon, p))
        .collect();
    inside.sort_by(|a, b| {
        a.distance_squared(anchor)
            .total_cmp(&b.distance_squared(anchor))
    });
    inside.insert(0, anchor);
    inside
}

pub(super) fn interior_point(polygon: &[Vec<Point>], bbox: Rect) -> Point {
    let mut best = (f64::NEG_INFINITY, bbox.center());
    let consider = |p: Point, best: &mut (f64, Point)| {
        if rings_contain(polygon, p) {
            let d = polygon
                .iter()
                .map(|ring| distance_to_outline(ring, p))
                .fold(f64::INFINITY, f64::min);
            if d > best.0 {
                *best = (d, p);
            }
        }
    };
    const STEPS: usize = 20;
    for ix in 0..=STEPS {
        for iy in 0..=STEPS {
            let p = Point::new(
                bbox.x0 + bbox.width() * ix as f64 / STEPS as f64,
                bbox.y0 + bbox.height() * iy as f64 / STEPS as f64,
            );
            consider(p, &mut best);
        }
    }
    let (mut step_x, mut step_y) = (bbox.width() / STEPS as f64, bbox.height() / STEPS as f64);
    for _ in 0..6 {
        let centre = best.1;
        for dx in -2..=2 {
            for dy in -2..=2 {
                let p = Point::new(
                    centre.x + step_x * f64::from(dx) / 2.0,
                    centre.y + step_y * f64::from(dy) / 2.0,
                );
                consider(p, &mut best);
            }
        }
        step_x /= 2.0;
        step_y /= 2.0;
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplifying_keeps_corners_and_drops_points_on_a_line() {
        let line: Vec<Point> = (0..=10).map(|i| Point::new(f64::from(i), 0.0)).collect();
        assert_eq!(simplified(&line, 0.1), vec![line[0], line[10]]);
        let square = [
            Point::new(0.0, 0.0),
            Point::new(5.0, 0.01),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(0.0, 10.0),
        ];
        let ring = simplified_ring(&square, 0.1);
        assert_eq!(ring.len(), 4, "{ring:?}");
        assert!(!ring.contains(&square[1]));
    }

    #[test]
    fn polygon_test_handles_concave_shapes() {
        // An L shape: the notch is outside.
        let l = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 4.0),
            Point::new(4.0, 4.0),
            Point::new(4.0, 10.0),
            Point::new(0.0, 10.0),
        ];
        assert!(polygon_contains(&l, Point::new(2.0, 8.0)));
        assert!(polygon_contains(&l, Point::new(8.0, 2.0)));
        assert!(!polygon_contains(&l, Point::new(8.0, 8.0)));
        let anchor = interior_point(&[l.to_vec()], bounding_box(&l));
        assert!(polygon_contains(&l, anchor));
        assert!(distance_to_outline(&l, anchor) > 1.5);
    }
}
