//! The questions the window may be waiting on, and their answers.

use std::path::PathBuf;

use crate::routine::Routine;
use crate::sheet::SheetFormat;
use crate::storage::Orphan;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    New(Option<usize>),
    /// Open a routine made in the window (by the builder).
    Use(Box<Routine>),
    Open,
    OpenPath(PathBuf),
    Close,
}

/// A question the window is waiting on.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// There are unsaved changes: save, discard, or cancel what was asked.
    Unsaved(Then),
    /// The file changed on disk since it was opened: overwrite, save elsewhere, or cancel.
    ChangedOnDisk(PathBuf),
    /// Unsaved edits from a window that closed early: restore or discard.
    Restore(Orphan),
    /// Printing failed (no CUPS, no printer): save the PDF instead?
    PrintFailed(String),
    /// There is no file chooser on this desktop: the path is typed instead.
    TypePath(PathPrompt),
}

/// An answer to a pending question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    Overwrite,
    SaveElsewhere,
    Restore,
    SavePdf,
    /// Use the path typed into the question.
    UsePath,
    /// Use it, replacing the file already there.
    ReplacePath,
}

/// What a typed path is for.
#[derive(Clone, Debug, PartialEq)]
pub enum PathFor {
    Open,
    /// Save the routine there, then carry on with what was asked, if anything.
    SaveRoutine(Option<Then>),
    Sheet(SheetFormat),
    /// The tightness report for a physio, over this span.
    Report(crate::tightness::report::Span),
}

/// The question that asks for a path by hand.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    pub purpose: PathFor,
    /// The path as typed so far.
    pub text: String,
    /// Where a relative path is taken from.
    pub folder: Option<PathBuf>,
    /// Routine files found in `folder`, offered to open with one click.
    pub found: Vec<PathBuf>,
    /// Why the last path did not do, shown under the field.
    pub problem: Option<String>,
    /// A file already there, which the runner may choose to replace.
    pub replace: Option<PathBuf>,
}
