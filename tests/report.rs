//! The report for a physio: what the tightness log says over a period, read back from the PDF
//! the real binary writes, and exported from the window.

#[path = "support/pdf.rs"]
mod pdf;
#[path = "support/png.rs"]
mod png;
#[path = "support/window.rs"]
mod window;

use std::path::Path;
use std::process::Command;

use egui_kittest::kittest::Queryable;
use knotmap::routine::StepSide;
use knotmap::storage::Folders;
use knotmap::tightness::{Entry, Log, Rating};

fn entry(date: &str, done: Option<(u32, u32)>, ratings: &[(&str, StepSide, u8)]) -> Entry {
    Entry {
        date: date.to_owned(),
        time: Some("07:30".to_owned()),
        routine: "After a long run".to_owned(),
        ratings: ratings
            .iter()
            .map(|&(region, side, tightness)| Rating {
                region: region.into(),
                side,
                tightness,
            })
            .collect(),
        done: done.map(|d| d.0),
        skipped: done.map(|d| d.1),
    }
}

/// A month of sessions: the left calf loosens from 8 to 3, the right stays near 4, the
/// hamstrings are rated once; one session from the sheet, one before the period.
fn write_month(data: &Path) {
    use StepSide::{Left, Right};
    let folders = Folders::at(data);
    let mut sessions = vec![entry("2026-10-20", Some((11, 0)), &[("calf", Left, 10)])];
    for (day, left, right) in [(2, 8, 4), (6, 7, 5), (10, 6, 4), (14, 5, 4), (18, 4, 3)] {
        sessions.push(entry(
            &format!("2026-11-{day:02}"),
            Some((10, 1)),
            &[("calf", Left, left), ("calf", Right, right)],
        ));
    }
    sessions.push(entry(
        "2026-11-24",
        None,
        &[
            ("calf", Left, 3),
            ("calf", Right, 4),
            ("hamstrings", Right, 6),
        ],
    ));
    for session in sessions {
        Log::record(&folders, session).expect("logged");
    }
}

fn knotmap(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_knotmap"))
        .args(args)
        .env("XDG_DATA_HOME", data.parent().expect("parent"))
        .env("HOME", data)
        .output()
        .expect("knotmap runs")
}

