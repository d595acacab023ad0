//! The matching core: pure code, no HTTP, no SQL. Plain structs in, ranked results with reasons out.
//! docs/matching.md explains the same rules in plain language; keep the two in step.
//!
//! An offer fits a person when it passes every hard constraint (access needs met, enough guidance,
//! a shared language, old enough, within the travel limit, still running, Dutch level or a language
//! buddy). Among fitting offers the score in [0, 1] is a weighted sum of five components, each in
//! [0, 1]; every component that adds to the score leaves a reason the person can read.

pub mod assignment;
mod tags;

pub use tags::{TagSet, Tags};

use serde::Serialize;
use utoipa::ToSchema;

/// Weights of the score's components; they sum to 1.
pub const WEIGHT_FIT: f64 = 0.30;
pub const WEIGHT_GOALS: f64 = 0.25;
pub const WEIGHT_TIME: f64 = 0.20;
pub const WEIGHT_DISTANCE: f64 = 0.15;
pub const WEIGHT_PLACES: f64 = 0.10;

/// Levels as ordered numbers: guidance none < light < intensive; Dutch none < A1 < … < B2.
pub type Level = u8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Travel {
    OwnDistrict,
    OwnArea,
    Anywhere,
}

/// A weekly time window: ISO weekday 1–7 and minutes since midnight, `start < end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Window {
    pub weekday: u8,
    pub start: u16,
    pub end: u16,
}

impl Window {
    fn covers(&self, other: &Window) -> bool {
        self.weekday == other.weekday && self.start <= other.start && other.end <= self.end
    }
}

/// Where something is: its district and the area and municipality above it (when known), as
/// numbers that whoever builds the places gives each district, area and municipality (one
/// numbering for a person and the offers they are matched with). Numbers, not ids: the matcher
/// compares places for every offer on every recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    pub district: u32,
    pub area: Option<u32>,
    pub municipality: Option<u32>,
}

impl Place {
    /// A district not in the tree: near nothing.
    pub const NOWHERE: Place = Place {
        district: u32::MAX,
        area: None,
        municipality: None,
    };
}

/// The person to match, from their profile.
#[derive(Debug, Clone)]
pub struct Person {
    pub place: Option<Place>,
    pub age: Option<u32>,
    /// `access` holds the person's access needs; no languages means Dutch.
    pub tags: Tags<TagSet>,
    pub guidance_needed: Level,
    pub dutch_level: Level,
    pub availability: Vec<Window>,
    pub max_travel: Travel,
}

/// An offer as the matcher sees it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: String,
    pub place: Place,
    /// No languages means Dutch.
    pub tags: Tags<TagSet>,
    pub guidance: Level,
    pub dutch_level: Level,
    pub language_buddy: bool,
    pub min_age: Option<u32>,
    /// Weekly slots and dated sessions, as weekly windows in local time.
    pub times: Vec<Window>,
    /// Days since 1970-01-01 of the last day, when the offer ends.
    pub end_day: Option<i64>,
    pub free_places: u32,
    pub referral_required: bool,
}

/// Why an offer scores: stable codes with parameters, turned into sentences by the SPA.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    SameDistrict,
    SameArea,
    SameMunicipality,
    SkillMatch {
        tag: String,
    },
    InterestMatch {
        tag: String,
    },
    GoalServed {
        tag: String,
    },
    /// The offer's time on this weekday falls inside the person's availability.
    FitsAvailability {
        weekday: u8,
        start: String,
        end: String,
    },
    AccessMet {
        tag: String,
    },
    GuidanceOffered {
        level: String,
    },
    LanguageBuddy,
    FreePlaces {
        count: u32,
    },
    /// Full: signing up puts the person on the waitlist.
    Waitlist,
    /// Only through a neighbourhood worker's referral.
    ReferralRequired,
}

/// Why an offer does not fit (shown to workers for residents left without a proposal).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Exclusion {
    AccessNotMet { tag: String },
    NotEnoughGuidance,
    NoSharedLanguage,
    DutchLevelTooLow,
    TooYoung,
    TooFar,
    Ended,
}

/// A fitting offer with its score and reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub score: f64,
    pub reasons: Vec<Reason>,
    pub full: bool,
}

const GUIDANCE_NAMES: [&str; 3] = ["none", "light", "intensive"];

