//! Drawing a picture: the figure as rounded parts, the furniture, the tool against the spot,
//! the spot and the arrows, fitted into a frame on the page. Every shape is convex, so each
//! back end, the window's included, fills it as it is.

use kurbo::{Point, Vec2};

use super::canvas::{Shape, arc, arrow, capsule, circle, fit, rect};
use super::pose::{Camera, Limb, Part, Posed, Segment, pose};
use super::{DrawnTool, Facing, Hand, Motion, Picture, Prop};
use crate::body::Figure;
use crate::draw::{Frame, Item, Rgb};

/// The colours of a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub body: Rgb,
    pub body_far: Rgb,
    pub outline: Rgb,
    pub hair: Rgb,
    pub furniture: Rgb,
    pub furniture_edge: Rgb,
    pub floor: Rgb,
    pub spot: Rgb,
    pub halo: Rgb,
    pub arrow: Rgb,
}

impl Palette {
    /// On paper and on a light window.
    pub const LIGHT: Palette = Palette {
        body: Rgb(0xF3, 0xEA, 0xDF),
        body_far: Rgb(0xDD, 0xD0, 0xC0),
        outline: Rgb(0x6E, 0x60, 0x53),
        hair: Rgb(0x5A, 0x46, 0x3A),
        furniture: Rgb(0xDE, 0xD9, 0xD1),
        furniture_edge: Rgb(0x9A, 0x92, 0x87),
        floor: Rgb(0xA8, 0x9F, 0x93),
        spot: Rgb(0xD6, 0x3E, 0x32),
        halo: Rgb(0xFF, 0xFF, 0xFF),
        arrow: Rgb(0x1F, 0x66, 0xB0),
    };

    /// On a dark window.
    pub const DARK: Palette = Palette {
        body: Rgb(0xD9, 0xCF, 0xC2),
        body_far: Rgb(0xA8, 0x9C, 0x8E),
        outline: Rgb(0x2A, 0x24, 0x1F),
        hair: Rgb(0x4A, 0x3A, 0x30),
        furniture: Rgb(0x5A, 0x5E, 0x66),
        furniture_edge: Rgb(0x8A, 0x90, 0x99),
        floor: Rgb(0x8A, 0x90, 0x99),
        spot: Rgb(0xFF, 0x5A, 0x4A),
        halo: Rgb(0x1E, 0x1E, 0x1E),
        arrow: Rgb(0x6F, 0xB0, 0xFF),
    };
}

const ROLLER: (Rgb, Rgb, Rgb) = (
    Rgb(0x4E, 0x86, 0xC2),
    Rgb(0x8D, 0xB6, 0xE2),
    Rgb(0x2B, 0x5A, 0x8A),
);
const BALL: (Rgb, Rgb) = (Rgb(0xCC, 0xDB, 0x45), Rgb(0x7D, 0x8C, 0x22));
const SOCK: Rgb = Rgb(0x7C, 0x8C, 0xA6);
const GOLF: (Rgb, Rgb) = (Rgb(0xFF, 0xFF, 0xFF), Rgb(0x80, 0x80, 0x80));
const STICK: (Rgb, Rgb) = (Rgb(0x55, 0x55, 0x58), Rgb(0x2F, 0x6C, 0x9F));

/// How far the tool's centre sits from the spot: its radius, so it touches.
fn tool_radius(tool: DrawnTool) -> f64 {
    match tool {
        DrawnTool::Roller | DrawnTool::RollerAlong => 7.5,
        DrawnTool::SmallRoller => 4.5,
        DrawnTool::Ball => 3.3,
        DrawnTool::Balls => 3.6,
        DrawnTool::GolfBall => 2.2,
        DrawnTool::Stick => 2.6,
        DrawnTool::Stretch | DrawnTool::Fingers(_) => 0.0,
    }
}

