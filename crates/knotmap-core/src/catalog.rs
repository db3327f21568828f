//! The knowledge: body regions, muscles, techniques, tools, cautions and the complaints
//! runners bring.
//!
//! The catalog is written as RON under `assets/catalog/`, embedded in the binary and parsed
//! once at start-up into typed, validated structures. Everything else in knotmap reads it.

mod complaint;
mod dossier;
mod entries;
mod ix;
mod query;
mod rules;
mod side;
mod validate;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use complaint::{Complaint, ComplaintStep};
pub use dossier::Dossier;
pub use entries::{
    Applies, BallUnderWeight, Basic, BasicId, BuildRules, Caution, CautionId, ComplaintId, Cue,
    CueKind, Dose, Muscle, MuscleId, Place, Region, RegionId, SECONDS_PER_PASS, Severity, Side,
    Stride, Technique, TechniqueId, Tool, ToolId, UsualPlaces, View,
};
pub use ix::{BasicIx, ComplaintIx, MuscleIx, RegionIx, TechniqueIx, ToolIx};
pub use query::{Hit, MAX_QUERY_CHARS, QueryResult, Rank, normalize};
pub use rules::{Cap, DoseLimit, TOO_LONG, Work};
pub use side::StepSide;

/// A catalog file that could not be read, with the place of the problem.
#[derive(Clone, Debug, thiserror::Error)]
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
    pub builder: &'a str,
    pub complaints: &'a str,
}

impl Sources<'static> {
    /// The catalog embedded in the binary.
    pub const BUILTIN: Sources<'static> = Sources {
        regions: include_str!("../../../assets/catalog/regions.ron"),
        muscles: include_str!("../../../assets/catalog/muscles.ron"),
        techniques: include_str!("../../../assets/catalog/techniques.ron"),
        tools: include_str!("../../../assets/catalog/tools.ron"),
        cautions: include_str!("../../../assets/catalog/cautions.ron"),
        basics: include_str!("../../../assets/catalog/basics.ron"),
        builder: include_str!("../../../assets/catalog/builder.ron"),
        complaints: include_str!("../../../assets/catalog/complaints.ron"),
    };
}

