//! What the tightness log says over a period, for a physio to read in a minute: each place's
//! tightness at the start and at the end, the places that changed most, left against right,
//! each place's course, and the sessions done.

use jiff::civil::Date;

use super::{Log, MAX_TIGHTNESS};
use crate::catalog::{Catalog, RegionId};
use crate::routine::StepSide;

/// The days a report covers, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// The four weeks up to and including `to`.
    pub fn four_weeks_to(to: Date) -> Period {
        Period {
            from: to
                .checked_sub(jiff::Span::new().days(27))
                .unwrap_or(Date::MIN),
            to,
        }
    }

    pub fn contains(self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// The period as a reader says it: "1 Nov 2026 – 28 Nov 2026".
    pub fn words(self) -> String {
        format!("{} – {}", long_date(self.from), long_date(self.to))
    }

    /// How many days it spans.
    pub fn days(self) -> i32 {
        (self.to - self.from).get_days() + 1
    }
}

/// The periods the window offers for a report, each ending today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Span {
    #[default]
    FourWeeks,
    TwelveWeeks,
    Year,
    /// From the first session logged.
    Everything,
}

impl Span {
    pub const ALL: [Span; 4] = [
        Span::FourWeeks,
        Span::TwelveWeeks,
        Span::Year,
        Span::Everything,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Span::FourWeeks => "The last four weeks",
            Span::TwelveWeeks => "The last twelve weeks",
            Span::Year => "The last year",
            Span::Everything => "Everything logged",
        }
    }

    /// The days this span covers, up to `today`.
    pub fn period(self, today: Date, log: &Log) -> Period {
        let back = |days: i64| {
            today
                .checked_sub(jiff::Span::new().days(days - 1))
                .unwrap_or(Date::MIN)
        };
        let from = match self {
            Span::FourWeeks => back(28),
            Span::TwelveWeeks => back(84),
            Span::Year => back(365),
            Span::Everything => log
                .entries
                .iter()
                .filter_map(|e| e.date.parse::<Date>().ok())
                .min()
                .unwrap_or(today)
                .min(today),
        };
        Period { from, to: today }
    }
}

/// A date as a reader says it: "7 Nov 2026".
pub fn long_date(date: Date) -> String {
    date.strftime("%-d %b %Y").to_string()
}

/// A text that is not a date as YYYY-MM-DD.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a date: write it as YYYY-MM-DD, as 2026-11-30")]
pub struct NotADate(pub String);

/// A date given on the command line or in a form, as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<Date, NotADate> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| NotADate(text.to_owned()))
}

/// One place on one side, rated over the period.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceCourse {
    pub region: RegionId,
    pub side: StepSide,
    /// Its name as the map says it: "Left calf".
    pub name: String,
    /// Each rating in the period, oldest first.
    pub ratings: Vec<(Date, u8)>,
}

impl PlaceCourse {
    pub fn first(&self) -> u8 {
        self.ratings.first().map_or(0, |r| r.1)
    }

    pub fn last(&self) -> u8 {
        self.ratings.last().map_or(0, |r| r.1)
    }

    /// From the first rating to the last: negative is looser.
    pub fn change(&self) -> i32 {
        i32::from(self.last()) - i32::from(self.first())
    }

    pub fn mean(&self) -> f32 {
        let sum: u32 = self.ratings.iter().map(|r| u32::from(r.1)).sum();
        sum as f32 / self.ratings.len().max(1) as f32
    }
}

/// A sided place with both sides rated: their averages over the period.
#[derive(Clone, Debug, PartialEq)]
pub struct SidePair {
    pub region: RegionId,
    /// The place's name without a side: "Calf".
    pub name: String,
    pub left: f32,
    pub right: f32,
    /// The latest rating of each side.
    pub left_last: u8,
    pub right_last: u8,
}

impl SidePair {
    /// Left minus right, in averages.
    pub fn difference(&self) -> f32 {
        self.left - self.right
    }
}

/// One session in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionLine {
    pub date: Date,
    pub time: Option<String>,
    pub routine: String,
    /// Steps done and skipped, for a session played in the window.
    pub done: Option<u32>,
    pub skipped: Option<u32>,
    pub places_rated: usize,
}

/// The report's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub period: Period,
    pub sessions: Vec<SessionLine>,
    /// Every place rated in the period, in the catalog's order, left before right.
    pub places: Vec<PlaceCourse>,
    /// Sessions whose date could not be read, left out.
    pub unreadable: usize,
    /// Ratings of places the catalog does not know (a hand-edited log, or one from a knotmap
    /// with other places), left out.
    pub unknown_places: usize,
}

/// A difference between the sides this large, in averages, is worth a look.
pub const UNEVEN: f32 = 2.0;