/// The spot on the figure and the way out of the body there.
fn spot(picture: &Picture, posed: &Posed) -> (Point, Vec2, f64) {
    let press = picture.spec.press;
    let (centre, radius, dir) = match press.part {
        Part::Head => (posed.head.0, posed.head.1, Vec2::new(1.0, 0.0)),
        part => match posed.segment(part) {
            Some(s) => (s.point_at(press.at), s.radius_at(press.at), s.direction()),
            None => (posed.head.0, 0.0, Vec2::new(1.0, 0.0)),
        },
    };
    let across = Vec2::new(dir.y, -dir.x);
    let wanted = match press.from {
        Facing::Below => Vec2::new(0.0, -1.0),
        Facing::Above => Vec2::new(0.0, 1.0),
        Facing::Front => Vec2::new(1.0, 0.0),
        Facing::Back => Vec2::new(-1.0, 0.0),
        Facing::Viewer => {
            let side = if across.dot(posed.front) >= 0.0 {
                across
            } else {
                -across
            };
            return (centre + side * (press.across * radius), Vec2::ZERO, radius);
        }
    };
    // At an end of the part its rounded cap faces every way out of it.
    let on_cap =
        (press.at <= 0.0 && wanted.dot(dir) < 0.0) || (press.at >= 1.0 && wanted.dot(dir) > 0.0);
    let normal = if on_cap {
        wanted
    } else if across.dot(wanted) >= 0.0 {
        across
    } else {
        -across
    };
    (centre + normal * radius, normal, radius)
}

/// Where the hands hold a stick pressed across the part at the spot: seen end-on, the stick
/// is a round end, held on either side of it.
fn stick_ends(picture: &Picture, posed: &Posed) -> (Point, Point) {
    let (at, normal, _) = spot(picture, posed);
    let centre = at + normal * tool_radius(DrawnTool::Stick);
    let part_dir = posed
        .segment(picture.spec.press.part)
        .map_or(Vec2::new(1.0, 0.0), Segment::direction);
    (
        centre + part_dir * 3.5 + normal * 2.0,
        centre - part_dir * 3.5 + normal * 2.0,
    )
}

/// Sends the hands that hold the tool to it: the fingers to the spot, both hands to the
/// stick's ends. The middle of the hand lands there.
pub(super) fn posed_with_hands(picture: &Picture, figure: Figure) -> Posed {
    let camera = picture.spec.camera;
    let mut posture = picture.posture;
    let mut posed = pose(&posture, figure, camera);
    let targets: Vec<(Hand, Point)> = match picture.spec.tool {
        DrawnTool::Fingers(hand) => {
            let (at, normal, _) = spot(picture, &posed);
            vec![(hand, at + normal * 2.5)]
        }
        DrawnTool::Stick => {
            let (a, b) = stick_ends(picture, &posed);
            vec![(Hand::Near, a), (Hand::Far, b)]
        }
        _ => Vec::new(),
    };
    // The wrist goes a little short of the target, so the middle of the hand lands on it; a
    // second pass corrects for the forearm's new direction.
    for _ in 0..3 {
        for &(hand, target) in &targets {
            let part = match hand {
                Hand::Near => Part::NearHand,
                Hand::Far => Part::FarHand,
            };
            let dir = posed.segment(part).map_or(Vec2::ZERO, Segment::direction);
            let wrist = target - dir * 4.5;
            let limb = Limb::Reach(wrist.x, wrist.y, 0.0);
            match hand {
                Hand::Near => posture.near_arm = limb,
                Hand::Far => posture.far_arm = limb,
            }
        }
        if targets.is_empty() {
            break;
        }
        posed = pose(&posture, figure, camera);
    }
    posed
}

/// Where the tool sits: its centre, when it is a round one.
fn tool_centre(picture: &Picture, posed: &Posed) -> Point {
    let (at, normal, _) = spot(picture, posed);
    at + normal * tool_radius(picture.spec.tool)
}

