//! Finding catalog entries from what a runner types: ids, names and other names, in any case,
//! singular or plural, with near misses offered when nothing matches.

use super::{BasicIx, Catalog, ComplaintIx, MuscleIx, Place, Side, TechniqueIx, ToolIx};

/// One catalog entry a query matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hit {
    /// A place: a region, with a side when the query named one ("left calf").
    Region(Place),
    Muscle(MuscleIx),
    Technique(TechniqueIx),
    Tool(ToolIx),
    /// A piece of background from [`Catalog::basics`].
    Basic(BasicIx),
    /// Something a runner feels, from [`Catalog::complaints`].
    Complaint(ComplaintIx),
}

/// What a lookup found: exact matches, or else the closest names.
#[derive(Clone, Debug, Default)]
pub struct QueryResult {
    /// Best first.
    pub hits: Vec<Hit>,
    /// How well each hit answers, in the same order.
    pub ranks: Vec<Rank>,
    /// Close names, only when nothing answers.
    pub suggestions: Vec<String>,
}

/// The longest search knotmap takes: a name, a muscle or a complaint is a few words, and a
/// long paste would only slow every key.
pub const MAX_QUERY_CHARS: usize = 100;

/// Folds a phrase to a comparable form: lower case, punctuation to spaces, each word made
/// singular ("Calves" → "calf", "glutes" → "glute", "tennis balls" → "tennis ball").
pub fn normalize(text: &str) -> String {
    let lower = text.to_lowercase();
    let spaced: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced
        .split_whitespace()
        .map(singular)
        .collect::<Vec<_>>()
        .join(" ")
}

