//! Filling concave outlines: lyon cuts each polygon into triangles once, in body space.

use kurbo::Point;
use lyon_tessellation::math::point;
use lyon_tessellation::{BuffersBuilder, FillOptions, FillTessellator, FillVertex, VertexBuffers};

/// A shape lyon could not cut into triangles.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("could not fill a shape: {0}")]
pub struct FillError(pub lyon_tessellation::TessellationError);

/// A filled shape as triangles: `indices` holds three entries per triangle.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Triangles {
    pub vertices: Vec<Point>,
    pub indices: Vec<u32>,
}

impl Triangles {
    /// Triangulates a simple polygon (concave shapes included).
    pub fn fill(outline: &[Point]) -> Result<Triangles, FillError> {
        Triangles::fill_with_holes(outline, &[])
    }

    /// Triangulates an outline with holes in it.
    pub fn fill_with_holes(
        outline: &[Point],
        holes: &[Vec<Point>],
    ) -> Result<Triangles, FillError> {
        let mut builder = lyon_tessellation::path::Path::builder();
        for ring in std::iter::once(outline).chain(holes.iter().map(Vec::as_slice)) {
            let mut points = ring.iter().map(|p| point(p.x as f32, p.y as f32));
            let Some(first) = points.next() else {
                continue;
            };
            builder.begin(first);
            for p in points {
                builder.line_to(p);
            }
            builder.end(true);
        }
        let path = builder.build();
        let mut buffers: VertexBuffers<Point, u32> = VertexBuffers::new();
        FillTessellator::new()
            .tessellate_path(
                &path,
                &FillOptions::default()
                    .with_tolerance(0.05)
                    .with_fill_rule(lyon_tessellation::FillRule::EvenOdd),
                &mut BuffersBuilder::new(&mut buffers, |v: FillVertex<'_>| {
                    let p = v.position();
                    Point::new(f64::from(p.x), f64::from(p.y))
                }),
            )
            .map_err(FillError)?;
        Ok(Triangles {
            vertices: buffers.vertices,
            indices: buffers.indices,
        })
    }

    /// The filled area, for checks.
    pub fn area(&self) -> f64 {
        self.indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [0, 1, 2].map(|k| self.vertices[t[k] as usize]);
                ((b - a).cross(c - a) / 2.0).abs()
            })
            .sum()
    }
}
