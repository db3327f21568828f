//! Fitting a routine to the tools a runner owns: each step's tool is swapped for an owned one
//! that does the same job, and steps with no such tool are flagged.

use std::collections::BTreeSet;

use super::Routine;
use crate::catalog::{Catalog, Technique, ToolId};

/// What adapting a routine would change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adaptation {
    /// Steps whose tool changes, with the owned tool to use.
    pub changes: Vec<(usize, ToolId)>,
    /// Steps for which no owned tool fits.
    pub unmatched: Vec<usize>,
}

/// The best owned tool for a technique when its usual tool is missing: one of the technique's
/// own tools in its order of preference, then the stand-ins of the wanted tool.
pub fn owned_alternative(
    catalog: &Catalog,
    technique: Option<&Technique>,
    wanted: &ToolId,
    owned: &BTreeSet<ToolId>,
) -> Option<ToolId> {
    if owned.contains(wanted) {
        return Some(wanted.clone());
    }
    let from_technique = technique
        .into_iter()
        .flat_map(|t| t.tools.iter())
        .find(|t| owned.contains(*t));
    let from_stand_ins = catalog
        .tool(wanted)
        .into_iter()
        .flat_map(|t| t.stand_ins.iter())
        .find(|t| owned.contains(*t));
    from_technique.or(from_stand_ins).cloned()
}

/// Works out how to fit `routine` to `owned` tools.
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
            Some(tool) => result.changes.push((i, tool)),
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
        for (i, tool) in &a.changes {
            assert!(owned.contains(tool));
            assert!(!owned.contains(&routine.steps[*i].tool));
        }
        for (i, step) in routine.steps.iter().enumerate() {
            let handled = owned.contains(&step.tool)
                || a.changes.iter().any(|(j, _)| *j == i)
                || a.unmatched.contains(&i);
            assert!(handled, "step {i} is neither kept, changed nor flagged");
        }
        // Owning everything changes nothing.
        let all: BTreeSet<ToolId> = catalog.tools.iter().map(|t| t.id.clone()).collect();
        assert_eq!(adapt(&routine, catalog, &all), Adaptation::default());
    }
}
