//! The embedded catalog: it parses, it hangs together, and it holds everything the source
//! knowledge names.

use knotmap::catalog::{
    Applies, Catalog, CatalogError, Hit, RegionId, Sources, Stride, ToolId, View, Work,
};
use knotmap::routine::Step;

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("the built-in catalog loads")
}

#[test]
fn builtin_catalog_is_valid() {
    let c = catalog();
    assert!(c.regions.len() >= 20);
    assert!(c.muscles.len() >= 20);
}

#[test]
fn every_region_has_a_unique_id_and_both_views_are_covered() {
    let c = catalog();
    let mut ids: Vec<_> = c.regions.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), c.regions.len());
    for view in View::ALL {
        let sided = c
            .regions
            .iter()
            .filter(|r| r.view == view && r.sided)
            .count();
        assert!(sided >= 6, "{view:?} view has only {sided} sided regions");
    }
    let sided = c.regions.iter().filter(|r| r.sided).count();
    assert!(
        sided >= 12,
        "at least 12 sided regions per side, found {sided}"
    );
}

#[test]
fn every_muscle_of_the_article_is_present_and_reachable() {
    let c = catalog();
    let wanted = [
        ("psoas", Stride::HipFlexion),
        ("iliacus", Stride::HipFlexion),
        ("rectus femoris", Stride::HipFlexion),
        ("hamstrings", Stride::PushOff),
        ("gluteus maximus", Stride::PushOff),
        ("gluteus medius", Stride::PushOff),
        ("gluteus minimus", Stride::PushOff),
        ("piriformis", Stride::PushOff),
        ("calves", Stride::PushOff),
        ("plantar fascia", Stride::PushOff),
        ("pectoralis major", Stride::Breathing),
        ("pectoralis minor", Stride::Breathing),
        ("intercostals", Stride::Breathing),
        ("diaphragm", Stride::Breathing),
        ("subscapularis", Stride::Breathing),
        ("scalenes", Stride::Breathing),
        ("sternocleidomastoid", Stride::Breathing),
        ("adductors", Stride::Stability),
        ("tensor fasciae latae", Stride::Stability),
        ("it band", Stride::Stability),
        ("quads", Stride::Stability),
    ];
    for (name, stride) in wanted {
        let hits = c.find(name).hits;
        let muscle = hits
            .iter()
            .find_map(|h| match h {
                Hit::Muscle(i) => Some(&c.muscles[*i]),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no muscle answers to \"{name}\""));
        assert!(
            hits.iter()
                .any(|h| matches!(h, Hit::Muscle(i) if c.muscles[*i].stride == stride)),
            "\"{name}\" should serve {stride:?}"
        );
        assert!(
            c.regions_of_muscle(&muscle.id).next().is_some(),
            "{name} is not on the map"
        );
        assert!(
            c.techniques_for_muscle(&muscle.id).next().is_some(),
            "{name} has no technique"
        );
    }
}

#[test]
fn every_tool_of_the_article_is_present() {
    let c = catalog();
    for name in [
        "foam roller",
        "massage stick",
        "tennis ball",
        "lacrosse ball",
        "golf ball",
        "frozen golf ball",
        "rolling pin",
        "dull knife",
        "foam massage ball",
        "massage tool",
        "fingers",
        "wall",
    ] {
        assert!(
            c.find(name).hits.iter().any(|h| matches!(h, Hit::Tool(_))),
            "no tool answers to \"{name}\""
        );
    }
    let sock = c
        .find("tennis balls in a sock")
        .hits
        .into_iter()
        .find_map(|h| match h {
            Hit::Tool(i) => Some(&c.tools[i]),
            _ => None,
        })
        .expect("the two-balls-in-a-sock tool");
    assert!(
        sock.home_made
            .as_deref()
            .is_some_and(|how| how.contains("sock"))
    );
    let frozen = c.tools.iter().find(|t| t.id.as_str() == "frozen_golf_ball");
    assert!(frozen.is_some_and(|t| t.home_made.is_some()));
}