/// Parses one RON file, turning a syntax or type error into one naming the file, line and
/// column.
pub fn parse_ron<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, CatalogError> {
    crate::ron_file::read_strict(text, 64).map_err(|p| CatalogError::Parse {
        file: file.to_owned(),
        line: p.line,
        column: p.column,
        message: p.message,
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
    /// What the routine builder and the routine's checks know about places.
    pub build_rules: BuildRules,
    /// What runners complain of, each with a ready routine.
    pub complaints: Vec<Complaint>,
    region_index: HashMap<RegionId, RegionIx>,
    muscle_index: HashMap<MuscleId, MuscleIx>,
    technique_index: HashMap<TechniqueId, TechniqueIx>,
    tool_index: HashMap<ToolId, ToolIx>,
    complaint_index: HashMap<ComplaintId, ComplaintIx>,
}

static BUILTIN: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();

impl Catalog {
    /// The embedded catalog, parsed and validated on first use.
    pub fn builtin() -> Result<&'static Catalog, CatalogError> {
        BUILTIN
            .get_or_init(|| Catalog::parse(Sources::BUILTIN))
            .as_ref()
            .map_err(|e| CatalogError::Invalid {
                file: "built-in catalog".to_owned(),
                message: e.to_string(),
            })
    }

    /// Parses and validates a catalog from its eight files.
    pub fn parse(sources: Sources<'_>) -> Result<Catalog, CatalogError> {
        let catalog = Catalog::new(
            parse_ron("regions.ron", sources.regions)?,
            parse_ron("muscles.ron", sources.muscles)?,
            parse_ron("techniques.ron", sources.techniques)?,
            parse_ron("tools.ron", sources.tools)?,
            parse_ron("cautions.ron", sources.cautions)?,
            parse_ron("basics.ron", sources.basics)?,
            parse_ron("builder.ron", sources.builder)?,
        )
        .with_complaints(parse_ron("complaints.ron", sources.complaints)?);
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
        build_rules: BuildRules,
    ) -> Catalog {
        fn index<K: Clone + Eq + std::hash::Hash, T, I>(
            items: &[T],
            key: impl Fn(&T) -> &K,
            ix: impl Fn(usize) -> I,
        ) -> HashMap<K, I> {
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (key(item).clone(), ix(i)))
                .collect()
        }
        Catalog {
            region_index: index(&regions, |r| &r.id, RegionIx),
            muscle_index: index(&muscles, |m| &m.id, MuscleIx),
            technique_index: index(&techniques, |t| &t.id, TechniqueIx),
            tool_index: index(&tools, |t| &t.id, ToolIx),
            complaint_index: HashMap::new(),
            regions,
            muscles,
            techniques,
            tools,
            cautions,
            basics,
            build_rules,
            complaints: Vec::new(),
        }
    }

    fn with_complaints(mut self, complaints: Vec<Complaint>) -> Catalog {
        self.complaint_index = complaints
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), ComplaintIx(i)))
            .collect();
        self.complaints = complaints;
        self
    }

    pub fn region(&self, id: &RegionId) -> Option<&Region> {
        self.region_index.get(id).map(|&i| &self.regions[i])
    }

    pub fn region_index(&self, id: &RegionId) -> Option<RegionIx> {
        self.region_index.get(id).copied()
    }

    /// Position of a muscle in [`Catalog::muscles`].
    pub fn muscle_index(&self, id: &MuscleId) -> Option<MuscleIx> {
        self.muscle_index.get(id).copied()
    }

    /// Position of a technique in [`Catalog::techniques`].
    pub fn technique_index(&self, id: &TechniqueId) -> Option<TechniqueIx> {
        self.technique_index.get(id).copied()
    }

    /// Position of a tool in [`Catalog::tools`].
    pub fn tool_index(&self, id: &ToolId) -> Option<ToolIx> {
        self.tool_index.get(id).copied()
    }

    pub fn complaint(&self, id: &ComplaintId) -> Option<&Complaint> {
        self.complaint_index.get(id).map(|&i| &self.complaints[i])
    }

    /// Position of a complaint in [`Catalog::complaints`].
    pub fn complaint_index(&self, id: &ComplaintId) -> Option<ComplaintIx> {
        self.complaint_index.get(id).copied()
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

    /// Whether a step with this tool on this place puts a ball under the body's weight, and
    /// so must stay short.
    pub fn ball_under_weight(&self, region: &RegionId, tool: &ToolId) -> bool {
        self.tool(tool).is_some_and(|t| t.ball)
            && self.build_rules.ball_under_weight.places.contains(region)
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

    /// Every place with its index, in the catalog's order.
    pub fn regions_ix(&self) -> impl Iterator<Item = (RegionIx, &Region)> {
        self.regions
            .iter()
            .enumerate()
            .map(|(i, r)| (RegionIx(i), r))
    }

    /// Every muscle with its index.
    pub fn muscles_ix(&self) -> impl Iterator<Item = (MuscleIx, &Muscle)> {
        self.muscles
            .iter()
            .enumerate()
            .map(|(i, m)| (MuscleIx(i), m))
    }

    /// Every technique with its index.
    pub fn techniques_ix(&self) -> impl Iterator<Item = (TechniqueIx, &Technique)> {
        self.techniques
            .iter()
            .enumerate()
            .map(|(i, t)| (TechniqueIx(i), t))
    }

    /// Every tool with its index.
    pub fn tools_ix(&self) -> impl Iterator<Item = (ToolIx, &Tool)> {
        self.tools.iter().enumerate().map(|(i, t)| (ToolIx(i), t))
    }

    /// Every piece of background with its index.
    pub fn basics_ix(&self) -> impl Iterator<Item = (BasicIx, &Basic)> {
        self.basics.iter().enumerate().map(|(i, b)| (BasicIx(i), b))
    }

    /// Every complaint with its index.
    pub fn complaints_ix(&self) -> impl Iterator<Item = (ComplaintIx, &Complaint)> {
        self.complaints
            .iter()
            .enumerate()
            .map(|(i, c)| (ComplaintIx(i), c))
    }

    /// The stride role a place is coloured by on the map: that of its first muscle.
    pub fn region_stride(&self, region: RegionIx) -> Option<Stride> {
        self.regions[region]
            .muscles
            .first()
            .and_then(|id| self.muscle(id))
            .map(|m| m.stride)
    }

    /// The name of a place as a runner reads it and a screen reader speaks it: "Left calf".
    pub fn place_name(&self, place: Place) -> String {
        self.regions[place.region].display_name(place.side)
    }

    /// The place a step works, with its side: "Left calf", "Hamstrings · both sides", or the
    /// unknown id itself.
    pub fn step_place_name(&self, step: &crate::routine::Step) -> String {
        match self.region(&step.region) {
            Some(region) => match step.side {
                StepSide::Left | StepSide::Right => region.display_name(step.side.side()),
                StepSide::Both => format!("{} · both sides", region.name),
                StepSide::Middle => region.name.clone(),
            },
            None => format!("Unknown region “{}”", step.region),
        }
    }
}
