//! The cues' sound, played through the sound server's own command-line player, as printing
//! goes through `lp`: `pacat` speaks to PulseAudio and to PipeWire's PulseAudio service,
//! `pw-cat` to PipeWire, `aplay` to ALSA. knotmap links no sound library, so it builds with no
//! system packages; the player is found when a session starts, and a missing one is said once.

use crate::logging::LogErr;
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use crate::player::chimes::RATE;

/// A command-line player of raw 16-bit mono samples on its standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SoundProgram {
    pub program: OsString,
    pub args: Vec<String>,
}

impl SoundProgram {
    /// The players tried in turn: PulseAudio's (which PipeWire also answers), PipeWire's, ALSA's.
    pub fn usual() -> Vec<SoundProgram> {
        let rate = RATE.to_string();
        let program = |name: &str, args: &[&str]| SoundProgram {
            program: name.into(),
            args: args.iter().map(|a| (*a).to_owned()).collect(),
        };
        vec![
            program(
                "pacat",
                &[
                    "--playback",
                    "--raw",
                    "--format=s16le",
                    &format!("--rate={rate}"),
                    "--channels=1",
                    // A short buffer: a cue is heard within a few tens of milliseconds.
                    "--latency-msec=20",
                    "--client-name=knotmap",
                    "--stream-name=Session cues",
                    "--property=media.role=event",
                ],
            ),
            program(
                "pw-cat",
                &[
                    "--playback",
                    // Raw samples on standard input, not a sound file.
                    "--raw",
                    "--format=s16",
                    "--rate",
                    &rate,
                    "--channels=1",
                    "--latency=20ms",
                    "-",
                ],
            ),
            program(
                "aplay",
                &[
                    "-q",
                    "-t",
                    "raw",
                    "-f",
                    "S16_LE",
                    "-r",
                    &rate,
                    "-c",
                    "1",
                    "--buffer-time=60000",
                    "-",
                ],
            ),
        ]
    }

    fn name(&self) -> String {
        self.program.to_string_lossy().into_owned()
    }
}

/// How long a player that cannot reach its sound server takes to give up, at most.
const SETTLE: Duration = Duration::from_millis(250);

/// A running player, fed by a thread of its own so a long sound never holds up the next cue.
pub struct SoundOut {
    child: Child,
    feed: mpsc::Sender<(Instant, Vec<u8>)>,
    /// Why the feed stopped, when the player went away.
    failed: mpsc::Receiver<String>,
    /// The last line the player wrote on its error output, kept by a thread that reads it
    /// all (a player that says much, such as aplay's underrun notes, would otherwise block).
    last_said: Arc<Mutex<String>>,
    pub name: String,
}

/// A sound that waited this long behind others (skips in quick succession) is dropped
/// rather than played out of step.
const STALE: Duration = Duration::from_millis(300);

impl std::fmt::Debug for SoundOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SoundOut")
            .field("name", &self.name)
            .finish()
    }
}

