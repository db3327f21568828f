//! The keys of the window, pressed as a runner presses them: each fires its command in the
//! modes it allows and nothing in the others, and one press of Escape does one thing.

#[path = "support/window.rs"]
mod window;

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use knotmap::app::KnotmapApp;
use knotmap::player::Now;
use knotmap::routine::Edit;
use knotmap::state::{
    Answer, Command, FileCommand, Mode, Pending, RoutineCommand, Screen, SheetCommand, Then,
    UiCommand, ViewCommand,
};
use strum::IntoEnumIterator;
use window::{FakeDialogs, app, apply, shortcut};

fn mode(h: &Harness<'_, KnotmapApp>) -> Mode {
    Mode::of(&h.state().state)
}

fn paused(h: &Harness<'_, KnotmapApp>) -> Option<bool> {
    match h.state().state.play?.now {
        Now::Playing { paused, .. } => Some(paused),
        Now::Finished => None,
    }
}

fn press(h: &mut Harness<'_, KnotmapApp>, ui_command: UiCommand, nth: usize) {
    let keys = ui_command.shortcuts()[nth];
    shortcut(h, keys.modifiers, keys.logical_key);
}

/// What a runner could see change: the routine, its file, the question asked, the dialogs,
/// the preview, the search and where the keyboard is.
fn what_shows(h: &Harness<'_, KnotmapApp>, dialogs: &FakeDialogs) -> String {
    let s = &h.state().state;
    format!(
        "{:?} {:?} {:?} {:?} screen {:?} query {:?} focus {:?} dialogs {:?}",
        s.doc.routine,
        s.doc.display_name(),
        s.doc.is_dirty(),
        s.pending.is_some(),
        s.screen,
        s.query,
        h.ctx.memory(|m| m.focused()),
        dialogs.asked.borrow()
    )
}

#[test]
fn during_a_session_no_key_of_the_editor_does_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    apply(&mut h, Command::File(FileCommand::New(Some(1))));
    // Something to undo, a step to move, a search to clear.
    apply(
        &mut h,
        Command::Routine(RoutineCommand::Edit(knotmap::routine::Edit::DeleteStep(0))),
    );
    apply(
        &mut h,
        Command::Routine(RoutineCommand::SelectStep(Some(1))),
    );
    apply(
        &mut h,
        Command::View(ViewCommand::SetQuery("calf".to_owned())),
    );
    h.get_by_label("Play").click();
    h.run_steps(2);
    assert_eq!(mode(&h), Mode::Playing { floor: false });
    let before = what_shows(&h, &dialogs);
    let playing = [
        Mode::Playing { floor: false },
        Mode::Playing { floor: true },
    ];
    let editing_only: Vec<UiCommand> = UiCommand::iter()
        .filter(|c| c.enabled_in(Mode::Editing) && !playing.iter().any(|&m| c.enabled_in(m)))
        // Escape, which clears the search, is the player's own key too.
        .filter(|c| {
            !c.shortcuts().iter().any(|keys| {
                UiCommand::iter().any(|o| {
                    playing.iter().any(|&m| o.enabled_in(m)) && o.shortcuts().contains(keys)
                })
            })
        })
        .collect();
    assert!(h.state().state.notice.is_none());
    assert!(editing_only.len() >= 10, "{editing_only:?}");
    for ui_command in editing_only {
        for nth in 0..ui_command.shortcuts().len() {
            press(&mut h, ui_command, nth);
            assert_eq!(
                what_shows(&h, &dialogs),
                before,
                "{ui_command:?} ({}) during a session",
                ui_command.keys(&h.ctx)
            );
            assert_eq!(mode(&h), Mode::Playing { floor: false }, "{ui_command:?}");
            assert!(h.state().state.notice.is_none(), "{ui_command:?}");
        }
    }
}

