//! The thread that plays the player's cues on time: the window hands it the session's
//! schedule whenever the session starts, pauses, skips or goes back, and it sleeps until each
//! cue is due, so a cue never waits for a repaint.

use crate::logging::LogErr;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use super::Services;
use super::sound::SoundOut;
use super::speech::Speech;
use crate::player::chimes;
use crate::player::cues::{Cue, Sound};
use crate::settings::CueSettings;

/// What the window asks of the cue thread.
#[derive(Clone, Debug)]
pub enum Order {
    /// Plays these cues at these moments, in place of any planned before.
    Plan(Vec<(Instant, Cue)>),
    /// Nothing more is due for now (the session paused): the voice stops mid-sentence.
    Hush,
    /// The session closed: nothing more is due, and the sound player is let go.
    Close,
    /// Sound and voice turned on or off, or their volumes changed.
    Settings(CueSettings),
}

/// A cue later than this (the computer slept, say) is dropped rather than played late.
const STALE: Duration = Duration::from_millis(500);

/// Plays cues from a thread of its own.
#[derive(Debug)]
pub struct CueOut {
    orders: mpsc::Sender<Order>,
    thread: Option<thread::JoinHandle<()>>,
}

impl CueOut {
    /// Starts the thread. `report` hears, once each, why there is no sound or no voice.
    pub fn start(
        services: Services,
        settings: CueSettings,
        report: impl Fn(String) + Send + Clone + 'static,
    ) -> CueOut {
        let (orders, incoming) = mpsc::channel();
        let thread = thread::Builder::new()
            .name("knotmap cues".to_owned())
            .spawn(move || Cues::new(services, settings, report).run(&incoming))
            .ok();
        CueOut { orders, thread }
    }

    pub fn send(&self, order: Order) {
        // The thread ends only on Close or a panic; a panic has been logged already.
        self.orders.send(order).log_err("a cue for the session");
    }
}

impl Drop for CueOut {
    fn drop(&mut self) {
        // A thread that has ended already has nothing to close.
        self.orders.send(Order::Close).ok();
        let (closed, _) = mpsc::channel();
        drop(std::mem::replace(&mut self.orders, closed));
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            log::warn!("the cue thread ended in a panic");
        }
    }
}

/// What the voice's thread is asked.
enum Say {
    Words(String),
    Hush,
    Volume(u8),
}

struct Cues<R> {
    services: Services,
    settings: CueSettings,
    report: R,
    plan: Vec<(Instant, Cue)>,
    /// Index of the next cue due in `plan`.
    next: usize,
    sound: Option<SoundOut>,
    /// Each sound rendered at the current volume.
    rendered: HashMap<Sound, Vec<i16>>,
    voice: Option<mpsc::Sender<Say>>,
    /// Whether the sound or the voice failed in this session; each is tried again in the next.
    sound_failed: bool,
    voice_failed: bool,
    /// Whether the runner was told there is no sound, or no voice: once while the window is open.
    sound_reported: bool,
    voice_reported: Arc<AtomicBool>,
}

