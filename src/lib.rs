//! knotmap: a body map of self-massage for runners.
//!
//! The domain lives in the `knotmap-core` crate, which has no window library among its
//! dependencies; its modules are re-exported here under the same names. This crate adds the
//! window's state (`state`), its widgets (`ui`), the application (`app`), the desktop
//! services (`desktop`, `dialogs`, `icon`) and the command line (`cli`).

pub use knotmap_core::{
    body, builder, catalog, draw, logging, picture, player, ron_file, routine, settings, sheet,
    storage, tightness, words,
};

pub mod app;
pub mod cli;
pub mod desktop;
pub mod dialogs;
pub mod icon;
pub mod state;
pub mod ui;

/// The application id: the desktop entry's and the icon's name, and the window's id.
pub const APP_ID: &str = "io.github.knotmap.Knotmap";
