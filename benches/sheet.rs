//! The session sheet: layout plus PDF for 20 and 200 steps, and PNG.

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
                Step::new(region, technique, technique.tools[0].clone())
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

criterion_group!(benches, sheet);
criterion_main!(benches);
