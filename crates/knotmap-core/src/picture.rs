//! Pictures of the positions: for each technique, a figure in the position, the tool where it
//! presses, the way to move and the spot the pressure goes to. Each picture is data in
//! `assets/positions.ron` (a posture from a small library, changed where the technique
//! needs it), checked at start-up and by a test, and drawn by one renderer into the sheet's
//! items, which the PDF, the PNG and the window all draw.

mod canvas;
mod draw;
pub mod pose;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use draw::{Palette, picture_items};
use pose::{Camera, Limb, Part, Posed, Posture, joint_problem};

use crate::body::Figure;
use crate::catalog::{CatalogError, TechniqueId, parse_ron};

/// Where the pressure goes: a point on a part's surface.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Press {
    pub part: Part,
    /// How far along the part, from the end nearer the trunk (0) to the far end (1).
    pub at: f64,
    /// Which side of the part, as the picture shows it.
    pub from: Facing,
    /// For a spot facing the viewer: how far off the part's middle line, as a share of its
    /// half-width (towards the near side when positive).
    #[serde(default)]
    pub across: f64,
}

/// A side of a part as the picture shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Facing {
    Below,
    Above,
    /// Towards +x.
    Front,
    /// Towards -x.
    Back,
    /// The part's face turned to the viewer.
    Viewer,
}

/// What presses, as a position's picture draws it: a roller lying across or along the body,
/// a ball, a stick, the fingers, or nothing for a stretch. The tools a runner owns are the
/// catalog's (`catalog::Tool`); this is only their drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DrawnTool {
    /// Nothing: a stretch, felt at the spot.
    Stretch,
    /// A foam roller lying across, under the body.
    Roller,
    /// A foam roller seen from above, lying along the body.
    RollerAlong,
    SmallRoller,
    /// A tennis, lacrosse or foam ball.
    Ball,
    /// Two tennis balls in a sock.
    Balls,
    GolfBall,
    /// A massage stick or rolling pin, held in both hands.
    Stick,
    /// The fingers of one hand.
    Fingers(Hand),
}

/// One of the figure's hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hand {
    Near,
    Far,
}

/// Furniture the position uses.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Prop {
    /// A wall, just behind the ball that is pressed against it.
    Wall,
    /// A chair whose seat runs from x to x + 42, facing +x.
    Chair(f64),
    /// A table whose top runs between these x.
    Table(f64, f64),
}

/// How to move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Motion {
    /// Stay on the spot and breathe.
    #[default]
    Hold,
    /// Roll back and forth along the part, over this many centimetres.
    Roll(f64),
    /// Small circles on the spot.
    Circles,
    /// Move this way (dx, dy), as into a stretch.
    Shift(f64, f64),
}

/// One technique's picture, as written in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PictureSpec {
    pub technique: TechniqueId,
    #[serde(default)]
    pub camera: Camera,
    /// A posture from the library, changed by the fields below.
    pub posture: String,
    #[serde(default)]
    pub pelvis: Option<(f64, f64)>,
    #[serde(default)]
    pub trunk: Option<f64>,
    #[serde(default)]
    pub head: Option<f64>,
    #[serde(default)]
    pub near_arm: Option<Limb>,
    #[serde(default)]
    pub far_arm: Option<Limb>,
    #[serde(default)]
    pub near_leg: Option<Limb>,
    #[serde(default)]
    pub far_leg: Option<Limb>,
    pub press: Press,
    pub tool: DrawnTool,
    #[serde(default)]
    pub props: Vec<Prop>,
    #[serde(default)]
    pub motion: Motion,
    /// Drawn facing the other way.
    #[serde(default)]
    pub mirror: bool,
}

/// The file: the posture library and the pictures.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionsFile {
    pub postures: BTreeMap<String, Posture>,
    pub pictures: Vec<PictureSpec>,
}

/// A picture ready to draw: the posture resolved and posed for each figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub spec: PictureSpec,
    pub posture: Posture,
}

impl Picture {
    /// The figure in the position, its hands sent where the tool needs them.
    pub fn posed(&self, figure: Figure) -> Posed {
        draw::posed_with_hands(self, figure)
    }

