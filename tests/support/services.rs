//! Private desktop services for the player's tests: a PulseAudio server with a null sink
//! whose monitor is recorded, Speech Dispatcher speaking into it with espeak-ng, and a D-Bus
//! session bus. Each runs in a folder of the test's own and goes when the test ends. Where a
//! program is missing the test is skipped and says so; under CI nothing may be skipped.
#![allow(dead_code)] // each test file uses the helpers it needs

use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Whether the programs `what` needs are all installed; prints why not when one is missing.
pub fn have(what: &str, programs: &[&str]) -> bool {
    let missing: Vec<&str> = programs
        .iter()
        .copied()
        .filter(|p| {
            Command::new("sh")
                .args(["-c", &format!("command -v {p}")])
                .stdout(Stdio::null())
                .status()
                .map_or(true, |s| !s.success())
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(
        !ci,
        "under CI every check runs, but {what} needs {missing:?}"
    );
    writeln!(
        std::io::stderr(),
        "skipped: {what}: {} not installed; on Debian or Ubuntu, `apt-get install pulseaudio \
         pulseaudio-utils speech-dispatcher speech-dispatcher-espeak-ng dbus` brings them",
        missing.join(", ")
    )
    .ok();
    false
}

/// A child process that is killed when dropped.
pub struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(15);
    while !ready() {
        assert!(Instant::now() < until, "{what} did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A PulseAudio server of the test's own, with one null sink as its default.
pub struct Pulse {
    pub server: String,
    _daemon: Daemon,
}

impl Pulse {
    pub fn start(dir: &Path) -> Pulse {
        let socket = dir.join("pulse-native");
        let config = dir.join("pulse.pa");
        std::fs::write(
            &config,
            format!(
                "load-module module-native-protocol-unix auth-anonymous=1 socket={}\n\
                 load-module module-null-sink sink_name=floor rate=48000 channels=1\n\
                 set-default-sink floor\n",
                socket.display()
            ),
        )
        .expect("pulse config");
        let home = dir.join("pulse-home");
        std::fs::create_dir_all(&home).expect("pulse home");
        let child = Command::new("pulseaudio")
            .args([
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
            ])
            .arg("--log-target=stderr")
            .arg("-F")
            .arg(&config)
            .env("HOME", &home)
            .env("XDG_RUNTIME_DIR", &home)
            .env("XDG_CONFIG_HOME", &home)
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pulseaudio starts");
        let daemon = Daemon(child);
        let server = format!("unix:{}", socket.display());
        wait_for("the sound server", || {
            Command::new("pactl")
                .args(["--server", &server, "info"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
        Pulse {
            server,
            _daemon: daemon,
        }
    }
}

/// Samples heard on a sink's monitor, with the moment each read arrived.
pub struct Recording {
    pub rate: u32,
    samples: Arc<Mutex<Vec<i16>>>,
    /// (when a read arrived, samples heard by then)
    arrivals: Arc<Mutex<Vec<(Instant, usize)>>>,
    _daemon: Daemon,
}

impl Recording {
    /// Records the default sink's monitor of this server, from the moment it returns.
    pub fn start(pulse: &Pulse) -> Recording {
        let rate = 16_000;
        let mut child = Command::new("parec")
            .args(["--server", &pulse.server, "-d", "floor.monitor"])
            .args(["--raw", "--format=s16le", "--channels=1"])
            .arg(format!("--rate={rate}"))
            .arg("--latency-msec=10")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("parec starts");
        let mut out = child.stdout.take().expect("parec's output");
        let samples = Arc::new(Mutex::new(Vec::new()));
        let arrivals = Arc::new(Mutex::new(Vec::new()));
        let (s, a) = (samples.clone(), arrivals.clone());
        std::thread::spawn(move || {
            let mut buf = [0_u8; 4096];
            let mut odd: Option<u8> = None;
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let now = Instant::now();
                let mut bytes: Vec<u8> = odd.take().into_iter().collect();
                bytes.extend_from_slice(&buf[..n]);
                if bytes.len() % 2 == 1 {
                    odd = bytes.pop();
                }
                let mut samples = s.lock().expect("samples");
                samples.extend(bytes.chunks(2).map(|c| i16::from_le_bytes([c[0], c[1]])));
                a.lock().expect("arrivals").push((now, samples.len()));
            }
        });
        let recording = Recording {
            rate,
            samples,
            arrivals,
            _daemon: Daemon(child),
        };
        wait_for("the recording", || {
            recording.samples.lock().is_ok_and(|s| s.len() > 1600)
        });
        recording
    }

    /// The moments sound starts after at least `gap` of quiet: the level of 5 ms windows
    /// rises above `threshold` (of 32767).
    pub fn onsets(&self, threshold: f32, gap: Duration) -> Vec<Instant> {
        let samples = self.samples.lock().expect("samples").clone();
        let arrivals = self.arrivals.lock().expect("arrivals").clone();
        let window = (self.rate / 200) as usize;
        let quiet_windows = (gap.as_secs_f32() * 200.0) as usize;
        let mut quiet = quiet_windows;
        let mut onsets = Vec::new();
        for (i, chunk) in samples.chunks(window).enumerate() {
            let rms = (chunk.iter().map(|s| f32::from(*s).powi(2)).sum::<f32>()
                / chunk.len() as f32)
                .sqrt();
            if rms > threshold {
                if quiet >= quiet_windows {
                    // The first sample over half the threshold, within the window.
                    let first = chunk
                        .iter()
                        .position(|s| f32::from(s.unsigned_abs()) > threshold / 2.0)
                        .unwrap_or(0);
                    onsets.push(self.when(&arrivals, i * window + first));
                }
                quiet = 0;
            } else if rms < threshold / 2.0 {
                quiet += 1;
            }
        }
        onsets
    }

    /// When sample `index` was heard: the arrival of the read that brought it, less the
    /// samples after it in that read.
    fn when(&self, arrivals: &[(Instant, usize)], index: usize) -> Instant {
        let (at, heard) = arrivals
            .iter()
            .find(|(_, heard)| *heard > index)
            .copied()
            .expect("the sample was heard");
        at - Duration::from_secs_f64((heard - index) as f64 / f64::from(self.rate))
    }
}

/// Speech Dispatcher of the test's own, speaking with espeak-ng into this sound server.
pub struct SpeechService {
    pub socket: PathBuf,
    _daemon: Daemon,
}

impl SpeechService {
    pub fn start(dir: &Path, pulse: &Pulse) -> SpeechService {
        let socket = dir.join("speechd.sock");
        let logs = dir.join("speechd-logs");
        std::fs::create_dir_all(&logs).expect("logs");
        let child = Command::new("speech-dispatcher")
            .args(["-s", "-t", "0", "-l", "1", "-c", "unix_socket"])
            .arg("-S")
            .arg(&socket)
            .arg("-L")
            .arg(&logs)
            .arg("-P")
            .arg(dir.join("speechd.pid"))
            .env("PULSE_SERVER", &pulse.server)
            .env("HOME", dir)
            .env("XDG_RUNTIME_DIR", dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("speech-dispatcher starts");
        let daemon = Daemon(child);
        wait_for("the speech service", || socket.exists());
        SpeechService {
            socket,
            _daemon: daemon,
        }
    }
}

/// A D-Bus session bus of the test's own.
pub struct SessionBus {
    pub address: String,
    _daemon: Daemon,
}

impl SessionBus {
    pub fn start(dir: &Path) -> SessionBus {
        let socket = dir.join("bus");
        let address = format!("unix:path={}", socket.display());
        let child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile"])
            .arg(format!("--address={address}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts");
        let daemon = Daemon(child);
        wait_for("the session bus", || socket.exists());
        SessionBus {
            address,
            _daemon: daemon,
        }
    }
}