/// Everything the player printed on its error output, in one line.
fn said(child: &mut Child) -> String {
    let mut text = String::new();
    if let Some(mut err) = child.stderr.take() {
        // What could be read is enough: the message is only a reason shown beside the name.
        err.read_to_string(&mut text)
            .log_err("the player's error output");
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl SoundOut {
    /// Starts the first of the players that is installed and stays up, with these variables
    /// added to its environment; or says why none could play.
    pub fn start(
        programs: &[SoundProgram],
        env: &[(OsString, OsString)],
    ) -> Result<SoundOut, String> {
        let mut reasons = Vec::new();
        for p in programs {
            let spawned = Command::new(&p.program)
                .args(&p.args)
                .envs(env.iter().map(|(k, v)| (k, v)))
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn();
            let mut child = match spawned {
                Ok(child) => child,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => {
                    reasons.push(format!("{} could not start: {e}", p.name()));
                    continue;
                }
            };
            // A player that cannot reach its server says so and stops at once.
            let until = Instant::now() + SETTLE;
            let mut gone = None;
            while Instant::now() < until {
                if let Ok(Some(status)) = child.try_wait() {
                    gone = Some(status);
                    break;
                }
                thread::sleep(Duration::from_millis(10));
            }
            if let Some(status) = gone {
                let why = said(&mut child);
                reasons.push(if why.is_empty() {
                    format!("{} stopped ({status})", p.name())
                } else {
                    format!("{}: {why}", p.name())
                });
                continue;
            }
            let Some(stdin) = child.stdin.take() else {
                child.kill().log_err("stopping a player with no input");
                continue;
            };
            let last_said = Arc::new(Mutex::new(String::new()));
            if let Some(err) = child.stderr.take() {
                let keep = last_said.clone();
                // Without this thread the player's last message is not kept: a reason is then
                // shown without the player's own words.
                thread::Builder::new()
                    .name(format!("knotmap {} errors", p.name()))
                    .spawn(move || {
                        for line in BufReader::new(err).lines().map_while(Result::ok) {
                            if let Ok(mut last) = keep.lock()
                                && !line.trim().is_empty()
                            {
                                *last = line.trim().to_owned();
                            }
                        }
                    })
                    .log_err("a thread for the player's messages");
            }
            let (feed, failed) = feeder(stdin, &p.name());
            return Ok(SoundOut {
                child,
                feed,
                failed,
                last_said,
                name: p.name(),
            });
        }
        Err(if reasons.is_empty() {
            let names: Vec<String> = programs.iter().map(SoundProgram::name).collect();
            format!("none of {} is installed", words_or(&names))
        } else {
            reasons.join("; ")
        })
    }

    /// Plays samples; says why not when the player has gone away.
    pub fn play(&mut self, samples: &[i16]) -> Result<(), String> {
        if let Ok(why) = self.failed.try_recv() {
            return Err(self.gone(&why));
        }
        let bytes: Vec<u8> = samples.iter().flat_map(|s| s.to_le_bytes()).collect();
        if self.feed.send((Instant::now(), bytes)).is_err() {
            return Err(self.gone("it stopped"));
        }
        Ok(())
    }

    fn gone(&mut self, why: &str) -> String {
        // The player has usually exited already, and then kill says so; wait reaps it.
        self.child.kill().ok();
        self.child.wait().log_err("waiting for the player to end");
        let said = self.last_said.lock().map(|s| s.clone()).unwrap_or_default();
        if said.is_empty() {
            format!("{} stopped playing: {why}", self.name)
        } else {
            format!("{}: {said}", self.name)
        }
    }
}

impl Drop for SoundOut {
    fn drop(&mut self) {
        // As in `gone`: a player that exited by itself cannot be killed, only reaped.
        self.child.kill().ok();
        self.child.wait().log_err("waiting for the player to end");
    }
}

/// Writes what it is sent to the player's input, one sound after another.
fn feeder(
    mut stdin: ChildStdin,
    name: &str,
) -> (mpsc::Sender<(Instant, Vec<u8>)>, mpsc::Receiver<String>) {
    let (feed, sounds) = mpsc::channel::<(Instant, Vec<u8>)>();
    let (report, failed) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name(format!("knotmap {name}"))
        .spawn(move || {
            for (sent, bytes) in sounds {
                if sent.elapsed() > STALE {
                    continue;
                }
                if let Err(e) = stdin.write_all(&bytes).and_then(|()| stdin.flush()) {
                    // With the receiver gone, no one plays through this player any more.
                    report.send(e.to_string()).ok();
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        let (dead, _) = mpsc::channel();
        let (report, failed) = mpsc::channel();
        // `failed` is returned below, so the receiver is alive: the send cannot fail.
        report.send(format!("no thread to feed it: {e}")).ok();
        return (dead, failed);
    }
    (feed, failed)
}

/// "a, b or c".
fn words_or(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_player_is_named() {
        let programs = [SoundProgram {
            program: "knotmap-no-such-player".into(),
            args: Vec::new(),
        }];
        let err = SoundOut::start(&programs, &[]).expect_err("not installed");
        assert_eq!(err, "none of knotmap-no-such-player is installed");
    }

    #[test]
    fn a_player_that_gives_up_says_why() {
        let programs = [SoundProgram {
            program: "sh".into(),
            args: vec!["-c".into(), "echo 'Connection refused' >&2; exit 1".into()],
        }];
        let err = SoundOut::start(&programs, &[]).expect_err("gives up");
        assert_eq!(err, "sh: Connection refused");
    }

    #[test]
    fn samples_reach_the_player_in_order() {
        let dir = tempfile::tempdir().expect("dir");
        let out = dir.path().join("heard.raw");
        let programs = [SoundProgram {
            program: "sh".into(),
            args: vec!["-c".into(), format!("cat > '{}'", out.display())],
        }];
        let mut sound = SoundOut::start(&programs, &[]).expect("starts");
        sound.play(&[1, -2]).expect("plays");
        sound.play(&[3]).expect("plays");
        drop(sound.feed.clone());
        let until = Instant::now() + Duration::from_secs(5);
        while std::fs::metadata(&out).map_or(0, |m| m.len()) < 6 && Instant::now() < until {
            thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(std::fs::read(&out).expect("read"), [1, 0, 0xFE, 0xFF, 3, 0]);
    }
}
