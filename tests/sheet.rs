//! The session sheet: what it says, how it is laid out, and the files it makes.

#[path = "support/pdf.rs"]
mod pdf;
#[path = "support/png.rs"]
mod png;

use std::path::{Path, PathBuf};
use std::process::Command;

use knotmap::body::Body;
use knotmap::catalog::{Catalog, Dose};
use knotmap::routine::{Routine, Step, TEMPLATES};
use knotmap::sheet::{Fonts, Paper, layout, to_pdf, to_pngs};

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("catalog")
}

fn template(i: usize) -> Routine {
    Routine::from_ron(TEMPLATES[i].0, TEMPLATES[i].1)
        .expect("template")
        .routine
}

/// A long routine: every technique on one of its regions, repeated to `steps` steps.
fn long_routine(steps: usize) -> Routine {
    let c = catalog();
    let mut routine = Routine {
        name: format!("Everything, {steps} steps"),
        ..Routine::default()
    };
    let pairs: Vec<_> = c
        .techniques
        .iter()
        .filter_map(|t| c.regions_of_technique(t).next().map(|r| (r, t)))
        .collect();
    for i in 0..steps {
        let (region, technique) = pairs[i % pairs.len()];
        routine.steps.push(Step {
            note: (i % 3 == 0).then(|| "Slow and steady, breathe out as you press.".to_owned()),
            ..Step::new(
                c,
                region,
                technique,
                technique.tools[i % technique.tools.len()].clone(),
            )
        });
    }
    routine
}

fn write_routine(dir: &Path, routine: &Routine) -> PathBuf {
    let path = dir.join("routine.ron");
    std::fs::write(&path, routine.to_ron().expect("writes")).expect("write");
    path
}

fn knotmap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(args)
        .output()
        .expect("knotmap runs")
}

#[test]
fn no_text_overflows_its_box_on_any_sample_sheet() {
    let fonts = Fonts::get().expect("fonts");
    let body = Body::builtin(catalog()).expect("body");
    let mut routines: Vec<Routine> = (0..TEMPLATES.len()).map(template).collect();
    routines.push(long_routine(60));
    let mut odd = template(0);
    odd.name = "A very long routine name that goes on and on about hamstrings, calves and the feet"
        .to_owned();
    odd.steps[0].region = "a_region_nobody_has_ever_heard_of_anywhere".into();
    odd.steps[1].note = Some("word ".repeat(80));
    routines.push(odd);
    for routine in &routines {
        for paper in [Paper::A4, Paper::Letter] {
            let sheet = layout(routine, catalog(), &body, paper, true, Some("routine.ron"))
                .expect("layout");
            let (w, h) = paper.size();
            for (page, text) in sheet.texts() {
                let f = text.frame;
                assert!(
                    f.x >= 0.0 && f.right() <= w && f.y >= 0.0 && f.bottom() <= h,
                    "page {page}: {:?} off the page",
                    text.lines
                );
                assert!(
                    text.lines.len() as f32 * text.leading <= f.h + 0.01,
                    "{:?} taller than its box",
                    text.lines
                );
                for line in &text.lines {
                    let width = fonts.width(line, text.weight, text.size);
                    assert!(
                        width <= f.w + 0.01,
                        "page {page}: \"{line}\" is {width:.1} wide in a {:.1} box",
                        f.w
                    );
                }
            }
        }
    }
}

