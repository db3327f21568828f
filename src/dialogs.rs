//! Native file dialogs behind a small trait, so tests can answer them without a desktop.

use std::path::{Path, PathBuf};

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    /// Whether a file chooser can be shown at all. When it cannot, the window asks for a
    /// path itself.
    fn available(&mut self) -> bool {
        true
    }
    /// A routine file to open; `None` when cancelled.
    fn pick_open(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to save a file named like `file_name` (its extension says what kind); `None`
    /// when cancelled.
    fn pick_save(&mut self, folder: Option<&Path>, file_name: &str) -> Option<PathBuf>;
}

/// The platform's dialogs (on Linux the XDG desktop portal, or zenity without one).
#[derive(Debug, Default)]
pub struct NativeDialogs {
    available: Option<bool>,
}

impl FileDialogs for NativeDialogs {
    fn available(&mut self) -> bool {
        *self.available.get_or_insert_with(chooser_exists)
    }

    fn pick_open(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open a routine")
            .add_filter("knotmap routine", &["ron"]);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_file()
    }

    fn pick_save(&mut self, folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
        let extension = Path::new(file_name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("ron")
            .to_owned();
        let (title, kind) = match extension.as_str() {
            "pdf" => ("Save the session sheet", "PDF document"),
            "png" => ("Save the session sheet", "PNG image"),
            _ => ("Save the routine", "knotmap routine"),
        };
        let mut dialog = rfd::FileDialog::new()
            .set_title(title)
            .add_filter(kind, &[extension.as_str()])
            .set_file_name(file_name);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file().map(|path| {
            if path.extension().is_none() {
                path.with_extension(&extension)
            } else {
                path
            }
        })
    }
}

/// Whether this desktop can show a file chooser: on Linux, through a desktop portal on the
/// session bus or through the zenity program, which is what the dialogs fall back to.
#[cfg(target_os = "linux")]
fn chooser_exists() -> bool {
    on_path("zenity") || portal_on_session_bus()
}

#[cfg(not(target_os = "linux"))]
fn chooser_exists() -> bool {
    true
}

#[cfg(target_os = "linux")]
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// Whether the desktop portal runs, or can be started, on the session bus.
#[cfg(target_os = "linux")]
fn portal_on_session_bus() -> bool {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    let Ok(connection) = zbus::blocking::Connection::session() else {
        return false;
    };
    let Ok(bus) = zbus::blocking::fdo::DBusProxy::new(&connection) else {
        return false;
    };
    let has = |names: zbus::fdo::Result<Vec<zbus::names::OwnedBusName>>| {
        names.is_ok_and(|names| names.iter().any(|n| n.as_str() == PORTAL))
    };
    has(bus.list_names()) || has(bus.list_activatable_names())
}

/// A path typed by hand: `~` stands for the home folder, and a relative path is taken from
/// `folder`; a missing extension becomes `extension`.
pub fn typed_path(text: &str, folder: Option<&Path>, extension: &str) -> Option<PathBuf> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let path = if text == "~" {
        home()?
    } else if let Some(rest) = text.strip_prefix("~/") {
        home()?.join(rest)
    } else {
        let path = PathBuf::from(text);
        match folder {
            Some(folder) if path.is_relative() => folder.join(path),
            _ => path,
        }
    };
    // A path ending in a slash names a folder: it gets no extension.
    let folder_named = text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR);
    Some(
        if path.extension().is_none() && !extension.is_empty() && !folder_named {
            path.with_extension(extension)
        } else {
            path
        },
    )
}

/// A file name made from a routine's name: "After a long run" → "after-a-long-run.ron".
pub fn file_name_for(routine_name: &str) -> String {
    let mut slug = String::new();
    for c in routine_name.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "routine.ron".to_owned()
    } else {
        format!("{slug}.ron")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_paths_take_the_folder_and_the_extension() {
        let folder = std::path::Path::new("/data/routines");
        assert_eq!(
            super::typed_path(" easy ", Some(folder), "ron"),
            Some(folder.join("easy.ron"))
        );
        assert_eq!(
            super::typed_path("/tmp/sheet.pdf", Some(folder), "pdf"),
            Some("/tmp/sheet.pdf".into())
        );
        assert_eq!(super::typed_path("  ", Some(folder), "ron"), None);
    }

    #[test]
    fn file_names_from_routine_names() {
        assert_eq!(
            super::file_name_for("After a long run!"),
            "after-a-long-run.ron"
        );
        assert_eq!(super::file_name_for("  "), "routine.ron");
    }
}
