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

/// Why the builder left a place out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LeftOut {
    #[error("not a place on the map")]
    NotOnTheMap,
    #[error("a place never to roll")]
    NeverRolled,
    #[error("no tool you own works here")]
    NoToolOwned,
    #[error("no time left for it")]
    NoTimeLeft,
}

/// A built routine, the places left out (with why) and the places kept short because a ball
/// carries the body's weight there.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub routine: Routine,
    pub left_out: Vec<(RegionId, LeftOut)>,
    pub kept_short: Vec<RegionId>,
}

/// "On a ball under the glutes, each side stays within 30 s: Glute max, Piriformis.", for the
/// places named; `None` when there are none.
pub fn kept_short_note(catalog: &Catalog, places: &[&RegionId]) -> Option<String> {
    if places.is_empty() {
        return None;
    }
    let rule = &catalog.build_rules.ball_under_weight;
    let names: Vec<&str> = places
        .iter()
        .map(|id| catalog.region(id).map_or(id.as_str(), |r| r.name.as_str()))
        .collect();
    Some(format!(
        "On a ball {}, each side stays within {}: {}.",
        rule.words,
        crate::words::duration(rule.most_seconds),
        names.join(", ")
    ))
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

    /// The dose the technique suggests on this place with this tool.
    fn suggested(&self) -> Dose {
        self.catalog
            .suggested_dose(&self.region.id, self.technique, &self.tool)
    }

    /// The longest a side may take: what the routine's own check allows there, and a minute
    /// before a run.
    fn cap(&self, when: When) -> u32 {
        let mut cap = 180;
        if let Some(limit) =
            self.catalog
                .dose_limit(&self.region.id, &self.technique.id, &self.tool)
        {
            cap = limit.seconds.min(cap);
        }
        if when == When::BeforeRun {
            cap = cap.min(60);
        }
        cap
    }

    /// Whether a ball carries the body's weight here, so the step is kept short.
    fn kept_short(&self) -> bool {
        self.catalog.ball_under_weight(&self.region.id, &self.tool)
    }

    /// Seconds per side at a scale factor, within safe limits.
    fn seconds(&self, when: When, factor: f64) -> u32 {
        let base = f64::from(self.suggested().approx_seconds());
        let cap = self.cap(when);
        let cap_f = f64::from(cap);
        let raw = (base * factor).clamp(20.0_f64.min(cap_f), cap_f);
        (((raw / 5.0).round() * 5.0) as u32).min(cap)
    }

    fn dose(&self, when: When, factor: f64) -> Dose {
        let seconds = self.seconds(when, factor);
        match self.suggested() {
            Dose::Passes(_) => Dose::Passes(
                (seconds / crate::catalog::SECONDS_PER_PASS)
                    .max(3)
                    .min((self.cap(when) / crate::catalog::SECONDS_PER_PASS).max(1)),
            ),
            Dose::Seconds(_) => Dose::Seconds(seconds),
        }
    }

    fn total(&self, when: When, factor: f64) -> u32 {
        self.dose(when, factor).approx_seconds() * self.rounds()
    }
}

/// The work the builder chooses for a place: a tool the runner owns beats bare hands, a wall
/// or the floor, which are always at hand. Of the place's techniques (in the catalog's order)
/// the first that can use a tool of the runner's kit, with the first such tool it lists; only
/// where none can, or where the hands work best (`hands_first` in builder.ron), the first
/// technique the hands, a wall or the floor can do.
fn best_work<'a>(
    catalog: &'a Catalog,
    region: &'a crate::catalog::Region,
    owned: Option<&BTreeSet<ToolId>>,
) -> Option<(&'a Technique, ToolId)> {
    let owns = |tool: &ToolId| owned.is_none_or(|o| o.contains(tool));
    let kit = |tool: &ToolId| owns(tool) && catalog.tool(tool).is_some_and(|t| !t.always);
    let first = |t: &'a Technique, want: &dyn Fn(&ToolId) -> bool| {
        t.tools
            .iter()
            .find(|tool| want(tool))
            .map(|tool| (t, tool.clone()))
    };
    let hands_first = catalog.build_rules.hands_first.contains(&region.id);
    let always = |tool: &ToolId| owns(tool) && catalog.tool(tool).is_some_and(|t| t.always);
    let preferred: &dyn Fn(&ToolId) -> bool = if hands_first { &always } else { &kit };
    catalog
        .techniques_for_region(region)
        .find_map(|t| first(t, preferred))
        .or_else(|| {
            catalog
                .techniques_for_region(region)
                .find_map(|t| first(t, &owns))
        })
}

