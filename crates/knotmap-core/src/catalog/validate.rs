//! Checks that the catalog hangs together: unique ids, references that resolve, every muscle
//! reachable on the map and worked by some technique, no technique pressing where a Danger
//! caution forbids, no suggested dose the routine's own check would call too long, and every
//! complaint's routine sound.

mod complaints;

use std::collections::HashSet;
use std::hash::Hash;

use super::{Applies, Cap, Catalog, CatalogError, Region, Severity};

fn invalid(file: &str, message: String) -> CatalogError {
    CatalogError::Invalid {
        file: file.to_owned(),
        message,
    }
}

fn duplicates<'a, K: Eq + Hash + std::fmt::Display + 'a>(
    file: &str,
    ids: impl Iterator<Item = &'a K>,
    out: &mut Vec<CatalogError>,
) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            out.push(invalid(file, format!("the id \"{id}\" is used twice")));
        }
    }
}

/// Every problem found, in file order; empty when the catalog is sound.
pub fn problems(catalog: &Catalog) -> Vec<CatalogError> {
    let mut out = Vec::new();
    duplicates(
        "regions.ron",
        catalog.regions.iter().map(|r| &r.id),
        &mut out,
    );
    duplicates(
        "muscles.ron",
        catalog.muscles.iter().map(|m| &m.id),
        &mut out,
    );
    duplicates(
        "techniques.ron",
        catalog.techniques.iter().map(|t| &t.id),
        &mut out,
    );
    duplicates("tools.ron", catalog.tools.iter().map(|t| &t.id), &mut out);
    duplicates(
        "cautions.ron",
        catalog.cautions.iter().map(|c| &c.id),
        &mut out,
    );
    duplicates("basics.ron", catalog.basics.iter().map(|b| &b.id), &mut out);
    duplicates(
        "complaints.ron",
        catalog.complaints.iter().map(|c| &c.id),
        &mut out,
    );
    aliases(catalog, &mut out);
    regions_and_muscles(catalog, &mut out);
    techniques(catalog, &mut out);
    tools(catalog, &mut out);
    cautions(catalog, &mut out);
    basics(catalog, &mut out);
    build_rules(catalog, &mut out);
    // After the builder's places, which the dose limits rest on.
    pressure(catalog, &mut out);
    doses(catalog, &mut out);
    complaints::complaints(catalog, &mut out);
    out
}

/// Every place the builder names may be rolled, and every place that may be rolled has its
/// turn in the order: a place renamed or added in regions.ron cannot drop out of built
/// routines unnoticed.
fn build_rules(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    let rules = &catalog.build_rules;
    let lists = [
        ("order", rules.order.as_slice()),
        (
            "ball_under_weight",
            rules.ball_under_weight.places.as_slice(),
        ),
        ("hands_first", rules.hands_first.as_slice()),
    ]
    .into_iter()
    .chain(rules.usual.all());
    for (list, ids) in lists {
        duplicates("builder.ron", ids.iter(), out);
        for id in ids {
            match catalog.region(id) {
                None => out.push(invalid(
                    "builder.ron",
                    format!("{list} names an unknown place \"{id}\""),
                )),
                Some(region) if region.is_no_roll() => out.push(invalid(
                    "builder.ron",
                    format!("{list} names \"{id}\", a place never to roll"),
                )),
                Some(_) => {}
            }
        }
    }
    for region in catalog.regions.iter().filter(|r| !r.is_no_roll()) {
        if !rules.order.contains(&region.id) {
            out.push(invalid(
                "builder.ron",
                format!(
                    "the place \"{}\" is missing from the order; add it where it belongs",
                    region.id
                ),
            ));
        }
    }
    if !catalog.tools.iter().any(|t| t.ball) {
        out.push(invalid(
            "tools.ron",
            "no tool is marked as a ball, so no step would be kept short on one".to_owned(),
        ));
    }
}

fn basics(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    // One entry to be read before anything else: when not to roll.
    let first: Vec<_> = catalog.basics.iter().filter(|b| b.read_first).collect();
    if first.len() != 1 {
        out.push(invalid(
            "basics.ron",
            format!(
                "one entry is to be read first (when not to roll), not {}",
                first.len()
            ),
        ));
    }
    for basic in first {
        if basic.brief.is_empty() || basic.brief.len() > 4 {
            out.push(invalid(
                "basics.ron",
                format!(
                    "\"{}\" is read first, so it needs a brief of one to four lines",
                    basic.id
                ),
            ));
        }
    }
    for basic in &catalog.basics {
        for muscle in &basic.muscles {
            if catalog.muscle(muscle).is_none() {
                out.push(invalid(
                    "basics.ron",
                    format!("\"{}\" names an unknown muscle \"{muscle}\"", basic.id),
                ));
            }
        }
    }
}

