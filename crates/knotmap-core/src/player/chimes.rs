//! The player's sounds, made from a few sine tones: soft-edged bell notes, loud enough to hear
//! from the mat and never a square-wave beep.

use std::f32::consts::TAU;

use super::cues::Sound;

/// The sample rate the sounds are made at, in samples a second.
pub const RATE: u32 = 48_000;

/// The loudest a sound goes at full volume: half of full scale (−6 dBFS), to leave room for
/// the voice and never clip.
const PEAK: f32 = 0.5;

/// One note: its pitch, when it starts and how long it rings, in seconds.
struct Note {
    hz: f32,
    start: f32,
    length: f32,
    /// How fast it fades: the time for the level to fall to about a third.
    decay: f32,
}

fn notes(sound: Sound) -> Vec<Note> {
    let note = |hz, start, length, decay| Note {
        hz,
        start,
        length,
        decay,
    };
    match sound {
        Sound::Tick => vec![note(880.0, 0.0, 0.08, 0.03)],
        Sound::Go => vec![note(1318.5, 0.0, 0.40, 0.16)],
        Sound::Switch => vec![note(659.3, 0.0, 0.16, 0.08), note(987.8, 0.15, 0.30, 0.12)],
        Sound::StepDone => vec![note(987.8, 0.0, 0.16, 0.08), note(659.3, 0.15, 0.32, 0.14)],
        Sound::SessionDone => vec![
            note(523.3, 0.0, 0.18, 0.09),
            note(659.3, 0.15, 0.18, 0.09),
            note(784.0, 0.30, 0.18, 0.09),
            note(1046.5, 0.45, 0.70, 0.30),
        ],
    }
}

/// How long a sound lasts, in seconds.
pub fn length(sound: Sound) -> f32 {
    notes(sound)
        .iter()
        .map(|n| n.start + n.length)
        .fold(0.0, f32::max)
}

/// A sound as 16-bit mono samples at [`RATE`], at a volume from 0 to 1.
pub fn samples(sound: Sound, volume: f32) -> Vec<i16> {
    let rate = RATE as f32;
    let total = (length(sound) * rate).ceil() as usize;
    let mut out = vec![0.0_f32; total];
    for note in notes(sound) {
        let first = (note.start * rate) as usize;
        let count = (note.length * rate) as usize;
        let attack = 0.004 * rate;
        let release = 0.010 * rate;
        for i in 0..count {
            let t = i as f32 / rate;
            // A quick rise so the start is crisp without a click, a bell's fall, and a short
            // fade at the end so nothing is cut off mid-wave.
            let rise = (i as f32 / attack).min(1.0);
            let fall = (-t / note.decay).exp();
            let fade = ((count - i) as f32 / release).min(1.0);
            let phase = TAU * note.hz * t;
            // A little of the octave and the twelfth make it a note rather than a whistle.
            let tone = phase.sin() + 0.25 * (2.0 * phase).sin() + 0.08 * (3.0 * phase).sin();
            if let Some(s) = out.get_mut(first + i) {
                *s += tone * rise * fall * fade;
            }
        }
    }
    let loudest = out.iter().fold(0.0_f32, |m, s| m.max(s.abs())).max(1e-6);
    let gain = PEAK * volume.clamp(0.0, 1.0) / loudest;
    out.iter()
        .map(|s| (s * gain * f32::from(i16::MAX)).round() as i16)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sound_is_short_clear_and_never_clips() {
        for sound in Sound::ALL {
            let s = samples(sound, 1.0);
            let peak = s.iter().map(|x| x.unsigned_abs()).max().unwrap_or(0);
            assert!(peak > 15_000 && peak <= 16_500, "{sound:?}: peak {peak}");
            assert!(length(sound) <= 1.2, "{sound:?} lasts {}", length(sound));
            // It starts at once: loud within 10 ms.
            let early = s[..480].iter().map(|x| x.unsigned_abs()).max().unwrap_or(0);
            assert!(early > 4_000, "{sound:?} starts softly: {early}");
            // And ends in silence, with no click.
            assert!(
                s.last().is_some_and(|x| x.unsigned_abs() < 200),
                "{sound:?}"
            );
        }
        let quiet = samples(Sound::Go, 0.2);
        let peak = quiet.iter().map(|x| x.unsigned_abs()).max().unwrap_or(0);
        assert!(
            (3_000..=3_400).contains(&peak),
            "a fifth of the volume: {peak}"
        );
    }

    #[test]
    fn the_sounds_differ() {
        let lengths: Vec<u32> = Sound::ALL
            .iter()
            .map(|s| (length(*s) * 1000.0) as u32)
            .collect();
        let mut distinct = lengths.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), lengths.len(), "{lengths:?}");
    }
}
