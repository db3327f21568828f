//! The session sheet: layout plus PDF for 20 and 200 steps, and PNG; the whole `knotmap
//! print` process for the one-page sheet, against headless Chromium printing the same page as
//! HTML where Chromium is installed; and the report for a physio over 100 sessions.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use knotmap::body::Body;
use knotmap::catalog::Catalog;
use knotmap::routine::{Routine, Step};

/// The same allocator as the app, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use knotmap::sheet::{Paper, layout, to_pdf, to_pngs};

fn routine(steps: usize) -> Routine {
    let c = Catalog::builtin().expect("catalog");
    let pairs: Vec<_> = c
        .techniques
        .iter()
        .filter_map(|t| c.regions_of_technique(t).next().map(|r| (r, t)))
        .collect();
    Routine {
        name: format!("{steps} steps"),
        steps: (0..steps)
            .map(|i| {
                let (region, technique) = pairs[i % pairs.len()];
                Step::new(c, region, technique, technique.tools[0].clone())
            })
            .collect(),
        ..Routine::default()
    }
}

fn sheet(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("catalog");
    let body = Body::builtin(catalog).expect("body");
    for steps in [20, 200] {
        let routine = routine(steps);
        c.bench_function(&format!("sheet layout + PDF, {steps} steps"), |b| {
            b.iter(|| {
                let sheet = layout(
                    black_box(&routine),
                    catalog,
                    &body,
                    Paper::A4,
                    false,
                    Some("r.ron"),
                )
                .expect("layout");
                black_box(to_pdf(&sheet).expect("pdf"))
            });
        });
    }
    let routine = routine(20);
    let laid_out =
        layout(&routine, catalog, &body, Paper::A4, false, Some("r.ron")).expect("layout");
    c.bench_function("sheet layout only, 20 steps", |b| {
        b.iter(|| {
            black_box(
                layout(black_box(&routine), catalog, &body, Paper::A4, false, None)
                    .expect("layout"),
            )
        });
    });
    c.bench_function("sheet PDF only, 20 steps", |b| {
        b.iter(|| black_box(to_pdf(black_box(&laid_out)).expect("pdf")));
    });
    let mut group = c.benchmark_group("sheet png");
    group.sample_size(10);
    group.bench_function("PNG at 150 dpi, 20 steps", |b| {
        b.iter(|| black_box(to_pngs(&laid_out, 150.0).expect("png")));
    });
    group.finish();
}

