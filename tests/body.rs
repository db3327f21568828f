//! The body-map geometry: every catalog region is drawn, shapes never overlap, and a point
//! inside a region hits that region and nothing else.

use knotmap::body::{Body, Figure, PlaceShape, polygon_contains};
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
    for (index, region) in catalog.regions_ix() {
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

/// Both figures.
fn bodies() -> Vec<Body> {
    let catalog = Catalog::builtin().expect("catalog");
    Figure::ALL
        .iter()
        .map(|&f| Body::builtin_figure(catalog, f).expect("body geometry"))
        .collect()
}

#[test]
fn every_point_of_both_figures_answers_a_click_and_never_two() {
    let catalog = Catalog::builtin().expect("catalog");
    for body in bodies() {
        for view in View::ALL {
            let v = body.view(view);
            let frame = kurbo::Rect::new(0.0, 0.0, body.width, body.height);
            // A fine grid, offset so that it never runs along a straight edge.
            let (mut inside, mut answered) = (0usize, 0usize);
            for p in grid(frame, 1.0).map(|p| p + kurbo::Vec2::new(0.37, 0.61)) {
                if !v.on_body(p) {
                    continue;
                }
                inside += 1;
                let holders: Vec<String> = v
                    .places
                    .iter()
                    .filter(|s| s.contains(p))
                    .map(|s| name(catalog, s))
                    .collect();
                assert!(
                    holders.len() <= 1,
                    "{:?} {view:?}: {p:?} is in {holders:?}",
                    body.figure
                );
                if holders.len() == 1 {
                    answered += 1;
                }
            }
            let share = answered as f64 / inside as f64;
            assert!(
                share >= 0.97,
                "{:?} {view:?}: only {:.1}% of the figure answers a click",
                body.figure,
                share * 100.0
            );
        }
    }
}

/// Whether an axis-aligned square of the given side lies wholly where the place answers.
fn holds_square(shape: &PlaceShape, side: f64) -> bool {
    let reach = shape.bbox.union(if shape.margin.is_empty() {
        shape.bbox
    } else {
        shape.margin_bbox
    });
    grid(reach, 1.5).any(|corner| {
        let square = kurbo::Rect::from_origin_size(corner, (side, side));
        grid(square, side / 6.0).all(|p| shape.answers(p))
    })
}

#[test]
fn every_place_offers_a_target_the_size_of_a_fingertip_on_both_figures() {
    let catalog = Catalog::builtin().expect("catalog");
    for body in bodies() {
        for view in View::ALL {
            let v = body.view(view);
            // Every place holds the whole target, inside it or in its margin off the figure.
            let mut small: Vec<String> = v
                .places
                .iter()
                .filter(|shape| !holds_square(shape, knotmap::body::TARGET))
                .map(|shape| name(catalog, shape))
                .collect();
            small.sort();
            assert!(
                small.is_empty(),
                "{:?} {view:?}: no {} × {} target on {small:?}",
                body.figure,
                knotmap::body::TARGET,
                knotmap::body::TARGET
            );
            for shape in &v.places {
                // A margin never reaches into the figure.
                if !shape.margin.is_empty() {
                    let inside = grid(shape.margin_bbox, 1.0)
                        .map(|p| p + kurbo::Vec2::new(0.37, 0.61))
                        .filter(|&p| shape.margin_contains(p) && v.on_body(p))
                        .count();
                    assert_eq!(
                        inside,
                        0,
                        "{}'s margin reaches into the figure",
                        name(catalog, shape)
                    );
                }
            }
        }
    }
}

#[test]
fn places_lie_on_the_figure() {
    let catalog = Catalog::builtin().expect("catalog");
    for body in bodies() {
        for view in View::ALL {
            let v = body.view(view);
            for shape in &v.places {
                let outside = grid(shape.bbox, 1.0)
                    .map(|p| p + kurbo::Vec2::new(0.37, 0.61))
                    .filter(|&p| shape.contains(p) && !polygon_contains(&v.silhouette, p))
                    .count();
                assert_eq!(outside, 0, "{} spills off the body", name(catalog, shape));
            }
        }
    }
}

#[test]
fn both_figures_have_the_same_places() {
    let [female, male] = &bodies()[..] else {
        panic!("two figures");
    };
    let places = |b: &Body| {
        let mut all: Vec<_> = b.places().map(|(v, s)| (v, s.place)).collect();
        all.sort_by_key(|(v, p)| (*v == View::Back, *p));
        all
    };
    assert_eq!(places(female), places(male));
    // And they differ where bodies differ: the female figure's hips are wider, her waist
    // narrower.
    // The figure's width at a height: the run of body around the midline, between the arms.
    let width_at = |b: &Body, y: f64| {
        let v = b.view(View::Front);
        let reach = |step: f64| {
            let mut x = 200.0;
            while v.on_body(Point::new(x + step, y)) {
                x += step;
            }
            x
        };
        reach(0.1) - reach(-0.1)
    };
    assert!(width_at(female, 500.0) > width_at(male, 500.0) + 10.0);
    assert!(width_at(female, 380.0) < width_at(male, 380.0) - 6.0);
}

#[test]
fn a_click_just_beside_a_narrow_place_still_reaches_it() {
    let (catalog, body) = setup();
    let front = body.view(View::Front);
    let it_band = catalog.region_index(&"it_band".into()).expect("IT band");
    let shape = front
        .places
        .iter()
        .find(|s| s.place.region == it_band && s.place.side == Some(Side::Left))
        .expect("left IT band");
    // Just outside the outer thigh, level with the middle of the band.
    let y = shape.anchor.y;
    let edge = (0..4000)
        .map(|i| f64::from(i) / 10.0)
        .filter(|&x| front.on_body(Point::new(x, y)))
        .fold(0.0, f64::max);
    let beside = Point::new(edge + 4.0, y);
    assert!(!front.on_body(beside));
    assert_eq!(front.hit(beside), Some(shape.place));
    // Far off the figure nothing answers.
    assert_eq!(front.hit(Point::new(2.0, 500.0)), None);
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

#[test]
fn the_fills_stay_inside_their_places() {
    let catalog = Catalog::builtin().expect("catalog");
    for body in bodies() {
        for view in View::ALL {
            for shape in &body.view(view).places {
                let grown = shape.bbox.inflate(0.5, 0.5);
                for &p in &shape.fill.vertices {
                    assert!(
                        grown.contains(p),
                        "{:?} {}: a fill vertex at {p:?}",
                        body.figure,
                        name(catalog, shape)
                    );
                }
                let area: f64 = shape.fill.area();
                let mut rings = vec![shape.outline.clone()];
                rings.extend(shape.holes.iter().cloned());
                let expected = rings
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let a = polygon_area(r);
                        if i == 0 { a } else { -a }
                    })
                    .sum::<f64>();
                assert!(
                    (area - expected).abs() < expected * 0.02 + 1.0,
                    "{:?} {}: fill {area} for {expected}",
                    body.figure,
                    name(catalog, shape)
                );
            }
        }
    }
}

