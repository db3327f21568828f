//! What knotmap remembers between runs: the views, the theme, recent files, the routine that
//! was open, the paper, the tools owned, the window's size. Kept as RON in the config folder,
//! read with a size limit and written atomically like every other file; a settings file that
//! cannot be read is kept aside and named, never silently replaced.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::ron_file::{RonProblem, read_ron};
use crate::storage::{self, Folders, StorageError};

/// The settings file's format version. A file with a larger number comes from a newer
/// knotmap: its values are used, and it is never rewritten by this one.
pub const SETTINGS_FORMAT: u32 = 1;

/// Settings files larger than this are refused.
pub const MAX_SETTINGS_BYTES: u64 = 256 * 1024;

/// How many recent files are remembered.
pub const RECENT: usize = 8;

/// Which figures the map shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewMode {
    #[default]
    Both,
    Front,
    Back,
}

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// The window's size when knotmap last closed, in points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowSize {
    pub width: f32,
    pub height: f32,
    pub maximized: bool,
}

/// The player's sound and voice: each on or off, with a volume from 0 to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CueSettings {
    pub sound: bool,
    pub sound_volume: u8,
    pub voice: bool,
    pub voice_volume: u8,
}

impl Default for CueSettings {
    fn default() -> Self {
        CueSettings {
            sound: true,
            sound_volume: 70,
            voice: true,
            voice_volume: 80,
        }
    }
}

impl CueSettings {
    /// The sound's volume from 0 to 1.
    pub fn sound_gain(self) -> f32 {
        f32::from(self.sound_volume.min(100)) / 100.0
    }
}

/// What is remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub format: u32,
    pub view_mode: ViewMode,
    /// The body the map and the sheet show.
    pub figure: crate::body::Figure,
    pub theme: ThemeChoice,
    /// Recently opened or saved routines, newest first.
    pub recent: Vec<PathBuf>,
    /// The routine file that was open when knotmap last closed; it opens again at start.
    pub open: Option<PathBuf>,
    /// Paper for the session sheet.
    pub paper: crate::sheet::Paper,
    /// Whether the sheet adds the cautions in full on a page of their own.
    pub sheet_details: bool,
    /// Whether the map shows recent tightness instead of the stride colours.
    pub heat: bool,
    /// The tools the runner owns; `None` until they say (then every tool counts as owned).
    pub owned_tools: Option<std::collections::BTreeSet<crate::catalog::ToolId>>,
    pub window: Option<WindowSize>,
    /// The player's sound and voice.
    pub cues: CueSettings,
    /// Whether the runner has read when not to roll, shown on the welcome panel until then.
    pub red_flags_read: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            format: SETTINGS_FORMAT,
            view_mode: ViewMode::default(),
            figure: crate::body::Figure::default(),
            theme: ThemeChoice::default(),
            recent: Vec::new(),
            open: None,
            paper: crate::sheet::Paper::default(),
            sheet_details: false,
            heat: false,
            owned_tools: None,
            window: None,
            cues: CueSettings::default(),
            red_flags_read: false,
        }
    }
}

/// The settings as read at start, and what the runner should be told about them.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedSettings {
    pub settings: Settings,
    /// Something worth saying: the file could not be read and was kept aside.
    pub notice: Option<String>,
    /// Whether the file may be written: not when it comes from a newer knotmap, nor when an
    /// unreadable file could not be moved out of the way.
    pub writable: bool,
}

/// The settings text could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct SettingsError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Why the settings file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SettingsReadError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("{}: this is not UTF-8 text", .0.display())]
    NotText(std::path::PathBuf),
    #[error(transparent)]
    Settings(#[from] SettingsError),
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(16)
}

