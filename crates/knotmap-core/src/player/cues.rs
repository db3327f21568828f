//! What the player says and sounds, and when: a schedule laid over the session's timeline,
//! so a cue is due at an exact moment rather than whenever the window happens to repaint.

use std::time::Duration;

use super::{Phase, Segment};
use crate::catalog::Catalog;
use crate::routine::{Routine, Step, StepSide};

/// The sounds the player makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sound {
    /// A short tick in each of the last three seconds of a part.
    Tick,
    /// Work starts: a longer, higher tone after the ticks, as at a race start.
    Go,
    /// Time to change sides: two notes rising.
    Switch,
    /// A step is done: two notes falling.
    StepDone,
    /// The session is done: four notes up a major chord.
    SessionDone,
}

impl Sound {
    pub const ALL: [Sound; 5] = [
        Sound::Tick,
        Sound::Go,
        Sound::Switch,
        Sound::StepDone,
        Sound::SessionDone,
    ];
}

/// One moment of the schedule: a sound, words, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The position on the session's timeline.
    pub at: Duration,
    pub sound: Option<Sound>,
    pub words: Option<String>,
}

/// Seconds counted down with a tick at the end of each part.
const TICKS: u64 = 3;
/// How long before the end of a step's last part the next step is named, when the part is
/// long enough for that to come well clear of the announcement at its start.
const NEXT_AHEAD: Duration = Duration::from_secs(10);
const NEXT_MIN_PART: Duration = Duration::from_secs(20);

/// The place a step works first: the left side of a step on both sides.
fn first_place(catalog: &Catalog, step: &Step) -> String {
    let side = step.side.sides().first().copied().flatten();
    catalog.region(&step.region).map_or_else(
        || step.region.to_string(),
        |region| region.display_name(side),
    )
}

/// "Left calf. Calf roll, 60 seconds a side."
fn announcement(catalog: &Catalog, step: &Step) -> String {
    let technique = catalog
        .technique(&step.technique)
        .map_or_else(|| step.technique.to_string(), |t| t.name.clone());
    let each = if step.side == StepSide::Both {
        " a side"
    } else {
        ""
    };
    format!(
        "{}. {technique}, {}{each}.",
        first_place(catalog, step),
        crate::words::spoken_dose(step.dose)
    )
}

