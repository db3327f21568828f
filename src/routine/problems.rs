//! What is wrong with a routine, errors before warnings: places never to roll, doses of
//! zero, ids the catalog does not know, techniques and tools that do not fit.

use super::read::{find_quoted, line_col_at};
use super::{Problem, Routine, Severity, Step, StepSide};
use crate::catalog::Catalog;

impl Routine {
    /// Problems a runner should know about, errors first. Errors: a step on a place never to
    /// roll, a dose of zero. Warnings (the file still opens and keeps them): ids the catalog
    /// does not know, a side the place does not have, a technique or tool that does not fit,
    /// a long time on a ball under the glutes.
    pub fn warnings(&self, catalog: &Catalog, text: Option<&str>) -> Vec<Problem> {
        let mut out = Vec::new();
        // Each step is looked for after the one before, so a mistake repeated in several
        // steps is reported on each step's own line.
        let mut cursor = 0;
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            out.push(Problem {
                line: 0,
                column: 0,
                severity: Severity::Warning,
                message: "the routine has no name".to_owned(),
            });
        }
        for (n, step) in self.steps.iter().enumerate() {
            let number = n + 1;
            let from = text
                .and_then(|t| find_quoted(t, cursor, step.region.as_str()))
                .unwrap_or(cursor);
            cursor = from + 1;
            let position = |id: &str| {
                text.and_then(|t| find_quoted(t, from, id).or_else(|| find_quoted(t, 0, id)))
                    .map(|at| line_col_at(text.unwrap_or_default(), at))
            };
            let mut error = |id: &str, message: String| {
                let (line, column) = position(id).unwrap_or((0, 0));
                errors.push(Problem {
                    line,
                    column,
                    severity: Severity::Error,
                    message,
                });
            };
            if catalog
                .region(&step.region)
                .is_some_and(crate::catalog::Region::is_no_roll)
            {
                error(
                    step.region.as_str(),
                    format!(
                        "step {number}: \"{}\" is a place never to roll",
                        step.region
                    ),
                );
            }
            if step.dose.approx_seconds() == 0 {
                error(
                    step.region.as_str(),
                    format!("step {number}: the dose is zero"),
                );
            }
            let mut warn = |id: &str, message: String| {
                let (line, column) = position(id).unwrap_or((0, 0));
                out.push(Problem {
                    line,
                    column,
                    severity: Severity::Warning,
                    message,
                });
            };
            match catalog.region(&step.region) {
                None => warn(
                    step.region.as_str(),
                    format!("step {number}: unknown region \"{}\"", step.region),
                ),
                Some(region) => {
                    if let Some(message) = side_mismatch(number, step, region) {
                        warn(step.region.as_str(), message);
                    }
                    if let Some(technique) = catalog.technique(&step.technique)
                        && !technique.muscles.iter().any(|m| region.muscles.contains(m))
                        && !region.is_no_roll()
                    {
                        warn(
                            step.technique.as_str(),
                            format!(
                                "step {number}: \"{}\" does not work the muscles of \"{}\"",
                                step.technique, step.region
                            ),
                        );
                    }
                    if let Some(message) = long_on_a_ball(number, step) {
                        warn(step.region.as_str(), message);
                    }
                }
            }
            if let Some(technique) = catalog.technique(&step.technique)
                && catalog.tool(&step.tool).is_some()
                && !technique.tools.contains(&step.tool)
            {
                warn(
                    step.tool.as_str(),
                    format!(
                        "step {number}: \"{}\" is not a tool for \"{}\"",
                        step.tool, step.technique
                    ),
                );
            }
            if catalog.technique(&step.technique).is_none() {
                warn(
                    step.technique.as_str(),
                    format!("step {number}: unknown technique \"{}\"", step.technique),
                );
            }
            if catalog.tool(&step.tool).is_none() {
                warn(
                    step.tool.as_str(),
                    format!("step {number}: unknown tool \"{}\"", step.tool),
                );
            }
        }
        errors.append(&mut out);
        errors
    }
}

/// A warning when the step's side does not fit the place: a side for a midline place, or
/// the middle of a place that has two sides.
fn side_mismatch(number: usize, step: &Step, region: &crate::catalog::Region) -> Option<String> {
    let fits = match step.side {
        StepSide::Middle => !region.sided,
        _ => region.sided,
    };
    (!fits).then(|| {
        if region.sided {
            format!(
                "step {number}: \"{}\" has a left and a right; the side should be Left, Right \
                 or Both",
                step.region
            )
        } else {
            format!(
                "step {number}: \"{}\" is one place in the middle of the body; the side should \
                 be Middle",
                step.region
            )
        }
    })
}

/// A warning when a step keeps a ball under the glutes for long.
fn long_on_a_ball(number: usize, step: &Step) -> Option<String> {
    let ball = crate::builder::BALLS.contains(&step.tool.as_str());
    let long = step.dose.approx_seconds() > 30;
    (ball && long && crate::builder::BALL_PLACES.contains(&step.region.as_str())).then(|| {
        format!(
            "step {number}: {} s on a ball under the glutes is long; keep it to 30 s and move \
             every five seconds",
            step.dose.approx_seconds()
        )
    })
}