/// Whether two language lists share one; an empty list means Dutch. No allocation: this runs for
/// every offer on every recommendation.
fn share_a_language(person: &TagSet, offer: &TagSet) -> bool {
    match (person.is_empty(), offer.is_empty()) {
        (true, true) => true,
        (true, false) => offer.contains("nl"),
        (false, true) => person.contains("nl"),
        (false, false) => !person.is_disjoint(offer),
    }
}

/// The first hard constraint the offer breaks, or None when it fits.
pub fn exclusion(person: &Person, offer: &Candidate, today: i64) -> Option<Exclusion> {
    if offer.end_day.is_some_and(|end| end < today) {
        return Some(Exclusion::Ended);
    }
    if let Some(need) = person.tags.access.first_missing_from(&offer.tags.access) {
        return Some(Exclusion::AccessNotMet { tag: need.clone() });
    }
    if offer.guidance < person.guidance_needed {
        return Some(Exclusion::NotEnoughGuidance);
    }
    if !share_a_language(&person.tags.languages, &offer.tags.languages) {
        return Some(Exclusion::NoSharedLanguage);
    }
    if person.dutch_level < offer.dutch_level && !offer.language_buddy {
        return Some(Exclusion::DutchLevelTooLow);
    }
    if let (Some(age), Some(min_age)) = (person.age, offer.min_age)
        && age < min_age
    {
        return Some(Exclusion::TooYoung);
    }
    if let Some(home) = &person.place {
        let near = match person.max_travel {
            Travel::Anywhere => true,
            Travel::OwnDistrict => home.district == offer.place.district,
            Travel::OwnArea => {
                home.district == offer.place.district
                    || (home.area.is_some() && home.area == offer.place.area)
            }
        };
        if !near {
            return Some(Exclusion::TooFar);
        }
    }
    None
}

/// 0, ½, ¾, ⅞ …: each further match adds half of what is left, so one strong match counts and many
/// do not run away with the score.
fn diminishing(matches: usize) -> f64 {
    1.0 - 0.5f64.powi(matches.min(30) as i32)
}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Scores a fitting offer. Call only when [`exclusion`] returned None.
pub fn score(person: &Person, offer: &Candidate) -> Scored {
    let mut reasons = Vec::new();
    let (score, full) = components(person, offer, Some(&mut reasons));
    Scored {
        score,
        reasons,
        full,
    }
}

/// The score and whether the offer is full, without the reasons: what ranking needs for every
/// offer (the reasons are made for the few that are shown).
pub fn score_only(person: &Person, offer: &Candidate) -> (f64, bool) {
    components(person, offer, None)
}

/// The score's components; each that adds to the score leaves a reason when `reasons` is given.
fn components(
    person: &Person,
    offer: &Candidate,
    mut reasons: Option<&mut Vec<Reason>>,
) -> (f64, bool) {
    let explaining = reasons.is_some();
    let mut say = |reason: Reason| {
        if let Some(reasons) = reasons.as_mut() {
            reasons.push(reason);
        }
    };

    // Skills and interests the offer asks for that the person has.
    let fit = if explaining {
        let skills: Vec<&String> = person.tags.skills.common(&offer.tags.skills).collect();
        let interests: Vec<&String> = person
            .tags
            .interests
            .common(&offer.tags.interests)
            .collect();
        let count = skills.len() + interests.len();
        for tag in skills {
            say(Reason::SkillMatch { tag: tag.clone() });
        }
        for tag in interests {
            say(Reason::InterestMatch { tag: tag.clone() });
        }
        diminishing(count)
    } else {
        diminishing(
            person.tags.skills.count_common(&offer.tags.skills)
                + person.tags.interests.count_common(&offer.tags.interests),
        )
    };

    // Goals the person has that the offer serves.
    let goals_value = if explaining {
        let goals: Vec<&String> = person.tags.goals.common(&offer.tags.goals).collect();
        let count = goals.len();
        for tag in goals {
            say(Reason::GoalServed { tag: tag.clone() });
        }
        diminishing(count)
    } else {
        diminishing(person.tags.goals.count_common(&offer.tags.goals))
    };

    // Share of the offer's times that fall inside the person's availability. Unknown on either
    // side counts as half: neither a plus nor a reason to drop the offer.
    let time_value = if person.availability.is_empty() || offer.times.is_empty() {
        0.5
    } else {
        let mut fitting = offer
            .times
            .iter()
            .filter(|time| person.availability.iter().any(|free| free.covers(time)));
        let first = fitting.next();
        let count = usize::from(first.is_some()) + fitting.count();
        if let Some(first) = first
            && explaining
        {
            say(Reason::FitsAvailability {
                weekday: first.weekday,
                start: clock(first.start),
                end: clock(first.end),
            });
        }
        count as f64 / offer.times.len() as f64
    };

    // Nearness: same district, same area, same municipality.
    let distance_value = match &person.place {
        None => 0.5,
        Some(home) if home.district == offer.place.district => {
            say(Reason::SameDistrict);
            1.0
        }
        Some(home) if home.area.is_some() && home.area == offer.place.area => {
            say(Reason::SameArea);
            0.6
        }
        Some(home)
            if home.municipality.is_some() && home.municipality == offer.place.municipality =>
        {
            say(Reason::SameMunicipality);
            0.3
        }
        Some(_) => 0.0,
    };

    // Free places: a full offer still shows, on the waitlist.
    let full = offer.free_places == 0;
    let places_value = (f64::from(offer.free_places) / 3.0).min(1.0);
    if full {
        say(Reason::Waitlist);
    } else {
        say(Reason::FreePlaces {
            count: offer.free_places,
        });
    }

    // What the offer does for the person's needs (no score: they are already hard constraints).
    if explaining {
        for tag in &person.tags.access {
            say(Reason::AccessMet { tag: tag.clone() });
        }
        if person.guidance_needed > 0 {
            say(Reason::GuidanceOffered {
                level: GUIDANCE_NAMES[usize::from(offer.guidance.min(2))].to_string(),
            });
        }
        if person.dutch_level < offer.dutch_level && offer.language_buddy {
            say(Reason::LanguageBuddy);
        }
        if offer.referral_required {
            say(Reason::ReferralRequired);
        }
    }

    let score = WEIGHT_FIT * fit
        + WEIGHT_GOALS * goals_value
        + WEIGHT_TIME * time_value
        + WEIGHT_DISTANCE * distance_value
        + WEIGHT_PLACES * places_value;
    (score.clamp(0.0, 1.0), full)
}

