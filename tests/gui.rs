//! The window, driven through egui_kittest the way a runner would: clicking regions by their
//! accessible names and with the pointer, moving with the keyboard, searching.

#[path = "support/gpu.rs"]
mod gpu;

use eframe::egui::{self, Key, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use knotmap::app::KnotmapApp;
use knotmap::body::Bodies;
use knotmap::catalog::{Catalog, Hit, Place, Side, View};
use knotmap::settings::ViewMode;

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("catalog")
}

fn app_harness(theme: egui::Theme) -> Harness<'static, KnotmapApp> {
    let catalog = catalog();
    let body = Bodies::builtin(catalog).expect("body");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(theme)
        .build_eframe(move |cc| KnotmapApp::new(cc, catalog, body));
    harness.run();
    harness
}

fn harness() -> Harness<'static, KnotmapApp> {
    app_harness(egui::Theme::Light)
}

fn region(id: &str) -> knotmap::catalog::RegionIx {
    catalog().region_index(&id.into()).expect("region id")
}

fn muscle(id: &str) -> knotmap::catalog::MuscleIx {
    catalog().muscle_index(&id.into()).expect("muscle id")
}

fn selection(h: &Harness<'_, KnotmapApp>) -> Option<Hit> {
    h.state().state.selection
}

/// A point inside a place, well away from its anchor (where its accessible node sits).
fn screen_point_inside(h: &Harness<'_, KnotmapApp>, view: View, place: Place) -> Pos2 {
    let shape = h
        .state()
        .body()
        .view(view)
        .shape(place)
        .expect("shape")
        .clone();
    let step = 1.0;
    let mut best = None;
    let mut y = shape.bbox.y0;
    while y < shape.bbox.y1 && best.is_none() {
        let mut x = shape.bbox.x0;
        while x < shape.bbox.x1 {
            let p = kurbo::Point::new(x, y);
            let inside = [(0.0, 0.0), (2.0, 0.0), (-2.0, 0.0), (0.0, 2.0), (0.0, -2.0)]
                .iter()
                .all(|(dx, dy)| shape.contains(kurbo::Point::new(x + dx, y + dy)));
            if inside && p.distance(shape.anchor) > 15.0 {
                best = Some(p);
                break;
            }
            x += step;
        }
        y += step;
    }
    let point_in_body = best.expect("a point inside the shape away from its anchor");
    h.state()
        .screen_from_body(view, point_in_body)
        .expect("the view is shown")
}

/// The map's node for a place: the region list in the welcome panel has buttons of the same
/// name, so pick the small node the map puts at the region's anchor.
fn map_node<'h>(h: &'h Harness<'_, KnotmapApp>, name: &'h str) -> egui_kittest::Node<'h> {
    h.get_all_by_label(name)
        .min_by(|a, b| a.rect().area().total_cmp(&b.rect().area()))
        .expect("a node with that name")
}

fn click_at(h: &mut Harness<'_, KnotmapApp>, pos: Pos2) {
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    h.run();
}

#[test]
fn clicking_a_region_by_name_shows_its_muscles() {
    let mut h = harness();
    h.get_by_label("Left hamstrings").click();
    h.run();
    assert_eq!(
        selection(&h),
        Some(Hit::Region(Place {
            region: region("hamstrings"),
            side: Some(Side::Left)
        }))
    );
    // The panel names the muscle as a link, its techniques and the cautions.
    assert!(h.query_by_label("Hamstrings").is_some());
    assert!(h.query_by_label("Techniques").is_some());
    assert!(h.query_by_label("Cautions").is_some());
}

#[test]
fn clicking_with_the_pointer_inside_a_shape_selects_it() {
    let mut h = harness();
    let place = Place {
        region: region("calf"),
        side: Some(Side::Right),
    };
    let pos = screen_point_inside(&h, View::Back, place);
    click_at(&mut h, pos);
    assert_eq!(selection(&h), Some(Hit::Region(place)));
    assert!(
        h.query_all_by_label_contains("Calves").next().is_some(),
        "the panel lists the calf muscles"
    );

    // A click on empty space clears the selection.
    let empty = h
        .state()
        .screen_from_body(View::Front, kurbo::Point::new(6.0, 300.0))
        .expect("front view shown");
    click_at(&mut h, empty);
    assert_eq!(selection(&h), None);
}

#[test]
fn hovering_a_region_highlights_it_and_names_it() {
    let mut h = harness();
    let place = Place {
        region: region("glute_max"),
        side: Some(Side::Left),
    };
    let pos = screen_point_inside(&h, View::Back, place);
    h.hover_at(pos);
    h.run();
    assert_eq!(h.state().hovered_place(), Some(place));
    // Hovering requests no endless repaints: the harness settles.
    assert!(h.try_run().is_ok());
}

