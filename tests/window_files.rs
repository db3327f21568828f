//! The window and its files, driven as a runner would: saving through a link, routines past
//! the limits, two windows at once and a crash, a newer tightness log, unreadable settings,
//! and opening files the ways a desktop does (on the command line, at start, dropped).

#[path = "support/window.rs"]
mod window;

use std::path::Path;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use knotmap::app::{KnotmapApp, Start};
use knotmap::body::Bodies;
use knotmap::catalog::Catalog;
use knotmap::routine::{
    Edit, MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_STEP_NOTE_CHARS, MAX_STEPS, Routine, TEMPLATES,
};
use knotmap::state::{Command, FileCommand, NoticeKind, RoutineCommand, ViewCommand};
use knotmap::storage::{Folders, read_routine};
use window::{FakeDialogs, add_first_technique, answer, app, apply, notice, shortcut};

/// A window on these folders that starts as the desktop asks.
fn app_starting(data: &Path, start: Start) -> Harness<'static, KnotmapApp> {
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    let folders = Folders::at(data);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            KnotmapApp::new(cc, catalog, body)
                .with_files(Some(folders), Box::new(FakeDialogs::default()))
                .starting(start)
        });
    h.run();
    h
}

/// Waits for the recovery copy of unsaved edits to be written.
fn let_the_copy_be_written(h: &mut Harness<'_, KnotmapApp>) {
    std::thread::sleep(std::time::Duration::from_millis(2_200));
    h.step();
    h.run();
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_updates_the_file_it_points_to() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("legs.ron");
    std::fs::write(&real, TEMPLATES[0].1).expect("write");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).expect("link");

    let dialogs = FakeDialogs::default();
    let mut h = app(&dir.path().join("data"), &dialogs);
    dialogs.answer(Some(&link));
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    add_first_technique(&mut h, "Left calf");
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().state.doc.is_dirty(), "{:?}", notice(&h));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    let saved = read_routine(&real).expect("reads").loaded.routine;
    assert_eq!(
        saved,
        h.state().state.doc.routine,
        "the real file has the edit"
    );
    let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_routine_past_the_limits_is_refused_and_the_window_carries_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut huge = Routine::from_ron("t", TEMPLATES[0].1).expect("t").routine;
    huge.name = "x".repeat(2_000_000);
    let path = dir.path().join("huge.ron");
    std::fs::write(&path, huge.to_ron().expect("writes")).expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(&dir.path().join("data"), &dialogs);
    let before = h.state().state.doc.routine.clone();
    dialogs.answer(Some(&path));
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    let (kind, text) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Error);
    assert!(text.contains("a name has at most"), "{text}");
    assert_eq!(h.state().state.doc.routine, before, "the routine stays");
}

#[test]
fn a_routine_made_up_to_every_limit_saves_and_opens_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(&dir.path().join("data"), &dialogs);
    add_first_technique(&mut h, "Left calf");
    let mut step = h.state().state.doc.routine.steps[0].clone();
    step.note = Some("ü".repeat(MAX_STEP_NOTE_CHARS * 2));
    apply(
        &mut h,
        Command::Routine(RoutineCommand::Edit(Edit::SetStep { index: 0, step })),
    );
    for _ in 0..MAX_STEPS + 5 {
        h.state_mut().apply(
            &egui::Context::default(),
            Command::Routine(RoutineCommand::Edit(Edit::DuplicateStep(0))),
        );
    }
    apply(
        &mut h,
        Command::Routine(RoutineCommand::Edit(Edit::SetName(
            "é".repeat(MAX_NAME_CHARS * 3),
        ))),
    );
    apply(
        &mut h,
        Command::Routine(RoutineCommand::Edit(Edit::SetNotes(
            "\"".repeat(MAX_NOTES_CHARS * 3),
        ))),
    );
    let routine = h.state().state.doc.routine.clone();
    assert_eq!(routine.steps.len(), MAX_STEPS, "no step past the limit");
    assert_eq!(routine.name.chars().count(), MAX_NAME_CHARS);
    assert_eq!(routine.notes.chars().count(), MAX_NOTES_CHARS);

    let path = dir.path().join("full.ron");
    dialogs.answer(Some(&path));
    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert!(path.exists(), "{:?}", notice(&h));
    let mut again = app(&dir.path().join("data2"), &dialogs);
    dialogs.answer(Some(&path));
    shortcut(&mut again, Modifiers::COMMAND, Key::O);
    assert_eq!(
        again.state().state.doc.routine,
        routine,
        "{:?}",
        notice(&again)
    );
}

