//! The routine editor, driven as a runner would: add steps from the region panel, reorder,
//! undo, save through the (fake) dialog, reopen, and the questions that guard unsaved work.

#[path = "support/gpu.rs"]
mod gpu;
#[path = "support/window.rs"]
mod window;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use knotmap::app::KnotmapApp;
use knotmap::body::Bodies;
use knotmap::catalog::{Catalog, Dose};
use knotmap::routine::{Routine, TEMPLATES};
use knotmap::state::{FileCommand, RoutineCommand, ViewCommand};
use knotmap::storage::{Folders, read_routine};
use window::{FakeDialogs, add_first_technique, answer, app, apply, click_place, shortcut};

fn select_step(h: &mut Harness<'_, KnotmapApp>, index: usize) {
    let number = format!("{}. ", index + 1);
    h.get_all_by_label_contains(&number)
        .find(|n| {
            let node = n.accesskit_node();
            node.label()
                .or_else(|| node.value())
                .is_some_and(|l| l.starts_with(&number))
        })
        .expect("the step's title")
        .click_accesskit();
    h.run();
    assert_eq!(h.state().state.selected_step, Some(index));
}

fn regions(h: &Harness<'_, KnotmapApp>) -> Vec<String> {
    h.state()
        .state
        .doc
        .routine
        .steps
        .iter()
        .map(|s| s.region.to_string())
        .collect()
}

#[test]
fn build_reorder_undo_save_and_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(&dir.path().join("data"), &dialogs);

    add_first_technique(&mut h, "Left calf");
    add_first_technique(&mut h, "Right hamstrings");
    assert_eq!(regions(&h), ["calf", "hamstrings"]);
    assert!(h.state().state.doc.is_dirty());
    assert!(h.state().state.doc.window_title().starts_with("● "));

    // The second step is selected after adding; Alt+Up moves it first.
    shortcut(&mut h, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(regions(&h), ["hamstrings", "calf"]);
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(regions(&h), ["calf", "hamstrings"]);
    shortcut(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(regions(&h), ["hamstrings", "calf"]);

    // Rename through the name field, then save through the dialog.
    let path = dir.path().join("tight-legs.ron");
    dialogs.answer(Some(&path));
    h.get_by_label("Routine").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Routine").type_text("Tight legs");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().state.doc.routine.name, "Tight legs");
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(
        dialogs.asked.borrow().last().map(String::as_str),
        Some("save tight-legs.ron")
    );
    assert!(path.exists(), "saved to the chosen file");
    assert!(!h.state().state.doc.is_dirty());
    assert_eq!(
        h.state().state.doc.window_title(),
        "tight-legs.ron — knotmap"
    );
    let saved = h.state().state.doc.routine.clone();

    // A second save writes the same bytes (nothing changed).
    let bytes = std::fs::read(&path).expect("read");
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(std::fs::read(&path).expect("read"), bytes);

    // Reopen in a fresh window: the same routine.
    let mut again = app(&dir.path().join("data2"), &dialogs);
    dialogs.answer(Some(&path));
    shortcut(&mut again, Modifiers::COMMAND, Key::O);
    assert_eq!(again.state().state.doc.routine, saved);
    assert_eq!(read_routine(&path).expect("reads").loaded.routine, saved);
}

#[test]
fn unsaved_changes_are_asked_about() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    add_first_technique(&mut h, "Left calf");

    shortcut(&mut h, Modifiers::COMMAND, Key::N);
    assert!(h.query_by_label("Save your changes?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(regions(&h), ["calf"], "cancel keeps the routine");

    shortcut(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Discard").click();
    h.run();
    assert!(regions(&h).is_empty(), "discard starts a new routine");
    assert!(!h.state().state.doc.is_dirty());
}

#[test]
fn a_malformed_file_shows_where_and_keeps_the_current_routine() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    add_first_technique(&mut h, "Left calf");
    let before = h.state().state.doc.routine.clone();

    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    format: 1,\n    name: \"x\",\n    when: Sometimes,\n)\n",
    )
    .expect("write");
    let bytes = std::fs::read(&bad).expect("read");
    apply(
        &mut h,
        knotmap::state::Command::File(FileCommand::OpenPath(bad.clone())),
    );
    assert!(h.query_by_label("Save your changes?").is_some());
    h.get_by_label("Discard").click();
    h.run();
    let notice = h.state().state.notice.clone().expect("a notice");
    assert!(
        notice.text.contains(&format!("{}:4:11", bad.display())),
        "{}",
        notice.text
    );
    assert_eq!(
        h.state().state.doc.routine,
        before,
        "the current routine is intact"
    );
    assert_eq!(
        std::fs::read(&bad).expect("read"),
        bytes,
        "the file is untouched"
    );
}

#[test]
fn a_file_changed_on_disk_is_not_silently_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.ron");
    std::fs::write(&path, TEMPLATES[0].1).expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    dialogs.answer(Some(&path));
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    assert_eq!(h.state().state.doc.routine.steps.len(), 7);

    // Someone else edits the file; then we edit and save.
    let theirs = TEMPLATES[0]
        .1
        .replacen("Loosen up", "Their version of loosen up", 1);
    std::fs::write(&path, &theirs).expect("write");
    select_step(&mut h, 0);
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(
        h.state().state.doc.routine.steps.len(),
        6,
        "the step was deleted"
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert!(h.query_by_label("The file changed on disk").is_some());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "not overwritten yet"
    );
    h.get_by_label("Overwrite").click();
    h.run();
    let loaded = read_routine(&path).expect("reads").loaded;
    assert_eq!(loaded.routine.steps.len(), 6);
}