/// Why the picture cannot be right: a tool that floats instead of resting on the floor, a
/// wall or a table, a hand that does not reach, or a figure sunk into the floor.
pub(super) fn contact_problem(picture: &Picture, posed: &Posed) -> Option<String> {
    let spec = &picture.spec;
    if spec.camera != Camera::Above {
        let lowest = posed
            .segments
            .iter()
            .map(|s| (s.from.y - s.from_radius).min(s.to.y - s.to_radius))
            .fold(f64::INFINITY, f64::min);
        if lowest < -3.0 {
            let part = posed
                .segments
                .iter()
                .find(|s| (s.from.y - s.from_radius).min(s.to.y - s.to_radius) <= lowest)
                .map(|s| s.part);
            return Some(format!(
                "the figure sinks {:.0} cm into the floor ({part:?})",
                -lowest
            ));
        }
    }
    let part = spec.press.part;
    if posed.segment(part).is_none() && part != Part::Head {
        return Some(format!("it presses {part:?}, which is not drawn"));
    }
    match spec.tool {
        DrawnTool::Roller
        | DrawnTool::SmallRoller
        | DrawnTool::Ball
        | DrawnTool::Balls
        | DrawnTool::GolfBall => {
            let r = tool_radius(spec.tool);
            let c = tool_centre(picture, posed);
            let on_floor = spec.camera == Camera::Side && (c.y - r).abs() < 3.0;
            let (_, normal, _) = spot(picture, posed);
            let on_wall = spec.props.iter().any(|p| match p {
                Prop::Wall => normal.x.abs() > 0.7,
                Prop::Table(a, b) => (60.0..85.0).contains(&(c.y - r)) && c.x > *a && c.x < *b,
                Prop::Chair(_) => false,
            });
            let in_front = spec.camera == Camera::Front && (c.y - r).abs() < 3.0;
            (!(on_floor || on_wall || in_front)).then(|| {
                format!(
                    "the {:?} floats at ({:.0}, {:.0}) instead of resting on the floor, a wall or a table",
                    spec.tool, c.x, c.y
                )
            })
        }
        DrawnTool::Fingers(hand) => {
            let part = match hand {
                Hand::Near => Part::NearHand,
                Hand::Far => Part::FarHand,
            };
            let (at, _, _) = spot(picture, posed);
            let reached = posed
                .segment(part)
                .is_some_and(|h| h.distance_outside(at) < 3.0);
            (!reached).then(|| format!("the {hand:?} hand does not reach the spot"))
        }
        DrawnTool::Stick => {
            let (a, b) = stick_ends(picture, posed);
            let holds = |part: Part, end: Point| {
                posed
                    .segment(part)
                    .is_some_and(|h| h.distance_outside(end) < 3.0)
            };
            (!(holds(Part::NearHand, a) && holds(Part::FarHand, b)))
                .then(|| "the hands do not reach the stick's ends".to_owned())
        }
        DrawnTool::RollerAlong | DrawnTool::Stretch => None,
    }
}

fn hair(out: &mut Vec<Shape>, posed: &Posed, figure: Figure, camera: Camera, p: &Palette) {
    let (c, r) = posed.head;
    let up = posed
        .segment(Part::Neck)
        .map_or(Vec2::new(0.0, 1.0), Segment::direction);
    let up_angle = up.y.atan2(up.x).to_degrees();
    let back = -Vec2::new(up.y, -up.x);
    if camera == Camera::Side && figure == Figure::Female {
        let bun = c + back * (r * 0.95) + up * (r * 0.15);
        out.push(Shape::Fill {
            points: circle(bun, r * 0.42),
            fill: p.hair,
            stroke: Some(p.outline),
        });
    }
    out.push(Shape::Fill {
        points: circle(c, r),
        fill: p.body,
        stroke: Some(p.outline),
    });
    // The hair covers the top and the back of the head; the face is bare.
    let (from, to) = match camera {
        Camera::Side => {
            let back_angle = back.y.atan2(back.x).to_degrees();
            let turn = super::pose::turn(up_angle, back_angle);
            if turn > 0.0 {
                (up_angle - 25.0, up_angle + 105.0)
            } else {
                (up_angle - 105.0, up_angle + 25.0)
            }
        }
        Camera::Front | Camera::Above => (up_angle - 62.0, up_angle + 62.0),
    };
    let reach = if figure == Figure::Female { 18.0 } else { 0.0 };
    out.push(Shape::Fill {
        points: arc(c, r * 1.04, from - reach * 0.3, to + reach),
        fill: p.hair,
        stroke: None,
    });
}

