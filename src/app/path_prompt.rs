//! Asking for a path in the window, on a desktop with no file chooser: what the path is
//! for, the question's state, and carrying on once a path will do.

use std::path::PathBuf;

use eframe::egui;

use super::KnotmapApp;
use crate::dialogs::typed_path;
use crate::state::{PathFor, PathPrompt, Pending};

impl PathPrompt {
    pub(super) fn new(purpose: PathFor, folder: Option<PathBuf>, file_name: &str) -> PathPrompt {
        let found = match (&purpose, &folder) {
            (PathFor::Open, Some(folder)) => routine_files(folder),
            _ => Vec::new(),
        };
        let text = folder.as_ref().map_or_else(
            || file_name.to_owned(),
            |f| f.join(file_name).display().to_string(),
        );
        PathPrompt {
            purpose,
            text,
            folder,
            found,
            problem: None,
            replace: None,
        }
    }

    /// The extension a path without one gets.
    fn extension(&self) -> &'static str {
        match self.purpose {
            PathFor::Open | PathFor::SaveRoutine(_) => "ron",
            PathFor::Sheet(format) => format.extension(),
            PathFor::Report(_) => "pdf",
        }
    }
}

/// The routine files in a folder, by name, at most a dozen.
fn routine_files(folder: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files.truncate(12);
    files
}

impl KnotmapApp {
    /// Carries on with a path typed by hand. A path that will not do keeps the question
    /// open, with the reason under the field.
    /// `replace` says the runner chose to replace the file already at the path.
    pub(super) fn use_typed_path(
        &mut self,
        ctx: &egui::Context,
        mut prompt: PathPrompt,
        replace: bool,
    ) {
        let path = typed_path(&prompt.text, prompt.folder.as_deref(), prompt.extension());
        let problem = match &path {
            None => Some("Type a file name or a path first.".to_owned()),
            Some(path) => match &prompt.purpose {
                PathFor::Open if path.is_dir() => Some(format!(
                    "{} is a folder; add the routine's file name.",
                    path.display()
                )),
                PathFor::Open if !path.is_file() => {
                    Some(format!("There is no file at {}.", path.display()))
                }
                PathFor::Open => None,
                PathFor::SaveRoutine(_) | PathFor::Sheet(_) | PathFor::Report(_) => {
                    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
                    if path.is_dir() {
                        Some(format!("{} is a folder; add a file name.", path.display()))
                    } else if folder.is_some_and(|f| !f.is_dir()) {
                        Some(format!(
                            "There is no folder {}.",
                            folder.map(|f| f.display().to_string()).unwrap_or_default()
                        ))
                    } else if path.exists()
                        && self.state.doc.path() != Some(path)
                        && !(replace && prompt.replace.as_ref() == Some(path))
                    {
                        prompt.replace = Some(path.clone());
                        Some(format!(
                            "{} already exists. Replace it, or choose another name.",
                            path.display()
                        ))
                    } else {
                        None
                    }
                }
            },
        };
        let (Some(path), None) = (path, problem.clone()) else {
            prompt.problem = problem;
            self.state.pending = Some(Pending::TypePath(prompt));
            return;
        };
        match prompt.purpose {
            PathFor::Open => self.open_path(path),
            PathFor::SaveRoutine(then) => {
                if self.write_to(&path)
                    && let Some(then) = then
                {
                    self.proceed(ctx, then);
                }
            }
            PathFor::Sheet(format) => self.write_sheet(&path, format),
            PathFor::Report(span) => self.write_report(&path, span),
        }
    }
}
