//! An open routine: the routine, where it lives, what was last saved, and its undo history.

use std::path::PathBuf;

use super::edit::MergeKey;
use super::{Edit, Routine};

/// Where an open routine came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A blank routine or one started from a template: not on disk yet.
    Unsaved,
    File(PathBuf),
}

/// How many undo steps are kept.
const HISTORY: usize = 200;

/// An open routine with its history.
#[derive(Clone, Debug)]
pub struct Document {
    pub routine: Routine,
    pub origin: Origin,
    /// Set for files from a newer knotmap: shown, never written.
    pub read_only: Option<String>,
    /// The routine as last opened or saved, to know whether there are unsaved changes.
    saved: Routine,
    /// Whether this document has never been written anywhere (New, or from a template).
    fresh: bool,
    undo: Vec<Routine>,
    redo: Vec<Routine>,
    last_merge: Option<MergeKey>,
}

impl Document {
    /// A routine that is not on disk yet.
    pub fn unsaved(routine: Routine) -> Document {
        Document {
            saved: routine.clone(),
            routine,
            origin: Origin::Unsaved,
            read_only: None,
            fresh: true,
            undo: Vec::new(),
            redo: Vec::new(),
            last_merge: None,
        }
    }

    /// A routine made in the window (built for the runner's choices, or a complaint's): not
    /// on disk, and unsaved work from the start, so nothing replaces it without asking.
    pub fn made(routine: Routine) -> Document {
        Document {
            saved: Routine::default(),
            ..Document::unsaved(routine)
        }
    }

    /// A routine opened from a file.
    pub fn opened(routine: Routine, path: PathBuf, read_only: Option<String>) -> Document {
        Document {
            origin: Origin::File(path),
            read_only,
            fresh: false,
            ..Document::unsaved(routine)
        }
    }

