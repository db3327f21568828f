//! Files on disk: one read path with limits for every file knotmap reads, one atomic write
//! path for every file it writes, the recovery copies of unsaved edits, and the user's
//! folders.

mod recovery;

use std::hash::{Hash, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::routine::{Loaded, MAX_FILE_BYTES, Routine, RoutineError};
use crate::words::human_size;

pub use recovery::{Orphan, RecoveryCopy, RecoverySlot};

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
    /// A folder, a device or a named pipe where a file was expected.
    #[error("{}: that is {what}, not a file", path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    /// A file where a folder on the way should be.
    #[error("{}: that is a file, where knotmap needs a folder", path.display())]
    NotAFolder { path: PathBuf },
    /// Larger than knotmap reads for this kind of file.
    #[error("{}: the file is {} — too large for {what} (the limit is {})", path.display(), human_size(*size), human_size(*limit))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
        what: &'static str,
    },
    /// What knotmap was about to write is larger than it reads back for this kind of file.
    #[error("{}: this would be a file of {}, more than knotmap reads for {what} ({}), so nothing was written", path.display(), human_size(*size), human_size(*limit))]
    WouldNotReadBack {
        path: PathBuf,
        size: u64,
        limit: u64,
        what: &'static str,
    },
    #[error(transparent)]
    Routine(#[from] RoutineError),
}

fn io_error(path: &Path, cause: std::io::Error) -> StorageError {
    if cause.kind() == std::io::ErrorKind::NotADirectory
        && let Some(file) = file_in_the_way(path)
    {
        return StorageError::NotAFolder { path: file };
    }
    StorageError::Io {
        path: path.to_owned(),
        cause,
    }
}

/// The nearest folder on the way to `path` that is a file instead ("not a directory" names
/// the path asked for, not the part of it that is wrong).
fn file_in_the_way(path: &Path) -> Option<PathBuf> {
    path.ancestors()
        .skip(1)
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| std::fs::metadata(a).is_ok_and(|m| !m.is_dir()))
        .map(Path::to_path_buf)
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
        ErrorKind::BrokenPipe => "the program reading it stopped before the end".to_owned(),
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

/// What kind of thing a path is, when it is not a regular file.
fn not_a_file(kind: std::fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// Reads a whole file that knotmap keeps or is given. Refuses, before opening it, what is not
/// a regular file (a named pipe would block) and what is larger than `limit` bytes, naming the
/// real size; reads at most `limit` bytes even if the file grows meanwhile.
pub fn read_file(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>, StorageError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if let Some(kind) = not_a_file(meta.file_type()) {
        return Err(StorageError::NotAFile {
            path: path.to_owned(),
            what: kind,
        });
    }
    let too_large = |size| StorageError::TooLarge {
        path: path.to_owned(),
        size,
        limit,
        what,
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > limit {
        let now = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(too_large(now));
    }
    Ok(bytes)
}

/// Reads a file that may not be there yet: `None` when it is missing.
pub fn read_file_if_there(
    path: &Path,
    limit: u64,
    what: &'static str,
) -> Result<Option<Vec<u8>>, StorageError> {
    match read_file(path, limit, what) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(StorageError::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// A routine file as read: the routine, what it held, and its text for positions.
#[derive(Clone, Debug)]
pub struct RoutineFile {
    pub loaded: Loaded,
    pub stamp: DiskStamp,
    pub text: String,
}

/// Reads a routine file, with its stamp and text.
pub fn read_routine(path: &Path) -> Result<RoutineFile, StorageError> {
    let bytes = read_file(path, MAX_FILE_BYTES as u64, "a routine")?;
    let name = path.display().to_string();
    let loaded = Routine::from_bytes(&name, &bytes)?;
    let text = crate::routine::text_of(&bytes)
        .unwrap_or_default()
        .to_owned();
    Ok(RoutineFile {
        loaded,
        stamp: DiskStamp::of(&bytes),
        text,
    })
}

/// The stamp of what is on disk now; `None` when the file is gone. A file grown past the
/// routine limit still gets a stamp (of its size), so a change is noticed without reading it.
pub fn current_stamp(path: &Path) -> Result<Option<DiskStamp>, StorageError> {
    match read_file_if_there(path, MAX_FILE_BYTES as u64, "a routine") {
        Ok(bytes) => Ok(bytes.map(|b| DiskStamp::of(&b))),
        Err(StorageError::TooLarge { size, .. }) => Ok(Some(DiskStamp { len: size, hash: 0 })),
        Err(e) => Err(e),
    }
}

/// How many symbolic links are followed before giving up (Linux's own limit).
const MAX_LINKS: usize = 40;

/// The file a path finally names: symbolic links followed one by one, so that a link to a
/// file that does not exist yet still names where that file goes.
fn resolve_links(path: &Path) -> Result<PathBuf, StorageError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current).map_err(|e| io_error(&current, e))?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(io_error(&current, e)),
        }
    }
    Err(io_error(
        path,
        std::io::Error::other("too many symbolic links in a row"),
    ))
}

