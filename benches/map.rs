//! The body map's hot paths: one whole frame of the main window, and hit testing.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use knotmap::app::KnotmapApp;
use knotmap::body::Body;
use knotmap::catalog::{Catalog, Hit, Place, Side, View};
use knotmap::settings::Settings;
use knotmap::state::{Command, FileCommand, ViewCommand};

/// The same allocator as the app, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("catalog")
}

/// One frame of the main window at 1600×1000, both views, a region selected, the pointer
/// moving across the figures: egui's pass plus tessellation of everything it painted. Once
/// with an empty routine, once with the 22 steps of the rest-day routine and their badges.
fn frame(c: &mut Criterion) {
    let catalog = catalog();
    let rest_day = knotmap::routine::templates()
        .iter()
        .position(|r| r.steps.len() == 22)
        .expect("the rest-day routine");
    for (name, template) in [
        ("main window frame 1600x1000", None),
        (
            "main window frame 1600x1000, 22-step routine",
            Some(rest_day),
        ),
    ] {
        let body = knotmap::body::Bodies::builtin(catalog).expect("body");
        let ctx = egui::Context::default();
        let mut app = KnotmapApp::with_settings(&ctx, catalog, body, Settings::default());
        if template.is_some() {
            app.apply(&ctx, Command::File(FileCommand::New(template)));
        }
        let hamstrings = catalog.region_index(&"hamstrings".into()).expect("region");
        app.apply(
            &ctx,
            Command::View(ViewCommand::Select(Some(Hit::Region(Place {
                region: hamstrings,
                side: Some(Side::Left),
            })))),
        );
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
        let input = |pos: egui::Pos2| egui::RawInput {
            screen_rect: Some(screen),
            events: vec![egui::Event::PointerMoved(pos)],
            ..Default::default()
        };
        // Warm up: fonts, layout caches, the map's meshes.
        for _ in 0..3 {
            let _ = ctx.run_ui(input(egui::pos2(500.0, 500.0)), |ui| app.frame_ui(ui));
        }
        let mut step = 0u32;
        c.bench_function(name, |b| {
            b.iter(|| {
                step = (step + 1) % 200;
                // Sweep the pointer across both figures, crossing many regions.
                let pos = egui::pos2(150.0 + step as f32 * 4.0, 300.0 + (step % 50) as f32 * 8.0);
                let output = ctx.run_ui(input(pos), |ui| app.frame_ui(ui));
                black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
            });
        });
    }
}

fn hit_testing(c: &mut Criterion) {
    let catalog = catalog();
    let body = Body::builtin(catalog).expect("body");
    let back = body.view(View::Back);
    // A spread of points over the whole back view: on regions, on bare body, off the body.
    let points: Vec<kurbo::Point> = (0..1000)
        .map(|i| {
            kurbo::Point::new(
                f64::from(i % 40) * 10.0 + 3.0,
                f64::from(i / 40) * 40.0 + 7.0,
            )
        })
        .collect();
    let mut i = 0;
    c.bench_function("hit test one point", |b| {
        b.iter(|| {
            i = (i + 1) % points.len();
            black_box(back.hit(black_box(points[i])))
        });
    });
}

/// A technique's picture in the window, as the region panel shows it: a frame with only the
/// picture (geometry cached, so the frame paints and tessellates it), the same frame
/// without it, and building the picture's geometry afresh.
fn picture(c: &mut Criterion) {
    use knotmap::body::Figure;
    use knotmap::picture::{Palette, Pictures, picture_items};
    let catalog = catalog();
    let pictures = Pictures::builtin().expect("pictures");
    let technique = catalog
        .technique(&"hamstring_roll".into())
        .expect("the technique");
    let picture = pictures.get(&technique.id).expect("its picture");
    let size = egui::vec2(360.0, 216.0);
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(400.0, 300.0));
    let input = || egui::RawInput {
        screen_rect: Some(screen),
        ..Default::default()
    };
    for (name, with_picture) in [
        ("frame with a technique picture 360x216", true),
        ("the same frame without the picture", false),
    ] {
        let run = || {
            let output = ctx.run_ui(input(), |ui| {
                if with_picture {
                    knotmap::ui::picture::picture_ui(ui, technique, Figure::Female, size);
                }
            });
            ctx.tessellate(output.shapes, output.pixels_per_point)
        };
        for _ in 0..3 {
            black_box(run());
        }
        c.bench_function(name, |b| b.iter(|| black_box(run())));
    }
    c.bench_function("a picture's geometry, built afresh", |b| {
        b.iter(|| {
            black_box(picture_items(
                picture,
                Figure::Female,
                knotmap::draw::Frame::new(0.0, 0.0, size.x, size.y),
                &Palette::LIGHT,
            ))
        });
    });
}

/// Building the figures from their file: both for the window at start-up (with the margins
/// beside narrow places), and one for paper (without).
fn building(c: &mut Criterion) {
    let catalog = catalog();
    let mut group = c.benchmark_group("body");
    group.sample_size(20);
    group.bench_function("both figures for the window, baked", |b| {
        b.iter(|| black_box(knotmap::body::Bodies::builtin(catalog).expect("bodies")));
    });
    group.bench_function("one figure for paper, baked", |b| {
        b.iter(|| {
            black_box(Body::builtin_for_paper(catalog, knotmap::body::Figure::Male).expect("body"))
        });
    });
    let source = include_str!("../assets/body.ron");
    for (name, used) in [
        (
            "one figure for the window, built",
            knotmap::body::Use::Pointer,
        ),
        ("one figure for paper, built", knotmap::body::Use::Paper),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(
                    Body::parse(source, catalog, knotmap::body::Figure::Male, used).expect("body"),
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frame, hit_testing, picture, building);
criterion_main!(benches);
