//! Routine files on disk: the shipped examples, round trips, malformed input, and saves that
//! survive being killed.

use std::path::{Path, PathBuf};
use std::process::Command;

use knotmap::catalog::{Catalog, Dose};
use knotmap::routine::{FORMAT_VERSION, Routine, Step, StepSide, TEMPLATES, When};
use knotmap::storage::{read_routine, save_routine};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("catalog")
}

#[test]
fn shipped_routines_are_valid_and_written_as_knotmap_writes() {
    for (file, text) in TEMPLATES {
        let loaded = Routine::from_ron(file, text).unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.read_only.is_none());
        let warnings = loaded.routine.warnings(catalog(), Some(text));
        assert!(warnings.is_empty(), "{file}: {warnings:?}");
        assert_eq!(
            loaded.routine.to_ron().expect("writes"),
            text,
            "{file} is not in knotmap's own layout"
        );
        assert!(loaded.routine.steps.len() >= 5, "{file} is too short");
    }
}

#[test]
fn comments_in_hand_written_files_are_accepted() {
    let text = "// my routine\n(\n    format: 1, // version\n    name: \"Hand made\",\n    \
                when: RestDay,\n    /* free text */ notes: \"\",\n    steps: [],\n)\n";
    let loaded = Routine::from_ron("hand.ron", text).expect("comments are fine");
    assert_eq!(loaded.routine.name, "Hand made");
}

#[test]
fn unknown_ids_are_kept_and_written_back_unchanged() {
    let text = TEMPLATES[0].1.replacen("\"calf\"", "\"left_pinky_toe\"", 1);
    assert_ne!(text, TEMPLATES[0].1);
    let loaded = Routine::from_ron("x.ron", &text).expect("still opens");
    let warnings = loaded.routine.warnings(catalog(), Some(&text));
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("left_pinky_toe") && w.line > 0)
    );
    assert_eq!(loaded.routine.to_ron().expect("writes"), text);
}

/// Every file in tests/malformed/ with the message it must produce (file name, then the
/// expected `line:column` or `-` for none, then a piece of the message).
#[test]
fn malformed_files_get_clear_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let mut checked = 0;
    for line in expected
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut parts = line.splitn(3, " | ");
        let (file, place, message) = (
            parts.next().expect("file").trim(),
            parts.next().expect("place").trim(),
            parts.next().expect("message").trim(),
        );
        let path = dir.join(file);
        let before = std::fs::read(&path).expect("fixture exists");
        let err = read_routine(&path).expect_err(file).to_string();
        let shown = path.display().to_string();
        if place == "-" {
            assert!(err.starts_with(&format!("{shown}: ")), "{file}: {err}");
        } else {
            assert!(
                err.starts_with(&format!("{shown}:{place}: ")),
                "{file}: expected {place}: {err}"
            );
        }
        assert!(
            err.contains(message),
            "{file}: expected \"{message}\" in: {err}"
        );
        assert_eq!(
            std::fs::read(&path).expect("still there"),
            before,
            "{file} untouched"
        );
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} fixtures");
}

#[test]
fn huge_and_deep_files_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = dir.path().join("huge.ron");
    let mut text = String::from("(format: 1, name: \"");
    text.push_str(&"x".repeat(30 * 1024 * 1024));
    text.push_str("\", when: AnyTime, notes: \"\", steps: [])");
    std::fs::write(&huge, &text).expect("write");
    let err = read_routine(&huge).expect_err("too large").to_string();
    assert!(err.contains("too large"), "{err}");

    // Deep nesting inside an unknown field is what could exhaust the stack: it is skipped
    // over value by value, so the nesting cap must stop it.
    let deep = dir.path().join("deep.ron");
    let nested = format!(
        "(format: 1, name: \"d\", when: AnyTime, notes: \"\", extra: {}{}, steps: [])",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(&deep, nested).expect("write");
    let err = read_routine(&deep).expect_err("too deep").to_string();
    assert!(err.contains("deeper"), "{err}");
}