fn singular(word: &str) -> String {
    const KEEP: [&str; 6] = ["psoas", "tennis", "gluteus", "latae", "minimus", "medius"];
    if KEEP.contains(&word) || word.len() <= 3 {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix("ves") {
        return format!("{stem}f");
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_owned();
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

/// What a key of an entry is: how much a match on it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyKind {
    /// The entry's id or its name.
    Name,
    /// One of the other names people use.
    OtherName,
    /// A sentence that describes it.
    Text,
}

/// A name an entry answers to, already normalised.
struct Key {
    hit: Hit,
    kind: KeyKind,
    text: String,
    /// What to offer when suggesting this key.
    shown: String,
}

/// How well an entry answers a query, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The query is the entry's name.
    Name,
    /// The query is one of its other names.
    OtherName,
    /// A name or other name starts with the query.
    Start,
    /// The query is a whole word or phrase inside a name or other name.
    Word,
    /// The query's words are in a sentence about the entry.
    Text,
}

impl Catalog {
    fn keys(&self) -> Vec<Key> {
        let mut keys = Vec::new();
        let mut push = |hit: Hit, kind: KeyKind, text: &str| {
            keys.push(Key {
                hit,
                kind,
                text: normalize(text),
                shown: text.to_owned(),
            });
        };
        // A complaint answers first among equals: "heel" or "shin splints" is what the runner
        // feels before it is a place.
        for (i, complaint) in self.complaints_ix() {
            let hit = Hit::Complaint(i);
            push(hit, KeyKind::Name, &complaint.id.as_str().replace('_', " "));
            push(hit, KeyKind::Name, &complaint.name);
            for alias in &complaint.aliases {
                push(hit, KeyKind::OtherName, alias);
            }
            push(hit, KeyKind::Text, &complaint.usually);
        }
        for (i, region) in self.regions_ix() {
            let hit = Hit::Region(Place {
                region: i,
                side: None,
            });
            push(hit, KeyKind::Name, &region.id.as_str().replace('_', " "));
            push(hit, KeyKind::Name, &region.name);
            for alias in &region.aliases {
                push(hit, KeyKind::OtherName, alias);
            }
            push(hit, KeyKind::Text, &region.about);
            if region.sided {
                for side in Side::BOTH {
                    push(
                        Hit::Region(Place {
                            region: i,
                            side: Some(side),
                        }),
                        KeyKind::Name,
                        &region.display_name(Some(side)),
                    );
                }
            }
        }
        for (i, muscle) in self.muscles_ix() {
            let hit = Hit::Muscle(i);
            push(hit, KeyKind::Name, &muscle.id.as_str().replace('_', " "));
            push(hit, KeyKind::Name, &muscle.name);
            for alias in &muscle.aliases {
                push(hit, KeyKind::OtherName, alias);
            }
            push(hit, KeyKind::Text, &muscle.what);
        }
        for (i, technique) in self.techniques_ix() {
            let hit = Hit::Technique(i);
            push(hit, KeyKind::Name, &technique.id.as_str().replace('_', " "));
            push(hit, KeyKind::Name, &technique.name);
            for alias in &technique.aliases {
                push(hit, KeyKind::OtherName, alias);
            }
            push(hit, KeyKind::Text, &technique.summary);
        }
        for (i, tool) in self.tools_ix() {
            let hit = Hit::Tool(i);
            push(hit, KeyKind::Name, &tool.id.as_str().replace('_', " "));
            push(hit, KeyKind::Name, &tool.name);
            for alias in &tool.aliases {
                push(hit, KeyKind::OtherName, alias);
            }
        }
        for (i, basic) in self.basics_ix() {
            let hit = Hit::Basic(i);
            push(hit, KeyKind::Name, &basic.id.as_str().replace('_', " "));
            push(hit, KeyKind::Name, &basic.title);
            for alias in &basic.aliases {
                push(hit, KeyKind::OtherName, alias);
            }
        }
        keys
    }

    /// How a key answers the normalised query, if it does.
    fn rank(key: &Key, wanted: &str) -> Option<Rank> {
        let padded = format!(" {} ", key.text);
        let word = padded.contains(&format!(" {wanted} "));
        match key.kind {
            KeyKind::Text => word.then_some(Rank::Text),
            kind if key.text == wanted => Some(if kind == KeyKind::Name {
                Rank::Name
            } else {
                Rank::OtherName
            }),
            _ if key.text.starts_with(&format!("{wanted} ")) || key.text.starts_with(wanted) => {
                Some(Rank::Start)
            }
            _ if word => Some(Rank::Word),
            _ => None,
        }
    }

    /// Finds what a runner typed, for the search box and for `knotmap show` alike: every
    /// entry that answers, best first (its name, then its other names, then names that start
    /// with the query or hold it as a word, then sentences about an entry; a place's own
    /// description only when no name answers). Places to work
    /// come before no-roll zones of the same rank. When nothing answers, up to five close
    /// names are offered instead, and never as matches.
    pub fn find(&self, query: &str) -> QueryResult {
        let wanted = normalize(query);
        if wanted.is_empty() {
            return QueryResult::default();
        }
        let names_side = query_names_side(&wanted);
        let keys = self.keys();
        let mut ranked: Vec<(Rank, bool, usize, Hit)> = Vec::new();
        for (order, key) in keys.iter().enumerate() {
            // "Left calf" only answers a query that names a side.
            if matches!(key.hit, Hit::Region(Place { side: Some(_), .. })) != names_side {
                continue;
            }
            if let Some(rank) = Catalog::rank(key, &wanted) {
                let zone = matches!(key.hit, Hit::Region(Place { region: i, .. }) if self.regions[i].is_no_roll());
                ranked.push((rank, zone, order, key.hit));
            }
        }
        ranked.sort_by_key(|&(rank, zone, order, _)| (rank, zone, order));
        // A place found only in its description counts when no name answers: "upper back"
        // lights the upper back, not the calf whose description mentions "the upper back of
        // your lower leg". Muscles and techniques described with the words stay, below.
        if ranked.first().is_some_and(|&(rank, ..)| rank < Rank::Text) {
            ranked.retain(|&(rank, _, _, hit)| rank < Rank::Text || !matches!(hit, Hit::Region(_)));
        }
        let mut hits = Vec::new();
        let mut ranks = Vec::new();
        for (rank, _, _, hit) in ranked {
            if !hits.contains(&hit) {
                hits.push(hit);
                ranks.push(rank);
            }
        }
        if !hits.is_empty() {
            return QueryResult {
                hits,
                ranks,
                suggestions: Vec::new(),
            };
        }
        let mut scored: Vec<(f64, &Key)> = keys
            .iter()
            .filter(|k| k.kind != KeyKind::Text)
            .map(|k| (similarity(&wanted, &k.text), k))
            .filter(|(score, _)| *score >= 0.7)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut suggestions: Vec<String> = Vec::new();
        for (_, key) in scored {
            if !suggestions
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&key.shown))
            {
                suggestions.push(key.shown.clone());
            }
            if suggestions.len() == 5 {
                break;
            }
        }
        QueryResult {
            suggestions,
            ..QueryResult::default()
        }
    }
}

fn query_names_side(normalized: &str) -> bool {
    normalized.starts_with("left ") || normalized.starts_with("right ")
}

fn similarity(a: &str, b: &str) -> f64 {
    let whole = strsim::jaro_winkler(a, b);
    // A typo inside one word of a longer name ("hamstrng" for "hamstring insertion").
    let best_word = b
        .split(' ')
        .map(|word| strsim::normalized_damerau_levenshtein(a, word))
        .fold(0.0, f64::max);
    whole.max(best_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_case_fold_to_one_form() {
        assert_eq!(normalize("Calves"), normalize("calf"));
        assert_eq!(normalize("Glutes"), normalize("glute"));
        assert_eq!(normalize("Tennis balls"), normalize("tennis ball"));
        assert_eq!(normalize("IT-band"), "it band");
        assert_eq!(normalize("psoas"), "psoas");
        assert_eq!(normalize("  sit   bones "), "sit bone");
    }
}
