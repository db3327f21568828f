//! The rules the catalog's data sets for work on the body: which cautions speak to a piece of
//! work, and how long a step may press. The routine's checks, the builder, "Adapt the routine
//! to my tools", the region panel and the sheet all ask here, so they cannot disagree.

use super::{Applies, Catalog, Caution, Dose, MuscleId, RegionId, Technique, TechniqueId, ToolId};

/// How many times a technique's suggested dose a step may take before it presses too long.
pub const TOO_LONG: u32 = 3;

/// A piece of work a caution may speak to: the places, muscles, techniques and tools of a
/// subject on the map or of a routine.
#[derive(Clone, Debug, Default)]
pub struct Work<'a> {
    pub regions: Vec<&'a RegionId>,
    pub muscles: Vec<&'a MuscleId>,
    pub techniques: Vec<&'a TechniqueId>,
    pub tools: Vec<&'a ToolId>,
    /// Which tool goes on which place, where that is known (a routine's steps); when empty,
    /// any of the tools may go on any of the places (a subject on the map).
    pub pairs: Vec<(&'a RegionId, &'a ToolId)>,
}

/// Why a step may press only so long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    /// A ball carries the body's weight there: the builder's `ball_under_weight` limit.
    BallUnderWeight,
    /// Many times what the technique suggests: long pressure bruises rather than releases.
    FarPastSuggested { suggested: u32 },
}

/// The longest a step may press, per side, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DoseLimit {
    pub seconds: u32,
    pub cap: Cap,
}

impl Catalog {
    /// Whether a caution speaks to this work: through its lists, or through its rule.
    pub fn caution_applies(&self, caution: &Caution, work: &Work<'_>) -> bool {
        if caution.listed_for(&work.regions, &work.muscles, &work.techniques, &work.tools) {
            return true;
        }
        match caution.applies {
            Applies::Listed => false,
            Applies::Everywhere => work
                .regions
                .iter()
                .any(|id| self.region(id).is_some_and(|r| !r.is_no_roll())),
            Applies::BallUnderWeight => {
                if work.pairs.is_empty() {
                    work.regions.iter().any(|region| {
                        work.tools
                            .iter()
                            .any(|tool| self.ball_under_weight(region, tool))
                    })
                } else {
                    work.pairs
                        .iter()
                        .any(|(region, tool)| self.ball_under_weight(region, tool))
                }
            }
        }
    }

    /// The cautions that speak to this work, the weightiest first.
    pub fn cautions_for(&self, work: &Work<'_>) -> Vec<&Caution> {
        let mut list: Vec<&Caution> = self
            .cautions
            .iter()
            .filter(|c| self.caution_applies(c, work))
            .collect();
        list.sort_by_key(|c| std::cmp::Reverse(c.severity));
        list
    }

    /// The dose a technique suggests on a place with a tool: its dose under the body's
    /// weight where a ball carries it, else its usual dose.
    pub fn suggested_dose(&self, region: &RegionId, technique: &Technique, tool: &ToolId) -> Dose {
        match technique.dose_under_weight {
            Some(dose) if self.ball_under_weight(region, tool) => dose,
            _ => technique.dose,
        }
    }

    /// The longest a step of a technique with a tool on a place may press, per side: the
    /// tighter of the limit on a ball under the body's weight and a few times what the
    /// technique suggests there. `None` when neither applies (an unknown technique, no ball).
    pub fn dose_limit(
        &self,
        region: &RegionId,
        technique: &TechniqueId,
        tool: &ToolId,
    ) -> Option<DoseLimit> {
        let ball = self.ball_under_weight(region, tool).then_some(DoseLimit {
            seconds: self.build_rules.ball_under_weight.most_seconds,
            cap: Cap::BallUnderWeight,
        });
        let suggested = self
            .technique(technique)
            .map(|t| self.suggested_dose(region, t, tool).approx_seconds())
            .filter(|&s| s > 0)
            .map(|suggested| DoseLimit {
                seconds: suggested.saturating_mul(TOO_LONG),
                cap: Cap::FarPastSuggested { suggested },
            });
        match (ball, suggested) {
            (Some(b), Some(s)) if s.seconds < b.seconds => Some(s),
            (Some(b), _) => Some(b),
            (None, s) => s,
        }
    }
}
