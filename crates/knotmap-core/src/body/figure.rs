//! The two figures. Both come from one drawing: a figure is the drawing moved by a few smooth
//! sideways shifts (narrower shoulders, a narrower waist, wider hips), so that every place
//! exists on both with the same shape around it.

use kurbo::Point;
use serde::{Deserialize, Serialize};

/// Which body the map shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Figure {
    #[default]
    Female,
    Male,
}

impl Figure {
    pub const ALL: [Figure; 2] = [Figure::Female, Figure::Male];

    pub fn label(self) -> &'static str {
        match self {
            Figure::Female => "Female",
            Figure::Male => "Male",
        }
    }

    /// The name on the command line: `female` or `male`.
    pub fn key(self) -> &'static str {
        match self {
            Figure::Female => "female",
            Figure::Male => "male",
        }
    }
}

/// Moves every point between `top` and `bottom` whose distance from the midline lies
/// between `inner` and `outer` away from the midline by `by` body units (towards it when
/// negative). The shift fades out over `soft` units beyond each edge, so shapes bend and
/// never tear.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Shift {
    top: f64,
    bottom: f64,
    inner: f64,
    outer: f64,
    by: f64,
    soft: f64,
}

/// 0 before `from - soft`, 1 between `from` and `to`, 0 after `to + soft`, smooth between.
fn band(t: f64, from: f64, to: f64, soft: f64) -> f64 {
    let smooth = |x: f64| {
        let x = x.clamp(0.0, 1.0);
        x * x * (3.0 - 2.0 * x)
    };
    if soft <= 0.0 {
        return f64::from(u8::from(t >= from && t <= to));
    }
    smooth((t - (from - soft)) / soft) * (1.0 - smooth((t - to) / soft))
}

impl Shift {
    fn offset(&self, p: Point, mid: f64) -> f64 {
        let dx = p.x - mid;
        self.by
            * band(p.y, self.top, self.bottom, self.soft)
            * band(dx.abs(), self.inner, self.outer, self.soft)
            * dx.signum()
    }
}

/// The points of the drawing, moved for a figure.
pub(super) fn warp(shifts: &[Shift], mid: f64, points: Vec<Point>) -> Vec<Point> {
    if shifts.is_empty() {
        return points;
    }
    points
        .into_iter()
        .map(|p| {
            Point::new(
                p.x + shifts.iter().map(|s| s.offset(p, mid)).sum::<f64>(),
                p.y,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shift_moves_its_band_and_fades_out() {
        let shift = Shift {
            top: 100.0,
            bottom: 200.0,
            inner: 50.0,
            outer: 80.0,
            by: 10.0,
            soft: 20.0,
        };
        let moved = warp(
            &[shift],
            200.0,
            vec![
                Point::new(265.0, 150.0),
                Point::new(135.0, 150.0),
                Point::new(265.0, 300.0),
                Point::new(210.0, 150.0),
                Point::new(265.0, 210.0),
            ],
        );
        assert_eq!(moved[0].x, 275.0);
        assert_eq!(moved[1].x, 125.0, "the left half moves the other way");
        assert_eq!(moved[2].x, 265.0, "far below the band nothing moves");
        assert_eq!(moved[3].x, 210.0, "near the midline nothing moves");
        assert!(moved[4].x > 265.0 && moved[4].x < 275.0, "fading out");
    }
}
