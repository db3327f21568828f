//! Complaints: what a runner feels ("my heel hurts in the morning", "shin splints") as a way
//! into the map. Each says what it usually is, when to see a clinician instead, what rolling
//! can and cannot do for it, where to work and where to leave alone, and a ready routine.

use serde::{Deserialize, Serialize};

use super::{ComplaintId, Dose, RegionId, StepSide, TechniqueId, ToolId};

/// A complaint as written in `complaints.ron`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    pub id: ComplaintId,
    pub name: String,
    /// The words runners use for it ("sore knee", "sciatica", "after a marathon").
    pub aliases: Vec<String>,
    /// What it usually is, in plain words.
    pub usually: String,
    /// The signs that call for a clinician rather than a roller.
    pub see_a_clinician: Vec<String>,
    /// What rolling can do for it.
    pub rolling_can: String,
    /// What rolling cannot do for it.
    pub rolling_cannot: String,
    /// The places to work, lit on the map.
    pub work: Vec<RegionId>,
    /// The places to leave alone.
    pub leave: Vec<RegionId>,
    /// A ready routine: every step on a place to work, and one the routine's checks pass.
    pub routine: Vec<ComplaintStep>,
    /// What else helps, in one line.
    pub also_helps: String,
}

/// One step of a complaint's ready routine, as a routine file writes a step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintStep {
    pub region: RegionId,
    pub side: StepSide,
    pub technique: TechniqueId,
    pub tool: ToolId,
    pub dose: Dose,
    #[serde(default)]
    pub note: Option<String>,
}