#[test]
fn every_technique_has_tools_steps_and_a_dose() {
    for t in &catalog().techniques {
        assert!(!t.tools.is_empty(), "{} has no tool", t.id);
        assert!(!t.steps.is_empty(), "{} has no steps", t.id);
        assert!(t.dose.approx_seconds() > 0, "{} has no dose", t.id);
        assert!(t.summary.chars().count() <= 70, "{} summary too long", t.id);
    }
}

#[test]
fn safety_rules_are_present() {
    let c = catalog();
    let all_text: String = c
        .cautions
        .iter()
        .map(|caution| format!("{} {}\n", caution.title, caution.text).to_lowercase())
        .collect();
    assert!(all_text.contains("five seconds") || all_text.contains("5 seconds"));
    assert!(all_text.contains("blood"));
    for no_roll in ["lower_spine", "back_of_knee", "throat"] {
        let region = c.region(&no_roll.into()).expect("no-roll region");
        assert!(region.is_no_roll(), "{no_roll} is a no-roll zone");
        assert!(
            c.cautions
                .iter()
                .any(|caution| caution.regions.contains(&region.id)),
            "a caution names {no_roll}"
        );
    }
}

#[test]
fn parse_errors_name_file_line_and_column() {
    let good = Sources::BUILTIN;
    let broken = "[\n  (\n    id: \"psoas\",\n    name: 12,\n  ),\n]\n";
    let err = Catalog::parse(Sources {
        muscles: broken,
        ..good
    })
    .expect_err("a number where a name belongs");
    match &err {
        CatalogError::Parse {
            file, line, column, ..
        } => {
            assert_eq!(file, "muscles.ron");
            assert_eq!(*line, 4);
            assert!(*column > 1);
        }
        other => panic!("expected a parse error, got {other}"),
    }
    assert!(err.to_string().starts_with("muscles.ron:4:"), "{err}");
}

#[test]
fn broken_references_are_reported() {
    let good = Sources::BUILTIN;
    let regions = good
        .regions
        .replacen("\"hamstrings\"]", "\"hamstrung\"]", 1);
    assert_ne!(regions, good.regions, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        regions: &regions,
        ..good
    })
    .expect_err("an unknown muscle id");
    let text = err.to_string();
    assert!(
        text.contains("regions.ron") && text.contains("hamstrung"),
        "{text}"
    );
}

#[test]
fn the_background_of_the_article_is_there_and_searchable() {
    let catalog = catalog();
    for (query, words) in [
        ("myofascia", "connective tissue"),
        ("why roll", "injuries"),
        ("before training", "let go"),
        ("opposing muscle", "squeeze your glutes"),
        ("stride", "four"),
    ] {
        let hits = catalog.find(query).hits;
        let text = hits
            .iter()
            .find_map(|hit| match hit {
                knotmap::catalog::Hit::Basic(i) => Some(&catalog.basics[*i].text),
                _ => None,
            })
            .unwrap_or_else(|| panic!("“{query}” finds a piece of background: {hits:?}"));
        assert!(text.contains(words), "“{query}”: {text}");
    }
}

#[test]
fn a_basic_naming_an_unknown_muscle_is_reported() {
    let good = Sources::BUILTIN;
    let basics = good.basics.replacen("\"psoas\"", "\"pso\"", 1);
    assert_ne!(basics, good.basics, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        basics: &basics,
        ..good
    })
    .expect_err("an unknown muscle id");
    let text = err.to_string();
    assert!(
        text.contains("basics.ron") && text.contains("pso"),
        "{text}"
    );
}

#[test]
fn another_name_that_repeats_the_name_is_reported() {
    let good = Sources::BUILTIN;
    let muscles = good.muscles.replacen(
        "aliases: [\"IT band\"",
        "aliases: [\"Iliotibial Band\", \"IT band\"",
        1,
    );
    assert_ne!(muscles, good.muscles, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        muscles: &muscles,
        ..good
    })
    .expect_err("a repeated name");
    assert!(err.to_string().contains("Iliotibial Band"), "{err}");
}

