//! Fitting a routine to the tools a runner owns: each step's tool is swapped for an owned one
//! that does the same job, and steps with no such tool are flagged.

use std::collections::BTreeSet;

use super::Routine;
use crate::catalog::{Catalog, Dose, Technique, ToolId};

/// One step's new tool, and its new dose where the old one is too long for the new tool
/// there (a ball under the body's weight).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolSwap {
    pub step: usize,
    pub tool: ToolId,
    /// The dose cut to what the new tool allows on the step's place; `None` keeps it.
    pub dose: Option<Dose>,
}

/// What adapting a routine would change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adaptation {
    /// Steps whose tool changes, with the owned tool to use.
    pub changes: Vec<ToolSwap>,
    /// Steps for which no owned tool fits.
    pub unmatched: Vec<usize>,
}

/// The best owned tool for a technique when its usual tool is missing: one of the technique's
/// own tools in its order of preference. Only for a technique the catalog does not know, the
/// stand-ins of the wanted tool: a known technique is done with its own tools, so that no
/// stand-in lands where the technique never puts one (a golf ball on the neck).
pub fn owned_alternative(
    catalog: &Catalog,
    technique: Option<&Technique>,
    wanted: &ToolId,
    owned: &BTreeSet<ToolId>,
) -> Option<ToolId> {
    if owned.contains(wanted) {
        return Some(wanted.clone());
    }
    match technique {
        Some(t) => t.tools.iter().find(|t| owned.contains(*t)).cloned(),
        None => catalog
            .tool(wanted)
            .into_iter()
            .flat_map(|t| t.stand_ins.iter())
            .find(|t| owned.contains(*t))
            .cloned(),
    }
}

/// Works out how to fit `routine` to `owned` tools. A step whose new tool must stay short
/// there (a ball under the body's weight) gets a dose within the limit.
pub fn adapt(routine: &Routine, catalog: &Catalog, owned: &BTreeSet<ToolId>) -> Adaptation {
    let mut result = Adaptation::default();
    for (i, step) in routine.steps.iter().enumerate() {
        if owned.contains(&step.tool) {
            continue;
        }
        match owned_alternative(
            catalog,
            catalog.technique(&step.technique),
            &step.tool,
            owned,
        ) {
            Some(tool) => {
                let dose = catalog
                    .dose_limit(&step.region, &step.technique, &tool)
                    .filter(|limit| step.dose.approx_seconds() > limit.seconds)
                    .map(|limit| step.dose.capped(limit.seconds));
                result.changes.push(ToolSwap {
                    step: i,
                    tool,
                    dose,
                });
            }
            None => result.unmatched.push(i),
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::TEMPLATES;

    #[test]
    fn a_runner_with_only_a_tennis_ball_and_hands() {
        let catalog = Catalog::builtin().expect("catalog");
        let routine = Routine::from_ron("t", TEMPLATES[1].1)
            .expect("template")
            .routine;
        let owned: BTreeSet<ToolId> = ["tennis_ball", "fingers"].map(ToolId::from).into();
        let a = adapt(&routine, catalog, &owned);
        for swap in &a.changes {
            assert!(owned.contains(&swap.tool));
            assert!(!owned.contains(&routine.steps[swap.step].tool));
        }
        for (i, step) in routine.steps.iter().enumerate() {
            let handled = owned.contains(&step.tool)
                || a.changes.iter().any(|swap| swap.step == i)
                || a.unmatched.contains(&i);
            assert!(handled, "step {i} is neither kept, changed nor flagged");
        }
        // Owning everything changes nothing.
        let all: BTreeSet<ToolId> = catalog.tools.iter().map(|t| t.id.clone()).collect();
        assert_eq!(adapt(&routine, catalog, &all), Adaptation::default());
    }

    /// Applies an adaptation the way the window does: one edit.
    fn adapted(routine: &Routine, catalog: &Catalog, owned: &BTreeSet<ToolId>) -> Routine {
        let mut routine = routine.clone();
        let plan = adapt(&routine, catalog, owned);
        crate::routine::Edit::SetTools(plan.changes).apply(&mut routine);
        routine
    }

    #[test]
    fn a_ball_for_a_roller_below_the_sit_bone_is_kept_short() {
        let catalog = Catalog::builtin().expect("catalog");
        let routine = Routine {
            steps: vec![crate::routine::Step {
                region: "sit_bone".into(),
                side: crate::routine::StepSide::Both,
                technique: "hamstring_roll".into(),
                tool: "small_roller".into(),
                dose: Dose::Seconds(55),
                note: None,
            }],
            ..Routine::default()
        };
        assert!(
            routine.warnings(catalog, None).is_empty(),
            "a roller may stay"
        );
        let owned: BTreeSet<ToolId> = ["tennis_ball"].map(ToolId::from).into();
        let plan = adapt(&routine, catalog, &owned);
        assert_eq!(
            plan.changes,
            vec![ToolSwap {
                step: 0,
                tool: "tennis_ball".into(),
                dose: Some(Dose::Seconds(30)),
            }]
        );
        let after = adapted(&routine, catalog, &owned);
        assert!(after.warnings(catalog, None).is_empty(), "{after:?}");
    }

    fn all_tools() -> Vec<ToolId> {
        Catalog::builtin()
            .expect("catalog")
            .tools
            .iter()
            .map(|t| t.id.clone())
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

        /// Any example routine fitted to any set of tools passes its own check.
        #[test]
        fn any_template_fitted_to_any_tools_passes_the_check(
            template in 0..TEMPLATES.len(),
            owned in proptest::sample::subsequence(all_tools(), 0..=all_tools().len()),
        ) {
            let catalog = Catalog::builtin().expect("catalog");
            let (file, text) = TEMPLATES[template];
            let routine = Routine::from_ron(file, text).expect("template").routine;
            let owned: BTreeSet<ToolId> = owned.into_iter().collect();
            let after = adapted(&routine, catalog, &owned);
            let warnings = after.warnings(catalog, None);
            proptest::prop_assert!(warnings.is_empty(), "{file} with {owned:?}: {warnings:?}");
        }
    }
}
