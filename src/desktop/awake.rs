//! Keeps the screen awake while a session plays: the desktop's screen-saver inhibit, asked
//! for over the session bus (org.freedesktop.ScreenSaver, or the desktop portal's Inhibit
//! where only that is offered) and released on pause, stop and quit. The calls go from a
//! thread of their own, so a slow bus never holds up a frame.

#[cfg(target_os = "linux")]
use crate::logging::LogErr;
use std::collections::HashMap;
use std::sync::mpsc;
use std::thread;

#[cfg(target_os = "linux")]
use zbus::blocking::Connection;
#[cfg(target_os = "linux")]
use zbus::zvariant::{OwnedObjectPath, Value};

const SCREEN_SAVER: &str = "org.freedesktop.ScreenSaver";
const SCREEN_SAVER_PATH: &str = "/org/freedesktop/ScreenSaver";
const PORTAL: &str = "org.freedesktop.portal.Desktop";
const PORTAL_PATH: &str = "/org/freedesktop/portal/desktop";
/// The portal's flag for "do not go idle".
const PORTAL_IDLE: u32 = 8;
const REASON: &str = "A self-massage session is playing";

#[cfg(target_os = "linux")]
/// What is held while the screen is kept awake.
enum Held {
    Cookie(u32),
    Request(OwnedObjectPath),
}

/// Keeps the screen awake on request.
#[derive(Debug)]
pub struct Awake {
    orders: mpsc::Sender<bool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Awake {
    /// Talks to the bus at `address`, or the session's bus; `report` hears, once, why the
    /// screen cannot be kept awake.
    pub fn start(address: Option<String>, report: impl Fn(String) + Send + 'static) -> Awake {
        let (orders, wanted) = mpsc::channel::<bool>();
        let thread = thread::Builder::new()
            .name("knotmap screen awake".to_owned())
            .spawn(move || serve(address.as_deref(), &wanted, &report))
            .ok();
        Awake { orders, thread }
    }

    /// Keeps the screen awake (`true`) or lets it sleep again (`false`).
    pub fn keep(&self, awake: bool) {
        // The thread ends only when this is dropped, or in a panic, logged already.
        self.orders.send(awake).log_err("keeping the screen awake");
    }
}

impl Drop for Awake {
    fn drop(&mut self) {
        // Closing the channel has the thread release what it holds and end. It is not waited
        // for: a bus that hangs must not hold up quitting, and the desktop releases an inhibit
        // by itself when the connection that asked for it closes.
        let (closed, _) = mpsc::channel();
        drop(std::mem::replace(&mut self.orders, closed));
        drop(self.thread.take());
    }
}

#[cfg(target_os = "linux")]
fn connect(address: Option<&str>) -> zbus::Result<Connection> {
    match address {
        Some(a) => zbus::blocking::connection::Builder::address(a)?.build(),
        None => Connection::session(),
    }
}

#[cfg(target_os = "linux")]
fn inhibit(bus: &Connection) -> Result<Held, String> {
    let first = match bus.call_method(
        Some(SCREEN_SAVER),
        SCREEN_SAVER_PATH,
        Some(SCREEN_SAVER),
        "Inhibit",
        &("knotmap", REASON),
    ) {
        Ok(reply) => {
            return reply
                .body()
                .deserialize::<u32>()
                .map(Held::Cookie)
                .map_err(|e| e.to_string());
        }
        Err(e) => e,
    };
    let options: HashMap<&str, Value<'_>> = HashMap::from([("reason", Value::from(REASON))]);
    bus.call_method(
        Some(PORTAL),
        PORTAL_PATH,
        Some("org.freedesktop.portal.Inhibit"),
        "Inhibit",
        &("", PORTAL_IDLE, options),
    )
    .and_then(|reply| reply.body().deserialize::<OwnedObjectPath>())
    .map(Held::Request)
    .map_err(|_| format!("neither the screen saver nor the desktop portal answers ({first})"))
}

#[cfg(target_os = "linux")]
fn release(bus: &Connection, held: Held) -> zbus::Result<()> {
    match held {
        Held::Cookie(cookie) => bus
            .call_method(
                Some(SCREEN_SAVER),
                SCREEN_SAVER_PATH,
                Some(SCREEN_SAVER),
                "UnInhibit",
                &(cookie,),
            )
            .map(drop),
        Held::Request(path) => bus
            .call_method(
                Some(PORTAL),
                path.as_str(),
                Some("org.freedesktop.portal.Request"),
                "Close",
                &(),
            )
            .map(drop),
    }
}

#[cfg(target_os = "linux")]
fn serve(address: Option<&str>, wanted: &mpsc::Receiver<bool>, report: &dyn Fn(String)) {
    let mut bus: Option<Connection> = None;
    let mut held: Option<Held> = None;
    let mut reported = false;
    let mut say = |why: String| {
        if !std::mem::replace(&mut reported, true) {
            report(format!(
                "The screen may go to sleep during the session: {why}."
            ));
        }
    };
    for awake in wanted {
        match (awake, held.is_some()) {
            (true, false) => {
                if bus.is_none() {
                    match connect(address) {
                        Ok(b) => bus = Some(b),
                        Err(_) => {
                            say("there is no session bus to ask".to_owned());
                            continue;
                        }
                    }
                }
                if let Some(b) = &bus {
                    match inhibit(b) {
                        Ok(h) => held = Some(h),
                        Err(why) => say(why),
                    }
                }
            }
            (false, true) => {
                if let (Some(b), Some(h)) = (&bus, held.take()) {
                    release(b, h).log_err("letting the screen sleep again");
                }
            }
            _ => {}
        }
    }
    if let (Some(b), Some(h)) = (&bus, held.take()) {
        release(b, h).log_err("letting the screen sleep again");
    }
}

#[cfg(not(target_os = "linux"))]
fn serve(_address: Option<&str>, wanted: &mpsc::Receiver<bool>, report: &dyn Fn(String)) {
    if wanted.recv() == Ok(true) {
        report("The screen may go to sleep during the session: knotmap keeps it awake only on Linux desktops.".to_owned());
    }
    for _ in wanted {}
}