#[test]
fn the_report_says_what_the_log_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("knotmap");
    write_month(&data);
    let out_path = dir.path().join("report.pdf");
    let out = knotmap(
        &data,
        &[
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "-o",
            out_path.to_str().expect("path"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let facts = pdf::read(&std::fs::read(&out_path).expect("the report"));
    assert!(
        facts.pages <= 2,
        "a month fits two pages, not {}",
        facts.pages
    );
    for needle in [
        "Tightness report",
        "1 Nov 2026 – 30 Nov 2026 · 6 sessions · 3 places rated",
        // Changed most: the left calf from 8 to 3, the right from 4 to 4 is no change.
        "Left calf 8 on 2 Nov 2026 3 on 24 Nov 2026 −5 looser 6",
        // Left against right: averages over the month, 5.5 against 4.0.
        "Calf 5.5 (last 3) 4.0 (last 4) left tighter by 1.5",
        // Each place's course.
        "Right hamstrings 6 → 6",
        // The sessions, with steps done and skipped, and a dash for the one from the sheet.
        "2 Nov 2026 07:30 After a long run 10 1 2",
        "24 Nov 2026 07:30 After a long run — — 3",
    ] {
        assert!(
            facts.says(needle),
            "the report lacks “{needle}”: {}",
            facts.text
        );
    }
    assert!(
        !facts.says("20 Oct 2026"),
        "October's session is outside the period"
    );
    assert!(
        !facts.says("Right calf 4 on"),
        "a place that did not change is not among the changes"
    );
    // Only the back of the legs was rated: the maps show the back alone.
    assert!(facts.says("Start · back") && facts.says("End · back"));
    assert!(
        !facts.says("Start · front") && !facts.says("End · front"),
        "a view with nothing rated is left out"
    );
    // Tagged: the title, the tables, and the maps described in words.
    let kinds: Vec<&str> = facts.tags.iter().map(|(k, _)| k.as_str()).collect();
    assert!(kinds.contains(&"H1") && kinds.contains(&"Table") && kinds.contains(&"TH"));
    let alts: Vec<&str> = facts
        .tags
        .iter()
        .filter(|(k, _)| k == "Figure")
        .map(|(_, alt)| alt.as_deref().expect("alt text"))
        .collect();
    assert!(
        alts.iter()
            .any(|a| a.contains("at the start") && a.contains("Left calf 8")),
        "{alts:?}"
    );
    assert!(
        alts.iter()
            .any(|a| a.contains("at the end") && a.contains("Left calf 3")),
        "{alts:?}"
    );
}

#[test]
fn png_snapshot_of_a_report_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("knotmap");
    write_month(&data);
    let catalog = knotmap::catalog::Catalog::builtin().expect("catalog");
    let log = Log::load(&Folders::at(&data)).expect("the log");
    let period = knotmap::tightness::report::Period {
        from: jiff::civil::date(2026, 11, 1),
        to: jiff::civil::date(2026, 11, 30),
    };
    let report = knotmap::tightness::report::Report::new(&log, catalog, period);
    let body = knotmap::body::Body::builtin_for_paper(catalog, knotmap::body::Figure::Female)
        .expect("body");
    let sheet = knotmap::sheet::report_sheet(&report, catalog, &body, knotmap::sheet::Paper::A4)
        .expect("the report's layout");
    let pngs = knotmap::sheet::to_pngs(&sheet, 72.0).expect("PNG");
    png::assert_matches_snapshot(&pngs[0], "report_a_month.png");
}

#[test]
fn bad_dates_and_an_empty_period_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("knotmap");
    write_month(&data);
    let out_path = dir.path().join("report.pdf");
    let path = out_path.to_str().expect("path");
    let bad = knotmap(&data, &["report", "--from", "30/11/2026", "-o", path]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("--from: “30/11/2026” is not a date"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    let backwards = knotmap(
        &data,
        &[
            "report",
            "--from",
            "2026-11-30",
            "--to",
            "2026-11-01",
            "-o",
            path,
        ],
    );
    assert_eq!(backwards.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&backwards.stderr).contains("is after --to"));
    assert!(!out_path.exists(), "nothing is written for a bad period");

    let empty = knotmap(
        &data,
        &[
            "report",
            "--from",
            "2025-01-01",
            "--to",
            "2025-01-31",
            "-o",
            path,
        ],
    );
    assert!(empty.status.success());
    let facts = pdf::read(&std::fs::read(&out_path).expect("the report"));
    assert_eq!(facts.pages, 1);
    assert!(facts.says("No session was logged between 1 Jan 2025 and 31 Jan 2025"));
}

#[test]
fn the_log_window_exports_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_month(dir.path());
    let dialogs = window::FakeDialogs::default();
    let mut h = window::app(dir.path(), &dialogs);
    h.get_by_label("Sheet").click();
    h.run();
    h.get_by_label("Tightness report…").click();
    h.run();
    let out_path = dir.path().join("for-the-physio.pdf");
    dialogs.answer(Some(&out_path));
    h.get_by_label("Period").click();
    h.run();
    h.get_by_label("Everything logged").click();
    h.run();
    h.get_by_label("Export report…").click();
    h.run_steps(2);
    assert!(
        window::step_until(&mut h, 60, |h| h.state().state.jobs.is_empty()),
        "the report is made beside the window"
    );
    window::settle(&mut h);
    let asked = dialogs.asked.borrow().last().cloned().unwrap_or_default();
    assert!(asked.starts_with("save tightness-report-"), "{asked}");
    let folder = dialogs.folders.borrow().last().cloned().flatten();
    assert_eq!(
        folder.as_deref(),
        Some(dir.path().join("documents").as_path()),
        "a report for someone else is offered in the documents folder, not among the routines"
    );
    let facts = pdf::read(&std::fs::read(&out_path).expect("the report"));
    assert!(facts.says("Tightness report"));
    assert!(
        facts.says("diagnosis"),
        "the report says its ratings are not a diagnosis"
    );
    assert!(
        facts.says("20 Oct 2026"),
        "everything logged includes October"
    );
    assert!(
        h.query_by_label_contains("Saved the tightness report")
            .is_some()
    );
}
