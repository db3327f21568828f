//! `body.ron` as written: the figures, the views and their cells as SVG path data, and the
//! path data flattened to polygons.

use kurbo::{BezPath, PathEl, Point};
use serde::Deserialize;

use super::FLATTEN_TOLERANCE;
use super::figure::{Figure, Shift};
use crate::catalog::{CatalogError, RegionId, View};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BodyFile {
    pub(super) width: f64,
    pub(super) height: f64,
    pub(super) figures: Vec<FigureFile>,
    pub(super) views: Vec<ViewFile>,
}

/// How one figure differs from the drawing: smooth sideways shifts, and lines of its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FigureFile {
    pub(super) figure: Figure,
    pub(super) shifts: Vec<Shift>,
    pub(super) details: Vec<FigureDetail>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FigureDetail {
    pub(super) view: View,
    pub(super) path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ViewFile {
    pub(super) view: View,
    pub(super) silhouette: String,
    pub(super) details: Vec<String>,
    pub(super) regions: Vec<RegionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RegionFile {
    pub(super) id: RegionId,
    pub(super) path: String,
    /// Grows the cell by this many body units before it is clipped, so that shapes drawn
    /// with gaps between them meet; the place drawn first keeps the overlap.
    #[serde(default)]
    pub(super) grow: f64,
}

pub(super) const FILE: &str = "body.ron";

pub(super) fn invalid(message: String) -> CatalogError {
    CatalogError::Invalid {
        file: FILE.to_owned(),
        message,
    }
}

pub(super) fn parse_path(data: &str, what: &str) -> Result<BezPath, CatalogError> {
    BezPath::from_svg(data).map_err(|e| invalid(format!("{what}: bad path data: {e}")))
}

/// Parses a path that must be one closed shape and flattens it to a polygon.
pub(super) fn single_outline(data: &str, what: &str) -> Result<Vec<Point>, CatalogError> {
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
pub(super) fn polylines(path: &BezPath) -> Vec<Vec<Point>> {
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