#[test]
fn edits_are_recovered_after_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let dialogs = FakeDialogs::default();
    let mut h = app(&data, &dialogs);
    add_first_technique(&mut h, "Left calf");
    let edited = h.state().state.doc.routine.clone();
    // The copy is written a couple of seconds after the last edit.
    std::thread::sleep(std::time::Duration::from_millis(2_200));
    h.step();
    let copies = std::fs::read_dir(data.join("recovery"))
        .expect("the recovery folder")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
        .count();
    assert_eq!(copies, 1, "a recovery copy was written");
    drop(h); // the window dies without saving

    let mut next = app(&data, &dialogs);
    assert!(next.query_by_label("Restore unsaved changes?").is_some());
    next.get_by_label("Restore").click();
    next.run();
    assert_eq!(next.state().state.doc.routine, edited);
    assert!(
        next.state().state.doc.is_dirty(),
        "restored edits still need saving"
    );
}

#[test]
fn newer_files_are_read_only_and_unknown_ids_survive() {
    let dir = tempfile::tempdir().expect("temp dir");
    let newer = dir.path().join("newer.ron");
    std::fs::write(&newer, TEMPLATES[1].1.replacen("format: 1", "format: 2", 1)).expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    dialogs.answer(Some(&newer));
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    assert!(h.state().state.doc.read_only.is_some());
    let before = std::fs::read(&newer).expect("read");
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    select_step(&mut h, 0);
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(
        std::fs::read(&newer).expect("read"),
        before,
        "never rewritten"
    );
    assert_eq!(h.state().state.doc.routine.steps.len(), 11);

    let odd = dir.path().join("odd.ron");
    let text = TEMPLATES[0]
        .1
        .replacen("\"foam_roller\"", "\"vibrating_spoon\"", 1);
    std::fs::write(&odd, &text).expect("write");
    dialogs.answer(Some(&odd));
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    let odd_step = h
        .state()
        .state
        .doc
        .routine
        .steps
        .iter()
        .position(|s| s.tool.as_str() == "vibrating_spoon")
        .expect("the odd step");
    assert!(
        h.query_all_by_label_contains("unknown tool “vibrating_spoon”")
            .next()
            .is_some(),
        "the step shows the tool as unknown"
    );
    select_step(&mut h, odd_step);
    assert!(
        h.query_all_by_value("Unknown tool “vibrating_spoon”")
            .next()
            .is_some()
    );
    // Edit something else, save: the unknown id is written back unchanged.
    select_step(&mut h, 6);
    h.get_by_label("Delete").click();
    h.run();
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    let written = std::fs::read_to_string(&odd).expect("read");
    assert!(written.contains("\"vibrating_spoon\""));
    let reread = Routine::from_ron("odd.ron", &written)
        .expect("parses")
        .routine;
    assert_eq!(reread.steps.len(), 6);
}

