//! What is drawn on a page or a picture: colours, frames, text boxes, lines and paths, in
//! points from the top-left corner (y down). The sheet, the report and the pictures of each
//! position are all made of these items, and the PDF and PNG back ends draw them.

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// A rectangle on the page, in points from the top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Frame {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Frame {
        Frame { x, y, w, h }
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }
}

/// How a text box places its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// Lines of text inside a box; layout guarantees they fit.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    pub frame: Frame,
    pub lines: Vec<String>,
    pub weight: Weight,
    pub size: f32,
    /// Distance between baselines.
    pub leading: f32,
    pub colour: Rgb,
    pub align: Align,
}

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text(TextBox),
    Rect {
        frame: Frame,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
        radius: f32,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        colour: Rgb,
        width: f32,
    },
    /// A closed shape (body silhouette, a region).
    Polygon {
        points: Vec<(f32, f32)>,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// An open line (a detail of the figure).
    Polyline {
        points: Vec<(f32, f32)>,
        colour: Rgb,
        width: f32,
    },
    Circle {
        centre: (f32, f32),
        radius: f32,
        fill: Rgb,
    },
}

/// One piece of an outline, for the back ends to feed to their path builders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    Move(f32, f32),
    Line(f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

/// The outline of a rectangle with rounded corners (quarter circles as cubic curves).
pub fn rounded_rect(frame: Frame, radius: f32) -> Vec<Segment> {
    let Frame { x, y, w, h } = frame;
    let r = radius.min(w / 2.0).min(h / 2.0).max(0.0);
    let k = 0.552_284_8 * r;
    vec![
        Segment::Move(x + r, y),
        Segment::Line(x + w - r, y),
        Segment::Cubic(x + w - r + k, y, x + w, y + r - k, x + w, y + r),
        Segment::Line(x + w, y + h - r),
        Segment::Cubic(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h),
        Segment::Line(x + r, y + h),
        Segment::Cubic(x + r - k, y + h, x, y + h - r + k, x, y + h - r),
        Segment::Line(x, y + r),
        Segment::Cubic(x, y + r - k, x + r - k, y, x + r, y),
        Segment::Close,
    ]
}