/// The whole session's cues, in timeline order, at most one per moment.
pub fn schedule(segments: &[Segment], routine: &Routine, catalog: &Catalog) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    let mut add = |at: Duration, sound: Option<Sound>, words: Option<String>| {
        cues.push(Cue { at, sound, words });
    };
    for (i, segment) in segments.iter().enumerate() {
        let Some(step) = routine.steps.get(segment.step) else {
            continue;
        };
        let end = segment.start + segment.length;
        let last_of_step = segments.get(i + 1).is_none_or(|s| s.step != segment.step);
        match segment.phase {
            Phase::GetReady => {
                let done = (segment.step > 0).then_some(Sound::StepDone);
                add(segment.start, done, Some(announcement(catalog, step)));
            }
            Phase::Work(_) => add(segment.start, Some(Sound::Go), None),
            Phase::SwitchSides => add(
                segment.start,
                Some(Sound::Switch),
                Some("Switch to the right side.".to_owned()),
            ),
        }
        if last_of_step
            && matches!(segment.phase, Phase::Work(_))
            && segment.length >= NEXT_MIN_PART
        {
            let words = match routine.steps.get(segment.step + 1) {
                Some(next) => format!("Next: {}.", first_place(catalog, next)),
                None => "Last one: keep going.".to_owned(),
            };
            add(end - NEXT_AHEAD, None, Some(words));
        }
        for left in (1..=TICKS).rev() {
            let left = Duration::from_secs(left);
            if left < segment.length {
                add(end - left, Some(Sound::Tick), None);
            }
        }
    }
    if let Some(last) = segments.last() {
        add(
            last.start + last.length,
            Some(Sound::SessionDone),
            Some("Session done. Well rolled.".to_owned()),
        );
    }
    cues.sort_by_key(|c| c.at);
    // Two cues at one moment become one: the sound that says more, and both sets of words.
    let mut merged: Vec<Cue> = Vec::with_capacity(cues.len());
    for cue in cues {
        match merged.last_mut() {
            Some(last) if last.at == cue.at => {
                if last.sound.is_none() || last.sound == Some(Sound::Tick) {
                    last.sound = cue.sound.or(last.sound);
                }
                last.words = match (last.words.take(), cue.words) {
                    (Some(a), Some(b)) => Some(format!("{a} {b}")),
                    (a, b) => a.or(b),
                };
            }
            _ => merged.push(cue),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Dose;
    use crate::player::Player;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn routine(first: Dose, second: Dose) -> Routine {
        let step = |region: &str, side, technique: &str, dose| Step {
            region: region.into(),
            side,
            technique: technique.into(),
            tool: "foam_roller".into(),
            dose,
            note: None,
        };
        Routine {
            steps: vec![
                step("calf", StepSide::Both, "calf_tool_roll", first),
                step("hamstrings", StepSide::Middle, "hamstring_roll", second),
            ],
            ..Routine::default()
        }
    }

    fn cues(r: &Routine) -> Vec<Cue> {
        let catalog = Catalog::builtin().expect("catalog");
        schedule(Player::new(r, Duration::ZERO).segments(), r, catalog)
    }

    #[test]
    fn each_part_ends_with_three_ticks_and_each_phase_starts_with_its_sound() {
        let cues = cues(&routine(Dose::Seconds(30), Dose::Seconds(30)));
        let sound_at = |t: u64| cues.iter().find(|c| c.at == secs(t)).and_then(|c| c.sound);
        // Get ready 0–5, left 5–35, switch 35–39, right 39–69, get ready 69–74, work 74–104.
        assert_eq!(sound_at(2), Some(Sound::Tick));
        assert_eq!(sound_at(4), Some(Sound::Tick));
        assert_eq!(sound_at(5), Some(Sound::Go));
        assert_eq!(sound_at(32), Some(Sound::Tick));
        assert_eq!(sound_at(35), Some(Sound::Switch));
        assert_eq!(sound_at(39), Some(Sound::Go));
        assert_eq!(sound_at(69), Some(Sound::StepDone));
        assert_eq!(sound_at(104), Some(Sound::SessionDone));
        assert_eq!(
            cues.iter().filter(|c| c.sound == Some(Sound::Tick)).count(),
            18
        );
        let at: Vec<Duration> = cues.iter().map(|c| c.at).collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "one cue per moment, in order"
        );
    }

    #[test]
    fn the_voice_names_each_step_the_switch_and_what_comes_next() {
        let cues = cues(&routine(Dose::Seconds(30), Dose::Passes(4)));
        let words: Vec<(u64, &str)> = cues
            .iter()
            .filter_map(|c| Some((c.at.as_secs(), c.words.as_deref()?)))
            .collect();
        let calf = words[0];
        assert_eq!(calf.0, 0);
        assert!(calf.1.starts_with("Left calf. "), "{}", calf.1);
        assert!(calf.1.ends_with(", 30 seconds a side."), "{}", calf.1);
        assert!(words.contains(&(35, "Switch to the right side.")));
        assert!(words.contains(&(59, "Next: Hamstrings.")), "{words:?}");
        assert!(words.iter().any(|w| w.1.ends_with(", 4 passes.")));
        assert_eq!(
            words.last().map(|w| w.1),
            Some("Session done. Well rolled.")
        );
    }

    #[test]
    fn short_parts_tick_only_inside_themselves() {
        let cues = cues(&routine(Dose::Seconds(2), Dose::Seconds(1)));
        // A 2 s side ticks once, at its last second; a 1 s part not at all.
        let left_side: Vec<_> = cues
            .iter()
            .filter(|c| c.at > secs(5) && c.at < secs(7))
            .map(|c| (c.at, c.sound))
            .collect();
        assert_eq!(left_side, vec![(secs(6), Some(Sound::Tick))]);
    }
}