    pub fn path(&self) -> Option<&PathBuf> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Unsaved => None,
        }
    }

    /// Whether there is something that closing now would lose.
    pub fn is_dirty(&self) -> bool {
        self.routine != self.saved
    }

    /// Whether this routine has never been saved and holds steps worth keeping.
    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// Applies an edit as one undo step (typing into the same field merges).
    pub fn apply(&mut self, edit: Edit) -> bool {
        if self.read_only.is_some() {
            return false;
        }
        let merge = edit.merge_key(&self.routine);
        let before = self.routine.clone();
        if !edit.apply(&mut self.routine) {
            return false;
        }
        let merges = merge.is_some() && merge == self.last_merge && !self.undo.is_empty();
        if !merges {
            self.undo.push(before);
            if self.undo.len() > HISTORY {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_merge = merge;
        true
    }

    /// Ends a run of typing, so the next keystroke starts a new undo step.
    pub fn break_merge(&mut self) {
        self.last_merge = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(previous) => {
                self.redo
                    .push(std::mem::replace(&mut self.routine, previous));
                self.last_merge = None;
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(&mut self.routine, next));
                self.last_merge = None;
                true
            }
            None => false,
        }
    }

    /// Puts back edits recovered after a crash: they become the current routine, one undo
    /// step away from the saved one, and count as unsaved.
    pub fn restore(&mut self, routine: Routine) {
        if routine != self.routine {
            self.undo
                .push(std::mem::replace(&mut self.routine, routine));
            self.redo.clear();
            self.last_merge = None;
        }
    }

    /// Records a successful save to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = self.routine.clone();
        self.origin = Origin::File(path);
        self.fresh = false;
        self.last_merge = None;
    }

    /// The file name, or the routine's name when it has no file yet.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Origin::Unsaved => self.routine.name.clone(),
        }
    }

    /// The window title: file name, an unsaved mark, the app name.
    pub fn window_title(&self) -> String {
        let mark = if self.is_dirty() { "● " } else { "" };
        let read_only = if self.read_only.is_some() {
            " (read-only)"
        } else {
            ""
        };
        format!("{mark}{}{read_only} — knotmap", self.display_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Dose;
    use crate::routine::{Step, StepSide};

    fn step(region: &str) -> Step {
        Step {
            region: region.into(),
            side: StepSide::Both,
            technique: "calf_tool_roll".into(),
            tool: "foam_roller".into(),
            dose: Dose::Seconds(60),
            note: None,
        }
    }

    #[test]
    fn undo_and_redo_walk_the_history_and_dirty_follows() {
        let mut doc = Document::unsaved(Routine::default());
        assert!(!doc.is_dirty());
        assert!(doc.apply(Edit::AddStep {
            at: 0,
            step: step("calf")
        }));
        assert!(doc.apply(Edit::AddStep {
            at: 1,
            step: step("sole")
        }));
        assert!(doc.apply(Edit::MoveStep { from: 1, to: 0 }));
        assert_eq!(doc.routine.steps[0].region.as_str(), "sole");
        assert!(doc.is_dirty());
        assert!(doc.undo());
        assert_eq!(doc.routine.steps[0].region.as_str(), "calf");
        assert!(doc.redo());
        assert_eq!(doc.routine.steps[0].region.as_str(), "sole");
        while doc.undo() {}
        assert!(!doc.is_dirty(), "back where it started");
    }

    #[test]
    fn typing_merges_into_one_undo_step() {
        let mut doc = Document::unsaved(Routine::default());
        for name in ["A", "Ab", "Abc"] {
            doc.apply(Edit::SetName(name.to_owned()));
        }
        doc.undo();
        assert_eq!(doc.routine.name, "New routine");
    }

    #[test]
    fn each_field_of_a_step_undoes_on_its_own() {
        let mut doc = Document::unsaved(Routine::default());
        doc.apply(Edit::AddStep {
            at: 0,
            step: step("calf"),
        });
        let set = |doc: &mut Document, change: &dyn Fn(&mut Step)| {
            let mut s = doc.routine.steps[0].clone();
            change(&mut s);
            doc.apply(Edit::SetStep { index: 0, step: s })
        };
        assert!(set(&mut doc, &|s| s.side = StepSide::Left));
        assert!(set(&mut doc, &|s| s.tool = "massage_stick".into()));
        assert!(set(&mut doc, &|s| s.side = StepSide::Right));
        for note in ["T", "Ti", "Tig", "Tight"] {
            assert!(set(&mut doc, &|s| s.note = Some(note.to_owned())));
        }
        for seconds in [70, 80, 90] {
            assert!(set(&mut doc, &|s| s.dose = Dose::Seconds(seconds)));
        }
        let now = |doc: &Document| {
            let s = &doc.routine.steps[0];
            (s.side, s.tool.as_str().to_owned(), s.note.clone(), s.dose)
        };
        let expected = [
            // The dose, dragged from 60 to 90, comes back in one step.
            (
                StepSide::Right,
                "massage_stick",
                Some("Tight"),
                Dose::Seconds(60),
            ),
            // The note, typed letter by letter, goes in one step.
            (StepSide::Right, "massage_stick", None, Dose::Seconds(60)),
            (StepSide::Left, "massage_stick", None, Dose::Seconds(60)),
            (StepSide::Left, "foam_roller", None, Dose::Seconds(60)),
            (StepSide::Both, "foam_roller", None, Dose::Seconds(60)),
        ];
        for (side, tool, note, dose) in expected {
            assert!(doc.undo());
            assert_eq!(
                now(&doc),
                (side, tool.to_owned(), note.map(str::to_owned), dose)
            );
        }
    }

    #[test]
    fn read_only_documents_refuse_edits() {
        let mut doc = Document::opened(Routine::default(), "x.ron".into(), Some("newer".into()));
        assert!(!doc.apply(Edit::SetName("x".to_owned())));
        assert!(doc.window_title().contains("read-only"));
    }
}
