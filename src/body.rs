//! Body-map geometry: the figure seen from the front and the back, one shape per region and
//! side, and hit testing. Everything here lives in body space: each view is a canvas of
//! `width × height` units with y pointing down; the UI maps it to the screen once.

mod badges;
mod figure;
mod geometry;
mod partition;
mod tessellate;

use kurbo::{BezPath, PathEl, Point, Rect};
use serde::Deserialize;

use crate::catalog::{Catalog, CatalogError, Hit, RegionId, Side, View, parse_ron};

pub use badges::{BADGE_SHARE, badge_label, numbered_places, step_places};
pub use figure::Figure;
use figure::Shift;
use geometry::{HATCH_SPACING, bounding_box, distance_to_outline, hatch, interior_point, spots};
pub use geometry::{polygon_contains, simplified, simplified_ring};
pub use tessellate::Triangles;

/// How closely flattened outlines follow the curves, in body units.
const FLATTEN_TOLERANCE: f64 = 0.15;

/// The side of the smallest square target every place offers the pointer, in body units: 24
/// pixels at the default window size (a test of the window checks the conversion).
pub const TARGET: f64 = 33.0;

/// How far outside the figure a place still answers the pointer, for places too narrow to
/// hold a [`TARGET`] square, in body units.
const MARGIN: f64 = 22.0;

/// The figure's midline: sided cells are drawn on one half and mirrored onto the other.
fn midline(width: f64) -> f64 {
    width / 2.0
}

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
    /// Places inside this one (its outline goes round them): holes in its area.
    pub holes: Vec<Vec<Point>>,
    pub bbox: Rect,
    /// A point well inside the shape: where its label and keyboard focus sit.
    pub anchor: Point,
    /// Points inside the shape, the anchor first and then by distance from it: where a step
    /// badge may sit when the anchor is taken.
    pub spots: Vec<Point>,
    pub fill: Triangles,
    /// Diagonal hatching clipped to the shape, for no-roll zones (empty elsewhere).
    pub hatching: Vec<(Point, Point)>,
    /// Off the figure, around a narrow place: where the pointer still reaches it (even-odd
    /// rings; empty for places roomy enough on their own).
    pub margin: Vec<Vec<Point>>,
    pub margin_bbox: Rect,
}

impl PlaceShape {
    pub fn contains(&self, point_in_body: Point) -> bool {
        self.bbox.contains(point_in_body)
            && polygon_contains(&self.outline, point_in_body)
            && !self
                .holes
                .iter()
                .any(|hole| polygon_contains(hole, point_in_body))
    }

    /// Whether the point lies in the margin around the place, outside the figure.
    pub fn margin_contains(&self, point_in_body: Point) -> bool {
        self.margin_bbox.contains(point_in_body)
            && self
                .margin
                .iter()
                .filter(|ring| polygon_contains(ring, point_in_body))
                .count()
                % 2
                == 1
    }

    /// Whether the pointer at this point reaches the place: inside it, or in its margin.
    pub fn answers(&self, point_in_body: Point) -> bool {
        self.contains(point_in_body) || self.margin_contains(point_in_body)
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
    index: HitIndex,
}

/// Which places may lie under each square of a coarse grid, so that a hit test looks at a
/// few outlines rather than all of them.
#[derive(Clone, Debug, Default)]
struct HitIndex {
    origin: Point,
    columns: usize,
    rows: usize,
    /// Per square, the places whose box meets it, in drawing order.
    places: Vec<Vec<u16>>,
    /// Per square, the places whose margin's box meets it, in drawing order.
    margins: Vec<Vec<u16>>,
}

/// The side of a square of the hit grid, in body units.
const HIT_SQUARE: f64 = 20.0;

impl HitIndex {
    fn new(places: &[PlaceShape]) -> HitIndex {
        let boxes = places.iter().flat_map(|p| {
            std::iter::once(p.bbox).chain((!p.margin.is_empty()).then_some(p.margin_bbox))
        });
        let Some(all) = boxes.reduce(|a, b| a.union(b)) else {
            return HitIndex::default();
        };
        let columns = (all.width() / HIT_SQUARE).floor() as usize + 1;
        let rows = (all.height() / HIT_SQUARE).floor() as usize + 1;
        let mut index = HitIndex {
            origin: all.origin(),
            columns,
            rows,
            places: vec![Vec::new(); columns * rows],
            margins: vec![Vec::new(); columns * rows],
        };
        for (i, place) in places.iter().enumerate() {
            let i = u16::try_from(i).expect("fewer than 65536 places");
            for square in index.squares(place.bbox) {
                index.places[square].push(i);
            }
            if !place.margin.is_empty() {
                for square in index.squares(place.margin_bbox) {
                    index.margins[square].push(i);
                }
            }
        }
        index
    }

