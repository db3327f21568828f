//! The complaints: each one complete, its routine one the routine's checks pass without a
//! word, and a catalog that names a complaint's places or steps wrongly refused.

use knotmap::catalog::{Catalog, Hit, Sources};
use knotmap::routine::Routine;

use super::catalog;

#[test]
fn the_complaints_runners_bring_are_all_there() {
    let c = catalog();
    for id in [
        "plantar_heel_pain",
        "shin_splints",
        "achilles_pain",
        "tight_calves",
        "it_band_syndrome",
        "runners_knee",
        "tight_hamstrings",
        "buttock_pain",
        "tight_hip_flexors",
        "stiff_lower_back",
        "stiff_upper_back_neck",
        "tight_groin",
        "sore_after_a_race",
    ] {
        let complaint = c
            .complaint(&id.into())
            .unwrap_or_else(|| panic!("the complaint \"{id}\""));
        for (what, text) in [
            ("what it usually is", &complaint.usually),
            ("what rolling can do", &complaint.rolling_can),
            ("what rolling cannot do", &complaint.rolling_cannot),
            ("what else helps", &complaint.also_helps),
        ] {
            assert!(text.len() > 40, "\"{id}\" says too little of {what}");
        }
        assert!(complaint.see_a_clinician.len() >= 3, "\"{id}\": red flags");
        assert!(
            !complaint.aliases.is_empty(),
            "\"{id}\": the runner's words"
        );
    }
}

/// A ready routine is one `knotmap check` passes with no error and no warning.
#[test]
fn every_ready_routine_passes_the_routine_check_without_a_warning() {
    let c = catalog();
    for complaint in &c.complaints {
        let routine = Routine::for_complaint(complaint);
        assert_eq!(routine.steps.len(), complaint.routine.len());
        let problems = routine.warnings(c, None);
        assert!(problems.is_empty(), "\"{}\": {problems:?}", complaint.id);
        // It reads back as the same routine from the file knotmap writes.
        let text = routine.to_ron().expect("the routine is written");
        let back = Routine::from_ron("complaint.ron", &text).expect("and read back");
        assert_eq!(back.routine, routine, "\"{}\"", complaint.id);
    }
}

#[test]
fn the_places_a_complaint_leaves_alone_are_not_worked() {
    let c = catalog();
    let leave = |id: &str| {
        c.complaint(&id.into())
            .map(|complaint| {
                complaint
                    .leave
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert!(leave("shin_splints").contains(&"shinbone"));
    assert!(leave("runners_knee").contains(&"kneecap"));
    assert!(leave("achilles_pain").contains(&"achilles"));
    for complaint in &c.complaints {
        for step in &complaint.routine {
            assert!(
                !complaint.leave.contains(&step.region),
                "\"{}\"",
                complaint.id
            );
        }
    }
}

#[test]
fn a_complaint_is_found_by_the_words_runners_use() {
    let c = catalog();
    for (query, id) in [
        ("sore knee", "runners_knee"),
        ("knee pain", "runners_knee"),
        ("patellofemoral", "runners_knee"),
        ("heel", "plantar_heel_pain"),
        ("heel pain", "plantar_heel_pain"),
        ("plantar fasciitis", "plantar_heel_pain"),
        ("shin splints", "shin_splints"),
        ("sciatica", "buttock_pain"),
        ("piriformis syndrome", "buttock_pain"),
        ("achilles tendinopathy", "achilles_pain"),
        ("after a marathon", "sore_after_a_race"),
        ("downhill", "sore_after_a_race"),
        ("DOMS", "sore_after_a_race"),
        ("cramps", "tight_calves"),
        ("ITBS", "it_band_syndrome"),
    ] {
        let hits = c.find(query).hits;
        assert!(
            matches!(hits.first(), Some(Hit::Complaint(i)) if c.complaints[*i].id.as_str() == id),
            "“{query}” leads to \"{id}\" first: {hits:?}"
        );
    }
}

/// Parses the built-in catalog with complaints.ron edited; the edit must apply.
fn with_complaints(from: &str, to: &str) -> String {
    let good = Sources::BUILTIN;
    let complaints = good.complaints.replacen(from, to, 1);
    assert_ne!(complaints, good.complaints, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        complaints: &complaints,
        ..good
    })
    .expect_err("a broken complaint is refused");
    let text = err.to_string();
    assert!(text.starts_with("complaints.ron"), "{text}");
    text
}

#[test]
fn a_complaint_naming_an_unknown_place_technique_or_tool_is_refused() {
    let text = with_complaints("work: [\"sole\",", "work: [\"soles\",");
    assert!(text.contains("unknown place \"soles\""), "{text}");

    let text = with_complaints("leave: [\"ankle\"]", "leave: [\"ankles\"]");
    assert!(text.contains("unknown place \"ankles\""), "{text}");

    let text = with_complaints("technique: \"foot_sole_roll\"", "technique: \"foot_roll\"");
    assert!(text.contains("unknown technique \"foot_roll\""), "{text}");

    let text = with_complaints("tool: \"golf_ball\"", "tool: \"golfball\"");
    assert!(text.contains("unknown tool \"golfball\""), "{text}");
}

#[test]
fn a_routine_step_on_a_place_never_to_roll_is_refused() {
    // The shin splints routine sent onto the shin bone itself.
    let text = with_complaints(
        "(region: \"shin\", side: Both, technique: \"shin_muscle_press\"",
        "(region: \"shinbone\", side: Both, technique: \"shin_muscle_press\"",
    );
    assert!(
        text.contains("\"shinbone\" is a place never to roll"),
        "{text}"
    );
}

#[test]
fn a_place_both_to_work_and_to_leave_is_refused() {
    let text = with_complaints("leave: [\"shinbone\"]", "leave: [\"shinbone\", \"soleus\"]");
    assert!(
        text.contains("\"soleus\" both to work and to leave"),
        "{text}"
    );
}

#[test]
fn a_routine_step_the_routine_check_would_warn_of_is_refused() {
    // A technique for another place.
    let text = with_complaints(
        "(region: \"calf\", side: Both, technique: \"calf_tool_roll\", tool: \"massage_stick\"",
        "(region: \"calf\", side: Both, technique: \"foot_sole_roll\", tool: \"golf_ball\"",
    );
    assert!(
        text.contains("does not work the muscles of \"calf\""),
        "{text}"
    );
    // A tool the technique does not use.
    let text = with_complaints(
        "technique: \"foot_sole_roll\", tool: \"golf_ball\"",
        "technique: \"foot_sole_roll\", tool: \"foam_roller\"",
    );
    assert!(text.contains("is not a tool for"), "{text}");
    // A side the place does not have.
    let text = with_complaints(
        "(region: \"sole\", side: Both",
        "(region: \"sole\", side: Middle",
    );
    assert!(text.contains("does not fit \"sole\""), "{text}");
    // Long on a ball under the glutes.
    let text = with_complaints(
        "technique: \"glute_ball_work\", tool: \"tennis_ball\", dose: Seconds(30)",
        "technique: \"glute_ball_work\", tool: \"tennis_ball\", dose: Seconds(90)",
    );
    assert!(text.contains("on a ball"), "{text}");
}
