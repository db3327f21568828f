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

    fn pick_save(&mut self, _folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
        self.asked.borrow_mut().push(format!("save {file_name}"));
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

/// The map's node for a place (the welcome panel has buttons of the same names).
pub fn click_place(h: &mut Harness<'_, KnotmapApp>, name: &str) {
    h.get_all_by_label(name)
        .min_by(|a, b| a.rect().area().total_cmp(&b.rect().area()))
        .expect("the place")
        .click();
    h.run();
}

/// Selects a place on the map and adds its first technique to the routine.
pub fn add_first_technique(h: &mut Harness<'_, KnotmapApp>, place: &str) {
    click_place(h, place);
    h.get_all_by_label("Add to routine")
        .next()
        .expect("a technique to add")
        .click_accesskit();
    h.run();
}

/// Applies a command the way a frame would, then lets the window catch up.
pub fn apply(h: &mut Harness<'_, KnotmapApp>, command: knotmap::state::Command) {
    h.state_mut().apply(&egui::Context::default(), command);
    h.run();
}

/// Clicks a button of the question on top (the toolbar may have one of the same name).
pub fn answer(h: &mut Harness<'_, KnotmapApp>, label: &str) {
    h.get_all_by_label(label)
        .last()
        .expect("the question's button")
        .click();
    h.run();
}

pub fn shortcut(h: &mut Harness<'_, KnotmapApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}
