//! From a phase change to the cue's first sample heard on the sound server: the cue thread
//! wakes at the moment the cue is due, hands the sound to the sound player, and the server
//! plays it. Measured through a private PulseAudio server's null sink, recorded from its
//! monitor; skipped, and said so, where PulseAudio is not installed.

#[path = "../tests/support/services.rs"]
mod services;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use knotmap::desktop::Services;
use knotmap::desktop::cues::{CueOut, Order};
use knotmap::player::cues::{Cue, Sound};
use knotmap::settings::CueSettings;

fn cue_latency(c: &mut Criterion) {
    if !services::have(
        "the cue latency benchmark",
        &["pulseaudio", "pactl", "parec", "pacat"],
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let pulse = services::Pulse::start(dir.path());
    let services = Services {
        sound_env: vec![("PULSE_SERVER".into(), pulse.server.clone().into())],
        speech_socket: None,
        ..Services::default()
    };
    let settings = CueSettings {
        voice: false,
        ..CueSettings::default()
    };
    let out = CueOut::start(services, settings, |why| eprintln!("{why}"));
    let recording = services::Recording::start(&pulse);
    let tick = |at: Instant| {
        vec![(
            at,
            Cue {
                at: Duration::ZERO,
                sound: Some(Sound::Tick),
                words: None,
            },
        )]
    };
    // The sound player starts with the first plan, as at the start of a session.
    out.send(Order::Plan(tick(Instant::now())));
    std::thread::sleep(Duration::from_millis(500));
    let mut all = Vec::new();
    let mut one = || -> Duration {
        let due = Instant::now() + Duration::from_millis(60);
        out.send(Order::Plan(tick(due)));
        let until = due + Duration::from_secs(2);
        loop {
            std::thread::sleep(Duration::from_millis(40));
            let heard = recording
                .onsets(1500.0, Duration::from_millis(100))
                .into_iter()
                .find(|t| *t + Duration::from_millis(30) > due);
            if let Some(t) = heard {
                // Let the tick ring out, so the next one starts from quiet.
                std::thread::sleep(Duration::from_millis(120));
                // Signed: the sink's monitor can show a sample a moment before its due time
                // is read back, as the server renders slightly ahead.
                let signed = if t >= due {
                    (t - due).as_secs_f64()
                } else {
                    -(due - t).as_secs_f64()
                };
                all.push(signed * 1000.0);
                return t.saturating_duration_since(due);
            }
            assert!(Instant::now() < until, "the tick was never heard");
        }
    };
    let mut group = c.benchmark_group("cues");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("phase change to first sample heard", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| one()).sum());
    });
    group.finish();
    all.sort_by(f64::total_cmp);
    if let (Some(median), Some(first), Some(worst)) =
        (all.get(all.len() / 2), all.first(), all.last())
    {
        println!(
            "cues: {} ticks, median {median:.1} ms from the phase change to the first sample on \
             the sound server's sink (from {first:.1} to {worst:.1} ms)",
            all.len(),
        );
    }
}

criterion_group!(benches, cue_latency);
criterion_main!(benches);
