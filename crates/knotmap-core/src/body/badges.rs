//! Step badges: the places a routine works, numbered, and where their badges sit.

use kurbo::{Point, Rect, Size};

use super::{PlaceShape, ViewShape};
use crate::catalog::{Catalog, Place};

/// The places a routine step works: one side, both, or the middle.
pub fn step_places(catalog: &Catalog, step: &crate::routine::Step) -> Vec<Place> {
    let Some(region) = catalog.region_index(&step.region) else {
        return Vec::new();
    };
    step.side
        .sides()
        .iter()
        .map(|&side| Place { region, side })
        .collect()
}

/// Each place a routine works, with the numbers (from 1) of its steps there.
pub fn numbered_places(
    catalog: &Catalog,
    routine: &crate::routine::Routine,
) -> Vec<(Place, Vec<usize>)> {
    let mut out: Vec<(Place, Vec<usize>)> = Vec::new();
    for (i, step) in routine.steps.iter().enumerate() {
        for place in step_places(catalog, step) {
            match out.iter_mut().find(|(p, _)| *p == place) {
                Some((_, numbers)) => numbers.push(i + 1),
                None => out.push((place, vec![i + 1])),
            }
        }
    }
    out
}

/// The height of a step badge as a share of the figure's height: the largest at which the
/// badges of every example routine fit inside their own places. The window and the sheet draw
/// badges this size where they can.
pub const BADGE_SHARE: f64 = 0.03;

/// The text of a place's step badge: its step number, two numbers, or the first and a plus.
pub fn badge_label(numbers: &[usize]) -> Option<String> {
    match numbers {
        [one] => Some(one.to_string()),
        [a, b] => Some(format!("{a},{b}")),
        [a, ..] => Some(format!("{a}+")),
        [] => None,
    }
}

impl ViewShape {
    /// Where the step badges of this view go, in body units, given each badge's place and
    /// size: inside its own place wherever there is room, and clear of the badges placed
    /// before it. A badge whose place is not on this view gets `None`.
    pub fn badge_centres(&self, badges: &[(Place, Size)]) -> Vec<Option<Point>> {
        let shapes: Vec<Option<&PlaceShape>> =
            badges.iter().map(|&(place, _)| self.shape(place)).collect();
        // The smallest places choose first, the two sides of a region one after the other,
        // so that a small place keeps its own badge and both sides' badges sit alike.
        let areas: Vec<f64> = shapes
            .iter()
            .map(|shape| shape.map_or(0.0, PlaceShape::area))
            .collect();
        let smallest: Vec<f64> = badges
            .iter()
            .map(|(place, _)| {
                (0..badges.len())
                    .filter(|&j| badges[j].0.region == place.region)
                    .map(|j| areas[j])
                    .fold(f64::INFINITY, f64::min)
            })
            .collect();
        let mut order: Vec<usize> = (0..badges.len()).collect();
        order.sort_by(|&a, &b| {
            let (pa, pb) = (badges[a].0, badges[b].0);
            smallest[a]
                .total_cmp(&smallest[b])
                .then(pa.region.cmp(&pb.region))
                .then(pa.side.cmp(&pb.side))
        });
        // The picture's midline: a badge right of it looks for room in the mirror image of
        // the order a badge left of it does.
        let mid = super::geometry::bounding_box(&self.silhouette).center().x;
        let mut placed: Vec<Rect> = Vec::with_capacity(badges.len());
        let mut centres = vec![None; badges.len()];
        for i in order {
            let (Some(shape), (_, size)) = (shapes[i], badges[i]) else {
                continue;
            };
            // A small gap keeps neighbouring badges apart to the eye.
            let gap = size.height * 0.08;
            let free = |centre: Point| {
                let rect = Rect::from_center_size(centre, size).inflate(gap, gap);
                !placed.iter().any(|other| other.overlaps(rect))
            };
            // When the place is full, the nearest free spot around it.
            let around = (1..=4).flat_map(|ring| {
                (0..12).map(move |k| {
                    let angle = std::f64::consts::TAU * f64::from(k) / 12.0;
                    let across = if shape.anchor.x > mid { -1.0 } else { 1.0 };
                    shape.anchor
                        + kurbo::Vec2::new(across * angle.cos(), angle.sin())
                            * size.height
                            * f64::from(ring)
                })
            });
            let centre = shape
                .spots
                .iter()
                .copied()
                .chain(around)
                .find(|&c| free(c))
                .unwrap_or(shape.anchor);
            placed.push(Rect::from_center_size(centre, size));
            centres[i] = Some(centre);
        }
        centres
    }
}
