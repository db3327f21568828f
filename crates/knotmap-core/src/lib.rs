//! knotmap's domain: what a runner's body map knows and keeps, with no window.
//!
//! The catalog (places, muscles, techniques, tools, cautions, complaints), the drawn body and
//! its hit test, routines and their files, the session sheet and the report (PDF and PNG), the
//! pictures of each position, the player's timeline and cues, the routine builder, the
//! tightness log, settings and the atomic file writer. Nothing here depends on egui, eframe or
//! winit: the window (`knotmap`'s `state`, `ui` and `app`) is built on top.

pub mod body;
pub mod builder;
pub mod catalog;
pub mod draw;
pub mod logging;
pub mod picture;
pub mod player;
pub mod ron_file;
pub mod routine;
pub mod settings;
pub mod sheet;
pub mod storage;
pub mod tightness;
pub mod words;
