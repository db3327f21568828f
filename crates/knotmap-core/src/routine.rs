//! The routine document: what to do, in order, on which side, with what, for how long; and
//! how it is read from and written to RON.

pub mod adapt;
mod document;
mod edit;
mod problems;
mod read;

use serde::{Deserialize, Serialize};

use crate::catalog::{
    Catalog, Complaint, ComplaintStep, Dose, Region, RegionId, Technique, TechniqueId, ToolId,
};

pub use crate::catalog::StepSide;

pub use crate::catalog::TOO_LONG;
use crate::ron_file::line_col;
pub use document::{Document, Origin};
pub use edit::Edit;
pub use problems::{Concern, Field};
pub use read::RoutineError;
use read::parse;

/// The example routines shipped in `routines/`, offered as templates: (file name, text).
pub const TEMPLATES: [(&str, &str); 5] = [
    (
        "before-a-run.ron",
        include_str!("../../../routines/before-a-run.ron"),
    ),
    (
        "after-a-long-run.ron",
        include_str!("../../../routines/after-a-long-run.ron"),
    ),
    (
        "breathing-opener.ron",
        include_str!("../../../routines/breathing-opener.ron"),
    ),
    (
        "knee-and-hip-stability.ron",
        include_str!("../../../routines/knee-and-hip-stability.ron"),
    ),
    (
        "rest-day-full-body.ron",
        include_str!("../../../routines/rest-day-full-body.ron"),
    ),
];

/// The templates, parsed. A template that fails to parse is left out (a test keeps them all
/// valid).
pub fn templates() -> Vec<Routine> {
    TEMPLATES
        .iter()
        .filter_map(|(file, text)| Routine::from_ron(file, text).ok())
        .map(|loaded| loaded.routine)
        .collect()
}

/// The format version this knotmap writes. Files with a larger number come from a newer
/// knotmap and open read-only.
pub const FORMAT_VERSION: u32 = 1;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The most steps a routine may have: over three hours of rolling, and a sheet of a few
/// pages. `knotmap check`, the window and `knotmap print` refuse more alike.
pub const MAX_STEPS: usize = 200;

/// The longest routine name, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// The longest routine notes, in characters.
pub const MAX_NOTES_CHARS: usize = 2_000;

/// The longest note on one step, in characters.
pub const MAX_STEP_NOTE_CHARS: usize = 500;

/// The longest id (of a place, technique or tool), in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Cuts a text to at most `max` characters.
pub fn fit_text(text: &mut String, max: usize) {
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
    }
}

/// Nesting deeper than this is refused (a routine needs four levels).
pub const MAX_NESTING: usize = 24;

/// When a routine is meant to be done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum When {
    BeforeRun,
    AfterRun,
    RestDay,
    #[default]
    AnyTime,
}

impl When {
    pub const ALL: [When; 4] = [
        When::BeforeRun,
        When::AfterRun,
        When::RestDay,
        When::AnyTime,
    ];

    pub fn title(self) -> &'static str {
        match self {
            When::BeforeRun => "Before a run",
            When::AfterRun => "After a run",
            When::RestDay => "Rest day",
            When::AnyTime => "Any time",
        }
    }
}

