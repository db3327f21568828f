//! Playing a routine: the clock, the player's commands, and when to repaint.

use std::time::{Duration, Instant};

use eframe::egui;

use super::{Command, KnotmapApp, NoticeKind};
use crate::player::{Now, Phase, Player};

/// Tells the time for the player; tests use a clock they move by hand.
pub trait Clock {
    /// Time since some fixed moment.
    fn now(&self) -> Duration;
}

/// The system's monotonic clock.
#[derive(Debug)]
pub struct SystemClock(Instant);

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock(Instant::now())
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.0.elapsed()
    }
}

/// What the player shows this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlayView {
    pub now: Now,
    pub position: Duration,
    pub total: Duration,
    /// The steps done and skipped, and the time spent.
    pub summary: crate::player::Summary,
    /// Whether the phase just changed (the panel flashes).
    pub flash: bool,
}

/// How long the flash at each change lasts.
const FLASH: Duration = Duration::from_millis(700);

impl KnotmapApp {
    pub(super) fn play_command(&mut self, command: &Command) {
        let now = self.clock.now();
        match command {
            Command::Play => {
                if self.state.doc.routine.steps.is_empty() {
                    self.notify(
                        NoticeKind::Warning,
                        "Add a step or two before playing the routine.",
                    );
                } else {
                    self.player = Some(Player::new(&self.state.doc.routine, now));
                    self.last_phase = None;
                    // The map shows the step being played, not what was picked before.
                    self.state.selection = None;
                    self.state.new_ratings_round();
                }
            }
            Command::PlayerToggle => {
                if let Some(p) = &mut self.player {
                    p.toggle(now);
                }
            }
            Command::PlayerSkip => {
                if let Some(p) = &mut self.player {
                    p.skip(now);
                }
            }
            Command::PlayerBack => {
                if let Some(p) = &mut self.player {
                    p.back(now);
                }
            }
            Command::PlayerStop => {
                self.player = None;
                self.state.play = None;
            }
            _ => {}
        }
    }

    /// Reads the player at this frame's time, notes phase changes, and schedules the next
    /// repaint: only as often as the countdown changes, never while paused.
    pub(super) fn tick_player(&mut self, ctx: &egui::Context) {
        let Some(player) = &self.player else {
            self.state.play = None;
            return;
        };
        let now = self.clock.now();
        let reading = player.now(now);
        let phase = match reading {
            Now::Playing { segment, .. } => Some((segment.step, segment.phase)),
            Now::Finished => None,
        };
        if phase != self.last_phase {
            if self.last_phase.is_some() || phase.is_some() {
                self.flash_until = Some(now + FLASH);
            }
            self.last_phase = phase;
        }
        let flash = self.flash_until.is_some_and(|until| now < until);
        if let Some((step, _)) = phase {
            self.state.selected_step = Some(step);
        }
        self.state.play = Some(PlayView {
            now: reading,
            position: player.position(now),
            total: player.total(),
            summary: player.summary(now),
            flash,
        });
        let mut next = player.next_change(now);
        match self.flash_until {
            // The flash is a steady highlight: one repaint to end it, no animation frames.
            Some(until) if now < until => {
                let end = until - now;
                next = Some(next.map_or(end, |n| n.min(end)));
            }
            _ => self.flash_until = None,
        }
        if let Some(after) = next {
            ctx.request_repaint_after(after);
        }
    }

    /// Space pauses, the arrows skip and go back, Escape stops.
    pub(super) fn player_keys(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.player.is_none() {
            return;
        }
        ctx.input_mut(|i| {
            use egui::{Key, Modifiers};
            if i.consume_key(Modifiers::NONE, Key::Space) {
                commands.push(Command::PlayerToggle);
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                commands.push(Command::PlayerSkip);
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                commands.push(Command::PlayerBack);
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                commands.push(Command::PlayerStop);
            }
        });
    }

    /// The current phase, for tests and the map.
    pub fn player_phase(&self) -> Option<(usize, Phase)> {
        self.last_phase
    }
}
