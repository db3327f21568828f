//! What is wrong with a routine, errors before warnings: places never to roll, doses of
//! zero, ids the catalog does not know, techniques and tools that do not fit, doses that
//! press too long.

use super::{Problem, Routine, Severity, Step, StepSide};
use crate::catalog::{Cap, Catalog, Region};
use crate::ron_file::{find_quoted, line_col_at};

/// Which of a step's ids a concern is about: where it points in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Region,
    Technique,
    Tool,
    Dose,
}

/// Something a runner should know about one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concern {
    pub severity: Severity,
    pub field: Field,
    /// Whether it is about an id the catalog does not know (the editor shows those in place).
    pub unknown: bool,
    pub message: String,
}

impl Concern {
    fn error(field: Field, message: String) -> Concern {
        Concern {
            severity: Severity::Error,
            field,
            unknown: false,
            message,
        }
    }

    fn warning(field: Field, message: String) -> Concern {
        Concern {
            severity: Severity::Warning,
            field,
            unknown: false,
            message,
        }
    }

    fn unknown(field: Field, message: String) -> Concern {
        Concern {
            unknown: true,
            ..Concern::warning(field, message)
        }
    }
}

impl Step {
    /// What is wrong with this step, errors first. Errors: a place never to roll, a dose of
    /// zero. Warnings: ids the catalog does not know, a side the place does not have, a
    /// technique or tool that does not fit, a dose that presses far too long.
    pub fn concerns(&self, catalog: &Catalog) -> Vec<Concern> {
        let mut out = Vec::new();
        let region = catalog.region(&self.region);
        let technique = catalog.technique(&self.technique);
        if region.is_some_and(Region::is_no_roll) {
            out.push(Concern::error(
                Field::Region,
                format!("\"{}\" is a place never to roll", self.region),
            ));
        }
        if self.dose.approx_seconds() == 0 {
            out.push(Concern::error(Field::Dose, "the dose is zero".to_owned()));
        }
        match region {
            None => out.push(Concern::unknown(
                Field::Region,
                format!("unknown region \"{}\"", self.region),
            )),
            Some(region) => {
                if let Some(message) = side_mismatch(self, region) {
                    out.push(Concern::warning(Field::Region, message));
                }
                if let Some(technique) = technique
                    && !technique.muscles.iter().any(|m| region.muscles.contains(m))
                    && !region.is_no_roll()
                {
                    out.push(Concern::warning(
                        Field::Technique,
                        format!(
                            "\"{}\" does not work the muscles of \"{}\"",
                            self.technique, self.region
                        ),
                    ));
                }
            }
        }
        if let Some(message) = too_long(catalog, self) {
            out.push(Concern::warning(Field::Dose, message));
        }
        match technique {
            None => out.push(Concern::unknown(
                Field::Technique,
                format!("unknown technique \"{}\"", self.technique),
            )),
            Some(technique)
                if catalog.tool(&self.tool).is_some() && !technique.tools.contains(&self.tool) =>
            {
                out.push(Concern::warning(
                    Field::Tool,
                    format!("\"{}\" is not a tool for \"{}\"", self.tool, self.technique),
                ));
            }
            Some(_) => {}
        }
        if catalog.tool(&self.tool).is_none() {
            out.push(Concern::unknown(
                Field::Tool,
                format!("unknown tool \"{}\"", self.tool),
            ));
        }
        out.sort_by_key(|c| c.severity == Severity::Warning);
        out
    }
}

impl Routine {
    /// Problems a runner should know about, errors first, each at the line and column of the
    /// step's id it is about when the file's text is given.
    pub fn warnings(&self, catalog: &Catalog, text: Option<&str>) -> Vec<Problem> {
        let mut warnings = Vec::new();
        if self.name.trim().is_empty() {
            warnings.push(Problem {
                line: 0,
                column: 0,
                severity: Severity::Warning,
                message: "the routine has no name".to_owned(),
                unknown: false,
            });
        }
        let mut errors = Vec::new();
        // Each step is looked for after the one before, so a mistake repeated in several
        // steps is reported on each step's own line.
        let mut cursor = 0;
        for (n, step) in self.steps.iter().enumerate() {
            let from = text
                .and_then(|t| find_quoted(t, cursor, step.region.as_str()))
                .unwrap_or(cursor);
            cursor = from + 1;
            for concern in step.concerns(catalog) {
                let at = text.and_then(|t| {
                    let id = match concern.field {
                        Field::Region => step.region.as_str(),
                        Field::Technique => step.technique.as_str(),
                        Field::Tool => step.tool.as_str(),
                        // The step's own `dose:` field.
                        Field::Dose => {
                            return t
                                .get(from..)
                                .and_then(|rest| rest.find("dose"))
                                .map(|i| line_col_at(t, from + i));
                        }
                    };
                    find_quoted(t, from, id)
                        .or_else(|| find_quoted(t, 0, id))
                        .map(|at| line_col_at(t, at))
                });
                let (line, column) = at.unwrap_or((0, 0));
                let problem = Problem {
                    line,
                    column,
                    severity: concern.severity,
                    message: format!("step {}: {}", n + 1, concern.message),
                    unknown: concern.unknown,
                };
                match concern.severity {
                    Severity::Error => errors.push(problem),
                    Severity::Warning => warnings.push(problem),
                }
            }
        }
        errors.append(&mut warnings);
        errors
    }
}

/// A warning when the step's side does not fit the place: a side for a midline place, or
/// the middle of a place that has two sides.
fn side_mismatch(step: &Step, region: &Region) -> Option<String> {
    let fits = match step.side {
        StepSide::Middle => !region.sided,
        _ => region.sided,
    };
    (!fits).then(|| {
        if region.sided {
            format!(
                "\"{}\" has a left and a right; the side should be Left, Right or Both",
                step.region
            )
        } else {
            format!(
                "\"{}\" is one place in the middle of the body; the side should be Middle",
                step.region
            )
        }
    })
}

/// A warning when a step presses longer than the catalog allows there: on a ball under the
/// body's weight, or many times what its technique suggests.
fn too_long(catalog: &Catalog, step: &Step) -> Option<String> {
    let limit = catalog.dose_limit(&step.region, &step.technique, &step.tool)?;
    let dose = step.dose.approx_seconds();
    if dose <= limit.seconds {
        return None;
    }
    Some(match limit.cap {
        Cap::BallUnderWeight => format!(
            "{} on a ball {} is long; keep it to {} and move every five seconds",
            crate::words::duration(dose),
            catalog.build_rules.ball_under_weight.words,
            crate::words::duration(limit.seconds)
        ),
        Cap::FarPastSuggested { suggested } => format!(
            "{} per side is far more than the {} suggested for \"{}\"; long pressure bruises \
             rather than releases",
            crate::words::duration(dose),
            crate::words::duration(suggested),
            catalog
                .technique(&step.technique)
                .map_or(step.technique.as_str(), |t| t.name.as_str())
        ),
    })
}