impl Report {
    /// The figures of `log` over `period`.
    pub fn new(log: &Log, catalog: &Catalog, period: Period) -> Report {
        let mut sessions = Vec::new();
        // Each place rated, by its position in the catalog and its side: the work grows with
        // the ratings, not with their square.
        let mut places: std::collections::BTreeMap<(crate::catalog::RegionIx, u8), PlaceCourse> =
            std::collections::BTreeMap::new();
        let mut unreadable = 0;
        let mut unknown_places = 0;
        for entry in &log.entries {
            let Ok(date) = entry.date.parse::<Date>() else {
                unreadable += 1;
                continue;
            };
            if !period.contains(date) {
                continue;
            }
            sessions.push(SessionLine {
                date,
                time: entry.time.clone(),
                routine: entry.routine.clone(),
                done: entry.done,
                skipped: entry.skipped,
                places_rated: entry.ratings.len(),
            });
            for rating in &entry.ratings {
                let Some(index) = catalog.region_index(&rating.region) else {
                    unknown_places += 1;
                    continue;
                };
                let side = match rating.side {
                    StepSide::Left => 0,
                    StepSide::Right => 1,
                    StepSide::Middle | StepSide::Both => 2,
                };
                let tightness = rating.tightness.min(MAX_TIGHTNESS);
                places
                    .entry((index, side))
                    .or_insert_with(|| PlaceCourse {
                        region: rating.region.clone(),
                        side: rating.side,
                        name: catalog.regions[index].display_name(rating.side.side()),
                        ratings: Vec::new(),
                    })
                    .ratings
                    .push((date, tightness));
            }
        }
        // Sessions of one day in the order they were done; the log keeps them in order of
        // writing, which a hand-edited log may not.
        sessions.sort_by(|a, b| (a.date, &a.time).cmp(&(b.date, &b.time)));
        let mut places: Vec<PlaceCourse> = places.into_values().collect();
        for place in &mut places {
            place.ratings.sort_by_key(|r| r.0);
        }
        Report {
            period,
            sessions,
            places,
            unreadable,
            unknown_places,
        }
    }

    /// The places rated at least twice whose tightness changed, the largest change first
    /// (the tighter at the end first among equals); at most `n`.
    pub fn changed_most(&self, n: usize) -> Vec<&PlaceCourse> {
        let mut changed: Vec<&PlaceCourse> = self
            .places
            .iter()
            .filter(|p| p.ratings.len() >= 2 && p.change() != 0)
            .collect();
        changed.sort_by_key(|p| {
            (
                std::cmp::Reverse(p.change().abs()),
                std::cmp::Reverse(p.last()),
            )
        });
        changed.truncate(n);
        changed
    }

    /// Each place rated on both sides, in the catalog's order.
    pub fn left_right(&self, catalog: &Catalog) -> Vec<SidePair> {
        self.places
            .iter()
            .filter(|p| p.side == StepSide::Left)
            .filter_map(|left| {
                let right = self
                    .places
                    .iter()
                    .find(|p| p.region == left.region && p.side == StepSide::Right)?;
                Some(SidePair {
                    region: left.region.clone(),
                    name: catalog
                        .region(&left.region)
                        .map_or_else(|| left.region.to_string(), |r| r.name.clone()),
                    left: left.mean(),
                    right: right.mean(),
                    left_last: left.last(),
                    right_last: right.last(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tightness::{Entry, Rating};

    fn entry(date: &str, ratings: &[(&str, StepSide, u8)]) -> Entry {
        Entry {
            date: date.to_owned(),
            time: None,
            routine: "After a long run".to_owned(),
            ratings: ratings
                .iter()
                .map(|&(region, side, tightness)| Rating {
                    region: region.into(),
                    side,
                    tightness,
                })
                .collect(),
            done: Some(11),
            skipped: Some(0),
        }
    }

    #[test]
    fn the_figures_of_a_month() {
        let catalog = Catalog::builtin().expect("catalog");
        let log = Log {
            entries: vec![
                entry("2026-10-30", &[("calf", StepSide::Left, 9)]),
                entry(
                    "2026-11-02",
                    &[("calf", StepSide::Left, 7), ("calf", StepSide::Right, 4)],
                ),
                entry("2026-11-10", &[("hamstrings", StepSide::Right, 5)]),
                entry(
                    "2026-11-20",
                    &[("calf", StepSide::Left, 3), ("calf", StepSide::Right, 4)],
                ),
                entry("bad date", &[("calf", StepSide::Left, 1)]),
            ],
            ..Log::default()
        };
        let period = Period {
            from: parse_date("2026-11-01").expect("date"),
            to: parse_date("2026-11-30").expect("date"),
        };
        let report = Report::new(&log, catalog, period);
        assert_eq!(report.sessions.len(), 3, "October's session is outside");
        assert_eq!(report.unreadable, 1);
        let names: Vec<&str> = report.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Right hamstrings", "Left calf", "Right calf"]);
        let most = report.changed_most(5);
        assert_eq!(most.len(), 1, "one rating, or no change, is not a change");
        assert_eq!(
            (most[0].first(), most[0].last(), most[0].change()),
            (7, 3, -4)
        );
        let pairs = report.left_right(catalog);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].name, "Calf");
        assert!((pairs[0].difference() - 1.0).abs() < 1e-6);
        assert_eq!(period.days(), 30);
        assert_eq!(period.words(), "1 Nov 2026 – 30 Nov 2026");
        assert!(parse_date("30/11/2026").is_err());
    }
}
