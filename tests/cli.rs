//! The command line, run as the real binary.

use std::process::{Command, Output};

fn knotmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(args)
        .output()
        .expect("the knotmap binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn regions_lists_both_views_and_both_sides() {
    let out = knotmap(&["regions"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let line = |id: &str, side: &str| {
        text.lines().any(|l| {
            let cols: Vec<&str> = l
                .split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            cols.first() == Some(&id) && cols.last() == Some(&side)
        })
    };
    assert!(
        line("hamstrings", "left") && line("hamstrings", "right"),
        "{text}"
    );
    assert!(line("hip_flexors", "left") && line("hip_flexors", "right"));
    assert!(line("diaphragm", "middle"));
    assert!(text.contains("Left hamstrings"));
    assert!(text.lines().any(|l| l.contains(" front ")));
    assert!(text.lines().any(|l| l.contains(" back ")));
    assert!(text.lines().count() >= 40);
}

#[test]
fn show_a_muscle_gives_techniques_tools_and_cautions() {
    let out = knotmap(&["show", "psoas"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Psoas — muscle"), "{text}");
    assert!(text.contains("Techniques"));
    assert!(text.contains("per side"));
    assert!(text.contains("1. "));
    assert!(text.contains("Hip flexors"));
}

#[test]
fn show_answers_other_names_plurals_and_any_case() {
    let it = stdout(&knotmap(&["show", "it band"]));
    assert!(it.contains("Iliotibial band"), "{it}");
    let sit = stdout(&knotmap(&["show", "Sit Bones"]));
    assert!(sit.contains("Hamstring"), "{sit}");
    let glutes = stdout(&knotmap(&["show", "glutes"]));
    for name in ["Gluteus maximus", "Gluteus medius", "Gluteus minimus"] {
        assert!(glutes.contains(name), "glutes should show {name}");
    }
    assert!(glutes.contains("five seconds") || glutes.contains("5 seconds"));
    let overview: Vec<&str> = glutes.lines().take_while(|l| !l.is_empty()).collect();
    assert!(
        overview[0].contains("entries answer to \"glutes\""),
        "{glutes}"
    );
    assert!(
        overview[1..]
            .iter()
            .any(|l| l.contains("Gluteus medius — muscle")),
        "the overview lists each entry first: {overview:?}"
    );
    let tfl = stdout(&knotmap(&["show", "TFL"]));
    assert!(tfl.contains("Tensor fasciae latae"), "{tfl}");
}

#[test]
fn show_a_tool_gives_what_it_is_good_for_and_its_stand_ins() {
    let out = knotmap(&["show", "tennis ball"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("Tennis ball — tool"), "{text}");
    assert!(text.contains("Stand-ins"));
    assert!(text.contains("Hamstring"));
    let sock = stdout(&knotmap(&["show", "tennis balls in a sock"]));
    assert!(sock.contains("Make it:"), "{sock}");
}

#[test]
fn show_a_region_with_its_side_and_no_roll_zones() {
    let out = knotmap(&["show", "left", "calf"]);
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("Left calf — region, back view, left side"));
    let knee = stdout(&knotmap(&["show", "back of the knee"]));
    assert!(knee.contains("DO NOT ROLL HERE"), "{knee}");
    // And where to work instead, as the window's panel says.
    let instead = knee
        .split("Work these instead")
        .nth(1)
        .unwrap_or_else(|| panic!("no places to work instead: {knee}"));
    assert!(
        instead.contains("Hamstrings") && instead.contains("Calf"),
        "{instead}"
    );
}

#[test]
fn unknown_query_suggests_and_exits_1() {
    let out = knotmap(&["show", "hamstrng"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(err.contains("hamstrng"), "{err}");
    assert!(
        err.to_lowercase().contains("hamstring"),
        "suggests the right name: {err}"
    );
}

#[test]
fn usage_errors_exit_2_and_help_and_version_exit_0() {
    let out = knotmap(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).is_empty());
    let out = knotmap(&["show"]);
    assert_eq!(out.status.code(), Some(2));
    let help = knotmap(&["--help"]);
    assert!(help.status.success());
    assert!(stdout(&help).contains("regions"));
    let version = knotmap(&["--version"]);
    assert!(version.status.success());
    assert!(stdout(&version).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn check_accepts_the_shipped_routines() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/routines");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("routines folder")
        .filter_map(Result::ok)
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 5);
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let out = knotmap(&args);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.contains(": ok: "))
            .count(),
        files.len()
    );
    // Not a word of warning: the examples are what the builder and the sheet hold up as
    // right, so they follow every rule the check knows.
    assert!(
        !stderr(&out).contains("warning") && !stderr(&out).contains("error"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_reports_file_line_column_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n    format: 1,\n    name: 7,\n)\n").expect("write");
    let unknown = dir.path().join("unknown.ron");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/routines/before-a-run.ron"
    ))
    .expect("template")
    .replacen("\"foam_roller\"", "\"vibrating_spoon\"", 1);
    std::fs::write(&unknown, text).expect("write");

    let out = knotmap(&["check", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let report = stderr(&out);
    assert!(
        report.starts_with(&format!("{}:3:10: error:", bad.display())),
        "{report}"
    );

    // Unknown ids are warnings: the file is still valid.
    let out = knotmap(&["check", unknown.to_str().expect("path")]);
    assert!(out.status.success());
    let report = stderr(&out);
    assert!(
        report.contains(": warning: step ") && report.contains("vibrating_spoon"),
        "{report}"
    );

    // Garbage bytes never crash it.
    let garbage = dir.path().join("garbage.ron");
    std::fs::write(&garbage, [0xff, 0x00, 0x28, 0x28, 0x5b, 0xfe]).expect("write");
    let out = knotmap(&["check", garbage.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn log_prints_the_sessions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_knotmap"))
            .args(args)
            .env("XDG_DATA_HOME", dir.path())
            .env("HOME", dir.path())
            .output()
            .expect("runs")
    };
    let out = run(&["log"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("No sessions logged yet"));
    let folder = dir.path().join("knotmap");
    std::fs::create_dir_all(&folder).expect("dir");
    std::fs::write(
        folder.join("tightness-log.ron"),
        "(format: 1, entries: [(date: \"2026-11-20\", routine: \"After a long run\", ratings: [(region: \"calf\", side: Left, tightness: 7)])])",
    )
    .expect("write");
    let out = run(&["log"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "2026-11-20  After a long run  Left calf 7\n");
    std::fs::write(folder.join("tightness-log.ron"), "(format: 1, entries: [").expect("write");
    let out = run(&["log"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("tightness-log.ron:1:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_and_print_refuse_a_step_on_a_no_roll_zone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let template = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/routines/before-a-run.ron"
    ))
    .expect("template");
    let unsafe_routine = dir.path().join("unsafe.ron");
    std::fs::write(
        &unsafe_routine,
        template.replacen("\"hamstrings\"", "\"lower_spine\"", 1),
    )
    .expect("write");
    let out = knotmap(&["check", unsafe_routine.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: step 2: \"lower_spine\" is a place never to roll"),
        "{}",
        stderr(&out)
    );
    let pdf = dir.path().join("unsafe.pdf");
    let out = knotmap(&[
        "print",
        unsafe_routine.to_str().expect("path"),
        "-o",
        pdf.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!pdf.exists());

    // A technique on the wrong place and a tool the technique does not use are warnings.
    let odd = dir.path().join("odd.ron");
    let text = template
        .replacen("\"glute_ball_work\"", "\"neck_kneading\"", 1)
        .replacen("\"small_roller\"", "\"dull_knife\"", 1);
    std::fs::write(&odd, text).expect("write");
    let out = knotmap(&["check", odd.to_str().expect("path")]);
    assert!(out.status.success());
    let report = stderr(&out);
    assert!(report.contains("does not work the muscles of"), "{report}");
    assert!(report.contains("is not a tool for"), "{report}");

    // Paper names in any case; a missing destination is a usage error that says what to do.
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/routines/before-a-run.ron");
    let out = knotmap(&[
        "print",
        good,
        "-o",
        dir.path().join("x.pdf").to_str().expect("path"),
        "--paper",
        "A4",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = knotmap(&["print", good]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--print"));
}

#[test]
fn techniques_answer_to_the_names_runners_use() {
    let out = knotmap(&["show", "lunge"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Power-pose low lunge — technique"),
        "{}",
        stdout(&out)
    );
    let out = knotmap(&["show", "key twist"]);
    assert!(out.status.success());
}

#[test]
fn show_explains_the_background_of_rolling() {
    let out = knotmap(&["show", "myofascia"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("One tight muscle pulls on the rest — the basics"),
        "{text}"
    );
    assert!(text.contains("connective tissue"), "{text}");
}

#[test]
fn a_mistake_repeated_in_several_steps_is_reported_on_each_steps_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("spoons.ron");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/routines/before-a-run.ron"
    ))
    .expect("template")
    .replace("\"foam_roller\"", "\"spoon\"");
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("\"spoon\""))
        .map(|(i, _)| i + 1)
        .collect();
    assert!(lines.len() >= 2, "the fixture repeats the mistake");
    std::fs::write(&path, &text).expect("write");
    let out = knotmap(&["check", path.to_str().expect("path")]);
    let report = stderr(&out);
    for line in lines {
        assert!(
            report.contains(&format!("spoons.ron:{line}:")) && report.contains("unknown tool"),
            "line {line} is named: {report}"
        );
    }
}

#[test]
fn check_flags_a_dose_far_beyond_the_suggestion() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.ron");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/routines/before-a-run.ron"
    ))
    .expect("template")
    .replacen("dose: Seconds(60)", "dose: Seconds(36000)", 1);
    std::fs::write(&path, &text).expect("write");
    let out = knotmap(&["check", path.to_str().expect("path")]);
    assert!(out.status.success(), "a warning, not an error");
    let report = stderr(&out);
    let line = text
        .lines()
        .position(|l| l.contains("Seconds(36000)"))
        .expect("the fixture's dose")
        + 1;
    assert!(
        report
            .lines()
            .any(|l| l.contains(&format!("long.ron:{line}:"))
                && l.contains("warning: step 2: 10 h per side is far more than")),
        "the dose's own line, {line}: {report}"
    );
}

/// The words runners type land where they mean, through the matcher the window uses too.
#[test]
fn what_runners_type_lands_where_they_mean() {
    let cases = [
        (
            "upper back",
            "Upper back (between the shoulder blades) — region",
        ),
        (
            "mid back",
            "Upper back (between the shoulder blades) — region",
        ),
        (
            "thoracic",
            "Upper back (between the shoulder blades) — region",
        ),
        ("lats", "Lats (side of the back) — region"),
        ("traps", "Top of the shoulder and neck — region"),
        ("shoulder", "Front of the shoulder — region"),
        (
            "rotator cuff",
            "Back of the shoulder (shoulder blade) — region",
        ),
        ("lower back", "Lower back beside the spine — region"),
        ("QL", "Lower back beside the spine — region"),
        ("shin", "Shin — region"),
        ("outer shin", "Outer shin — region"),
        ("arch", "Sole of the foot — region"),
        ("toes", "Toes — region"),
        ("forearm", "Inside of the forearm — region"),
    ];
    for (query, first) in cases {
        let out = knotmap(&["show", query]);
        assert!(out.status.success(), "{query}: {}", stderr(&out));
        let text = stdout(&out);
        let first_entry = text
            .lines()
            .find(|l| l.contains(" — "))
            .unwrap_or_default()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        assert!(first_entry.starts_with(first), "{query}: {first_entry}");
    }
    // The seed article's pairs and full names.
    assert!(stdout(&knotmap(&["show", "psoas"])).contains("Iliacus"));
    assert!(stdout(&knotmap(&["show", "neck"])).contains("Sternocleidomastoid"));
}

/// The chunk of a PNG file with this type, if it has one.
fn png_chunk<'a>(png: &'a [u8], kind: &[u8; 4]) -> Option<&'a [u8]> {
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().ok()?) as usize;
        if &png[at + 4..at + 8] == kind {
            return png.get(at + 8..at + 8 + len);
        }
        at += 12 + len;
    }
    None
}

/// A PNG sheet is one file a page, each saying its resolution.
#[test]
fn print_writes_one_png_a_page_at_a_stated_resolution() {
    let dir = tempfile::tempdir().expect("temp dir");
    let many = dir.path().join("rest.png");
    let out = knotmap(&[
        "print",
        "routines/rest-day-full-body.ron",
        "-o",
        many.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!many.exists(), "a sheet of several pages is not one file");
    let pages: Vec<_> = (1..=9)
        .map(|n| dir.path().join(format!("rest-{n}.png")))
        .take_while(|p| p.exists())
        .collect();
    assert!(pages.len() >= 2, "{}", stderr(&out));
    for page in &pages {
        let png = std::fs::read(page).expect("page");
        let phys = png_chunk(&png, b"pHYs").expect("the resolution is written");
        let per_metre = u32::from_be_bytes(phys[0..4].try_into().expect("x"));
        assert_eq!(per_metre, 5906, "150 dpi is 5906 pixels a metre");
        assert_eq!(phys[8], 1, "in metres");
        assert!(stderr(&out).contains(&page.display().to_string()));
    }
}

/// What a runner feels leads to the complaint first, with its warnings and its routine.
#[test]
fn show_answers_a_complaint_first() {
    let cases = [
        (
            "knee pain",
            "Runner's knee (pain around the kneecap) — complaint",
        ),
        (
            "shin splints",
            "Shin splints (medial tibial stress syndrome) — complaint",
        ),
        ("heel", "Plantar fasciitis and heel pain — complaint"),
        (
            "sciatica",
            "Buttock pain and sciatica-like pain — complaint",
        ),
        (
            "after a marathon",
            "Soreness after a race, a long run or a downhill run — complaint",
        ),
        (
            "downhill",
            "Soreness after a race, a long run or a downhill run — complaint",
        ),
    ];
    for (query, first) in cases {
        let out = knotmap(&["show", query]);
        assert!(out.status.success(), "{query}: {}", stderr(&out));
        let text = stdout(&out);
        let first_entry = text
            .lines()
            .find(|l| l.contains(" — "))
            .unwrap_or_default()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        assert!(first_entry.starts_with(first), "{query}: {text}");
        for section in [
            "See a clinician rather than roll for",
            "What rolling can do",
            "What it cannot do",
            "Places to work",
            "A ready routine",
            "What else helps",
        ] {
            assert!(text.contains(section), "{query}: no “{section}” in {text}");
        }
    }
    let shins = stdout(&knotmap(&["show", "shin splints"]));
    let leave = shins
        .split("Leave alone\n")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .unwrap_or_default();
    assert!(
        leave.contains("Shin bone"),
        "the shin bone is left alone: {shins}"
    );
}

/// `knotmap check` names a routine's problems in the order they stand in the file, as a
/// compiler does, whatever their kind: a warning on an early line before an error on a later one.
#[test]
fn check_lists_problems_in_file_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mixed.ron");
    let text = r#"(
    format: 1,
    name: "Mixed",
    when: AnyTime,
    notes: "",
    steps: [
        (region: "calf", side: Both, technique: "calf_finger_press", tool: "fingers", dose: Seconds(900)),
        (region: "kneecap", side: Both, technique: "calf_finger_press", tool: "fingers", dose: Seconds(30)),
    ],
)
"#;
    std::fs::write(&path, text).expect("write");
    let out = knotmap(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    let lines: Vec<(usize, &str)> = said
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix(path.to_str()?)?.strip_prefix(':')?;
            let line: usize = rest.split(':').next()?.parse().ok()?;
            Some((line, l))
        })
        .collect();
    assert!(
        lines.iter().any(|(_, l)| l.contains(": warning: "))
            && lines.iter().any(|(_, l)| l.contains(": error: ")),
        "{said}"
    );
    assert!(
        lines.windows(2).all(|w| w[0].0 <= w[1].0),
        "in file order: {said}"
    );
}
