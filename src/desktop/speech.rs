//! The voice, through the desktop's speech service (Speech Dispatcher), spoken to over its
//! socket in its own text protocol (SSIP): no library to link, and the service chooses the
//! synthesiser, the voice and the sound output the runner has set up for everything else.
//! The protocol is a few text lines, so knotmap speaks it itself.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Where the speech service listens: `$SPEECHD_ADDRESS` when it names a socket, else the
/// socket in the user's runtime folder (or their cache folder, as the service does without
/// one).
pub fn usual_socket() -> Option<PathBuf> {
    if let Some(address) = std::env::var_os("SPEECHD_ADDRESS") {
        let address = address.to_string_lossy().into_owned();
        if let Some(path) = address.strip_prefix("unix_socket:") {
            return Some(PathBuf::from(path));
        }
    }
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|b| b.cache_dir().to_path_buf()))?;
    Some(runtime.join("speech-dispatcher").join("speechd.sock"))
}

/// A conversation with the speech service.
pub struct Speech {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
}

impl std::fmt::Debug for Speech {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speech").finish_non_exhaustive()
    }
}

/// How long the service may take to answer one line.
const ANSWER: Duration = Duration::from_secs(3);

impl Speech {
    /// Connects to the service at `socket`, starting it first if it is installed and not
    /// running (it starts itself on demand unless the runner turned that off).
    pub fn connect(socket: &std::path::Path) -> Result<Speech, String> {
        let stream = match UnixStream::connect(socket) {
            Ok(s) => s,
            Err(first) => {
                let spawned = Command::new("speech-dispatcher")
                    .arg("--spawn")
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
                match spawned {
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        return Err("Speech Dispatcher is not installed".to_owned());
                    }
                    Err(e) => return Err(format!("Speech Dispatcher could not start: {e}")),
                    Ok(_) => {}
                }
                let until = Instant::now() + Duration::from_secs(3);
                loop {
                    match UnixStream::connect(socket) {
                        Ok(s) => break s,
                        Err(_) if Instant::now() < until => {
                            std::thread::sleep(Duration::from_millis(50));
                        }
                        Err(_) => {
                            return Err(format!(
                                "Speech Dispatcher does not answer at {}: {first}",
                                socket.display()
                            ));
                        }
                    }
                }
            }
        };
        stream
            .set_read_timeout(Some(ANSWER))
            .map_err(|e| e.to_string())?;
        let writer = stream.try_clone().map_err(|e| e.to_string())?;
        let mut speech = Speech {
            reader: BufReader::new(stream),
            writer,
        };
        let user = std::env::var("USER").unwrap_or_else(|_| "user".to_owned());
        let user: String = user.chars().filter(char::is_ascii_alphanumeric).collect();
        speech.ask(&format!("SET self CLIENT_NAME {user}:knotmap:player"))?;
        // Text priority: a new cue cuts the one still being said, never queues behind it.
        speech.ask("SET self PRIORITY text")?;
        Ok(speech)
    }

    /// Sends one line and reads the answer to its end; an answer in the 300s and up is an
    /// error, named by the service's own words.
    fn ask(&mut self, line: &str) -> Result<String, String> {
        self.writer
            .write_all(format!("{line}\r\n").as_bytes())
            .map_err(|e| format!("the speech service went away: {e}"))?;
        self.answer()
    }

    fn answer(&mut self) -> Result<String, String> {
        loop {
            let mut reply = String::new();
            match self.reader.read_line(&mut reply) {
                Ok(0) => return Err("the speech service closed the connection".to_owned()),
                Ok(_) => {}
                Err(e) => return Err(format!("the speech service does not answer: {e}")),
            }
            let reply = reply.trim_end();
            // "225-17" continues, "225 OK MESSAGE QUEUED" ends.
            if reply.as_bytes().get(3) == Some(&b'-') {
                continue;
            }
            return match reply.get(..1) {
                Some("1" | "2") => Ok(reply.to_owned()),
                _ => Err(format!("the speech service says “{reply}”")),
            };
        }
    }

    /// The voice's volume from 0 to 100 (the service counts from −100 to 100).
    pub fn set_volume(&mut self, volume: u8) -> Result<(), String> {
        let level = i32::from(volume.min(100)) * 2 - 100;
        self.ask(&format!("SET self VOLUME {level}")).map(drop)
    }

    /// Says the words, cutting short whatever knotmap was still saying.
    pub fn say(&mut self, words: &str) -> Result<(), String> {
        self.ask("SPEAK")?;
        let mut text = String::new();
        for line in words.lines() {
            // A line that starts with a dot is doubled, as the protocol asks; a lone dot
            // would end the message.
            if line.starts_with('.') {
                text.push('.');
            }
            text.push_str(line);
            text.push_str("\r\n");
        }
        text.push_str(".\r\n");
        self.writer
            .write_all(text.as_bytes())
            .map_err(|e| format!("the speech service went away: {e}"))?;
        self.answer().map(drop)
    }

    /// Stops what knotmap is saying.
    pub fn hush(&mut self) -> Result<(), String> {
        self.ask("CANCEL self").map(drop)
    }
}

