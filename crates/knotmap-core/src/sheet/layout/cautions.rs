//! The cautions on the sheet: the short list beside the diagram, graded and capped, and the
//! full texts on pages of their own when asked for.

use super::{
    Align, Frame, GREY, INK, Item, MARGIN, Pages, Rgb, Role, SMALLEST, Style, Tag, Typesetter,
    Weight, tagged_text,
};
use crate::catalog::{Catalog, Caution, Severity};
use crate::routine::{Routine, When};

/// The "Take care" list beside the diagram, from `column`'s top: its heading and its list,
/// and where it ends; nothing when no caution applies.
pub(super) fn cautions_beside_diagram(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    routine: &Routine,
    catalog: &Catalog,
    column: Frame,
    scale: f32,
    details: bool,
) -> Option<(Vec<Tag>, f32)> {
    let cautions = routine_cautions(routine, catalog);
    if cautions.is_empty() {
        return None;
    }
    let mut tags = Vec::new();
    let mut y = column.y;
    let care = ts.line(
        column.x,
        y,
        column.w,
        "Take care",
        Weight::Bold,
        11.0 * scale,
        INK,
    );
    y = care.frame.bottom() + 2.0;
    tags.push(tagged_text(pages, Role::Heading(2), care));
    let mut list = Tag::new(Role::List);
    let size = 8.0 * scale;
    // The most serious first (the catalog's order); every Danger is listed, and past the
    // limit the rest are counted on a last line.
    let dangers = cautions
        .iter()
        .filter(|c| c.severity == Severity::Danger)
        .count();
    let shown = if cautions.len() <= LISTED_CAUTIONS {
        cautions.len()
    } else {
        (LISTED_CAUTIONS - 1).max(dangers)
    };
    let rest = cautions.len() - shown;
    for caution in cautions.into_iter().take(shown) {
        let (colour, weight) = severity_style(caution.severity);
        let line = ts.line(
            column.x + size,
            y,
            column.w - size,
            &caution.title,
            weight,
            size,
            INK,
        );
        pages.push(Item::Circle {
            centre: (column.x + size * 0.3, y + line.leading / 2.0),
            radius: size * 0.24,
            fill: colour,
        });
        y = line.frame.bottom();
        list.children.push(tagged_text(pages, Role::ListItem, line));
    }
    if rest > 0 {
        let more = format!(
            "and {rest} more caution{}: {}",
            if rest == 1 { "" } else { "s" },
            if details {
                "all of them in full after the steps"
            } else {
                "print with the cautions in full to read them"
            }
        );
        let line = ts.text(
            column.x + size,
            y,
            column.w - size,
            &more,
            Style {
                weight: Weight::Regular,
                size,
                min: SMALLEST,
                max_lines: 2,
                colour: GREY,
                align: Align::Left,
            },
        );
        y = line.frame.bottom();
        list.children.push(tagged_text(pages, Role::ListItem, line));
    }
    tags.push(list);
    Some((tags, y))
}

/// The most cautions listed beside the diagram on the sheet's first page.
const LISTED_CAUTIONS: usize = 7;

/// How a caution of each severity is marked: its colour, and bold for the ones that matter
/// most.
fn severity_style(severity: Severity) -> (Rgb, Weight) {
    match severity {
        Severity::Danger => (Rgb(0xA8, 0x1E, 0x1E), Weight::Bold),
        Severity::Caution => (Rgb(0xC2, 0x7A, 0x00), Weight::Regular),
        Severity::Info => (Rgb(0x8A, 0x8A, 0x8A), Weight::Regular),
    }
}

/// The cautions that apply to this routine's places, techniques and tools, and to the time
/// it is done, the weightiest first.
pub fn routine_cautions<'a>(routine: &Routine, catalog: &'a Catalog) -> Vec<&'a Caution> {
    let work = crate::catalog::Work {
        regions: routine.steps.iter().map(|s| &s.region).collect(),
        muscles: routine
            .steps
            .iter()
            .filter_map(|s| catalog.region(&s.region))
            .flat_map(|r| r.muscles.iter())
            .collect(),
        techniques: routine.steps.iter().map(|s| &s.technique).collect(),
        tools: routine.steps.iter().map(|s| &s.tool).collect(),
        pairs: routine.steps.iter().map(|s| (&s.region, &s.tool)).collect(),
    };
    catalog
        .cautions_for(&work)
        .into_iter()
        .filter(|c| !c.before_a_run_only || routine.when == When::BeforeRun)
        .collect()
}

/// Every caution that applies, title and full text, from a new page.
pub(super) fn cautions_in_full(
    ts: &Typesetter<'_>,
    pages: &mut Pages,
    routine: &Routine,
    catalog: &Catalog,
) -> Tag {
    let mut section = Tag::new(Role::Section);
    let list = routine_cautions(routine, catalog);
    pages.new_page();
    let w = pages.content_width();
    let heading = ts.line(
        MARGIN,
        pages.y,
        w,
        "Take care: the cautions in full",
        Weight::Bold,
        14.0,
        INK,
    );
    pages.y = heading.frame.bottom() + 6.0;
    section
        .children
        .push(tagged_text(pages, Role::Heading(2), heading));
    if list.is_empty() {
        let none = ts.line(
            MARGIN,
            pages.y,
            w,
            "No caution applies to this routine.",
            Weight::Regular,
            10.0,
            GREY,
        );
        section
            .children
            .push(tagged_text(pages, Role::Paragraph, none));
        return section;
    }
    for caution in list {
        let (colour, _) = severity_style(caution.severity);
        let title = format!("{} · {}", caution.severity.title(), caution.title);
        let head = ts.text(
            MARGIN,
            0.0,
            w,
            &title,
            Style {
                weight: Weight::Bold,
                size: 10.0,
                min: 8.0,
                max_lines: 2,
                colour,
                align: Align::Left,
            },
        );
        let text = ts.text(
            MARGIN,
            0.0,
            w,
            &caution.text,
            Style {
                weight: Weight::Regular,
                size: 9.5,
                min: 8.0,
                // The full text, never cut: the longest, when not to roll, runs to about 13
                // lines.
                max_lines: 20,
                colour: INK,
                align: Align::Left,
            },
        );
        if pages.y + head.frame.h + text.frame.h + 8.0 > pages.bottom() {
            pages.new_page();
        }
        let mut head = head;
        head.frame.y = pages.y;
        let mut text = text;
        text.frame.y = head.frame.bottom();
        pages.y = text.frame.bottom() + 8.0;
        section
            .children
            .push(tagged_text(pages, Role::Heading(3), head));
        section
            .children
            .push(tagged_text(pages, Role::Paragraph, text));
    }
    section
}