    fn square_of(&self, p: Point) -> Option<(usize, usize)> {
        let (x, y) = (
            (p.x - self.origin.x) / HIT_SQUARE,
            (p.y - self.origin.y) / HIT_SQUARE,
        );
        (x >= 0.0 && y >= 0.0 && (x as usize) < self.columns && (y as usize) < self.rows)
            .then_some((x as usize, y as usize))
    }

    /// The squares a box meets.
    fn squares(&self, rect: kurbo::Rect) -> Vec<usize> {
        let clamp = |p: Point| {
            let x = ((p.x - self.origin.x) / HIT_SQUARE).floor().max(0.0) as usize;
            let y = ((p.y - self.origin.y) / HIT_SQUARE).floor().max(0.0) as usize;
            (x.min(self.columns - 1), y.min(self.rows - 1))
        };
        let ((x0, y0), (x1, y1)) = (clamp(rect.origin()), clamp(Point::new(rect.x1, rect.y1)));
        (y0..=y1)
            .flat_map(|y| (x0..=x1).map(move |x| y * self.columns + x))
            .collect()
    }
}

impl ViewShape {
    /// The place under a point, if any: the place drawn there, or off the figure the narrow
    /// place whose margin holds the point.
    pub fn hit(&self, point_in_body: Point) -> Option<Place> {
        let (x, y) = self.index.square_of(point_in_body)?;
        let square = y * self.index.columns + x;
        let shape = |i: &u16| &self.places[usize::from(*i)];
        self.index.places[square]
            .iter()
            .map(shape)
            .find(|shape| shape.contains(point_in_body))
            .or_else(|| {
                self.index.margins[square]
                    .iter()
                    .map(shape)
                    .find(|shape| shape.margin_contains(point_in_body))
            })
            .map(|shape| shape.place)
    }

    pub fn shape(&self, place: Place) -> Option<&PlaceShape> {
        self.places.iter().find(|shape| shape.place == place)
    }

    /// Whether a point lies on the figure at all.
    pub fn on_body(&self, point_in_body: Point) -> bool {
        polygon_contains(&self.silhouette, point_in_body)
    }
}

/// The whole body map of one figure: both views in one coordinate space.
#[derive(Clone, Debug)]
pub struct Body {
    pub figure: Figure,
    pub width: f64,
    pub height: f64,
    pub views: Vec<ViewShape>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyFile {
    width: f64,
    height: f64,
    figures: Vec<FigureFile>,
    views: Vec<ViewFile>,
}

/// How one figure differs from the drawing: smooth sideways shifts, and lines of its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureFile {
    figure: Figure,
    shifts: Vec<Shift>,
    details: Vec<FigureDetail>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureDetail {
    view: View,
    path: String,
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
    /// Grows the cell by this many body units before it is clipped, so that shapes drawn
    /// with gaps between them meet; the place drawn first keeps the overlap.
    #[serde(default)]
    grow: f64,
}

const FILE: &str = "body.ron";

fn invalid(message: String) -> CatalogError {
    CatalogError::Invalid {
        file: FILE.to_owned(),
        message,
    }
}

impl Body {
    /// The default figure's body map, embedded in the binary.
    pub fn builtin(catalog: &Catalog) -> Result<Body, CatalogError> {
        Body::builtin_figure(catalog, Figure::default())
    }

    /// One figure's body map, embedded in the binary.
    pub fn builtin_figure(catalog: &Catalog, figure: Figure) -> Result<Body, CatalogError> {
        Body::parse(include_str!("../assets/body.ron"), catalog, figure)
    }