#[test]
fn the_sheet_from_the_window_saves_previews_and_prints() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    shortcut(&mut h, Modifiers::COMMAND, Key::N);
    apply(
        &mut h,
        knotmap::state::Command::File(FileCommand::New(Some(0))),
    );
    assert_eq!(h.state().state.doc.routine.steps.len(), 7);

    // Save PDF… from the Sheet menu.
    let pdf = dir.path().join("sheet.pdf");
    dialogs.answer(Some(&pdf));
    h.get_by_label("Sheet").click();
    h.run();
    h.get_by_label("Save PDF…").click();
    h.run();
    assert_eq!(
        dialogs.asked.borrow().last().map(String::as_str),
        Some("save loosen-up-before-a-run-sheet.pdf")
    );
    assert!(std::fs::read(&pdf).expect("saved").starts_with(b"%PDF-"));

    // The preview shows the pages.
    h.get_by_label("Sheet").click();
    h.run();
    h.get_by_label("Print preview").click();
    h.run();
    assert!(h.query_by_label("Page 1 of the session sheet").is_some());
    shortcut(&mut h, Modifiers::NONE, Key::Escape);
    assert!(
        h.query_by_label("Page 1 of the session sheet").is_none(),
        "Escape closes the preview"
    );

    // Print… with no printing system: the offer to save the PDF instead, once `lp` was
    // tried beside the window.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run_steps(2);
    assert!(
        window::step_until(&mut h, 30, |h| h
            .query_by_label("Could not print")
            .is_some()),
        "the offer to save the PDF"
    );
    let instead = dir.path().join("instead.pdf");
    dialogs.answer(Some(&instead));
    h.get_all_by_label("Save PDF…")
        .last()
        .expect("the offer")
        .click();
    h.run();
    assert!(instead.exists());
}

#[test]
fn print_sends_the_sheet_to_lp() {
    let dir = tempfile::tempdir().expect("temp dir");
    let received = dir.path().join("received.pdf");
    let args = dir.path().join("args");
    let lp = dir.path().join("fake-lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\ncat > '{}'\necho 'request id is Floor-1 (1 file(s))'\n",
            args.display(),
            received.display()
        ),
    )
    .expect("write");
    std::process::Command::new("chmod")
        .args(["+x", lp.to_str().expect("path")])
        .status()
        .expect("chmod");
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    let folders = Folders::at(dir.path().join("data"));
    let dialogs = FakeDialogs::default();
    let lp_path = lp;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .build_eframe(move |cc| {
            KnotmapApp::new(cc, catalog, body)
                .with_files(Some(folders), Box::new(dialogs))
                .with_print_program(lp_path)
        });
    h.run();
    apply(
        &mut h,
        knotmap::state::Command::File(FileCommand::New(Some(2))),
    );
    // `lp` runs beside the window, and may be done within this very run: step, don't settle.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run_steps(2);
    assert!(
        window::step_until(&mut h, 30, |h| h.state().state.jobs.is_empty()),
        "lp is done"
    );
    let notice = h.state().state.notice.clone().expect("a notice");
    assert!(notice.text.contains("Floor-1"), "{}", notice.text);
    assert_eq!(
        std::fs::read_to_string(&args).expect("args"),
        "-t\nBreathing opener\n"
    );
    assert!(std::fs::read(&received).expect("pdf").starts_with(b"%PDF-"));
}

/// Presses Skip, one part of a step at a time, until the session is done.
fn skip_to_the_end(h: &mut Harness<'_, KnotmapApp>) {
    for _ in 0..100 {
        if h.query_by_label("Session done").is_some() {
            return;
        }
        h.get_by_label("Skip").click();
        h.run_steps(2);
    }
    panic!("Skip never reached the end of the session");
}

/// A clock the test moves by hand.
#[derive(Clone, Default)]
struct HandClock(std::rc::Rc<std::cell::RefCell<std::time::Duration>>);

impl HandClock {
    fn advance(&self, secs: f32) {
        let now = self.0.borrow().as_secs_f32() + secs;
        *self.0.borrow_mut() = std::time::Duration::from_secs_f32(now.max(0.0));
    }
}

impl knotmap::app::Clock for HandClock {
    fn now(&self) -> std::time::Duration {
        *self.0.borrow()
    }
}

