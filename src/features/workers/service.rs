//! Worker rules: which residents a worker may see (consenting, in the worker's districts), the
//! access log every such read writes, and batch assignment for a district.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDateTime};

use super::dto::*;
use super::models::{AccessEntry, AccessKind};
use super::repo;
use crate::auth::{AuthUser, Role};
use crate::db::DbConn;
use crate::db::ids::{DistrictId, LogId, OfferId, UserId};
use crate::db::tx::Tx;
use crate::error::{AppError, ErrorCode};
use crate::features::profiles::models::Profile;
use crate::features::recommendations::dto::RecommendationList;
use crate::features::recommendations::service as recommendations;
use crate::features::{accounts, districts, profiles, referrals, signups};
use crate::http::pagination::Page;
use crate::matching::{self, assignment};
use crate::state::AppState;

/// Every district a worker covers: the assigned ones and everything below them.
pub fn scope(conn: &mut DbConn, worker: &UserId) -> Result<Vec<DistrictId>, AppError> {
    let assigned = repo::districts_of(conn, worker)?;
    let all = districts::service::all(conn)?;
    let mut scope: Vec<DistrictId> = Vec::new();
    for root in &assigned {
        for id in districts::service::subtree_ids(&all, root) {
            if !scope.contains(&id) {
                scope.push(id);
            }
        }
    }
    Ok(scope)
}

/// The resident's profile if this worker may see it: the resident consented and lives in one of
/// the worker's districts. Anything else is 404, and is not logged.
pub fn visible_resident(
    conn: &mut DbConn,
    worker: &UserId,
    resident: &UserId,
) -> Result<Profile, AppError> {
    let profile = profiles::service::find(conn, resident)?.ok_or(AppError::NotFound)?;
    let in_scope = profile.district_id.as_ref().is_some_and(|district| {
        scope(conn, worker)
            .map(|s| s.contains(district))
            .unwrap_or(false)
    });
    if !profile.share_with_workers || !in_scope {
        return Err(AppError::NotFound);
    }
    Ok(profile)
}

/// Writes who looked at which residents, and what.
pub fn log_access(
    conn: &mut DbConn,
    worker: &AuthUser,
    residents: &[UserId],
    what: AccessKind,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let entries: Vec<AccessEntry> = residents
        .iter()
        .map(|resident| AccessEntry {
            id: LogId::new(),
            resident_id: resident.clone(),
            worker_id: worker.id.clone(),
            worker_display_name: worker.display_name.clone(),
            what,
            at: now,
        })
        .collect();
    Ok(repo::insert_log(conn, &entries)?)
}

/// Admins make someone a worker for these districts (replacing earlier ones).
pub async fn assign_districts(
    state: &AppState,
    worker: UserId,
    request: AssignDistrictsRequest,
) -> Result<WorkerResponse, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| make_worker_in(conn, worker, &request.district_ids, clock.now_naive()))
        .await
}

/// Admins make the account with this email address a worker; an unknown address is a field error
/// (admins may know which accounts exist).
pub async fn make_worker(
    state: &AppState,
    request: MakeWorkerRequest,
) -> Result<WorkerResponse, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let worker = accounts::service::existing_account(conn, "email", &request.email)?;
            make_worker_in(conn, worker, &request.district_ids, clock.now_naive())
        })
        .await
}

fn make_worker_in(
    conn: &mut Tx,
    worker: UserId,
    district_ids: &[DistrictId],
    now: NaiveDateTime,
) -> Result<WorkerResponse, AppError> {
    let (display_name, email) =
        profiles::service::display_name(conn, &worker)?.ok_or(AppError::NotFound)?;
    if district_ids.is_empty() {
        return Err(AppError::field(
            "district_ids",
            ErrorCode::Required,
            "Choose at least one district.",
        ));
    }
    let mut ids: Vec<DistrictId> = Vec::new();
    for id in district_ids {
        districts::service::active_district(conn, id, "district_ids")?;
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    accounts::service::grant_role(conn, &worker, Role::Worker, now)?;
    repo::replace_districts(conn, &worker, &ids, now)?;
    Ok(WorkerResponse {
        user_id: worker,
        display_name,
        email,
        district_ids: ids,
    })
}

/// Admins take the worker role away; the person's access tokens stop working at once.
pub async fn remove_worker(state: &AppState, worker: UserId) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let now = clock.now_naive();
            if !accounts::service::revoke_role(conn, &worker, Role::Worker, now)? {
                return Err(AppError::NotFound);
            }
            repo::replace_districts(conn, &worker, &[], now)?;
            Ok(())
        })
        .await
}