/// One step of a routine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub region: RegionId,
    pub side: StepSide,
    pub technique: TechniqueId,
    pub tool: ToolId,
    /// Seconds or passes, per side.
    pub dose: Dose,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Step {
    /// A step of a technique on a place with a tool, at the dose the technique suggests
    /// there; on both sides where the place has two.
    pub fn new(catalog: &Catalog, region: &Region, technique: &Technique, tool: ToolId) -> Step {
        Step {
            dose: catalog.suggested_dose(&region.id, technique, &tool),
            region: region.id.clone(),
            side: if region.sided {
                StepSide::Both
            } else {
                StepSide::Middle
            },
            technique: technique.id.clone(),
            tool,
            note: None,
        }
    }

    /// A step of a technique added from a place's panel or the picker: on the place shown when
    /// the technique works one of its muscles, else on the first place it works; with the
    /// technique's first tool. `None` for a technique with no place or no tool.
    pub fn for_technique(
        catalog: &Catalog,
        technique: crate::catalog::TechniqueIx,
        shown: Option<crate::catalog::RegionIx>,
    ) -> Option<Step> {
        let t = &catalog.techniques[technique];
        let region = match shown {
            Some(r)
                if catalog.regions[r]
                    .muscles
                    .iter()
                    .any(|m| t.muscles.contains(m)) =>
            {
                &catalog.regions[r]
            }
            _ => catalog.regions_of_technique(t).next()?,
        };
        Some(Step::new(catalog, region, t, t.tools.first()?.clone()))
    }

    /// A step of a complaint's ready routine, as the routine's own.
    pub fn from_complaint(step: &ComplaintStep) -> Step {
        let mut note = step.note.clone();
        if let Some(note) = &mut note {
            fit_text(note, MAX_STEP_NOTE_CHARS);
        }
        Step {
            region: step.region.clone(),
            side: step.side,
            technique: step.technique.clone(),
            tool: step.tool.clone(),
            dose: step.dose,
            note,
        }
    }

    /// The time the step takes, both sides counted.
    pub fn seconds(&self) -> u32 {
        self.dose
            .approx_seconds()
            .saturating_mul(self.side.rounds())
    }
}

/// A routine: a named, ordered list of steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Routine {
    pub format: u32,
    pub name: String,
    pub when: When,
    pub notes: String,
    pub steps: Vec<Step>,
}

impl Default for Routine {
    fn default() -> Self {
        Routine {
            format: FORMAT_VERSION,
            name: "New routine".to_owned(),
            when: When::AnyTime,
            notes: String::new(),
            steps: Vec::new(),
        }
    }
}

impl Routine {
    /// A complaint's ready routine, to play, print or change: named after the complaint,
    /// with what rolling cannot do and the signs to see a clinician in its notes.
    pub fn for_complaint(complaint: &Complaint) -> Routine {
        let mut name = complaint.name.clone();
        fit_text(&mut name, MAX_NAME_CHARS);
        let mut notes = format!(
            "{} See a clinician rather than roll for: {}",
            complaint.rolling_cannot,
            complaint.see_a_clinician.join(" ")
        );
        fit_text(&mut notes, MAX_NOTES_CHARS);
        Routine {
            name,
            notes,
            steps: complaint.routine.iter().map(Step::from_complaint).collect(),
            ..Routine::default()
        }
    }

    /// Time for the whole routine, both sides counted.
    pub fn total_seconds(&self) -> u32 {
        self.steps
            .iter()
            .map(Step::seconds)
            .fold(0, u32::saturating_add)
    }

    /// The routine as knotmap writes it: pretty RON, fields in a fixed order, so that saving
    /// an unchanged routine gives the same bytes. A routine that cannot be written is an
    /// error, never a text that would replace the file.
    pub fn to_ron(&self) -> Result<String, RoutineError> {
        let config = ron::ser::PrettyConfig::new()
            .indentor("    ".to_owned())
            .struct_names(false)
            .separate_tuple_members(false)
            .enumerate_arrays(false)
            .escape_strings(false);
        let mut text = ron::ser::to_string_pretty(self, config).map_err(|e| {
            RoutineError::whole(&self.name, format!("the routine cannot be written: {e}"))
        })?;
        text.push('\n');
        Ok(text)
    }

    /// Reads a routine from the text of a file; `file` names it in error messages.
    pub fn from_ron(file: &str, text: &str) -> Result<Loaded, RoutineError> {
        parse(file, text)
    }

    /// Reads a routine from raw bytes: checks size and encoding before parsing.
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, RoutineError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(RoutineError::whole(
                file,
                format!(
                    "the file is {} — too large for a routine (the limit is {})",
                    crate::words::human_size(bytes.len() as u64),
                    crate::words::human_size(MAX_FILE_BYTES as u64)
                ),
            ));
        }
        let text = text_of(bytes).map_err(|mut e| {
            e.file = file.to_owned();
            e
        })?;
        parse(file, text)
    }
}