    /// Parses body geometry for one figure and checks it against the catalog: every region
    /// drawn in its own view, sided regions mirrored from their left-side shape, and the
    /// places tiling the figure.
    pub fn parse(text: &str, catalog: &Catalog, figure: Figure) -> Result<Body, CatalogError> {
        let file: BodyFile = parse_ron(FILE, text)?;
        let figure_file = file
            .figures
            .iter()
            .find(|f| f.figure == figure)
            .ok_or_else(|| invalid(format!("the {} figure is missing", figure.label())))?;
        let mut views = Vec::new();
        for view_file in &file.views {
            views.push(build_view(view_file, &file, figure_file, catalog)?);
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
            figure,
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

/// Both figures' body maps, built once.
#[derive(Clone, Debug)]
pub struct Bodies {
    female: Body,
    male: Body,
}

impl Bodies {
    /// Both figures from the geometry embedded in the binary.
    pub fn builtin(catalog: &Catalog) -> Result<Bodies, CatalogError> {
        Ok(Bodies {
            female: Body::builtin_figure(catalog, Figure::Female)?,
            male: Body::builtin_figure(catalog, Figure::Male)?,
        })
    }

    pub fn get(&self, figure: Figure) -> &Body {
        match figure {
            Figure::Female => &self.female,
            Figure::Male => &self.male,
        }
    }
}

fn build_view(
    file: &ViewFile,
    body: &BodyFile,
    figure: &FigureFile,
    catalog: &Catalog,
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
    let mut taken = partition::Area::new();
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
            let piece = partition::subtract(&partition::intersect(&cell, &body_area), &taken);
            taken = partition::union(&taken, &piece);
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
        if area.is_empty() {
            return Err(invalid(format!(
                "{name}: the places drawn before it cover it completely"
            )));
        }
        if area.len() > 1 {
            let near: Vec<String> = area
                .iter()
                .filter_map(|piece| piece.first())
                .map(|outer| {
                    let b = bounding_box(&partition::points(outer));
                    format!("({:.0}, {:.0})", b.center().x, b.center().y)
                })
                .collect();
            return Err(invalid(format!(
                "{name}: the places drawn before it cut it into {} pieces, around {}",
                area.len(),
                near.join(", ")
            )));
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
    // A place with others inside it is drawn first, under them.
    places.sort_by_key(|shape| shape.holes.is_empty());
    give_margins(&mut places, &body_area);
    Ok(ViewShape {
        view,
        silhouette_fill: Triangles::fill(&silhouette).map_err(invalid)?,
        silhouette,
        details,
        index: HitIndex::new(&places),
        places,
    })
}

/// Whether the runner's side lies on the right of the picture: the left side faces the
/// viewer's right in the front view and the viewer's left from behind.
fn on_right(view: View, side: Side) -> bool {
    matches!(
        (view, side),
        (View::Front, Side::Left) | (View::Back, Side::Right)
    )
}

/// Gives every place too narrow to hold a [`TARGET`] square a margin outside the figure, the
/// narrowest first, so that a near miss still reaches it. Nothing inside the figure moves.
fn give_margins(places: &mut [PlaceShape], body_area: &partition::Area) {
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
    let mut taken = body_area.clone();
    for (_, i) in order {
        let own = partition::area_from(&places[i].outline);
        let margin =
            partition::without_slivers(partition::subtract(&partition::grow(&own, MARGIN), &taken));
        if margin.is_empty() {
            continue;
        }
        taken = partition::union(&taken, &margin);
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
        fill: Triangles::fill_with_holes(&outline, &holes).map_err(invalid)?,
        outline,
        holes,
        bbox,
        anchor,
        margin: Vec::new(),
        margin_bbox: Rect::ZERO,
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
                push_new(line, p);
            }
        }
        PathEl::ClosePath => {
            if let Some(line) = lines.last_mut()
                && let Some(&first) = line.first()
            {
                push_new(line, first);
            }
        }
        _ => {}
    });
    lines.retain(|l| l.len() >= 2);
    lines
}

/// Adds a point unless it repeats the last one: a stroke's corner has no direction there.
fn push_new(line: &mut Vec<Point>, p: Point) {
    if line.last().is_none_or(|last| last.distance(p) > 1e-6) {
        line.push(p);
    }
}
