//! What a second hostile run found, each through the real binary or real files: the log
//! knotmap writes it can read back, a log near its limit is refused before it is written,
//! cut-short and nested logs and negative ratings named plainly, closed pipes end quietly,
//! invisible format characters escaped, a PNG page set replaced whole, and the folder that is
//! a file named as such.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use knotmap::routine::StepSide;
use knotmap::storage::Folders;
use knotmap::tightness::{Entry, Log, MAX_LOG_BYTES, Rating};

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `knotmap ARGS` with the data folder under `home`.
fn knotmap_at(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(args)
        .env("XDG_DATA_HOME", home)
        .env("HOME", home)
        .output()
        .expect("the knotmap binary runs")
}

/// A home whose data folder holds this log text; returns the log's path.
fn home_with_log(home: &Path, text: &str) -> PathBuf {
    let folder = home.join("knotmap");
    std::fs::create_dir_all(&folder).expect("dir");
    let path = folder.join("tightness-log.ron");
    std::fs::write(&path, text).expect("write");
    path
}

fn entry(day: usize) -> Entry {
    Entry {
        date: format!(
            "{}-{:02}-{:02}",
            1900 + day / 336,
            1 + day / 28 % 12,
            1 + day % 28
        ),
        time: Some("07:30".to_owned()),
        routine: "After a long run".to_owned(),
        ratings: vec![
            Rating {
                region: "calf".into(),
                side: StepSide::Left,
                tightness: (day % 11) as u8,
            },
            Rating {
                region: "calf".into(),
                side: StepSide::Right,
                tightness: ((day + 3) % 11) as u8,
            },
        ],
        done: Some(11),
        skipped: Some(0),
    }
}

/// The old way of writing a log: pretty-printed, three times the size.
fn pretty(log: &Log) -> String {
    ron::ser::to_string_pretty(log, ron::ser::PrettyConfig::new()).expect("writes")
}

#[test]
fn a_long_log_is_written_back_compactly_and_reads_again() {
    let dir = tempfile::tempdir().expect("dir");
    let folders = Folders::at(dir.path());
    let log = Log {
        entries: (0..25_000).map(entry).collect(),
        ..Log::default()
    };
    let path = dir.path().join("tightness-log.ron");
    std::fs::write(&path, pretty(&log)).expect("write");
    let before = std::fs::metadata(&path).expect("meta").len();
    assert!(before < MAX_LOG_BYTES, "the log starts readable: {before}");

    let after = Log::record(&folders, entry(25_000)).expect("logged");
    assert_eq!(after.entries.len(), 25_001);
    let size = std::fs::metadata(&path).expect("meta").len();
    assert!(
        size < before / 2,
        "written one session a line: {size} bytes, was {before}"
    );
    let again = Log::load(&folders).expect("knotmap reads what it wrote");
    assert_eq!(again.entries, after.entries);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.starts_with("// knotmap's tightness log")
            && text.contains("comments added to it are not kept"),
        "the log says at its top that knotmap rewrites it: {}",
        &text[..200]
    );
    assert_eq!(
        text.lines().count(),
        25_001 + 7,
        "a line a session, and seven around them"
    );
}

