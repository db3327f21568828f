//! The tightness log at its limits: a log just under 16 MB read and written back with one
//! more session, and the report over a session that rates 150,000 places knotmap does not
//! know (a hand-made log), figures and PDF.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use knotmap::body::Body;
use knotmap::catalog::Catalog;
use knotmap::routine::StepSide;
use knotmap::sheet::{Paper, report_sheet, to_pdf};
use knotmap::storage::Folders;
use knotmap::tightness::report::{Period, Report};
use knotmap::tightness::{Entry, Log, MAX_LOG_BYTES, Rating};

/// The same allocator as the app, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A day's session rating ten places on both sides.
fn session(day: usize) -> Entry {
    let places = [
        "calf",
        "soleus",
        "hamstrings",
        "outer_quad",
        "it_band",
        "glute_max",
        "adductors",
        "hip_flexors",
        "upper_back",
        "sole",
    ];
    Entry {
        date: format!(
            "{}-{:02}-{:02}",
            1900 + day / 336,
            1 + day / 28 % 12,
            1 + day % 28
        ),
        time: Some("07:30".to_owned()),
        routine: "After a long run".to_owned(),
        ratings: places
            .iter()
            .flat_map(|p| {
                [StepSide::Left, StepSide::Right].map(|side| Rating {
                    region: (*p).into(),
                    side,
                    tightness: (day % 11) as u8,
                })
            })
            .collect(),
        done: Some(11),
        skipped: Some(0),
    }
}

fn log(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let folders = Folders::at(dir.path());
    let line = Log {
        entries: vec![session(0)],
        ..Log::default()
    }
    .to_ron()
    .expect("writes")
    .len();
    let n = MAX_LOG_BYTES as usize * 99 / 100 / line;
    let full = Log {
        entries: (0..n).map(session).collect(),
        ..Log::default()
    };
    let text = full.to_ron().expect("writes");
    eprintln!(
        "log: {n} sessions, {:.1} MB; ten years of daily sessions would be {:.1} MB",
        text.len() as f64 / 1e6,
        (3_650 * line) as f64 / 1e6
    );
    let path = dir.path().join("tightness-log.ron");
    let mut group = c.benchmark_group("log");
    group.sample_size(10);
    group.bench_function("a 16 MB log read, one session logged, written back", |b| {
        b.iter(|| {
            std::fs::write(&path, &text).expect("write");
            black_box(Log::record(&folders, session(n)).expect("logged"))
        });
    });

    let catalog = Catalog::builtin().expect("catalog");
    let body = Body::builtin_for_paper(catalog, knotmap::body::Figure::Female).expect("body");
    let mut odd = session(0);
    odd.date = "2026-11-20".to_owned();
    odd.ratings.extend((0..150_000).map(|i| Rating {
        region: format!("place{i}").as_str().into(),
        side: StepSide::Middle,
        tightness: 5,
    }));
    let odd = Log {
        entries: vec![odd],
        ..Log::default()
    };
    let period = Period::four_weeks_to("2026-11-30".parse().expect("date"));
    group.bench_function("the report over 150,000 unknown places", |b| {
        b.iter(|| {
            let report = Report::new(&odd, catalog, period);
            let sheet = report_sheet(&report, catalog, &body, Paper::A4).expect("laid out");
            black_box(to_pdf(&sheet).expect("pdf"))
        });
    });
    group.finish();
}

criterion_group!(benches, log);
criterion_main!(benches);
