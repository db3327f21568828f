//! `knotmap show` for a complaint: what it usually is, when to see a clinician, what rolling
//! can and cannot do, the places to work and to leave, the ready routine and what else helps.
//! The techniques in full, the tools and the cautions follow as for any entry.

use super::show::{hanging, wrap};
use crate::catalog::{Catalog, Complaint};
use crate::routine::Routine;
use crate::words;

/// The complaint's own sections, after its heading.
pub(super) fn complaint_text(out: &mut String, catalog: &Catalog, complaint: &Complaint) {
    if !complaint.aliases.is_empty() {
        wrap(
            out,
            0,
            &format!("Also called: {}", complaint.aliases.join(", ")),
        );
    }
    wrap(out, 0, &complaint.usually);

    out.push_str("\nSee a clinician rather than roll for\n");
    for sign in &complaint.see_a_clinician {
        hanging(out, &format!("! {sign}"));
    }

    out.push_str("\nWhat rolling can do\n");
    wrap(out, 2, &complaint.rolling_can);
    out.push_str("\nWhat it cannot do\n");
    wrap(out, 2, &complaint.rolling_cannot);

    let places = |ids: &[crate::catalog::RegionId]| {
        ids.iter()
            .filter_map(|id| catalog.region(id))
            .map(|r| format!("{} ({} view)", r.name, r.view.label()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str("\nPlaces to work\n");
    wrap(out, 2, &places(&complaint.work));
    if !complaint.leave.is_empty() {
        out.push_str("\nLeave alone\n");
        wrap(out, 2, &places(&complaint.leave));
    }

    let routine = Routine::for_complaint(complaint);
    out.push_str(&format!(
        "\nA ready routine ({})\n",
        words::duration(routine.total_seconds())
    ));
    for (n, step) in complaint.routine.iter().enumerate() {
        super::show::wrap_hanging(
            out,
            "  ",
            "     ",
            &format!("{}. {}", n + 1, words::complaint_step(catalog, step)),
        );
        if let Some(note) = &step.note {
            wrap(out, 5, note);
        }
    }

    out.push_str("\nWhat else helps\n");
    wrap(out, 2, &complaint.also_helps);
}