#[test]
fn the_player_keys_pause_skip_go_back_and_leave_one_thing_at_a_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    apply(&mut h, Command::File(FileCommand::New(Some(1))));
    // In the editor the player's keys do nothing.
    let routine = h.state().state.doc.routine.clone();
    for ui_command in [
        UiCommand::PlayPause,
        UiCommand::NextStep,
        UiCommand::PreviousStep,
        UiCommand::FloorView,
    ] {
        press(&mut h, ui_command, 0);
        assert_eq!(mode(&h), Mode::Editing, "{ui_command:?}");
        assert!(
            h.state().state.screen != Screen::Playing { floor: true },
            "{ui_command:?}"
        );
    }
    assert_eq!(h.state().state.doc.routine, routine);

    h.get_by_label("Play").click();
    h.run_steps(2);
    let step = |h: &Harness<'_, KnotmapApp>| h.state().player_phase().map(|(i, _)| i);
    assert_eq!(step(&h), Some(0));
    press(&mut h, UiCommand::PlayPause, 0);
    assert_eq!(paused(&h), Some(true));
    press(&mut h, UiCommand::PlayPause, 0);
    assert_eq!(paused(&h), Some(false));
    // The first press skips the time to get ready, the next the step's sides.
    for _ in 0..4 {
        if step(&h) == Some(1) {
            break;
        }
        let before = h.state().player_phase();
        press(&mut h, UiCommand::NextStep, 0);
        h.run_steps(2);
        assert_ne!(h.state().player_phase(), before, "the right arrow skips");
    }
    assert_eq!(step(&h), Some(1));
    press(&mut h, UiCommand::PreviousStep, 0);
    h.run_steps(2);
    assert_eq!(step(&h), Some(0));
    press(&mut h, UiCommand::FloorView, 0);
    assert_eq!(mode(&h), Mode::Playing { floor: true });
    // Escape leaves the floor view and nothing more; the next one stops.
    shortcut(&mut h, egui::Modifiers::NONE, Key::Escape);
    assert_eq!(mode(&h), Mode::Playing { floor: false });
    shortcut(&mut h, egui::Modifiers::NONE, Key::Escape);
    assert_eq!(mode(&h), Mode::Editing);
    assert_eq!(
        h.state().state.doc.routine,
        routine,
        "the routine as it was"
    );
}

#[test]
fn escape_closes_the_preview_and_only_then_clears_the_search() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    apply(&mut h, Command::File(FileCommand::New(Some(1))));
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("calf");
    h.run();
    assert_eq!(h.state().state.query, "calf");
    apply(&mut h, Command::Sheet(SheetCommand::ShowPreview(true)));
    assert_eq!(mode(&h), Mode::Previewing);
    shortcut(&mut h, egui::Modifiers::NONE, Key::Escape);
    assert_eq!(mode(&h), Mode::Editing, "the preview closes");
    assert_eq!(h.state().state.query, "calf", "and the search stays");
    shortcut(&mut h, egui::Modifiers::NONE, Key::Escape);
    assert_eq!(h.state().state.query, "", "the next Escape clears it");

    // In the search box, Escape clears the search and leaves the box.
    press(&mut h, UiCommand::Find, 0);
    h.get_by_label("Search").type_text("soleus");
    h.run();
    assert_eq!(h.state().state.query, "soleus");
    shortcut(&mut h, egui::Modifiers::NONE, Key::Escape);
    assert_eq!(h.state().state.query, "");
    assert_eq!(mode(&h), Mode::Editing);

    // Typed into another field, Escape is that field's: the search stays.
    apply(
        &mut h,
        Command::View(ViewCommand::SetQuery("calf".to_owned())),
    );
    h.get_all_by_label("Routine")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the routine's name")
        .click();
    h.run();
    shortcut(&mut h, egui::Modifiers::NONE, Key::Escape);
    assert_eq!(h.state().state.query, "calf");
}

#[test]
fn hints_name_the_keys_of_the_platform() {
    let ctx = egui::Context::default();
    let keys = |os, ui_command: UiCommand| {
        ctx.set_os(os);
        let mut out = String::new();
        ctx.run_ui(egui::RawInput::default(), |ui| {
            out = ui_command.hint(ui.ctx());
        })
        .textures_delta
        .clear();
        out
    };
    use egui::os::OperatingSystem::{Mac, Nix};
    assert_eq!(keys(Nix, UiCommand::Redo), "Redo (Ctrl+Shift+Z or Ctrl+Y)");
    assert_eq!(
        keys(Nix, UiCommand::MoveStepUp),
        "Move the step up (Alt+Up)"
    );
    assert_eq!(
        keys(Nix, UiCommand::StopPlaying),
        "Stop the session (Escape)"
    );
    let save = keys(Mac, UiCommand::Save);
    assert!(!save.contains("Ctrl"), "a Mac has no Ctrl+S: {save}");
    assert!(save.ends_with("S)"), "{save}");
}

/// Whether a question waits, and which.
fn asking(h: &Harness<'_, KnotmapApp>) -> Option<Pending> {
    h.state().state.pending.clone()
}

fn cancel(h: &mut Harness<'_, KnotmapApp>) {
    apply(h, Command::File(FileCommand::Answer(Answer::Cancel)));
    assert_eq!(asking(h), None);
}

