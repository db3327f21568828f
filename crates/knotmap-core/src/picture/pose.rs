//! One articulated figure, posed by the direction of each body part: where its joints land,
//! how thick each part is, and whether every joint stays within what a body can do.
//!
//! Picture space: centimetres of a runner about 1.70 m tall, x to the right, y up from the
//! floor. Directions are degrees anticlockwise from the +x axis. In the side view the figure
//! faces +x when it stands; in the front view it faces the viewer, its near limbs on the
//! picture's right when it stands.

use kurbo::{Point, Vec2};
use serde::{Deserialize, Serialize};

use crate::body::Figure;

/// Which way the camera looks at the figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Camera {
    /// From the side, the figure in profile: the usual view.
    #[default]
    Side,
    /// At the figure's front (or, for a figure lying on its side, along the floor at it).
    Front,
    /// From above, at a figure lying on its back: no floor line.
    Above,
}

/// An arm or a leg: the direction of each of its parts, or a point its hand or ankle
/// reaches (the elbow or knee bending the way a body bends).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Limb {
    /// Upper arm and forearm, or thigh, shin and foot (the foot ignored for arms).
    Angles(f64, f64, #[serde(default)] f64),
    /// The wrist or ankle at this point, and the foot's direction (ignored for arms).
    Reach(f64, f64, #[serde(default)] f64),
    /// Directions as for `Angles`, the parts drawn shorter by this share: a leg crossed over
    /// the other, seen from the side, points partly at the viewer.
    Crossed(f64, f64, f64, f64),
}

/// The figure's posture.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Posture {
    /// The hip joint (the middle of the pelvis in the front view).
    pub pelvis: (f64, f64),
    /// From the pelvis to the base of the neck.
    pub trunk: f64,
    /// From the base of the neck to the crown.
    pub head: f64,
    pub near_arm: Limb,
    pub far_arm: Limb,
    pub near_leg: Limb,
    pub far_leg: Limb,
}

/// A body part, as the pictures name where a tool or a hand presses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    Trunk,
    Neck,
    Head,
    NearUpperArm,
    NearForearm,
    NearHand,
    FarUpperArm,
    FarForearm,
    FarHand,
    NearThigh,
    NearShin,
    NearFoot,
    FarThigh,
    FarShin,
    FarFoot,
}

impl Part {
    /// The part in plain words, as a caption says it.
    pub fn words(self) -> &'static str {
        match self {
            Part::Trunk => "trunk",
            Part::Neck => "neck",
            Part::Head => "head",
            Part::NearUpperArm | Part::FarUpperArm => "upper arm",
            Part::NearForearm | Part::FarForearm => "forearm",
            Part::NearHand | Part::FarHand => "hand",
            Part::NearThigh | Part::FarThigh => "thigh",
            Part::NearShin | Part::FarShin => "lower leg",
            Part::NearFoot | Part::FarFoot => "foot",
        }
    }

    pub const ALL: [Part; 15] = [
        Part::Trunk,
        Part::Neck,
        Part::Head,
        Part::NearUpperArm,
        Part::NearForearm,
        Part::NearHand,
        Part::FarUpperArm,
        Part::FarForearm,
        Part::FarHand,
        Part::NearThigh,
        Part::NearShin,
        Part::NearFoot,
        Part::FarThigh,
        Part::FarShin,
        Part::FarFoot,
    ];

    /// Whether the part belongs to the limbs on the far side, drawn behind the trunk.
    pub fn is_far(self) -> bool {
        matches!(
            self,
            Part::FarUpperArm
                | Part::FarForearm
                | Part::FarHand
                | Part::FarThigh
                | Part::FarShin
                | Part::FarFoot
        )
    }
}

/// One part placed: a tapered capsule from `from` to `to`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub part: Part,
    pub from: Point,
    pub to: Point,
    pub from_radius: f64,
    pub to_radius: f64,
}