/// The builder's knowledge is data: a place renamed in regions.ron, or one added without a
/// turn in the builder's order, stops the catalog from loading instead of dropping out of
/// built routines and the ball warning unnoticed.
#[test]
fn the_builder_names_only_places_that_exist_and_orders_every_one() {
    let good = Sources::BUILTIN;
    let regions = good.regions.replacen("id: \"toes\"", "id: \"toe\"", 1);
    assert_ne!(regions, good.regions, "the fixture edit applies");
    // The cautions for every place follow the rename; the builder's lists are left behind.
    let cautions = good.cautions.replace("\"toes\"", "\"toe\"");
    let err = Catalog::parse(Sources {
        regions: &regions,
        cautions: &cautions,
        ..good
    })
    .expect_err("a renamed place");
    let text = err.to_string();
    assert!(
        text.contains("builder.ron") && text.contains("unknown place \"toes\""),
        "{text}"
    );

    let builder = good.builder.replacen("        \"soleus\",\n", "", 1);
    assert_ne!(builder, good.builder, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        builder: &builder,
        ..good
    })
    .expect_err("a place left out of the order");
    assert!(
        err.to_string()
            .contains("\"soleus\" is missing from the order"),
        "{err}"
    );

    let builder = good
        .builder
        .replacen("\"sit_bone\"],", "\"lower_spine\"],", 1);
    assert_ne!(builder, good.builder, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        builder: &builder,
        ..good
    })
    .expect_err("a no-roll zone under a ball");
    assert!(err.to_string().contains("never to roll"), "{err}");
}

#[test]
fn a_ball_under_the_glutes_is_known_from_the_data() {
    let catalog = catalog();
    let ball = |region: &str, tool: &str| catalog.ball_under_weight(&region.into(), &tool.into());
    assert!(ball("piriformis", "tennis_ball"));
    assert!(ball("sit_bone", "double_tennis_ball"));
    assert!(!ball("piriformis", "foam_roller"), "a roller is no ball");
    assert!(
        !ball("sole", "golf_ball"),
        "the foot may stay on a ball longer"
    );
}

/// The red flags and the fresh-injury rule hold wherever the runner can work, by rule: every
/// place that may be worked, including one added to the map later, gets them, and a zone
/// never to roll does not.
#[test]
fn the_cautions_for_every_place_follow_their_rule() {
    let c = catalog();
    let names = |work: &Work<'_>| -> Vec<String> {
        c.cautions_for(work)
            .iter()
            .map(|caution| caution.id.to_string())
            .collect()
    };
    for id in ["red_flags", "skip_injuries"] {
        let caution = c
            .cautions
            .iter()
            .find(|caution| caution.id.as_str() == id)
            .unwrap_or_else(|| panic!("the caution \"{id}\""));
        assert_eq!(caution.applies, Applies::Everywhere, "{id}");
        for region in &c.regions {
            let work = Work {
                regions: vec![&region.id],
                ..Work::default()
            };
            assert_eq!(
                names(&work).iter().any(|n| n == id),
                !region.is_no_roll(),
                "\"{id}\" on the place \"{}\"",
                region.id
            );
        }
    }
    // The builder's order holds every place that may be worked (the catalog checks that),
    // so the rule covers each of them.
    for place in &c.build_rules.order {
        let work = Work {
            regions: vec![place],
            ..Work::default()
        };
        assert!(names(&work).contains(&"red_flags".to_owned()), "{place}");
    }
}