#[test]
fn the_player_counts_down_switches_sides_pauses_skips_and_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    let clock = HandClock::default();
    let hand = clock.clone();
    let folders = Folders::at(dir.path());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .build_eframe(move |cc| {
            KnotmapApp::new(cc, catalog, body)
                .with_files(Some(folders), Box::new(FakeDialogs::default()))
                .with_clock(Box::new(hand))
        });
    h.run();
    // "Before a run": its first step is on both sides.
    apply(
        &mut h,
        knotmap::state::Command::File(FileCommand::New(Some(0))),
    );
    let first = h.state().state.doc.routine.steps[0].clone();
    let work = first.dose.approx_seconds() as f32;
    click_place(&mut h, "Right calf");
    h.get_by_label("Play").click();
    h.run_steps(2);
    assert_eq!(
        h.state().state.selection,
        None,
        "the map shows the step being played, not the place picked before"
    );
    assert!(h.query_by_label("Get ready").is_some());
    assert!(h.query_by_label("Step 1 of 7").is_some());
    assert!(
        h.query_by_label("0:05").is_some(),
        "five seconds to get ready"
    );

    clock.advance(5.5);
    h.run_steps(2);
    assert!(h.query_by_label("Left side").is_some());
    assert!(
        h.query_by_label("The same work on the other side, after a short switch")
            .is_some(),
        "the right side is next"
    );
    clock.advance(1.0);
    h.run_steps(8);
    gpu::snapshot(&mut h, "player_left_side");
    clock.advance(-1.0);
    clock.advance(work);
    h.run_steps(2);
    assert!(h.query_by_label("Switch to the right").is_some());
    assert!(
        h.query_all_by_label_contains("Right ").next().is_some(),
        "the side coming up is named"
    );

    // Space pauses: time passes, the countdown does not.
    h.key_press(Key::Space);
    h.run_steps(2);
    assert!(h.query_by_label("Paused").is_some());
    let before = h.state().player_phase();
    clock.advance(600.0);
    h.run_steps(2);
    assert_eq!(h.state().player_phase(), before);
    h.key_press(Key::Space);
    h.run_steps(2);
    clock.advance(4.0);
    h.run_steps(2);
    assert!(h.query_by_label("Right side").is_some());

    // The right arrow skips to the next step; the left arrow goes back.
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert!(h.query_by_label("Step 2 of 7").is_some());
    h.key_press(Key::ArrowLeft);
    h.run_steps(2);
    assert!(h.query_by_label("Step 1 of 7").is_some());
    skip_to_the_end(&mut h);
    h.get_by_label("Back to the editor").click();
    h.run_steps(2);
    assert!(h.state().state.play.is_none());
}

#[test]
fn adapting_a_routine_to_my_tools_is_one_undoable_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    apply(
        &mut h,
        knotmap::state::Command::File(FileCommand::New(Some(1))),
    );
    let before = h.state().state.doc.routine.clone();
    assert!(
        before
            .steps
            .iter()
            .any(|s| s.tool.as_str() == "foam_roller")
    );

    h.get_by_label("My tools").click();
    h.run();
    // A runner with no rollers at all.
    for name in [
        "Foam roller",
        "Compact roller",
        "Massage stick",
        "Rolling pin",
    ] {
        h.get_by_label(name).click();
        h.run();
    }
    let owned = h
        .state()
        .state
        .settings
        .owned_tools
        .clone()
        .expect("owned tools set");
    assert!(!owned.contains(&"foam_roller".into()));
    h.get_by_label("Adapt the routine to my tools").click();
    h.run();
    let after = h.state().state.doc.routine.clone();
    for step in &after.steps {
        assert!(
            owned.contains(&step.tool)
                || before
                    .steps
                    .iter()
                    .any(|b| b.tool == step.tool && !owned.contains(&b.tool)),
            "{} kept a tool that is not owned and was not flagged",
            step.tool
        );
    }
    assert!(
        after
            .steps
            .iter()
            .all(|s| s.tool.as_str() != "foam_roller" || !owned.contains(&s.tool))
    );
    assert_ne!(after, before);
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().state.doc.routine,
        before,
        "one undo puts every tool back"
    );

    // The region panel now says what to use instead of a roller.
    apply(
        &mut h,
        knotmap::state::Command::View(ViewCommand::ShowMyTools(false)),
    );
    click_place(&mut h, "Left rectus femoris");
    let says = |text: &str| h.query_all_by_label_contains(text).next().is_some();
    assert!(
        says("You have no foam roller") || says("it is best with a foam roller"),
        "the technique is marked as missing its tool"
    );
}

