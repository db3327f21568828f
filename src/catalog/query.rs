//! Finding catalog entries from what a runner types: ids, names and other names, in any case,
//! singular or plural, with near misses offered when nothing matches.

use super::{Catalog, Side};

/// One catalog entry a query matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hit {
    /// A region; with a side when the query named one ("left calf").
    Region(usize, Option<Side>),
    Muscle(usize),
    Technique(usize),
    Tool(usize),
    /// A piece of background from [`Catalog::basics`].
    Basic(usize),
}

/// What a lookup found: exact matches, or else the closest names.
#[derive(Clone, Debug, Default)]
pub struct QueryResult {
    pub hits: Vec<Hit>,
    pub suggestions: Vec<String>,
}

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

/// A name an entry answers to, already normalised.
struct Key {
    hit: Hit,
    text: String,
    /// What to offer when suggesting this key.
    shown: String,
}

impl Catalog {
    fn keys(&self) -> Vec<Key> {
        let mut keys = Vec::new();
        let mut push = |hit: Hit, text: &str| {
            keys.push(Key {
                hit,
                text: normalize(text),
                shown: text.to_owned(),
            });
        };
        for (i, region) in self.regions.iter().enumerate() {
            push(Hit::Region(i, None), &region.id.as_str().replace('_', " "));
            push(Hit::Region(i, None), &region.name);
            for alias in &region.aliases {
                push(Hit::Region(i, None), alias);
            }
            if region.sided {
                for side in Side::BOTH {
                    push(Hit::Region(i, Some(side)), &region.display_name(Some(side)));
                }
            }
        }
        for (i, muscle) in self.muscles.iter().enumerate() {
            push(Hit::Muscle(i), &muscle.id.as_str().replace('_', " "));
            push(Hit::Muscle(i), &muscle.name);
            for alias in &muscle.aliases {
                push(Hit::Muscle(i), alias);
            }
        }
        for (i, technique) in self.techniques.iter().enumerate() {
            push(Hit::Technique(i), &technique.id.as_str().replace('_', " "));
            push(Hit::Technique(i), &technique.name);
            for alias in &technique.aliases {
                push(Hit::Technique(i), alias);
            }
        }
        for (i, tool) in self.tools.iter().enumerate() {
            push(Hit::Tool(i), &tool.id.as_str().replace('_', " "));
            push(Hit::Tool(i), &tool.name);
            for alias in &tool.aliases {
                push(Hit::Tool(i), alias);
            }
        }
        for (i, basic) in self.basics.iter().enumerate() {
            push(Hit::Basic(i), &basic.id.as_str().replace('_', " "));
            push(Hit::Basic(i), &basic.title);
            for alias in &basic.aliases {
                push(Hit::Basic(i), alias);
            }
        }
        keys
    }

    /// Looks a query up for `knotmap show`: every entry whose id, name or other name equals
    /// the query once normalised; if none does, up to five close names to suggest.
    pub fn lookup(&self, query: &str) -> QueryResult {
        let wanted = normalize(query);
        if wanted.is_empty() {
            return QueryResult::default();
        }
        let keys = self.keys();
        let mut hits = Vec::new();
        for key in keys.iter().filter(|k| k.text == wanted) {
            if !hits.contains(&key.hit) {
                hits.push(key.hit);
            }
        }
        if !hits.is_empty() {
            return QueryResult {
                hits,
                suggestions: Vec::new(),
            };
        }
        let mut scored: Vec<(f64, &Key)> = keys
            .iter()
            .map(|k| (similarity(&wanted, &k.text), k))
            .filter(|(score, _)| *score >= 0.45)
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
            hits: Vec::new(),
            suggestions,
        }
    }

    /// Matches for the search box, best first: names that start with or contain what was
    /// typed so far, then near misses.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let wanted = normalize(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let names_side = query_names_side(&wanted);
        let mut scored: Vec<(f64, usize, Hit)> = Vec::new();
        for (order, key) in self.keys().iter().enumerate() {
            // "Left calf" only answers a query that names a side.
            if matches!(key.hit, Hit::Region(_, Some(_))) != names_side {
                continue;
            }
            let score = if key.text == wanted {
                3.0
            } else if key.text.starts_with(&wanted) {
                2.0
            } else if key.text.contains(&format!(" {wanted}")) {
                1.5
            } else if wanted.len() >= 3 && key.text.contains(&wanted) {
                1.2
            } else {
                let s = similarity(&wanted, &key.text);
                if s >= 0.8 { s } else { continue }
            };
            scored.push((score, order, key.hit));
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut hits = Vec::new();
        for (_, _, hit) in scored {
            if !hits.contains(&hit) {
                hits.push(hit);
            }
        }
        hits
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
