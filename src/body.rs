//! Body-map geometry: the figure seen from the front and the back, one shape per region and
//! side, and hit testing. Everything here lives in body space: each view is a canvas of
//! `width × height` units with y pointing down; the UI maps it to the screen once.

mod tessellate;

use kurbo::{BezPath, PathEl, Point, Rect, Size};
use serde::Deserialize;

use crate::catalog::{Catalog, CatalogError, Hit, RegionId, Side, View, parse_ron};

pub use tessellate::Triangles;

/// How closely flattened outlines follow the curves, in body units.
const FLATTEN_TOLERANCE: f64 = 0.15;

/// One clickable place on the map: a region on one side, or a midline region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    /// Index of the region in [`Catalog::regions`].
    pub region: usize,
    pub side: Option<Side>,
}

/// The shape of one place, ready for drawing and hit testing.
#[derive(Clone, Debug)]
pub struct PlaceShape {
    pub place: Place,
    /// The closed outline, flattened to a polygon.
    pub outline: Vec<Point>,
    pub bbox: Rect,
    /// A point well inside the shape: where its label and keyboard focus sit.
    pub anchor: Point,
    /// Points inside the shape, the anchor first and then by distance from it: where a step
    /// badge may sit when the anchor is taken.
    pub spots: Vec<Point>,
    pub fill: Triangles,
    /// Diagonal hatching clipped to the shape, for no-roll zones (empty elsewhere).
    pub hatching: Vec<(Point, Point)>,
}

impl PlaceShape {
    pub fn contains(&self, point_in_body: Point) -> bool {
        self.bbox.contains(point_in_body) && polygon_contains(&self.outline, point_in_body)
    }
}

/// One view of the figure.
#[derive(Clone, Debug)]
pub struct ViewShape {
    pub view: View,
    pub silhouette: Vec<Point>,
    pub silhouette_fill: Triangles,
    /// Thin decorative lines: collarbones, kneecaps, muscle borders.
    pub details: Vec<Vec<Point>>,
    pub places: Vec<PlaceShape>,
}

impl ViewShape {
    /// The place under a point, if any.
    pub fn hit(&self, point_in_body: Point) -> Option<Place> {
        self.places
            .iter()
            .find(|shape| shape.contains(point_in_body))
            .map(|shape| shape.place)
    }

    pub fn shape(&self, place: Place) -> Option<&PlaceShape> {
        self.places.iter().find(|shape| shape.place == place)
    }

    /// Whether a point lies on the figure at all.
    pub fn on_body(&self, point_in_body: Point) -> bool {
        polygon_contains(&self.silhouette, point_in_body)
    }