/// Any ball on any place where it carries the body's weight gets the five-second rule, and
/// only there: a ball on the chest against a wall does not.
#[test]
fn the_ball_rule_covers_every_ball_under_the_body() {
    let c = catalog();
    let ball_rule = |region: &RegionId, tool: &ToolId| {
        let work = Work {
            regions: vec![region],
            tools: vec![tool],
            pairs: vec![(region, tool)],
            ..Work::default()
        };
        c.cautions_for(&work)
            .iter()
            .any(|caution| caution.id.as_str() == "ball_five_seconds")
    };
    let places = &c.build_rules.ball_under_weight.places;
    for side_of_hip in ["glute_min", "sit_bone"] {
        assert!(places.contains(&side_of_hip.into()), "{side_of_hip}");
    }
    for tool in c.tools.iter().filter(|t| t.ball) {
        for place in places {
            assert!(ball_rule(place, &tool.id), "{} on {place}", tool.id);
        }
        assert!(
            !ball_rule(&"chest".into(), &tool.id),
            "{} on the chest",
            tool.id
        );
    }
    // A ball on the chest and a roller on the glutes in one routine: no ball carries weight.
    let (chest, glutes) = (RegionId::from("chest"), RegionId::from("glute_max"));
    let (ball, roller) = (ToolId::from("tennis_ball"), ToolId::from("foam_roller"));
    let work = Work {
        regions: vec![&chest, &glutes],
        tools: vec![&ball, &roller],
        pairs: vec![(&chest, &ball), (&glutes, &roller)],
        ..Work::default()
    };
    assert!(
        !c.cautions_for(&work)
            .iter()
            .any(|caution| caution.id.as_str() == "ball_five_seconds")
    );
}

/// A caution that applies everywhere lists nothing more: a list beside the rule would only
/// drift from it.
#[test]
fn a_caution_for_everywhere_that_also_lists_places_is_refused() {
    let good = Sources::BUILTIN;
    let cautions = good.cautions.replacen(
        "applies: Everywhere,",
        "applies: Everywhere,\n        regions: [\"calf\"],",
        1,
    );
    assert_ne!(cautions, good.cautions, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        cautions: &cautions,
        ..good
    })
    .expect_err("a list beside the rule");
    assert!(err.to_string().contains("applies everywhere"), "{err}");
}

/// Every technique's suggested dose, on every place it works and with each of its tools,
/// passes the routine's own check without a word.
#[test]
fn every_suggested_dose_passes_the_routine_check() {
    let c = catalog();
    for technique in &c.techniques {
        for region in c.regions_of_technique(technique) {
            for tool in &technique.tools {
                let step = Step::new(c, region, technique, tool.clone());
                let concerns = step.concerns(c);
                assert!(
                    concerns.is_empty(),
                    "{} on {} with {tool}: {concerns:?}",
                    technique.id,
                    region.id
                );
            }
        }
    }
}

#[test]
fn a_suggested_dose_too_long_for_a_ball_under_the_body_is_refused() {
    let good = Sources::BUILTIN;
    // The glute ball work at 45 s: too long on a ball under the glutes.
    let at = good
        .techniques
        .find("id: \"glute_ball_work\"")
        .expect("glute ball work");
    let (head, tail) = good.techniques.split_at(at);
    let techniques = format!(
        "{head}{}",
        tail.replacen("dose: Seconds(30)", "dose: Seconds(45)", 1)
    );
    assert_ne!(techniques, good.techniques, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        techniques: &techniques,
        ..good
    })
    .expect_err("45 s on a ball under the glutes");
    let text = err.to_string();
    assert!(
        text.contains("glute_ball_work") && text.contains("dose_under_weight"),
        "{text}"
    );

    // The hamstring roll without its shorter dose below the sit bone.
    let techniques = good
        .techniques
        .replacen("dose_under_weight: Some(Seconds(20)),", "", 1);
    assert_ne!(techniques, good.techniques, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        techniques: &techniques,
        ..good
    })
    .expect_err("90 s on a ball below the sit bone");
    let text = err.to_string();
    assert!(
        text.contains("hamstring_roll") && text.contains("sit_bone"),
        "{text}"
    );
}