#[test]
fn the_builder_makes_a_routine_for_the_places_clicked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    h.get_by_label("Build…").click();
    h.run();
    assert!(h.query_all_by_label("Build a routine").next().is_some());
    click_place(&mut h, "Left hamstrings");
    click_place(&mut h, "Right calf");
    click_place(&mut h, "Lower spine");
    let form = h.state().state.builder.clone().expect("builder open");
    let focus: Vec<&str> = form.focus.iter().map(|f| f.as_str()).collect();
    assert_eq!(
        focus,
        ["hamstrings", "calf"],
        "no-roll zones are never a focus"
    );
    h.get_by_label("Build routine").click();
    h.run();
    let routine = h.state().state.doc.routine.clone();
    let regions: Vec<&str> = routine.steps.iter().map(|s| s.region.as_str()).collect();
    let at = |id: &str| {
        regions
            .iter()
            .position(|r| *r == id)
            .expect("focus place present")
    };
    assert!(
        at("hamstrings") < at("calf"),
        "larger muscle first: {regions:?}"
    );
    assert!(!regions.contains(&"lower_spine"));
    let target = form.minutes * 60;
    assert!(routine.total_seconds().abs_diff(target) * 10 <= target);
    assert!(h.state().state.builder.is_none());
}

#[test]
fn the_end_of_a_session_records_tightness_and_the_map_shows_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let dialogs = FakeDialogs::default();
    let mut h = app(&data, &dialogs);
    apply(
        &mut h,
        knotmap::state::Command::File(FileCommand::New(Some(2))),
    );
    h.get_by_label("Play").click();
    h.run_steps(2);
    skip_to_the_end(&mut h);
    assert!(
        h.get_by_label("Save to the tightness log")
            .accesskit_node()
            .is_disabled(),
        "nothing to save before a place is rated"
    );
    // Rate two places; one rated by mistake is clicked again to clear it.
    h.get_by_label("Left chest: 5").click();
    h.get_by_label("Right chest: 8").click();
    h.run();
    h.get_by_label("Right chest: 8").click();
    h.run();
    h.get_by_label("Right chest: 7").click();
    h.get_by_label("Left ribs: 2").click();
    h.run();
    h.get_by_label("Left ribs: 2").click();
    h.run();
    h.get_by_label("Save to the tightness log").click();
    h.run_steps(2);
    assert!(
        h.query_by_label("Save to the tightness log").is_none(),
        "a session goes to the log once"
    );
    let log = knotmap::tightness::Log::load(&Folders::at(&data)).expect("log");
    assert_eq!(log.entries.len(), 1);
    assert_eq!(log.entries[0].routine, "Breathing opener");
    let ratings: Vec<(String, u8)> = log.entries[0]
        .ratings
        .iter()
        .map(|r| (format!("{} {:?}", r.region, r.side), r.tightness))
        .collect();
    assert_eq!(
        ratings,
        [("chest Left".to_owned(), 5), ("chest Right".to_owned(), 7)],
        "only the places rated are logged"
    );
    drop(h);

    // A new window reads the log: the heat view and the region's trend.
    let mut h = app(&data, &dialogs);
    h.get_by_label("Tightness").click();
    h.run();
    assert!(h.state().state.settings.heat);
    // (Before any place is picked: the panel would show today's date.)
    gpu::snapshot(&mut h, "heat_view");
    click_place(&mut h, "Left chest");
    assert!(
        h.query_all_by_label_contains("last 5/10 on")
            .next()
            .is_some()
    );
}

/// A clock on the wall of a runner in New York, moved by hand.
#[derive(Clone)]
struct WallClock(std::rc::Rc<std::cell::RefCell<jiff::Zoned>>);

impl WallClock {
    fn at(hour: i8, minute: i8) -> jiff::Zoned {
        jiff::civil::date(2026, 11, 30)
            .at(hour, minute, 0, 0)
            .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(-5)))
            .expect("a moment")
    }
}

impl knotmap::app::Clock for WallClock {
    fn now(&self) -> std::time::Duration {
        std::time::Duration::ZERO
    }

    fn local_now(&self) -> jiff::Zoned {
        self.0.borrow().clone()
    }
}

