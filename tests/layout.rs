//! The window at the sizes runners have, from the smallest it opens at to a large monitor and
//! HiDPI: the map keeps at least 45% of the width, the top bar's controls never overlap, and
//! everything is drawn where it can be seen.

#[path = "support/gpu.rs"]
mod gpu;
#[path = "support/window.rs"]
mod window;

use eframe::egui::{self, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use knotmap::app::KnotmapApp;
use knotmap::state::{Command, FileCommand, ViewCommand};
use window::{FakeDialogs, apply, click_place};

/// (width, height, pixels per point, snapshot name)
const SIZES: [(f32, f32, f32, &str); 6] = [
    (980.0, 600.0, 1.0, "layout_980x600"),
    (1280.0, 720.0, 1.0, "layout_1280x720"),
    (1366.0, 768.0, 1.0, "layout_1366x768"),
    (1920.0, 1080.0, 1.0, "layout_1920x1080"),
    (1280.0, 720.0, 1.5, "layout_1280x720_at_1.5"),
    (980.0, 600.0, 2.0, "layout_980x600_at_2"),
];

fn at_size(
    dir: &std::path::Path,
    width: f32,
    height: f32,
    ppp: f32,
) -> Harness<'static, KnotmapApp> {
    let mut h = window::app_sized(dir, &FakeDialogs::default(), egui::vec2(width, height), ppp);
    apply(&mut h, Command::File(FileCommand::New(Some(1))));
    click_place(&mut h, "Left calf");
    h.run();
    h
}

/// The leaves of the accessibility tree above the map: the top bar's widgets.
fn top_bar_widgets(h: &Harness<'_, KnotmapApp>, map: Rect) -> Vec<(String, Rect)> {
    h.root()
        .children_recursive()
        .filter(|n| n.children().next().is_none())
        .filter_map(|n| {
            let rect = n.accesskit_node().bounding_box()?;
            let rect = Rect::from_min_max(
                egui::pos2(rect.x0 as f32, rect.y0 as f32),
                egui::pos2(rect.x1 as f32, rect.y1 as f32),
            ) / h.ctx.pixels_per_point();
            let name = n.accesskit_node().label().or(n.accesskit_node().value())?;
            (rect.max.y <= map.min.y + 0.5 && rect.area() > 0.0).then_some((name, rect))
        })
        .collect()
}

#[test]
fn the_map_keeps_its_share_and_the_top_bar_never_overlaps_at_every_size() {
    let mut snapshots = egui_kittest::SnapshotResults::new();
    for (width, height, ppp, name) in SIZES {
        let dir = tempfile::tempdir().expect("dir");
        let mut h = at_size(dir.path(), width, height, ppp);
        let window = h.ctx.content_rect();
        assert!(
            (window.width() - width).abs() < 1.0,
            "{name}: the window is {window:?} points"
        );
        let map = h.get_by_label("Body map").rect();
        let share = map.width() / width;
        assert!(
            share >= 0.45,
            "{name}: the map has {:.0} of {width} points ({:.0}%)",
            map.width(),
            share * 100.0
        );
        let bar = top_bar_widgets(&h, map);
        assert!(bar.len() >= 10, "{name}: the top bar has {bar:?}");
        for (i, (a, ra)) in bar.iter().enumerate() {
            assert!(
                ra.max.x <= width + 0.5,
                "{name}: “{a}” runs off the window at {ra:?}"
            );
            for (b, rb) in &bar[i + 1..] {
                let overlap = ra.intersect(*rb);
                assert!(
                    overlap.width() <= 0.5 || overlap.height() <= 0.5,
                    "{name}: “{a}” {ra:?} overlaps “{b}” {rb:?}"
                );
            }
        }
        // The place that was clicked opens with its title in view.
        let title = h.get_by_role_and_label(egui::accesskit::Role::Heading, "Left calf");
        assert!(
            title.rect().max.y <= height && title.rect().min.y >= 0.0,
            "{name}"
        );
        if let Some(result) = gpu::try_snapshot(&mut h, name) {
            snapshots.add(result);
        }
        snapshots.extend_harness(&mut h);
    }
}

#[test]
fn the_layout_reads_in_the_dark_too() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = at_size(dir.path(), 1366.0, 768.0, 1.0);
    apply(
        &mut h,
        Command::View(ViewCommand::SetTheme(knotmap::settings::ThemeChoice::Dark)),
    );
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Dark,
        "the window turned dark"
    );
    assert_eq!(
        h.state().state.settings.theme,
        knotmap::settings::ThemeChoice::Dark,
        "and remembers it"
    );
    gpu::snapshot(&mut h, "layout_1366x768_dark");
}

/// egui lays a frame out again at most `max_passes` times. When it declines, the frame shows
/// the map in the space of the frame before; the window must draw the next one at once, or a
/// map drawn under the side panel stays there until the next mouse move.
#[test]
fn when_the_window_shrinks_the_map_moves_out_from_under_the_panel_even_without_a_second_pass() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = at_size(dir.path(), 1920.0, 1080.0, 1.0);
    h.ctx
        .options_mut(|o| o.max_passes = std::num::NonZeroUsize::new(1).expect("one"));
    h.set_size(egui::vec2(1366.0, 768.0));
    h.step();
    let map = h.get_by_label("Body map").rect();
    let title = h
        .get_by_role_and_label(egui::accesskit::Role::Heading, "Left calf")
        .rect();
    if map.max.x > title.min.x {
        assert!(
            h.ctx.has_requested_repaint(),
            "the map {map:?} is shown under the place's panel, whose title is at {title:?}, \
             and no other frame is coming"
        );
        h.run();
        let map = h.get_by_label("Body map").rect();
        let title = h
            .get_by_role_and_label(egui::accesskit::Role::Heading, "Left calf")
            .rect();
        assert!(map.max.x <= title.min.x, "{map:?} {title:?}");
    }
}

