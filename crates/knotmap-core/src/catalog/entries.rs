//! The catalog's entries as written in its RON files: typed ids, regions, muscles,
//! techniques with their cues and doses, tools, cautions and the basics.

use std::fmt;

use serde::{Deserialize, Serialize};

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
typed_id!(
    /// Names a complaint a runner brings, e.g. `shin_splints`.
    ComplaintId
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
    /// Holding the trunk tall and swinging the arms.
    UpperBody,
}

impl Stride {
    pub const ALL: [Stride; 5] = [
        Stride::HipFlexion,
        Stride::PushOff,
        Stride::Breathing,
        Stride::Stability,
        Stride::UpperBody,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Stride::HipFlexion => "Hip flexion",
            Stride::PushOff => "Push-off",
            Stride::Breathing => "Breathing",
            Stride::Stability => "Knee and hip stability",
            Stride::UpperBody => "Posture and arm swing",
        }
    }

    pub fn explain(self) -> &'static str {
        match self {
            Stride::HipFlexion => "swinging the leg forward",
            Stride::PushOff => "plantar flexion and hip extension",
            Stride::Breathing => "room for the breath",
            Stride::Stability => "steady knees and hips",
            Stride::UpperBody => "a tall trunk and free arms",
        }
    }
}

/// One place on the body: a region on one side, or a midline region. The one key for a
/// place in memory; files name a place by its region's id and a step's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    /// The region, in [`crate::catalog::Catalog::regions`].
    pub region: super::RegionIx,
    pub side: Option<Side>,
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
    /// For a no-roll zone: the places nearby to work instead.
    #[serde(default)]
    pub instead: Vec<RegionId>,
    /// A zone knotmap leaves out rather than warns of (the head, the hands): drawn as bare
    /// body, without the no-roll hatching.
    #[serde(default)]
    pub not_covered: bool,
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

    /// A no-roll zone drawn with the warning: not one knotmap merely leaves out.
    pub fn warns(&self) -> bool {
        self.is_no_roll() && !self.not_covered
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

/// About how long one slow pass along a muscle takes, one way: the studies that found
/// rolling helps used a pass every two to four seconds (Behm et al., 2020).
pub const SECONDS_PER_PASS: u32 = 3;

/// How much of a technique to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Dose {
    Seconds(u32),
    Passes(u32),
}

impl Dose {
    /// Rough time in seconds: a slow pass along a muscle takes about three.
    pub fn approx_seconds(self) -> u32 {
        match self {
            Dose::Seconds(s) => s,
            Dose::Passes(n) => n.saturating_mul(SECONDS_PER_PASS),
        }
    }

    /// The same kind of dose, cut to at most `seconds` (at least one pass or one second).
    pub fn capped(self, seconds: u32) -> Dose {
        match self {
            Dose::Seconds(s) => Dose::Seconds(s.min(seconds).max(1)),
            Dose::Passes(n) => Dose::Passes(n.min(seconds / SECONDS_PER_PASS).max(1)),
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
    /// The dose where a ball carries the body's weight (the builder's `ball_under_weight`
    /// places), for a technique whose usual dose is longer than those places allow.
    #[serde(default)]
    pub dose_under_weight: Option<Dose>,
    pub per_side: bool,
    /// The places never to roll beside the ones it works, which its pressure keeps off.
    #[serde(default)]
    pub avoid: Vec<RegionId>,
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
    /// A ball: a small, hard point that the body's weight can rest on.
    #[serde(default)]
    pub ball: bool,
    /// Always at hand (your hands, a floor, a wall): owned whatever the runner ticks.
    #[serde(default)]
    pub always: bool,
}

/// What the routine builder and the routine's checks know about places (`builder.ron`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildRules {
    /// Every place that may be rolled, in the order a routine works them: larger muscles
    /// first, breathing last.
    pub order: Vec<RegionId>,
    /// The places worked when the runner names none.
    pub usual: UsualPlaces,
    /// Where a ball carries the body's weight and so must stay short.
    pub ball_under_weight: BallUnderWeight,
    /// Places the hands work best, whatever tools the runner owns (a tendon with little
    /// padding): the builder takes a technique the hands do there.
    pub hands_first: Vec<RegionId>,
}

/// The places a routine works when the runner names none, one list for each time of day a
/// routine is for.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsualPlaces {
    pub before_run: Vec<RegionId>,
    pub after_run: Vec<RegionId>,
    pub rest_day: Vec<RegionId>,
    pub any_time: Vec<RegionId>,
}

impl UsualPlaces {
    /// Every list with its name in the file, for checks.
    pub fn all(&self) -> [(&'static str, &[RegionId]); 4] {
        [
            ("before_run", &self.before_run),
            ("after_run", &self.after_run),
            ("rest_day", &self.rest_day),
            ("any_time", &self.any_time),
        ]
    }
}

/// Places where a ball is under the body's weight: a step there stays short.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallUnderWeight {
    pub places: Vec<RegionId>,
    /// The places in a warning's words: "on a ball under the glutes".
    pub words: String,
    /// The longest a step there may press, per side.
    pub most_seconds: u32,
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

/// Where a caution applies besides the places, muscles, techniques and tools it lists: a
/// rule, so that a place added to the map is covered without being added to every list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Applies {
    /// Only where its lists say.
    #[default]
    Listed,
    /// Every place that may be worked: any work on a place that is not a no-roll zone.
    Everywhere,
    /// Wherever a ball carries the body's weight: a tool marked `ball` on one of the
    /// builder's `ball_under_weight` places (and, besides, where its lists say).
    BallUnderWeight,
}

/// A safety rule and what it applies to.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caution {
    pub id: CautionId,
    pub title: String,
    pub text: String,
    pub severity: Severity,
    /// The rule it follows besides its lists.
    #[serde(default)]
    pub applies: Applies,
    /// The area it speaks of: places where it applies, and for a Danger caution the no-roll
    /// zones it forbids.
    #[serde(default)]
    pub regions: Vec<RegionId>,
    #[serde(default)]
    pub muscles: Vec<MuscleId>,
    #[serde(default)]
    pub techniques: Vec<TechniqueId>,
    #[serde(default)]
    pub tools: Vec<ToolId>,
    /// Advice for a routine done just before a run; routines for other times leave it out.
    #[serde(default)]
    pub before_a_run_only: bool,
}

impl Caution {
    /// Whether this caution's lists speak to work on these regions, muscles, techniques and
    /// tools. A caution about places, muscles or techniques applies where one of them is
    /// worked (and, if it also names tools, only with one of those tools); a caution about
    /// tools alone applies wherever one of its tools is used. Its rule
    /// ([`crate::catalog::Catalog::caution_applies`]) may add more.
    pub fn listed_for(
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

    /// Whether it lists nothing at all.
    pub fn lists_nothing(&self) -> bool {
        self.regions.is_empty()
            && self.muscles.is_empty()
            && self.techniques.is_empty()
            && self.tools.is_empty()
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
    /// Read before anything else: shown in full on the welcome panel until the runner says it
    /// was read, then kept there as a link.
    #[serde(default)]
    pub read_first: bool,
    /// The entry in a few short lines, for where its whole text would be too much to take in
    /// at once (the welcome panel).
    #[serde(default)]
    pub brief: Vec<String>,
}