fn polygon_area(points: &[Point]) -> f64 {
    let mut sum = 0.0;
    let mut j = points.len() - 1;
    for i in 0..points.len() {
        sum += points[j].x * points[i].y - points[i].x * points[j].y;
        j = i;
    }
    (sum / 2.0).abs()
}

/// Where a line turns back on itself, the stroke's mitre shoots far off the figure.
fn assert_never_doubles_back(line: &[Point], closed: bool, what: &str) {
    let n = line.len();
    let corners = if closed { 0..n } else { 1..n.saturating_sub(1) };
    for i in corners {
        let (a, p, b) = (line[(i + n - 1) % n], line[i], line[(i + 1) % n]);
        let (u, v) = (p - a, b - p);
        let turn = u.dot(v) / (u.hypot() * v.hypot());
        assert!(
            turn > -0.999,
            "{what}: the line doubles back at {p:?} from {a:?} to {b:?}"
        );
    }
}

#[test]
fn outlines_never_double_back() {
    let catalog = Catalog::builtin().expect("catalog");
    for body in bodies() {
        for view in View::ALL {
            let shape = body.view(view);
            let figure = body.figure;
            assert_never_doubles_back(
                &shape.silhouette,
                true,
                &format!("{figure:?} {view:?} silhouette"),
            );
            for (i, line) in shape.details.iter().enumerate() {
                assert_never_doubles_back(
                    line,
                    false,
                    &format!("{figure:?} {view:?} detail line {i}"),
                );
            }
            for place in &shape.places {
                let what = format!("{figure:?} {}", name(catalog, place));
                for ring in std::iter::once(&place.outline).chain(&place.holes) {
                    assert_never_doubles_back(ring, true, &what);
                }
            }
        }
    }
}