#[test]
fn two_windows_keep_their_own_recovery_copies() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let dialogs = FakeDialogs::default();
    let mut a = app(&data, &dialogs);
    let mut b = app(&data, &dialogs);
    add_first_technique(&mut a, "Left calf");
    add_first_technique(&mut b, "Right hamstrings");
    add_first_technique(&mut b, "Left hip flexors");
    let edits_in_b = b.state().state.doc.routine.clone();
    let_the_copy_be_written(&mut a);
    let_the_copy_be_written(&mut b);

    // A saves; B's copy is untouched.
    let saved = dir.path().join("a.ron");
    dialogs.answer(Some(&saved));
    shortcut(&mut a, Modifiers::COMMAND, Key::S);
    let_the_copy_be_written(&mut a);
    assert!(saved.exists());
    drop(a);
    drop(b); // B dies with its edits unsaved.

    let mut next = app(&data, &dialogs);
    assert!(next.query_by_label("Restore unsaved changes?").is_some());
    answer(&mut next, "Restore");
    assert_eq!(next.state().state.doc.routine, edits_in_b);
    assert!(
        next.query_by_label("Restore unsaved changes?").is_none(),
        "one copy to restore, the one B left"
    );
}

#[test]
fn a_newer_tightness_log_is_read_and_never_rewritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("dir");
    let newer = "(format: 3, entries: [(date: \"2026-11-20\", routine: \"Run\", mood: \"calm\", ratings: [(region: \"calf\", side: Left, tightness: 6)])], devices: [\"watch\"])\n";
    let log_file = data.join("tightness-log.ron");
    std::fs::write(&log_file, newer).expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(&data, &dialogs);
    assert_eq!(h.state().state.log.entries.len(), 1, "it is read");
    apply(
        &mut h,
        Command::File(FileCommand::RecordLog(vec![knotmap::tightness::Rating {
            region: "calf".into(),
            side: knotmap::routine::StepSide::Left,
            tightness: 3,
        }])),
    );
    let (kind, text) = notice(&h).expect("a notice");
    assert_ne!(kind, NoticeKind::Info, "{text}");
    assert!(text.contains("newer knotmap"), "{text}");
    assert_eq!(
        std::fs::read_to_string(&log_file).expect("read"),
        newer,
        "not a byte changed"
    );
}

#[test]
fn unreadable_settings_are_kept_aside_and_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let folders = Folders::at(&data);
    std::fs::create_dir_all(&folders.config).expect("dir");
    let bad = "(\n    theme: Dark,\n    paper: Tabloid,\n    recent: [\"/my/routine.ron\"],\n)\n";
    std::fs::write(folders.settings_file(), bad).expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(&data, &dialogs);
    let (kind, text) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Warning);
    assert!(text.contains("settings.ron:3:"), "{text}");
    assert!(text.contains("settings.ron.unreadable"), "{text}");
    let aside = folders.config.join("settings.ron.unreadable");
    assert_eq!(std::fs::read_to_string(&aside).expect("kept"), bad);

    // A change of setting writes a fresh file; the one kept aside stays as it was.
    h.get_by_label("Back").click();
    h.run();
    let written = std::fs::read_to_string(folders.settings_file()).expect("written");
    assert!(written.contains("view_mode: Back"), "{written}");
    assert_eq!(std::fs::read_to_string(&aside).expect("kept"), bad);
    drop(h);
    let again = app(&data, &dialogs);
    assert_eq!(notice(&again), None, "the fresh file reads");
    assert_eq!(
        again.state().state.settings.view_mode,
        knotmap::settings::ViewMode::Back
    );
}