/// 23:30 in New York is already tomorrow in UTC; the sessions belong to the evening they
/// were done in, and two of them keep their own times.
#[test]
fn an_evening_session_is_logged_on_the_local_date_with_its_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    let clock = WallClock(std::rc::Rc::new(std::cell::RefCell::new(WallClock::at(
        21, 5,
    ))));
    let hand = clock.clone();
    let folders = Folders::at(&data);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .build_eframe(move |cc| {
            KnotmapApp::new(cc, catalog, body)
                .with_files(Some(folders), Box::new(FakeDialogs::default()))
                .with_clock(Box::new(hand))
        });
    h.run();
    for (hour, minute, tightness) in [(21, 5, 6), (23, 30, 4)] {
        *clock.0.borrow_mut() = WallClock::at(hour, minute);
        apply(
            &mut h,
            knotmap::state::Command::File(FileCommand::New(Some(2))),
        );
        h.get_by_label("Play").click();
        h.run_steps(2);
        skip_to_the_end(&mut h);
        h.get_by_label(&format!("Left chest: {tightness}")).click();
        h.run();
        h.get_by_label("Save to the tightness log").click();
        h.run_steps(2);
        h.get_by_label("Back to the editor").click();
        h.run();
    }
    let log = knotmap::tightness::Log::load(&Folders::at(&data)).expect("log");
    let when: Vec<(&str, Option<&str>)> = log
        .entries
        .iter()
        .map(|e| (e.date.as_str(), e.time.as_deref()))
        .collect();
    assert_eq!(
        when,
        [("2026-11-30", Some("21:05")), ("2026-11-30", Some("23:30"))]
    );
    let text = log.to_text(catalog);
    assert!(
        text.contains("2026-11-30 23:30  Breathing opener  Left chest 4"),
        "{text}"
    );
}

#[test]
fn steps_reorder_by_drag_and_drop() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    apply(
        &mut h,
        knotmap::state::Command::File(FileCommand::New(Some(0))),
    );
    let before = regions(&h);
    let title = |h: &Harness<'_, KnotmapApp>, number: usize| {
        let prefix = format!("{number}. ");
        h.get_all_by_label_contains(&prefix)
            .find(|n| {
                let node = n.accesskit_node();
                node.label()
                    .or_else(|| node.value())
                    .is_some_and(|l| l.starts_with(&prefix))
            })
            .expect("a step title")
            .rect()
    };
    // Grab the handle of step 3 (left of its title) and drop it on step 1.
    let from = title(&h, 3);
    let handle = egui::pos2(from.left() - 10.0, from.center().y);
    let target = title(&h, 1).center();
    h.hover_at(handle);
    h.run_steps(2);
    h.drag_at(handle);
    h.run_steps(2);
    for i in 1..=10 {
        let t = i as f32 / 10.0;
        h.hover_at(handle + (target - handle) * t);
        h.run_steps(1);
    }
    h.drop_at(target);
    h.run();
    let after = regions(&h);
    assert_eq!(after[0], before[2], "step 3 is now first: {after:?}");
    assert_eq!(after.len(), before.len());
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(regions(&h), before, "one undo puts it back");
}

#[test]
fn a_dose_that_presses_too_long_is_flagged_on_its_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    apply(
        &mut h,
        knotmap::state::Command::File(FileCommand::New(Some(0))),
    );
    assert!(
        h.query_all_by_label_contains("is long").next().is_none(),
        "the example routine is sound"
    );
    let first = h.state().state.doc.routine.steps[0].clone();
    assert_eq!(
        first.tool.as_str(),
        "tennis_ball",
        "a ball under the glutes"
    );
    apply(
        &mut h,
        knotmap::state::Command::Routine(RoutineCommand::Edit(knotmap::routine::Edit::SetStep {
            index: 0,
            step: knotmap::routine::Step {
                dose: Dose::Seconds(600),
                ..first
            },
        })),
    );
    assert!(
        h.query_all_by_label_contains("on a ball under the glutes is long")
            .next()
            .is_some()
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.query_all_by_label_contains("is long").next().is_none());
}

