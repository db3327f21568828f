//! The window keeps answering while slow work runs beside it (a printer that does not
//! answer, a report over a huge log), saves what the field shows at the moment of Ctrl+S,
//! caps the search box, and puts a failed save in front of older notes.

#[path = "support/window.rs"]
mod window;

use std::path::Path;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use knotmap::catalog::MAX_QUERY_CHARS;
use knotmap::state::{Command, FileCommand, NoticeKind, SheetCommand, ViewCommand};
use knotmap::storage::Folders;
use knotmap::tightness::report::Span;
use window::{FakeDialogs, add_first_technique, app, app_printing_with, apply, notice, step_until};

/// An `lp` that reads the sheet, notes its process id, waits `seconds` and queues the job.
#[cfg(unix)]
fn slow_lp(dir: &Path, seconds: u32) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let lp = dir.join("lp");
    let pid = dir.join("lp.pid");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\necho $$ > '{}'\ncat > /dev/null\nsleep {seconds}\necho 'request id is Desk-7 (1 file(s))'\n",
            pid.display()
        ),
    )
    .expect("write");
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    lp
}

#[cfg(target_os = "linux")]
#[test]
fn a_printer_that_does_not_answer_never_holds_the_window_and_can_be_cancelled() {
    let dir = tempfile::tempdir().expect("dir");
    let lp = slow_lp(dir.path(), 30);
    let dialogs = FakeDialogs::default();
    let mut h = app_printing_with(&dir.path().join("data"), &dialogs, &lp);
    add_first_technique(&mut h, "Left calf");
    apply(&mut h, Command::Sheet(SheetCommand::Print));
    let jobs = &h.state().state.jobs;
    assert_eq!(jobs.len(), 1, "printing runs beside the window");
    assert!(jobs[0].label.contains("to the printer"), "{:?}", jobs[0]);
    // The window goes on answering: a place can be picked while `lp` waits.
    window::click_place(&mut h, "Right hamstrings");
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Heading, "Right hamstrings")
            .is_some()
    );
    assert!(
        step_until(&mut h, 10, |_| dir.path().join("lp.pid").exists()),
        "lp started"
    );
    let pid: u32 = std::fs::read_to_string(dir.path().join("lp.pid"))
        .expect("pid")
        .trim()
        .parse()
        .expect("a number");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().state.jobs.is_empty());
    let (kind, text) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Info);
    assert!(text.starts_with("Cancelled: Sending"), "{text}");
    // `lp` itself is stopped, not left waiting for its server.
    assert!(
        step_until(&mut h, 10, |_| !Path::new(&format!("/proc/{pid}")).exists()
            || std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .is_ok_and(|s| s.contains(") Z "))),
        "lp was stopped"
    );
}

#[cfg(unix)]
#[test]
fn a_slow_printer_is_waited_for_beside_the_window_and_its_job_named() {
    let dir = tempfile::tempdir().expect("dir");
    let lp = slow_lp(dir.path(), 1);
    let dialogs = FakeDialogs::default();
    let mut h = app_printing_with(&dir.path().join("data"), &dialogs, &lp);
    add_first_technique(&mut h, "Left calf");
    apply(&mut h, Command::Sheet(SheetCommand::Print));
    assert_eq!(h.state().state.jobs.len(), 1);
    assert!(
        h.query_by_label("Cancel").is_some(),
        "the job can be cancelled"
    );
    assert!(
        step_until(&mut h, 30, |h| h.state().state.jobs.is_empty()),
        "the job ends"
    );
    let (kind, text) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Info, "{text}");
    assert!(text.contains("to the printer as job Desk-7"), "{text}");
}

#[test]
fn a_report_over_a_huge_log_is_made_beside_the_window_and_unknown_places_left_out() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("dir");
    // One session rating 150,000 places knotmap does not know, and a calf.
    let today = jiff::Zoned::now().date();
    let mut text = format!(
        "(format: 2, entries: [(date: \"{today}\", routine: \"Made up\", ratings: [(region: \"calf\", side: Left, tightness: 6),"
    );
    for n in 0..150_000 {
        text.push_str(&format!(
            "(region: \"place{n}\", side: Middle, tightness: 5),"
        ));
    }
    text.push_str("])])");
    std::fs::write(data.join("tightness-log.ron"), text).expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(&data, &dialogs);
    // A log this large is read beside the window; the report may be asked for before it is
    // in, and still covers it.
    let out = dir.path().join("report.pdf");
    dialogs.answer(Some(&out));
    apply(
        &mut h,
        Command::File(FileCommand::ExportReport(Span::FourWeeks)),
    );
    assert!(
        step_until(&mut h, 120, |h| h.state().state.jobs.is_empty()),
        "the report is made"
    );
    let (kind, said) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Info, "{said}");
    assert!(said.contains("Saved the tightness report"), "{said}");
    let pdf = std::fs::read(&out).expect("the report");
    let pages = pdf.windows(b"/Type /Page\n".len()).count();
    assert!(pages > 0);
    let doc = pdf_extract::extract_text_from_mem(&pdf).expect("text");
    assert!(
        doc.contains("150000 ratings of places knotmap does not know are left out"),
        "{}",
        &doc[..doc.len().min(2000)]
    );
    assert!(doc.contains("Left calf"), "the known place is kept");
}