fn plan<'a>(
    catalog: &'a Catalog,
    id: &RegionId,
    owned: Option<&BTreeSet<ToolId>>,
    focus: bool,
) -> Result<Plan<'a>, LeftOut> {
    let region = catalog.region(id).ok_or(LeftOut::NotOnTheMap)?;
    if region.is_no_roll() {
        return Err(LeftOut::NeverRolled);
    }
    let (technique, tool) = best_work(catalog, region, owned).ok_or(LeftOut::NoToolOwned)?;
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
                    left_out: &mut Vec<(RegionId, LeftOut)>| {
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
            left_out.push((dropped.region.id.clone(), LeftOut::NoTimeLeft));
        }
    }
    plans.sort_by_key(|p| rank(p));
    let factor = best_factor(&plans, when, target);
    let steps = plans
        .iter()
        .map(|p| Step {
            dose: p.dose(when, factor),
            ..Step::new(catalog, p.region, p.technique, p.tool.clone())
        })
        .collect();
    let names: Vec<&str> = plans.iter().map(|p| p.region.name.as_str()).collect();
    let kept_short: Vec<RegionId> = plans
        .iter()
        .filter(|p| p.kept_short())
        .map(|p| p.region.id.clone())
        .collect();
    let mut notes = format!("Works: {}.", names.join(", "));
    if let Some(note) = kept_short_note(catalog, &kept_short.iter().collect::<Vec<_>>()) {
        notes = format!("{notes} {note}");
    }
    Built {
        routine: Routine {
            name: format!("{}, {} min", when.title(), request.minutes),
            when,
            notes,
            steps,
            ..Routine::default()
        },
        left_out,
        kept_short,
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

    /// A foam roller owned is used on the calves and the hamstrings, not bare hands; with no
    /// kit at all the hands still do the work.
    #[test]
    fn a_tool_owned_beats_bare_hands() {
        let catalog = Catalog::builtin().expect("catalog");
        let kit = request(
            When::AfterRun,
            12,
            &["calf", "hamstrings"],
            Some(&["foam_roller", "fingers", "wall", "floor"]),
        );
        let built = build(catalog, &kit);
        for place in ["calf", "hamstrings"] {
            let step = built
                .routine
                .steps
                .iter()
                .find(|s| s.region.as_str() == place)
                .unwrap_or_else(|| panic!("{place} is in the routine"));
            assert_eq!(step.tool.as_str(), "foam_roller", "{place}: {step:?}");
        }
        let bare = request(
            When::AfterRun,
            12,
            &["calf"],
            Some(&["fingers", "wall", "floor"]),
        );
        let built = build(catalog, &bare);
        let calf = built
            .routine
            .steps
            .iter()
            .find(|s| s.region.as_str() == "calf")
            .expect("the calf is in the routine");
        assert!(
            catalog.tool(&calf.tool).is_some_and(|t| t.always),
            "{calf:?}"
        );
        // The Achilles tendon is worked by hand, whatever is owned.
        let all = request(When::RestDay, 30, &["achilles"], None);
        let built = build(catalog, &all);
        let achilles = built
            .routine
            .steps
            .iter()
            .find(|s| s.region.as_str() == "achilles")
            .expect("the Achilles is in the routine");
        assert_eq!(achilles.tool.as_str(), "fingers", "{achilles:?}");
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

    /// Every example routine passes its own check without a word.
    #[test]
    fn the_templates_pass_the_check() {
        let catalog = Catalog::builtin().expect("catalog");
        for (file, text) in crate::routine::TEMPLATES {
            let routine = Routine::from_ron(file, text).expect("template").routine;
            let warnings = routine.warnings(catalog, Some(text));
            assert!(warnings.is_empty(), "{file}: {warnings:?}");
        }
    }

    fn all_regions() -> Vec<RegionId> {
        let catalog = Catalog::builtin().expect("catalog");
        catalog.regions.iter().map(|r| r.id.clone()).collect()
    }

    fn all_tools() -> Vec<ToolId> {
        let catalog = Catalog::builtin().expect("catalog");
        catalog.tools.iter().map(|t| t.id.clone()).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

        /// Whatever the runner asks for, the built routine passes its own check, and says
        /// where a ball under the body is kept short.
        #[test]
        fn any_request_builds_a_routine_that_passes_the_check(
            when in proptest::sample::select(vec![
                When::BeforeRun,
                When::AfterRun,
                When::RestDay,
                When::AnyTime,
            ]),
            minutes in 1_u32..=90,
            focus in proptest::sample::subsequence(all_regions(), 0..=8),
            owned in proptest::option::of(
                proptest::sample::subsequence(all_tools(), 0..=all_tools().len())
            ),
            later in proptest::sample::subsequence(all_tools(), 0..=all_tools().len()),
        ) {
            let catalog = Catalog::builtin().expect("catalog");
            let request = Request {
                when,
                minutes,
                focus,
                owned: owned.map(|o| o.into_iter().collect()),
            };
            let built = build(catalog, &request);
            let warnings = built.routine.warnings(catalog, None);
            proptest::prop_assert!(warnings.is_empty(), "{request:?}: {warnings:?}");
            for step in &built.routine.steps {
                let short = catalog.ball_under_weight(&step.region, &step.tool);
                proptest::prop_assert_eq!(short, built.kept_short.contains(&step.region));
            }
            proptest::prop_assert_eq!(
                built.kept_short.is_empty(),
                !built.routine.notes.contains(&catalog.build_rules.ball_under_weight.words)
            );
            // Fitted later to other tools, it still passes.
            let later: BTreeSet<ToolId> = later.into_iter().collect();
            let mut adapted = built.routine;
            let plan = crate::routine::adapt::adapt(&adapted, catalog, &later);
            crate::routine::Edit::SetTools(plan.changes).apply(&mut adapted);
            let warnings = adapted.warnings(catalog, None);
            proptest::prop_assert!(warnings.is_empty(), "{request:?}, then {later:?}: {warnings:?}");
        }
    }
}
