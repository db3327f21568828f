//! Hostile files and places, through the real binary: links, devices, named pipes, files past
//! the limits, other encodings, files cut short, names that would drive the terminal, and a
//! sheet that cannot reach its reader. Each is refused in plain words and nothing is lost.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use knotmap::routine::{MAX_NAME_CHARS, MAX_STEPS, Routine, TEMPLATES};

fn knotmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(args)
        .output()
        .expect("the knotmap binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `knotmap log` on a data folder of its own that holds this log.
#[cfg(target_os = "linux")]
fn knotmap_log_of(log: &str) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("knotmap");
    std::fs::create_dir_all(&folder).expect("dir");
    std::fs::write(folder.join("tightness-log.ron"), log).expect("write");
    Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .arg("log")
        .env("XDG_DATA_HOME", home.path())
        .env("HOME", home.path())
        .output()
        .expect("runs")
}

/// What a finished child process wrote to its piped stderr.
fn stderr_of(child: &mut std::process::Child) -> String {
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read");
    err
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn template(i: usize) -> Routine {
    Routine::from_ron(TEMPLATES[i].0, TEMPLATES[i].1)
        .expect("template")
        .routine
}

#[cfg(unix)]
#[test]
fn printing_through_a_link_updates_its_target_and_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let routine = concat!(env!("CARGO_MANIFEST_DIR"), "/routines/before-a-run.ron");
    let real = dir.path().join("real.pdf");
    std::fs::write(&real, "an old sheet").expect("write");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink("real.pdf", &link).expect("link");
    let out = knotmap(&["print", routine, "-o", path_str(&link)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(std::fs::read(&real).expect("read").starts_with(b"%PDF-"));
    let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the target keeps its permissions");

    // A link to a device is refused, and says so; it never reports success.
    let full = dir.path().join("full.pdf");
    std::os::unix::fs::symlink("/dev/full", &full).expect("link");
    let out = knotmap(&["print", routine, "-o", path_str(&full)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("that is a device, not a file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn routines_past_the_limits_are_refused_alike_by_check_and_print() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut long_name = template(0);
    long_name.name = "x".repeat(2_000_000);
    let named = dir.path().join("long-name.ron");
    std::fs::write(&named, long_name.to_ron().expect("writes")).expect("write");
    let mut many = template(0);
    let step = many.steps[0].clone();
    many.steps = vec![step; MAX_STEPS + 1];
    let crowded = dir.path().join("many-steps.ron");
    std::fs::write(&crowded, many.to_ron().expect("writes")).expect("write");

    let out = knotmap(&["check", path_str(&named)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "long-name.ron:3:5: error: the name is 2000000 characters long; a name has at \
             most {MAX_NAME_CHARS}"
        )),
        "{}",
        stderr(&out)
    );
    let out = knotmap(&["check", path_str(&crowded)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "error: the routine has {} steps; a routine has at most {MAX_STEPS}",
            MAX_STEPS + 1
        )),
        "{}",
        stderr(&out)
    );
    for file in [&named, &crowded] {
        let pdf = dir.path().join("sheet.pdf");
        let out = knotmap(&["print", path_str(file), "-o", path_str(&pdf)]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("at most"), "{}", stderr(&out));
        assert!(!pdf.exists());
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(["check", path_str(&fifo)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().expect("kill");
            panic!("check is still waiting on a named pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let err = stderr_of(&mut child);
    assert_eq!(status.code(), Some(1));
    assert!(
        err.contains("that is a named pipe, not a routine file"),
        "{err}"
    );
}

#[test]
fn encodings_sizes_and_cut_files_are_named_plainly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = TEMPLATES[0].1;

    // A byte-order mark is fine.
    let bom = dir.path().join("bom.ron");
    std::fs::write(&bom, format!("\u{feff}{text}")).expect("write");
    let out = knotmap(&["check", path_str(&bom)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(": ok: "));

    // UTF-16 is named, with what to do.
    let utf16 = dir.path().join("utf16.ron");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).expect("write");
    let out = knotmap(&["check", path_str(&utf16)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("UTF-16"), "{}", stderr(&out));
    assert!(stderr(&out).contains("save it again as UTF-8"));

    // The real size of a file past the limit.
    let big = dir.path().join("big.ron");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(50 * 1024 * 1024))
        .expect("a sparse 50 MB file");
    let out = knotmap(&["check", path_str(&big)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("the file is 50.0 MB — too large for a routine (the limit is 2.0 MB)"),
        "{}",
        stderr(&out)
    );

    // A file cut short anywhere says so.
    let cut = dir.path().join("cut.ron");
    let body = text.trim_end();
    for tenth in 1..10 {
        let mut at = body.len() * tenth / 10;
        while !body.is_char_boundary(at) {
            at += 1;
        }
        std::fs::write(&cut, &body[..at]).expect("write");
        let out = knotmap(&["check", path_str(&cut)]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("the file ends too early"),
            "cut at {tenth}/10 ({:?}…): {}",
            &body[at.saturating_sub(20)..at],
            stderr(&out)
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn names_from_files_never_drive_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut routine = template(0);
    routine.name = "Calves\u{1b}[2J\nfake.ron: ok: all good".to_owned();
    let path = dir.path().join("evil\u{1b}[31m.ron");
    std::fs::write(&path, routine.to_ron().expect("writes")).expect("write");
    let out = knotmap(&["check", path_str(&path)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(!report.contains('\u{1b}'), "{report:?}");
    assert_eq!(report.lines().count(), 1, "{report:?}");
    assert!(report.contains("\\u{1b}[2J\\nfake.ron"), "{report:?}");

    let pdf = dir.path().join("x\u{7}.pdf");
    let out = knotmap(&["print", path_str(&path), "-o", path_str(&pdf)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains('\u{1b}') && !stderr(&out).contains('\u{7}'));

    // The tightness log's entries too.
    let out = knotmap_log_of(
        "(format: 1, entries: [(date: \"2026-11-20\", routine: \"Run\\u{1b}]0;owned\\u{7}\", ratings: [])])",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stdout(&out).contains('\u{1b}') && !stdout(&out).contains('\u{7}'),
        "{:?}",
        stdout(&out)
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_tightness_log_with_a_rating_past_ten_is_refused_where_it_stands() {
    let out = knotmap_log_of(
        "(format: 1, entries: [(\n  date: \"2026-11-20\",\n  routine: \"Run\",\n  ratings: [(region: \"calf\", side: Left, tightness: 255)],\n)])",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("tightness-log.ron:4:")
            && stderr(&out).contains("a tightness is from 0 to 10, not 255"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_word_that_is_neither_a_command_nor_a_file_is_named() {
    let out = knotmap(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`frobnicate` is neither a command nor a routine file"),
        "{}",
        stderr(&out)
    );
    let out = knotmap(&["no/such/routine.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no/such/routine.ron: no such routine file"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_sheet_that_cannot_reach_its_reader_is_an_error() {
    let routine = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/routines/rest-day-full-body.ron"
    );
    // A full disk.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(["print", routine, "-o", "-"])
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("could not write the sheet to standard output: the disk is full"),
        "{}",
        stderr(&out)
    );

    // A reader that has gone.
    let mut child = Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(["print", routine, "-o", "-"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let status = child.wait().expect("waits");
    let err = stderr_of(&mut child);
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(
        err.contains("the program reading it stopped before the end"),
        "{err}"
    );
}

proptest::proptest! {
    /// The tightness log and the settings take any text without panicking, and keep their
    /// promises about what they accept.
    #[test]
    fn any_log_or_settings_text_is_read_or_refused(text in "(?s).{0,400}", cut in 0usize..400) {
        let log = "(format: 1, entries: [(date: \"2026-11-20\", routine: \"Run\", ratings: [(region: \"calf\", side: Left, tightness: 7)])])";
        for input in [text.as_str(), &log[..cut.min(log.len())]] {
            if let Ok(read) = knotmap::tightness::Log::from_text("fuzz.ron", input) {
                proptest::prop_assert!(read
                    .entries
                    .iter()
                    .flat_map(|e| &e.ratings)
                    .all(|r| r.tightness <= knotmap::tightness::MAX_TIGHTNESS));
            }
            if let Ok(settings) = knotmap::settings::Settings::from_text("fuzz.ron", input)
                && !settings.is_newer()
            {
                let written = settings.to_text().expect("settings write");
                let again = knotmap::settings::Settings::from_text("again.ron", &written);
                proptest::prop_assert_eq!(again.ok(), Some(settings));
            }
        }
    }
}