/// A node's rectangle in points.
fn rect_of(h: &Harness<'_, KnotmapApp>, node: &egui_kittest::Node<'_>) -> Rect {
    let r = node
        .accesskit_node()
        .bounding_box()
        .expect("the node is drawn");
    Rect::from_min_max(
        egui::pos2(r.x0 as f32, r.y0 as f32),
        egui::pos2(r.x1 as f32, r.y1 as f32),
    ) / h.ctx.pixels_per_point()
}

/// In a step card a long place name is cut short before the dose, never drawn over it, on
/// the smallest window.
#[test]
fn a_long_place_name_stops_before_its_dose() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = window::app_sized(
        dir.path(),
        &FakeDialogs::default(),
        egui::vec2(980.0, 600.0),
        1.0,
    );
    apply(&mut h, Command::File(FileCommand::New(None)));
    let catalog = knotmap::catalog::Catalog::builtin().expect("catalog");
    let region = catalog
        .region(&"upper_back".into())
        .expect("the upper back");
    let technique = catalog
        .techniques
        .iter()
        .find(|t| catalog.regions_of_technique(t).any(|r| r.id == region.id))
        .expect("a technique for the upper back");
    let step = knotmap::routine::Step::new(catalog, region, technique, technique.tools[0].clone());
    let dose = format!("{} × 2", knotmap::words::dose(step.dose));
    apply(
        &mut h,
        Command::Routine(knotmap::state::RoutineCommand::Edit(
            knotmap::routine::Edit::AddStep { at: 0, step },
        )),
    );
    let title = h.get_by_label_contains("1. Upper back");
    let title = rect_of(&h, &title);
    let dose = h
        .get_all_by_label(&dose)
        .map(|n| rect_of(&h, &n))
        .find(|r| r.y_range().intersects(title.y_range()))
        .expect("the dose beside the title");
    assert!(
        title.max.x <= dose.min.x,
        "the name {title:?} runs into the dose {dose:?}"
    );
}

/// A notice floats over the map only: the editor's buttons and the place's panel beside it
/// stay free to click, on the smallest window and a laptop's.
#[test]
fn a_notice_leaves_the_buttons_beside_the_map_free() {
    for (width, height) in [(980.0, 600.0), (1280.0, 720.0), (1366.0, 768.0)] {
        let dir = tempfile::tempdir().expect("dir");
        let mut h = at_size(dir.path(), width, height, 1.0);
        // A routine opened from a file, so that Recent has something to offer.
        let path = dir.path().join("legs.ron");
        std::fs::write(&path, knotmap::routine::TEMPLATES[1].1).expect("write");
        apply(&mut h, Command::File(FileCommand::OpenPath(path)));
        window::add_first_technique(&mut h, "Right calf");
        let notice = window::notice(&h).expect("a notice").1;
        let notice = rect_of(&h, &h.get_by_label_contains(&notice));
        let map = rect_of(&h, &h.get_by_label("Body map"));
        assert!(
            map.expand(1.0).contains_rect(notice),
            "at {width}×{height} the notice {notice:?} leaves the map {map:?}"
        );
        // On the smallest window the editor folds to its title; on a laptop's it shows all
        // its buttons.
        let unfolded = h.query_all_by_label("Open…").next().is_some();
        assert!(
            unfolded || width < 1366.0,
            "the editor shows its buttons at {width}"
        );
        let buttons: &[&str] = if unfolded {
            &["Recent", "Open…", "Save", "Play", "Clear"]
        } else {
            &["Routine · 12 steps", "Clear"]
        };
        for button in buttons {
            let mut found = false;
            for node in h.get_all_by_label(button) {
                found = true;
                assert!(
                    !rect_of(&h, &node).intersects(notice),
                    "at {width}×{height} the notice covers {button}"
                );
            }
            assert!(found, "{button} is on the window");
        }
        // While a session plays, a note stays clear of the player's Stop.
        apply(&mut h, Command::Player(knotmap::state::PlayerCommand::Play));
        // A long note, as the desktop's services give when the sound server is away.
        h.state_mut().state.notice = Some(knotmap::state::Notice {
            kind: knotmap::state::NoticeKind::Warning,
            text: "No sound cues: the sound player could not reach the sound server \
                   (pa_context_connect() failed: Connection refused). The session plays on \
                   without them."
                .to_owned(),
            until: None,
        });
        window::settle(&mut h);
        let notice = window::notice(&h).expect("a note while playing").1;
        let notice = rect_of(&h, &h.get_by_label_contains(&notice));
        let stop = rect_of(&h, &h.get_by_label("Stop"));
        assert!(
            !stop.intersects(notice),
            "at {width}×{height} the note {notice:?} covers Stop {stop:?}"
        );
        let map = rect_of(&h, &h.get_by_label("Body map"));
        assert!(
            map.expand(1.0).contains_rect(notice),
            "at {width}×{height} the note {notice:?} leaves the map {map:?} while playing"
        );
    }
}
