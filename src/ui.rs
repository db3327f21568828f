//! The window's panels and widgets: egui only, reading the state and sending commands.

pub mod body_map;
pub mod region_panel;
pub mod style;
pub mod top_bar;