/// Evaluates one offer for one person.
pub fn evaluate(person: &Person, offer: &Candidate, today: i64) -> Result<Scored, Exclusion> {
    match exclusion(person, offer, today) {
        Some(reason) => Err(reason),
        None => Ok(score(person, offer)),
    }
}

/// A ranked recommendation: the index of the offer in the input and its evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub index: usize,
    pub scored: Scored,
}

/// The best `limit` fitting offers, best first; full offers after all others. Ties are broken by
/// offer id, so the same data always gives the same ranking. Every offer is scored without its
/// reasons; the reasons are made only for the offers returned. `skip(i)` leaves out `offers[i]`
/// before any check (offers signed up for, or known to be out of reach).
pub fn rank(
    person: &Person,
    offers: &[Candidate],
    today: i64,
    limit: usize,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<Ranked> {
    rank_among(person, offers, 0..offers.len(), today, limit, skip)
}

/// [`rank`] over the offers at the positions `among` only (each at most once, in any order): the
/// caller knows the others cannot fit, such as offers out of the person's travel range.
pub fn rank_among(
    person: &Person,
    offers: &[Candidate],
    among: impl IntoIterator<Item = usize>,
    today: i64,
    limit: usize,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<Ranked> {
    let mut fitting: Vec<(usize, f64, bool)> = among
        .into_iter()
        .filter(|&index| !skip(index) && exclusion(person, &offers[index], today).is_none())
        .map(|index| {
            let (score, full) = score_only(person, &offers[index]);
            (index, score, full)
        })
        .collect();
    let order = |a: &(usize, f64, bool), b: &(usize, f64, bool)| {
        a.2.cmp(&b.2)
            .then(b.1.total_cmp(&a.1))
            .then_with(|| offers[a.0].id.cmp(&offers[b.0].id))
    };
    if limit == 0 {
        return Vec::new();
    }
    if fitting.len() > limit {
        fitting.select_nth_unstable_by(limit - 1, order);
        fitting.truncate(limit);
    }
    fitting.sort_by(order);
    fitting
        .into_iter()
        .map(|(index, _, _)| Ranked {
            index,
            scored: score(person, &offers[index]),
        })
        .collect()
}

/// The score as shown: four decimals.
pub fn rounded(score: f64) -> f64 {
    (score * 10_000.0).round() / 10_000.0
}

/// The score as an integer weight for exact assignment (1 = 0.0001).
pub fn weight(score: f64) -> i64 {
    (score * 10_000.0).round() as i64
}

#[cfg(test)]
mod tests;