#[test]
fn a_technique_pressing_where_a_danger_caution_forbids_is_refused() {
    let good = Sources::BUILTIN;
    // The hamstring roll no longer says it keeps off the back of the knee.
    let techniques = good
        .techniques
        .replacen("avoid: [\"back_of_knee\"],", "avoid: [],", 1);
    assert_ne!(techniques, good.techniques, "the fixture edit applies");
    let err = Catalog::parse(Sources {
        techniques: &techniques,
        ..good
    })
    .expect_err("a technique that does not keep off a forbidden place");
    let text = err.to_string();
    assert!(
        text.contains("back_of_knee") && text.contains("no_roll_back_of_knee"),
        "{text}"
    );

    // A technique that says it keeps off a place it works.
    let techniques =
        good.techniques
            .replacen("avoid: [\"back_of_knee\"],", "avoid: [\"hamstrings\"],", 1);
    let err = Catalog::parse(Sources {
        techniques: &techniques,
        ..good
    })
    .expect_err("avoiding a place that may be worked");
    assert!(
        err.to_string().contains("not a place never to roll"),
        "{err}"
    );

    // A no-roll zone that gains a muscle: every technique for that muscle would press on it.
    let regions = good.regions.replacen(
        "muscles: [],\n        no_roll: Some(\"A large nerve",
        "muscles: [\"calves\"],\n        no_roll: Some(\"A large nerve",
        1,
    );
    assert_ne!(regions, good.regions, "the fixture edit applies");
    assert!(
        Catalog::parse(Sources {
            regions: &regions,
            ..good
        })
        .is_err(),
        "a no-roll zone with a muscle to work"
    );
}

#[test]
fn the_reasons_not_to_roll_are_found_by_what_a_runner_types() {
    let c = catalog();
    for query in [
        "dvt",
        "clot",
        "pregnancy",
        "osteoporosis",
        "blood thinners",
        "varicose veins",
        "diabetes",
        "surgery",
    ] {
        let hits = c.find(query).hits;
        assert!(
            matches!(hits.first(), Some(Hit::Basic(i)) if c.basics[*i].id.as_str() == "when_not_to_roll"),
            "“{query}” leads to when not to roll first: {hits:?}"
        );
    }
    let shin = c.find("shin splints").hits;
    assert!(
        matches!(shin.first(), Some(Hit::Complaint(i)) if c.complaints[*i].id.as_str() == "shin_splints"),
        "shin splints lead to the complaint first: {shin:?}"
    );
    assert!(
        matches!(shin.get(1), Some(Hit::Region(p)) if c.regions[p.region].id.as_str() == "soleus"),
        "and then to the inner shin: {shin:?}"
    );
    let heel = c.find("heel").hits;
    assert!(
        heel.iter()
            .any(|h| matches!(h, Hit::Region(p) if c.regions[p.region].id.as_str() == "sole")),
        "heel pain reaches the sole: {heel:?}"
    );
}

#[path = "catalog/complaints.rs"]
mod complaints;

/// A description that mentions a place never puts its own entry beside the place named:
/// "upper back" lights the upper back, not the calves.
#[test]
fn a_name_match_outranks_and_hides_description_matches() {
    let catalog = Catalog::builtin().expect("catalog");
    let found = catalog.find("upper back");
    assert!(!found.hits.is_empty());
    for hit in &found.hits {
        if let knotmap::catalog::Hit::Region(place) = hit {
            let id = catalog.regions[place.region].id.as_str();
            assert!(
                !["calf", "soleus", "hamstrings"].contains(&id),
                "“upper back” lit {id}"
            );
        }
    }
    for (hit, rank) in found.hits.iter().zip(&found.ranks) {
        assert!(
            *rank < knotmap::catalog::Rank::Text || !matches!(hit, Hit::Region(_)),
            "no place by its description beside a name match: {hit:?}"
        );
    }
}

/// When not to roll is read first, and only it: a catalog without it, or with two such
/// entries, does not load.
#[test]
fn exactly_one_entry_is_read_first() {
    let good = Sources::BUILTIN;
    for basics in [
        good.basics.replace("read_first: true,", ""),
        good.basics
            .replacen("muscles: [],", "muscles: [],\n        read_first: true,", 1),
    ] {
        assert_ne!(basics, good.basics, "the fixture edit applies");
        let err = Catalog::parse(Sources {
            basics: &basics,
            ..good
        })
        .expect_err("refused");
        assert!(err.to_string().contains("to be read first"), "{err}");
    }
    let first: Vec<_> = catalog().basics.iter().filter(|b| b.read_first).collect();
    assert_eq!(first[0].title, "When not to roll");
}