/// The text of a routine file: UTF-8, with a byte-order mark at the start allowed (and left
/// out); UTF-16 and other encodings are named.
pub fn text_of(bytes: &[u8]) -> Result<&str, RoutineError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    // UTF-16 starts with its byte-order mark, or has a zero byte beside every ASCII letter:
    // the bytes on one side of each pair nearly all zero, on the other nearly none.
    let head = &bytes[..bytes.len().min(64)];
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (half >= 2 && (even.max(odd) * 5 >= half * 4) && even.min(odd) * 10 <= half);
    if utf16 {
        return Err(RoutineError::whole(
            "",
            "this file is UTF-16 text; knotmap reads UTF-8: save it again as UTF-8".to_owned(),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(&bytes[..e.valid_up_to()]);
        RoutineError::at(
            "",
            line,
            column,
            "this is not UTF-8 text; save it again as UTF-8".to_owned(),
        )
    })
}

/// A routine read from a file.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub routine: Routine,
    /// Set when the file comes from a newer knotmap: it may be read but never rewritten.
    pub read_only: Option<String>,
}

/// How serious a problem in a routine file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in a routine file, at a line and column (0 when unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
    /// Whether it is about an id the catalog does not know (kept in the file as it is).
    pub unknown: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::RegionIx;
    use crate::ron_file::find_field;

    #[test]
    fn a_technique_goes_on_the_place_shown_when_it_works_it() {
        let catalog = Catalog::builtin().expect("catalog");
        let (ti, t) = catalog
            .techniques_ix()
            .find(|(_, t)| catalog.regions_of_technique(t).count() > 1)
            .expect("a technique for several places");
        let places: Vec<RegionIx> = catalog
            .regions_ix()
            .filter(|(_, r)| r.muscles.iter().any(|m| t.muscles.contains(m)))
            .map(|(i, _)| i)
            .collect();
        let second = places[1];
        let step = Step::for_technique(catalog, ti, Some(second)).expect("a step");
        assert_eq!(step.region, catalog.regions[second].id);
        assert_eq!(step.tool, t.tools[0]);
        // Shown a place it does not work: the first place it does.
        let other = catalog
            .regions_ix()
            .map(|(r, _)| r)
            .find(|r| !places.contains(r))
            .expect("a place it does not work");
        let step = Step::for_technique(catalog, ti, Some(other)).expect("a step");
        assert_eq!(step.region, catalog.regions[places[0]].id);
    }

    fn sample() -> Routine {
        Routine {
            format: 1,
            name: "Test".to_owned(),
            when: When::AfterRun,
            notes: "Slow.".to_owned(),
            steps: vec![Step {
                region: "calf".into(),
                side: StepSide::Both,
                technique: "calf_tool_roll".into(),
                tool: "foam_roller".into(),
                dose: Dose::Seconds(60),
                note: None,
            }],
        }
    }

    #[test]
    fn written_routines_read_back_identically() {
        let text = sample().to_ron().expect("writes");
        let loaded = Routine::from_ron("t.ron", &text).expect("parses");
        assert_eq!(loaded.routine, sample());
        assert_eq!(loaded.routine.to_ron().expect("writes"), text);
        assert_eq!(sample().total_seconds(), 120);
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let err = Routine::from_ron("x.ron", "(\n  format: 1,\n  name: 5,\n)").expect_err("bad");
        assert_eq!(err.position.map(|p| p.0), Some(3));
        assert!(err.to_string().starts_with("x.ron:3:"), "{err}");
    }

    #[test]
    fn unknown_fields_are_refused_with_their_place() {
        let mut text = sample().to_ron().expect("writes");
        text = text.replacen("notes:", "mood: \"good\",\n    notes:", 1);
        let err = Routine::from_ron("x.ron", &text).expect_err("unknown field");
        assert!(err.message.contains("mood"), "{err}");
        assert_eq!(err.position.map(|p| p.0), Some(5));
    }

    #[test]
    fn newer_formats_open_read_only() {
        let text = sample()
            .to_ron()
            .expect("writes")
            .replacen("format: 1", "format: 2", 1);
        let text = text.replacen("notes:", "mood: \"good\",\n    notes:", 1);
        let loaded = Routine::from_ron("x.ron", &text).expect("opens");
        assert!(loaded.read_only.is_some());
    }

    #[test]
    fn an_empty_field_name_is_never_searched_for() {
        assert_eq!(find_field("(a: 1)", ""), None);
        assert_eq!(find_field("(a: 1,\n bb: 2)", "bb"), Some((2, 2)));
    }
}