/// The limbs on the far side: shaded in profile, where they are behind the body; as the
/// near ones from the front, where both sides show alike.
fn far_limbs(out: &mut Vec<Shape>, posed: &Posed, camera: Camera, p: &Palette) {
    let fill = if camera == Camera::Side {
        p.body_far
    } else {
        p.body
    };
    for s in posed.segments.iter().filter(|s| s.part.is_far()) {
        out.push(Shape::Fill {
            points: capsule(s.from, s.to, s.from_radius, s.to_radius),
            fill,
            stroke: Some(p.outline),
        });
    }
}

fn tool_shapes(out: &mut Vec<Shape>, picture: &Picture, posed: &Posed) {
    let c = tool_centre(picture, posed);
    // The radii the contact checks place the tool with.
    let r = tool_radius(picture.spec.tool);
    match picture.spec.tool {
        DrawnTool::Roller | DrawnTool::SmallRoller => {
            out.push(Shape::Fill {
                points: circle(c, r),
                fill: ROLLER.0,
                stroke: Some(ROLLER.2),
            });
            out.push(Shape::Fill {
                points: circle(c, r * 0.58),
                fill: ROLLER.1,
                stroke: None,
            });
            out.push(Shape::Fill {
                points: circle(c, r * 0.2),
                fill: ROLLER.2,
                stroke: None,
            });
        }
        DrawnTool::RollerAlong => {
            let dir = posed
                .segment(Part::Trunk)
                .map_or(Vec2::new(1.0, 0.0), Segment::direction);
            out.push(Shape::Fill {
                points: capsule(c - dir * 40.0, c + dir * 40.0, r, r),
                fill: ROLLER.0,
                stroke: Some(ROLLER.2),
            });
        }
        DrawnTool::Ball => out.push(Shape::Fill {
            points: circle(c, r),
            fill: BALL.0,
            stroke: Some(BALL.1),
        }),
        DrawnTool::Balls => {
            out.push(Shape::Fill {
                points: circle(c, r),
                fill: SOCK,
                stroke: Some(BALL.1),
            });
            out.push(Shape::Fill {
                points: circle(c, r * 0.75),
                fill: BALL.0,
                stroke: None,
            });
        }
        DrawnTool::GolfBall => out.push(Shape::Fill {
            points: circle(c, r),
            fill: GOLF.0,
            stroke: Some(GOLF.1),
        }),
        DrawnTool::Stick => {
            // The stick seen end-on: its handle's round end and the roller around it.
            out.push(Shape::Fill {
                points: circle(c, r),
                fill: STICK.1,
                stroke: Some(STICK.0),
            });
            out.push(Shape::Fill {
                points: circle(c, 1.1),
                fill: STICK.0,
                stroke: None,
            });
        }
        DrawnTool::Stretch | DrawnTool::Fingers(_) => {}
    }
}

fn motion_shapes(out: &mut Vec<Shape>, picture: &Picture, posed: &Posed, p: &Palette) {
    let (at, normal, radius) = spot(picture, posed);
    let dir = posed
        .segment(picture.spec.press.part)
        .map_or(Vec2::new(1.0, 0.0), Segment::direction);
    // Arrows go on the open side of the part, away from a tool the body rests on; fingers
    // press in from outside, where the hand is.
    let fingers = matches!(picture.spec.tool, DrawnTool::Fingers(_));
    let open = if normal == Vec2::ZERO {
        Vec2::new(dir.y, -dir.x)
    } else if fingers {
        normal
    } else {
        -normal
    };
    let clear = if fingers || normal == Vec2::ZERO {
        7.0
    } else {
        2.0 * radius + 5.0
    };
    match picture.spec.motion {
        Motion::Roll(length) => {
            let mid = at + open * clear;
            arrow(
                out,
                vec![mid - dir * (length / 2.0), mid + dir * (length / 2.0)],
                (true, true),
                p.arrow,
            );
        }
        Motion::Circles => {
            let centre = at + open * (clear * 0.6);
            arrow(out, arc(centre, 5.5, 110.0, 400.0), (false, true), p.arrow);
        }
        Motion::Shift(dx, dy) => {
            let from = at + open * (clear * 0.6);
            arrow(
                out,
                vec![from, from + Vec2::new(dx, dy)],
                (false, true),
                p.arrow,
            );
        }
        Motion::Hold => {
            if picture.spec.tool != DrawnTool::Stretch && normal != Vec2::ZERO {
                // Press here: an arrow into the spot from the open side.
                let tip = at + open * 3.0;
                arrow(out, vec![tip + open * 12.0, tip], (false, true), p.arrow);
            }
        }
    }
    out.push(Shape::Fill {
        points: circle(at, 2.5),
        fill: p.halo,
        stroke: None,
    });
    out.push(Shape::Fill {
        points: circle(at, 1.7),
        fill: p.spot,
        stroke: None,
    });
}