pub async fn list_workers(state: &AppState) -> Result<WorkerList, AppError> {
    state
        .db
        .run(|conn| {
            let mut items = Vec::new();
            for (user_id, display_name, email) in repo::workers(conn)? {
                let district_ids = repo::districts_of(conn, &user_id)?;
                items.push(WorkerResponse {
                    user_id,
                    display_name,
                    email,
                    district_ids,
                });
            }
            Ok(WorkerList { items })
        })
        .await
}

pub async fn my_districts(
    state: &AppState,
    worker: AuthUser,
) -> Result<WorkerDistrictList, AppError> {
    state
        .db
        .run(move |conn| {
            let mut items = Vec::new();
            for id in repo::districts_of(conn, &worker.id)? {
                if let Some(district) = districts::service::find(conn, &id)? {
                    items.push(WorkerDistrict {
                        id,
                        name: district.name,
                    });
                }
            }
            Ok(WorkerDistrictList { items })
        })
        .await
}

/// Residents who consented, in the worker's districts (or one of them), by name.
pub async fn list_residents(
    state: &AppState,
    worker: AuthUser,
    query: ResidentQuery,
) -> Result<ResidentList, AppError> {
    let page = Page::from_parts(query.limit, query.cursor.as_deref())?;
    state
        .db
        .run(move |conn| {
            let scope = scope(conn, &worker.id)?;
            let districts_wanted = match &query.district {
                Some(district) if scope.contains(district) => {
                    let all = districts::service::all(conn)?;
                    districts::service::subtree_ids(&all, district)
                }
                Some(_) => return Err(AppError::district_not_assigned()),
                None => scope,
            };
            let name = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
            let rows = profiles::service::consenting_in(
                conn,
                &districts_wanted,
                name,
                page.after.as_deref(),
                page.fetch(),
            )?;
            let (rows, next_cursor) = page.finish(rows, |(profile, _)| profile.user_id.as_str());
            let mut names: HashMap<DistrictId, String> = HashMap::new();
            let mut items = Vec::with_capacity(rows.len());
            for (profile, display_name) in rows {
                let district_name = match &profile.district_id {
                    Some(id) => match names.get(id) {
                        Some(name) => Some(name.clone()),
                        None => {
                            let name = districts::service::find(conn, id)?.map(|d| d.name);
                            if let Some(name) = &name {
                                names.insert(id.clone(), name.clone());
                            }
                            name
                        }
                    },
                    None => None,
                };
                items.push(ResidentSummary {
                    id: profile.user_id,
                    display_name,
                    district_id: profile.district_id,
                    district_name,
                });
            }
            Ok(ResidentList { items, next_cursor })
        })
        .await
}

/// One resident's profile, for a worker who may see it; the read is logged.
pub async fn read_resident(
    state: &AppState,
    worker: AuthUser,
    resident: UserId,
) -> Result<ResidentDetail, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            visible_resident(conn, &worker.id, &resident)?;
            let now = clock.now_naive();
            log_access(
                conn,
                &worker,
                std::slice::from_ref(&resident),
                AccessKind::Profile,
                now,
            )?;
            let (display_name, _) =
                profiles::service::display_name(conn, &resident)?.ok_or(AppError::NotFound)?;
            let full = profiles::service::load(conn, &resident)?;
            let mut profile = profiles::service::response(conn, full, &resident, now)?;
            // The phone number is the resident's to share; workers see it only when it is shared.
            if !profile.share_phone {
                profile.phone = None;
            }
            Ok(ResidentDetail {
                id: resident,
                display_name,
                profile,
            })
        })
        .await
}

/// A resident's ranked offers, for a worker who may see them; the read is logged.
pub async fn resident_recommendations(
    state: &AppState,
    worker: AuthUser,
    resident: UserId,
    limit: Option<usize>,
) -> Result<RecommendationList, AppError> {
    // Checked before the read is logged: a refused request looked at nothing.
    crate::http::pagination::checked_usize_limit(limit)?;
    let clock = state.clock.clone();
    let checked = resident.clone();
    state
        .write(move |conn| {
            visible_resident(conn, &worker.id, &checked)?;
            log_access(
                conn,
                &worker,
                std::slice::from_ref(&checked),
                AccessKind::Recommendations,
                clock.now_naive(),
            )
        })
        .await?;
    recommendations::for_resident(state, resident, limit).await
}