/// The page as SVG: the same shapes and text as the PDF, for a browser to print.
fn page_svg(sheet: &knotmap::sheet::Sheet) -> String {
    use knotmap::draw::{Item, Rgb};
    use std::fmt::Write as _;
    let hex = |c: &Rgb| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    let points = |p: &[(f32, f32)]| {
        p.iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
    let (w, h) = sheet.size();
    let mut svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='{w}pt' height='{h}pt' viewBox='0 0 {w} {h}'>"
    );
    for item in &sheet.pages[0].items {
        match item {
            Item::Text(t) => {
                for (i, line) in t.lines.iter().enumerate() {
                    let _ = write!(
                        svg,
                        "<text x='{}' y='{}' font-size='{}' font-weight='{}' fill='{}'>{}</text>",
                        t.frame.x,
                        t.frame.y + t.leading * (i as f32 + 0.8),
                        t.size,
                        if t.weight == knotmap::draw::Weight::Bold {
                            700
                        } else {
                            400
                        },
                        hex(&t.colour),
                        escape(line)
                    );
                }
            }
            Item::Rect {
                frame,
                fill,
                stroke,
                radius,
            } => {
                let _ = write!(
                    svg,
                    "<rect x='{}' y='{}' width='{}' height='{}' rx='{radius}' fill='{}' stroke='{}' stroke-width='{}'/>",
                    frame.x,
                    frame.y,
                    frame.w,
                    frame.h,
                    fill.as_ref().map_or("none".to_owned(), hex),
                    stroke.as_ref().map_or("none".to_owned(), |s| hex(&s.0)),
                    stroke.map_or(0.0, |s| s.1)
                );
            }
            Item::Line {
                from,
                to,
                colour,
                width,
            } => {
                let _ = write!(
                    svg,
                    "<line x1='{}' y1='{}' x2='{}' y2='{}' stroke='{}' stroke-width='{width}'/>",
                    from.0,
                    from.1,
                    to.0,
                    to.1,
                    hex(colour)
                );
            }
            Item::Polygon {
                points: p,
                fill,
                stroke,
            } => {
                let _ = write!(
                    svg,
                    "<polygon points='{}' fill='{}' stroke='{}' stroke-width='{}'/>",
                    points(p),
                    fill.as_ref().map_or("none".to_owned(), hex),
                    stroke.as_ref().map_or("none".to_owned(), |s| hex(&s.0)),
                    stroke.map_or(0.0, |s| s.1)
                );
            }
            Item::Polyline {
                points: p,
                colour,
                width,
            } => {
                let _ = write!(
                    svg,
                    "<polyline points='{}' fill='none' stroke='{}' stroke-width='{width}'/>",
                    points(p),
                    hex(colour)
                );
            }
            Item::Circle {
                centre,
                radius,
                fill,
            } => {
                let _ = write!(
                    svg,
                    "<circle cx='{}' cy='{}' r='{radius}' fill='{}'/>",
                    centre.0,
                    centre.1,
                    hex(fill)
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Chromium, where it is installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            std::process::Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// The whole `knotmap print` process for the one-page "After a long run" sheet, and
/// headless Chromium printing the same page as HTML to PDF.
fn print_process(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let routine_file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("routines/after-a-long-run.ron");
    let out = dir.path().join("sheet.pdf");
    let mut group = c.benchmark_group("print process");
    group.sample_size(20);
    group.bench_function("knotmap print, one-page sheet with pictures", |b| {
        b.iter(|| {
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_knotmap"))
                .args(["print", "--figure", "male", "-o"])
                .arg(&out)
                .arg(&routine_file)
                .stderr(std::process::Stdio::null())
                .status()
                .expect("knotmap runs");
            assert!(status.success());
        });
    });
    if let Some(chromium) = chromium() {
        let catalog = Catalog::builtin().expect("catalog");
        let body = Body::builtin(catalog).expect("body");
        let text = std::fs::read_to_string(&routine_file).expect("routine");
        let routine = Routine::from_ron("after-a-long-run.ron", &text)
            .expect("routine")
            .routine;
        let sheet = layout(&routine, catalog, &body, Paper::A4, false, None).expect("layout");
        let html = dir.path().join("sheet.html");
        std::fs::write(
            &html,
            format!(
                "<!doctype html><html><head><style>@page {{ size: A4; margin: 0 }} body {{ margin: 0; font-family: sans-serif }}</style></head><body>{}</body></html>",
                page_svg(&sheet)
            ),
        )
        .expect("html");
        let chrome_out = dir.path().join("chrome.pdf");
        group.bench_function("headless Chromium, the same page as HTML", |b| {
            b.iter(|| {
                let status = std::process::Command::new(chromium)
                    .args([
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-pdf-header-footer",
                    ])
                    .arg(format!(
                        "--user-data-dir={}",
                        dir.path().join("profile").display()
                    ))
                    .arg(format!("--print-to-pdf={}", chrome_out.display()))
                    .arg(&html)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .expect("chromium runs");
                assert!(status.success());
            });
        });
    } else {
        eprintln!("Chromium is not installed: only knotmap's print process is measured");
    }
    group.finish();
}

/// The report for a physio over 100 sessions: the figures, the layout and the PDF.
fn report(c: &mut Criterion) {
    use knotmap::routine::StepSide;
    use knotmap::tightness::report::{Period, Report, parse_date};
    use knotmap::tightness::{Entry, Log, Rating};
    let catalog = Catalog::builtin().expect("catalog");
    let body = Body::builtin(catalog).expect("body");
    let places = [
        ("calf", StepSide::Left),
        ("calf", StepSide::Right),
        ("hamstrings", StepSide::Left),
        ("hamstrings", StepSide::Right),
        ("glute_max", StepSide::Left),
        ("glute_max", StepSide::Right),
        ("it_band", StepSide::Left),
        ("it_band", StepSide::Right),
        ("sole", StepSide::Left),
        ("sole", StepSide::Right),
        ("upper_back", StepSide::Middle),
        ("hip_flexors", StepSide::Left),
    ];
    let start = parse_date("2026-09-01").expect("date");
    let entries: Vec<Entry> = (0..100)
        .map(|i| Entry {
            date: start
                .checked_add(jiff::Span::new().days(i))
                .expect("date")
                .to_string(),
            time: Some("07:30".to_owned()),
            routine: "After a long run".to_owned(),
            ratings: places
                .iter()
                .enumerate()
                .map(|(k, (region, side))| Rating {
                    region: (*region).into(),
                    side: *side,
                    tightness: ((i as usize * 7 + k * 3) % 11) as u8,
                })
                .collect(),
            done: Some(10),
            skipped: Some(1),
        })
        .collect();
    let log = Log {
        entries,
        ..Log::default()
    };
    let period = Period {
        from: start,
        to: start.checked_add(jiff::Span::new().days(99)).expect("date"),
    };
    c.bench_function("report, 100 sessions: figures, layout and PDF", |b| {
        b.iter(|| {
            let report = Report::new(black_box(&log), catalog, period);
            let sheet =
                knotmap::sheet::report_sheet(&report, catalog, &body, Paper::A4).expect("layout");
            black_box(to_pdf(&sheet).expect("pdf"))
        });
    });
}

criterion_group!(benches, sheet, print_process, report);
criterion_main!(benches);