#[test]
fn in_the_editor_every_key_fires_its_own_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    apply(&mut h, Command::File(FileCommand::New(Some(1))));
    let steps = |h: &Harness<'_, KnotmapApp>| h.state().state.doc.routine.steps.clone();
    let all = steps(&h);
    assert!(all.len() >= 3);

    // Undo, and both keys of redo.
    apply(
        &mut h,
        Command::Routine(RoutineCommand::Edit(Edit::DeleteStep(0))),
    );
    press(&mut h, UiCommand::Undo, 0);
    assert_eq!(steps(&h), all, "Ctrl+Z undoes");
    press(&mut h, UiCommand::Redo, 0);
    assert_eq!(steps(&h), all[1..], "Ctrl+Shift+Z redoes");
    press(&mut h, UiCommand::Undo, 0);
    press(&mut h, UiCommand::Redo, 1);
    assert_eq!(steps(&h), all[1..], "Ctrl+Y redoes");
    press(&mut h, UiCommand::Undo, 0);
    assert_eq!(steps(&h), all);

    // Alt+Up and Alt+Down move the selected step.
    apply(
        &mut h,
        Command::Routine(RoutineCommand::SelectStep(Some(1))),
    );
    press(&mut h, UiCommand::MoveStepUp, 0);
    assert_eq!(steps(&h)[0], all[1], "Alt+Up");
    press(&mut h, UiCommand::MoveStepDown, 0);
    assert_eq!(steps(&h), all, "Alt+Down");

    // The keyboard goes to the search box.
    press(&mut h, UiCommand::Find, 0);
    assert!(
        h.ctx
            .memory(|m| m.has_focus(knotmap::ui::top_bar::search_id())),
        "Ctrl+F"
    );
    h.get_by_label("Search").type_text("calf");
    h.run();
    // Ctrl+S saves from the search box: a new routine asks where.
    press(&mut h, UiCommand::Save, 0);
    assert!(
        dialogs
            .asked
            .borrow()
            .last()
            .is_some_and(|a| a.starts_with("save ")),
        "Ctrl+S asks where: {:?}",
        dialogs.asked.borrow()
    );
    press(&mut h, UiCommand::SaveAs, 0);
    assert_eq!(dialogs.asked.borrow().len(), 2, "Ctrl+Shift+S asks again");
    assert_eq!(h.state().state.query, "calf", "nothing else happened");

    // With unsaved changes, New and Open ask about them first.
    apply(
        &mut h,
        Command::Routine(RoutineCommand::Edit(Edit::DeleteStep(0))),
    );
    let all = steps(&h);
    press(&mut h, UiCommand::New, 0);
    assert_eq!(
        asking(&h),
        Some(Pending::Unsaved(Then::New(None))),
        "Ctrl+N"
    );
    // While a question waits, the keys wait too.
    press(&mut h, UiCommand::Save, 0);
    press(&mut h, UiCommand::Undo, 0);
    assert_eq!(dialogs.asked.borrow().len(), 2);
    assert_eq!(steps(&h), all);
    cancel(&mut h);
    press(&mut h, UiCommand::Open, 0);
    assert_eq!(asking(&h), Some(Pending::Unsaved(Then::Open)), "Ctrl+O");
    cancel(&mut h);

    // With no printing system here, Ctrl+P offers the PDF instead, once `lp` was tried
    // beside the window.
    let keys = UiCommand::Print.shortcuts()[0];
    h.key_press_modifiers(keys.modifiers, keys.logical_key);
    h.run_steps(2);
    assert!(
        window::step_until(&mut h, 30, |h| matches!(
            asking(h),
            Some(Pending::PrintFailed(_))
        )),
        "Ctrl+P: {:?}",
        asking(&h)
    );
    cancel(&mut h);
}

#[test]
fn over_the_preview_only_print_and_escape_act() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(dir.path(), &dialogs);
    apply(&mut h, Command::File(FileCommand::New(Some(1))));
    apply(
        &mut h,
        Command::Routine(RoutineCommand::Edit(Edit::DeleteStep(0))),
    );
    apply(&mut h, Command::Sheet(SheetCommand::ShowPreview(true)));
    assert_eq!(mode(&h), Mode::Previewing);
    let routine = h.state().state.doc.routine.clone();
    for ui_command in UiCommand::iter()
        .filter(|c| !c.enabled_in(Mode::Previewing))
        .filter(|c| c.shortcuts()[0].logical_key != Key::Escape)
    {
        press(&mut h, ui_command, 0);
        assert_eq!(h.state().state.doc.routine, routine, "{ui_command:?}");
        assert_eq!(asking(&h), None, "{ui_command:?}");
        assert!(dialogs.asked.borrow().is_empty(), "{ui_command:?}");
        assert_eq!(mode(&h), Mode::Previewing, "{ui_command:?}");
    }
    press(&mut h, UiCommand::Print, 0);
    assert!(matches!(asking(&h), Some(Pending::PrintFailed(_))));
    cancel(&mut h);
    press(&mut h, UiCommand::ClosePreview, 0);
    assert_eq!(mode(&h), Mode::Editing);
}
