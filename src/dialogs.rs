//! Native file dialogs behind a small trait, so tests can answer them without a desktop.

use std::path::{Path, PathBuf};

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    /// A routine file to open; `None` when cancelled.
    fn pick_open(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to save a file named like `file_name` (its extension says what kind); `None`
    /// when cancelled.
    fn pick_save(&mut self, folder: Option<&Path>, file_name: &str) -> Option<PathBuf>;
}

/// The platform's dialogs (the XDG desktop portal on Linux).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
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
    fn file_names_from_routine_names() {
        assert_eq!(
            super::file_name_for("After a long run!"),
            "after-a-long-run.ron"
        );
        assert_eq!(super::file_name_for("  "), "routine.ron");
    }
}
