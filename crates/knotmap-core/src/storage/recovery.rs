//! Recovery copies of unsaved edits, one per window: each window writes its own copy and
//! holds a lock on it while it is open, so a copy whose lock is free was left by a window that
//! is gone, and a save in one window never touches another window's copy.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Folders, StorageError, io_error, read_file_if_there, write_in_folder};
use crate::routine::{MAX_FILE_BYTES, MAX_NESTING, Routine};

/// Unsaved edits copied aside, to be offered back after a crash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveryCopy {
    /// The file the edits belong to, if it had one.
    pub path: Option<PathBuf>,
    pub routine: Routine,
}

impl RecoveryCopy {
    fn to_text(&self) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::new().indentor("    ".to_owned());
        ron::ser::to_string_pretty(self, config)
    }

    fn read(path: &Path) -> Option<RecoveryCopy> {
        let bytes = read_file_if_there(path, MAX_FILE_BYTES as u64 * 2, "a recovery copy")
            .ok()
            .flatten()?;
        let text = std::str::from_utf8(&bytes).ok()?;
        ron::Options::default()
            .with_recursion_limit(MAX_NESTING + 4)
            .from_str(text)
            .ok()
    }
}

/// This window's place for its recovery copy, locked for as long as the window is open.
#[derive(Debug)]
pub struct RecoverySlot {
    copy: PathBuf,
    lock_path: PathBuf,
    /// Held open, and locked, until the slot is dropped.
    _lock: std::fs::File,
}

/// The lock file that goes with a copy.
fn lock_of(copy: &Path) -> PathBuf {
    copy.with_extension("lock")
}

impl RecoverySlot {
    /// Takes a new slot in the recovery folder.
    pub fn claim(folders: &Folders) -> Result<RecoverySlot, StorageError> {
        let dir = folders.recovery();
        Folders::ensure(&dir)?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let copy = dir.join(format!("window-{}-{nanos}.ron", std::process::id()));
        let lock_path = lock_of(&copy);
        let lock = std::fs::File::create(&lock_path).map_err(|e| io_error(&lock_path, e))?;
        lock.try_lock().map_err(|e| {
            io_error(
                &lock_path,
                match e {
                    std::fs::TryLockError::Error(e) => e,
                    std::fs::TryLockError::WouldBlock => {
                        std::io::Error::other("another window holds this lock")
                    }
                },
            )
        })?;
        Ok(RecoverySlot {
            copy,
            lock_path,
            _lock: lock,
        })
    }

    /// Writes this window's copy (atomically: a crash leaves the old copy or the new one).
    pub fn save(&self, copy: &RecoveryCopy) -> Result<(), StorageError> {
        let text = copy
            .to_text()
            .map_err(|e| io_error(&self.copy, std::io::Error::other(e.to_string())))?;
        write_in_folder(&self.copy, text.as_bytes())
    }

    /// Removes this window's copy once its edits are saved or deliberately dropped.
    pub fn clear(&self) -> Result<(), StorageError> {
        remove_if_there(&self.copy)
    }
}

impl Drop for RecoverySlot {
    /// A window that closes with nothing to recover leaves nothing behind; a copy that is
    /// still there keeps its lock file, for the next start to find.
    fn drop(&mut self) {
        if !self.copy.exists() {
            // Nothing depends on the lock file once the copy is gone; a failure to remove it
            // leaves an empty file that the next start ignores.
            std::fs::remove_file(&self.lock_path).ok();
        }
    }
}

fn remove_if_there(path: &Path) -> Result<(), StorageError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error(path, e)),
        _ => Ok(()),
    }
}

/// A recovery copy whose window is gone. Its lock is held from the moment it is found
/// until it is restored or discarded, so no other window starting meanwhile offers it too.
#[derive(Clone, Debug)]
pub struct Orphan {
    pub copy: RecoveryCopy,
    /// When it was written.
    pub written: Option<std::time::SystemTime>,
    files: Vec<PathBuf>,
    _lock: Option<std::sync::Arc<std::fs::File>>,
}

impl PartialEq for Orphan {
    fn eq(&self, other: &Orphan) -> bool {
        (&self.copy, self.written, &self.files) == (&other.copy, other.written, &other.files)
    }
}

impl Orphan {
    /// Removes it, once its edits are restored or deliberately dropped.
    pub fn discard(&self) -> Result<(), StorageError> {
        for file in &self.files {
            remove_if_there(file)?;
        }
        Ok(())
    }

    /// The copies left by windows that are gone, newest first. A copy whose window is still
    /// open (its lock is held) is not one of them; a copy that cannot be read is left alone.
    pub fn find(folders: &Folders) -> Vec<Orphan> {
        let mut found = Vec::new();
        // The single copy of knotmap versions before each window had its own.
        let legacy = folders.data.join("recovery.ron");
        if let Some(copy) = RecoveryCopy::read(&legacy) {
            found.push(Orphan {
                copy,
                written: modified(&legacy),
                files: vec![legacy],
                _lock: None,
            });
        }
        let Ok(entries) = std::fs::read_dir(folders.recovery()) else {
            return found;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let lock_path = lock_of(&path);
            let Some(lock) = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)
                .ok()
                .filter(|lock| lock.try_lock().is_ok())
            else {
                continue;
            };
            if let Some(copy) = RecoveryCopy::read(&path) {
                found.push(Orphan {
                    copy,
                    written: modified(&path),
                    files: vec![path, lock_path],
                    _lock: Some(std::sync::Arc::new(lock)),
                });
            }
        }
        found.sort_by_key(|o| std::cmp::Reverse(o.written));
        found
    }
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(name: &str) -> RecoveryCopy {
        RecoveryCopy {
            path: Some(format!("/x/{name}.ron").into()),
            routine: Routine {
                name: name.to_owned(),
                ..Routine::default()
            },
        }
    }

    #[test]
    fn each_window_keeps_its_own_copy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folders = Folders::at(dir.path().join("data"));
        assert_eq!(Orphan::find(&folders), []);
        let a = RecoverySlot::claim(&folders).expect("slot a");
        let b = RecoverySlot::claim(&folders).expect("slot b");
        a.save(&copy("a")).expect("saves");
        b.save(&copy("b")).expect("saves");
        assert_eq!(Orphan::find(&folders), [], "both windows are open");
        a.clear().expect("clears");
        drop(a);
        drop(b); // b goes without clearing: a crash
        let orphans = Orphan::find(&folders);
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].copy, copy("b"));
        assert_eq!(Orphan::find(&folders), [], "it is being offered already");
        orphans[0].discard().expect("discards");
        assert_eq!(Orphan::find(&folders), []);
        assert_eq!(
            std::fs::read_dir(folders.recovery())
                .expect("folder")
                .count(),
            0,
            "nothing is left behind"
        );
    }

    #[test]
    fn the_single_copy_of_earlier_versions_is_offered_too() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folders = Folders::at(dir.path());
        let text = copy("old").to_text().expect("text");
        std::fs::write(dir.path().join("recovery.ron"), text).expect("write");
        let orphans = Orphan::find(&folders);
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].copy, copy("old"));
    }
}