fn arb_dose() -> impl Strategy<Value = Dose> {
    prop_oneof![
        (1u32..600).prop_map(Dose::Seconds),
        (1u32..40).prop_map(Dose::Passes)
    ]
}

fn arb_step() -> impl Strategy<Value = Step> {
    (
        "[a-z_]{1,16}",
        prop_oneof![
            Just(StepSide::Left),
            Just(StepSide::Right),
            Just(StepSide::Both),
            Just(StepSide::Middle)
        ],
        "[a-z_]{1,16}",
        "[a-z_]{1,16}",
        arb_dose(),
        proptest::option::of(".{0,40}"),
    )
        .prop_map(|(region, side, technique, tool, dose, note)| Step {
            region: region.as_str().into(),
            side,
            technique: technique.as_str().into(),
            tool: tool.as_str().into(),
            dose,
            note,
        })
}

fn arb_routine() -> impl Strategy<Value = Routine> {
    (
        ".{0,60}",
        prop_oneof![
            Just(When::BeforeRun),
            Just(When::AfterRun),
            Just(When::RestDay),
            Just(When::AnyTime)
        ],
        ".{0,200}",
        proptest::collection::vec(arb_step(), 0..30),
    )
        .prop_map(|(name, when, notes, steps)| Routine {
            format: FORMAT_VERSION,
            name,
            when,
            notes,
            steps,
        })
}

proptest! {
    #[test]
    fn any_routine_round_trips_with_stable_bytes(routine in arb_routine()) {
        let text = routine.to_ron().expect("writes");
        let loaded = Routine::from_ron("p.ron", &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded.routine, &routine);
        prop_assert_eq!(loaded.routine.to_ron().expect("writes"), text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = Routine::from_bytes("fuzz.ron", &bytes);
    }
}

/// Saves two routines alternately, for ever; run as a child process by the kill test.
fn saver_loop(path: &Path) -> ! {
    let (a, b) = routines_a_b();
    loop {
        for routine in [&a, &b] {
            if let Err(e) = save_routine(path, routine) {
                eprintln!("save failed: {e}");
                std::process::exit(3);
            }
        }
    }
}

fn routines_a_b() -> (Routine, Routine) {
    let a = Routine::from_ron("a", TEMPLATES[0].1).expect("a").routine;
    let b = Routine::from_ron("b", TEMPLATES[4].1).expect("b").routine;
    (a, b)
}

/// The saver that `killed_mid_save_leaves_old_or_new` starts in a child process and kills: it
/// saves two routines in turn over one file until it is killed. Not a test of its own.
#[test]
#[ignore = "a child process of killed_mid_save_leaves_old_or_new"]
fn kill_child_saver() {
    let path = std::env::var_os("KNOTMAP_SAVER_PATH")
        .expect("KNOTMAP_SAVER_PATH names the file to save over and over");
    saver_loop(&PathBuf::from(path));
}

#[test]
fn killed_mid_save_leaves_old_or_new() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("routine.ron");
    let (a, b) = routines_a_b();
    save_routine(&path, &a).expect("first save");
    let exe = std::env::current_exe().expect("test binary");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut overwritten = false;
    for round in 0..220 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "kill_child_saver",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("KNOTMAP_SAVER_PATH", &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("child starts");
        // A pseudo-random moment between 0 and 30 ms after start.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(std::time::Duration::from_micros(5_000 + seed % 25_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let loaded = read_routine(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"))
            .loaded;
        assert!(
            loaded.routine == a || loaded.routine == b,
            "round {round}: neither the old nor the new routine"
        );
        overwritten |= loaded.routine == b;
    }
    // The saver really ran: some kill came after it had written the second routine.
    assert!(overwritten, "the saver never wrote over the file");
    // No temporary files are left lying around as routines.
    let stray: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ron") && e.path() != path)
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}
