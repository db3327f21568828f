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

#[test]
fn step_badges_sit_inside_their_own_places_and_never_overlap() {
    let (catalog, body) = setup();
    // Badge heights as a share of the figure's height: smaller on a large window, and at
    // most the share the window and the sheet use.
    for share in [0.022, knotmap::body::BADGE_SHARE] {
        for routine in knotmap::routine::templates() {
            let numbered = knotmap::body::numbered_places(catalog, &routine);
            for view in View::ALL {
                let shape = body.view(view);
                let height = body.height * share;
                let badges: Vec<_> = numbered
                    .iter()
                    .map(|(place, numbers)| {
                        let text = knotmap::body::badge_label(numbers).expect("a label");
                        let width = height * (0.4 + 0.4 * text.len() as f64).max(1.0);
                        (*place, kurbo::Size::new(width, height))
                    })
                    .collect();
                let centres = shape.badge_centres(&badges);
                let mut drawn: Vec<kurbo::Rect> = Vec::new();
                for ((place, size), centre) in badges.iter().zip(centres) {
                    let Some(centre) = centre else {
                        assert!(shape.shape(*place).is_none(), "a place of this view");
                        continue;
                    };
                    let own = shape.shape(*place).expect("the place");
                    let place_name = name(catalog, own);
                    assert!(
                        polygon_contains(&own.outline, centre),
                        "{}: the badge of {place_name} at {share} sits outside it",
                        routine.name
                    );
                    let rect = kurbo::Rect::from_center_size(centre, *size);
                    assert!(
                        drawn.iter().all(|other| !other.overlaps(rect)),
                        "{}: the badge of {place_name} at {share} covers another",
                        routine.name
                    );
                    drawn.push(rect);
                }
            }
        }
    }
}