#[test]
fn every_line_drawn_stays_on_the_figure() {
    let catalog = Catalog::builtin().expect("catalog");
    for body in bodies() {
        for view in View::ALL {
            let shape = body.view(view);
            let mut bounds = kurbo::Rect::from_points(shape.silhouette[0], shape.silhouette[0]);
            for &p in &shape.silhouette {
                bounds = bounds.union_pt(p);
            }
            let on_figure = bounds.inflate(1.0, 1.0);
            let mut lines: Vec<(String, Vec<Point>)> = shape
                .details
                .iter()
                .enumerate()
                .map(|(i, d)| (format!("detail line {i}"), d.clone()))
                .collect();
            for place in &shape.places {
                let name = name(catalog, place);
                lines.push((format!("{name}'s outline"), place.outline.clone()));
                for hole in &place.holes {
                    lines.push((format!("a hole in {name}"), hole.clone()));
                }
                for &(a, b) in &place.hatching {
                    lines.push((format!("{name}'s hatching"), vec![a, b]));
                }
            }
            for (what, points) in lines {
                for p in points {
                    assert!(
                        on_figure.contains(p),
                        "{:?} {view:?}: {what} reaches {p:?}, off the figure {bounds:?}",
                        body.figure
                    );
                }
            }
        }
    }
}

#[test]
fn the_hit_index_answers_as_a_search_of_every_place_would() {
    for body in bodies() {
        for view in View::ALL {
            let v = body.view(view);
            let everything = kurbo::Rect::new(-40.0, -40.0, body.width + 40.0, body.height + 40.0);
            for p in grid(everything, 1.7) {
                let brute = v
                    .places
                    .iter()
                    .find(|s| s.contains(p))
                    .or_else(|| v.places.iter().find(|s| s.margin_contains(p)))
                    .map(|s| s.place);
                assert_eq!(v.hit(p), brute, "{:?} {view:?} at {p:?}", body.figure);
            }
        }
    }
}

#[test]
fn a_printout_draws_the_same_places_as_the_window_without_pointer_margins() {
    let catalog = Catalog::builtin().expect("catalog");
    for body in bodies() {
        let paper = Body::builtin_for_paper(catalog, body.figure).expect("body for paper");
        let window: Vec<_> = body.places().collect();
        let printed: Vec<_> = paper.places().collect();
        assert_eq!(window.len(), printed.len());
        assert!(
            window.iter().any(|(_, s)| !s.margin.is_empty()),
            "the window gives narrow places a margin"
        );
        for ((view, shape), (paper_view, paper_shape)) in window.iter().zip(&printed) {
            assert_eq!((view, shape.place), (paper_view, paper_shape.place));
            assert_eq!(
                shape.outline,
                paper_shape.outline,
                "{}",
                name(catalog, shape)
            );
            assert_eq!(shape.holes, paper_shape.holes);
            assert!(paper_shape.margin.is_empty(), "{}", name(catalog, shape));
        }
    }
}