#[test]
fn a_no_roll_zone_says_why() {
    let mut h = harness();
    map_node(&h, "Lower spine").click();
    h.run();
    assert!(h.query_by_label("Do not roll here").is_some());
}

#[test]
fn muscle_and_tool_links_lead_on() {
    let mut h = harness();
    h.get_by_label("Left hamstrings").click();
    h.run();
    h.get_by_label("Hamstrings").click_accesskit();
    h.run();
    assert_eq!(selection(&h), Some(Hit::Muscle(muscle("hamstrings"))));
    let lit = h
        .state()
        .body()
        .places_of(catalog(), Hit::Muscle(muscle("hamstrings")));
    assert!(lit.len() >= 2, "both hamstrings light up");

    let tennis = catalog()
        .tool_index(&"tennis_ball".into())
        .expect("tennis ball");
    h.get_all_by_label("Tennis ball")
        .next()
        .expect("a tennis-ball link")
        .click_accesskit();
    h.run();
    assert_eq!(selection(&h), Some(Hit::Tool(tennis)));
    assert!(h.query_by_label("Where on the map").is_some());
}

#[test]
fn the_welcome_explains_why_to_roll_and_lights_up_what_it_speaks_of() {
    let mut h = harness();
    assert!(h.query_by_label("Why roll at all?").is_some());
    h.get_by_label("Let the opposite muscle help")
        .click_accesskit();
    h.run();
    let Some(Hit::Basic(i)) = selection(&h) else {
        panic!("a piece of background is selected: {:?}", selection(&h));
    };
    assert!(h.query_by_label(&catalog().basics[i].text).is_some());
    assert!(h.query_by_label("More of the basics").is_some());
    assert!(h.query_by_label("Where on the map").is_some());
    let lit = h.state().body().places_of(catalog(), Hit::Basic(i));
    assert!(
        lit.iter().any(|p| p.region == region("hip_flexors")),
        "the hip flexors light up: {lit:?}"
    );
}

#[test]
fn keyboard_moves_between_regions_and_enter_selects() {
    let mut h = harness();
    h.get_by_label("Left calf").focus();
    h.run();
    let calf = Place {
        region: region("calf"),
        side: Some(Side::Left),
    };
    assert_eq!(
        h.state().hovered_place(),
        Some(calf),
        "focus shows on the map"
    );

    h.key_press(Key::ArrowUp);
    h.run();
    let above = h
        .state()
        .hovered_place()
        .expect("focus moved to another region");
    assert_ne!(above, calf);
    let body = h.state().body();
    let (_, calf_shape) = body.shape(calf).expect("calf");
    let (view, above_shape) = body.shape(above).expect("region above");
    assert_eq!(view, View::Back);
    assert!(
        above_shape.anchor.y < calf_shape.anchor.y,
        "arrow up goes up"
    );

    h.key_press(Key::Tab);
    h.run();
    let next = h
        .state()
        .hovered_place()
        .expect("Tab moves to the next region");
    assert_ne!(next, above);

    h.key_press(Key::Enter);
    h.run();
    assert_eq!(selection(&h), Some(Hit::Region(next)));
}

#[test]
fn search_highlights_as_you_type_enter_selects_escape_clears() {
    let mut h = harness();
    let search = h.get_by_label("Search");
    search.focus();
    h.run();
    h.get_by_label("Search").type_text("psoas");
    h.run();
    let psoas = Hit::Muscle(muscle("psoas"));
    assert_eq!(h.state().state.matches.first(), Some(&psoas));
    assert!(
        h.query_by_label_contains("Psoas  ·  muscle").is_some(),
        "the match is listed"
    );

    h.key_press(Key::Enter);
    h.run();
    assert_eq!(selection(&h), Some(psoas));

    h.get_by_label("Search").focus();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().state.query.is_empty());
    assert!(h.state().state.matches.is_empty());

    // Other names work as you type too.
    h.get_by_label("Search").focus();
    h.run();
    h.get_by_label("Search").type_text("sit bones");
    h.run();
    let sit_bone = region("sit_bone");
    assert!(
        h.state()
            .state
            .matches
            .iter()
            .any(|m| matches!(m, Hit::Region(Place { region: r, .. }) if *r == sit_bone))
    );
}

#[test]
fn view_choice_shows_one_figure() {
    let mut h = harness();
    h.get_by_label("Back").click();
    h.run();
    assert_eq!(h.state().state.settings.view_mode, ViewMode::Back);
    assert!(h.query_by_label("Left calf").is_some());
    assert!(h.query_by_label("Left hip flexors").is_none());
}