#[test]
fn a_file_named_on_the_command_line_opens() {
    let cli = <knotmap::cli::Cli as clap::Parser>::try_parse_from(["knotmap", "legs.ron"])
        .expect("a file is an argument");
    assert_eq!(cli.file.as_deref(), Some(Path::new("legs.ron")));
    assert!(cli.command.is_none());

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("legs.ron");
    std::fs::write(&path, TEMPLATES[1].1).expect("write");
    let h = app_starting(&dir.path().join("data"), Start::Open(path.clone()));
    assert_eq!(h.state().state.doc.path(), Some(&path));
    assert_eq!(
        h.state().state.doc.routine,
        Routine::from_ron("t", TEMPLATES[1].1).expect("t").routine
    );
}

#[test]
fn the_last_routine_reopens_with_its_unsaved_edits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let path = dir.path().join("legs.ron");
    std::fs::write(&path, TEMPLATES[1].1).expect("write");
    let mut first = app_starting(&data, Start::Open(path.clone()));
    add_first_technique(&mut first, "Left calf");
    let edited = first.state().state.doc.routine.clone();
    let_the_copy_be_written(&mut first);
    drop(first); // closed before saving: a crash

    let mut next = app_starting(&data, Start::Last);
    assert_eq!(
        next.state().state.doc.path(),
        Some(&path),
        "the last routine"
    );
    assert!(next.query_by_label("Restore unsaved changes?").is_some());
    answer(&mut next, "Restore");
    assert_eq!(next.state().state.doc.routine, edited);
    assert_eq!(next.state().state.doc.path(), Some(&path));
    assert!(next.state().state.doc.is_dirty());
}

/// A file dropped on the window, as the desktop hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_routine_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dropped.ron");
    std::fs::write(&path, TEMPLATES[2].1).expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(&dir.path().join("data"), &dialogs);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    assert_eq!(h.state().state.doc.path(), Some(&path));
}

#[test]
fn a_warning_at_start_is_not_pushed_out_by_news() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let folders = Folders::at(&data);
    std::fs::create_dir_all(&folders.config).expect("dir");
    std::fs::write(folders.settings_file(), "(theme: Purple)").expect("write");
    let path = dir.path().join("legs.ron");
    std::fs::write(&path, TEMPLATES[1].1).expect("write");
    // Opening a file at start says so; the warning about the settings must still be seen.
    let mut h = app_starting(&data, Start::Open(path.clone()));
    assert_eq!(h.state().state.doc.path(), Some(&path));
    let (kind, text) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Warning);
    assert!(text.contains("settings could not be read"), "{text}");
    apply(&mut h, Command::View(ViewCommand::DismissNotice));
    assert_eq!(notice(&h), None, "news meanwhile is not kept for later");
}

#[test]
fn nothing_changes_the_routine_under_a_running_player() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("legs.ron");
    std::fs::write(&path, TEMPLATES[1].1).expect("write");
    let other = dir.path().join("other.ron");
    std::fs::write(&other, TEMPLATES[2].1).expect("write");
    let mut h = app_starting(&dir.path().join("data"), Start::Play(path.clone()));
    assert!(h.state().state.play.is_some(), "playing");
    let routine = h.state().state.doc.routine.clone();
    for (modifiers, key) in [
        (Modifiers::COMMAND, Key::N),
        (Modifiers::COMMAND, Key::O),
        (Modifiers::COMMAND, Key::Z),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
        (Modifiers::ALT, Key::ArrowUp),
        (Modifiers::ALT, Key::ArrowDown),
    ] {
        shortcut(&mut h, modifiers, key);
        assert_eq!(
            h.state().state.doc.routine,
            routine,
            "{modifiers:?} {key:?}"
        );
        assert!(h.state().state.pending.is_none(), "{modifiers:?} {key:?}");
    }
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(other)));
    h.run();
    apply(
        &mut h,
        Command::Routine(RoutineCommand::Edit(Edit::DeleteStep(0))),
    );
    assert_eq!(h.state().state.doc.routine, routine);
    assert_eq!(
        h.state().state.doc.path(),
        Some(&path),
        "the dropped file waits"
    );
    assert!(h.state().state.play.is_some(), "still playing");
    let (kind, text) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Warning);
    assert!(text.contains("stop the session"), "{text}");
}

