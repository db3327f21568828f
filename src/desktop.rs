//! What the player asks of the desktop: a sound program for the cues, the speech service for
//! the voice, and the screen kept awake. Each is found when a session starts, so knotmap
//! builds and runs with none of them; one that is missing is said once and the session plays
//! on.

pub mod awake;
pub mod cues;
pub mod sound;
pub mod speech;

use std::ffi::OsString;
use std::path::PathBuf;

pub use sound::SoundProgram;

/// Where the desktop's services are; the defaults are the user's own session, tests give
/// private ones.
#[derive(Clone, Debug)]
pub struct Services {
    /// The sound players tried in turn.
    pub sound_programs: Vec<SoundProgram>,
    /// Variables added to the sound player's environment (such as `PULSE_SERVER`).
    pub sound_env: Vec<(OsString, OsString)>,
    /// The speech service's socket.
    pub speech_socket: Option<PathBuf>,
    /// The D-Bus address for the screen-saver inhibit; `None` for the session bus.
    pub session_bus: Option<String>,
}

impl Default for Services {
    fn default() -> Self {
        Services {
            sound_programs: SoundProgram::usual(),
            sound_env: Vec::new(),
            speech_socket: speech::usual_socket(),
            session_bus: None,
        }
    }
}
