//! Edits to a routine: each is one undoable change.

use super::adapt::ToolSwap;
use super::{
    MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_STEP_NOTE_CHARS, MAX_STEPS, Routine, Step, When, fit_text,
};

/// One change to a routine.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddStep {
        at: usize,
        step: Step,
    },
    SetStep {
        index: usize,
        step: Step,
    },
    MoveStep {
        from: usize,
        to: usize,
    },
    DuplicateStep(usize),
    DeleteStep(usize),
    SetName(String),
    SetWhen(When),
    SetNotes(String),
    /// Several steps get a new tool, and where it must stay short a new dose, at once
    /// ("adapt to my tools").
    SetTools(Vec<ToolSwap>),
}

/// Which edits merge into one undo step: successive keystrokes (or one drag) in the same
/// field. Edits to different fields, or clicks that set a field, never merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeKey {
    Name,
    Notes,
    StepNote(usize),
    StepDose(usize),
}

impl Edit {
    /// Applies the edit; returns false when it changed nothing (an index out of range, a
    /// move to the same place, a step past the limit), so no undo step is recorded. Texts
    /// are cut to their limits, so a routine made in the window always reads back.
    pub fn apply(self, routine: &mut Routine) -> bool {
        let steps = &mut routine.steps;
        match self {
            Edit::AddStep { .. } | Edit::DuplicateStep(_) if steps.len() >= MAX_STEPS => false,
            Edit::AddStep { at, mut step } => {
                if let Some(note) = &mut step.note {
                    fit_text(note, MAX_STEP_NOTE_CHARS);
                }
                steps.insert(at.min(steps.len()), step);
                true
            }
            Edit::SetStep { index, mut step } => match steps.get_mut(index) {
                Some(old) if *old != step => {
                    if let Some(note) = &mut step.note {
                        fit_text(note, MAX_STEP_NOTE_CHARS);
                    }
                    *old = step;
                    true
                }
                _ => false,
            },
            Edit::MoveStep { from, to } => {
                if from >= steps.len() || from == to {
                    return false;
                }
                let step = steps.remove(from);
                steps.insert(to.min(steps.len()), step);
                true
            }
            Edit::DuplicateStep(index) => match steps.get(index).cloned() {
                Some(step) => {
                    steps.insert(index + 1, step);
                    true
                }
                None => false,
            },
            Edit::DeleteStep(index) => {
                if index < steps.len() {
                    steps.remove(index);
                    true
                } else {
                    false
                }
            }
            Edit::SetName(mut name) => {
                fit_text(&mut name, MAX_NAME_CHARS);
                replace(&mut routine.name, name)
            }
            Edit::SetWhen(when) => replace(&mut routine.when, when),
            Edit::SetNotes(mut notes) => {
                fit_text(&mut notes, MAX_NOTES_CHARS);
                replace(&mut routine.notes, notes)
            }
            Edit::SetTools(changes) => {
                let mut changed = false;
                for swap in changes {
                    let Some(step) = steps.get_mut(swap.step) else {
                        continue;
                    };
                    if step.tool != swap.tool {
                        step.tool = swap.tool;
                        changed = true;
                    }
                    if let Some(dose) = swap.dose
                        && step.dose != dose
                    {
                        step.dose = dose;
                        changed = true;
                    }
                }
                changed
            }
        }
    }

    /// Typing in a text field merges with the keystroke before it.
    /// How this edit merges with the one before it, given the routine it applies to: a step
    /// edit merges only when it changes the note alone, or the dose alone.
    pub fn merge_key(&self, routine: &Routine) -> Option<MergeKey> {
        match self {
            Edit::SetName(_) => Some(MergeKey::Name),
            Edit::SetNotes(_) => Some(MergeKey::Notes),
            Edit::SetStep { index, step } => {
                let old = routine.steps.get(*index)?;
                let same_place = old.region == step.region
                    && old.side == step.side
                    && old.technique == step.technique
                    && old.tool == step.tool;
                if !same_place {
                    None
                } else if old.dose == step.dose {
                    Some(MergeKey::StepNote(*index))
                } else if old.note == step.note {
                    Some(MergeKey::StepDose(*index))
                } else {
                    None
                }
            }
            Edit::AddStep { .. }
            | Edit::MoveStep { .. }
            | Edit::DuplicateStep(_)
            | Edit::DeleteStep(_)
            | Edit::SetWhen(_)
            | Edit::SetTools(_) => None,
        }
    }
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}