#[test]
fn the_pdf_holds_every_step_and_caution_and_embeds_its_fonts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let routine = template(1);
    let path = write_routine(dir.path(), &routine);
    let pdf = dir.path().join("sheet.pdf");
    let out = knotmap(&[
        "print",
        path.to_str().expect("path"),
        "-o",
        pdf.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let facts = pdf::read(&std::fs::read(&pdf).expect("the sheet"));
    let c = catalog();
    for step in &routine.steps {
        let region = c.region(&step.region).expect("region");
        let technique = c.technique(&step.technique).expect("technique");
        let tool = c.tool(&step.tool).expect("tool");
        for needle in [&region.name, &technique.name, &tool.name] {
            assert!(facts.says(needle), "the sheet lacks \"{needle}\"");
        }
        let dose = match step.dose {
            Dose::Seconds(s) if s < 180 => format!("{s} s"),
            Dose::Seconds(s) => format!("{} min", s / 60),
            Dose::Passes(n) => format!("{n} passes"),
        };
        assert!(
            facts.says(&dose),
            "the sheet lacks the dose {dose}: {}",
            facts.text
        );
    }
    let cautions = knotmap::sheet::routine_cautions(&routine, c);
    assert!(
        cautions
            .iter()
            .any(|c| c.id.as_str().contains("five") || c.text.contains("five seconds"))
    );
    let listed = listed_beside_the_diagram(&cautions);
    if listed < cautions.len() {
        assert!(
            facts.says("more caution"),
            "the rest of the cautions are counted"
        );
    }
    for caution in cautions.into_iter().take(listed) {
        let title: String = caution
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            facts.says(&title),
            "the sheet lacks the caution \"{title}\""
        );
    }
    assert!(facts.says(&routine.name));
    assert!(facts.says("page 1 of"));

    let fonts = &facts.fonts;
    assert!(fonts.len() >= 2, "{fonts:?}");
    assert!(
        fonts
            .iter()
            .all(|(name, embedded)| name.contains("Inter") && *embedded),
        "{fonts:?}"
    );
}

#[test]
fn paper_sizes_and_long_routines_paginate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_routine(dir.path(), &long_routine(60));
    for (paper, size) in [("a4", (595.28, 841.89)), ("letter", (612.0, 792.0))] {
        let pdf = dir.path().join(format!("{paper}.pdf"));
        let out = knotmap(&[
            "print",
            path.to_str().expect("path"),
            "-o",
            pdf.to_str().expect("path"),
            "--paper",
            paper,
        ]);
        assert!(out.status.success());
        let facts = pdf::read(&std::fs::read(&pdf).expect("the sheet"));
        assert!(
            (facts.size.0 - size.0).abs() < 0.01 && (facts.size.1 - size.1).abs() < 0.01,
            "{paper}: {:?}",
            facts.size
        );
        let pages = facts.pages;
        assert!(pages >= 4, "60 steps fit on {pages} pages?");
        assert!(
            facts.says("continued"),
            "the table header repeats on later pages"
        );
        assert!(facts.says(&format!("page {pages} of {pages}")));
    }
}

#[test]
fn stdout_png_and_bad_routines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_routine(dir.path(), &template(0));
    let out = knotmap(&["print", path.to_str().expect("path"), "-o", "-"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"%PDF-"));

    let png = dir.path().join("sheet.png");
    let out = knotmap(&[
        "print",
        path.to_str().expect("path"),
        "-o",
        png.to_str().expect("path"),
    ]);
    assert!(out.status.success());
    // A sheet of several pages comes as one PNG a page.
    let first = if png.exists() {
        png
    } else {
        dir.path().join("sheet-1.png")
    };
    let image = tiny_skia::Pixmap::load_png(&first).expect("a PNG");
    assert_eq!(
        image.width(),
        (595.28_f32 * 150.0 / 72.0).ceil() as u32,
        "150 dpi A4"
    );

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n    format: 1,\n    name: 3,\n)\n").expect("write");
    let check = knotmap(&["check", bad.to_str().expect("path")]);
    let print = knotmap(&[
        "print",
        bad.to_str().expect("path"),
        "-o",
        dir.path().join("x.pdf").to_str().expect("path"),
    ]);
    assert_eq!(print.status.code(), Some(1));
    assert!(check.stdout.is_empty(), "problems go to stderr");
    let first_check_line = String::from_utf8_lossy(&check.stderr)
        .lines()
        .next()
        .expect("a message")
        .to_owned();
    assert!(String::from_utf8_lossy(&print.stderr).contains(&first_check_line));
    assert!(
        !dir.path().join("x.pdf").exists(),
        "nothing is written for a bad routine"
    );

    let wrong = knotmap(&[
        "print",
        path.to_str().expect("path"),
        "-o",
        dir.path().join("x.doc").to_str().expect("path"),
    ]);
    assert_eq!(wrong.status.code(), Some(1));
}