#[test]
fn a_log_that_one_more_session_would_push_past_its_limit_is_left_as_it_was() {
    let dir = tempfile::tempdir().expect("dir");
    let folders = Folders::at(dir.path());
    let one = Log {
        entries: vec![entry(0)],
        ..Log::default()
    };
    let line = one.to_ron().expect("writes").len() - Log::default().to_ron().expect("w").len();
    // Two more bytes a line than the first session's: some ratings have two digits.
    let n = (MAX_LOG_BYTES as usize - 4096) / (line + 2);
    let log = Log {
        entries: (0..n).map(entry).collect(),
        ..Log::default()
    };
    let text = log.to_ron().expect("writes");
    assert!(text.len() as u64 <= MAX_LOG_BYTES);
    let path = dir.path().join("tightness-log.ron");
    std::fs::write(&path, &text).expect("write");

    // One more session whose line is just longer than the room left.
    let mut big = entry(n);
    big.routine = "x".repeat(MAX_LOG_BYTES as usize - text.len() + 10);
    let refused = Log::record(&folders, big)
        .map(|log| log.entries.len())
        .expect_err("refused");
    let message = refused.to_string();
    assert!(
        message.contains("past the 16.0 MB knotmap reads, so nothing was written")
            && message.contains("copy the log aside as an archive"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "the log is as it was"
    );
    Log::load(&folders).expect("still readable");
}

#[test]
fn logs_cut_short_nested_too_deep_or_rated_below_zero_are_named_plainly() {
    let home = tempfile::tempdir().expect("dir");
    let whole = "(format: 2, entries: [(date: \"2026-11-20\", routine: \"Run\", ratings: [(region: \"calf\", side: Left, tightness: 7)])])";
    for cut in [20, 60, 100, whole.len() - 3] {
        home_with_log(home.path(), &whole[..cut]);
        let out = knotmap_at(home.path(), &["log"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("cut short"),
            "cut at {cut}: {}",
            stderr(&out)
        );
    }

    let nested = format!(
        "(format: 2, entries: [], extra: {}{})",
        "[".repeat(40),
        "]".repeat(40)
    );
    home_with_log(home.path(), &nested);
    let out = knotmap_at(home.path(), &["log"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nests deeper than 16 levels") && !stderr(&out).contains("serde"),
        "{}",
        stderr(&out)
    );

    home_with_log(home.path(), &whole.replace("tightness: 7", "tightness: -1"));
    let out = knotmap_at(home.path(), &["log"]);
    assert!(
        stderr(&out).contains("a tightness is from 0 to 10, not -1"),
        "{}",
        stderr(&out)
    );

    home_with_log(home.path(), &whole.replace("side: Left", "side: Both"));
    let out = knotmap_at(home.path(), &["log"]);
    assert!(
        stderr(&out).contains("a rating is for one side"),
        "{}",
        stderr(&out)
    );

    // A paired place rated in the middle is not listed as if it were one place twice.
    home_with_log(
        home.path(),
        "(format: 2, entries: [(date: \"2026-11-20\", routine: \"Run\", ratings: [(region: \"calf\", side: Middle, tightness: 4), (region: \"calf\", side: Left, tightness: 6)])])",
    );
    let out = knotmap_at(home.path(), &["log"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Calf (side not given) 4, Left calf 6"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_data_folder_that_is_a_file_is_named() {
    let home = tempfile::tempdir().expect("dir");
    let file = home.path().join("knotmap");
    std::fs::write(&file, "not a folder").expect("write");
    let out = knotmap_at(home.path(), &["log"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(
        said.contains(&format!(
            "{}: that is a file, where knotmap needs a folder",
            file.display()
        )) && !said.contains("tightness-log.ron"),
        "{said}"
    );
}

#[test]
fn direction_overrides_never_reach_the_terminal_raw() {
    let home = tempfile::tempdir().expect("dir");
    home_with_log(
        home.path(),
        "(format: 2, entries: [(date: \"2026-11-20\", routine: \"Run\u{202E}nur\u{2066}\", ratings: [])])",
    );
    let out = knotmap_at(home.path(), &["log"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{202E}') && !text.contains('\u{2066}'),
        "{text:?}"
    );
    assert!(text.contains("Run\\u{202e}nur\\u{2066}"), "{text:?}");

    let dir = tempfile::tempdir().expect("dir");
    let routine = dir.path().join("r.ron");
    std::fs::write(
        &routine,
        knotmap::routine::TEMPLATES[0]
            .1
            .replacen("name: \"", "name: \"\u{202E}", 1),
    )
    .expect("write");
    let out = knotmap_at(home.path(), &["check", routine.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains('\u{202E}'), "{}", stdout(&out));
}

/// Runs knotmap with both its outputs on a pipe whose reader has gone, and returns its exit
/// code: 1, quietly, never a panic's 101.
#[cfg(unix)]
fn exit_code_with_the_reader_gone(args: &[&str]) -> Option<i32> {
    use std::os::fd::AsFd as _;
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let err = writer.as_fd().try_clone_to_owned().expect("dup");
    Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::from(err))
        .status()
        .expect("runs")
        .code()
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_knotmap_quietly() {
    let routine = concat!(env!("CARGO_MANIFEST_DIR"), "/routines/before-a-run.ron");
    assert_eq!(
        exit_code_with_the_reader_gone(&["show", "hamstrng"]),
        Some(1)
    );
    assert_eq!(exit_code_with_the_reader_gone(&["show", "psoas"]), Some(1));
    assert_eq!(
        exit_code_with_the_reader_gone(&["print", routine, "-o", "-"]),
        Some(1)
    );
    assert_eq!(exit_code_with_the_reader_gone(&["check", routine]), Some(1));
    // The whole output read: success, as before.
    let out = Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(["show", "psoas"])
        .output()
        .expect("runs");
    assert!(out.status.success());
}

#[test]
fn a_png_page_set_is_replaced_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let out_path = dir.path().join("sheet.png");
    // What a longer routine printed here before: fourteen pages, and a one-page sheet.
    for n in 1..=14 {
        std::fs::write(dir.path().join(format!("sheet-{n}.png")), b"old page").expect("write");
    }
    std::fs::write(&out_path, b"old single page").expect("write");
    let keep = dir.path().join("sheet-notes.png");
    std::fs::write(&keep, b"not a page").expect("write");

    let long = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/routines/rest-day-full-body.ron"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(["print", long, "-o", out_path.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["sheet-1.png", "sheet-2.png", "sheet-notes.png"]);
    for page in ["sheet-1.png", "sheet-2.png"] {
        let bytes = std::fs::read(dir.path().join(page)).expect("read");
        assert!(bytes.starts_with(b"\x89PNG"), "{page} is new");
    }

    // Then a one-page sheet to the same name: the two pages go.
    let short = concat!(env!("CARGO_MANIFEST_DIR"), "/routines/before-a-run.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(["print", short, "-o", out_path.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["sheet-notes.png", "sheet.png"]);
}

/// On a disk that fills up half way through a page set, the old set stays whole.
#[cfg(target_os = "linux")]
#[test]
fn a_page_set_that_does_not_fit_leaves_the_old_set_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let pages: Vec<PathBuf> = (1..=3)
        .map(|n| dir.path().join(format!("sheet-{n}.png")))
        .collect();
    for page in &pages {
        std::fs::write(page, b"old").expect("write");
    }
    // The third file cannot be written: its place is taken by a folder.
    let blocked = dir.path().join("sheet-3.png");
    std::fs::remove_file(&blocked).expect("remove");
    std::fs::create_dir(&blocked).expect("a folder in the way");
    let new: Vec<(PathBuf, &[u8])> = pages.iter().map(|p| (p.clone(), &b"new"[..])).collect();
    let refused = knotmap::storage::write_set(&new, &[]).expect_err("refused");
    assert!(
        refused.to_string().contains("that is a folder"),
        "{refused}"
    );
    for page in &pages[..2] {
        assert_eq!(
            std::fs::read(page).expect("read"),
            b"old",
            "{}",
            page.display()
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(left.len(), 3, "no temporary file is left behind");
}

#[test]
fn a_file_larger_than_knotmap_reads_back_is_never_written() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("settings.ron");
    std::fs::write(&path, "(format: 1)").expect("write");
    let big = vec![b' '; 300 * 1024];
    let refused = knotmap::storage::write_readable(
        &path,
        &big,
        knotmap::settings::MAX_SETTINGS_BYTES,
        "settings",
    )
    .expect_err("refused");
    assert!(
        refused
            .to_string()
            .contains("more than knotmap reads for settings (256 kB), so nothing was written"),
        "{refused}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "(format: 1)",
        "the file is as it was"
    );
}
