//! A coarse grid over a view that says which places may lie under each square, so that a
//! hit test looks at a few outlines rather than all of them.

use kurbo::Point;

use super::PlaceShape;

/// Which places may lie under each square of a coarse grid, so that a hit test looks at a
/// few outlines rather than all of them.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(super) struct HitIndex {
    pub(super) origin: Point,
    pub(super) columns: usize,
    pub(super) rows: usize,
    /// Per square, the places whose box meets it, in drawing order.
    pub(super) places: Vec<Vec<u16>>,
    /// Per square, the places whose margin's box meets it, in drawing order.
    pub(super) margins: Vec<Vec<u16>>,
}

/// The side of a square of the hit grid, in body units.
const HIT_SQUARE: f64 = 20.0;

impl HitIndex {
    pub(super) fn new(places: &[PlaceShape]) -> HitIndex {
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

    pub(super) fn square_of(&self, p: Point) -> Option<(usize, usize)> {
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
