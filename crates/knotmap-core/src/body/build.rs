//! One view of a figure built from its file: the silhouette and details warped for the
//! figure, every region's cells clipped into places that tile the silhouette, and margins
//! beside the narrow ones.

use kurbo::{Point, Rect};

use super::file::{BodyFile, FigureFile, ViewFile, invalid, parse_path, polylines, single_outline};
use super::geometry::{
    HATCH_SPACING, bounding_box, distance_to_outline, hatch, interior_point, simplified_ring, spots,
};
use super::hit_index::HitIndex;
use super::{
    DRAWN_TOLERANCE, MARGIN, PlaceShape, TARGET, Triangles, Use, ViewShape, figure, midline,
    partition,
};
use crate::catalog::{Catalog, CatalogError, Place, Side, View};

pub(super) fn build_view(
    file: &ViewFile,
    body: &BodyFile,
    figure: &FigureFile,
    catalog: &Catalog,
    used: Use,
) -> Result<ViewShape, CatalogError> {
    let view = file.view;
    let mid = midline(body.width);
    let warp = |points: Vec<Point>| figure::warp(&figure.shifts, mid, points);
    let silhouette = warp(single_outline(
        &file.silhouette,
        &format!("{} silhouette", view.label()),
    )?);
    let mut details = Vec::new();
    let own = figure.details.iter().filter(|d| d.view == view);
    for data in file.details.iter().chain(own.map(|d| &d.path)) {
        for line in polylines(&parse_path(data, "a detail line")?) {
            details.push(warp(line));
        }
    }

    // Each cell, clipped to the figure and to everything drawn before it.
    let body_area = partition::area_from(&silhouette);
    // What is laid so far, piece by piece with its bounds: a cell is cut only by the pieces
    // near it, all in one operation (they never overlap, so together they are their union).
    let mut laid: Vec<([f64; 4], partition::Area)> = Vec::new();
    let mut claims: Vec<(Place, partition::Area)> = Vec::new();
    for region_file in &file.regions {
        let index = catalog.region_index(&region_file.id).ok_or_else(|| {
            invalid(format!(
                "the shape \"{}\" names no region of the catalog",
                region_file.id
            ))
        })?;
        let region = &catalog.regions[index];
        if region.view != view {
            return Err(invalid(format!(
                "region \"{}\" belongs to the {} view but is drawn on the {} view",
                region.id,
                region.view.label(),
                view.label()
            )));
        }
        let outline = single_outline(&region_file.path, &format!("region \"{}\"", region.id))?;
        for side in region.sides() {
            // Shapes are drawn for the runner's left side; the right is its mirror image. A
            // sided cell keeps to its own half of the body.
            let mut cell = partition::area_from(&warp(match side {
                Some(Side::Right) => outline
                    .iter()
                    .map(|p| Point::new(body.width - p.x, p.y))
                    .collect(),
                _ => outline.clone(),
            }));
            if region_file.grow > 0.0 {
                cell = partition::grow(&cell, region_file.grow);
            }
            if let Some(side) = side {
                cell =
                    partition::intersect(&cell, &partition::half_plane(mid, on_right(view, side)));
            }
            // Hairline slivers left along the edges of places drawn before are dropped here,
            // before they make every later cut slower.
            let on_body = partition::intersect(&cell, &body_area);
            let cell_bounds = partition::bounds(&on_body);
            let near: partition::Area = laid
                .iter()
                .filter(|(b, _)| cell_bounds.is_some_and(|c| partition::boxes_meet(*b, c)))
                .flat_map(|(_, piece)| piece.iter().cloned())
                .collect();
            let piece = partition::without_slivers(partition::subtract(&on_body, &near));
            if let Some(b) = partition::bounds(&piece) {
                laid.push((b, piece.clone()));
            }
            let place = Place {
                region: index,
                side,
            };
            match claims.iter_mut().find(|(p, _)| *p == place) {
                Some((_, area)) => *area = partition::union(area, &piece),
                None => claims.push((place, piece)),
            }
        }
    }

    let mut places = Vec::new();
    for (place, area) in claims {
        let name = catalog.regions[place.region].display_name(place.side);
        let mut area = partition::without_slivers(area);
        if area.len() != 1 {
            return Err(not_one_piece(&name, &area));
        }
        let mut contours = area.remove(0).into_iter().map(|c| partition::points(&c));
        let outline = contours
            .next()
            .filter(|ring| ring.len() >= 3)
            .ok_or_else(|| invalid(format!("{name}: too little of it is left to draw")))?;
        let rings: Vec<Vec<Point>> = contours.filter(|ring| ring.len() >= 3).collect();
        places.push(place_shape(
            place,
            outline,
            rings,
            catalog.regions[place.region].warns(),
        )?);
    }
    mirror_anchors(&mut places, mid);
    // A place with others inside it is drawn first, under them.
    places.sort_by_key(|shape| shape.holes.is_empty());
    if used == Use::Pointer {
        give_margins(&mut places, &body_area, mid);
    }
    Ok(ViewShape {
        view,
        silhouette_fill: Triangles::fill(&simplified_ring(&silhouette, DRAWN_TOLERANCE))
            .map_err(|e| invalid(e.to_string()))?,
        silhouette,
        details,
        index: HitIndex::new(&places),
        places,
    })
}