impl<R: Fn(String) + Send + Clone + 'static> Cues<R> {
    fn new(services: Services, settings: CueSettings, report: R) -> Self {
        Cues {
            services,
            settings,
            report,
            plan: Vec::new(),
            next: 0,
            sound: None,
            rendered: HashMap::new(),
            voice: None,
            sound_failed: false,
            voice_failed: false,
            sound_reported: false,
            voice_reported: Arc::new(AtomicBool::new(false)),
        }
    }

    fn run(mut self, incoming: &mpsc::Receiver<Order>) {
        loop {
            let order = match self.plan.get(self.next) {
                Some((at, _)) => {
                    let wait = at.saturating_duration_since(Instant::now());
                    match incoming.recv_timeout(wait) {
                        Ok(order) => Some(order),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                None => match incoming.recv() {
                    Ok(order) => Some(order),
                    Err(_) => return,
                },
            };
            match order {
                Some(order) => self.obey(order),
                None => self.play_due(),
            }
        }
    }

    fn obey(&mut self, order: Order) {
        match order {
            Order::Plan(plan) => {
                self.plan = plan;
                self.next = 0;
                self.ready();
                // A cue planned for this very moment (a skip lands on the start of a part)
                // plays now rather than after the next order.
                self.play_due();
            }
            Order::Hush => {
                self.plan.clear();
                self.say(Say::Hush);
            }
            Order::Close => {
                self.plan.clear();
                self.say(Say::Hush);
                self.sound = None;
                self.sound_failed = false;
                self.voice_failed = false;
            }
            Order::Settings(settings) => {
                if settings.sound_volume != self.settings.sound_volume {
                    self.rendered.clear();
                }
                if !settings.voice {
                    self.say(Say::Hush);
                }
                if settings.voice_volume != self.settings.voice_volume {
                    self.say(Say::Volume(settings.voice_volume));
                }
                self.settings = settings;
                if !settings.sound {
                    self.sound = None;
                }
                if !self.plan.is_empty() {
                    self.ready();
                }
            }
        }
    }

    /// Starts the sound player and the voice, if they are wanted and not yet running.
    fn ready(&mut self) {
        if self.settings.sound && self.sound.is_none() && !self.sound_failed {
            match SoundOut::start(&self.services.sound_programs, &self.services.sound_env) {
                Ok(sound) => self.sound = Some(sound),
                Err(why) => self.no_sound(&why),
            }
        }
        if self.settings.voice && self.voice.is_none() && !self.voice_failed {
            let reported = self.voice_reported.clone();
            let report = self.report.clone();
            let once = move |why: String| {
                if !reported.swap(true, Ordering::Relaxed) {
                    report(why);
                }
            };
            match self.services.speech_socket.clone() {
                Some(socket) => {
                    self.voice = voice_thread(socket, self.settings.voice_volume, once);
                }
                None => {
                    self.voice_failed = true;
                    once("No spoken cues: there is no folder for the speech service's socket. The session plays on without them.".to_owned());
                }
            }
        }
    }

    fn no_sound(&mut self, why: &str) {
        self.sound = None;
        self.sound_failed = true;
        if !std::mem::replace(&mut self.sound_reported, true) {
            (self.report)(format!(
                "No sound cues: {why}. The session plays on without them."
            ));
        }
    }

    fn say(&mut self, what: Say) {
        if let Some(voice) = &self.voice
            && voice.send(what).is_err()
        {
            self.voice = None;
            self.voice_failed = true;
        }
    }

    fn play_due(&mut self) {
        let now = Instant::now();
        while let Some((at, cue)) = self.plan.get(self.next) {
            if *at > now {
                break;
            }
            let cue = cue.clone();
            self.next += 1;
            if now.duration_since(*at) > STALE {
                continue;
            }
            if let Some(sound) = cue.sound.filter(|_| self.settings.sound) {
                let volume = self.settings.sound_gain();
                let samples = self
                    .rendered
                    .entry(sound)
                    .or_insert_with(|| chimes::samples(sound, volume));
                if let Some(out) = &mut self.sound
                    && let Err(why) = out.play(samples)
                {
                    self.no_sound(&why);
                }
            }
            if let Some(words) = cue.words.filter(|_| self.settings.voice) {
                self.say(Say::Words(words));
            }
        }
    }
}

/// The voice's own thread: connecting to the speech service can take a moment (it may have
/// to start), and the sounds must not wait for it.
fn voice_thread(
    socket: std::path::PathBuf,
    volume: u8,
    report: impl Fn(String) + Send + 'static,
) -> Option<mpsc::Sender<Say>> {
    let (tx, rx) = mpsc::channel::<Say>();
    let spawned = thread::Builder::new()
        .name("knotmap voice".to_owned())
        .spawn(move || {
            let no_voice = |why: String| {
                report(format!(
                    "No spoken cues: {why}. The session plays on without them."
                ));
            };
            let mut speech = match Speech::connect(&socket).and_then(|mut s| {
                s.set_volume(volume)?;
                Ok(s)
            }) {
                Ok(s) => s,
                Err(why) => return no_voice(why),
            };
            for what in rx {
                let done = match what {
                    Say::Words(words) => speech.say(&words),
                    Say::Hush => speech.hush(),
                    Say::Volume(v) => speech.set_volume(v),
                };
                if let Err(why) = done {
                    return no_voice(why);
                }
            }
        });
    spawned.ok().map(|_| tx)
}