/// The TFL is a place and a muscle of its own: "tfl" and "hip flexors" lead to different
/// places, and neither lights the other.
#[test]
fn the_tfl_is_told_apart_from_the_hip_flexors() {
    let c = catalog();
    let places = |query: &str| -> Vec<&str> {
        c.find(query)
            .hits
            .iter()
            .filter_map(|h| match h {
                Hit::Region(p) => Some(c.regions[p.region].id.as_str()),
                _ => None,
            })
            .collect()
    };
    let tfl = places("tfl");
    let flexors = places("hip flexors");
    assert_eq!(tfl.first(), Some(&"tfl"), "{tfl:?}");
    assert_eq!(flexors.first(), Some(&"hip_flexors"), "{flexors:?}");
    assert!(!tfl.contains(&"hip_flexors"), "{tfl:?}");
    assert!(!flexors.contains(&"tfl"), "{flexors:?}");
    let region = |id: &str| c.region(&RegionId::from(id)).expect("a place");
    assert_eq!(
        region("tfl")
            .muscles
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>(),
        ["tensor_fasciae_latae"]
    );
    assert!(
        !region("hip_flexors")
            .muscles
            .iter()
            .any(|m| m.as_str() == "tensor_fasciae_latae")
    );
}

/// The deep calf muscles of the inner shin, the plantar fascia and the hamstring part of
/// adductor magnus each have their place on the map and a technique of their own.
#[test]
fn the_deep_calf_the_plantar_fascia_and_adductor_magnus_are_covered() {
    let c = catalog();
    for (query, muscle, place) in [
        ("tibialis posterior", "tibialis_posterior", "soleus"),
        (
            "flexor digitorum longus",
            "flexor_digitorum_longus",
            "soleus",
        ),
        ("plantar fascia", "plantar_fascia", "sole"),
        (
            "hamstring part of adductor magnus",
            "adductor_magnus_hamstring",
            "adductors",
        ),
    ] {
        let hits = c.find(query).hits;
        assert!(
            hits.iter()
                .any(|h| matches!(h, Hit::Muscle(i) if c.muscles[*i].id.as_str() == muscle)),
            "“{query}” finds {muscle}: {hits:?}"
        );
        let id = c
            .muscles
            .iter()
            .find(|m| m.id.as_str() == muscle)
            .map(|m| &m.id)
            .expect("the muscle");
        assert!(
            c.regions_of_muscle(id).any(|r| r.id.as_str() == place),
            "{muscle} lives on {place}"
        );
        assert!(c.techniques_for_muscle(id).next().is_some(), "{muscle}");
    }
    // The inner shin is worked beside the shin bone, never on it.
    let inner = c
        .techniques
        .iter()
        .find(|t| t.id.as_str() == "inner_shin_release")
        .expect("the inner shin release");
    assert!(inner.avoid.iter().any(|p| p.as_str() == "shinbone"));
    // The upper back is arched over the roller, never the lower back.
    let extension = c
        .techniques
        .iter()
        .find(|t| t.id.as_str() == "thoracic_extension")
        .expect("the upper back extension");
    assert!(extension.avoid.iter().any(|p| p.as_str() == "lower_spine"));
    assert!(
        c.regions_of_technique(extension)
            .all(|r| r.id.as_str() == "upper_back")
    );
    // A foam roller first for the hamstrings and the calves.
    for id in ["hamstring_roll", "calf_tool_roll"] {
        let technique = c
            .techniques
            .iter()
            .find(|t| t.id.as_str() == id)
            .expect("the technique");
        assert_eq!(
            technique.tools.first().map(|t| t.as_str()),
            Some("foam_roller"),
            "{id}"
        );
    }
}
