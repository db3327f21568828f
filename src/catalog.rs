//! The knowledge: body regions, muscles, techniques, tools and cautions.
//!
//! The catalog is written as RON under `assets/catalog/`, embedded in the binary and parsed
//! once at start-up into typed, validated structures. Everything else in knotmap reads it.

mod dossier;
mod query;
mod validate;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use dossier::Dossier;
pub use query::{Hit, QueryResult, normalize};

/// Defines a typed id: a string newtype so a muscle id can never be passed as a tool id.
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written in the catalog files.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

typed_id!(
    /// Names a region of the body map (without its side), e.g. `hamstrings`.
    RegionId
);
typed_id!(
    /// Names a muscle (or a band of fascia such as the IT band), e.g. `psoas`.
    MuscleId
);
typed_id!(
    /// Names a technique, e.g. `hamstring_roll`.
    TechniqueId
);
typed_id!(
    /// Names a tool, e.g. `tennis_ball`.
    ToolId
);
typed_id!(
    /// Names a caution, e.g. `ball_five_seconds`.
    CautionId
);
typed_id!(
    /// Names a piece of background, e.g. `fascia_connects`.
    BasicId
);

/// Which way the figure on the body map faces the viewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum View {
    Front,
    Back,
}

impl View {
    pub const ALL: [View; 2] = [View::Front, View::Back];

    pub fn label(self) -> &'static str {
        match self {
            View::Front => "front",
            View::Back => "back",
        }
    }
}

/// The runner's left or right (not the viewer's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Side::Left => "Left",
            Side::Right => "Right",
        }
    }
}

/// The part of the running stride a muscle serves; the body map colours by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stride {
    /// Lifting the knee: swinging the leg forward.
    HipFlexion,
    /// Push-off: plantar flexion of the ankle and extension of the hip.
    PushOff,
    /// Letting the ribcage and belly expand with each breath.
    Breathing,
    /// Keeping the knee and hip steady on landing.
    Stability,
}

impl Stride {
    pub const ALL: [Stride; 4] = [
        Stride::HipFlexion,
        Stride::PushOff,
        Stride::Breathing,
        Stride::Stability,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Stride::HipFlexion => "Hip flexion",
            Stride::PushOff => "Push-off",
            Stride::Breathing => "Breathing",
            Stride::Stability => "Knee and hip stability",
        }
    }

    pub fn explain(self) -> &'static str {
        match self {
            Stride::HipFlexion => "swinging the leg forward",
            Stride::PushOff => "plantar flexion and hip extension",
            Stride::Breathing => "room for the breath",
            Stride::Stability => "steady knees and hips",
        }
    }
}

/// A region of the body map as written in `regions.ron`: defined once, drawn on both sides
/// when `sided`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: RegionId,
    pub name: String,
    pub aliases: Vec<String>,
    pub view: View,
    pub sided: bool,
    pub muscles: Vec<MuscleId>,
    /// Why this is a place never to roll, for the no-roll zones.
    pub no_roll: Option<String>,
    pub about: String,
}

impl Region {
    /// The sides this region exists on: both for sided regions, a single `None` for the
    /// midline.
    pub fn sides(&self) -> Vec<Option<Side>> {
        if self.sided {
            vec![Some(Side::Left), Some(Side::Right)]
        } else {
            vec![None]
        }
    }

    /// "Left hamstrings", or just the name for a midline region.
    pub fn display_name(&self, side: Option<Side>) -> String {
        match side {
            Some(side) => format!("{} {}", side.title(), lower_first(&self.name)),
            None => self.name.clone(),
        }
    }

    pub fn is_no_roll(&self) -> bool {
        self.no_roll.is_some()
    }
}

