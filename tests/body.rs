//! The body-map geometry: every catalog region is drawn, shapes never overlap, and a point
//! inside a region hits that region and nothing else.

use knotmap::body::{Body, PlaceShape, polygon_contains};
use knotmap::catalog::{Catalog, Side, View};
use kurbo::Point;

fn setup() -> (&'static Catalog, Body) {
    let catalog = Catalog::builtin().expect("catalog");
    let body = Body::builtin(catalog).expect("body geometry");
    (catalog, body)
}

fn name(catalog: &Catalog, shape: &PlaceShape) -> String {
    catalog.regions[shape.place.region].display_name(shape.place.side)
}

#[test]
fn every_region_is_drawn_on_each_of_its_sides_in_its_own_view() {
    let (catalog, body) = setup();
    for (index, region) in catalog.regions.iter().enumerate() {
        for side in region.sides() {
            let found = body
                .places()
                .filter(|(_, s)| s.place.region == index && s.place.side == side)
                .collect::<Vec<_>>();
            assert_eq!(found.len(), 1, "{} {side:?}", region.id);
            assert_eq!(
                found[0].0, region.view,
                "{} is drawn on the wrong view",
                region.id
            );
        }
    }
}

#[test]
fn the_anchor_of_every_place_hits_that_place_and_nothing_else() {
    let (catalog, body) = setup();
    for view in View::ALL {
        let shapes = &body.view(view).places;
        for shape in shapes {
            assert_eq!(
                body.view(view).hit(shape.anchor),
                Some(shape.place),
                "{}",
                name(catalog, shape)
            );
            let others: Vec<String> = shapes
                .iter()
                .filter(|o| o.place != shape.place && o.contains(shape.anchor))
                .map(|o| name(catalog, o))
                .collect();
            assert!(
                others.is_empty(),
                "{} also hits {others:?}",
                name(catalog, shape)
            );
            assert!(body.view(view).on_body(shape.anchor));
        }
    }
}

/// Points on a grid over a rectangle.
fn grid(rect: kurbo::Rect, step: f64) -> impl Iterator<Item = Point> {
    let nx = (rect.width() / step).ceil() as usize;
    let ny = (rect.height() / step).ceil() as usize;
    (0..=nx).flat_map(move |i| {
        (0..=ny).map(move |j| Point::new(rect.x0 + i as f64 * step, rect.y0 + j as f64 * step))
    })
}

#[test]
fn no_two_places_overlap() {
    let (catalog, body) = setup();
    for view in View::ALL {
        let shapes = &body.view(view).places;
        for (i, a) in shapes.iter().enumerate() {
            for b in &shapes[i + 1..] {
                let overlap = a.bbox.intersect(b.bbox);
                if overlap.width() <= 0.0 || overlap.height() <= 0.0 {
                    continue;
                }
                let shared = grid(overlap, 0.5).find(|&p| a.contains(p) && b.contains(p));
                assert!(
                    shared.is_none(),
                    "{} and {} overlap at {shared:?}",
                    name(catalog, a),
                    name(catalog, b)
                );
            }
        }
    }
}

#[test]
fn places_lie_on_the_figure_and_are_big_enough_to_click() {
    let (catalog, body) = setup();
    for view in View::ALL {
        let v = body.view(view);
        for shape in &v.places {
            let outside = grid(shape.bbox, 1.0)
                .filter(|&p| shape.contains(p) && !polygon_contains(&v.silhouette, p))
                .count();
            // Allow a sliver where an outline runs along the silhouette.
            assert!(
                outside <= 3,
                "{} spills off the body ({outside} points)",
                name(catalog, shape)
            );
            assert!(
                shape.fill.area() >= 150.0,
                "{} is too small to click",
                name(catalog, shape)
            );
        }
    }
}

#[test]
fn right_side_places_mirror_the_left() {
    let (_, body) = setup();
    for view in View::ALL {
        let v = body.view(view);
        for left in v.places.iter().filter(|s| s.place.side == Some(Side::Left)) {
            let right = v
                .places
                .iter()
                .find(|s| s.place.region == left.place.region && s.place.side == Some(Side::Right))
                .expect("a right side for every left side");
            let mirrored = Point::new(body.width - left.anchor.x, left.anchor.y);
            assert!(right.contains(mirrored));
            // The runner's left is on the viewer's right in the front view.
            let on_viewer_right = left.anchor.x > body.width / 2.0;
            assert_eq!(on_viewer_right, view == View::Front);
        }
    }
}

#[test]
fn the_figure_itself_is_not_a_region() {
    let (_, body) = setup();
    // The middle of the forehead is on the body but in no region; far left is off the body.
    let front = body.view(View::Front);
    let forehead = Point::new(200.0, 60.0);
    assert!(front.on_body(forehead));
    assert_eq!(front.hit(forehead), None);
    assert!(!front.on_body(Point::new(2.0, 500.0)));
    assert_eq!(front.hit(Point::new(2.0, 500.0)), None);
}