#[test]
fn without_a_file_chooser_the_path_is_typed_and_nothing_is_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let dialogs = FakeDialogs {
        none_here: true,
        ..FakeDialogs::default()
    };
    let mut h = app(&data, &dialogs);
    add_first_technique(&mut h, "Left calf");

    // Save: the window asks for the path itself, suggesting the routines folder.
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert!(h.query_by_label("Save the routine").is_some());
    let suggested = data.join("routines").join("new-routine.ron");
    assert_eq!(
        h.get_by_label("Path").value().as_deref(),
        Some(suggested.display().to_string().as_str())
    );
    answer(&mut h, "Save");
    h.run();
    assert!(suggested.is_file(), "saved where suggested");
    assert!(!h.state().state.doc.is_dirty());

    // Save As: a name alone goes in the folder shown, and gets the .ron extension.
    add_first_technique(&mut h, "Right hamstrings");
    apply(&mut h, knotmap::state::Command::File(FileCommand::SaveAs));
    h.get_by_label("Path").set_text_value_accesskit("second");
    h.run();
    answer(&mut h, "Save");
    h.run();
    assert!(data.join("routines").join("second.ron").is_file());

    // A new routine, not saved yet; then New again: save it first, to a typed path. A path
    // that will not do keeps the question open and says why.
    shortcut(&mut h, Modifiers::COMMAND, Key::N);
    add_first_technique(&mut h, "Left chest");
    shortcut(&mut h, Modifiers::COMMAND, Key::N);
    answer(&mut h, "Save");
    h.run();
    h.get_by_label("Path")
        .set_text_value_accesskit(&dir.path().join("no-such-folder/x").display().to_string());
    h.run();
    answer(&mut h, "Save");
    h.run();
    assert!(
        h.query_all_by_label_contains("There is no folder")
            .next()
            .is_some()
    );
    let kept = dir.path().join("kept");
    h.get_by_label("Path")
        .set_text_value_accesskit(&kept.display().to_string());
    h.run();
    answer(&mut h, "Save");
    h.run();
    assert!(kept.with_extension("ron").is_file());
    assert!(regions(&h).is_empty(), "then the new routine, as asked");

    // A file already there is replaced only when asked.
    apply(&mut h, knotmap::state::Command::File(FileCommand::SaveAs));
    h.get_by_label("Path").set_text_value_accesskit("second");
    h.run();
    answer(&mut h, "Save");
    assert!(
        h.query_all_by_label_contains("already exists")
            .next()
            .is_some()
    );
    answer(&mut h, "Replace it");
    assert!(h.state().state.pending.is_none());
    assert_eq!(
        read_routine(&data.join("routines").join("second.ron"))
            .expect("reads")
            .loaded
            .routine,
        h.state().state.doc.routine
    );

    // Open: a folder is not a file; the routines in the folder are offered.
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    assert!(h.query_by_label("Open a routine").is_some());
    h.get_by_label("Path")
        .set_text_value_accesskit(&format!("{}/", data.join("routines").display()));
    h.run();
    answer(&mut h, "Open");
    assert!(
        h.query_all_by_label_contains("is a folder")
            .next()
            .is_some()
    );
    answer(&mut h, "new-routine.ron");
    assert_eq!(regions(&h), ["calf"]);
    assert!(h.state().state.pending.is_none());
}

#[test]
fn news_leaves_the_banner_by_itself_and_warnings_stay() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = HandClock::default();
    let hand = clock.clone();
    let dialogs = FakeDialogs::default();
    let answers = dialogs.clone();
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    let folders = Folders::at(dir.path().join("data"));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .build_eframe(move |cc| {
            KnotmapApp::new(cc, catalog, body)
                .with_files(Some(folders), Box::new(dialogs))
                .with_clock(Box::new(hand))
        });
    h.run();
    add_first_technique(&mut h, "Left calf");
    answers.answer(Some(&dir.path().join("calf.ron")));
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert!(h.query_all_by_label_contains("Saved ").next().is_some());
    clock.advance(5.0);
    h.run();
    assert!(h.query_all_by_label_contains("Saved ").next().is_some());
    clock.advance(4.0);
    h.run();
    assert!(h.state().state.notice.is_none(), "gone after eight seconds");

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: 1, name: 7)").expect("write");
    answers.answer(Some(&bad));
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    clock.advance(60.0);
    h.run();
    let notice = h.state().state.notice.clone().expect("the error stays");
    assert!(notice.text.contains("bad.ron"), "{}", notice.text);
}
