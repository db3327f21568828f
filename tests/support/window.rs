//! Driving the whole window as a runner would: a window on folders of the test's own, file
//! dialogs answered from a queue, clicks on the map, shortcuts, and answers to questions.
#![allow(dead_code)] // each test file uses the helpers it needs

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use knotmap::app::KnotmapApp;
use knotmap::body::Bodies;
use knotmap::catalog::Catalog;
use knotmap::dialogs::FileDialogs;
use knotmap::storage::Folders;

/// Answers file dialogs from a queue, and remembers what was asked.
#[derive(Clone, Default)]
pub struct FakeDialogs {
    pub answers: Rc<RefCell<VecDeque<Option<PathBuf>>>>,
    pub asked: Rc<RefCell<Vec<String>>>,
    /// The folder each save chooser was opened in.
    pub folders: Rc<RefCell<Vec<Option<PathBuf>>>>,
    /// A desktop without a file chooser.
    pub none_here: bool,
}

impl FakeDialogs {
    pub fn answer(&self, path: Option<&Path>) {
        self.answers
            .borrow_mut()
            .push_back(path.map(Path::to_path_buf));
    }
}

impl FileDialogs for FakeDialogs {
    fn available(&mut self) -> bool {
        !self.none_here
    }

    fn pick_open(&mut self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.asked.borrow_mut().push("open".to_owned());
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn pick_save(&mut self, folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
        self.asked.borrow_mut().push(format!("save {file_name}"));
        self.folders
            .borrow_mut()
            .push(folder.map(Path::to_path_buf));
        self.answers.borrow_mut().pop_front().flatten()
    }
}

pub fn app(folders: &Path, dialogs: &FakeDialogs) -> Harness<'static, KnotmapApp> {
    app_sized(folders, dialogs, egui::vec2(1500.0, 920.0), 1.0)
}

/// The window at a size in points, drawn at `pixels_per_point`.
pub fn app_sized(
    folders: &Path,
    dialogs: &FakeDialogs,
    size: egui::Vec2,
    pixels_per_point: f32,
) -> Harness<'static, KnotmapApp> {
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    // No printing system here: printing must offer to save the PDF instead.
    let no_lp = folders.join("no-lp-on-this-machine");
    let folders = Folders::at(folders);
    let dialogs = dialogs.clone();
    let mut h = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(pixels_per_point)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            KnotmapApp::new(cc, catalog, body)
                .with_files(Some(folders), Box::new(dialogs))
                .with_print_program(no_lp)
        });
    h.run();
    h
}

/// The window with `lp` as its printing program.
pub fn app_printing_with(
    folders: &Path,
    dialogs: &FakeDialogs,
    lp: &Path,
) -> Harness<'static, KnotmapApp> {
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    let folders = Folders::at(folders);
    let dialogs = dialogs.clone();
    let lp = lp.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 920.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            KnotmapApp::new(cc, catalog, body)
                .with_files(Some(folders), Box::new(dialogs))
                .with_print_program(lp)
        });
    h.run();
    h
}

/// Lets the window settle after an action. A job beside the window (printing, the report,
/// the log) may finish in the middle and ask for a few more frames than a settled window
/// would; those are given, and only a window that never settles fails.
pub fn settle(h: &mut Harness<'_, KnotmapApp>) {
    for _ in 0..4 {
        if h.try_run().is_ok() {
            return;
        }
    }
    h.run();
}

/// Steps the window, a frame every 20 ms, until `done` says so or `seconds` pass; returns
/// whether it did. Each frame must come back at once: the window never waits for a job.
pub fn step_until(
    h: &mut Harness<'_, KnotmapApp>,
    seconds: u64,
    mut done: impl FnMut(&Harness<'_, KnotmapApp>) -> bool,
) -> bool {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while std::time::Instant::now() < until {
        h.step();
        if done(h) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

/// The notice in the banner, as its kind and text.
pub fn notice(h: &Harness<'_, KnotmapApp>) -> Option<(knotmap::state::NoticeKind, String)> {
    h.state()
        .state
        .notice
        .as_ref()
        .map(|n| (n.kind, n.text.clone()))
}

/// The map's node for a place (the welcome panel has buttons of the same names).
pub fn click_place(h: &mut Harness<'_, KnotmapApp>, name: &str) {
    h.get_all_by_label(name)
        .min_by(|a, b| a.rect().area().total_cmp(&b.rect().area()))
        .expect("the place")
        .click();
    settle(h);
}

/// Selects a place on the map and adds its first technique to the routine.
pub fn add_first_technique(h: &mut Harness<'_, KnotmapApp>, place: &str) {
    click_place(h, place);
    h.get_all_by_label("Add to routine")
        .next()
        .expect("a technique to add")
        .click_accesskit();
    settle(h);
}

/// Applies a command the way a frame would, then lets the window catch up.
pub fn apply(h: &mut Harness<'_, KnotmapApp>, command: knotmap::state::Command) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, command);
    settle(h);
}

/// Clicks a button of the question on top (the toolbar may have one of the same name).
pub fn answer(h: &mut Harness<'_, KnotmapApp>, label: &str) {
    h.get_all_by_label(label)
        .last()
        .expect("the question's button")
        .click();
    settle(h);
}

pub fn shortcut(h: &mut Harness<'_, KnotmapApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    settle(h);
}