/// Writes a file so that it holds either the old bytes or the new ones, never a mix: a
/// temporary file beside the target, flushed to disk, renamed over the old one, and the folder
/// flushed too. Through a symbolic link the file it points to is replaced (the link stays),
/// and the file keeps its permissions. Only regular files are written: a folder, a device or
/// a named pipe is refused with the reason.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let file = staged(path, bytes)?;
    file.commit().map_err(|e| io_error(path, e))
}

/// The new bytes of a file, written beside it and flushed, not yet in its place: dropped,
/// they leave the old file as it was.
fn staged(path: &Path, bytes: &[u8]) -> Result<atomic_write_file::AtomicWriteFile, StorageError> {
    let target = resolve_links(path)?;
    match std::fs::metadata(&target) {
        Ok(meta) => {
            if let Some(kind) = not_a_file(meta.file_type()) {
                return Err(StorageError::NotAFile {
                    path: path.to_owned(),
                    what: kind,
                });
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error(path, e)),
    }
    let mut file = atomic_write_file::AtomicWriteFile::options()
        .open(&target)
        .map_err(|e| io_error(path, e))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| io_error(path, e))?;
    Ok(file)
}

/// Writes a set of files that belong together (the pages of a sheet) so that the set is
/// replaced whole: every new file is written beside its place first, and only when all of
/// them are written (the disk did not fill up half way) are they moved in; then the files of
/// the old set that the new one no longer has (`stale`) are removed.
pub fn write_set(files: &[(PathBuf, &[u8])], stale: &[PathBuf]) -> Result<(), StorageError> {
    let staged = files
        .iter()
        .map(|(path, bytes)| staged(path, bytes).map(|file| (path, file)))
        .collect::<Result<Vec<_>, _>>()?;
    for (path, file) in staged {
        file.commit().map_err(|e| io_error(path, e))?;
    }
    for path in stale {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io_error(path, e)),
            _ => {}
        }
    }
    Ok(())
}

/// Saves a routine atomically; returns the stamp of what was written. A routine that would
/// not read back (over the file size limit) is refused before anything is written.
pub fn save_routine(path: &Path, routine: &Routine) -> Result<DiskStamp, StorageError> {
    let text = routine.to_ron()?;
    if text.len() > MAX_FILE_BYTES {
        return Err(StorageError::TooLarge {
            path: path.to_owned(),
            size: text.len() as u64,
            limit: MAX_FILE_BYTES as u64,
            what: "a routine",
        });
    }
    write_atomic(path, text.as_bytes())?;
    Ok(DiskStamp::of(text.as_bytes()))
}

/// The folders knotmap keeps the user's things in.
#[derive(Clone, Debug)]
pub struct Folders {
    pub data: PathBuf,
    /// Where the settings live.
    pub config: PathBuf,
    /// Where papers for other people (the tightness report) are offered first: the user's
    /// documents folder, not knotmap's own.
    pub documents: PathBuf,
}

impl Folders {
    /// The platform's folders (e.g. `~/.local/share/knotmap` and `~/.config/knotmap` on Linux).
    pub fn from_system() -> Option<Folders> {
        let dirs = directories::ProjectDirs::from("", "", "knotmap")?;
        let user = directories::UserDirs::new();
        let documents = user.as_ref().map_or_else(
            || dirs.data_dir().to_owned(),
            |u| u.document_dir().unwrap_or(u.home_dir()).to_owned(),
        );
        Some(Folders {
            data: dirs.data_dir().to_owned(),
            config: dirs.config_dir().to_owned(),
            documents,
        })
    }

    /// Folders under a chosen root (tests, portable use): data in it, settings in `config/`,
    /// papers for others in `documents/`.
    pub fn at(root: impl Into<PathBuf>) -> Folders {
        let data: PathBuf = root.into();
        Folders {
            config: data.join("config"),
            documents: data.join("documents"),
            data,
        }
    }

    /// Where routines are saved by default.
    pub fn routines(&self) -> PathBuf {
        self.data.join("routines")
    }

    /// Where each window keeps the recovery copy of its unsaved edits.
    pub fn recovery(&self) -> PathBuf {
        self.data.join("recovery")
    }

    /// The settings file.
    pub fn settings_file(&self) -> PathBuf {
        self.config.join("settings.ron")
    }

