//! The built-in figures built ahead of time. Building a figure from `body.ron` (tiling the
//! silhouette, margins, triangles) takes tens of milliseconds; reading the stored result
//! takes about one. The bake keeps the exact inputs it was built from, and it is used only
//! when they are the ones compiled in: after an edit to `body.ron` or to the catalog's
//! regions the figures are built afresh until the bake is written again. A test builds
//! every figure and compares it with the bake; `UPDATE_SNAPSHOTS=1` writes it again.

use serde::{Deserialize, Serialize};

use super::{BODY_RON, Body, Figure};
use crate::catalog::Catalog;

/// The built-in figures as [`Body::parse`] builds them for the pointer, in postcard.
static BAKED: &[u8] = include_bytes!("../../../../assets/body.baked");

/// Where the bake lives in the source tree, for the test that writes it.
#[cfg(test)]
const BAKED_FILE: &str = "assets/body.baked";

#[derive(Serialize, Deserialize)]
struct Bake<'a> {
    /// The text of `body.ron` it was built from.
    source: &'a str,
    /// What the build reads of the catalog: see [`regions_key`].
    regions: &'a str,
    /// Each figure's [`Body`], in postcard.
    figures: Vec<(Figure, &'a [u8])>,
}

/// What building a figure reads of the catalog, one region a line: its id, view, sides and
/// whether it is hatched, in catalog order (places refer to regions by index).
fn regions_key(catalog: &Catalog) -> String {
    catalog
        .regions
        .iter()
        .map(|r| format!("{}\t{:?}\t{}\t{}\n", r.id, r.view, r.sided, r.warns()))
        .collect()
}

/// The baked figure, if the bake was made from the geometry and regions compiled in.
pub(super) fn body(catalog: &Catalog, figure: Figure) -> Option<Body> {
    let bake: Bake = postcard::from_bytes(BAKED).ok()?;
    if bake.source != BODY_RON || bake.regions != regions_key(catalog) {
        return None;
    }
    let (_, bytes) = bake.figures.iter().find(|(f, _)| *f == figure)?;
    postcard::from_bytes(bytes).ok()
}

/// Builds every figure from the geometry and regions compiled in, and stores them as the
/// bake is read.
#[cfg(test)]
fn bake(catalog: &Catalog) -> Result<Vec<u8>, crate::catalog::CatalogError> {
    let mut figures = Vec::new();
    for figure in Figure::ALL {
        let body = Body::parse(BODY_RON, catalog, figure, super::Use::Pointer)?;
        let bytes = postcard::to_allocvec(&body).map_err(|e| {
            super::file::invalid(format!(
                "the {} figure cannot be stored: {e}",
                figure.label()
            ))
        })?;
        figures.push((figure, bytes));
    }
    let regions = regions_key(catalog);
    let bake = Bake {
        source: BODY_RON,
        regions: &regions,
        figures: figures.iter().map(|(f, b)| (*f, b.as_slice())).collect(),
    };
    postcard::to_allocvec(&bake)
        .map_err(|e| super::file::invalid(format!("the figures cannot be stored: {e}")))
}

/// Whether the bake compiled in is the one [`bake`] makes now.
#[cfg(test)]
fn is_current(bake: &[u8]) -> bool {
    bake == BAKED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bake_is_what_the_figures_build_to_now() {
        let catalog = Catalog::builtin().expect("the built-in catalog");
        let fresh = bake(catalog).expect("the built-in figures build");
        if is_current(&fresh) {
            return;
        }
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(BAKED_FILE);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &fresh).expect("the bake is written");
            return;
        }
        panic!(
            "{} is not what body.ron and the catalog build to now: run the tests with \
             UPDATE_SNAPSHOTS=1 to write it again",
            path.display()
        );
    }

    #[test]
    fn each_figure_from_the_bake_is_the_figure_built_now() {
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            // The other test is writing the bake again: this binary holds the old one.
            return;
        }
        let catalog = Catalog::builtin().expect("the built-in catalog");
        for figure in Figure::ALL {
            let baked = body(catalog, figure).expect("the bake compiled in is current");
            let pointer = Body::parse(BODY_RON, catalog, figure, super::super::Use::Pointer)
                .expect("the figure builds");
            assert!(baked == pointer, "the baked {figure:?} figure differs");
            let paper = Body::parse(BODY_RON, catalog, figure, super::super::Use::Paper)
                .expect("the figure builds for paper");
            assert!(
                baked.without_margins() == paper,
                "the baked {figure:?} figure without its margins differs from the paper build"
            );
        }
    }
}
