//! The routine builder: from when, how many minutes, which places and which tools, a sensible
//! routine from the catalog. Larger muscles come first and the breathing work last, both
//! sides are worked, doses fill the time, no-roll zones are never used and no step keeps a
//! ball under the body for long. The same inputs always give the same routine.

use std::collections::BTreeSet;

use crate::catalog::{Catalog, Dose, Region, RegionId, Technique, ToolId};
use crate::routine::{Routine, Step, When};

/// The places worked when no focus is given, by when the routine is done.
fn usual(catalog: &Catalog, when: When) -> &[RegionId] {
    let usual = &catalog.build_rules.usual;
    match when {
        When::BeforeRun => &usual.before_run,
        When::AfterRun => &usual.after_run,
        When::RestDay => &usual.rest_day,
        When::AnyTime => &usual.any_time,
    }
}

/// What the runner asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub when: When,
    pub minutes: u32,
    /// Places to focus on; empty for the usual ones for `when`.
    pub focus: Vec<RegionId>,
    /// Tools owned; `None` for any tool.
    pub owned: Option<BTreeSet<ToolId>>,
}

/// A built routine and the places left out, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub routine: Routine,
    pub left_out: Vec<(RegionId, String)>,
}

/// One place with its technique, tool and dose limits, before timing.
struct Plan<'a> {
    catalog: &'a Catalog,
    region: &'a Region,
    technique: &'a Technique,
    tool: ToolId,
    focus: bool,
}

impl Plan<'_> {
    fn rounds(&self) -> u32 {
        if self.region.sided { 2 } else { 1 }
    }

    /// Seconds per side at a scale factor, within safe limits.
    fn seconds(&self, when: When, factor: f64) -> u32 {
        let base = f64::from(self.technique.dose.approx_seconds());
        let mut cap: f64 = 180.0;
        if self.catalog.ball_under_weight(&self.region.id, &self.tool) {
            cap = f64::from(self.catalog.build_rules.ball_under_weight.most_seconds);
        }
        if when == When::BeforeRun {
            cap = cap.min(60.0);
        }
        // Never so long that the routine's own check would call it too long.
        cap = cap
            .min(base * f64::from(crate::routine::TOO_LONG))
            .max(20.0_f64.min(cap));
        let raw = (base * factor).clamp(20.0_f64.min(cap), cap);
        ((raw / 5.0).round() * 5.0) as u32
    }

    fn dose(&self, when: When, factor: f64) -> Dose {
        let seconds = self.seconds(when, factor);
        match self.technique.dose {
            Dose::Passes(_) => Dose::Passes((seconds / crate::catalog::SECONDS_PER_PASS).max(3)),
            Dose::Seconds(_) => Dose::Seconds(seconds),
        }
    }

    fn total(&self, when: When, factor: f64) -> u32 {
        self.dose(when, factor).approx_seconds() * self.rounds()
    }
}

fn plan<'a>(
    catalog: &'a Catalog,
    id: &RegionId,
    owned: Option<&BTreeSet<ToolId>>,
    focus: bool,
) -> Result<Plan<'a>, String> {
    let region = catalog
        .region(id)
        .ok_or_else(|| "not a place on the map".to_owned())?;
    if region.is_no_roll() {
        return Err("a place never to roll".to_owned());
    }
    let usable = |t: &&Technique| owned.is_none_or(|o| t.tools.iter().any(|tool| o.contains(tool)));
    let technique = catalog
        .techniques_for_region(region)
        .find(usable)
        .ok_or_else(|| "no tool you own works here".to_owned())?;
    let tool = technique
        .tools
        .iter()
        .find(|t| owned.is_none_or(|o| o.contains(*t)))
        .cloned()
        .ok_or_else(|| "no tool you own works here".to_owned())?;
    Ok(Plan {
        catalog,
        region,
        technique,
        tool,
        focus,
    })
}

