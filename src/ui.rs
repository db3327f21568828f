//! The window's panels and widgets: egui only, reading the state and sending commands.

pub mod body_map;
pub mod builder;
pub mod floor;
pub mod jobs;
pub mod layout;
pub mod log;
pub mod my_tools;
pub mod notice;
pub mod pending;
pub mod picture;
pub mod player;
pub mod preview;
pub mod region_panel;
pub mod routine_editor;
pub mod style;
pub mod top_bar;
pub mod widgets;
