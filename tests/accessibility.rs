//! What a screen reader finds in the window: every focusable node has a name, the panel's
//! title and sections are headings, combo boxes and numbers say their values with units, and
//! Enter on a place takes the focus to the title of what opened.

#[path = "support/window.rs"]
mod window;

use eframe::egui::{Key, accesskit::Action, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use knotmap::app::KnotmapApp;
use knotmap::state::{Command, FileCommand, PlayerCommand, RoutineCommand, ViewCommand};
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
    apply(&mut h, Command::File(FileCommand::New(Some(1))));
    apply(
        &mut h,
        Command::Routine(RoutineCommand::SelectStep(Some(0))),
    );
    check(&h, "a routine with a step open");
    apply(&mut h, Command::View(ViewCommand::ShowMyTools(true)));
    check(&h, "My tools");
    apply(&mut h, Command::View(ViewCommand::ShowMyTools(false)));
    apply(
        &mut h,
        Command::View(ViewCommand::SetBuilder(Some(Default::default()))),
    );
    check(&h, "the builder");
    apply(&mut h, Command::View(ViewCommand::SetBuilder(None)));
    apply(&mut h, Command::View(ViewCommand::ShowLogWindow(true)));
    check(&h, "the log");
    apply(&mut h, Command::View(ViewCommand::ShowLogWindow(false)));
    apply(&mut h, Command::Player(PlayerCommand::Play));
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
    // Escape takes it back to the place on the map.
    h.key_press(Key::Escape);
    h.run();
    let back = h
        .root()
        .children_recursive()
        .find(|n| n.accesskit_node().is_focused())
        .expect("something has the focus");
    assert_eq!(back.accesskit_node().label().as_deref(), Some("Left calf"));
    assert_ne!(
        back.accesskit_node().role(),
        Role::Heading,
        "the place itself"
    );
}

#[test]
fn combo_boxes_and_numbers_say_their_values() {
    let dir = tempfile::tempdir().expect("dir");
    let dialogs = FakeDialogs::default();
    let mut h = window::app(dir.path(), &dialogs);
    apply(&mut h, Command::File(FileCommand::New(Some(1))));
    apply(
        &mut h,
        Command::Routine(RoutineCommand::SelectStep(Some(0))),
    );
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

/// The name of the node with the keyboard focus.
fn focused(h: &Harness<'_, KnotmapApp>) -> Option<String> {
    h.root()
        .children_recursive()
        .find(|n| n.accesskit_node().is_focused())
        .and_then(|n| n.accesskit_node().label().or(n.accesskit_node().value()))
}

#[test]
fn tab_reads_as_the_eye_does_top_bar_map_panel_editor() {
    let dir = tempfile::tempdir().expect("dir");
    let dialogs = FakeDialogs::default();
    let mut h = window::app(dir.path(), &dialogs);
    let order: Vec<String> = h
        .root()
        .children_recursive()
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    let at = |name: &str| {
        order
            .iter()
            .position(|l| l == name)
            .unwrap_or_else(|| panic!("no {name} in {order:?}"))
    };
    assert!(at("Search") < at("Stride") && at("Stride") < at("Front and back"));
    assert!(
        at("Front and back") < at("System"),
        "the top bar reads left to right"
    );
    assert!(
        at("System") < at("Left calf"),
        "the map comes after the top bar"
    );
    assert!(
        at("Left calf") < at("Where is it tight?"),
        "then the side panel"
    );
    assert!(at("Where is it tight?") < at("New"), "then the editor");

    // Tab from the start: the top bar left to right, then the places on the map.
    let map = h.get_by_label("Body map").rect();
    let mut seen = Vec::new();
    let mut reached = None;
    for _ in 0..40 {
        h.key_press(Key::Tab);
        h.run();
        let node = h
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().is_focused());
        let now = focused(&h).unwrap_or_default();
        if node.is_some_and(|n| map.contains_rect(n.rect())) {
            reached = Some(now);
            break;
        }
        seen.push(now);
    }
    assert!(reached.is_some(), "Tab never reached the map: {seen:?}");
    assert_eq!(seen.first().map(String::as_str), Some("Search"), "{seen:?}");
    assert!(seen.contains(&"Dark".to_owned()), "{seen:?}");
    assert!(
        !seen.contains(&"New".to_owned()),
        "the editor came before the map: {seen:?}"
    );
}

#[test]
fn tab_scrolls_the_focused_item_into_view() {
    let dir = tempfile::tempdir().expect("dir");
    let dialogs = FakeDialogs::default();
    let mut h = window::app_sized(dir.path(), &dialogs, eframe::egui::vec2(1366.0, 768.0), 1.0);
    click_place(&mut h, "Left calf");
    // Tab on through the side panel, well past its first screen.
    let height = h.ctx.content_rect().height();
    let mut below = 0;
    for _ in 0..120 {
        h.key_press(Key::Tab);
        h.run();
        if let Some(node) = h
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().is_focused())
        {
            let rect = node.rect();
            if rect.max.y > height + 1.0 || rect.min.y < -1.0 {
                below += 1;
                eprintln!(
                    "OUT {:?} {:?}",
                    node.accesskit_node()
                        .label()
                        .or(node.accesskit_node().value()),
                    rect
                );
            }
        }
    }
    assert_eq!(below, 0, "{below} focused items were out of view");
}