impl Settings {
    /// Reads settings from the text of a file; `file` names it in messages. A field this
    /// knotmap does not know is an error in its own format (a typo is reported rather than
    /// dropped) and is passed over in a newer one, whose file is then never rewritten.
    pub fn from_text(file: &str, text: &str) -> Result<Settings, SettingsError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let at = |p: RonProblem| SettingsError {
            file: file.to_owned(),
            line: p.line,
            column: p.column,
            message: p.message,
        };
        let read = read_ron::<Settings>(text).map_err(at)?;
        let settings = read.value;
        if let Some(unknown) = read.unknown.filter(|_| !settings.is_newer()) {
            return Err(at(RonProblem {
                message: format!("there is no setting `{}`", unknown.message),
                ..unknown
            }));
        }
        if let Some(w) = settings.window
            && !(w.width.is_finite() && w.height.is_finite() && w.width > 0.0 && w.height > 0.0)
        {
            let (line, column) = crate::ron_file::find_field(text, "window").unwrap_or((1, 1));
            return Err(at(RonProblem {
                line,
                column,
                message: "the window's width and height are positive numbers".to_owned(),
            }));
        }
        for (field, volume) in [
            ("sound_volume", settings.cues.sound_volume),
            ("voice_volume", settings.cues.voice_volume),
        ] {
            if volume > 100 {
                let (line, column) = crate::ron_file::find_field(text, field).unwrap_or((1, 1));
                return Err(at(RonProblem {
                    line,
                    column,
                    message: format!("a volume is from 0 to 100, not {volume}"),
                }));
            }
        }
        Ok(settings)
    }

    /// The settings as knotmap writes them.
    pub fn to_text(&self) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::new().indentor("    ".to_owned());
        ron::ser::to_string_pretty(self, config).map(|text| text + "\n")
    }

    /// Whether this knotmap may write these settings back (not a newer knotmap's).
    pub fn is_newer(&self) -> bool {
        self.format > SETTINGS_FORMAT
    }

    /// Reads the settings file as it is, changing nothing: `Ok(None)` when there is none.
    pub fn read(folders: &Folders) -> Result<Option<Settings>, SettingsReadError> {
        let path = folders.settings_file();
        let Some(bytes) = storage::read_file_if_there(&path, MAX_SETTINGS_BYTES, "settings")?
        else {
            return Ok(None);
        };
        let text =
            std::str::from_utf8(&bytes).map_err(|_| SettingsReadError::NotText(path.clone()))?;
        Ok(Some(Settings::from_text(
            &path.display().to_string(),
            text,
        )?))
    }

    /// Reads the settings of the last run. A missing file gives the defaults (or the
    /// settings earlier versions kept in the data folder); a file that cannot be read is
    /// moved aside, named in the notice, and the defaults are used.
    pub fn load(folders: &Folders) -> LoadedSettings {
        let problem = match Settings::read(folders) {
            Ok(None) => {
                return LoadedSettings {
                    settings: legacy(folders).unwrap_or_default(),
                    notice: None,
                    writable: true,
                };
            }
            Ok(Some(settings)) => {
                return LoadedSettings {
                    writable: !settings.is_newer(),
                    settings,
                    notice: None,
                };
            }
            Err(problem) => problem,
        };
        let path = folders.settings_file();
        if written_by_a_newer_knotmap(&path) {
            // Not this knotmap's to judge, nor to replace.
            return LoadedSettings {
                settings: Settings::default(),
                notice: Some(format!(
                    "Your settings were written by a newer knotmap and cannot be read here \
                     ({problem}). knotmap starts with its own and leaves the file as it is."
                )),
                writable: false,
            };
        }
        let (notice, writable) = match storage::keep_aside(&path) {
            Ok(aside) => (
                format!(
                    "Your settings could not be read ({problem}). They are kept in {} and \
                     knotmap starts with its own.",
                    aside.display()
                ),
                true,
            ),
            Err(e) => (
                format!(
                    "Your settings could not be read ({problem}), nor moved aside ({e}). \
                     knotmap starts with its own and leaves the file as it is."
                ),
                false,
            ),
        };
        LoadedSettings {
            settings: Settings::default(),
            notice: Some(notice),
            writable,
        }
    }

    /// Writes the settings atomically.
    pub fn save(&self, folders: &Folders) -> Result<(), StorageError> {
        let path = folders.settings_file();
        let text = self.to_text().map_err(|e| StorageError::Io {
            path: path.clone(),
            cause: std::io::Error::other(e.to_string()),
        })?;
        storage::write_readable(&path, text.as_bytes(), MAX_SETTINGS_BYTES, "settings")
    }

    /// Puts a file first among the recent ones.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT);
    }
}

/// Whether a settings file says it comes from a newer knotmap, however the rest reads.
fn written_by_a_newer_knotmap(path: &std::path::Path) -> bool {
    #[derive(Deserialize)]
    struct VersionProbe {
        format: u32,
    }
    storage::read_file_if_there(path, MAX_SETTINGS_BYTES, "settings")
        .ok()
        .flatten()
        .and_then(|bytes| options().from_bytes::<VersionProbe>(&bytes).ok())
        .is_some_and(|probe| probe.format > SETTINGS_FORMAT)
}

