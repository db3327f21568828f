//! The player on the desktop: cues heard through a real sound server and a real speech
//! service, the screen kept awake through a real session bus, and the floor view read from
//! the mat. Each test runs its services privately and drives the real window.

#[path = "support/gpu.rs"]
mod gpu;
#[path = "support/services.rs"]
mod services;

use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use knotmap::app::{KnotmapApp, Start};
use knotmap::body::Bodies;
use knotmap::catalog::Catalog;
use knotmap::desktop::{Services, SoundProgram};
use knotmap::player::{Phase, Player};
use knotmap::routine::Routine;
use knotmap::settings::CueSettings;
use knotmap::state::{Command, PlayerCommand, Screen};
use knotmap::storage::Folders;

/// Two short steps: calves on both sides for 2 s a side, then the left hamstrings for 1 s.
const SHORT: &str = r#"(
    format: 1,
    name: "Short",
    when: AfterRun,
    notes: "",
    steps: [
        (region: "calf", side: Both, technique: "calf_tool_roll", tool: "foam_roller", dose: Seconds(2)),
        (region: "hamstrings", side: Left, technique: "hamstring_roll", tool: "small_roller", dose: Seconds(1)),
    ],
)"#;

/// The tests that time what is heard run alone: other windows and sound servers starting
/// beside them on a two-core machine hold the speech synthesizer up by tens of milliseconds.
static TIMING: RwLock<()> = RwLock::new(());

fn alone() -> RwLockWriteGuard<'static, ()> {
    TIMING.write().unwrap_or_else(PoisonError::into_inner)
}

fn beside_others() -> RwLockReadGuard<'static, ()> {
    TIMING.read().unwrap_or_else(PoisonError::into_inner)
}

fn window(
    dir: &std::path::Path,
    size: egui::Vec2,
    services: Option<Services>,
) -> Harness<'static, KnotmapApp> {
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    let path = dir.join("short.ron");
    std::fs::write(&path, SHORT).expect("routine");
    let folders = Folders::at(dir.join("data"));
    let mut h = Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            let app =
                KnotmapApp::new(cc, catalog, body).with_files(Some(folders), Box::new(NoDialogs));
            match services {
                Some(s) => app.with_services(s),
                // Without the desktop the clock stands still, so what is drawn is the same
                // every run.
                None => app.with_clock(Box::new(HandClock::default())),
            }
            .starting(Start::Open(path))
        });
    h.run_steps(3);
    h
}

struct NoDialogs;

impl knotmap::dialogs::FileDialogs for NoDialogs {
    fn available(&mut self) -> bool {
        false
    }
    fn pick_open(&mut self, _: Option<&std::path::Path>) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_save(&mut self, _: Option<&std::path::Path>, _: &str) -> Option<std::path::PathBuf> {
        None
    }
}

fn short_routine() -> Routine {
    Routine::from_ron("short.ron", SHORT)
        .expect("the short routine reads")
        .routine
}

/// Presses Play and says when the session started, as closely as the test can tell.
fn play(h: &mut Harness<'_, KnotmapApp>) -> Instant {
    let button = h.get_by_label("Play");
    let before = Instant::now();
    button.click();
    h.step();
    let after = Instant::now();
    h.step();
    assert!(h.state().state.play.is_some(), "playing");
    assert!(
        after - before < Duration::from_millis(100),
        "the frame took {:?}",
        after - before
    );
    before + (after - before) / 2
}

/// Lets the session play through in real time, with a frame now and then as the window would.
fn play_through(h: &mut Harness<'_, KnotmapApp>, total: Duration) {
    let until = Instant::now() + total + Duration::from_millis(1500);
    while Instant::now() < until {
        std::thread::sleep(Duration::from_millis(250));
        h.step();
    }
}

/// Where each cue should be heard: every part's start but the first, the last three seconds
/// of every part, and the end, all from the timeline alone.
fn sound_moments(routine: &Routine) -> Vec<Duration> {
    let player = Player::new(routine, Duration::ZERO);
    let mut at = Vec::new();
    for (i, s) in player.segments().iter().enumerate() {
        if i > 0 {
            at.push(s.start);
        }
        for left in (1..=3).map(Duration::from_secs) {
            if left < s.length {
                at.push(s.start + s.length - left);
            }
        }
    }
    at.push(player.total());
    at.sort();
    at
}