/// Opening a routine with a warning says "unknown entries are kept" only when the file has
/// ids this knotmap does not know.
#[test]
fn only_a_file_with_unknown_ids_is_told_they_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let long = TEMPLATES[1]
        .1
        .replacen("dose: Seconds(", "dose: Seconds(3600", 1);
    let unknown = TEMPLATES[1]
        .1
        .replacen("tool: \"", "tool: \"hoverboard_", 1);
    for (text, kept) in [(long, false), (unknown, true)] {
        assert_ne!(text, TEMPLATES[1].1, "the fixture edit applies");
        let path = dir.path().join("legs.ron");
        std::fs::write(&path, &text).expect("write");
        let h = app_starting(&data, Start::Open(path));
        let (kind, said) = notice(&h).expect("a notice");
        assert_eq!(kind, NoticeKind::Warning, "{said}");
        assert_eq!(said.contains("Unknown entries are kept"), kept, "{said}");
    }
}

/// A routine built in the window is unsaved work: opening a recent file asks first.
#[test]
fn a_built_routine_is_not_replaced_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let path = dir.path().join("legs.ron");
    std::fs::write(&path, TEMPLATES[1].1).expect("write");
    let mut h = app_starting(&data, Start::Last);
    apply(
        &mut h,
        Command::View(ViewCommand::SetBuilder(Some(
            knotmap::state::BuilderForm::default(),
        ))),
    );
    apply(&mut h, Command::Routine(RoutineCommand::Build));
    let built = h.state().state.doc.routine.clone();
    assert!(!built.steps.is_empty(), "a routine was built");
    assert!(h.state().state.doc.is_dirty(), "and counts as unsaved work");
    apply(&mut h, Command::File(FileCommand::OpenPath(path)));
    assert!(
        matches!(
            h.state().state.pending,
            Some(knotmap::state::Pending::Unsaved(_))
        ),
        "asks first: {:?}",
        h.state().state.pending
    );
    assert_eq!(
        h.state().state.doc.routine,
        built,
        "the built routine is still there"
    );
}

/// My tools: None keeps only what is always at hand, All ticks every tool.
#[test]
fn my_tools_has_all_and_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_starting(&dir.path().join("data"), Start::Last);
    apply(&mut h, Command::View(ViewCommand::ShowMyTools(true)));
    h.get_by_label("None").click();
    h.run();
    let owned: Vec<String> = h
        .state()
        .state
        .settings
        .owned_tools
        .clone()
        .expect("chosen")
        .iter()
        .map(|t| t.to_string())
        .collect();
    assert_eq!(owned, ["fingers", "floor", "wall"]);
    h.get_by_label("Your hands").click();
    h.run();
    assert!(
        h.state()
            .state
            .settings
            .owned_tools
            .as_ref()
            .is_some_and(|o| o.contains(&"fingers".into())),
        "hands cannot be unticked"
    );
    h.get_by_label("All").click();
    h.run();
    let catalog = Catalog::builtin().expect("catalog");
    assert_eq!(
        h.state()
            .state
            .settings
            .owned_tools
            .as_ref()
            .map(|o| o.len()),
        Some(catalog.tools.len())
    );
}