    /// Where the step badges of this view go, in body units, given each badge's place and
    /// size: inside its own place wherever there is room, and clear of the badges placed
    /// before it. A badge whose place is not on this view gets `None`.
    pub fn badge_centres(&self, badges: &[(Place, Size)]) -> Vec<Option<Point>> {
        let shapes: Vec<Option<&PlaceShape>> =
            badges.iter().map(|&(place, _)| self.shape(place)).collect();
        // The smallest places have the fewest spots: they choose first.
        let mut order: Vec<usize> = (0..badges.len()).collect();
        order.sort_by_key(|&i| shapes[i].map_or(0, |shape| shape.spots.len()));
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
                    shape.anchor
                        + kurbo::Vec2::new(angle.cos(), angle.sin()) * size.height * f64::from(ring)
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

/// The whole body map: both views in one coordinate space.
#[derive(Clone, Debug)]
pub struct Body {
    pub width: f64,
    pub height: f64,
    pub views: Vec<ViewShape>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyFile {
    width: f64,
    height: f64,
    views: Vec<ViewFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewFile {
    view: View,
    silhouette: String,
    details: Vec<String>,
    regions: Vec<RegionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionFile {
    id: RegionId,
    path: String,
}

const FILE: &str = "body.ron";

fn invalid(message: String) -> CatalogError {
    CatalogError::Invalid {
        file: FILE.to_owned(),
        message,
    }
}

impl Body {
    /// The body map embedded in the binary.
    pub fn builtin(catalog: &Catalog) -> Result<Body, CatalogError> {
        Body::parse(include_str!("../assets/body.ron"), catalog)
    }

    /// Parses body geometry and checks it against the catalog: every region drawn once in its
    /// own view, sided regions mirrored from their left-side shape.
    pub fn parse(text: &str, catalog: &Catalog) -> Result<Body, CatalogError> {
        let file: BodyFile = parse_ron(FILE, text)?;
        let mut views = Vec::new();
        for view_file in &file.views {
            views.push(build_view(view_file, file.width, catalog)?);
        }
        for view in View::ALL {
            if !views.iter().any(|v| v.view == view) {
                return Err(invalid(format!("the {} view is missing", view.label())));
            }
        }
        for (index, region) in catalog.regions.iter().enumerate() {
            let drawn = views
                .iter()
                .flat_map(|v| v.places.iter())
                .filter(|s| s.place.region == index)
                .count();
            if drawn == 0 {
                return Err(invalid(format!("region \"{}\" has no shape", region.id)));
            }
        }
        Ok(Body {
            width: file.width,
            height: file.height,
            views,
        })
    }

    pub fn view(&self, view: View) -> &ViewShape {
        // `parse` guarantees both views exist.
        self.views
            .iter()
            .find(|v| v.view == view)
            .unwrap_or(&self.views[0])
    }

    /// Every place of every view.
    pub fn places(&self) -> impl Iterator<Item = (View, &PlaceShape)> {
        self.views
            .iter()
            .flat_map(|v| v.places.iter().map(move |s| (v.view, s)))
    }

    /// The shape of a place, in whichever view it is drawn.
    pub fn shape(&self, place: Place) -> Option<(View, &PlaceShape)> {
        self.places().find(|(_, s)| s.place == place)
    }

    /// The places a catalog entry lights up: the region itself, a muscle's regions, the
    /// regions a technique works, or everything a tool is good for.
    pub fn places_of(&self, catalog: &Catalog, hit: Hit) -> Vec<Place> {
        let regions: Vec<usize> = match hit {
            Hit::Region(region, Some(side)) => {
                return vec![Place {
                    region,
                    side: Some(side),
                }];
            }
            Hit::Region(region, None) => vec![region],
            Hit::Muscle(i) => catalog
                .regions_of_muscle(&catalog.muscles[i].id)
                .filter_map(|r| catalog.region_index(&r.id))
                .collect(),
            Hit::Technique(i) => catalog
                .regions_of_technique(&catalog.techniques[i])
                .filter_map(|r| catalog.region_index(&r.id))
                .collect(),
            Hit::Basic(i) => catalog.basics[i]
                .muscles
                .iter()
                .flat_map(|id| catalog.regions_of_muscle(id))
                .filter_map(|r| catalog.region_index(&r.id))
                .collect(),
            Hit::Tool(i) => catalog
                .techniques_with_tool(&catalog.tools[i].id)
                .flat_map(|t| catalog.regions_of_technique(t))
                .filter_map(|r| catalog.region_index(&r.id))
                .collect(),
        };
        self.places()
            .map(|(_, s)| s.place)
            .filter(|p| regions.contains(&p.region))
            .collect()
    }
}

fn build_view(file: &ViewFile, width: f64, catalog: &Catalog) -> Result<ViewShape, CatalogError> {
    let view = file.view;
    let silhouette = single_outline(&file.silhouette, &format!("{} silhouette", view.label()))?;
    let mut details = Vec::new();
    for data in &file.details {
        details.extend(polylines(&parse_path(data, "a detail line")?));
    }
    let mut places = Vec::new();
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
            // Shapes are drawn for the runner's left side; the right is its mirror image.
            let outline = match side {
                Some(Side::Right) => outline
                    .iter()
                    .map(|p| Point::new(width - p.x, p.y))
                    .collect(),
                _ => outline.clone(),
            };
            places.push(place_shape(
                Place {
                    region: index,
                    side,
                },
                outline,
                region.is_no_roll(),
            )?);
        }
    }
    Ok(ViewShape {
        view,
        silhouette_fill: Triangles::fill(&silhouette).map_err(invalid)?,
        silhouette,
        details,
        places,
    })
}

fn place_shape(
    place: Place,
    outline: Vec<Point>,
    no_roll: bool,
) -> Result<PlaceShape, CatalogError> {
    let bbox = bounding_box(&outline);
    let anchor = interior_point(&outline, bbox);
    Ok(PlaceShape {
        place,
        spots: spots(&outline, bbox, anchor),
        hatching: if no_roll {
            hatch(&outline, bbox, HATCH_SPACING)
        } else {
            Vec::new()
        },
        fill: Triangles::fill(&outline).map_err(invalid)?,
        outline,
        bbox,
        anchor,
    })
}

fn parse_path(data: &str, what: &str) -> Result<BezPath, CatalogError> {
    BezPath::from_svg(data).map_err(|e| invalid(format!("{what}: bad path data: {e}")))
}

/// Parses a path that must be one closed shape and flattens it to a polygon.
fn single_outline(data: &str, what: &str) -> Result<Vec<Point>, CatalogError> {
    let path = parse_path(data, what)?;
    let mut lines = polylines(&path);
    if lines.len() != 1 {
        return Err(invalid(format!(
            "{what}: expected one closed outline, found {}",
            lines.len()
        )));
    }
    let mut outline = lines.remove(0);
    if outline.len() < 3 {
        return Err(invalid(format!(
            "{what}: the outline has fewer than three points"
        )));
    }
    if outline.first() == outline.last() {
        outline.pop();
    }
    Ok(outline)
}

/// Flattens a path into one polyline per subpath.
fn polylines(path: &BezPath) -> Vec<Vec<Point>> {
    let mut lines: Vec<Vec<Point>> = Vec::new();
    kurbo::flatten(path.iter(), FLATTEN_TOLERANCE, |el| match el {
        PathEl::MoveTo(p) => lines.push(vec![p]),
        PathEl::LineTo(p) => {
            if let Some(line) = lines.last_mut() {
                line.push(p);
            }
        }
        PathEl::ClosePath => {
            if let Some(line) = lines.last_mut()
                && let Some(&first) = line.first()
            {
                line.push(first);
            }
        }
        _ => {}
    });
    lines.retain(|l| l.len() >= 2);
    lines
}

fn bounding_box(points: &[Point]) -> Rect {
    points
        .iter()
        .fold(Rect::from_points(points[0], points[0]), |r, &p| {
            r.union_pt(p)
        })
}

/// The places a routine step works: one side, both, or the middle.
pub fn step_places(catalog: &Catalog, step: &crate::routine::Step) -> Vec<Place> {
    use crate::routine::StepSide;
    let Some(region) = catalog.region_index(&step.region) else {
        return Vec::new();
    };
    let sides: &[Option<Side>] = match step.side {
        StepSide::Left => &[Some(Side::Left)],
        StepSide::Right => &[Some(Side::Right)],
        StepSide::Both => &[Some(Side::Left), Some(Side::Right)],
        StepSide::Middle => &[None],
    };
    sides.iter().map(|&side| Place { region, side }).collect()
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

/// Distance between hatch lines, in body units.
const HATCH_SPACING: f64 = 4.0;

/// Lines at 45° across a polygon, clipped to its inside.
fn hatch(polygon: &[Point], bbox: Rect, spacing: f64) -> Vec<(Point, Point)> {
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

fn distance_to_outline(polygon: &[Point], p: Point) -> f64 {
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
fn spots(polygon: &[Point], bbox: Rect, anchor: Point) -> Vec<Point> {
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
        .filter(|&p| polygon_contains(polygon, p))
        .collect();
    inside.sort_by(|a, b| {
        a.distance_squared(anchor)
            .total_cmp(&b.distance_squared(anchor))
    });
    inside.insert(0, anchor);
    inside
}

fn interior_point(polygon: &[Point], bbox: Rect) -> Point {
    let mut best = (f64::NEG_INFINITY, bbox.center());
    let consider = |p: Point, best: &mut (f64, Point)| {
        if polygon_contains(polygon, p) {
            let d = distance_to_outline(polygon, p);
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
        let anchor = interior_point(&l, bounding_box(&l));
        assert!(polygon_contains(&l, anchor));
        assert!(distance_to_outline(&l, anchor) > 1.5);
    }
}
