//! Playing a routine: the clock, the player's commands, and when to repaint.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use eframe::egui;

use super::KnotmapApp;
use crate::desktop::Services;
use crate::desktop::awake::Awake;
use crate::desktop::cues::{CueOut, Order};
use crate::player::cues::{Cue, schedule};
use crate::player::{Now, Phase, Player};
use crate::settings::CueSettings;
use crate::state::{NoticeKind, PlayView, PlayerCommand, Screen};

/// The player's ties to the desktop: the cue thread (sound and voice) and the screen-saver
/// inhibit, started with the first session and only when the window was given services.
pub(super) struct DesktopCues {
    services: Option<Services>,
    out: Option<CueOut>,
    awake: Option<Awake>,
    /// The cue settings the thread last heard.
    sent: Option<CueSettings>,
    /// The session's cues, made when it starts.
    schedule: Vec<Cue>,
    /// Whether the screen is being kept awake.
    keeping_awake: bool,
    /// What the threads report (no sound, no voice, no inhibit), to be shown quietly.
    reports: mpsc::Receiver<String>,
    report: mpsc::Sender<String>,
    /// The last of those shown.
    said: Option<String>,
    ctx: egui::Context,
}

impl DesktopCues {
    pub(super) fn new(ctx: &egui::Context) -> Self {
        let (report, reports) = mpsc::channel();
        DesktopCues {
            services: None,
            out: None,
            awake: None,
            sent: None,
            schedule: Vec::new(),
            keeping_awake: false,
            reports,
            report,
            said: None,
            ctx: ctx.clone(),
        }
    }

    /// Starts the threads, the first time a session plays.
    fn out(&mut self, settings: CueSettings) -> Option<&CueOut> {
        if self.out.is_none() {
            let services = self.services.clone()?;
            let (tx, ctx) = (self.report.clone(), self.ctx.clone());
            let report = move |text: String| {
                // The receiver is the app's own; it is gone only when the window is.
                tx.send(text).ok();
                ctx.request_repaint();
            };
            self.awake = Some(Awake::start(services.session_bus.clone(), report.clone()));
            self.out = Some(CueOut::start(services, settings, report));
            self.sent = Some(settings);
        }
        self.out.as_ref()
    }

    /// Keeps the screen awake, or lets it sleep, when that changes.
    fn keep_awake(&mut self, awake: bool) {
        if self.keeping_awake != awake {
            self.keeping_awake = awake;
            if let Some(a) = &self.awake {
                a.keep(awake);
            }
        }
    }

    /// Passes on a change of the sound and voice settings.
    pub(super) fn follow_settings(&mut self, settings: CueSettings) {
        if self.sent.is_some_and(|s| s != settings)
            && let Some(out) = &self.out
        {
            out.send(Order::Settings(settings));
            self.sent = Some(settings);
        }
    }

    /// The window closes: everything stops and is let go.
    pub(super) fn close(&mut self) {
        self.keep_awake(false);
        self.out = None;
        self.awake = None;
    }
}

/// A cue this little behind the player's position is still due: the one at the start of
/// the part the session just started or skipped to, read a moment after the jump.
const JUST_PASSED: Duration = Duration::from_millis(50);

/// When the cues on a timeline fall, from a timeline position at this moment: those still
/// ahead, and those up to `slack` behind.
fn plan(cues: &[Cue], position: Duration, slack: Duration, base: Instant) -> Vec<(Instant, Cue)> {
    cues.iter()
        .filter(|c| c.at + slack > position)
        .map(|c| (base + c.at.saturating_sub(position), c.clone()))
        .collect()
}

/// Tells the time for the player; tests use a clock they move by hand.
pub trait Clock {
    /// Time since some fixed moment.
    fn now(&self) -> Duration;

    /// The date and time on the wall, in the runner's time zone: what the log writes.
    fn local_now(&self) -> jiff::Zoned {
        jiff::Zoned::now()
    }
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

/// How long the flash at each change lasts.
const FLASH: Duration = Duration::from_millis(700);

impl KnotmapApp {
    pub(super) fn play_command(&mut self, command: &PlayerCommand) {
        let now = self.clock.now();
        let was_over = self
            .player
            .as_ref()
            .is_some_and(|p| p.now(now) == Now::Finished);
        match command {
            PlayerCommand::Play => {
                if self.state.doc.routine.steps.is_empty() {
                    self.notify(
                        NoticeKind::Warning,
                        "Add a step or two before playing the routine.",
                    );
                } else {
                    self.start_player();
                }
                return;
            }
            PlayerCommand::Toggle => {
                if let Some(p) = &mut self.player {
                    p.toggle(now);
                }
            }
            PlayerCommand::Skip => {
                if let Some(p) = &mut self.player {
                    p.skip(now);
                }
            }
            PlayerCommand::Back => {
                if let Some(p) = &mut self.player {
                    p.back(now);
                }
            }
            PlayerCommand::Stop => {
                self.player = None;
                self.state.play = None;
                self.state.screen = Screen::Editing;
            }
            PlayerCommand::ShowFloorView(on) => {
                if let Screen::Playing { floor } = &mut self.state.screen {
                    *floor = *on;
                }
                return;
            }
            PlayerCommand::SetCues(cues) => {
                self.state.settings.cues = *cues;
                return;
            }
        }
        // A skip or a step back lands on the start of a part, whose cue is due at once; a pause
        // and a resume land nowhere new; a session already over has nothing more to say.
        let landed = matches!(command, PlayerCommand::Skip | PlayerCommand::Back) && !was_over;
        self.replan(landed, was_over);
    }