#[test]
fn printing_hands_the_pdf_to_lp_without_a_shell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).expect("bin");
    let args_file = dir.path().join("lp-args");
    let data_file = dir.path().join("lp-data");
    let lp = bin.join("lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{}'\ncat > '{}'\necho 'request id is Office-7 (1 file(s))'\n",
            args_file.display(),
            data_file.display()
        ),
    )
    .expect("write lp");
    std::process::Command::new("chmod")
        .args(["+x", lp.to_str().expect("path")])
        .status()
        .expect("chmod");

    let mut routine = template(2);
    routine.name = "Breathe; $(rm -rf /) `x`".to_owned();
    let path = write_routine(dir.path(), &routine);
    let path_var = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args([
            "print",
            path.to_str().expect("path"),
            "--print",
            "--printer",
            "Office",
        ])
        .env("PATH", &path_var)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Office-7"));
    let args = std::fs::read_to_string(&args_file).expect("lp was called");
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(
        args,
        ["-t", routine.name.as_str(), "-d", "Office"],
        "the title is one argument, untouched"
    );
    assert!(
        std::fs::read(&data_file)
            .expect("data")
            .starts_with(b"%PDF-")
    );

    // No lp at all: a clear message, exit 1.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(["print", path.to_str().expect("path"), "--print"])
        .env("PATH", &empty)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no printing system"));
}

#[test]
fn png_snapshot_of_a_sample_sheet() {
    let body = Body::builtin(catalog()).expect("body");
    let sheet = layout(
        &template(0),
        catalog(),
        &body,
        Paper::A4,
        false,
        Some("before-a-run.ron"),
    )
    .expect("layout");
    let pngs = to_pngs(&sheet, 72.0).expect("png");
    assert_eq!(pngs.len(), sheet.pages.len(), "one PNG a page");
    png::assert_matches_snapshot(&pngs[0], "sheet_before_a_run.png");
    // The PDF of the same sheet is a real PDF too.
    assert!(to_pdf(&sheet).expect("pdf").starts_with(b"%PDF-"));
}

#[test]
fn advice_for_before_a_run_stays_off_the_sheets_for_other_times() {
    let has_pre_run_advice = |routine: &Routine| {
        knotmap::sheet::routine_cautions(routine, catalog())
            .iter()
            .any(|c| c.before_a_run_only)
    };
    let mut routine = knotmap::routine::templates()
        .into_iter()
        .find(|r| r.when == knotmap::routine::When::BeforeRun)
        .expect("a routine for before a run");
    assert!(has_pre_run_advice(&routine));
    routine.when = knotmap::routine::When::AfterRun;
    assert!(!has_pre_run_advice(&routine));
    routine.when = knotmap::routine::When::RestDay;
    assert!(!has_pre_run_advice(&routine));
    // A routine for any time may be done long before or after a run: the advice for just
    // before one is no more its own than a rest day's.
    routine.when = knotmap::routine::When::AnyTime;
    assert!(!has_pre_run_advice(&routine));
}

#[test]
fn the_sheet_shows_the_figure_chosen_in_the_window_or_asked_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_routine(dir.path(), &template(0));
    let config = dir.path().join("config");
    let sheet = |name: &str, extra: &[&str]| -> Vec<u8> {
        let out_path = dir.path().join(format!("{name}.png"));
        let mut args = vec![
            "print",
            path.to_str().expect("path"),
            "-o",
            out_path.to_str().expect("path"),
        ];
        args.extend_from_slice(extra);
        let out = Command::new(env!("CARGO_BIN_EXE_knotmap"))
            .args(&args)
            .env("XDG_CONFIG_HOME", &config)
            .env("HOME", dir.path())
            .output()
            .expect("knotmap runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let first = if out_path.exists() {
            out_path
        } else {
            dir.path().join(format!("{name}-1.png"))
        };
        std::fs::read(&first).expect("the sheet")
    };
    let female = sheet("female", &[]);
    let male = sheet("male", &["--figure", "male"]);
    assert_ne!(female, male, "the two figures draw different maps");
    assert_eq!(female, sheet("asked-female", &["--figure", "Female"]));

    // The window's choice is the default.
    let settings = knotmap::settings::Settings {
        figure: knotmap::body::Figure::Male,
        ..knotmap::settings::Settings::default()
    };
    std::fs::create_dir_all(config.join("knotmap")).expect("config folder");
    std::fs::write(
        config.join("knotmap/settings.ron"),
        settings.to_text().expect("settings"),
    )
    .expect("settings");
    assert_eq!(male, sheet("remembered", &[]));
    assert_eq!(female, sheet("overridden", &["--figure", "female"]));
}

