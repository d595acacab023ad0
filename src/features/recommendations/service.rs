//! Recommendations: the candidate pool, and ranking it for one resident.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Timelike};
use chrono_tz::Europe::Amsterdam;

use super::dto::{LeftOut, LeftOutList, RecommendationItem, RecommendationList};
use super::models::{MatchingInputs, Pool};
use super::repo;
use crate::catalog::Catalog;
use crate::db::DbConn;
use crate::db::ids::{DistrictId, OfferId, UserId};
use crate::error::AppError;
use crate::features::districts::models::DistrictKind;
use crate::features::offers::models::Route;
use crate::features::offers::service::OfferLists;
use crate::features::profiles::service as profiles;
use crate::features::{districts, offers, referrals, signups};
use crate::matching::{self, Candidate, Place, Tags, Window};
use crate::state::AppState;

/// Days since 1970-01-01, the matcher's calendar.
pub fn day_number(date: NaiveDate) -> i64 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")).num_days()
}

/// Each district's district, area and municipality, numbered by their place in `all`.
fn places(all: &[crate::features::districts::models::District]) -> HashMap<DistrictId, Place> {
    let by_id: HashMap<&DistrictId, (u32, &crate::features::districts::models::District)> = all
        .iter()
        .enumerate()
        .map(|(number, d)| (&d.id, (number as u32, d)))
        .collect();
    all.iter()
        .enumerate()
        .map(|(number, district)| {
            let mut place = Place {
                district: number as u32,
                area: None,
                municipality: None,
            };
            let mut current = Some((number as u32, district));
            while let Some((number, node)) = current {
                match node.kind {
                    DistrictKind::Area if place.area.is_none() => place.area = Some(number),
                    DistrictKind::Municipality => place.municipality = Some(number),
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

/// An offer as the matcher's Candidate, from its row and lists. Dated sessions count as weekly
/// windows in Dutch local time.
fn candidate(offer: &repo::MatcherRow, lists: &OfferLists, place: Place) -> Candidate {
    let mut times: Vec<Window> = lists
        .schedule
        .weekly_slots
        .iter()
        .map(|slot| Window {
            weekday: slot.weekday as u8,
            start: profiles::minutes_of(&slot.start),
            end: profiles::minutes_of(&slot.end),
        })
        .collect();
    for session in &lists.schedule.sessions {
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
        tags: lists.tags.to_sets(),
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
        free_places: offer.free_places().max(0) as u32,
        referral_required: offer.route == Route::ReferralRequired,
    }
}

/// Candidates for these published offers, with their free places as the catalog keeps them.
fn candidates(
    conn: &mut DbConn,
    catalog: &Catalog,
    rows: Vec<repo::MatcherRow>,
    places: &HashMap<DistrictId, Place>,
) -> Result<Vec<Candidate>, AppError> {
    let ids: Vec<OfferId> = rows.iter().map(|offer| offer.id.clone()).collect();
    let mut lists = offers::service::lists_of(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|offer| {
            let mut made = candidate(
                &offer,
                &lists.remove(&offer.id).unwrap_or_default(),
                places
                    .get(&offer.district_id)
                    .copied()
                    .unwrap_or(Place::NOWHERE),
            );
            let cell = catalog.cell(&offer.id, offer.free_places());
            made.free_places = cell.free().max(0) as u32;
            made
        })
        .collect())
}

/// The pool, brought up to date first. One build or refresh runs at a time: the first caller
/// that finds the pool stale does it, and everyone else keeps using the current pool meanwhile
/// (or waits, when there is none yet).
pub async fn pool(state: &AppState) -> Result<&crate::catalog::Catalog, AppError> {
    let catalog = &state.catalog;
    loop {
        let present = catalog.pool.read().map(|p| p.is_some()).unwrap_or(false);
        let stale = {
            let stale = catalog.pool_stale.lock().unwrap_or_else(|e| e.into_inner());
            stale.all || !stale.offers.is_empty()
        };
        if present && !stale {
            return Ok(catalog);
        }
        let _building = if present {
            match catalog.pool_build.try_lock() {
                Ok(guard) => guard,
                Err(_) => return Ok(catalog),
            }
        } else {
            catalog.pool_build.lock().await
        };
        let (all, offer_ids) = {
            let mut stale = catalog.pool_stale.lock().unwrap_or_else(|e| e.into_inner());
            let present = catalog.pool.read().map(|p| p.is_some()).unwrap_or(false);
            let all = stale.all || !present;
            stale.all = false;
            (all, std::mem::take(&mut stale.offers))
        };
        let shared = state.catalog.clone();
        let refreshed = if all {
            state
                .db
                .run(move |conn| {
                    let places = places(&districts::service::all(conn)?);
                    let rows = repo::published(conn)?;
                    let candidates = candidates(conn, &shared, rows, &places)?;
                    Ok(Refresh::All(Box::new(Pool::new(places, candidates))))
                })
                .await
        } else {
            let wanted: Vec<OfferId> = offer_ids.iter().cloned().collect();
            let places = catalog
                .pool
                .read()
                .ok()
                .and_then(|p| p.as_ref().map(|p| p.places.clone()))
                .unwrap_or_default();
            state
                .db
                .run(move |conn| {
                    let rows = repo::published_among(conn, &wanted)?;
                    let candidates = candidates(conn, &shared, rows, &places)?;
                    Ok(Refresh::Some(wanted, candidates))
                })
                .await
        };
        let refreshed = match refreshed {
            Ok(refreshed) => refreshed,
            Err(error) => {
                // Try again next time.
                let mut stale = catalog.pool_stale.lock().unwrap_or_else(|e| e.into_inner());
                stale.all |= all;
                stale.offers.extend(offer_ids);
                return Err(error);
            }
        };
        let mut pool = catalog.pool.write().unwrap_or_else(|e| e.into_inner());
        match refreshed {
            Refresh::All(mut built) => {
                // Places moved while it was built: the cells are the truth.
                sync_free_places(catalog, &mut built);
                *pool = Some(*built);
            }
            Refresh::Some(wanted, candidates) => {
                let current = pool.get_or_insert_with(Pool::default);
                for id in &wanted {
                    current.remove(id);
                }
                for candidate in candidates {
                    current.upsert(candidate);
                }
                sync_free_places(catalog, current);
            }
        }
    }
}

/// What a refresh built: a whole new pool (boxed, it is large) or some offers' candidates.
enum Refresh {
    All(Box<Pool>),
    Some(Vec<OfferId>, Vec<Candidate>),
}

fn sync_free_places(catalog: &Catalog, pool: &mut Pool) {
    let ids: Vec<OfferId> = pool
        .candidates()
        .iter()
        .map(|candidate| OfferId(candidate.id.clone()))
        .collect();
    for id in ids {
        if let Some(free) = catalog.free_places(&id) {
            pool.set_free_places(&id, free);
        }
    }
}

/// The resident as the matcher sees them (`places` from the pool), and whether they filled in a
/// profile.
pub fn person_of(
    full: Option<&profiles::FullProfile>,
    resident: &UserId,
    places: &HashMap<DistrictId, Place>,
    this_year: i32,
) -> (matching::Person, bool) {
    let completed = full.is_some();
    let empty;
    let full = match full {
        Some(full) => full,
        None => {
            empty = profiles::FullProfile {
                profile: profiles::empty(resident),
                tags: Tags::default(),
                availability: Vec::new(),
            };
            &empty
        }
    };
    let mut person = profiles::person(full, this_year, &|district| places.get(district).copied());
    if !completed {
        // Nothing is known yet: no Dutch level is held against anyone.
        person.dutch_level =
            profiles::level_of_dutch(crate::features::offers::models::DutchLevel::B2);
    }
    (person, completed)
}

/// The resident's profile, active sign-ups and open proposals: kept in memory from an earlier
/// request while none of them changed, else read in one database round trip and kept.
async fn inputs_of(state: &AppState, resident: &UserId) -> Result<Arc<MatchingInputs>, AppError> {
    let kept = &state.catalog.residents;
    if let Some(inputs) = kept.get(resident) {
        return Ok(inputs);
    }
    // Noted before the read: a change applied after it keeps this read from being kept.
    let version = state.catalog.version();
    let who = resident.clone();
    let inputs = state
        .db
        .run(move |conn| {
            Ok(MatchingInputs {
                profile: profiles::load(conn, &who)?,
                taken: signups::service::active_offer_ids(conn, &who)?,
                proposed: referrals::service::open_offer_ids(conn, &who)?,
            })
        })
        .await?;
    let inputs = Arc::new(inputs);
    kept.keep(resident.clone(), version, inputs.clone());
    Ok(inputs)
}

/// Ranks the pool for one resident, leaving out offers they have an active sign-up for. The
/// ranking runs on the pool in memory, outside any database connection; the chosen offers come
/// from the catalog's cache of wire offers (one query for those not in it).
pub async fn for_resident(
    state: &AppState,
    resident: UserId,
    limit: Option<usize>,
) -> Result<RecommendationList, AppError> {
    let limit = crate::http::pagination::checked_usize_limit(limit)?;
    let catalog = pool(state).await?;
    let now = state.clock.now();
    let today = day_number(crate::clock::local_date(now));
    let this_year = now.year();
    let inputs = inputs_of(state, &resident).await?;
    let (completed, ranked) = {
        let pool = catalog.pool.read().unwrap_or_else(|e| e.into_inner());
        let pool = pool.as_ref().ok_or(AppError::Unavailable)?;
        let (person, completed) =
            person_of(inputs.profile.as_ref(), &resident, &pool.places, this_year);
        // Sorted, for a binary search per candidate: usually a handful, but some residents have
        // signed up for dozens of offers.
        let mut taken: Vec<usize> = inputs
            .taken
            .iter()
            .filter_map(|id| pool.position(id))
            .collect();
        taken.sort_unstable();
        let reach = pool.reach_of(person.place.as_ref(), person.max_travel);
        let candidates = pool.candidates();
        let ranked: Vec<(OfferId, matching::Scored)> = matching::rank_among(
            &person,
            candidates,
            pool.reachable(reach),
            today,
            limit,
            &|index| taken.binary_search(&index).is_ok(),
        )
        .into_iter()
        .map(|r| (OfferId(candidates[r.index].id.clone()), r.scored))
        .collect();
        (completed, ranked)
    };
    let ids: Vec<OfferId> = ranked.iter().map(|(id, _)| id.clone()).collect();
    let mut offers_by_id = offers::service::public_offers(state, ids).await?;
    Ok(RecommendationList {
        items: ranked
            .into_iter()
            .filter_map(|(id, scored)| {
                let offer = offers_by_id.remove(&id)?;
                Some(RecommendationItem {
                    proposed: inputs.proposed.contains(&offer.id),
                    offer,
                    score: matching::rounded(scored.score),
                    reasons: scored.reasons,
                })
            })
            .collect(),
        profile_completed: completed,
    })
}

/// Counts, per hard constraint, the offers within the resident's travel range it keeps out of
/// their recommendations (offers they signed up for aside). Kept apart from the ranking, which
/// never evaluates what cannot fit.
pub async fn left_out(state: &AppState, resident: UserId) -> Result<LeftOutList, AppError> {
    let catalog = pool(state).await?;
    let now = state.clock.now();
    let today = day_number(crate::clock::local_date(now));
    let inputs = inputs_of(state, &resident).await?;
    let pool = catalog.pool.read().unwrap_or_else(|e| e.into_inner());
    let pool = pool.as_ref().ok_or(AppError::Unavailable)?;
    let (person, _) = person_of(inputs.profile.as_ref(), &resident, &pool.places, now.year());
    let reach = pool.reach_of(person.place.as_ref(), person.max_travel);
    let candidates = pool.candidates();
    let mut counts: std::collections::BTreeMap<matching::Exclusion, usize> = Default::default();
    for index in pool.reachable(reach) {
        let candidate = &candidates[index];
        if inputs.taken.contains(&OfferId(candidate.id.clone())) {
            continue;
        }
        if let Err(obstacle) = matching::evaluate(&person, candidate, today) {
            *counts.entry(obstacle).or_default() += 1;
        }
    }
    let mut items: Vec<LeftOut> = counts
        .into_iter()
        .map(|(obstacle, count)| LeftOut { obstacle, count })
        .collect();
    items.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.obstacle.cmp(&b.obstacle))
    });
    Ok(LeftOutList { items })
}