/// Where the furniture stands: a wall just past the ball pressed against it, as tall as
/// the figure.
fn prop_shapes(out: &mut Vec<Shape>, picture: &Picture, posed: &Posed, p: &Palette) {
    let top = posed.head.0.y + posed.head.1;
    for prop in &picture.spec.props {
        let shapes: Vec<Vec<Point>> = match *prop {
            Prop::Wall => {
                let (_, normal, _) = spot(picture, posed);
                let face = tool_centre(picture, posed).x
                    + tool_radius(picture.spec.tool) * normal.x.signum();
                let back = face + 5.0 * normal.x.signum();
                vec![rect(face.min(back), 0.0, face.max(back), top + 12.0)]
            }
            Prop::Chair(x) => vec![
                rect(x, 42.0, x + 42.0, 46.0),
                rect(x + 1.0, 0.0, x + 4.0, 42.0),
                rect(x + 38.0, 0.0, x + 41.0, 42.0),
                rect(x - 3.0, 0.0, x + 1.0, 88.0),
            ],
            Prop::Table(a, b) => {
                // The top just under the ball that rests on it.
                let top = tool_centre(picture, posed).y - tool_radius(picture.spec.tool);
                vec![
                    rect(a, top - 4.0, b, top),
                    rect(b - 6.0, 0.0, b - 2.5, top - 4.0),
                ]
            }
        };
        for points in shapes {
            out.push(Shape::Fill {
                points,
                fill: p.furniture,
                stroke: Some(p.furniture_edge),
            });
        }
    }
}

/// The picture of `picture` for `figure`, fitted into `frame` (page points, y down).
pub fn picture_items(picture: &Picture, figure: Figure, frame: Frame, p: &Palette) -> Vec<Item> {
    let posed = picture.posed(figure);
    let camera = picture.spec.camera;
    let tool = picture.spec.tool;
    let mut shapes = Vec::new();
    prop_shapes(&mut shapes, picture, &posed, p);
    let resting = matches!(
        tool,
        DrawnTool::Roller
            | DrawnTool::RollerAlong
            | DrawnTool::SmallRoller
            | DrawnTool::Ball
            | DrawnTool::Balls
            | DrawnTool::GolfBall
    );
    far_limbs(&mut shapes, &posed, camera, p);
    if resting {
        tool_shapes(&mut shapes, picture, &posed);
    }
    // The trunk, the neck and the head, then the near limbs over them.
    for s in posed
        .segments
        .iter()
        .filter(|s| matches!(s.part, Part::Trunk | Part::Neck))
    {
        shapes.push(Shape::Fill {
            points: capsule(s.from, s.to, s.from_radius, s.to_radius),
            fill: p.body,
            stroke: Some(p.outline),
        });
    }
    hair(&mut shapes, &posed, figure, camera, p);
    let near_legs = [Part::NearThigh, Part::NearShin, Part::NearFoot];
    for s in posed
        .segments
        .iter()
        .filter(|s| near_legs.contains(&s.part))
    {
        shapes.push(Shape::Fill {
            points: capsule(s.from, s.to, s.from_radius, s.to_radius),
            fill: p.body,
            stroke: Some(p.outline),
        });
    }
    if !resting {
        tool_shapes(&mut shapes, picture, &posed);
    }
    let near_arm = [Part::NearUpperArm, Part::NearForearm, Part::NearHand];
    for s in posed.segments.iter().filter(|s| near_arm.contains(&s.part)) {
        shapes.push(Shape::Fill {
            points: capsule(s.from, s.to, s.from_radius, s.to_radius),
            fill: p.body,
            stroke: Some(p.outline),
        });
    }
    motion_shapes(&mut shapes, picture, &posed, p);
    fit(shapes, camera, picture.spec.mirror, frame, p)
}
