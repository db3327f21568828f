//! The tightness log: after a session, how tight each place felt (0 to 10), by date. Kept as
//! RON in the data folder and saved atomically, like routines.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::catalog::RegionId;
use crate::routine::StepSide;
use crate::storage::{self, Folders, StorageError};
use crate::words::{human_size, terminal_safe};

pub mod report;

/// The colour of a tightness from 0 to 10 on the map and on paper: pale yellow for loose,
/// through orange, to a deep red for very tight. Each step is darker than the one before, so
/// the scale reads by lightness alone: for colour-blind runners and in greyscale print too.
pub fn heat_rgb(tightness: f32) -> (u8, u8, u8) {
    // Stops of a yellow-orange-red sequential scale, lightest first.
    const STOPS: [(u8, u8, u8); 5] = [
        (0xFF, 0xED, 0xA0),
        (0xFE, 0xB2, 0x4C),
        (0xF0, 0x6D, 0x2B),
        (0xC8, 0x1E, 0x26),
        (0x73, 0x00, 0x26),
    ];
    let t = (tightness / f32::from(MAX_TIGHTNESS)).clamp(0.0, 1.0) * (STOPS.len() - 1) as f32;
    let i = (t.floor() as usize).min(STOPS.len() - 2);
    let f = t - i as f32;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * f).round() as u8;
    (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The relative luminance of an sRGB colour (WCAG), from 0 (black) to 1 (white).
pub fn luminance((r, g, b): (u8, u8, u8)) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The log file's format version.
/// Format 2 adds each session's steps done and skipped.
pub const LOG_FORMAT: u32 = 2;

/// Logs larger than this are refused: years of daily sessions fit in a fraction of it.
pub const MAX_LOG_BYTES: u64 = 16 * 1024 * 1024;

/// What the log file says at its top: knotmap rewrites it whole.
const LOG_HEADER: &str = "// knotmap's tightness log: one session a line, oldest first. knotmap writes this \
                          file again each time it logs a session,\n// so comments added to it \
                          are not kept.\n";

/// The tightest a place can be rated.
pub const MAX_TIGHTNESS: u8 = 10;

/// How tight one place felt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub region: RegionId,
    /// Left, Right, or Middle for midline places.
    #[serde(deserialize_with = "one_side")]
    pub side: StepSide,
    /// 0 (loose) to 10 (very tight).
    #[serde(deserialize_with = "tightness")]
    pub tightness: u8,
}

/// A tightness from 0 to 10; anything else is refused where it stands in the file.
fn tightness<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
    // Read wide, so a negative or huge number is named with the rule it breaks.
    let value = i64::deserialize(deserializer)?;
    u8::try_from(value)
        .ok()
        .filter(|&t| t <= MAX_TIGHTNESS)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "a tightness is from 0 to {MAX_TIGHTNESS}, not {value}"
            ))
        })
}

/// A rating is for one side of a place, or the middle: never both at once.
fn one_side<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<StepSide, D::Error> {
    match StepSide::deserialize(deserializer)? {
        StepSide::Both => Err(serde::de::Error::custom(
            "a rating is for one side: Left, Right or Middle, not Both",
        )),
        side => Ok(side),
    }
}

/// One session's ratings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The runner's own day, in their time zone, as YYYY-MM-DD.
    pub date: String,
    /// The local time the session was logged, as HH:MM, so several sessions a day keep
    /// their order and their times. Logs from before it was kept have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub routine: String,
    pub ratings: Vec<Rating>,
    /// The steps done and skipped, for a session played in the window; a session done
    /// from the printed sheet has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<u32>,
}

/// Every entry, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Log {
    pub format: u32,
    pub entries: Vec<Entry>,
    /// Set when the file comes from a newer knotmap: it is read, and never rewritten, so
    /// nothing that knotmap wrote into it is lost.
    #[serde(skip)]
    pub read_only: Option<String>,
}

impl Default for Log {
    fn default() -> Self {
        Log {
            format: LOG_FORMAT,
            entries: Vec::new(),
            read_only: None,
        }
    }
}

/// The log could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{file}:{line}:{column}: {message}")]
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The log comes from a newer knotmap, which this one does not write.
    #[error("{0}")]
    ReadOnly(String),
    /// One more session would take the log past the size knotmap reads.
    #[error(
        "{path}: with this session the log would grow to {}, past the {} knotmap reads, so \
         nothing was written. To make room, copy the log aside as an archive and delete the \
         oldest sessions from it (one session a line).",
        human_size(*size),
        human_size(MAX_LOG_BYTES)
    )]
    Full { path: String, size: u64 },
}

/// The version number alone, read leniently so a newer log can still be recognised.
#[derive(Deserialize)]
struct VersionProbe {
    format: u32,
}

fn log_path(folders: &Folders) -> std::path::PathBuf {
    folders.data.join("tightness-log.ron")
}

/// A log file this large or larger takes a noticeable moment to read and write (a 14 MB log:
/// about 0.7 s to read, add a session and write back), so the window does it beside itself.
pub const LARGE_LOG_BYTES: u64 = 1024 * 1024;