fn regions_and_muscles(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    for region in &catalog.regions {
        for muscle in &region.muscles {
            if catalog.muscle(muscle).is_none() {
                out.push(invalid(
                    "regions.ron",
                    format!(
                        "region \"{}\" names an unknown muscle \"{muscle}\"",
                        region.id
                    ),
                ));
            }
        }
        if region.is_no_roll() && !region.muscles.is_empty() {
            out.push(invalid(
                "regions.ron",
                format!(
                    "no-roll region \"{}\" must not list muscles to work",
                    region.id
                ),
            ));
        }
        for other in &region.instead {
            if catalog.region(other).is_none_or(|o| o.is_no_roll()) {
                out.push(invalid(
                    "regions.ron",
                    format!(
                        "region \"{}\" sends the runner to \"{other}\", which is not a place to work",
                        region.id
                    ),
                ));
            }
        }
        if region.is_no_roll() && region.instead.is_empty() {
            out.push(invalid(
                "regions.ron",
                format!(
                    "no-roll region \"{}\" names no place to work instead",
                    region.id
                ),
            ));
        }
        if region.not_covered && !region.is_no_roll() {
            out.push(invalid(
                "regions.ron",
                format!(
                    "region \"{}\" is marked not covered but is a place with muscles; \
                     only a no-roll zone can be left out",
                    region.id
                ),
            ));
        }
        if !region.is_no_roll() && region.muscles.is_empty() {
            out.push(invalid(
                "regions.ron",
                format!("region \"{}\" reaches no muscle", region.id),
            ));
        }
    }

    for muscle in &catalog.muscles {
        if catalog.regions_of_muscle(&muscle.id).next().is_none() {
            out.push(invalid(
                "muscles.ron",
                format!("muscle \"{}\" is not reachable from any region", muscle.id),
            ));
        }
        if catalog.techniques_for_muscle(&muscle.id).next().is_none() {
            out.push(invalid(
                "muscles.ron",
                format!("muscle \"{}\" is worked by no technique", muscle.id),
            ));
        }
    }
}

fn techniques(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    for technique in &catalog.techniques {
        let id = &technique.id;
        if technique.tools.is_empty() {
            out.push(invalid(
                "techniques.ron",
                format!("technique \"{id}\" has no tool"),
            ));
        }
        if technique.muscles.is_empty() {
            out.push(invalid(
                "techniques.ron",
                format!("technique \"{id}\" works no muscle"),
            ));
        }
        if technique.steps.is_empty() {
            out.push(invalid(
                "techniques.ron",
                format!("technique \"{id}\" has no steps"),
            ));
        }
        if technique.summary.chars().count() > 70 {
            out.push(invalid(
                "techniques.ron",
                format!("the summary of technique \"{id}\" is longer than 70 characters"),
            ));
        }
        for muscle in &technique.muscles {
            if catalog.muscle(muscle).is_none() {
                out.push(invalid(
                    "techniques.ron",
                    format!("technique \"{id}\" names an unknown muscle \"{muscle}\""),
                ));
            }
        }
        for tool in &technique.tools {
            if catalog.tool(tool).is_none() {
                out.push(invalid(
                    "techniques.ron",
                    format!("technique \"{id}\" names an unknown tool \"{tool}\""),
                ));
            }
        }
    }
}

fn tools(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    for tool in &catalog.tools {
        for stand_in in &tool.stand_ins {
            if catalog.tool(stand_in).is_none() {
                out.push(invalid(
                    "tools.ron",
                    format!(
                        "tool \"{}\" names an unknown stand-in \"{stand_in}\"",
                        tool.id
                    ),
                ));
            }
            if stand_in == &tool.id {
                out.push(invalid(
                    "tools.ron",
                    format!("tool \"{}\" names itself as a stand-in", tool.id),
                ));
            }
        }
    }
}

fn cautions(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    for caution in &catalog.cautions {
        let id = &caution.id;
        let unknown = caution
            .regions
            .iter()
            .filter(|r| catalog.region(r).is_none())
            .map(|r| format!("region \"{r}\""))
            .chain(
                caution
                    .muscles
                    .iter()
                    .filter(|m| catalog.muscle(m).is_none())
                    .map(|m| format!("muscle \"{m}\"")),
            )
            .chain(
                caution
                    .techniques
                    .iter()
                    .filter(|t| catalog.technique(t).is_none())
                    .map(|t| format!("technique \"{t}\"")),
            )
            .chain(
                caution
                    .tools
                    .iter()
                    .filter(|t| catalog.tool(t).is_none())
                    .map(|t| format!("tool \"{t}\"")),
            );
        for what in unknown {
            out.push(invalid(
                "cautions.ron",
                format!("caution \"{id}\" names an unknown {what}"),
            ));
        }
        match caution.applies {
            Applies::Listed if caution.lists_nothing() => out.push(invalid(
                "cautions.ron",
                format!("caution \"{id}\" applies to nothing"),
            )),
            Applies::Everywhere if !caution.lists_nothing() => out.push(invalid(
                "cautions.ron",
                format!(
                    "caution \"{id}\" applies everywhere, so it lists no places, muscles, \
                     techniques or tools of its own"
                ),
            )),
            Applies::Listed | Applies::Everywhere | Applies::BallUnderWeight => {}
        }
    }
}