#[test]
fn snapshots_of_the_main_window() {
    let mut results = egui_kittest::SnapshotResults::new();
    for figure in ["Female", "Male"] {
        for (theme, name) in [(egui::Theme::Light, "light"), (egui::Theme::Dark, "dark")] {
            let mut h = app_harness(theme);
            h.get_by_label(figure).click();
            h.run();
            h.get_by_label("Right hamstrings").click();
            h.run();
            assert_eq!(
                format!("{:?}", h.state().state.settings.figure),
                figure,
                "the figure chosen"
            );
            assert!(
                h.query_by_role_and_label(egui::accesskit::Role::Heading, "Right hamstrings")
                    .is_some(),
                "the place clicked is open"
            );
            gpu::snapshot(
                &mut h,
                &format!("main_window_{}_{name}", figure.to_lowercase()),
            );
            results.extend_harness(&mut h);
        }
    }
    results.unwrap();
}

#[test]
fn a_zone_never_to_roll_links_to_the_places_to_work_instead() {
    let mut h = harness();
    map_node(&h, "Left kneecap").click();
    h.run();
    assert_eq!(
        selection(&h),
        Some(Hit::Region(Place {
            region: region("kneecap"),
            side: Some(Side::Left)
        }))
    );
    assert!(h.query_by_label("Do not roll here").is_some());
    assert!(h.query_by_label("Work these instead").is_some());
    h.get_all_by_label("Left rectus femoris")
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the link in the panel")
        .click();
    h.run();
    assert_eq!(
        selection(&h),
        Some(Hit::Region(Place {
            region: region("rectus_femoris"),
            side: Some(Side::Left)
        })),
        "the link opens the place beside the kneecap, on the same side"
    );

    // The head is left out rather than warned of, and still points to the neck.
    map_node(&h, "Head and face").click();
    h.run();
    assert!(h.query_by_label("Not covered by knotmap").is_some());
    assert!(h.query_by_label("Do not roll here").is_none());
    assert!(h.query_by_label("Work these instead").is_some());
}

#[test]
fn at_the_first_window_size_a_fingertip_target_is_24_pixels_wide() {
    let catalog = catalog();
    let body = Bodies::builtin(catalog).expect("body");
    let [width, height] = knotmap::app::DEFAULT_WINDOW;
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_eframe(move |cc| KnotmapApp::new(cc, catalog, body));
    h.run();
    for view in View::ALL {
        let at = |x: f64| {
            h.state()
                .screen_from_body(view, kurbo::Point::new(x, 400.0))
                .expect("both views are shown")
        };
        let target = at(knotmap::body::TARGET).x - at(0.0).x;
        assert!(
            target >= 24.0,
            "{view:?}: a target of {} body units is {target} points wide",
            knotmap::body::TARGET
        );
    }
}

/// When not to roll is the first thing a new runner sees, until they say they read it; then
/// it stays one click away, at the top of the same panel.
#[test]
fn when_not_to_roll_is_read_first_and_stays_a_link() {
    let mut h = harness();
    assert!(h.query_by_label("Before you roll").is_some());
    assert!(
        h.query_by_label_contains("see a doctor today").is_some(),
        "the red flags in brief"
    );
    h.get_by_label("I have read this").click();
    h.run();
    assert!(h.state().state.settings.red_flags_read, "remembered");
    assert!(h.query_by_label("Before you roll").is_none());
    assert!(h.query_by_label_contains("see a doctor today").is_none());
    h.get_all_by_label("When not to roll")
        .next()
        .expect("the link at the top")
        .click();
    h.run();
    match selection(&h) {
        Some(Hit::Basic(i)) => assert_eq!(catalog().basics[i].title, "When not to roll"),
        other => panic!("opened {other:?}"),
    }
}

/// A search typed while the side panel is scrolled down shows its matches at the top of the
/// panel, in view.
#[test]
fn search_results_come_into_view_in_a_scrolled_panel() {
    let mut h = harness();
    h.get_by_label("What knotmap is not").scroll_to_me();
    h.run();
    let bottom = h.get_by_label("What knotmap is not").rect();
    assert!(
        bottom.bottom() <= 900.0,
        "scrolled down to the end: {bottom:?}"
    );
    h.get_by_label("Search").focus();
    h.run();
    h.get_by_label("Search").type_text("calf");
    h.run();
    let heading = h
        .query_all_by_label_contains("Matches for")
        .next()
        .expect("the matches")
        .rect();
    assert!(
        heading.top() >= 0.0 && heading.bottom() <= 900.0,
        "the matches are in view: {heading:?}"
    );
}

#[path = "gui/complaints.rs"]
mod complaints;