    /// Uses the desktop's sound player, speech service and screen saver while a routine
    /// plays (the window is given the user's own; tests give private ones).
    #[must_use]
    pub fn with_services(mut self, services: Services) -> Self {
        self.desktop.services = Some(services);
        self
    }

    /// Plays the routine from its start.
    pub(super) fn start_player(&mut self) {
        let player = Player::new(&self.state.doc.routine, self.clock.now());
        self.desktop.schedule = schedule(player.segments(), &self.state.doc.routine, self.catalog);
        self.player = Some(player);
        self.state.screen = Screen::Playing { floor: false };
        self.last_phase = None;
        // The map shows the step being played, not what was picked before.
        self.state.selection = None;
        self.state.new_ratings_round();
        self.replan(true, false);
    }

    /// Tells the cue thread what is due from now on, and keeps the screen awake only while
    /// the session runs.
    fn replan(&mut self, landed: bool, over: bool) {
        let now = self.clock.now();
        let settings = self.state.settings.cues;
        let Some(player) = &self.player else {
            self.desktop.keep_awake(false);
            if let Some(out) = &self.desktop.out {
                out.send(Order::Close);
            }
            return;
        };
        let (paused, position) = (player.is_paused(), player.position(now));
        let running = !paused && position < player.total();
        let order = if paused || over {
            Order::Hush
        } else {
            let slack = if landed { JUST_PASSED } else { Duration::ZERO };
            Order::Plan(plan(
                &self.desktop.schedule,
                position,
                slack,
                Instant::now(),
            ))
        };
        if let Some(out) = self.desktop.out(settings) {
            out.send(order);
        }
        self.desktop.keep_awake(running);
    }

    /// Reads the player at this frame's time, notes phase changes, and schedules the next
    /// repaint: only as often as the countdown changes, never while paused.
    pub(super) fn tick_player(&mut self, ctx: &egui::Context) {
        while let Ok(report) = self.desktop.reports.try_recv() {
            // Reports that come together (no sound, no voice, no inhibit) are said together.
            let text = match (&self.state.notice, &self.desktop.said) {
                (Some(shown), Some(said))
                    if shown.kind == NoticeKind::Info && shown.text == *said =>
                {
                    format!("{said} {report}")
                }
                _ => report,
            };
            self.desktop.said = Some(text.clone());
            self.notify(NoticeKind::Info, text);
        }
        let Some(player) = &self.player else {
            self.state.play = None;
            return;
        };
        let now = self.clock.now();
        let reading = player.now(now);
        if reading == Now::Finished {
            self.desktop.keep_awake(false);
        }
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

    /// The current phase, for tests and the map.
    pub fn player_phase(&self) -> Option<(usize, Phase)> {
        self.last_phase
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::player::cues::Sound;

    fn cue(at: u64) -> Cue {
        Cue {
            at: Duration::from_millis(at),
            sound: Some(Sound::Tick),
            words: None,
        }
    }

    #[test]
    fn a_cue_is_replayed_only_where_a_skip_lands_on_it() {
        let cues = [cue(1000), cue(2000), cue(3000)];
        let base = Instant::now();
        let at = |planned: Vec<(Instant, Cue)>| -> Vec<u128> {
            planned.iter().map(|(_, c)| c.at.as_millis()).collect()
        };
        // Skipped to 2 s, read a moment later: the cue at 2 s is still due, at once.
        let landed = plan(&cues, Duration::from_millis(2010), JUST_PASSED, base);
        assert_eq!(at(landed.clone()), [2000, 3000]);
        assert_eq!(landed[0].0, base);
        // Resumed at exactly 2 s, after its cue played before the pause: not again.
        let resumed = plan(&cues, Duration::from_millis(2000), Duration::ZERO, base);
        assert_eq!(at(resumed), [3000]);
    }
}