fn total(plans: &[Plan<'_>], when: When, factor: f64) -> u32 {
    plans.iter().map(|p| p.total(when, factor)).sum()
}

/// The scale factor whose total comes closest to `target` seconds.
fn best_factor(plans: &[Plan<'_>], when: When, target: u32) -> f64 {
    let (mut low, mut high) = (0.2_f64, 4.0_f64);
    for _ in 0..40 {
        let mid = (low + high) / 2.0;
        if total(plans, when, mid) < target {
            low = mid;
        } else {
            high = mid;
        }
    }
    [low, high]
        .into_iter()
        .min_by_key(|f| total(plans, when, *f).abs_diff(target))
        .unwrap_or(1.0)
}

/// Builds a routine.
pub fn build<'a>(catalog: &'a Catalog, request: &Request) -> Built {
    let when = request.when;
    let target = request.minutes.max(1) * 60;
    let owned = request.owned.as_ref();
    let mut left_out = Vec::new();
    let mut plans: Vec<Plan<'a>> = Vec::new();
    let consider = |id: &RegionId,
                    focus: bool,
                    plans: &mut Vec<Plan<'a>>,
                    left_out: &mut Vec<(RegionId, String)>| {
        if plans.iter().any(|p| &p.region.id == id) {
            return;
        }
        match plan(catalog, id, owned, focus) {
            Ok(p) => plans.push(p),
            Err(why) => {
                if focus {
                    left_out.push((id.clone(), why));
                }
            }
        }
    };
    for id in &request.focus {
        consider(id, true, &mut plans, &mut left_out);
    }
    if plans.is_empty() {
        for id in usual(catalog, when) {
            consider(id, false, &mut plans, &mut left_out);
        }
    }
    let order = &catalog.build_rules.order;
    let rank = |p: &Plan<'_>| {
        order
            .iter()
            .position(|o| *o == p.region.id)
            .unwrap_or(order.len())
    };
    // Too little to fill the time: add the usual places, then the rest, largest first.
    let mut next_extra = usual(catalog, when).iter().chain(order);
    while total(&plans, when, 4.0) < target * 9 / 10 {
        let Some(id) = next_extra.next() else {
            break;
        };
        consider(id, false, &mut plans, &mut left_out);
    }
    // Too much for the time: drop places that were not asked for, then the last asked for.
    while plans.len() > 1 && total(&plans, when, 0.2) > target * 11 / 10 {
        let drop = plans
            .iter()
            .enumerate()
            .rev()
            .find(|(_, p)| !p.focus)
            .map_or(plans.len() - 1, |(i, _)| i);
        let dropped = plans.remove(drop);
        if dropped.focus {
            left_out.push((dropped.region.id.clone(), "no time left for it".to_owned()));
        }
    }
    plans.sort_by_key(|p| rank(p));
    let factor = best_factor(&plans, when, target);
    let steps = plans
        .iter()
        .map(|p| Step {
            dose: p.dose(when, factor),
            ..Step::new(p.region, p.technique, p.tool.clone())
        })
        .collect();
    let names: Vec<&str> = plans.iter().map(|p| p.region.name.as_str()).collect();
    Built {
        routine: Routine {
            name: format!("{}, {} min", when.title(), request.minutes),
            when,
            notes: format!("Works: {}.", names.join(", ")),
            steps,
            ..Routine::default()
        },
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::StepSide;

    fn request(when: When, minutes: u32, focus: &[&str], owned: Option<&[&str]>) -> Request {
        Request {
            when,
            minutes,
            focus: focus.iter().map(|f| RegionId::from(*f)).collect(),
            owned: owned.map(|o| o.iter().map(|t| ToolId::from(*t)).collect()),
        }
    }

    #[test]
    fn routines_fit_the_time_and_respect_every_caution() {
        let catalog = Catalog::builtin().expect("catalog");
        let cases = [
            request(When::BeforeRun, 8, &[], None),
            request(When::AfterRun, 20, &[], None),
            request(When::RestDay, 35, &[], None),
            request(When::AnyTime, 12, &["hamstrings", "calf"], None),
            request(
                When::AfterRun,
                15,
                &["glute_max", "piriformis", "lower_spine"],
                Some(&["tennis_ball", "fingers", "floor"]),
            ),
            request(
                When::BeforeRun,
                5,
                &["it_band", "adductors", "chest"],
                Some(&["foam_roller", "floor", "wall", "tennis_ball"]),
            ),
            request(When::RestDay, 45, &["diaphragm"], Some(&["fingers"])),
        ];
        for r in &cases {
            let built = build(catalog, r);
            let again = build(catalog, r);
            assert_eq!(built, again, "the same inputs give the same routine");
            let total = built.routine.total_seconds();
            let target = r.minutes * 60;
            assert!(
                total.abs_diff(target) * 10 <= target,
                "{r:?}: {total} s for {target} s"
            );
            for step in &built.routine.steps {
                let region = catalog.region(&step.region).expect("known region");
                assert!(!region.is_no_roll(), "{r:?} rolls on {}", region.id);
                if let Some(owned) = &r.owned {
                    assert!(owned.contains(&step.tool), "{r:?} uses {}", step.tool);
                }
                if catalog.ball_under_weight(&step.region, &step.tool) {
                    assert!(
                        step.dose.approx_seconds() <= 30,
                        "too long on a ball: {step:?}"
                    );
                }
                assert_eq!(step.side == StepSide::Both, region.sided);
            }
            assert!(built.routine.warnings(catalog, None).is_empty());
        }
    }

    #[test]
    fn larger_muscles_first_and_breathing_last() {
        let catalog = Catalog::builtin().expect("catalog");
        let built = build(
            catalog,
            &request(
                When::RestDay,
                30,
                &["diaphragm", "calf", "glute_max", "chest"],
                None,
            ),
        );
        let order: Vec<&str> = built
            .routine
            .steps
            .iter()
            .map(|s| s.region.as_str())
            .collect();
        let pos = |id: &str| order.iter().position(|o| *o == id).expect("present");
        assert!(pos("glute_max") < pos("calf"));
        assert!(pos("calf") < pos("chest"));
        assert!(pos("chest") < pos("diaphragm"));
        let no_roll = build(catalog, &request(When::AnyTime, 10, &["lower_spine"], None));
        assert!(
            no_roll
                .left_out
                .iter()
                .any(|(id, _)| id.as_str() == "lower_spine")
        );
    }
}