#[test]
fn ctrl_s_right_after_typing_saves_what_the_field_shows() {
    let dir = tempfile::tempdir().expect("dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(&dir.path().join("data"), &dialogs);
    add_first_technique(&mut h, "Left calf");
    let path = dir.path().join("manual.ron");
    dialogs.answer(Some(&path));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(path.exists(), "saved once, under a name");
    h.get_by_label("Routine").focus();
    h.run();
    // The typing and the key arrive in one frame, as they do when frames are slow.
    let key = |pressed| egui::Event::Key {
        key: Key::S,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    };
    h.input_mut().events.extend([
        egui::Event::Text("Manual100".to_owned()),
        key(true),
        key(false),
    ]);
    h.step();
    h.run();
    let shown = h.state().state.doc.routine.name.clone();
    assert!(shown.ends_with("Manual100"), "{shown}");
    let saved = knotmap::storage::read_routine(&path).expect("saved");
    assert_eq!(
        saved.loaded.routine.name, shown,
        "the file holds what the field shows"
    );
    assert!(
        !h.state().state.doc.is_dirty(),
        "the unsaved mark agrees with the file"
    );
}

#[test]
fn the_search_box_takes_a_long_paste_without_slowing_every_key() {
    let dir = tempfile::tempdir().expect("dir");
    let dialogs = FakeDialogs::default();
    let mut h = app(&dir.path().join("data"), &dialogs);
    h.get_by_label("Search").focus();
    h.run();
    h.event(egui::Event::Paste("calf ".repeat(20_000)));
    h.run();
    let query = &h.state().state.query;
    assert!(
        query.chars().count() <= MAX_QUERY_CHARS,
        "{} characters",
        query.chars().count()
    );
    assert!(query.starts_with("calf calf"));
}

#[test]
fn a_failed_save_comes_in_front_of_an_older_note_and_the_note_waits() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let folders = Folders::at(&data);
    std::fs::create_dir_all(&folders.config).expect("dir");
    std::fs::write(folders.settings_file(), "(theme: Purple)").expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(&data, &dialogs);
    let (kind, _) = notice(&h).expect("the note about the settings");
    assert_eq!(kind, NoticeKind::Warning);
    add_first_technique(&mut h, "Left calf");
    // A folder that is a file: the save cannot happen.
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "x").expect("write");
    dialogs.answer(Some(&file.join("routine.ron")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let (kind, text) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Error, "{text}");
    assert!(text.contains("plain-file: that is a file"), "{text}");
    assert!(
        h.query_by_label("1 more note").is_some(),
        "the note waits, and says so"
    );
    apply(&mut h, Command::View(ViewCommand::DismissNotice));
    let (kind, text) = notice(&h).expect("the older note again");
    assert_eq!(kind, NoticeKind::Warning);
    assert!(text.contains("settings could not be read"), "{text}");
}

#[test]
fn a_large_log_is_read_and_added_to_beside_the_window() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("dir");
    let session = "(date: \"2026-11-20\", time: Some(\"07:30\"), routine: \"After a long run\", ratings: [(region: \"calf\", side: Left, tightness: 6), (region: \"calf\", side: Right, tightness: 4)], done: Some(11), skipped: Some(0)),\n";
    let n = 12_000;
    let text = format!("(format: 2, entries: [\n{}])\n", session.repeat(n));
    assert!(text.len() as u64 >= knotmap::tightness::LARGE_LOG_BYTES);
    std::fs::write(data.join("tightness-log.ron"), text).expect("write");
    let dialogs = FakeDialogs::default();
    let mut h = app(&data, &dialogs);
    assert!(
        h.state()
            .state
            .jobs
            .iter()
            .any(|j| j.label == "Reading the tightness log")
            || h.state().state.log.entries.len() == n,
        "read beside the window: {:?} {:?}",
        h.state().state.jobs,
        notice(&h)
    );
    assert!(
        step_until(&mut h, 60, |h| h.state().state.log.entries.len() == n),
        "the log arrives"
    );
    let rating = knotmap::tightness::Rating {
        region: "calf".into(),
        side: knotmap::routine::StepSide::Left,
        tightness: 3,
    };
    apply(&mut h, Command::File(FileCommand::RecordLog(vec![rating])));
    assert!(
        step_until(&mut h, 60, |h| h.state().state.log.entries.len() == n + 1),
        "the session is logged"
    );
    let (kind, text) = notice(&h).expect("a notice");
    assert_eq!(kind, NoticeKind::Info, "{text}");
    assert!(text.starts_with("Saved to the tightness log"), "{text}");
    let again = knotmap::tightness::Log::load(&Folders::at(&data)).expect("reads");
    assert_eq!(again.entries.len(), n + 1);
}
