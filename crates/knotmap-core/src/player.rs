//! The session player's clockwork: a routine becomes a timeline of phases (get ready, work
//! one side, switch sides, work the other), and the player reads where it is from elapsed
//! time, so it stays exact however often the window repaints.

pub mod chimes;
pub mod cues;

use std::time::Duration;

use crate::catalog::Side;
use crate::routine::{Routine, StepSide};

/// Seconds to get into position before each step.
pub const GET_READY: Duration = Duration::from_secs(5);
/// Seconds to change sides between the left and the right.
pub const SWITCH_SIDES: Duration = Duration::from_secs(4);

/// What the runner is doing in a phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Getting into position for the step.
    GetReady,
    /// Working one side (or the middle).
    Work(Option<Side>),
    /// Changing from the left side to the right.
    SwitchSides,
}

/// One stretch of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub step: usize,
    pub phase: Phase,
    pub start: Duration,
    pub length: Duration,
}

/// Where the session is at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Now {
    Playing {
        segment: Segment,
        /// Time left in this phase.
        left: Duration,
        paused: bool,
    },
    Finished,
}

/// What a session came to: the steps done and skipped, and the time spent, pauses left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub done: usize,
    pub skipped: usize,
    pub time: Duration,
}

/// A routine being played.
#[derive(Clone, Debug)]
pub struct Player {
    segments: Vec<Segment>,
    total: Duration,
    /// Timeline position at `since` (or for ever, when paused).
    position: Duration,
    /// The clock reading when the player last started running; `None` while paused.
    since: Option<Duration>,
    /// Time spent running before `since`.
    active: Duration,
    /// Steps left before their end by a skip, and not gone back to since.
    skipped: Vec<bool>,
}

impl Player {
    /// A player for a routine, running from the start at clock reading `now`.
    pub fn new(routine: &Routine, now: Duration) -> Player {
        let mut segments = Vec::new();
        let mut at = Duration::ZERO;
        let mut push = |step: usize, phase: Phase, length: Duration, at: &mut Duration| {
            segments.push(Segment {
                step,
                phase,
                start: *at,
                length,
            });
            *at += length;
        };
        for (i, step) in routine.steps.iter().enumerate() {
            let work = Duration::from_secs(u64::from(step.dose.approx_seconds().max(1)));
            push(i, Phase::GetReady, GET_READY, &mut at);
            match step.side {
                StepSide::Both => {
                    push(i, Phase::Work(Some(Side::Left)), work, &mut at);
                    push(i, Phase::SwitchSides, SWITCH_SIDES, &mut at);
                    push(i, Phase::Work(Some(Side::Right)), work, &mut at);
                }
                StepSide::Left => push(i, Phase::Work(Some(Side::Left)), work, &mut at),
                StepSide::Right => push(i, Phase::Work(Some(Side::Right)), work, &mut at),
                StepSide::Middle => push(i, Phase::Work(None), work, &mut at),
            }
        }
        Player {
            segments,
            total: at,
            position: Duration::ZERO,
            since: Some(now),
            active: Duration::ZERO,
            skipped: vec![false; routine.steps.len()],
        }
    }

    /// Running time since `since`, up to the moment the session reached its end.
    fn running(&self, now: Duration) -> Duration {
        self.since.map_or(Duration::ZERO, |since| {
            now.saturating_sub(since)
                .min(self.total.saturating_sub(self.position))
        })
    }

    /// The steps done and skipped so far, and the time spent playing.
    pub fn summary(&self, now: Duration) -> Summary {
        let skipped = self.skipped.iter().filter(|s| **s).count();
        Summary {
            done: self.skipped.len() - skipped,
            skipped,
            time: self.active + self.running(now),
        }
    }

    /// The session's timeline, part by part.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The whole session's length.
    pub fn total(&self) -> Duration {
        self.total
    }

    /// How far into the session the player is.
    pub fn position(&self, now: Duration) -> Duration {
        let running = self
            .since
            .map_or(Duration::ZERO, |since| now.saturating_sub(since));
        (self.position + running).min(self.total)
    }

    pub fn is_paused(&self) -> bool {
        self.since.is_none()
    }

    /// Where the session is now.
    pub fn now(&self, now: Duration) -> Now {
        let position = self.position(now);
        match self.segments.iter().find(|s| position < s.start + s.length) {
            Some(&segment) => Now::Playing {
                segment,
                left: segment.start + segment.length - position,
                paused: self.is_paused(),
            },
            None => Now::Finished,
        }
    }

    pub fn pause(&mut self, now: Duration) {
        if self.since.is_some() {
            self.active += self.running(now);
            self.position = self.position(now);
            self.since = None;
        }
    }

    pub fn resume(&mut self, now: Duration) {
        if self.since.is_none() {
            self.since = Some(now);
        }
    }

    pub fn toggle(&mut self, now: Duration) {
        if self.is_paused() {
            self.resume(now);
        } else {
            self.pause(now);
        }
    }

    fn jump(&mut self, to: Duration, now: Duration) {
        if self.since.is_some() {
            self.active += self.running(now);
            self.since = Some(now);
        }
        self.position = to.min(self.total);
    }

    fn step_start(&self, step: usize) -> Option<Duration> {
        self.segments
            .iter()
            .find(|s| s.step == step)
            .map(|s| s.start)
    }

    /// On to what comes next: from getting ready to the work, from the left side to the
    /// switch, from the switch to the right side, from the last side to the next step (or the
    /// end). Cutting a side short counts its step as skipped.
    pub fn skip(&mut self, now: Duration) {
        if let Now::Playing { segment, .. } = self.now(now) {
            if matches!(segment.phase, Phase::Work(_)) {
                self.skipped[segment.step] = true;
            }
            self.jump(segment.start + segment.length, now);
        }
    }

