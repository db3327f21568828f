//! Checks on the complaints: every place, technique and tool they name exists, no place is
//! both to work and to leave, and each step of a ready routine is one the routine's checks
//! accept: on a place to work that may be rolled, on a side the place has, with a technique
//! for its muscles and a tool for that technique, for a dose that is not too long on a ball.

use super::invalid;
use crate::catalog::{Catalog, CatalogError, Complaint, ComplaintStep, StepSide};

const FILE: &str = "complaints.ron";

pub(super) fn complaints(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    for complaint in &catalog.complaints {
        places(catalog, complaint, out);
        if complaint.see_a_clinician.is_empty() {
            out.push(invalid(
                FILE,
                format!(
                    "\"{}\" names no sign that calls for a clinician",
                    complaint.id
                ),
            ));
        }
        if complaint.routine.is_empty() {
            out.push(invalid(
                FILE,
                format!("\"{}\" has no routine", complaint.id),
            ));
        }
        for (n, step) in complaint.routine.iter().enumerate() {
            for message in step_problems(catalog, complaint, step) {
                out.push(invalid(
                    FILE,
                    format!("\"{}\", step {}: {message}", complaint.id, n + 1),
                ));
            }
        }
    }
}

/// The places to work and to leave: known, the ones to work may be rolled, none in both.
fn places(catalog: &Catalog, complaint: &Complaint, out: &mut Vec<CatalogError>) {
    let id = &complaint.id;
    if complaint.work.is_empty() {
        out.push(invalid(FILE, format!("\"{id}\" names no place to work")));
    }
    for (list, ids) in [("work", &complaint.work), ("leave", &complaint.leave)] {
        for place in ids {
            match catalog.region(place) {
                None => out.push(invalid(
                    FILE,
                    format!("\"{id}\" names an unknown place \"{place}\" to {list}"),
                )),
                Some(region) if list == "work" && region.is_no_roll() => out.push(invalid(
                    FILE,
                    format!("\"{id}\" sends the runner to work \"{place}\", a place never to roll"),
                )),
                Some(_) => {}
            }
        }
    }
    for place in &complaint.work {
        if complaint.leave.contains(place) {
            out.push(invalid(
                FILE,
                format!("\"{id}\" names \"{place}\" both to work and to leave"),
            ));
        }
    }
}

/// What is wrong with one step of a ready routine.
fn step_problems(catalog: &Catalog, complaint: &Complaint, step: &ComplaintStep) -> Vec<String> {
    let mut out = Vec::new();
    let region = catalog.region(&step.region);
    let technique = catalog.technique(&step.technique);
    match region {
        None => out.push(format!("unknown place \"{}\"", step.region)),
        Some(region) if region.is_no_roll() => {
            out.push(format!("\"{}\" is a place never to roll", step.region));
        }
        Some(region) => {
            if !complaint.work.contains(&region.id) {
                out.push(format!(
                    "\"{}\" is not one of the complaint's places to work",
                    step.region
                ));
            }
            let fits = match step.side {
                StepSide::Middle => !region.sided,
                StepSide::Left | StepSide::Right | StepSide::Both => region.sided,
            };
            if !fits {
                out.push(format!(
                    "the side {:?} does not fit \"{}\"",
                    step.side, step.region
                ));
            }
            if let Some(technique) = technique
                && !technique.muscles.iter().any(|m| region.muscles.contains(m))
            {
                out.push(format!(
                    "\"{}\" does not work the muscles of \"{}\"",
                    step.technique, step.region
                ));
            }
        }
    }
    match technique {
        None => out.push(format!("unknown technique \"{}\"", step.technique)),
        Some(technique)
            if catalog.tool(&step.tool).is_some() && !technique.tools.contains(&step.tool) =>
        {
            out.push(format!(
                "\"{}\" is not a tool for \"{}\"",
                step.tool, step.technique
            ));
        }
        Some(_) => {}
    }
    if catalog.tool(&step.tool).is_none() {
        out.push(format!("unknown tool \"{}\"", step.tool));
    }
    let seconds = step.dose.approx_seconds();
    if seconds == 0 {
        out.push("the dose is zero".to_owned());
    }
    let rule = &catalog.build_rules.ball_under_weight;
    if seconds > rule.most_seconds && catalog.ball_under_weight(&step.region, &step.tool) {
        out.push(format!(
            "{seconds} s on a ball {} is long; keep it to {} s",
            rule.words, rule.most_seconds
        ));
    }
    out
}
