//! The pictures of the positions: one for every technique, each figure within human ranges
//! and its tool against the part it presses, and the gallery in docs/ kept in step with the
//! renderer.

use knotmap::body::Figure;
use knotmap::catalog::Catalog;
use knotmap::picture::Pictures;

const SOURCE: &str = include_str!("../assets/positions.ron");

#[test]
fn every_picture_holds_together() {
    let (_, problems) = Pictures::read(SOURCE).expect("the file reads");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_technique_has_a_picture() {
    let catalog = Catalog::builtin().expect("catalog");
    let pictures = Pictures::builtin().expect("pictures");
    let missing: Vec<&str> = catalog
        .techniques
        .iter()
        .filter(|t| pictures.get(&t.id).is_none())
        .map(|t| t.id.as_str())
        .collect();
    assert!(missing.is_empty(), "no picture for {missing:?}");
    for (id, _) in pictures.iter() {
        assert!(
            catalog.technique(id).is_some(),
            "a picture of an unknown technique {id}"
        );
    }
}

#[test]
fn the_gallery_in_docs_is_what_the_renderer_draws() {
    let catalog = Catalog::builtin().expect("catalog");
    let (pictures, _) = Pictures::read(SOURCE).expect("the file reads");
    let pictures = &pictures;
    let png = knotmap::sheet::gallery_png(catalog, pictures, Figure::Female).expect("png");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/positions.png");
    if std::env::var_os("UPDATE_GALLERY").is_some() {
        std::fs::write(&path, &png).expect("write the gallery");
    }
    let shipped = std::fs::read(&path).expect("docs/positions.png");
    assert!(
        shipped == png,
        "docs/positions.png is not what the renderer draws; run with UPDATE_GALLERY=1"
    );
}

/// Each part starts where the one before it ends, and every limb starts on the trunk.
#[test]
fn every_figure_stays_in_one_piece() {
    use knotmap::picture::pose::Part;
    let pictures = Pictures::builtin().expect("pictures");
    let chains = [
        [Part::NearUpperArm, Part::NearForearm, Part::NearHand],
        [Part::FarUpperArm, Part::FarForearm, Part::FarHand],
    ];
    let legs = [
        [Part::NearThigh, Part::NearShin, Part::NearFoot],
        [Part::FarThigh, Part::FarShin, Part::FarFoot],
    ];
    for (id, picture) in pictures.iter() {
        for figure in Figure::ALL {
            let posed = picture.posed(figure);
            let part = |p: Part| *posed.segment(p).expect("every part is drawn");
            for [upper, lower, end] in chains {
                assert!(
                    (part(upper).to - part(lower).from).hypot() < 0.01,
                    "{id}: elbow"
                );
                assert!(
                    (part(lower).to - part(end).from).hypot() < 0.01,
                    "{id}: wrist"
                );
            }
            for [thigh, shin, foot] in legs {
                assert!(
                    (part(thigh).to - part(shin).from).hypot() < 0.01,
                    "{id}: knee"
                );
                // The foot's capsule starts at the heel, just behind the ankle.
                assert!(
                    part(foot).distance_outside(part(shin).to) < 0.0,
                    "{id}: ankle"
                );
            }
            let trunk = part(Part::Trunk);
            for root in [
                part(Part::NearThigh).from,
                part(Part::FarThigh).from,
                part(Part::NearUpperArm).from,
                part(Part::FarUpperArm).from,
                part(Part::Neck).from,
            ] {
                assert!(
                    trunk.distance_outside(root) < 4.0,
                    "{id} ({figure:?}): a limb hangs off the trunk by {:.1}",
                    trunk.distance_outside(root)
                );
            }
            let head = posed.head;
            assert!(
                (part(Part::Neck).to - head.0).hypot() < head.1,
                "{id}: the neck reaches into the head"
            );
        }
    }
}

/// The part a picture presses is where its technique's places are on the body.
#[test]
fn each_picture_presses_where_the_steps_say() {
    use knotmap::picture::pose::Part;
    let catalog = Catalog::builtin().expect("catalog");
    let pictures = Pictures::builtin().expect("pictures");
    let parts_of = |region: &str| -> &'static [Part] {
        match region {
            "neck" | "upper_traps" => &[Part::Neck, Part::Trunk],
            "chest" | "armpit" | "ribs" | "diaphragm" | "upper_back" | "back_of_shoulder"
            | "lats" | "lower_back" | "side_waist" => &[Part::Trunk],
            "front_shoulder" | "upper_arm_front" | "upper_arm_back" => {
                &[Part::NearUpperArm, Part::FarUpperArm]
            }
            "forearm_front" | "forearm_back" => &[Part::NearForearm, Part::FarForearm],
            "hip_flexors" | "tfl" | "rectus_femoris" | "outer_quad" | "inner_quad"
            | "adductors" | "it_band" | "hamstrings" => &[Part::NearThigh, Part::FarThigh],
            "glute_max" | "glute_med" | "glute_min" | "piriformis" | "sit_bone" => {
                &[Part::Trunk, Part::NearThigh, Part::FarThigh]
            }
            "calf" | "soleus" | "shin" | "outer_shin" | "achilles" => {
                &[Part::NearShin, Part::FarShin]
            }
            "sole" | "top_of_foot" | "toes" => &[Part::NearFoot, Part::FarFoot],
            _ => &[],
        }
    };
    for technique in &catalog.techniques {
        let picture = pictures.get(&technique.id).expect("a picture");
        let part = picture.spec.press.part;
        let fits = catalog
            .regions_of_technique(technique)
            .any(|r| parts_of(r.id.as_str()).contains(&part));
        assert!(fits, "{}: presses {part:?}", technique.id);
    }
}