/// No technique directs pressure onto a place never to roll: the places it works are none of
/// them, it names the ones it keeps off, and it keeps off every one a Danger caution about it
/// forbids.
fn pressure(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    for technique in &catalog.techniques {
        let id = &technique.id;
        for place in &technique.avoid {
            if catalog.region(place).is_none_or(|r| !r.is_no_roll()) {
                out.push(invalid(
                    "techniques.ron",
                    format!(
                        "technique \"{id}\" avoids \"{place}\", which is not a place never to roll"
                    ),
                ));
            }
        }
        for region in catalog.regions_of_technique(technique) {
            if region.is_no_roll() || technique.avoid.contains(&region.id) {
                out.push(invalid(
                    "techniques.ron",
                    format!(
                        "technique \"{id}\" presses on \"{}\", a place never to roll",
                        region.id
                    ),
                ));
            }
        }
    }
    for caution in catalog
        .cautions
        .iter()
        .filter(|c| c.severity == Severity::Danger)
    {
        let forbidden = caution
            .regions
            .iter()
            .filter(|r| catalog.region(r).is_some_and(Region::is_no_roll));
        for place in forbidden {
            for technique in caution
                .techniques
                .iter()
                .filter_map(|t| catalog.technique(t))
            {
                if !technique.avoid.contains(place) {
                    out.push(invalid(
                        "techniques.ron",
                        format!(
                            "technique \"{}\" does not say it keeps off \"{place}\", which \
                             the caution \"{}\" forbids; add it to its `avoid`",
                            technique.id, caution.id
                        ),
                    ));
                }
            }
        }
    }
}

/// Every technique's suggested dose, on every place it works and with each of its tools,
/// stays within what the routine's checks allow there.
fn doses(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    for technique in &catalog.techniques {
        let under_weight = catalog.regions_of_technique(technique).any(|region| {
            technique
                .tools
                .iter()
                .any(|tool| catalog.ball_under_weight(&region.id, tool))
        });
        if technique.dose_under_weight.is_some() && !under_weight {
            out.push(invalid(
                "techniques.ron",
                format!(
                    "technique \"{}\" has a dose under the body's weight, but none of its balls \
                     carries weight on a place it works",
                    technique.id
                ),
            ));
        }
        for region in catalog.regions_of_technique(technique) {
            for tool in &technique.tools {
                let dose = catalog.suggested_dose(&region.id, technique, tool);
                let Some(limit) = catalog.dose_limit(&region.id, &technique.id, tool) else {
                    continue;
                };
                if dose.approx_seconds() > limit.seconds {
                    let fix = match limit.cap {
                        Cap::BallUnderWeight => format!(
                            "a ball {} may stay {} s; give it a `dose_under_weight` of at most that",
                            catalog.build_rules.ball_under_weight.words, limit.seconds
                        ),
                        Cap::FarPastSuggested { .. } => {
                            format!("the most is {} s", limit.seconds)
                        }
                    };
                    out.push(invalid(
                        "techniques.ron",
                        format!(
                            "technique \"{}\" suggests {} s on \"{}\" with \"{tool}\": {fix}",
                            technique.id,
                            dose.approx_seconds(),
                            region.id
                        ),
                    ));
                }
            }
        }
    }
}

/// Other names must add something: none may repeat the entry's own name or another alias.
fn aliases(catalog: &Catalog, out: &mut Vec<CatalogError>) {
    let entries = catalog
        .regions
        .iter()
        .map(|r| ("regions.ron", &r.name, &r.aliases))
        .chain(
            catalog
                .muscles
                .iter()
                .map(|m| ("muscles.ron", &m.name, &m.aliases)),
        )
        .chain(
            catalog
                .techniques
                .iter()
                .map(|t| ("techniques.ron", &t.name, &t.aliases)),
        )
        .chain(
            catalog
                .tools
                .iter()
                .map(|t| ("tools.ron", &t.name, &t.aliases)),
        )
        .chain(
            catalog
                .basics
                .iter()
                .map(|b| ("basics.ron", &b.title, &b.aliases)),
        )
        .chain(
            catalog
                .complaints
                .iter()
                .map(|c| ("complaints.ron", &c.name, &c.aliases)),
        );
    // Case and punctuation aside; plurals count as names of their own.
    let fold = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (file, name, aliases) in entries {
        let mut seen = HashSet::from([fold(name)]);
        for alias in aliases {
            if !seen.insert(fold(alias)) {
                out.push(invalid(
                    file,
                    format!("\"{name}\" lists \"{alias}\" as another name twice over"),
                ));
            }
        }
    }
}