/// The resident's own access log: which worker looked at what, and when.
pub async fn access_log(
    state: &AppState,
    resident: AuthUser,
    query: AccessLogQuery,
) -> Result<AccessLogList, AppError> {
    let page = Page::from_parts(query.limit, query.cursor.as_deref())?;
    state
        .db
        .run(move |conn| {
            let rows = repo::log_of(conn, &resident.id, page.after.as_deref(), page.fetch())?;
            let (rows, next_cursor) = page.finish(rows, |entry| entry.id.as_str());
            Ok(AccessLogList {
                items: rows
                    .into_iter()
                    .map(|entry| AccessLogEntry {
                        worker_display_name: entry.worker_display_name,
                        at: entry.at.and_utc(),
                        what: entry.what,
                    })
                    .collect(),
                next_cursor,
            })
        })
        .await
}

/// Proposes at most one offer per resident of a district, never more residents for an offer
/// than its free places, with the largest total score (exact, see matching::assignment).
///
/// Everything about the residents is read in a few queries for all of them; the scoring and the
/// solver then run on the pool in memory, holding no database connection.
/// Residents a worker already handed over, and how: `proposal_open` (a proposal waits for their
/// answer) or `placed` (they accepted one and that sign-up is still active).
fn handed_over(
    residents: &[UserId],
    taken: &HashMap<UserId, HashSet<OfferId>>,
    referred: &HashMap<UserId, HashSet<OfferId>>,
    accepted: &HashMap<UserId, HashSet<OfferId>>,
) -> HashMap<UserId, &'static str> {
    let mut handed_over = HashMap::new();
    for resident in residents {
        if referred
            .get(resident)
            .is_some_and(|offers| !offers.is_empty())
        {
            handed_over.insert(resident.clone(), "proposal_open");
        } else if let (Some(accepted), Some(taken)) = (accepted.get(resident), taken.get(resident))
            && accepted.iter().any(|offer| taken.contains(offer))
        {
            handed_over.insert(resident.clone(), "placed");
        }
    }
    handed_over
}

