//! Body-map geometry: the figure seen from the front and the back, one shape per region and
//! side, and hit testing. Everything here lives in body space: each view is a canvas of
//! `width × height` units with y pointing down; the UI maps it to the screen once.

mod badges;
mod baked;
mod build;
mod figure;
mod file;
mod geometry;
mod hit_index;
mod partition;
mod tessellate;

use kurbo::{Point, Rect};
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, CatalogError, Hit, Place, RegionIx, View, parse_ron};

pub use badges::{BADGE_SHARE, badge_label, numbered_places, step_places};
use build::build_view;
pub use figure::Figure;
use file::{BodyFile, FILE, invalid};
pub use geometry::{polygon_contains, simplified, simplified_ring};
use hit_index::HitIndex;
pub use tessellate::Triangles;

/// How closely flattened outlines follow the curves, in body units.
const FLATTEN_TOLERANCE: f64 = 0.15;

/// How far a drawn line or fill may stray from the outline it follows, in body units (about
/// a quarter of a pixel at the first window size): shapes with fewer points draw faster. Hit
/// tests always use the full outline.
pub const DRAWN_TOLERANCE: f64 = 0.3;

/// The side of the smallest square target every place offers the pointer, in body units: 24
/// pixels at the default window size (a test of the window checks the conversion).
pub const TARGET: f64 = 30.0;

/// The room kept round the figure in a picture of it, above the head and below the feet, in
/// body units: enough for the outline's stroke and a focus ring.
const FRAME_PAD: f64 = 6.0;

/// How far outside the figure a place still answers the pointer, for places too narrow to
/// hold a [`TARGET`] square, in body units.
const MARGIN: f64 = 22.0;

/// What a body map is built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// The window: narrow places get a margin the pointer can hit.
    Pointer,
    /// A printout: the places as drawn, nothing more.
    Paper,
}

/// The geometry of both figures, embedded in the binary.
const BODY_RON: &str = include_str!("../../../assets/body.ron");

/// The figure's midline: sided cells are drawn on one half and mirrored onto the other.
fn midline(width: f64) -> f64 {
    width / 2.0
}

/// The shape of one place, ready for drawing and hit testing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

    /// The area the place covers, in square body units (its outline less its holes).
    pub fn area(&self) -> f64 {
        geometry::ring_area(&self.outline)
            - self
                .holes
                .iter()
                .map(|hole| geometry::ring_area(hole))
                .sum::<f64>()
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewShape {
    pub view: View,
    pub silhouette: Vec<Point>,
    pub silhouette_fill: Triangles,
    /// Thin decorative lines: collarbones, kneecaps, muscle borders.
    pub details: Vec<Vec<Point>>,
    pub places: Vec<PlaceShape>,
    index: HitIndex,
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub figure: Figure,
    pub width: f64,
    pub height: f64,
    /// What a picture of the figure shows: the drawing's full width, and from a little above
    /// the head to a little below the feet in either view.
    pub frame: Rect,
    pub views: Vec<ViewShape>,
}

impl Body {
    /// The default figure's body map, embedded in the binary.
    pub fn builtin(catalog: &Catalog) -> Result<Body, CatalogError> {
        Body::builtin_figure(catalog, Figure::default())
    }

    /// One figure's body map, embedded in the binary: built ahead of time when the bake is
    /// current, otherwise built now.
    pub fn builtin_figure(catalog: &Catalog, figure: Figure) -> Result<Body, CatalogError> {
        match baked::body(catalog, figure) {
            Some(body) => Ok(body),
            None => Body::parse(BODY_RON, catalog, figure, Use::Pointer),
        }
    }

    /// One figure's body map for paper: the same places, without the margins beside the
    /// narrow ones that only a pointer needs.
    pub fn builtin_for_paper(catalog: &Catalog, figure: Figure) -> Result<Body, CatalogError> {
        match baked::body(catalog, figure) {
            Some(body) => Ok(body.without_margins()),
            None => Body::parse(BODY_RON, catalog, figure, Use::Paper),
        }
    }

    /// The same figure without the margins a pointer needs, as [`Use::Paper`] builds it.
    fn without_margins(mut self) -> Body {
        for view in &mut self.views {
            for place in &mut view.places {
                place.margin = Vec::new();
                place.margin_bbox = Rect::ZERO;
            }
            view.index = HitIndex::new(&view.places);
        }
        self
    }

    /// Parses body geometry for one figure and checks it against the catalog: every region
    /// drawn in its own view, sided regions mirrored from their left-side shape, and the
    /// places tiling the figure. The views are built side by side, each on a thread.
    pub fn parse(
        text: &str,
        catalog: &Catalog,
        figure: Figure,
        used: Use,
    ) -> Result<Body, CatalogError> {
        let file: BodyFile = parse_ron(FILE, text)?;
        let figure_file = file
            .figures
            .iter()
            .find(|f| f.figure == figure)
            .ok_or_else(|| invalid(format!("the {} figure is missing", figure.label())))?;
        let views = std::thread::scope(|scope| {
            let builds: Vec<_> = file
                .views
                .iter()
                .map(|view_file| {
                    let file = &file;
                    scope.spawn(move || build_view(view_file, file, figure_file, catalog, used))
                })
                .collect();
            builds
                .into_iter()
                .map(|build| {
                    build
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect::<Result<Vec<ViewShape>, CatalogError>>()
        })?;
        for view in View::ALL {
            if !views.iter().any(|v| v.view == view) {
                return Err(invalid(format!("the {} view is missing", view.label())));
            }
        }
        for (index, region) in catalog.regions_ix() {
            let drawn = views
                .iter()
                .flat_map(|v| v.places.iter())
                .filter(|s| s.place.region == index)
                .count();
            if drawn == 0 {
                return Err(invalid(format!("region \"{}\" has no shape", region.id)));
            }
        }
        let (top, bottom) = views
            .iter()
            .flat_map(|v| v.silhouette.iter())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                (lo.min(p.y), hi.max(p.y))
            });
        Ok(Body {
            figure,
            width: file.width,
            height: file.height,
            frame: Rect::new(
                0.0,
                (top - FRAME_PAD).max(0.0),
                file.width,
                (bottom + FRAME_PAD).min(file.height),
            ),
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
    /// regions a technique works, everything a tool is good for, or a complaint's places to
    /// work.
    pub fn places_of(&self, catalog: &Catalog, hit: Hit) -> Vec<Place> {
        let regions: Vec<RegionIx> = match hit {
            Hit::Region(Place {
                region,
                side: Some(side),
            }) => {
                return vec![Place {
                    region,
                    side: Some(side),
                }];
            }
            Hit::Region(Place { region, side: None }) => vec![region],
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
            Hit::Complaint(i) => catalog.complaints[i]
                .work
                .iter()
                .filter_map(|id| catalog.region_index(id))
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