    fn ensure(dir: &Path) -> Result<(), StorageError> {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))
    }

    /// Makes sure the routines folder exists and returns it.
    pub fn routines_ready(&self) -> Result<PathBuf, StorageError> {
        let dir = self.routines();
        Folders::ensure(&dir)?;
        Ok(dir)
    }
}

/// Writes a file that knotmap reads back with a limit of `limit` bytes: one that would be
/// larger is refused before anything is written, so knotmap never writes what it would then
/// refuse to read.
pub fn write_readable(
    path: &Path,
    bytes: &[u8],
    limit: u64,
    what: &'static str,
) -> Result<(), StorageError> {
    if bytes.len() as u64 > limit {
        return Err(StorageError::WouldNotReadBack {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit,
            what,
        });
    }
    write_in_folder(path, bytes)
}

/// Writes a file into a folder that may not exist yet.
pub fn write_in_folder(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Folders::ensure(dir)?;
    }
    write_atomic(path, bytes)
}

/// Moves an unreadable file aside, next to the file it is (through links), so that it is
/// kept for the user while a fresh one takes its place; returns where it went. A name already
/// taken is never replaced.
pub fn keep_aside(path: &Path) -> Result<PathBuf, StorageError> {
    let path = resolve_links(path)?;
    let stem = path
        .file_name()
        .map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned());
    let dir = path.parent().unwrap_or(Path::new("."));
    for n in 1..1000 {
        let aside = dir.join(match n {
            1 => format!("{stem}.unreadable"),
            n => format!("{stem}.unreadable-{n}"),
        });
        // A second name for the file, made only where none is: then the first goes.
        match std::fs::hard_link(&path, &aside) {
            Ok(()) => {
                std::fs::remove_file(&path).map_err(|e| io_error(&path, e))?;
                return Ok(aside);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_error(&aside, e)),
        }
    }
    Err(io_error(
        &path,
        std::io::Error::other("too many unreadable copies are kept already"),
    ))
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
        let file = read_routine(&path).expect("reads");
        assert_eq!(file.loaded.routine, routine);
        assert_eq!(stamp, file.stamp);
        assert_eq!(current_stamp(&path).expect("stamp"), Some(stamp));
        std::fs::write(&path, "changed").expect("write");
        assert_ne!(current_stamp(&path).expect("stamp"), Some(stamp));
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_link_replaces_its_target_and_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "old").expect("write");
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("real.txt", &link).expect("link");
        let chain = dir.path().join("chain.txt");
        std::os::unix::fs::symlink(&link, &chain).expect("link");
        write_atomic(&chain, b"new").expect("writes");
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert!(
            std::fs::symlink_metadata(&chain)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);

        // A link to a file not there yet makes that file.
        let dangling = dir.path().join("new-link.txt");
        std::os::unix::fs::symlink("made.txt", &dangling).expect("link");
        write_atomic(&dangling, b"made").expect("writes");
        assert_eq!(
            std::fs::read(dir.path().join("made.txt")).expect("read"),
            b"made"
        );

        // A loop of links is refused.
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).expect("link");
        std::os::unix::fs::symlink(&a, &b).expect("link");
        let err = write_atomic(&a, b"x").expect_err("a loop").to_string();
        assert!(err.contains("too many symbolic links"), "{err}");
    }

    #[test]
    fn folders_and_devices_are_not_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = write_atomic(dir.path(), b"x").expect_err("a folder");
        assert!(
            err.to_string().ends_with("that is a folder, not a file"),
            "{err}"
        );
        let err = read_file(dir.path(), 10, "a routine").expect_err("a folder");
        assert!(matches!(err, StorageError::NotAFile { .. }), "{err}");
        #[cfg(unix)]
        {
            let err = write_atomic(Path::new("/dev/null"), b"x").expect_err("a device");
            assert!(err.to_string().contains("a device, not a file"), "{err}");
        }
    }

    #[test]
    fn reading_names_the_real_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big");
        std::fs::write(&path, vec![b' '; 3 * 1024 * 1024]).expect("write");
        let err = read_file(&path, 1024 * 1024, "a routine").expect_err("too large");
        assert!(
            err.to_string()
                .ends_with("the file is 3.0 MB — too large for a routine (the limit is 1.0 MB)"),
            "{err}"
        );
    }

    #[test]
    fn unreadable_files_are_kept_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.ron");
        std::fs::write(&path, "one").expect("write");
        let first = keep_aside(&path).expect("aside");
        std::fs::write(&path, "two").expect("write");
        let second = keep_aside(&path).expect("aside");
        assert_ne!(first, second);
        assert_eq!(std::fs::read(&first).expect("read"), b"one");
        assert_eq!(std::fs::read(&second).expect("read"), b"two");
        assert!(!path.exists());
    }
}