    /// Back to the start of this step, or to the previous step when just started.
    pub fn back(&mut self, now: Duration) {
        let position = self.position(now);
        let current = match self.now(now) {
            Now::Playing { segment, .. } => segment.step,
            Now::Finished => self.segments.last().map_or(0, |s| s.step + 1),
        };
        let start = self.step_start(current).unwrap_or(self.total);
        let (step, target) = if position > start + Duration::from_secs(2) || current == 0 {
            (current, start)
        } else {
            (
                current - 1,
                self.step_start(current - 1).unwrap_or(Duration::ZERO),
            )
        };
        // Going back to a step means doing it again: it no longer counts as skipped.
        for later in self.skipped.iter_mut().skip(step) {
            *later = false;
        }
        self.jump(target, now);
    }

    /// How long until what the player shows next changes (the seconds counter or the phase),
    /// for scheduling the next repaint; `None` while paused or finished.
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        match self.now(now) {
            Now::Playing {
                left,
                paused: false,
                ..
            } => {
                let into_second = Duration::from_nanos((left.as_nanos() % 1_000_000_000) as u64);
                Some(if into_second.is_zero() {
                    Duration::from_secs(1)
                } else {
                    into_second
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Dose;
    use crate::routine::Step;

    fn routine() -> Routine {
        let step = |side, seconds| Step {
            region: "calf".into(),
            side,
            technique: "calf_tool_roll".into(),
            tool: "foam_roller".into(),
            dose: Dose::Seconds(seconds),
            note: None,
        };
        Routine {
            steps: vec![step(StepSide::Both, 30), step(StepSide::Middle, 20)],
            ..Routine::default()
        }
    }

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn the_timeline_has_get_ready_sides_and_a_switch() {
        let p = Player::new(&routine(), secs(100));
        assert_eq!(p.total(), secs(5 + 30 + 4 + 30 + 5 + 20));
        let phase = |t: u64| match p.now(secs(100 + t)) {
            Now::Playing { segment, .. } => Some((segment.step, segment.phase)),
            Now::Finished => None,
        };
        assert_eq!(phase(0), Some((0, Phase::GetReady)));
        assert_eq!(phase(5), Some((0, Phase::Work(Some(Side::Left)))));
        assert_eq!(phase(36), Some((0, Phase::SwitchSides)));
        assert_eq!(phase(40), Some((0, Phase::Work(Some(Side::Right)))));
        assert_eq!(phase(70), Some((1, Phase::GetReady)));
        assert_eq!(phase(80), Some((1, Phase::Work(None))));
        assert_eq!(phase(94), None);
    }

    /// A dose in passes is played for as long as the sheet, the check and the builder count
    /// it: `SECONDS_PER_PASS` a pass.
    #[test]
    fn passes_last_as_long_as_everywhere_else() {
        let mut routine = routine();
        routine.steps[1].dose = Dose::Passes(10);
        let p = Player::new(&routine, secs(0));
        let work = p
            .segments()
            .iter()
            .find(|s| s.step == 1 && s.phase == Phase::Work(None))
            .expect("the step's work");
        let seconds = 10 * crate::catalog::SECONDS_PER_PASS;
        assert_eq!(work.length, secs(u64::from(seconds)));
        assert_eq!(routine.steps[1].seconds(), seconds);
    }

    #[test]
    fn pause_freezes_time_and_skip_and_back_move_between_steps() {
        let mut p = Player::new(&routine(), secs(0));
        p.pause(secs(10));
        assert_eq!(p.position(secs(500)), secs(10));
        assert_eq!(p.next_change(secs(500)), None, "no repaints while paused");
        p.resume(secs(500));
        assert_eq!(p.position(secs(503)), secs(13));
        // Skip moves on one part at a time: the left side to the switch, the switch to the
        // right side, the right side to the next step.
        p.skip(secs(503));
        assert_eq!(p.position(secs(503)), secs(35));
        p.skip(secs(503));
        assert_eq!(p.position(secs(503)), secs(39));
        p.skip(secs(503));
        assert_eq!(p.position(secs(503)), secs(69));
        p.back(secs(504));
        assert_eq!(
            p.position(secs(504)),
            secs(0),
            "just started: back to the previous step"
        );
        for _ in 0..6 {
            p.skip(secs(504));
        }
        assert_eq!(p.now(secs(504)), Now::Finished);
    }

    #[test]
    fn the_summary_counts_skipped_steps_and_leaves_pauses_out() {
        let mut p = Player::new(&routine(), secs(0));
        // Cutting the get-ready short starts the work: no step is skipped.
        p.skip(secs(1));
        assert_eq!(p.position(secs(1)), secs(5));
        assert_eq!(p.summary(secs(1)).skipped, 0);
        p.pause(secs(10));
        p.resume(secs(300));
        // Cutting the left side short skips the step.
        p.skip(secs(320));
        assert_eq!(
            p.summary(secs(320)),
            Summary {
                done: 1,
                skipped: 1,
                time: secs(30)
            }
        );
        // Back to the skipped step: it counts as done again once played through.
        p.back(secs(321));
        assert_eq!(p.summary(secs(321)).skipped, 0);
        // Played to the end and left open for a while: the time stops at the end.
        let end = secs(321) + p.total();
        assert_eq!(p.now(end), Now::Finished);
        assert_eq!(p.summary(end + secs(600)).time, secs(31) + p.total());
        assert_eq!(p.summary(end + secs(600)).done, 2);
    }

    #[test]
    fn repaints_are_due_when_the_seconds_counter_changes() {
        let p = Player::new(&routine(), Duration::ZERO);
        assert_eq!(
            p.next_change(Duration::from_millis(300)),
            Some(Duration::from_millis(700))
        );
    }
}