/// Lower-cases the first letter unless the word is an abbreviation such as "IT" or "TFL".
fn lower_first(name: &str) -> String {
    let first_word = name.split_whitespace().next().unwrap_or_default();
    let is_acronym = first_word.len() > 1 && first_word.chars().all(|c| c.is_ascii_uppercase());
    // Words named after people keep their capital.
    let is_proper = ["Achilles"].contains(&first_word);
    if is_acronym || is_proper {
        return name.to_owned();
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A muscle, or a band of connective tissue a runner works like one.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Muscle {
    pub id: MuscleId,
    pub name: String,
    pub aliases: Vec<String>,
    pub stride: Stride,
    pub what: String,
    pub why: String,
}

/// What a cue is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CueKind {
    Pressure,
    Direction,
    Pace,
    Breathing,
    Avoid,
}

impl CueKind {
    pub fn title(self) -> &'static str {
        match self {
            CueKind::Pressure => "Pressure",
            CueKind::Direction => "Direction",
            CueKind::Pace => "Pace",
            CueKind::Breathing => "Breathing",
            CueKind::Avoid => "Avoid",
        }
    }
}

/// A short instruction given while the technique is done.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    pub kind: CueKind,
    pub text: String,
}

/// About how long one slow pass along a muscle takes, out and back.
pub const SECONDS_PER_PASS: u32 = 10;

/// How much of a technique to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Dose {
    Seconds(u32),
    Passes(u32),
}

impl Dose {
    /// Rough time in seconds: a slow pass along a muscle, out and back, takes about ten.
    pub fn approx_seconds(self) -> u32 {
        match self {
            Dose::Seconds(s) => s,
            Dose::Passes(n) => n.saturating_mul(SECONDS_PER_PASS),
        }
    }
}

impl fmt::Display for Dose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Dose::Seconds(s) if s >= 60 && s % 60 == 0 => write!(f, "{} min", s / 60),
            Dose::Seconds(s) if s > 60 => write!(f, "{} min {} s", s / 60, s % 60),
            Dose::Seconds(s) => write!(f, "{s} s"),
            Dose::Passes(1) => write!(f, "1 pass"),
            Dose::Passes(n) => write!(f, "{n} passes"),
        }
    }
}

/// A way of working one or more muscles with a tool.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technique {
    pub id: TechniqueId,
    pub name: String,
    /// Other names people use ("lunge", "power pose").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// One line, short enough for a session sheet.
    pub summary: String,
    pub muscles: Vec<MuscleId>,
    /// Best tool first.
    pub tools: Vec<ToolId>,
    pub steps: Vec<String>,
    pub cues: Vec<Cue>,
    pub dose: Dose,
    pub per_side: bool,
}

impl Technique {
    /// The dose as a runner reads it: "90 s per side".
    pub fn dose_text(&self) -> String {
        if self.per_side {
            format!("{} per side", self.dose)
        } else {
            self.dose.to_string()
        }
    }
}

/// Something to press or roll with, bought or home-made.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub id: ToolId,
    pub name: String,
    pub aliases: Vec<String>,
    pub about: String,
    pub stand_ins: Vec<ToolId>,
    pub stand_in_note: String,
    /// How to make it at home, for home-made tools.
    pub home_made: Option<String>,
}

/// How serious a caution is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Info,
    Caution,
    Danger,
}

impl Severity {
    pub fn title(self) -> &'static str {
        match self {
            Severity::Info => "Good to know",
            Severity::Caution => "Caution",
            Severity::Danger => "Important",
        }
    }
}

/// A safety rule and what it applies to.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caution {
    pub id: CautionId,
    pub title: String,
    pub text: String,
    pub severity: Severity,
    pub regions: Vec<RegionId>,
    pub muscles: Vec<MuscleId>,
    pub techniques: Vec<TechniqueId>,
    pub tools: Vec<ToolId>,
    /// Advice for a routine done just before a run; routines for other times leave it out.
    #[serde(default)]
    pub before_a_run_only: bool,
}