/// Why a place's area is not one piece: nothing left of it, or cut apart, with where the
/// pieces lie so that the drawing can be mended.
fn not_one_piece(name: &str, area: &partition::Area) -> CatalogError {
    if area.is_empty() {
        return invalid(format!(
            "{name}: the places drawn before it cover it completely"
        ));
    }
    let near: Vec<String> = area
        .iter()
        .filter_map(|piece| piece.first())
        .map(|outer| {
            let b = bounding_box(&partition::points(outer));
            format!("({:.0}, {:.0})", b.center().x, b.center().y)
        })
        .collect();
    invalid(format!(
        "{name}: the places drawn before it cut it into {} pieces, around {}",
        area.len(),
        near.join(", ")
    ))
}

/// Gives each right-side place the mirror image of its left twin's anchor and spots, where
/// they fall inside it, so that labels and step badges sit alike on both sides: found
/// separately, a long place with many nearly equal candidates (the hamstrings) may put its
/// anchor at the top on one side and the middle on the other.
fn mirror_anchors(places: &mut [PlaceShape], mid: f64) {
    let mirror = |p: Point| Point::new(2.0 * mid - p.x, p.y);
    let twins: Vec<(usize, Point, Vec<Point>)> = places
        .iter()
        .enumerate()
        .filter(|(_, shape)| shape.place.side == Some(Side::Right))
        .filter_map(|(i, shape)| {
            let left = places.iter().find(|other| {
                other.place.region == shape.place.region && other.place.side == Some(Side::Left)
            })?;
            let anchor = mirror(left.anchor);
            shape.contains(anchor).then(|| {
                let spots = left
                    .spots
                    .iter()
                    .map(|&p| mirror(p))
                    .filter(|&p| shape.contains(p))
                    .collect();
                (i, anchor, spots)
            })
        })
        .collect();
    for (i, anchor, spots) in twins {
        places[i].anchor = anchor;
        places[i].spots = spots;
    }
}

/// Whether the runner's side lies on the right of the picture: the left side faces the
/// viewer's right in the front view and the viewer's left from behind.
fn on_right(view: View, side: Side) -> bool {
    matches!(
        (view, side),
        (View::Front, Side::Left) | (View::Back, Side::Right)
    )
}

/// Gives every place too narrow to hold a [`TARGET`] square a margin outside the figure, so
/// that a near miss still reaches it. Nothing inside the figure moves. The margins grow in
/// rings, a few units at a time and the narrowest place first in each ring, so that two
/// narrow neighbours share the ground between them; a sided place's margin stays on its own
/// half of the body, so that the left and right legs share the gap between them evenly.
fn give_margins(places: &mut [PlaceShape], body_area: &partition::Area, mid: f64) {
    const RINGS: usize = 4;
    let mut order: Vec<(f64, usize)> = places
        .iter()
        .enumerate()
        .map(|(i, shape)| {
            let radius = std::iter::once(&shape.outline)
                .chain(&shape.holes)
                .map(|ring| distance_to_outline(ring, shape.anchor))
                .fold(f64::INFINITY, f64::min);
            (radius, i)
        })
        .filter(|&(radius, _)| radius * std::f64::consts::SQRT_2 < TARGET)
        .collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Each place's own area, and the half of the body its margin keeps to.
    let own: Vec<(partition::Area, Option<partition::Area>)> = order
        .iter()
        .map(|&(_, i)| {
            let shape = &places[i];
            let half = shape
                .place
                .side
                .map(|_| partition::half_plane(mid, shape.anchor.x > mid));
            (partition::area_from(&shape.outline), half)
        })
        .collect();
    let mut margins: Vec<partition::Area> = vec![Vec::new(); order.len()];
    let mut taken = body_area.clone();
    for ring in 1..=RINGS {
        let by = MARGIN * ring as f64 / RINGS as f64;
        for (k, (area, half)) in own.iter().enumerate() {
            let mut grown = partition::grow(area, by);
            if let Some(half) = half {
                grown = partition::intersect(&grown, half);
            }
            let more = partition::subtract(&grown, &taken);
            if more.is_empty() {
                continue;
            }
            taken = partition::union(&taken, &more);
            margins[k] = partition::union(&margins[k], &more);
        }
    }
    for (k, &(_, i)) in order.iter().enumerate() {
        let margin = partition::without_slivers(std::mem::take(&mut margins[k]));
        let rings: Vec<Vec<Point>> = partition::rings(&margin)
            .into_iter()
            .filter(|ring| ring.len() >= 3)
            .collect();
        if rings.is_empty() {
            continue;
        }
        let all: Vec<Point> = rings.iter().flatten().copied().collect();
        places[i].margin_bbox = bounding_box(&all);
        places[i].margin = rings;
    }
}

fn place_shape(
    place: Place,
    outline: Vec<Point>,
    holes: Vec<Vec<Point>>,
    no_roll: bool,
) -> Result<PlaceShape, CatalogError> {
    let bbox = bounding_box(&outline);
    let mut rings = vec![outline.clone()];
    rings.extend(holes.iter().cloned());
    let anchor = interior_point(&rings, bbox);
    Ok(PlaceShape {
        place,
        spots: spots(&rings, bbox, anchor),
        hatching: if no_roll {
            hatch(&outline, bbox, HATCH_SPACING)
        } else {
            Vec::new()
        },
        fill: Triangles::fill_with_holes(
            &simplified_ring(&outline, DRAWN_TOLERANCE),
            &holes
                .iter()
                .map(|hole| simplified_ring(hole, DRAWN_TOLERANCE))
                .collect::<Vec<_>>(),
        )
        .map_err(|e| invalid(e.to_string()))?,
        outline,
        holes,
        bbox,
        anchor,
        margin: Vec::new(),
        margin_bbox: Rect::ZERO,
    })
}
