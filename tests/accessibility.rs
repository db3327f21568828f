//! What a screen reader finds in the window: every focusable node has a name, the panel's
//! title and sections are headings, combo boxes and numbers say their values with units, and
//! Enter on a place takes the focus to the title of what opened.

#[path = "support/window.rs"]
mod window;

use eframe::egui::{Key, accesskit::Action, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use knotmap::app::{Command, KnotmapApp};
use window::{FakeDialogs, apply, click_place};

/// Every node that takes the keyboard focus but has no name, described for the message.
fn unnamed_focusable(h: &Harness<'_, KnotmapApp>) -> Vec<String> {
    h.root()
        .children_recursive()
        .filter(|n| {
            let node = n.accesskit_node();
            // A label's name is its text.
            let name = match node.role() {
                Role::Label => node.value(),
                _ => node.label(),
            };
            node.data().supports_action(Action::Focus) && name.is_none_or(|l| l.trim().is_empty())
        })
        .map(|n| {
            let inside: Vec<String> = n
                .children_recursive()
                .filter_map(|c| c.accesskit_node().value().or(c.accesskit_node().label()))
                .take(3)
                .collect();
            format!(
                "{:?} {:?} at {:?} holding {inside:?}",
                n.accesskit_node().id(),
                n.accesskit_node().role(),
                n.rect()
            )
        })
        .collect()
}

fn headings(h: &Harness<'_, KnotmapApp>) -> Vec<(String, usize)> {
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Heading)
        .map(|n| {
            let node = n.accesskit_node();
            (node.label().unwrap_or_default(), node.level().unwrap_or(0))
        })
        .collect()
}

#[test]
fn no_focusable_node_is_unnamed_anywhere_in_the_window() {
    let dir = tempfile::tempdir().expect("dir");
    let dialogs = FakeDialogs::default();
    let mut h = window::app(dir.path(), &dialogs);
    let mut seen = Vec::new();
    let mut check = |h: &Harness<'_, KnotmapApp>, state: &str| {
        for node in unnamed_focusable(h) {
            seen.push(format!("{state}: {node}"));
        }
    };
    check(&h, "the welcome");
    click_place(&mut h, "Left calf");
    check(&h, "a place");
    apply(&mut h, Command::New(Some(1)));
    apply(&mut h, Command::SelectStep(Some(0)));
    check(&h, "a routine with a step open");
    apply(&mut h, Command::ShowMyTools(true));
    check(&h, "My tools");
    apply(&mut h, Command::ShowMyTools(false));
    apply(&mut h, Command::SetBuilder(Some(Default::default())));
    check(&h, "the builder");
    apply(&mut h, Command::SetBuilder(None));
    apply(&mut h, Command::ShowLogWindow(true));
    check(&h, "the log");
    apply(&mut h, Command::ShowLogWindow(false));
    apply(&mut h, Command::Play);
    check(&h, "the player");
    assert!(
        seen.is_empty(),
        "unnamed focusable nodes:\n{}",
        seen.join("\n")
    );
}

#[test]
fn the_panel_has_headings_and_enter_on_a_place_takes_the_focus_to_its_title() {
    let dir = tempfile::tempdir().expect("dir");
    let dialogs = FakeDialogs::default();
    let mut h = window::app(dir.path(), &dialogs);
    assert!(
        headings(&h).iter().any(|(t, _)| t == "Where is it tight?"),
        "{:?}",
        headings(&h)
    );
    let calf = h
        .get_all_by_label("Left calf")
        .min_by(|a, b| a.rect().area().total_cmp(&b.rect().area()))
        .expect("the place");
    calf.focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let found = headings(&h);
    assert!(found.contains(&("Left calf".to_owned(), 1)), "{found:?}");
    assert!(
        found.iter().any(|(_, level)| *level == 2),
        "sections: {found:?}"
    );
    let title = h.get_by_role_and_label(Role::Heading, "Left calf");
    assert!(
        title.accesskit_node().is_focused(),
        "the focus is on the panel's title"
    );
}

#[test]
fn combo_boxes_and_numbers_say_their_values() {
    let dir = tempfile::tempdir().expect("dir");
    let dialogs = FakeDialogs::default();
    let mut h = window::app(dir.path(), &dialogs);
    apply(&mut h, Command::New(Some(1)));
    apply(&mut h, Command::SelectStep(Some(0)));
    let when = h.get_by_role_and_label(Role::ComboBox, "When");
    assert_eq!(
        when.accesskit_node().value().as_deref(),
        Some("After a run")
    );
    let side = h.get_by_role_and_label(Role::ComboBox, "Side");
    assert_eq!(side.accesskit_node().value().as_deref(), Some("Both sides"));
    let dose = h.get_by_label("Dose");
    let said = dose.accesskit_node().value().unwrap_or_default();
    assert!(
        said.ends_with(" s per side") || said.ends_with(" passes per side"),
        "{said}"
    );
}
