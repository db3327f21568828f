//! Which side of the body a step works: a word shared by the routines and the catalog's
//! ready routines for complaints.

use serde::{Deserialize, Serialize};

use super::Side;

/// Which side a step works. `Both` means the left side, then the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StepSide {
    Left,
    Right,
    Both,
    /// A midline region such as the diaphragm.
    Middle,
}

impl StepSide {
    pub fn title(self) -> &'static str {
        match self {
            StepSide::Left => "Left",
            StepSide::Right => "Right",
            StepSide::Both => "Both sides",
            StepSide::Middle => "Middle",
        }
    }

    /// How many times the dose is done: twice for both sides.
    pub fn rounds(self) -> u32 {
        if self == StepSide::Both { 2 } else { 1 }
    }

    /// The sides of the places a step works: both for a step on both sides, none for the
    /// middle.
    pub fn sides(self) -> &'static [Option<Side>] {
        match self {
            StepSide::Left => &[Some(Side::Left)],
            StepSide::Right => &[Some(Side::Right)],
            StepSide::Both => &[Some(Side::Left), Some(Side::Right)],
            StepSide::Middle => &[None],
        }
    }

    /// The one side a step names, if it names one.
    pub fn side(self) -> Option<Side> {
        match self {
            StepSide::Left => Some(Side::Left),
            StepSide::Right => Some(Side::Right),
            StepSide::Both | StepSide::Middle => None,
        }
    }
}

impl From<Option<Side>> for StepSide {
    /// A place's side as a step's: a midline place is worked in the middle.
    fn from(side: Option<Side>) -> Self {
        match side {
            Some(Side::Left) => StepSide::Left,
            Some(Side::Right) => StepSide::Right,
            None => StepSide::Middle,
        }
    }
}
