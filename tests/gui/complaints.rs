//! Complaints in the window: from "Where does it hurt?" on the welcome to a complaint's page,
//! its places lit on the map, and its ready routine opened as a new routine.

use egui_kittest::kittest::Queryable;
use knotmap::catalog::Hit;
use knotmap::routine::Routine;
use knotmap::state::Pending;

use super::{catalog, harness, region, selection};

fn complaint(id: &str) -> knotmap::catalog::ComplaintIx {
    catalog().complaint_index(&id.into()).expect("complaint id")
}

#[test]
fn where_does_it_hurt_leads_to_a_complaint_and_its_routine() {
    let mut h = harness();
    assert!(
        h.query_by_label("Where does it hurt?").is_some(),
        "the welcome asks where it hurts"
    );
    let shins = complaint("shin_splints");
    let name = &catalog().complaints[shins].name;
    h.get_by_label(name).click_accesskit();
    h.run();
    assert_eq!(selection(&h), Some(Hit::Complaint(shins)));
    for section in [
        "See a clinician rather than roll",
        "What rolling can do",
        "What it cannot do",
        "Places to work",
        "Leave alone",
        "What else helps",
    ] {
        assert!(
            h.query_by_label(section).is_some(),
            "the page shows “{section}”"
        );
    }
    // The places to work light up; the shin bone it leaves alone does not.
    let lit = h.state().body().places_of(catalog(), Hit::Complaint(shins));
    assert!(lit.iter().any(|p| p.region == region("soleus")), "{lit:?}");
    assert!(
        !lit.iter().any(|p| p.region == region("shinbone")),
        "{lit:?}"
    );

    h.get_by_label("Use this routine").click_accesskit();
    h.run();
    let expected = Routine::for_complaint(&catalog().complaints[shins]);
    let doc = &h.state().state.doc;
    assert_eq!(doc.routine.steps, expected.steps);
    assert_eq!(doc.routine.name, *name);
    assert!(doc.path().is_none(), "a new routine, not yet saved");
    let places: Vec<&str> = doc
        .routine
        .steps
        .iter()
        .map(|s| s.region.as_str())
        .collect();
    assert_eq!(places, ["calf", "soleus", "soleus", "shin"]);
    // It can be played at once, like any routine.
    assert!(h.query_by_label("Play").is_some());
}

#[test]
fn using_a_complaints_routine_asks_about_unsaved_changes_first() {
    let mut h = harness();
    // An unsaved change: a technique added from a place.
    h.get_by_label("Left hamstrings").click();
    h.run();
    h.get_all_by_label("Add to routine")
        .next()
        .expect("a technique to add")
        .click_accesskit();
    h.run();
    assert!(h.state().state.doc.is_dirty());
    let before = h.state().state.doc.routine.clone();

    h.state_mut().state.selection = Some(Hit::Complaint(complaint("runners_knee")));
    h.run();
    h.get_by_label("Use this routine").click_accesskit();
    h.run();
    assert!(
        matches!(h.state().state.pending, Some(Pending::Unsaved(_))),
        "the unsaved routine is not thrown away without asking"
    );
    assert_eq!(h.state().state.doc.routine, before);
    h.get_all_by_label("Discard")
        .last()
        .expect("the question's button")
        .click();
    h.run();
    let knee = Routine::for_complaint(&catalog().complaints[complaint("runners_knee")]);
    assert_eq!(h.state().state.doc.routine.steps, knee.steps);
}

/// Every complaint's routine passes the check with no warning and lights a place.
#[test]
fn every_complaint_lights_a_place_and_its_routine_checks_clean() {
    let h = harness();
    for (i, complaint) in catalog().complaints_ix() {
        let lit = h.state().body().places_of(catalog(), Hit::Complaint(i));
        assert!(!lit.is_empty(), "\"{}\" lights no place", complaint.id);
        let routine = Routine::for_complaint(complaint);
        assert!(
            routine.warnings(catalog(), None).is_empty(),
            "\"{}\"",
            complaint.id
        );
        for step in &routine.steps {
            assert!(
                lit.iter()
                    .any(|p| catalog().regions[p.region].id == step.region),
                "\"{}\": the step on \"{}\" is lit",
                complaint.id,
                step.region
            );
        }
    }
}
