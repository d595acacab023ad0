//! Recommendations: the candidate pool, and ranking it for one resident.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Timelike};
use chrono_tz::Europe::Amsterdam;

use super::dto::{RecommendationItem, RecommendationList};
use super::models::Pool;
use super::repo;
use crate::db::DbConn;
use crate::db::ids::{DistrictId, OfferId, UserId};
use crate::error::AppError;
use crate::features::districts::models::DistrictKind;
use crate::features::offers::dto::OfferResponse;
use crate::features::offers::models::Route;
use crate::features::profiles::service as profiles;
use crate::features::{districts, offers, referrals, signups};
use crate::matching::{self, Candidate, Place, Window};
use crate::state::AppState;

/// Days since 1970-01-01, the matcher's calendar.
pub fn day_number(date: NaiveDate) -> i64 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")).num_days()
}

/// Each district's district, area and municipality.
fn places(all: &[crate::features::districts::models::District]) -> HashMap<DistrictId, Place> {
    let by_id: HashMap<&DistrictId, &crate::features::districts::models::District> =
        all.iter().map(|d| (&d.id, d)).collect();
    all.iter()
        .map(|district| {
            let mut place = Place {
                district: district.id.to_string(),
                area: None,
                municipality: None,
            };
            let mut current = Some(district);
            while let Some(node) = current {
                match node.kind {
                    DistrictKind::Area if place.area.is_none() => {
                        place.area = Some(node.id.to_string())
                    }
                    DistrictKind::Municipality => place.municipality = Some(node.id.to_string()),
                    _ => {}
                }
                current = node
                    .parent_id
                    .as_ref()
                    .and_then(|parent| by_id.get(parent).copied());
            }
            (district.id.clone(), place)
        })
        .collect()
}

/// An offer as the matcher's Candidate. Dated sessions count as weekly windows in Dutch local time.
fn candidate(offer: &OfferResponse, place: Place) -> Candidate {
    let set = |keys: &Vec<String>| keys.iter().cloned().collect::<BTreeSet<String>>();
    let mut times: Vec<Window> = offer
        .weekly_slots
        .iter()
        .map(|slot| Window {
            weekday: slot.weekday as u8,
            start: profiles::minutes_of(&slot.start),
            end: profiles::minutes_of(&slot.end),
        })
        .collect();
    for session in &offer.sessions {
        let (start, end) = (
            session.starts_at.with_timezone(&Amsterdam),
            session.ends_at.with_timezone(&Amsterdam),
        );
        let window = Window {
            weekday: start.weekday().number_from_monday() as u8,
            start: (start.hour() * 60 + start.minute()) as u16,
            end: if end.date_naive() == start.date_naive() {
                (end.hour() * 60 + end.minute()) as u16
            } else {
                24 * 60
            },
        };
        if !times.contains(&window) {
            times.push(window);
        }
    }
    Candidate {
        id: offer.id.to_string(),
        place,
        skills: set(&offer.skills),
        interests: set(&offer.interests),
        goals: set(&offer.goals),
        languages: set(&offer.languages),
        access: set(&offer.access),
        guidance: profiles::guidance_level(offer.guidance),
        dutch_level: profiles::level_of_dutch(offer.dutch_level),
        language_buddy: offer.language_buddy,
        min_age: offer.min_age.map(|age| age.max(0) as u32),
        times,
        end_day: offer
            .end_date
            .as_deref()
            .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
            .map(day_number),
        free_places: offer.free_places.max(0) as u32,
        referral_required: offer.route == Route::ReferralRequired,
    }
}

fn build_pool(conn: &mut DbConn, version: u64) -> Result<Pool, AppError> {
    let all_districts = districts::service::all(conn)?;
    let places = places(&all_districts);
    let rows = repo::published(conn)?;
    let offer_responses = offers::service::responses(conn, rows)?;
    let candidates = offer_responses
        .iter()
        .map(|offer| {
            candidate(
                offer,
                places.get(&offer.district_id).cloned().unwrap_or_default(),
            )
        })
        .collect();
    Ok(Pool {
        version,
        candidates,
        offers: offer_responses,
        places,
    })
}

/// The pool for the current catalog version, built when the catalog changed.
pub async fn pool(state: &AppState) -> Result<Arc<Pool>, AppError> {
    let version = state.catalog.version();
    if let Some(pool) = state
        .catalog
        .pool
        .read()
        .ok()
        .and_then(|guard| guard.clone())
        && pool.version == version
    {
        return Ok(pool);
    }
    let pool = Arc::new(state.db.run(move |conn| build_pool(conn, version)).await?);
    if let Ok(mut guard) = state.catalog.pool.write()
        && guard
            .as_ref()
            .is_none_or(|current| current.version <= version)
    {
        *guard = Some(pool.clone());
    }
    Ok(pool)
}

/// The resident as the matcher sees them, and whether they filled in a profile.
pub fn person_of(
    conn: &mut DbConn,
    pool: &Pool,
    resident: &UserId,
    this_year: i32,
) -> Result<(matching::Person, bool), AppError> {
    let full = profiles::load(conn, resident)?;
    let completed = full.is_some();
    let full = full.unwrap_or_else(|| profiles::FullProfile {
        profile: profiles::empty(resident),
        tags: Vec::new(),
        availability: Vec::new(),
    });
    let mut person = profiles::person(&full, this_year, &|district| {
        pool.places.get(district).cloned()
    });
    if !completed {
        // Nothing is known yet: no Dutch level is held against anyone.
        person.dutch_level =
            profiles::level_of_dutch(crate::features::offers::models::DutchLevel::B2);
    }
    Ok((person, completed))
}

/// Ranks the pool for one resident, leaving out offers they have an active sign-up for.
pub async fn for_resident(
    state: &AppState,
    resident: UserId,
    limit: Option<usize>,
) -> Result<RecommendationList, AppError> {
    let limit = crate::http::pagination::checked_usize_limit(limit)?;
    let pool = pool(state).await?;
    let now = state.clock.now();
    let today = day_number(crate::clock::local_date(now));
    let this_year = now.year();
    let pool_for_db = pool.clone();
    let (person, completed, taken, proposed) = state
        .db
        .run(move |conn| {
            let (person, completed) = person_of(conn, &pool_for_db, &resident, this_year)?;
            let taken: HashSet<OfferId> = signups::service::active_offer_ids(conn, &resident)?;
            let proposed = referrals::service::open_offer_ids(conn, &resident)?;
            Ok((person, completed, taken, proposed))
        })
        .await?;
    let taken: HashSet<String> = taken.into_iter().map(|id| id.to_string()).collect();
    let ranked = matching::rank(&person, &pool.candidates, today, limit, &|candidate| {
        taken.contains(&candidate.id)
    });
    Ok(RecommendationList {
        items: ranked
            .into_iter()
            .map(|r| {
                let offer = pool.offers[r.index].clone();
                RecommendationItem {
                    proposed: proposed.contains(&offer.id),
                    offer,
                    score: (r.scored.score * 10_000.0).round() / 10_000.0,
                    reasons: r.scored.reasons,
                }
            })
            .collect(),
        profile_completed: completed,
    })
}