impl Drop for Speech {
    fn drop(&mut self) {
        // The service ends the connection by itself when the socket closes; QUIT only says so
        // politely, and a service that has gone needs no goodbye.
        self.writer.write_all(b"QUIT\r\n").ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::net::UnixListener;

    /// A stand-in service that answers as Speech Dispatcher does and keeps what it heard.
    fn service(socket: &std::path::Path) -> std::thread::JoinHandle<Vec<String>> {
        let listener = UnixListener::bind(socket).expect("bind");
        std::thread::spawn(move || {
            let (stream, _) = listener.accept().expect("accept");
            let mut out = stream.try_clone().expect("clone");
            let mut heard = Vec::new();
            let mut in_text = false;
            for line in BufReader::new(stream).lines() {
                let line = line.expect("line");
                heard.push(line.clone());
                let reply = if in_text {
                    if line == "." {
                        in_text = false;
                        "225-1\r\n225 OK MESSAGE QUEUED\r\n"
                    } else {
                        continue;
                    }
                } else if line == "SPEAK" {
                    in_text = true;
                    "230 OK RECEIVING DATA\r\n"
                } else if line == "QUIT" {
                    break;
                } else if line.starts_with("SET self VOLUME 1") {
                    "410 ERR PARAMETER\r\n"
                } else {
                    "208 OK\r\n"
                };
                out.write_all(reply.as_bytes()).expect("reply");
            }
            heard
        })
    }

    #[test]
    fn words_go_to_the_service_as_its_protocol_asks() {
        let dir = tempfile::tempdir().expect("dir");
        let socket = dir.path().join("speechd.sock");
        let heard = service(&socket);
        let mut speech = Speech::connect(&socket).expect("connects");
        speech.set_volume(80).expect("volume");
        speech.say("Left calf.\n.5 more").expect("says");
        speech.hush().expect("hush");
        let err = speech.set_volume(100).expect_err("refused");
        assert_eq!(err, "the speech service says “410 ERR PARAMETER”");
        drop(speech);
        let heard = heard.join().expect("service");
        assert_eq!(
            heard,
            [
                "SET self CLIENT_NAME root:knotmap:player",
                "SET self PRIORITY text",
                "SET self VOLUME 60",
                "SPEAK",
                "Left calf.",
                "..5 more",
                ".",
                "CANCEL self",
                "SET self VOLUME 100",
                "QUIT",
            ]
            .map(|s| s.replace("root", &whoami()))
        );
    }

    fn whoami() -> String {
        std::env::var("USER")
            .unwrap_or_else(|_| "user".to_owned())
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect()
    }
}