pub async fn assign(
    state: &AppState,
    worker: AuthUser,
    request: AssignmentRequest,
) -> Result<AssignmentResponse, AppError> {
    let catalog = recommendations::pool(state).await?;
    let now = state.clock.now();
    let worker_id = worker.id.clone();
    let district_id = request.district_id.clone();
    let wanted = request.resident_ids.clone();
    let (residents, full, mut taken, mut referred, handed_over) = state
        .db
        .run(move |conn| {
            let scope = scope(conn, &worker_id)?;
            if !scope.contains(&district_id) {
                return Err(AppError::district_not_assigned());
            }
            let all = districts::service::all(conn)?;
            let area = districts::service::subtree_ids(&all, &district_id);
            let mut residents: Vec<(Profile, String)> =
                profiles::service::consenting_in(conn, &area, None, None, i64::MAX)?;
            // Only the residents asked for are read further.
            if let Some(wanted) = &wanted {
                let known: HashSet<&UserId> = residents.iter().map(|(p, _)| &p.user_id).collect();
                if let Some(missing) = wanted.iter().find(|id| !known.contains(id)) {
                    return Err(AppError::field(
                        "resident_ids",
                        ErrorCode::UnknownResident,
                        format!("{missing} is not a consenting resident of this district."),
                    ));
                }
                let wanted: HashSet<&UserId> = wanted.iter().collect();
                residents.retain(|(p, _)| wanted.contains(&p.user_id));
            }
            let ids: Vec<UserId> = residents.iter().map(|(p, _)| p.user_id.clone()).collect();
            let taken = signups::service::active_offer_ids_of(conn, &ids)?;
            let referred = referrals::service::open_offer_ids_of(conn, &ids)?;
            let accepted = referrals::service::accepted_offer_ids_of(conn, &ids)?;
            let handed_over = handed_over(&ids, &taken, &referred, &accepted);
            let full = profiles::service::load_many(
                conn,
                residents.iter().map(|(p, _)| p.clone()).collect(),
            )?;
            let names: Vec<(UserId, String)> = residents
                .into_iter()
                .map(|(p, name)| (p.user_id, name))
                .collect();
            Ok((names, full, taken, referred, handed_over))
        })
        .await?;
    let today = recommendations::day_number(crate::clock::local_date(now));
    let this_year = now.year();

    let (problem, evaluations, obstacles, chosen_offers) = {
        let pool = catalog.pool.read().unwrap_or_else(|e| e.into_inner());
        let pool = pool.as_ref().ok_or(AppError::Unavailable)?;
        let offer_indexes: Vec<usize> = match &request.offer_ids {
            Some(ids) => {
                let mut indexes = Vec::new();
                for id in ids {
                    match pool.position(id) {
                        Some(index) if !indexes.contains(&index) => indexes.push(index),
                        Some(_) => {}
                        None => {
                            return Err(AppError::field(
                                "offer_ids",
                                ErrorCode::UnknownOffer,
                                format!("{id} is not a published offer."),
                            ));
                        }
                    }
                }
                indexes
            }
            None => (0..pool.len()).collect(),
        };
        let candidates = pool.candidates();
        let mut problem = assignment::Problem {
            capacities: offer_indexes
                .iter()
                .map(|i| candidates[*i].free_places)
                .collect(),
            edges: Vec::with_capacity(full.len()),
        };
        let mut evaluations: Vec<HashMap<u32, matching::Scored>> = Vec::with_capacity(full.len());
        let mut obstacles: Vec<Option<matching::Exclusion>> = Vec::with_capacity(full.len());
        for ((resident, _), profile) in residents.iter().zip(&full) {
            let person = profiles::service::person(profile, this_year, &|district| {
                pool.places.get(district).copied()
            });
            let taken = taken.remove(resident).unwrap_or_default();
            let referred = referred.remove(resident).unwrap_or_default();
            let mut edges = Vec::new();
            let mut scored_here = HashMap::new();
            let mut exclusions: BTreeMap<matching::Exclusion, usize> = BTreeMap::new();
            // Someone a worker already handed over gets no second proposal in a batch.
            let slots = if handed_over.contains_key(resident) {
                &[][..]
            } else {
                &offer_indexes[..]
            };
            for (slot, index) in slots.iter().enumerate() {
                let candidate = &candidates[*index];
                let offer_id = OfferId(candidate.id.clone());
                if taken.contains(&offer_id) || referred.contains(&offer_id) {
                    continue;
                }
                match matching::evaluate(&person, candidate, today) {
                    Ok(scored) => {
                        let weight = matching::weight(scored.score);
                        if weight > 0 {
                            edges.push((slot as u32, weight));
                            scored_here.insert(slot as u32, scored);
                        }
                    }
                    Err(exclusion) => *exclusions.entry(exclusion).or_default() += 1,
                }
            }
            obstacles.push(if edges.is_empty() {
                exclusions
                    .into_iter()
                    .max_by_key(|(_, count)| *count)
                    .map(|(exclusion, _)| exclusion)
            } else {
                None
            });
            problem.edges.push(edges);
            evaluations.push(scored_here);
        }
        let chosen_offers: Vec<OfferId> = offer_indexes
            .iter()
            .map(|i| OfferId(candidates[*i].id.clone()))
            .collect();
        (problem, evaluations, obstacles, chosen_offers)
    };
    let solution = assignment::solve(&problem);

    // Record who was looked at, and read the proposed offers' titles.
    let logged_at = state.clock.now_naive();
    let resident_ids: Vec<UserId> = residents.iter().map(|(id, _)| id.clone()).collect();
    let proposed: Vec<OfferId> = solution
        .assignment
        .iter()
        .flatten()
        .map(|slot| chosen_offers[*slot as usize].clone())
        .collect();
    let titles = state
        .write(move |conn| {
            log_access(
                conn,
                &worker,
                &resident_ids,
                AccessKind::Assignment,
                logged_at,
            )?;
            crate::features::offers::service::titles(conn, &proposed)
        })
        .await?;

    let mut proposals = Vec::new();
    let mut unmatched = Vec::new();
    let mut evaluations = evaluations;
    for (r, choice) in solution.assignment.iter().enumerate() {
        let (resident_id, display_name) = &residents[r];
        match choice {
            Some(slot) => {
                let offer_id = chosen_offers[*slot as usize].clone();
                let scored = evaluations[r]
                    .remove(slot)
                    .expect("a chosen edge was scored");
                proposals.push(Proposal {
                    resident_id: resident_id.clone(),
                    display_name: display_name.clone(),
                    offer_title: titles.get(&offer_id).cloned().unwrap_or_default(),
                    offer_id,
                    score: matching::rounded(scored.score),
                    reasons: scored.reasons,
                });
            }
            None => unmatched.push(Unmatched {
                resident_id: resident_id.clone(),
                display_name: display_name.clone(),
                reason: match handed_over.get(resident_id) {
                    Some(handover) => handover,
                    None if problem.edges[r].is_empty() => "no_fitting_offer",
                    None => "no_free_place",
                }
                .into(),
                obstacle: obstacles[r].clone(),
            }),
        }
    }
    Ok(AssignmentResponse {
        proposals,
        unmatched,
        total_score: solution.total as f64 / 10_000.0,
    })
}

/// Makes a user a worker for these districts without further checks (the demo seed).
pub fn assign_in(
    conn: &mut Tx,
    worker: &UserId,
    district_ids: &[DistrictId],
    now: NaiveDateTime,
) -> Result<(), AppError> {
    accounts::service::grant_role(conn, worker, Role::Worker, now)?;
    Ok(repo::replace_districts(conn, worker, district_ids, now)?)
}