/// Whether the log on disk is large enough to be read and written beside the window.
pub fn is_large(folders: &Folders) -> bool {
    std::fs::metadata(log_path(folders)).is_ok_and(|m| m.len() >= LARGE_LOG_BYTES)
}

impl Log {
    /// Reads the log; a missing file is an empty log.
    pub fn load(folders: &Folders) -> Result<Log, LogError> {
        Log::load_from(&log_path(folders))
    }

    fn load_from(path: &Path) -> Result<Log, LogError> {
        let Some(bytes) = storage::read_file_if_there(path, MAX_LOG_BYTES, "a tightness log")?
        else {
            return Ok(Log::default());
        };
        let file = path.display().to_string();
        let text = crate::routine::text_of(&bytes).map_err(|e| LogError::Parse {
            file: file.clone(),
            line: e.position.map_or(1, |p| p.0),
            column: e.position.map_or(1, |p| p.1),
            message: e.message,
        })?;
        Log::from_text(&file, text)
    }

    /// Reads a log from its text; `file` names it in messages. A field this knotmap does not
    /// know is an error in its own format and is passed over in a newer one, which is then
    /// read-only.
    pub fn from_text(file: &str, text: &str) -> Result<Log, LogError> {
        let at = |p: crate::ron_file::RonProblem| LogError::Parse {
            file: file.to_owned(),
            line: p.line,
            column: p.column,
            message: p.message,
        };
        let newer = ron::Options::default()
            .with_recursion_limit(16)
            .from_str::<VersionProbe>(text)
            .ok()
            .map(|p| p.format)
            .filter(|&f| f > LOG_FORMAT);
        let read = crate::ron_file::read_ron::<Log>(text).map_err(at)?;
        let mut log = read.value;
        if let Some(format) = newer {
            log.read_only = Some(format!(
                "The tightness log was written by a newer knotmap (format {format}). This one \
                 reads it but adds nothing to it, so nothing in it is lost."
            ));
        } else if let Some(unknown) = read.unknown {
            return Err(at(crate::ron_file::RonProblem {
                message: format!("there is no field `{}` in a log", unknown.message),
                ..unknown
            }));
        } else {
            // An older format reads as it is and is written in this one from now on.
            log.format = LOG_FORMAT;
        }
        Ok(log)
    }

    /// Writes the log atomically; a log from a newer knotmap is never written. One session
    /// a line, so years of sessions stay well under [`MAX_LOG_BYTES`]; a log that would grow
    /// past it is refused before anything is written, so knotmap never writes a file it would
    /// then refuse to read.
    pub fn save(&self, folders: &Folders) -> Result<(), LogError> {
        if let Some(why) = &self.read_only {
            return Err(LogError::ReadOnly(why.clone()));
        }
        let path = log_path(folders);
        let text = self.to_ron().map_err(|e| StorageError::Io {
            path: path.clone(),
            cause: std::io::Error::other(e.to_string()),
        })?;
        if text.len() as u64 > MAX_LOG_BYTES {
            return Err(LogError::Full {
                path: path.display().to_string(),
                size: text.len() as u64,
            });
        }
        storage::write_in_folder(&path, text.as_bytes())?;
        Ok(())
    }

    /// The log as knotmap writes it: a comment that says the file is rewritten, then one
    /// session a line, oldest first.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let mut text = String::with_capacity(64 + self.entries.len() * 160);
        text.push_str(LOG_HEADER);
        text.push_str(&format!(
            "(\n    format: {},\n    entries: [\n",
            self.format
        ));
        for entry in &self.entries {
            text.push_str("        ");
            text.push_str(&ron::to_string(entry)?);
            text.push_str(",\n");
        }
        text.push_str("    ],\n)\n");
        Ok(text)
    }

    /// Adds an entry and saves, leaving the file as it was if saving fails.
    pub fn record(folders: &Folders, mut entry: Entry) -> Result<Log, LogError> {
        let mut log = Log::load(folders)?;
        entry.ratings.retain(|r| r.tightness <= MAX_TIGHTNESS);
        log.entries.push(entry);
        log.save(folders)?;
        Ok(log)
    }

    /// Every rating of one place, oldest first: (date, tightness).
    pub fn trend(&self, region: &RegionId, side: StepSide) -> Vec<(&str, u8)> {
        self.entries
            .iter()
            .flat_map(|e| {
                e.ratings
                    .iter()
                    .filter(move |r| &r.region == region && r.side == side)
                    .map(move |r| (e.date.as_str(), r.tightness))
            })
            .collect()
    }

    /// The average tightness of each place over the entries on or after `since` (a date).
    pub fn recent(&self, since: &str) -> BTreeMap<(RegionId, StepSide), f32> {
        let mut sums: BTreeMap<(RegionId, StepSide), (u32, u32)> = BTreeMap::new();
        for entry in self.entries.iter().filter(|e| e.date.as_str() >= since) {
            for r in &entry.ratings {
                let slot = sums.entry((r.region.clone(), r.side)).or_default();
                slot.0 += u32::from(r.tightness);
                slot.1 += 1;
            }
        }
        sums.into_iter()
            .map(|(k, (sum, n))| (k, sum as f32 / n.max(1) as f32))
            .collect()
    }

    /// The log as text, one session a line (`knotmap log`).
    pub fn to_text(&self, catalog: &crate::catalog::Catalog) -> String {
        let mut out = String::new();
        for e in &self.entries {
            let ratings: Vec<String> = e
                .ratings
                .iter()
                .map(|r| {
                    let name = match catalog.region(&r.region) {
                        // A place with two sides rated in the middle: say so rather than
                        // list it as if it were one of them.
                        Some(reg) if reg.sided && r.side.side().is_none() => {
                            format!("{} (side not given)", reg.name)
                        }
                        Some(reg) => reg.display_name(r.side.side()),
                        None => r.region.to_string(),
                    };
                    format!("{name} {}", r.tightness)
                })
                .collect();
            let when = match &e.time {
                Some(time) => format!("{} {time}", e.date),
                None => e.date.clone(),
            };
            out.push_str(&format!(
                "{}  {}  {}\n",
                terminal_safe(&when),
                terminal_safe(&e.routine),
                terminal_safe(&ratings.join(", "))
            ));
        }
        out
    }
}

