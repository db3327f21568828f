//! Files on disk: reading routines with limits, atomic saves, the recovery copy of unsaved
//! edits, and the user's folders.

use std::hash::{Hash, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::routine::{Loaded, MAX_FILE_BYTES, Routine, RoutineError};

/// What a file held when knotmap last read or wrote it, to notice changes made by others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    hash: u64,
}

impl DiskStamp {
    pub fn of(bytes: &[u8]) -> DiskStamp {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        DiskStamp {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }
}

/// Something went wrong reading or writing a file.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{}: {}", path.display(), plain_io(cause))]
    Io {
        path: PathBuf,
        /// Not a `#[source]`: the message already says it, and error chains would repeat it.
        cause: std::io::Error,
    },
    #[error(transparent)]
    Routine(#[from] RoutineError),
}

fn io_error(path: &Path, cause: std::io::Error) -> StorageError {
    StorageError::Io {
        path: path.to_owned(),
        cause,
    }
}

/// What went wrong with a file, in words: "no such file or folder" rather than the system's
/// "No such file or directory (os error 2)".
pub fn plain_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or folder".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::IsADirectory => "that is a folder, not a file".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

/// Reads at most `limit + 1` bytes, so an enormous file is refused without loading it all.
fn read_capped(path: &Path, limit: usize) -> Result<Vec<u8>, StorageError> {
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    Ok(bytes)
}

/// Reads a routine file, with its stamp.
pub fn read_routine(path: &Path) -> Result<(Loaded, DiskStamp), StorageError> {
    let bytes = read_capped(path, MAX_FILE_BYTES)?;
    let name = path.display().to_string();
    let loaded = Routine::from_bytes(&name, &bytes)?;
    Ok((loaded, DiskStamp::of(&bytes)))
}

/// The stamp of what is on disk now; `None` when the file is gone.
pub fn current_stamp(path: &Path) -> Result<Option<DiskStamp>, StorageError> {
    match read_capped(path, MAX_FILE_BYTES.saturating_mul(8)) {
        Ok(bytes) => Ok(Some(DiskStamp::of(&bytes))),
        Err(StorageError::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Writes a file so that it holds either the old bytes or the new ones, never a mix: a
/// temporary file in the same folder, flushed to disk, renamed over the old one, and the
/// folder flushed too.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let mut file = atomic_write_file::AtomicWriteFile::options()
        .open(path)
        .map_err(|e| io_error(path, e))?;
    file.write_all(bytes).map_err(|e| io_error(path, e))?;
    file.commit().map_err(|e| io_error(path, e))
}

/// Saves a routine atomically; returns the stamp of what was written.
pub fn save_routine(path: &Path, routine: &Routine) -> Result<DiskStamp, StorageError> {
    let text = routine.to_ron();
    write_atomic(path, text.as_bytes())?;
    Ok(DiskStamp::of(text.as_bytes()))
}

/// The folders knotmap keeps the user's things in.
#[derive(Clone, Debug)]
pub struct Folders {
    pub data: PathBuf,
}

impl Folders {
    /// The platform's data folder (e.g. `~/.local/share/knotmap` on Linux).
    pub fn from_system() -> Option<Folders> {
        directories::ProjectDirs::from("", "", "knotmap").map(|dirs| Folders {
            data: dirs.data_dir().to_owned(),
        })
    }

    /// Folders under a chosen root (tests, portable use).
    pub fn at(root: impl Into<PathBuf>) -> Folders {
        Folders { data: root.into() }
    }

    /// Where routines are saved by default.
    pub fn routines(&self) -> PathBuf {
        self.data.join("routines")
    }

    pub fn recovery_file(&self) -> PathBuf {
        self.data.join("recovery.ron")
    }

    fn ensure(&self, dir: &Path) -> Result<(), StorageError> {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))
    }

    /// Makes sure the routines folder exists and returns it.
    pub fn routines_ready(&self) -> Result<PathBuf, StorageError> {
        let dir = self.routines();
        self.ensure(&dir)?;
        Ok(dir)
    }
}

/// Unsaved edits copied aside, to be offered back after a crash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveryCopy {
    /// The file the edits belong to, if it had one.
    pub path: Option<PathBuf>,
    pub routine: Routine,
}

impl RecoveryCopy {
    pub fn save(&self, folders: &Folders) -> Result<(), StorageError> {
        folders.ensure(&folders.data)?;
        let config = ron::ser::PrettyConfig::new().indentor("    ".to_owned());
        let text = ron::ser::to_string_pretty(self, config).map_err(|e| StorageError::Io {
            path: folders.recovery_file(),
            cause: std::io::Error::other(e.to_string()),
        })?;
        write_atomic(&folders.recovery_file(), text.as_bytes())
    }

    /// The recovery copy left by an earlier run, if there is a readable one.
    pub fn load(folders: &Folders) -> Option<RecoveryCopy> {
        let path = folders.recovery_file();
        let bytes = read_capped(&path, MAX_FILE_BYTES).ok()?;
        let text = std::str::from_utf8(&bytes).ok()?;
        ron::Options::default()
            .with_recursion_limit(crate::routine::MAX_NESTING + 4)
            .from_str(text)
            .ok()
    }

    /// Removes the copy once the edits are saved or deliberately dropped.
    pub fn clear(folders: &Folders) -> Result<(), StorageError> {
        let path = folders.recovery_file();
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error(&path, e)),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_save_then_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.ron");
        let routine = Routine::default();
        let stamp = save_routine(&path, &routine).expect("saves");
        let (loaded, read_stamp) = read_routine(&path).expect("reads");
        assert_eq!(loaded.routine, routine);
        assert_eq!(stamp, read_stamp);
        assert_eq!(current_stamp(&path).expect("stamp"), Some(stamp));
        std::fs::write(&path, "changed").expect("write");
        assert_ne!(current_stamp(&path).expect("stamp"), Some(stamp));
    }

    #[test]
    fn recovery_copy_round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folders = Folders::at(dir.path().join("data"));
        assert_eq!(RecoveryCopy::load(&folders), None);
        let copy = RecoveryCopy {
            path: Some("/x/y.ron".into()),
            routine: Routine::default(),
        };
        copy.save(&folders).expect("saves");
        assert_eq!(RecoveryCopy::load(&folders), Some(copy));
        RecoveryCopy::clear(&folders).expect("clears");
        assert_eq!(RecoveryCopy::load(&folders), None);
    }
}
