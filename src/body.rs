//! Body-map geometry: the figure seen from the front and the back, one shape per region and
//! side, and hit testing. Everything here lives in body space: each view is a canvas of
//! `width × height` units with y pointing down; the UI maps it to the screen once.

mod badges;
mod geometry;
mod tessellate;

use kurbo::{BezPath, PathEl, Point, Rect};
use serde::Deserialize;

use crate::catalog::{Catalog, CatalogError, Hit, RegionId, Side, View, parse_ron};

pub use badges::{BADGE_SHARE, badge_label, numbered_places, step_places};
pub use geometry::polygon_contains;
use geometry::{HATCH_SPACING, bounding_box, hatch, interior_point, spots};
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
