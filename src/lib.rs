//! knotmap: a body map of self-massage for runners.
//!
//! The domain (catalog, body) knows nothing of the window; `app` and `ui` draw it with egui.

pub mod app;
pub mod body;
pub mod builder;
pub mod catalog;
pub mod cli;
pub mod dialogs;
pub mod log;
pub mod player;
pub mod routine;
pub mod sheet;
pub mod storage;
pub mod ui;