    /// The picture in words, for readers who cannot see it: the position, what presses
    /// where, and the furniture.
    pub fn describe(&self) -> String {
        let spec = &self.spec;
        let position = match spec.posture.as_str() {
            "standing" | "standing_front" => "Standing",
            "back_to_wall" => "Standing with the back to a wall",
            "sitting_floor" => "Sitting on the floor",
            "sitting_chair" => "Sitting on a chair",
            "on_back" | "from_above_on_back" => "Lying on the back",
            "on_forearms" => "Face down on the forearms",
            "on_side" => "Lying on the side",
            "kneeling_lunge" => "Kneeling in a lunge",
            "childs_pose" => "Kneeling, sitting back on the heels",
            _ => "In position",
        };
        let part = spec.press.part.words();
        let tool = match spec.tool {
            DrawnTool::Stretch => format!("stretching, felt in the {part}"),
            DrawnTool::Roller | DrawnTool::RollerAlong => format!("a foam roller under the {part}"),
            DrawnTool::SmallRoller => format!("a small roller under the {part}"),
            DrawnTool::Ball => format!("a ball pressing into the {part}"),
            DrawnTool::Balls => format!("two balls in a sock along the {part}"),
            DrawnTool::GolfBall => format!("a golf ball under the {part}"),
            DrawnTool::Stick => format!("a massage stick held in both hands on the {part}"),
            DrawnTool::Fingers(_) => format!("the fingers pressing the {part}"),
        };
        let props: Vec<&str> = spec
            .props
            .iter()
            .map(|prop| match prop {
                Prop::Wall => "against a wall",
                Prop::Chair(_) => "with a chair",
                Prop::Table(..) => "at a table",
            })
            .collect();
        let motion = match spec.motion {
            Motion::Hold => "hold and breathe",
            Motion::Roll(_) => "roll slowly along it",
            Motion::Circles => "small circles on the spot",
            Motion::Shift(..) => "ease into it",
        };
        let mut text = format!("{position}, {tool}");
        for prop in props {
            text.push(' ');
            text.push_str(prop);
        }
        text.push_str(&format!("; {motion}."));
        text
    }
}

/// Every technique's picture.
#[derive(Debug)]
pub struct Pictures {
    by_technique: BTreeMap<TechniqueId, Picture>,
}

const FILE: &str = "positions.ron";

fn invalid(message: String) -> CatalogError {
    CatalogError::Invalid {
        file: FILE.to_owned(),
        message,
    }
}

static BUILTIN: OnceLock<Result<Pictures, CatalogError>> = OnceLock::new();

impl Pictures {
    /// The pictures embedded in the binary, read and checked on first use.
    pub fn builtin() -> Result<&'static Pictures, CatalogError> {
        BUILTIN
            .get_or_init(|| Pictures::parse(include_str!("../../../assets/positions.ron")))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads the file and checks every picture: a known posture, joints within human
    /// ranges on both figures, the tool touching the part it presses.
    pub fn parse(text: &str) -> Result<Pictures, CatalogError> {
        let (pictures, problems) = Pictures::read(text)?;
        match problems.into_iter().next() {
            Some(first) => Err(invalid(first)),
            None => Ok(pictures),
        }
    }

    /// Every picture that could be read, and every problem of every picture, for whoever
    /// draws them (the gallery shows them all, problems or not).
    pub fn read(text: &str) -> Result<(Pictures, Vec<String>), CatalogError> {
        let file: PositionsFile = parse_ron(FILE, text)?;
        let mut by_technique = BTreeMap::new();
        let mut problems = Vec::new();
        for spec in file.pictures {
            let Some(base) = file.postures.get(&spec.posture) else {
                problems.push(format!(
                    "the picture of \"{}\" names an unknown posture \"{}\"",
                    spec.technique, spec.posture
                ));
                continue;
            };
            let posture = Posture {
                pelvis: spec.pelvis.unwrap_or(base.pelvis),
                trunk: spec.trunk.unwrap_or(base.trunk),
                head: spec.head.unwrap_or(base.head),
                near_arm: spec.near_arm.unwrap_or(base.near_arm),
                far_arm: spec.far_arm.unwrap_or(base.far_arm),
                near_leg: spec.near_leg.unwrap_or(base.near_leg),
                far_leg: spec.far_leg.unwrap_or(base.far_leg),
            };
            let picture = Picture { spec, posture };
            for figure in Figure::ALL {
                let posed = picture.posed(figure);
                let name = figure.label().to_lowercase();
                if let Some(problem) = joint_problem(&posed, picture.spec.camera) {
                    problems.push(format!(
                        "the picture of \"{}\" ({name} figure) bends {problem}",
                        picture.spec.technique
                    ));
                }
                if let Some(problem) = draw::contact_problem(&picture, &posed) {
                    problems.push(format!(
                        "the picture of \"{}\" ({name} figure): {problem}",
                        picture.spec.technique
                    ));
                }
            }
            let id = picture.spec.technique.clone();
            if by_technique.insert(id.clone(), picture).is_some() {
                problems.push(format!("\"{id}\" has two pictures"));
            }
        }
        Ok((Pictures { by_technique }, problems))
    }

    pub fn get(&self, technique: &TechniqueId) -> Option<&Picture> {
        self.by_technique.get(technique)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&TechniqueId, &Picture)> {
        self.by_technique.iter()
    }
}