impl Caution {
    /// Whether this caution speaks to work on these regions, muscles, techniques and tools.
    /// A caution about places, muscles or techniques applies where one of them is worked
    /// (and, if it also names tools, only with one of those tools); a caution about tools
    /// alone applies wherever one of its tools is used.
    pub fn applies_to(
        &self,
        regions: &[&RegionId],
        muscles: &[&MuscleId],
        techniques: &[&TechniqueId],
        tools: &[&ToolId],
    ) -> bool {
        let tool_here = self.tools.iter().any(|id| tools.contains(&id));
        let names_work =
            !self.regions.is_empty() || !self.muscles.is_empty() || !self.techniques.is_empty();
        if !names_work {
            return tool_here;
        }
        let work_here = self.regions.iter().any(|id| regions.contains(&id))
            || self.muscles.iter().any(|id| muscles.contains(&id))
            || self.techniques.iter().any(|id| techniques.contains(&id));
        work_here && (self.tools.is_empty() || tool_here)
    }
}

/// Background a runner should know before picking up a roller: why to roll, and when.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basic {
    pub id: BasicId,
    pub title: String,
    /// Other words a runner may search for, such as "myofascia".
    pub aliases: Vec<String>,
    pub text: String,
    /// The muscles it speaks about, lit up on the map when it is selected.
    pub muscles: Vec<MuscleId>,
}

/// A catalog file that could not be read, with the place of the problem.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{file}:{line}:{column}: {message}")]
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

/// The text of each catalog file, by file name.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    pub regions: &'a str,
    pub muscles: &'a str,
    pub techniques: &'a str,
    pub tools: &'a str,
    pub cautions: &'a str,
    pub basics: &'a str,
}

impl Sources<'static> {
    /// The catalog embedded in the binary.
    pub const BUILTIN: Sources<'static> = Sources {
        regions: include_str!("../assets/catalog/regions.ron"),
        muscles: include_str!("../assets/catalog/muscles.ron"),
        techniques: include_str!("../assets/catalog/techniques.ron"),
        tools: include_str!("../assets/catalog/tools.ron"),
        cautions: include_str!("../assets/catalog/cautions.ron"),
        basics: include_str!("../assets/catalog/basics.ron"),
    };
}

