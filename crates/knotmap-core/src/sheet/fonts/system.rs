//! The system's fonts, for the characters Inter lacks (Arabic, Hebrew, Chinese, Japanese,
//! Devanagari, Thai, emoji …). The fonts fontconfig knows are listed only when a text first
//! needs one, so text Inter can draw never reads them; the faces chosen are read once and
//! kept for the rest of the process.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};

use super::Weight;

/// A face of a font installed on the system, read once and kept for the process.
pub struct SystemFace {
    /// Its place among the faces chosen so far: the same face, the same number.
    pub id: usize,
    /// The family's name, as the font gives it ("Noto Sans Arabic").
    pub family: String,
    /// The whole font file (a collection holds several faces).
    pub data: &'static [u8],
    /// Which face of the file.
    pub index: u32,
    /// The face, parsed for shaping and drawing.
    pub face: rustybuzz::Face<'static>,
}

impl std::fmt::Debug for SystemFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SystemFace({} #{})", self.family, self.index)
    }
}

/// What is known of the system's fonts so far.
#[derive(Default)]
struct Registry {
    /// The fonts fontconfig's directories hold, listed on first need.
    database: Option<fontdb::Database>,
    /// The faces in the order they are tried, for regular and for bold text.
    order: [Vec<fontdb::ID>; 2],
    /// The face chosen for each character (and weight) asked about; `None` when none has it.
    chosen: HashMap<(char, Weight), Option<&'static SystemFace>>,
    /// Faces read so far, by their place in the database.
    loaded: HashMap<fontdb::ID, &'static SystemFace>,
    /// Characters no face on the machine has.
    missing: BTreeSet<char>,
}

static REGISTRY: Mutex<Option<Registry>> = Mutex::new(None);

fn registry() -> MutexGuard<'static, Option<Registry>> {
    // A panic elsewhere while the lock was held leaves nothing half-written that matters here.
    REGISTRY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn slot(weight: Weight) -> usize {
    match weight {
        Weight::Regular => 0,
        Weight::Bold => 1,
    }
}

/// The order faces are tried in: Noto first, Noto Sans before the other Noto designs (Kufi,
/// Looped, Rashi …), then sans before serif, proportional before monospaced, the nearest weight, upright before italic, then by file and face, so the
/// choice is the same on every run.
fn order(database: &fontdb::Database, weight: u16) -> Vec<fontdb::ID> {
    let mut faces: Vec<_> = database
        .faces()
        .map(|info| {
            let family = info.families.first().map_or("", |(name, _)| name.as_str());
            let path = match &info.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => {
                    path.to_string_lossy().into_owned()
                }
                fontdb::Source::Binary(_) => String::new(),
            };
            let key = (
                !family.starts_with("Noto"),
                !family.starts_with("Noto Sans"),
                family.contains("Serif"),
                info.monospaced || family.contains("Mono"),
                info.weight.0.abs_diff(weight),
                info.style != fontdb::Style::Normal,
                path,
                info.index,
            );
            (key, info.id)
        })
        .collect();
    faces.sort();
    faces.into_iter().map(|(_, id)| id).collect()
}

impl Registry {
    /// Lists the system's fonts, once.
    fn scan(&mut self) -> &fontdb::Database {
        self.database.get_or_insert_with(|| {
            let mut database = fontdb::Database::new();
            database.load_system_fonts();
            self.order = [order(&database, 400), order(&database, 700)];
            database
        })
    }

    /// Finds a face for each of the characters not asked about before, trying the faces in
    /// order once for all of them.
    fn resolve(&mut self, chars: &BTreeSet<char>, weight: Weight) {
        let mut wanted: Vec<char> = chars
            .iter()
            .copied()
            .filter(|&c| !self.chosen.contains_key(&(c, weight)))
            .collect();
        if wanted.is_empty() {
            return;
        }
        self.scan();
        let Some(database) = self.database.as_ref() else {
            return;
        };
        let mut found: Vec<(char, fontdb::ID)> = Vec::new();
        for &id in &self.order[slot(weight)] {
            if wanted.is_empty() {
                break;
            }
            let has = database
                .with_face_data(id, |data, index| {
                    let Ok(face) = ttf_parser::Face::parse(data, index) else {
                        return Vec::new();
                    };
                    wanted
                        .iter()
                        .map(|&c| face.glyph_index(c).is_some_and(|g| g.0 != 0))
                        .collect()
                })
                .unwrap_or_default();
            let mut i = 0;
            wanted.retain(|&c| {
                let here = has.get(i).copied().unwrap_or(false);
                i += 1;
                if here {
                    found.push((c, id));
                }
                !here
            });
        }
        for (c, id) in found {
            let face = self.load(id);
            if face.is_none() {
                self.missing.insert(c);
            }
            self.chosen.insert((c, weight), face);
        }
        for c in wanted {
            self.missing.insert(c);
            self.chosen.insert((c, weight), None);
        }
    }

    /// Reads a face's font file, once.
    fn load(&mut self, id: fontdb::ID) -> Option<&'static SystemFace> {
        if let Some(face) = self.loaded.get(&id) {
            return Some(face);
        }
        let database = self.database.as_ref()?;
        let info = database.face(id)?;
        let family = info
            .families
            .first()
            .map_or_else(String::new, |(name, _)| name.clone());
        let data: &'static [u8] = match &info.source {
            fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => {
                Box::leak(std::fs::read(path).ok()?.into_boxed_slice())
            }
            fontdb::Source::Binary(data) => {
                Box::leak((**data).as_ref().to_vec().into_boxed_slice())
            }
        };
        let face = rustybuzz::Face::from_slice(data, info.index)?;
        let face: &'static SystemFace = Box::leak(Box::new(SystemFace {
            id: self.loaded.len(),
            family,
            data,
            index: info.index,
            face,
        }));
        self.loaded.insert(id, face);
        Some(face)
    }
}

/// Finds faces for characters Inter lacks, listing the system's fonts the first time.
pub fn resolve(chars: &BTreeSet<char>, weight: Weight) {
    if chars.is_empty() {
        return;
    }
    registry()
        .get_or_insert_with(Registry::default)
        .resolve(chars, weight);
}

/// The system face that draws a character: the first, in the order faces are tried, that
/// has it; `None` if no face on the machine has it.
pub fn face_for(c: char, weight: Weight) -> Option<&'static SystemFace> {
    let mut registry = registry();
    let registry = registry.get_or_insert_with(Registry::default);
    if let Some(&chosen) = registry.chosen.get(&(c, weight)) {
        return chosen;
    }
    registry.resolve(&BTreeSet::from([c]), weight);
    registry.chosen.get(&(c, weight)).copied().flatten()
}

/// The characters asked for that no font on the machine has, in code point order.
pub fn missing() -> Vec<char> {
    registry()
        .as_ref()
        .map(|r| r.missing.iter().copied().collect())
        .unwrap_or_default()
}

/// Whether the system's fonts have been listed in this process (they are only when a text
/// needs a character Inter lacks).
pub fn scanned() -> bool {
    registry().as_ref().is_some_and(|r| r.database.is_some())
}
