//! The embedded catalog: it parses, it hangs together, and it holds everything the source
//! knowledge names.

use knotmap::catalog::{Catalog, CatalogError, Hit, Sources, Stride, View};

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
    let err = Catalog::parse(Sources {
        regions: &regions,
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