/// Parses one RON file, turning a syntax or type error into one naming the file, line and
/// column.
pub fn parse_ron<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, CatalogError> {
    ron::Options::default()
        .with_recursion_limit(64)
        .from_str(text)
        .map_err(|e| CatalogError::Parse {
            file: file.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// The whole knowledge base, with indexes for lookups by id.
#[derive(Debug)]
pub struct Catalog {
    pub regions: Vec<Region>,
    pub muscles: Vec<Muscle>,
    pub techniques: Vec<Technique>,
    pub tools: Vec<Tool>,
    pub cautions: Vec<Caution>,
    pub basics: Vec<Basic>,
    region_index: HashMap<RegionId, usize>,
    muscle_index: HashMap<MuscleId, usize>,
    technique_index: HashMap<TechniqueId, usize>,
    tool_index: HashMap<ToolId, usize>,
}

static BUILTIN: OnceLock<Result<Catalog, String>> = OnceLock::new();

impl Catalog {
    /// The embedded catalog, parsed and validated on first use.
    pub fn builtin() -> Result<&'static Catalog, CatalogError> {
        BUILTIN
            .get_or_init(|| Catalog::parse(Sources::BUILTIN).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|message| CatalogError::Invalid {
                file: "built-in catalog".to_owned(),
                message: message.clone(),
            })
    }

    /// Parses and validates a catalog from its six files.
    pub fn parse(sources: Sources<'_>) -> Result<Catalog, CatalogError> {
        let catalog = Catalog::new(
            parse_ron("regions.ron", sources.regions)?,
            parse_ron("muscles.ron", sources.muscles)?,
            parse_ron("techniques.ron", sources.techniques)?,
            parse_ron("tools.ron", sources.tools)?,
            parse_ron("cautions.ron", sources.cautions)?,
            parse_ron("basics.ron", sources.basics)?,
        );
        let problems = validate::problems(&catalog);
        if let Some(first) = problems.into_iter().next() {
            return Err(first);
        }
        Ok(catalog)
    }

    fn new(
        regions: Vec<Region>,
        muscles: Vec<Muscle>,
        techniques: Vec<Technique>,
        tools: Vec<Tool>,
        cautions: Vec<Caution>,
        basics: Vec<Basic>,
    ) -> Catalog {
        fn index<K: Clone + Eq + std::hash::Hash, T>(
            items: &[T],
            key: impl Fn(&T) -> &K,
        ) -> HashMap<K, usize> {
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (key(item).clone(), i))
                .collect()
        }
        Catalog {
            region_index: index(&regions, |r| &r.id),
            muscle_index: index(&muscles, |m| &m.id),
            technique_index: index(&techniques, |t| &t.id),
            tool_index: index(&tools, |t| &t.id),
            regions,
            muscles,
            techniques,
            tools,
            cautions,
            basics,
        }
    }

    pub fn region(&self, id: &RegionId) -> Option<&Region> {
        self.region_index.get(id).map(|&i| &self.regions[i])
    }

    pub fn region_index(&self, id: &RegionId) -> Option<usize> {
        self.region_index.get(id).copied()
    }

    /// Position of a muscle in [`Catalog::muscles`].
    pub fn muscle_index(&self, id: &MuscleId) -> Option<usize> {
        self.muscle_index.get(id).copied()
    }

    /// Position of a technique in [`Catalog::techniques`].
    pub fn technique_index(&self, id: &TechniqueId) -> Option<usize> {
        self.technique_index.get(id).copied()
    }

    /// Position of a tool in [`Catalog::tools`].
    pub fn tool_index(&self, id: &ToolId) -> Option<usize> {
        self.tool_index.get(id).copied()
    }

    pub fn muscle(&self, id: &MuscleId) -> Option<&Muscle> {
        self.muscle_index.get(id).map(|&i| &self.muscles[i])
    }

    pub fn technique(&self, id: &TechniqueId) -> Option<&Technique> {
        self.technique_index.get(id).map(|&i| &self.techniques[i])
    }

    pub fn tool(&self, id: &ToolId) -> Option<&Tool> {
        self.tool_index.get(id).map(|&i| &self.tools[i])
    }

    /// The regions where a muscle can be reached.
    pub fn regions_of_muscle<'a>(&'a self, id: &'a MuscleId) -> impl Iterator<Item = &'a Region> {
        self.regions.iter().filter(move |r| r.muscles.contains(id))
    }

    /// The techniques that work a muscle.
    pub fn techniques_for_muscle<'a>(
        &'a self,
        id: &'a MuscleId,
    ) -> impl Iterator<Item = &'a Technique> {
        self.techniques
            .iter()
            .filter(move |t| t.muscles.contains(id))
    }

    /// The techniques that can be done with a tool.
    pub fn techniques_with_tool<'a>(
        &'a self,
        id: &'a ToolId,
    ) -> impl Iterator<Item = &'a Technique> {
        self.techniques.iter().filter(move |t| t.tools.contains(id))
    }

    /// The techniques that fit a region: those working any of its muscles.
    pub fn techniques_for_region<'a>(
        &'a self,
        region: &'a Region,
    ) -> impl Iterator<Item = &'a Technique> {
        self.techniques
            .iter()
            .filter(move |t| t.muscles.iter().any(|m| region.muscles.contains(m)))
    }

    /// The regions a technique works, through its muscles.
    pub fn regions_of_technique<'a>(
        &'a self,
        technique: &'a Technique,
    ) -> impl Iterator<Item = &'a Region> {
        self.regions
            .iter()
            .filter(move |r| r.muscles.iter().any(|m| technique.muscles.contains(m)))
    }
}
