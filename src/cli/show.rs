//! `knotmap regions` and `knotmap show QUERY`: the catalog as text for the terminal.

use super::BadInput;
use crate::catalog::{Catalog, Dossier, Hit, Place, Side};
use crate::words;

/// Text width for wrapped paragraphs.
const WIDTH: usize = 88;

/// `knotmap regions`: one region a line.
pub fn regions(catalog: &Catalog) -> String {
    let mut rows: Vec<[String; 4]> = Vec::new();
    for region in &catalog.regions {
        for side in region.sides() {
            rows.push([
                region.id.to_string(),
                region.display_name(side),
                region.view.label().to_owned(),
                side.map_or("middle", Side::label).to_owned(),
            ]);
        }
    }
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let line = format!(
            "{:w0$}  {:w1$}  {:w2$}  {}",
            row[0],
            row[1],
            row[2],
            row[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `knotmap show QUERY`: the dossier of every match, or the closest names as an error.
pub fn show(catalog: &Catalog, query: &str) -> Result<String, BadInput> {
    let result = catalog.find(query);
    if result.hits.is_empty() {
        let mut message = format!("nothing in the catalog is called \"{}\"", query.trim());
        if result.suggestions.is_empty() {
            message.push_str("; try `knotmap regions` for the places on the map");
        } else {
            message.push_str("; did you mean: ");
            message.push_str(&result.suggestions.join(", "));
            message.push('?');
        }
        return Err(BadInput(message));
    }
    // The details of the entries that answer best; the others are named after them.
    let best = result.ranks[0];
    let shown: Vec<Hit> = result
        .hits
        .iter()
        .zip(&result.ranks)
        .take_while(|(_, rank)| **rank == best)
        .map(|(&hit, _)| hit)
        .collect();
    let pages: Vec<String> = shown
        .iter()
        .map(|&hit| dossier_text(catalog, &Dossier::new(catalog, hit)))
        .collect();
    let mut out = String::new();
    if shown.len() > 1 {
        // Several entries answer as well: say which, in order, before the details of each.
        out = format!("{} entries answer to \"{}\":\n", shown.len(), query.trim());
        for (n, &hit) in shown.iter().enumerate() {
            hanging(&mut out, &format!("{}. {}", n + 1, heading(catalog, hit)));
        }
        out.push('\n');
    }
    out.push_str(&pages.join(&format!("\n{}\n\n", "─".repeat(WIDTH))));
    let others = &result.hits[shown.len()..];
    if !others.is_empty() {
        out.push_str(&format!(
            "\n{}\n\nAlso about \"{}\":\n",
            "─".repeat(WIDTH),
            query.trim()
        ));
        for &hit in others.iter().take(12) {
            hanging(&mut out, &heading(catalog, hit));
        }
        if others.len() > 12 {
            hanging(&mut out, &format!("and {} more", others.len() - 12));
        }
    }
    Ok(out)
}

pub(super) fn wrap(out: &mut String, indent: usize, text: &str) {
    let pad = " ".repeat(indent);
    wrap_hanging(out, &pad, &pad, text);
}

/// Wraps text to the terminal width with the given indents, breaking lines between words
/// only, never after the hyphen of "push-off".
pub(super) fn wrap_hanging(out: &mut String, first: &str, rest: &str, text: &str) {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// A bullet at two spaces with its following lines under the text.
pub(super) fn hanging(out: &mut String, text: &str) {
    wrap_hanging(out, "  ", "    ", text);
}

fn heading(catalog: &Catalog, hit: Hit) -> String {
    match hit {
        Hit::Region(Place { region: i, side }) => {
            let region = &catalog.regions[i];
            let place = match (side, region.sided) {
                (Some(s), _) => format!("{} side", s.label()),
                (None, true) => "left and right".to_owned(),
                (None, false) => "middle".to_owned(),
            };
            format!(
                "{} — region, {} view, {place}",
                region.display_name(side),
                region.view.label()
            )
        }
        Hit::Muscle(i) => {
            let m = &catalog.muscles[i];
            format!("{} — muscle, {}", m.name, m.stride.title().to_lowercase())
        }
        Hit::Technique(i) => format!("{} — technique", catalog.techniques[i].name),
        Hit::Tool(i) => format!("{} — tool", catalog.tools[i].name),
        Hit::Basic(i) => format!("{} — the basics", catalog.basics[i].title),
        Hit::Complaint(i) => format!("{} — complaint", catalog.complaints[i].name),
    }
}

fn also(aliases: &[String]) -> String {
    if aliases.is_empty() {
        String::new()
    } else {
        format!(" (also: {})", aliases.join(", "))
    }
}

/// Renders a dossier as plain text for the terminal.
pub fn dossier_text(catalog: &Catalog, d: &Dossier<'_>) -> String {
    let mut out = String::new();
    let title = heading(catalog, d.subject);
    out.push_str(&format!("{title}\n{}\n", "=".repeat(title.chars().count())));
    subject_text(&mut out, catalog, d.subject);

    // A complaint names its places to work beside those to leave.
    if !matches!(d.subject, Hit::Region(..) | Hit::Complaint(_)) && !d.regions.is_empty() {
        let names: Vec<String> = d
            .regions
            .iter()
            .map(|r| format!("{} ({} view)", r.name, r.view.label()))
            .collect();
        out.push_str("\nWhere on the map\n");
        wrap(&mut out, 2, &names.join(", "));
    }

    if !matches!(d.subject, Hit::Muscle(_)) && !d.muscles.is_empty() {
        out.push_str("\nMuscles\n");
        for m in &d.muscles {
            hanging(
                &mut out,
                &format!(
                    "• {}{} — {}",
                    m.name,
                    also(&m.aliases),
                    m.stride.title().to_lowercase()
                ),
            );
            wrap(&mut out, 4, &format!("{} {}", m.what, m.why));
        }
    }

    if !d.techniques.is_empty() {
        out.push_str("\nTechniques\n");
        for t in &d.techniques {
            technique_text(&mut out, catalog, t);
        }
    }

    if !d.tools.is_empty() {
        out.push_str(if matches!(d.subject, Hit::Tool(_)) {
            "\nStand-ins\n"
        } else {
            "\nTools\n"
        });
        for tool in &d.tools {
            let stand_ins: Vec<&str> = tool
                .stand_ins
                .iter()
                .filter_map(|id| catalog.tool(id))
                .map(|t| t.name.as_str())
                .collect();
            if !matches!(d.subject, Hit::Tool(_)) {
                hanging(&mut out, &format!("• {}: {}", tool.name, tool.about));
            }
            if !stand_ins.is_empty() {
                wrap(
                    &mut out,
                    4,
                    &format!("Stand-ins: {}.", stand_ins.join(", ")),
                );
            }
            wrap(&mut out, 4, &tool.stand_in_note);
            if let Some(how) = &tool.home_made {
                wrap(&mut out, 4, &format!("Make it: {how}"));
            }
        }
    }

    if !d.cautions.is_empty() {
        out.push_str("\nCautions\n");
        for c in &d.cautions {
            hanging(
                &mut out,
                &format!("! {} ({})", c.title, c.severity.title().to_lowercase()),
            );
            wrap(&mut out, 4, &c.text);
        }
    }
    out
}

/// What the entry itself says: its other names and its text, a no-roll zone's warning and
/// the places to work instead, a complaint's page.
fn subject_text(out: &mut String, catalog: &Catalog, subject: Hit) {
    match subject {
        Hit::Region(Place { region: i, .. }) => {
            let region = &catalog.regions[i];
            if !region.aliases.is_empty() {
                wrap(
                    out,
                    0,
                    &format!("Also called: {}", region.aliases.join(", ")),
                );
            }
            wrap(out, 0, &region.about);
            if let Some(why) = &region.no_roll {
                out.push('\n');
                wrap(out, 0, &format!("DO NOT ROLL HERE. {why}"));
                let instead: Vec<String> = region
                    .instead
                    .iter()
                    .filter_map(|id| catalog.region(id))
                    .map(|r| format!("{} ({} view)", r.name, r.view.label()))
                    .collect();
                if !instead.is_empty() {
                    out.push_str("\nWork these instead\n");
                    wrap(out, 2, &instead.join(", "));
                }
            }
        }
        Hit::Muscle(i) => {
            let m = &catalog.muscles[i];
            if !m.aliases.is_empty() {
                wrap(out, 0, &format!("Also called: {}", m.aliases.join(", ")));
            }
            wrap(out, 0, &m.what);
            wrap(out, 0, &format!("Why it matters: {}", m.why));
        }
        Hit::Technique(i) => wrap(out, 0, &catalog.techniques[i].summary),
        Hit::Tool(i) => {
            let t = &catalog.tools[i];
            if !t.aliases.is_empty() {
                wrap(out, 0, &format!("Also called: {}", t.aliases.join(", ")));
            }
            wrap(out, 0, &t.about);
        }
        Hit::Basic(i) => wrap(out, 0, &catalog.basics[i].text),
        Hit::Complaint(i) => {
            super::complaint::complaint_text(out, catalog, &catalog.complaints[i]);
        }
    }
}

fn technique_text(out: &mut String, catalog: &Catalog, t: &crate::catalog::Technique) {
    hanging(
        out,
        &format!(
            "• {} — {}",
            t.name,
            words::dose_per_side(t.dose, t.per_side)
        ),
    );
    wrap(out, 4, &t.summary);
    let tools: Vec<&str> = t
        .tools
        .iter()
        .filter_map(|id| catalog.tool(id))
        .map(|tool| tool.name.as_str())
        .collect();
    let with = if tools.len() > 1 {
        format!("With: {} (best first)", tools.join(", "))
    } else {
        format!("With: {}", tools.join(", "))
    };
    wrap(out, 4, &with);
    for (n, step) in t.steps.iter().enumerate() {
        let text = format!("{}. {step}", n + 1);
        wrap_hanging(out, "    ", "       ", &text);
    }
    for cue in &t.cues {
        wrap(out, 4, &format!("{}: {}", cue.kind.title(), cue.text));
    }
}