/// A moment as the log writes it: the local date (YYYY-MM-DD) and time (HH:MM) in the
/// moment's own time zone.
pub fn local_stamp(at: &jiff::Zoned) -> (String, String) {
    (at.date().to_string(), at.strftime("%H:%M").to_string())
}

/// The local date `days` before the day of `at`, as YYYY-MM-DD.
pub fn days_before(at: &jiff::Zoned, days: u16) -> String {
    at.date()
        .saturating_sub(jiff::Span::new().days(i64::from(days)))
        .to_string()
}

/// The places a routine works, one a side, in the order of its steps: what a runner rates
/// after a session.
pub fn rated_places(
    catalog: &crate::catalog::Catalog,
    routine: &crate::routine::Routine,
) -> Vec<(RegionId, StepSide)> {
    crate::body::numbered_places(catalog, routine)
        .into_iter()
        .map(|(place, _)| {
            (
                catalog.regions[place.region].id.clone(),
                StepSide::from(place.side),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tightness scale reads by lightness alone: each whole step from 0 to 10 is
    /// clearly darker than the one before.
    #[test]
    fn each_step_of_the_scale_is_darker_than_the_last() {
        let lightness: Vec<f32> = (0..=MAX_TIGHTNESS)
            .map(|t| luminance(heat_rgb(f32::from(t))))
            .collect();
        for pair in lightness.windows(2) {
            assert!(
                pair[1] < pair[0] * 0.9,
                "a step of the scale is not clearly darker: {lightness:?}"
            );
        }
    }

    /// 23:30 in New York is 04:30 the next day in UTC: the session belongs to the evening.
    #[test]
    fn an_evening_session_keeps_its_local_date_and_time() {
        let new_york = jiff::tz::TimeZone::fixed(jiff::tz::offset(-5));
        let evening = jiff::civil::date(2026, 11, 30)
            .at(23, 30, 0, 0)
            .to_zoned(new_york)
            .expect("a moment");
        assert_eq!(
            evening.timestamp().to_string(),
            "2026-12-01T04:30:00Z",
            "already tomorrow in UTC"
        );
        assert_eq!(
            local_stamp(&evening),
            ("2026-11-30".to_owned(), "23:30".to_owned())
        );
        assert_eq!(days_before(&evening, 14), "2026-11-16");
        assert_eq!(days_before(&evening, 30), "2026-10-31");
    }

    #[test]
    fn record_trend_and_recent() {
        let dir = tempfile::tempdir().expect("dir");
        let folders = Folders::at(dir.path());
        let rating = |t| Rating {
            region: "calf".into(),
            side: StepSide::Left,
            tightness: t,
        };
        for (date, t) in [("2026-11-01", 8), ("2026-11-20", 6), ("2026-11-26", 4)] {
            Log::record(
                &folders,
                Entry {
                    date: date.to_owned(),
                    time: None,
                    routine: "After".to_owned(),
                    ratings: vec![rating(t)],
                    done: None,
                    skipped: None,
                },
            )
            .expect("recorded");
        }
        let log = Log::load(&folders).expect("loads");
        assert_eq!(
            log.trend(&"calf".into(), StepSide::Left),
            [("2026-11-01", 8), ("2026-11-20", 6), ("2026-11-26", 4)]
        );
        assert_eq!(
            log.recent("2026-11-15")
                .get(&("calf".into(), StepSide::Left)),
            Some(&5.0)
        );
        std::fs::write(
            dir.path().join("tightness-log.ron"),
            "(format: 1, entries: [oops])",
        )
        .expect("write");
        let err = Log::load(&folders).expect_err("bad log").to_string();
        assert!(err.contains("tightness-log.ron:1:"), "{err}");
    }
}