/// Prints a routine file through the real binary and reads the PDF back.
fn print_example(file: &str, extra: &[&str]) -> pdf::PdfFacts {
    let dir = tempfile::tempdir().expect("temp dir");
    let routine = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("routines")
        .join(file);
    let out_path = dir.path().join("sheet.pdf");
    let mut args = vec![
        "print",
        routine.to_str().expect("path"),
        "-o",
        out_path.to_str().expect("path"),
    ];
    args.extend_from_slice(extra);
    let out = knotmap(&args);
    assert!(
        out.status.success(),
        "{file}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf::read(&std::fs::read(&out_path).expect("the sheet"))
}

#[test]
fn each_example_fits_one_page_for_the_wall_with_every_step_and_caution() {
    let c = catalog();
    for (file, text) in TEMPLATES {
        let routine = Routine::from_ron(file, text).expect("example").routine;
        let cautions = knotmap::sheet::routine_cautions(&routine, c);
        for paper in ["a4", "letter"] {
            let facts = print_example(file, &["--paper", paper]);
            let most = if routine.steps.len() <= 12 { 1 } else { 2 };
            assert!(
                facts.pages <= most,
                "{file} on {paper}: {} pages for {} steps",
                facts.pages,
                routine.steps.len()
            );
            for (i, step) in routine.steps.iter().enumerate() {
                let region = c.region(&step.region).expect("region");
                let technique = c.technique(&step.technique).expect("technique");
                let tool = c.tool(&step.tool).expect("tool");
                for needle in [&region.name, &technique.name, &tool.name] {
                    assert!(
                        facts.says(needle),
                        "{file} on {paper}: step {} lacks \"{needle}\"",
                        i + 1
                    );
                }
                if let Some(note) = &step.note {
                    assert!(facts.says(note), "{file}: the note \"{note}\" is cut");
                }
            }
            // One short line each on the floor page, up to the limit; the full wording only
            // when asked.
            for caution in cautions.iter().take(listed_beside_the_diagram(&cautions)) {
                assert!(
                    facts.says(&caution.title),
                    "{file} on {paper}: no line for \"{}\"",
                    caution.title
                );
                assert!(
                    !facts.says(&caution.text),
                    "{file}: the full text of \"{}\" was not asked for",
                    caution.title
                );
            }

            if paper == "letter" {
                continue;
            }
            let detailed = print_example(file, &["--details"]);
            assert!(
                detailed.pages > facts.pages,
                "{file}: the details add a page"
            );
            for caution in &cautions {
                assert!(
                    detailed.says(&caution.text),
                    "{file} on {paper}: --details lacks the text of \"{}\"",
                    caution.title
                );
            }
        }
    }
}

#[test]
fn the_pdf_is_tagged_for_screen_readers() {
    let facts = print_example("after-a-long-run.ron", &[]);
    assert_eq!(facts.lang.as_deref(), Some("en"));
    let count = |kind: &str| facts.tags.iter().filter(|(k, _)| k == kind).count();
    assert_eq!(count("H1"), 1, "{:?}", facts.tags);
    assert!(
        count("H2") >= 2,
        "the equipment and the cautions have headings"
    );
    assert_eq!(count("Table"), 1);
    assert_eq!(count("TH"), 8, "one header cell a column");
    assert_eq!(count("TR"), 12, "a header row and a row a step");
    assert_eq!(count("TD"), 11 * 8);
    assert!(count("LI") >= 5 + 7, "the tools and the cautions are lists");
    let figures: Vec<&str> = facts
        .tags
        .iter()
        .filter(|(kind, _)| kind == "Figure")
        .map(|(_, alt)| alt.as_deref().expect("every figure has alternate text"))
        .collect();
    assert_eq!(
        figures.len(),
        1 + 11,
        "the body diagram and a picture a step"
    );
    assert!(
        figures[0].starts_with("Body map") && figures[0].contains("step 1: Left gluteus maximus"),
        "{}",
        figures[0]
    );
    assert!(figures[1..].iter().all(|alt| alt.len() > 20));
    // The reading order: title, the diagram, the equipment, the cautions, then the steps.
    let order: Vec<&str> = facts.tags.iter().map(|(k, _)| k.as_str()).collect();
    let first = |kind: &str| order.iter().position(|k| *k == kind).expect(kind);
    assert!(first("H1") < first("Figure") && first("Figure") < first("L"));
    assert!(first("L") < first("Table"));
}

#[test]
fn step_numbers_on_the_diagram_are_at_least_five_millimetres() {
    let body = Body::builtin(catalog()).expect("body");
    for (i, (name, _)) in TEMPLATES.iter().enumerate() {
        let sheet = layout(&template(i), catalog(), &body, Paper::A4, false, None).expect("layout");
        let badges: Vec<f32> = sheet.pages[0]
            .items
            .iter()
            .filter_map(|item| match item {
                knotmap::draw::Item::Rect {
                    frame,
                    radius,
                    fill: Some(fill),
                    ..
                } if (radius * 2.0 - frame.h).abs() < 0.01
                    && *fill == knotmap::draw::Rgb(0x1E, 0x1E, 0x1E) =>
                {
                    Some(frame.h)
                }
                _ => None,
            })
            .collect();
        assert!(!badges.is_empty(), "{name}: no numbers");
        for h in badges {
            assert!(h / 72.0 * 25.4 >= 5.0, "a badge {h} pt high");
        }
    }
}

#[test]
fn a_name_with_an_emoji_or_a_control_character_still_makes_a_valid_pdf() {
    let body = Body::builtin(catalog()).expect("body");
    let mut routine = template(0);
    routine.name = "Laufen 🏃 ランニング \u{1b}".to_owned();
    routine.steps[0].note = Some("脚 – 5 s 🦵".to_owned());
    let sheet = layout(&routine, catalog(), &body, Paper::A4, false, None).expect("layout");
    let pdf = to_pdf(&sheet).expect("a PDF that passes PDF/UA-1 with every glyph drawn");
    let facts = pdf::read(&pdf);
    assert!(facts.says("Laufen"), "{}", facts.text);
    // A control character is never drawn: it is "?".
    assert!(facts.text.contains('?'), "{}", facts.text);
}

/// A routine's name in each script Inter lacks.
const SCRIPTS: [(&str, &str); 6] = [
    ("Arabic", "تدليك الساق"),
    ("Hebrew", "עיסוי שוקיים"),
    ("Chinese", "小腿按摩"),
    ("Japanese", "ふくらはぎをほぐす"),
    ("Devanagari", "पिंडली की मालिश"),
    ("Thai", "นวดน่อง"),
];

/// Whether this machine has a face for every character of the text, asked of the same
/// font database the sheet uses.
fn machine_draws(text: &str) -> bool {
    let fonts = Fonts::get().expect("fonts");
    text.chars()
        .all(|c| fonts.face_of(c, knotmap::draw::Weight::Bold).is_some())
}

/// Prints a routine named `name` (with a note in the same words) to a PDF and a PNG through
/// the binary: the PDF's facts and what the binary said on stderr.
fn print_named(name: &str, env: &[(&str, &Path)]) -> (pdf::PdfFacts, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut routine = template(0);
    routine.name = name.to_owned();
    routine.steps[0].note = Some(name.to_owned());
    let path = write_routine(dir.path(), &routine);
    let mut said = String::new();
    let mut facts = None;
    for file in ["sheet.pdf", "sheet.png"] {
        let out_path = dir.path().join(file);
        let out = Command::new(env!("CARGO_BIN_EXE_knotmap"))
            .args(["print", path.to_str().expect("path"), "-o"])
            .arg(&out_path)
            .envs(env.iter().copied())
            .output()
            .expect("knotmap runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{name} as {file}: {stderr}");
        let bytes = std::fs::read(&out_path).expect("the sheet");
        if file.ends_with(".pdf") {
            facts = Some(pdf::read(&bytes));
        } else {
            assert!(bytes.starts_with(b"\x89PNG"), "{name}: a PNG");
        }
        said.push_str(&stderr);
    }
    (facts.expect("the PDF"), said)
}

#[test]
fn a_routine_named_in_any_script_prints_in_that_script() {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    for (script, name) in SCRIPTS {
        let (facts, said) = print_named(name, &[]);
        let drawn = machine_draws(name);
        // CI installs a face for every script here (.ci/run), so there the real thing is
        // always checked.
        assert!(drawn || !ci, "CI has no font for {script}");
        if drawn {
            // The text layer holds the characters themselves, not a run of "?" (a caution
            // may ask a question of its own). (pdf-extract reads
            // each glyph's own mapping and not the spans' ActualText, so a right-to-left
            // word comes back in the order it was drawn and an Indic cluster may repeat.)
            let text: String = facts.text.split_whitespace().collect();
            assert!(
                name.chars()
                    .filter(|c| !c.is_whitespace())
                    .all(|c| text.contains(c))
                    && !text.contains("??"),
                "{script}: the PDF says {:?}",
                facts.text
            );
            assert!(!said.contains("no font"), "{script}: {said}");
        } else {
            assert!(facts.text.contains('?'), "{script}: {}", facts.text);
            assert!(
                said.contains("knotmap: no font on this machine has"),
                "{script}: {said}"
            );
        }
    }
}

#[test]
fn with_no_font_for_a_script_it_prints_question_marks_and_says_so_once() {
    // A fontconfig configuration with no font directories: a machine with no fonts at all.
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("fonts.conf");
    std::fs::write(
        &config,
        "<?xml version=\"1.0\"?>\n<fontconfig><dir>/nonexistent/fonts</dir></fontconfig>\n",
    )
    .expect("write");
    let name = SCRIPTS.map(|(_, name)| name).join(" · ");
    let (facts, said) = print_named(&name, &[("FONTCONFIG_FILE", &config)]);
    assert!(facts.says("????"), "{}", facts.text);
    // Once for the PDF and once for the PNG, each command saying it once.
    let notes: Vec<&str> = said
        .lines()
        .filter(|l| l.starts_with("knotmap: no font on this machine has"))
        .collect();
    assert_eq!(notes.len(), 2, "{said}");
    for note in notes {
        assert!(note.ends_with("they are printed as \"?\""), "{note}");
        for c in ['ت', 'ע', '小', 'ふ', 'प', 'น'] {
            assert!(note.contains(c), "{c} in {note}");
        }
    }
}

#[test]
fn a_step_number_outside_its_place_points_to_it() {
    use knotmap::draw::Item;
    let body = Body::builtin(catalog()).expect("body");
    let mut leaders = 0;
    for (i, (name, _)) in TEMPLATES.iter().enumerate() {
        let sheet = layout(&template(i), catalog(), &body, Paper::A4, false, None).expect("layout");
        let items = &sheet.pages[0].items;
        // The places worked, as drawn: filled shapes with a dark outline.
        let worked: Vec<Vec<kurbo::Point>> = items
            .iter()
            .filter_map(|item| match item {
                Item::Polygon {
                    points,
                    fill: Some(_),
                    stroke: Some((_, width)),
                } if *width >= 0.5 => Some(
                    points
                        .iter()
                        .map(|&(x, y)| kurbo::Point::new(f64::from(x), f64::from(y)))
                        .collect(),
                ),
                _ => None,
            })
            .collect();
        for item in items {
            if let Item::Line { from, to, .. } = item {
                let is_badge = items.iter().any(|other| {
                    matches!(other, Item::Rect { frame, radius, .. }
                        if *radius > 0.0
                            && (frame.x + frame.w / 2.0 - to.0).abs() < 0.01
                            && (frame.y + frame.h / 2.0 - to.1).abs() < 0.01)
                });
                if !is_badge {
                    continue;
                }
                leaders += 1;
                let start = kurbo::Point::new(f64::from(from.0), f64::from(from.1));
                assert!(
                    worked
                        .iter()
                        .any(|shape| knotmap::body::polygon_contains(shape, start)),
                    "{name}: a step number's line starts outside every place worked"
                );
            }
        }
    }
    assert!(
        leaders > 0,
        "some step numbers find no room in their places"
    );
}

/// The PDF and the PNG set text one way: every glyph the PDF shows (as a PDF viewer places
/// it) sits within 0.1 pt of where the PNG draws one, centred and right-aligned lines too.
#[test]
fn the_pdf_and_the_png_put_each_glyph_in_the_same_place() {
    let body = Body::builtin(catalog()).expect("body");
    for i in [0, 3] {
        let sheet = layout(&template(i), catalog(), &body, Paper::A4, false, None).expect("layout");
        let pdf = to_pdf(&sheet).expect("pdf");
        let read = pdf::glyph_origins(&pdf, 1);
        let drawn = knotmap::sheet::glyph_origins(&sheet.pages[0].items);
        assert!(drawn.len() > 200, "a page of text: {}", drawn.len());
        assert_eq!(
            read.len(),
            drawn.len(),
            "as many glyphs in the PDF as in the PNG"
        );
        let near =
            |x: f32, y: f32, (px, py): (f32, f32)| (x - px).abs() < 0.1 && (y - py).abs() < 0.1;
        for g in &drawn {
            assert!(
                read.iter().any(|&p| near(g.x, g.y, p)),
                "template {i}: “{}” drawn at ({:.2}, {:.2}) in the PNG is not there in the PDF",
                g.text,
                g.x,
                g.y,
            );
        }
        for &(x, y) in &read {
            assert!(
                drawn.iter().any(|g| near(g.x, g.y, (x, y))),
                "template {i}: the PDF has a glyph at ({x:.2}, {y:.2}) that the PNG does not draw"
            );
        }
    }
}

/// On every example's sheet the reasons not to roll come first among the cautions, and on
/// the report of a tightness log in one line.
#[test]
fn the_red_flags_come_first_on_every_sheet() {
    let body = Body::builtin(catalog()).expect("body");
    for (i, (name, _)) in TEMPLATES.iter().enumerate() {
        let cautions = knotmap::sheet::routine_cautions(&template(i), catalog());
        assert_eq!(
            cautions.first().map(|c| c.id.as_str()),
            Some("red_flags"),
            "{name}"
        );
        let sheet = layout(&template(i), catalog(), &body, Paper::A4, false, None).expect("layout");
        let text = pdf::read(&to_pdf(&sheet).expect("pdf")).text;
        let take_care = text.find("Take care").expect("the cautions");
        let red = text[take_care..]
            .find("When not to roll, and when to see a doctor")
            .unwrap_or_else(|| panic!("{name}: no red flags on the sheet"));
        let next = cautions[1].title.as_str();
        let second = text[take_care..].find(next).expect("the second caution");
        assert!(red < second, "{name}: the red flags come before “{next}”");
    }
}

/// Beside the diagram the cautions are graded and short: every Danger, the most serious of
/// the rest up to seven lines, and a last line counting what is left to the full list.
#[test]
fn the_sheet_lists_at_most_seven_cautions_and_every_danger() {
    let body = Body::builtin(catalog()).expect("body");
    let mut shortened = 0;
    for (i, (name, _)) in TEMPLATES.iter().enumerate() {
        let cautions = knotmap::sheet::routine_cautions(&template(i), catalog());
        let dangers: Vec<_> = cautions
            .iter()
            .filter(|c| c.severity == knotmap::catalog::Severity::Danger)
            .collect();
        let sheet = layout(&template(i), catalog(), &body, Paper::A4, false, None).expect("layout");
        let text = pdf::read(&to_pdf(&sheet).expect("pdf")).text;
        for danger in &dangers {
            assert!(
                text.contains(&danger.title),
                "{name}: {} is missing",
                danger.title
            );
        }
        if cautions.len() > 7 {
            shortened += 1;
            let shown = 6.max(dangers.len());
            let more = format!("and {} more caution", cautions.len() - shown);
            assert!(text.contains(&more), "{name}: no “{more}” line");
            let hidden = &cautions[shown];
            assert!(
                !text.contains(&hidden.title),
                "{name}: {} is listed past the limit",
                hidden.title
            );
        }
    }
    assert!(shortened > 0, "some example has more than seven cautions");
}

/// How many cautions the floor page lists by name: all of them up to seven, else every Danger
/// and the most serious of the rest up to six, with a line counting the others.
fn listed_beside_the_diagram(cautions: &[&knotmap::catalog::Caution]) -> usize {
    let dangers = cautions
        .iter()
        .filter(|c| c.severity == knotmap::catalog::Severity::Danger)
        .count();
    if cautions.len() <= 7 {
        cautions.len()
    } else {
        6.max(dangers)
    }
}