/// Where the voice should start: each step's get-ready, the switch, and the end.
fn voice_moments(routine: &Routine) -> Vec<Duration> {
    let player = Player::new(routine, Duration::ZERO);
    let mut at: Vec<Duration> = player
        .segments()
        .iter()
        .filter(|s| matches!(s.phase, Phase::GetReady | Phase::SwitchSides))
        .map(|s| s.start)
        .collect();
    at.push(player.total());
    at
}

fn millis(d: Duration) -> u128 {
    d.as_millis()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn offset(start: Instant, at: Instant) -> f64 {
    if at >= start {
        (at - start).as_secs_f64()
    } else {
        -(start - at).as_secs_f64()
    }
}

#[test]
fn every_sound_cue_is_heard_within_150_ms_of_its_phase_change() {
    let _alone = alone();
    if !services::have("the sound cues", &["pulseaudio", "pactl", "parec", "pacat"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let pulse = services::Pulse::start(dir.path());
    let services = Services {
        sound_env: vec![("PULSE_SERVER".into(), pulse.server.clone().into())],
        speech_socket: None,
        session_bus: Some("unix:path=/nonexistent/bus".to_owned()),
        ..Services::default()
    };
    let mut h = window(dir.path(), egui::vec2(1500.0, 920.0), Some(services));
    let quiet_voice = CueSettings {
        voice: false,
        ..CueSettings::default()
    };
    h.state_mut().apply(
        &egui::Context::default(),
        Command::Player(PlayerCommand::SetCues(quiet_voice)),
    );
    let recording = services::Recording::start(&pulse);
    let routine = short_routine();
    let expected = sound_moments(&routine);
    let start = play(&mut h);
    play_through(&mut h, Player::new(&routine, Duration::ZERO).total());
    let heard = recording.onsets(1500.0, Duration::from_millis(120));
    let heard_at: Vec<f64> = heard.iter().map(|t| offset(start, *t)).collect();
    let mut late = Vec::new();
    for want in &expected {
        let near = heard
            .iter()
            .find(|t| (offset(start, **t) - want.as_secs_f64()).abs() < 0.150)
            .unwrap_or_else(|| {
                panic!("no cue heard within 150 ms of {want:?}; heard at {heard_at:.3?}")
            });
        late.push(near.saturating_duration_since(start + *want));
    }
    assert_eq!(
        heard.len(),
        expected.len(),
        "one sound per cue and no other: expected at {expected:?}, heard at {heard_at:.3?}"
    );
    eprintln!(
        "sound cues: {} heard, median {} ms after the phase change, at most {} ms",
        late.len(),
        millis(median(late.clone())),
        late.iter().max().map_or(0, |d| millis(*d))
    );
    let said = h.state().state.notice.as_ref().map(|n| n.text.clone());
    assert!(
        !said.as_deref().is_some_and(|s| s.contains("No sound cues")),
        "nothing to say of the sound when it plays: {said:?}"
    );
}

#[test]
fn the_voice_speaks_each_step_the_switch_and_the_end_on_time() {
    let _alone = alone();
    let programs = ["pulseaudio", "pactl", "parec", "speech-dispatcher"];
    if !services::have("the spoken cues", &programs) {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let pulse = services::Pulse::start(dir.path());
    let speech = services::SpeechService::start(dir.path(), &pulse);
    let services = Services {
        sound_env: vec![("PULSE_SERVER".into(), pulse.server.clone().into())],
        speech_socket: Some(speech.socket),
        session_bus: Some("unix:path=/nonexistent/bus".to_owned()),
        ..Services::default()
    };
    let mut h = window(dir.path(), egui::vec2(1500.0, 920.0), Some(services));
    // The voice alone: the sound cues would overlap its first syllables.
    h.get_by_label("Play").click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Sound")
        .click();
    h.run_steps(2);
    assert!(!h.state().state.settings.cues.sound, "the sound is off");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().state.play.is_none(), "stopped");
    // Right after a stop the speech service is still letting go of the cancelled words: a
    // session started at once hears its first words about 100 ms late, one started two
    // seconds later about 20 ms late. A runner does not restart within a second.
    std::thread::sleep(Duration::from_secs(2));
    let recording = services::Recording::start(&pulse);
    let routine = short_routine();
    let start = play(&mut h);
    play_through(
        &mut h,
        Player::new(&routine, Duration::ZERO).total() + Duration::from_secs(2),
    );
    let heard = recording.onsets(800.0, Duration::from_millis(120));
    let heard_at: Vec<f64> = heard.iter().map(|t| offset(start, *t)).collect();
    let mut late = Vec::new();
    for want in voice_moments(&routine) {
        let want_s = want.as_secs_f64();
        // The first sound from 150 ms before the change on must be this cue's.
        let first = heard
            .iter()
            .find(|t| offset(start, **t) > want_s - 0.150)
            .unwrap_or_else(|| panic!("nothing heard after {want:?}; heard at {heard_at:.3?}"));
        let at = offset(start, *first);
        assert!(
            at < want_s + 0.150,
            "the voice for {want:?} started at {at:.3} s; heard at {heard_at:.3?}"
        );
        late.push(first.saturating_duration_since(start + want));
    }
    eprintln!(
        "spoken cues: median {} ms after the phase change, at most {} ms",
        millis(median(late.clone())),
        late.iter().max().map_or(0, |d| millis(*d))
    );
    let said = h.state().state.notice.as_ref().map(|n| n.text.clone());
    assert!(
        !said
            .as_deref()
            .is_some_and(|s| s.contains("No spoken cues")),
        "nothing to say of the voice when it speaks: {said:?}"
    );
}

/// A screen saver of the test's own on the private bus, keeping what it was asked.
struct ScreenSaver {
    calls: Arc<Mutex<Vec<String>>>,
    next: u32,
}

#[zbus::interface(name = "org.freedesktop.ScreenSaver")]
impl ScreenSaver {
    fn inhibit(&mut self, application: &str, reason: &str) -> u32 {
        self.next += 1;
        self.calls
            .lock()
            .expect("calls")
            .push(format!("Inhibit {application}: {reason} -> {}", self.next));
        self.next
    }

    fn un_inhibit(&mut self, cookie: u32) {
        self.calls
            .lock()
            .expect("calls")
            .push(format!("UnInhibit {cookie}"));
    }
}

fn wait_for_calls(
    calls: &Arc<Mutex<Vec<String>>>,
    h: &mut Harness<'_, KnotmapApp>,
    n: usize,
) -> Vec<String> {
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        let now = calls.lock().expect("calls").clone();
        if now.len() >= n || Instant::now() > until {
            return now;
        }
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_screen_stays_awake_while_playing_and_may_sleep_on_pause_stop_and_quit() {
    let _beside = beside_others();
    if !services::have("the screen-saver inhibit", &["dbus-daemon"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let bus = services::SessionBus::start(dir.path());
    let calls = Arc::new(Mutex::new(Vec::new()));
    let _saver = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .expect("address")
        .name("org.freedesktop.ScreenSaver")
        .expect("name")
        .serve_at(
            "/org/freedesktop/ScreenSaver",
            ScreenSaver {
                calls: calls.clone(),
                next: 6,
            },
        )
        .expect("serve")
        .build()
        .expect("the screen saver is on the bus");
    let services = Services {
        sound_programs: vec![SoundProgram {
            program: "knotmap-no-such-player".into(),
            args: Vec::new(),
        }],
        sound_env: Vec::new(),
        speech_socket: None,
        session_bus: Some(bus.address),
    };
    let mut h = window(dir.path(), egui::vec2(1500.0, 920.0), Some(services));
    let no_voice = CueSettings {
        voice: false,
        ..CueSettings::default()
    };
    h.state_mut().apply(
        &egui::Context::default(),
        Command::Player(PlayerCommand::SetCues(no_voice)),
    );
    let reason = "A self-massage session is playing";
    h.get_by_label("Play").click();
    let seen = wait_for_calls(&calls, &mut h, 1);
    assert_eq!(seen, [format!("Inhibit knotmap: {reason} -> 7")]);
    h.key_press(Key::Space);
    let seen = wait_for_calls(&calls, &mut h, 2);
    assert_eq!(seen[1], "UnInhibit 7", "released on pause");
    h.key_press(Key::Space);
    let seen = wait_for_calls(&calls, &mut h, 3);
    assert_eq!(
        seen[2],
        format!("Inhibit knotmap: {reason} -> 8"),
        "held again on resume"
    );
    h.key_press(Key::Escape);
    let seen = wait_for_calls(&calls, &mut h, 4);
    assert_eq!(seen[3], "UnInhibit 8", "released on stop");
    // With no sound player on this machine the runner is told once, quietly, and the session
    // played on regardless.
    let notice = h.state().state.notice.clone().expect("a notice");
    assert_eq!(notice.kind, knotmap::state::NoticeKind::Info);
    assert!(
        notice
            .text
            .starts_with("No sound cues: none of knotmap-no-such-player is installed"),
        "{}",
        notice.text
    );
    // Quitting while playing lets the screen sleep too.
    h.get_by_label("Play").click();
    let seen = wait_for_calls(&calls, &mut h, 5);
    assert_eq!(seen[4], format!("Inhibit knotmap: {reason} -> 9"));
    drop(h);
    let seen = wait_for_calls_alone(&calls, 6);
    assert_eq!(seen[5], "UnInhibit 9", "released when the window goes");
}

fn wait_for_calls_alone(calls: &Arc<Mutex<Vec<String>>>, n: usize) -> Vec<String> {
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        let now = calls.lock().expect("calls").clone();
        if now.len() >= n || Instant::now() > until {
            return now;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_floor_view_fills_the_window_with_a_timer_readable_from_the_mat() {
    let _beside = beside_others();
    for (width, height) in [(1366.0, 768.0), (980.0, 600.0), (1920.0, 1080.0)] {
        let dir = tempfile::tempdir().expect("dir");
        let mut h = window(dir.path(), egui::vec2(width, height), None);
        h.get_by_label("Play").click();
        h.run_steps(2);
        h.get_by_label("Floor view").click();
        h.run_steps(3);
        assert!(h.state().state.screen == Screen::Playing { floor: true });
        let timer = h.get_by_label("0:05 left");
        let share = timer.rect().height() / height;
        assert!(
            share >= 0.25,
            "at {width}×{height} the countdown is {:.0} px, {:.0}% of the height",
            timer.rect().height(),
            share * 100.0
        );
        assert!(h.query_by_label("GET READY").is_some());
        assert!(
            h.query_by_label("Next: Right calf, after a short switch")
                .is_some()
        );
        // Nothing of the editor shows behind it.
        assert!(h.query_by_label("Add to routine").is_none());
        if (width, height) == (1366.0, 768.0) {
            gpu::snapshot(&mut h, "floor_view_1366x768");
        }
        // Escape leaves the floor view and the session plays on; a second Escape stops it.
        h.key_press(Key::Escape);
        h.run_steps(2);
        assert!(h.state().state.screen != Screen::Playing { floor: true });
        assert!(h.state().state.play.is_some(), "still playing");
        h.key_press(Key::F);
        h.run_steps(2);
        assert!(
            h.state().state.screen == Screen::Playing { floor: true },
            "F brings it back"
        );
        h.key_press(Key::Escape);
        h.key_press(Key::Escape);
        h.run_steps(2);
        assert!(h.state().state.play.is_none(), "stopped");
    }
}

#[test]
fn a_screen_reader_hears_each_phase_change_and_the_cue_settings_are_remembered() {
    let _beside = beside_others();
    let dir = tempfile::tempdir().expect("dir");
    let mut h = window(dir.path(), egui::vec2(1500.0, 920.0), None);
    h.get_by_label("Play").click();
    h.run_steps(2);
    let live = h.get_by_label("Step 1 of 2, Left calf: get ready");
    assert_eq!(live.accesskit_node().live(), egui::accesskit::Live::Polite);
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    let live = h.get_by_label("Step 1 of 2, Left calf: go");
    assert_eq!(live.accesskit_node().live(), egui::accesskit::Live::Polite);
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert!(
        h.query_by_label("Step 1 of 2, Right calf: switch to the right side")
            .is_some()
    );
    h.key_press(Key::Space);
    h.run_steps(2);
    assert!(
        h.query_by_label("Step 1 of 2, Right calf: paused")
            .is_some()
    );

    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Voice")
        .click();
    h.run_steps(2);
    assert!(!h.state().state.settings.cues.voice);
    h.key_press(Key::Escape);
    h.run_steps(2);
    drop(h);
    let settings = knotmap::settings::Settings::load(&Folders::at(dir.path().join("data")));
    assert!(
        !settings.settings.cues.voice,
        "the voice stays off next time"
    );
    assert!(settings.settings.cues.sound);
}

/// A clock the test moves by hand.
#[derive(Clone, Default)]
struct HandClock(std::rc::Rc<std::cell::RefCell<Duration>>);

impl knotmap::app::Clock for HandClock {
    fn now(&self) -> Duration {
        *self.0.borrow()
    }
}

#[test]
fn a_running_player_repaints_only_when_what_it_shows_changes() {
    let _beside = beside_others();
    let dir = tempfile::tempdir().expect("dir");
    let catalog = Catalog::builtin().expect("catalog");
    let body = Bodies::builtin(catalog).expect("body");
    let path = dir.path().join("short.ron");
    std::fs::write(&path, SHORT).expect("routine");
    let clock = HandClock::default();
    let hand = clock.clone();
    let folders = Folders::at(dir.path().join("data"));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_eframe(move |cc| {
            KnotmapApp::new(cc, catalog, body)
                .with_files(Some(folders), Box::new(NoDialogs))
                .with_clock(Box::new(hand))
                .starting(Start::Play(path))
        });
    h.run_steps(3);
    h.key_press(Key::F);
    h.run_steps(3);
    h.remove_cursor();
    h.run_steps(3);
    assert!(h.state().state.screen == Screen::Playing { floor: true });
    // The window's own loop: wait as long as the app asks, then draw a frame.
    let total = Player::new(&short_routine(), Duration::ZERO).total();
    let mut frames = 0_u32;
    let mut waited = Duration::ZERO;
    while waited < total - Duration::from_secs(1) {
        let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        assert!(
            delay > Duration::ZERO,
            "a repaint asked at once, {waited:?} in"
        );
        assert!(
            delay <= Duration::from_secs(1),
            "the countdown would stall: {delay:?}"
        );
        *clock.0.borrow_mut() += delay;
        waited += delay;
        h.step();
        frames += 1;
    }
    // Once a second for the countdown, and once more at the end of each phase's flash.
    let phases = Player::new(&short_routine(), Duration::ZERO)
        .segments()
        .len() as u32;
    let seconds = waited.as_secs() as u32;
    eprintln!(
        "the floor view drew {frames} frames in {seconds} s of countdown ({:.2} a second)",
        f64::from(frames) / waited.as_secs_f64()
    );
    assert!(
        frames <= seconds + phases + 1,
        "{frames} frames in {seconds} s"
    );
    assert!(
        frames >= seconds,
        "every second shows: {frames} frames in {seconds} s"
    );
    // Paused, the window sleeps, after at most the one frame that ends a flash.
    h.key_press(Key::Space);
    h.run_steps(3);
    let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    if delay <= Duration::from_millis(700) {
        *clock.0.borrow_mut() += delay;
        h.step();
    }
    let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(
        delay > Duration::from_secs(3600),
        "paused, yet a repaint in {delay:?}"
    );
}

#[test]
fn escape_in_the_search_box_clears_it_and_the_session_plays_on() {
    let _beside = beside_others();
    let dir = tempfile::tempdir().expect("dir");
    let mut h = window(dir.path(), egui::vec2(1500.0, 920.0), None);
    h.get_by_label("Play").click();
    h.run_steps(2);
    h.get_by_label("Search").click();
    h.run_steps(2);
    h.get_by_label("Search").type_text("calf");
    h.run_steps(2);
    assert_eq!(h.state().state.query, "calf");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().state.play.is_some(), "the session plays on");
    assert_eq!(h.state().state.query, "", "the search is cleared");
    // With nothing being typed, Escape stops the session as before.
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().state.play.is_none(), "stopped");
}