/// The settings earlier versions kept in the window library's own file (`app.ron` in the
/// data folder, a map whose "app" entry holds the settings as RON text).
fn legacy(folders: &Folders) -> Option<Settings> {
    let path = folders.data.join("app.ron");
    let bytes = storage::read_file_if_there(&path, MAX_SETTINGS_BYTES, "settings")
        .ok()
        .flatten()?;
    let map: std::collections::HashMap<String, String> = options().from_bytes(&bytes).ok()?;
    let text = map.get("app")?;
    let mut settings: Settings = options().from_str(text).ok()?;
    settings.format = SETTINGS_FORMAT;
    Some(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip() {
        let dir = tempfile::tempdir().expect("dir");
        let folders = Folders::at(dir.path());
        let mut settings = Settings {
            theme: ThemeChoice::Dark,
            heat: true,
            ..Settings::default()
        };
        settings.remember("/a.ron".into());
        settings.save(&folders).expect("saves");
        let loaded = Settings::load(&folders);
        assert_eq!(loaded.settings, settings);
        assert_eq!(loaded.notice, None);
        assert!(loaded.writable);
    }

    #[test]
    fn an_unreadable_file_is_kept_aside_and_named() {
        let dir = tempfile::tempdir().expect("dir");
        let folders = Folders::at(dir.path());
        std::fs::create_dir_all(&folders.config).expect("dir");
        let bad = "(\n    theme: Purple,\n    recent: [\"/a.ron\"],\n)\n";
        std::fs::write(folders.settings_file(), bad).expect("write");
        let loaded = Settings::load(&folders);
        assert_eq!(loaded.settings, Settings::default());
        let notice = loaded.notice.expect("a notice");
        assert!(notice.contains("settings.ron:2:"), "{notice}");
        assert!(notice.contains("settings.ron.unreadable"), "{notice}");
        assert_eq!(
            std::fs::read_to_string(folders.config.join("settings.ron.unreadable")).expect("kept"),
            bad
        );
    }

    #[test]
    fn a_newer_file_is_read_and_never_rewritten() {
        let text = "(format: 2, theme: Dark, mood: \"calm\")";
        let settings = Settings::from_text("s.ron", text).expect("reads");
        assert_eq!(settings.theme, ThemeChoice::Dark);
        assert!(settings.is_newer());
        let err = Settings::from_text("s.ron", "(format: 1, mood: \"calm\")").expect_err("strict");
        assert!(err.message.contains("mood"), "{err}");
    }

    #[test]
    fn a_newer_file_that_does_not_read_is_left_as_it_is() {
        let dir = tempfile::tempdir().expect("dir");
        let folders = Folders::at(dir.path());
        std::fs::create_dir_all(&folders.config).expect("dir");
        let newer = "(format: 3, theme: Sepia)";
        std::fs::write(folders.settings_file(), newer).expect("write");
        let loaded = Settings::load(&folders);
        assert!(!loaded.writable);
        assert!(loaded.notice.is_some_and(|n| n.contains("newer knotmap")));
        assert_eq!(
            std::fs::read_to_string(folders.settings_file()).expect("there"),
            newer
        );
        let odd = "(window: Some((width: NaN, height: 600.0, maximized: false)))";
        assert!(Settings::from_text("s.ron", odd).is_err());
    }

    #[test]
    fn the_players_sound_and_voice_are_remembered_within_their_range() {
        let text = "(cues: (sound: false, sound_volume: 40, voice: true, voice_volume: 90))";
        let cues = Settings::from_text("s.ron", text).expect("reads").cues;
        assert!(!cues.sound && cues.voice);
        assert_eq!((cues.sound_volume, cues.voice_volume), (40, 90));
        let loud = "(format: 1,\n cues: (voice_volume: 140))";
        let err = Settings::from_text("s.ron", loud).expect_err("out of range");
        assert_eq!(
            (err.line, err.message.as_str()),
            (2, "a volume is from 0 to 100, not 140")
        );
        let typo = Settings::from_text("s.ron", "(cues: (volume: 3))").expect_err("strict");
        assert!(typo.message.contains("volume"), "{typo}");
    }

    #[test]
    fn settings_of_earlier_versions_carry_over() {
        let dir = tempfile::tempdir().expect("dir");
        let folders = Folders::at(dir.path());
        let inner = "(view_mode:Front,theme:Light,recent:[\"/r.ron\"],paper:A4,heat:false,owned_tools:None)";
        let map = format!("{{\"app\":{inner:?}}}");
        std::fs::write(dir.path().join("app.ron"), map).expect("write");
        let loaded = Settings::load(&folders);
        assert_eq!(loaded.settings.view_mode, ViewMode::Front);
        assert_eq!(loaded.settings.recent, [PathBuf::from("/r.ron")]);
    }
}