impl Segment {
    pub fn point_at(&self, at: f64) -> Point {
        self.from.lerp(self.to, at)
    }

    pub fn radius_at(&self, at: f64) -> f64 {
        self.from_radius + (self.to_radius - self.from_radius) * at
    }

    pub fn direction(&self) -> Vec2 {
        let d = self.to - self.from;
        let len = d.hypot();
        if len > 0.0 {
            d / len
        } else {
            Vec2::new(1.0, 0.0)
        }
    }

    /// How far a point lies outside the capsule's surface (negative inside).
    pub fn distance_outside(&self, p: Point) -> f64 {
        let d = self.to - self.from;
        let len2 = d.hypot2();
        let t = if len2 > 0.0 {
            ((p - self.from).dot(d) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (p - self.point_at(t)).hypot() - self.radius_at(t)
    }
}

/// Sizes of the parts, in centimetres: lengths, and the radii at each end.
struct Build {
    trunk: f64,
    neck: f64,
    head_radius: f64,
    upper_arm: f64,
    forearm: f64,
    hand: f64,
    thigh: f64,
    shin: f64,
    foot: f64,
    trunk_radius: (f64, f64),
    arm_radius: (f64, f64, f64),
    leg_radius: (f64, f64, f64),
    /// Half the width of the hips and of the shoulders, in the front view.
    hips: f64,
    shoulders: f64,
}

fn build(figure: Figure, camera: Camera) -> Build {
    let female = figure == Figure::Female;
    let front = camera != Camera::Side;
    Build {
        trunk: if female { 47.0 } else { 50.0 },
        neck: 6.0,
        head_radius: if female { 10.0 } else { 10.5 },
        upper_arm: if female { 28.0 } else { 30.0 },
        forearm: if female { 24.0 } else { 26.0 },
        hand: 9.0,
        thigh: if female { 42.0 } else { 44.0 },
        shin: if female { 41.0 } else { 43.0 },
        // Seen from the front, the foot points at the viewer and looks short.
        foot: match (front, female) {
            (true, _) => 8.0,
            (false, true) => 18.0,
            (false, false) => 20.0,
        },
        // In profile the trunk is its depth; from the front, its width.
        trunk_radius: match (front, female) {
            (false, true) => (11.5, 10.0),
            (false, false) => (11.0, 11.5),
            (true, true) => (15.5, 14.0),
            (true, false) => (14.5, 17.0),
        },
        arm_radius: if female {
            (4.3, 3.6, 2.8)
        } else {
            (5.0, 4.2, 3.2)
        },
        leg_radius: if female {
            (8.5, 5.5, 3.3)
        } else {
            (8.0, 5.6, 3.5)
        },
        hips: if female { 9.5 } else { 8.5 },
        shoulders: if female { 15.0 } else { 17.5 },
    }
}

fn unit(degrees: f64) -> Vec2 {
    let r = degrees.to_radians();
    Vec2::new(r.cos(), r.sin())
}

/// The signed angle from `a` to `b`, in degrees, within (-180, 180].
pub fn turn(a: f64, b: f64) -> f64 {
    let d = (b - a).rem_euclid(360.0);
    if d > 180.0 { d - 360.0 } else { d }
}

fn angle_of(v: Vec2) -> f64 {
    v.y.atan2(v.x).to_degrees()
}

/// The middle joint of a two-part limb reaching from `root` to `target`: of the two places
/// it can be, the one that bends the way a body bends (`bends`, given the two directions),
/// else the one further along `bend`.
fn reach(
    root: Point,
    target: Point,
    (first, second): (f64, f64),
    bend: Vec2,
    bends: impl Fn(f64, f64) -> bool,
) -> (f64, f64) {
    let d = target - root;
    let dist = d
        .hypot()
        .clamp((first - second).abs() + 1e-6, first + second - 1e-6);
    let base = angle_of(d);
    // The law of cosines gives the angle between the first part and the line to the target.
    let cos =
        ((first * first + dist * dist - second * second) / (2.0 * first * dist)).clamp(-1.0, 1.0);
    let spread = cos.acos().to_degrees();
    let end = root + unit(base) * dist;
    let options = [base + spread, base - spread].map(|a| {
        let joint = root + unit(a) * first;
        (a, angle_of(end - joint), joint)
    });
    let score = |o: &(f64, f64, Point)| (bends(o.0, o.1), (o.2 - root).dot(bend));
    let pick = if score(&options[0]) >= score(&options[1]) {
        options[0]
    } else {
        options[1]
    };
    (pick.0, pick.1)
}

/// A posed figure: its parts in drawing order, far limbs first.
#[derive(Clone, Debug, PartialEq)]
pub struct Posed {
    pub segments: Vec<Segment>,
    /// The head's centre and radius.
    pub head: (Point, f64),
    /// Which way the figure's front faces (a unit vector), for the hair and the joints.
    pub front: Vec2,
    /// The direction of each part, by part, for the joint checks.
    pub angles: Angles,
}

/// The direction of every part, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Angles {
    pub trunk: f64,
    pub head: f64,
    pub arms: [(f64, f64); 2],
    pub legs: [(f64, f64, f64); 2],
}

impl Posed {
    pub fn segment(&self, part: Part) -> Option<&Segment> {
        self.segments.iter().find(|s| s.part == part)
    }
}

/// Where one side's limbs join the trunk, and the directions of their parts.
struct LimbJoints {
    near: bool,
    shoulder: Point,
    hip: Point,
    arm: (f64, f64),
    leg: (f64, f64, f64),
    leg_share: f64,
}

/// The arm's and the leg's parts on one side, as capsules.
fn limb_segments(b: &Build, joints: &LimbJoints, segments: &mut Vec<Segment>) {
    let LimbJoints {
        near,
        shoulder,
        hip,
        arm: (upper, fore),
        leg: (thigh, shin, foot),
        leg_share: share,
    } = *joints;
    let pick = |n: Part, f: Part| if near { n } else { f };
    let knee = hip + unit(thigh) * (b.thigh * share);
    let ankle = knee + unit(shin) * (b.shin * share);
    let (lr0, lr1, lr2) = b.leg_radius;
    segments.push(Segment {
        part: pick(Part::NearThigh, Part::FarThigh),
        from: hip,
        to: knee,
        from_radius: lr0,
        to_radius: lr1 + 0.6,
    });
    segments.push(Segment {
        part: pick(Part::NearShin, Part::FarShin),
        from: knee,
        to: ankle,
        from_radius: lr1,
        to_radius: lr2 + 0.4,
    });
    segments.push(Segment {
        part: pick(Part::NearFoot, Part::FarFoot),
        from: ankle - unit(foot) * (lr2 * 0.8),
        to: ankle + unit(foot) * b.foot,
        from_radius: lr2 + 0.5,
        to_radius: lr2 * 0.7,
    });
    let elbow = shoulder + unit(upper) * b.upper_arm;
    let wrist = elbow + unit(fore) * b.forearm;
    let (ar0, ar1, ar2) = b.arm_radius;
    segments.push(Segment {
        part: pick(Part::NearUpperArm, Part::FarUpperArm),
        from: shoulder,
        to: elbow,
        from_radius: ar0,
        to_radius: ar1,
    });
    segments.push(Segment {
        part: pick(Part::NearForearm, Part::FarForearm),
        from: elbow,
        to: wrist,
        from_radius: ar1,
        to_radius: ar2,
    });
    segments.push(Segment {
        part: pick(Part::NearHand, Part::FarHand),
        from: wrist,
        to: wrist + unit(fore) * b.hand,
        from_radius: ar2 + 0.3,
        to_radius: ar2 * 0.8,
    });
}

/// Places every part of the figure.
pub fn pose(posture: &Posture, figure: Figure, camera: Camera) -> Posed {
    let b = build(figure, camera);
    let pelvis = Point::new(posture.pelvis.0, posture.pelvis.1);
    let trunk_dir = unit(posture.trunk);
    // The figure's front: to the right of the trunk as it points up, in profile.
    let front = Vec2::new(trunk_dir.y, -trunk_dir.x);
    let neck_base = pelvis + trunk_dir * b.trunk;
    let head_dir = unit(posture.head);
    let head_centre = neck_base + head_dir * (b.neck + b.head_radius * 0.85);
    let side_view = camera == Camera::Side;
    // Where the limbs join the trunk: one shoulder and one hip in profile, two apart from
    // the front (the near ones on the trunk's right as it points up).
    let across = |half: f64, near: bool| {
        if side_view {
            Vec2::ZERO
        } else if near {
            front * half
        } else {
            -front * half
        }
    };
    let shoulder_drop = if side_view { 4.0 } else { 5.0 };
    let mut segments = Vec::new();
    let mut arms = [(0.0, 0.0); 2];
    let mut legs = [(0.0, 0.0, 0.0); 2];
    let mut limbs = Vec::new();
    for (i, near) in [(0, false), (1, true)] {
        let arm_limb = if near {
            posture.near_arm
        } else {
            posture.far_arm
        };
        let leg_limb = if near {
            posture.near_leg
        } else {
            posture.far_leg
        };
        let shoulder = neck_base - trunk_dir * shoulder_drop + across(b.shoulders, near);
        let hip = pelvis + across(b.hips, near);
        // Elbows bend back and down; knees bend forward and up.
        let (upper, fore) = match arm_limb {
            Limb::Angles(u, f, _) | Limb::Crossed(u, f, _, _) => (u, f),
            Limb::Reach(x, y, _) => reach(
                shoulder,
                Point::new(x, y),
                (b.upper_arm, b.forearm),
                -front * 0.6 - trunk_dir,
                |upper, fore| !side_view || turn(upper, fore) >= -5.0,
            ),
        };
        let (thigh, shin, foot) = match leg_limb {
            Limb::Angles(t, s, f) | Limb::Crossed(t, s, f, _) => (t, s, f),
            Limb::Reach(x, y, f) => {
                let (t, s) = reach(
                    hip,
                    Point::new(x, y),
                    (b.thigh, b.shin),
                    front + trunk_dir * 0.3,
                    |thigh, shin| !side_view || turn(thigh, shin) <= 2.0,
                );
                (t, s, f)
            }
        };
        arms[i] = (upper, fore);
        legs[i] = (thigh, shin, foot);
        let leg_share = match leg_limb {
            Limb::Crossed(_, _, _, share) => share.clamp(0.3, 1.0),
            Limb::Angles(..) | Limb::Reach(..) => 1.0,
        };
        limbs.push(LimbJoints {
            near,
            shoulder,
            hip,
            arm: (upper, fore),
            leg: (thigh, shin, foot),
            leg_share,
        });
    }
    for joints in &limbs {
        limb_segments(&b, joints, &mut segments);
    }
    segments.push(Segment {
        part: Part::Trunk,
        from: pelvis,
        to: neck_base - trunk_dir * (b.trunk_radius.1 * 0.55),
        from_radius: b.trunk_radius.0,
        to_radius: b.trunk_radius.1,
    });
    segments.push(Segment {
        part: Part::Neck,
        from: neck_base - trunk_dir * 3.0,
        to: neck_base + head_dir * (b.neck + 2.0),
        from_radius: 4.6,
        to_radius: 4.2,
    });
    // Drawing order: far limbs, trunk and neck, near limbs.
    let order = |s: &Segment| match s.part {
        p if p.is_far() => 0,
        Part::Trunk | Part::Neck | Part::Head => 1,
        _ => 2,
    };
    segments.sort_by_key(order);
    Posed {
        segments,
        head: (head_centre, b.head_radius),
        front,
        angles: Angles {
            trunk: posture.trunk,
            head: posture.head,
            arms,
            legs,
        },
    }
}

/// A joint bent further than a body bends, in words; `None` when every joint is within
/// human ranges. Flexion is measured towards the figure's front.
pub fn joint_problem(posed: &Posed, camera: Camera) -> Option<String> {
    let a = posed.angles;
    // Towards the front is anticlockwise from a part hanging down, clockwise from the
    // trunk's line for the head.
    let check = |what: &str, value: f64, low: f64, high: f64| {
        (value < low - 0.5 || value > high + 0.5)
            .then(|| format!("{what} at {value:.0}°, outside {low:.0}° to {high:.0}°"))
    };
    let mut problems = Vec::new();
    problems.push(check("the neck", -turn(a.trunk, a.head), -50.0, 60.0));
    let side = camera == Camera::Side;
    for (name, (thigh, shin, foot)) in ["far", "near"].into_iter().zip(a.legs) {
        let down = a.trunk + 180.0;
        if side {
            problems.push(check(
                &format!("the {name} hip"),
                turn(down, thigh),
                -35.0,
                162.0,
            ));
            problems.push(check(
                &format!("the {name} knee"),
                turn(thigh, shin),
                -160.0,
                2.0,
            ));
            problems.push(check(
                &format!("the {name} ankle"),
                turn(shin, foot),
                5.0,
                130.0,
            ));
        } else {
            problems.push(check(
                &format!("the {name} hip"),
                turn(down, thigh).abs(),
                0.0,
                150.0,
            ));
            problems.push(check(
                &format!("the {name} knee"),
                turn(thigh, shin).abs(),
                0.0,
                160.0,
            ));
        }
    }
    for (name, (upper, fore)) in ["far", "near"].into_iter().zip(a.arms) {
        let bend = turn(upper, fore);
        problems.push(if side {
            check(&format!("the {name} elbow"), bend, -5.0, 160.0)
        } else {
            check(&format!("the {name} elbow"), bend.abs(), 0.0, 155.0)
        });
    }
    problems.into_iter().flatten().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing() -> Posture {
        Posture {
            pelvis: (0.0, 92.0),
            trunk: 90.0,
            head: 90.0,
            near_arm: Limb::Angles(-90.0, -80.0, 0.0),
            far_arm: Limb::Angles(-90.0, -80.0, 0.0),
            near_leg: Limb::Angles(-90.0, -90.0, -10.0),
            far_leg: Limb::Angles(-90.0, -90.0, -10.0),
        }
    }

    #[test]
    fn a_standing_figure_stands_on_the_floor_and_is_about_170_tall() {
        let posed = pose(&standing(), Figure::Male, Camera::Side);
        let lowest = posed
            .segments
            .iter()
            .map(|s| (s.from.y - s.from_radius).min(s.to.y - s.to_radius))
            .fold(f64::INFINITY, f64::min);
        let top = posed.head.0.y + posed.head.1;
        assert!(lowest.abs() < 3.0, "feet at {lowest}");
        assert!((165.0..180.0).contains(&top), "{top} tall");
        assert_eq!(joint_problem(&posed, Camera::Side), None);
    }

    #[test]
    fn a_knee_bent_backwards_is_refused() {
        let mut p = standing();
        p.near_leg = Limb::Angles(-90.0, -60.0, 0.0);
        let posed = pose(&p, Figure::Female, Camera::Side);
        let problem = joint_problem(&posed, Camera::Side).expect("a problem");
        assert!(problem.contains("near knee"), "{problem}");
    }

    #[test]
    fn a_hand_reaches_the_point_it_is_sent_to() {
        let mut p = standing();
        p.near_arm = Limb::Reach(30.0, 110.0, 0.0);
        let posed = pose(&p, Figure::Female, Camera::Side);
        let hand = posed.segment(Part::NearHand).expect("hand");
        assert!((hand.from - Point::new(30.0, 110.0)).hypot() < 0.01);
        assert_eq!(joint_problem(&posed, Camera::Side), None);
    }
}
