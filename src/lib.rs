//! knotmap: a body map of self-massage for runners.
//!
//! The domain (catalog, body) knows nothing of the window; `app` and `ui` draw it with egui.

pub mod app;
pub mod body;
pub mod builder;
pub mod catalog;
pub mod cli;
pub mod desktop;
pub mod dialogs;
pub mod icon;
pub mod log;
pub mod picture;
pub mod player;
pub mod routine;
pub mod settings;
pub mod sheet;
pub mod state;
pub mod storage;
pub mod ui;
pub mod words;

/// The application id: the desktop entry's and the icon's name, and the window's id.
pub const APP_ID: &str = "io.github.knotmap.Knotmap";
