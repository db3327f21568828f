//! The map's places in the Tab order on a desktop with no screen reader running: a plain egui
//! context, AccessKit off, the keys as the window receives them.

use eframe::egui;
use knotmap::app::KnotmapApp;
use knotmap::body::Bodies;
use knotmap::catalog::Catalog;
use knotmap::settings::Settings;

fn run(ctx: &egui::Context, app: &mut KnotmapApp, events: Vec<egui::Event>) {
    let [width, height] = knotmap::app::DEFAULT_WINDOW;
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, height),
        )),
        events,
        ..Default::default()
    };
    // No renderer takes the textures here.
    ctx.run_ui(input, |ui| app.frame_ui(ui))
        .textures_delta
        .clear();
}

fn key(key: egui::Key, modifiers: egui::Modifiers) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// Presses a key and lets the window settle; the place the focus is on, if any.
fn press(ctx: &egui::Context, app: &mut KnotmapApp, event: egui::Event) -> Option<String> {
    run(ctx, app, vec![event]);
    run(ctx, app, Vec::new());
    // With the pointer away from the map, the place shown as hovered is the focused one.
    app.hovered_place()
        .map(|place| app.catalog.place_name(place))
}

#[test]
fn tab_and_shift_tab_reach_the_map_and_move_between_its_places_without_a_screen_reader() {
    let catalog = Catalog::builtin().expect("catalog");
    let bodies = Bodies::builtin(catalog).expect("bodies");
    let ctx = egui::Context::default();
    let mut app = KnotmapApp::with_settings(&ctx, catalog, bodies, Settings::default());
    run(&ctx, &mut app, Vec::new());
    run(&ctx, &mut app, Vec::new());

    let tab = || key(egui::Key::Tab, egui::Modifiers::NONE);
    let first = (0..300)
        .find_map(|_| press(&ctx, &mut app, tab()))
        .expect("Tab reaches the map");
    let second = press(&ctx, &mut app, tab()).expect("the next Tab stays on the map");
    assert_ne!(first, second, "Tab moves on from {first}");
    let back = press(&ctx, &mut app, key(egui::Key::Tab, egui::Modifiers::SHIFT))
        .expect("Shift+Tab stays on the map");
    assert_eq!(back, first, "Shift+Tab goes back");

    // Tab on out of the map, then back in from behind it: to the place it left from.
    let mut walked = vec![back];
    loop {
        assert!(walked.len() < 400, "Tab never leaves the map");
        match press(&ctx, &mut app, tab()) {
            Some(place) => walked.push(place),
            None => break,
        }
    }
    assert!(
        walked.len() > 2,
        "Tab went through the map's places: {walked:?}"
    );
    let left_from = walked.last().expect("a place").clone();
    let last = (0..400)
        .find_map(|_| press(&ctx, &mut app, key(egui::Key::Tab, egui::Modifiers::SHIFT)))
        .expect("Shift+Tab comes back to the map");
    assert_eq!(last, left_from, "Shift+Tab comes back in at the last place");
}
