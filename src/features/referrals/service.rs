//! Referral rules (warm handover): a worker proposes an offer to a resident they may see; the
//! resident decides; accepting signs them up, telling the organisation it came through a referral
//! and passing on the worker's note only when the resident agreed.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;

use super::dto::*;
use super::models::{Referral, ReferralStatus};
use super::repo;
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::{OfferId, ReferralId, UserId};
use crate::db::tx::Tx;
use crate::error::{AppError, ErrorCode};
use crate::features::offers::models::OfferStatus;
use crate::features::workers::models::AccessKind;
use crate::features::{offers, profiles, signups, workers};
use crate::http::pagination::Page;
use crate::locale::Locale;
use crate::mail::outbox;
use crate::mail::templates::Email;
use crate::state::AppState;

fn valid_note(note: Option<String>, field: &str) -> Result<Option<String>, AppError> {
    Ok(crate::validate::optional_message(field, note)?)
}

/// Offers the resident has an open (unanswered) referral for.
pub fn open_offer_ids(conn: &mut DbConn, resident: &UserId) -> Result<HashSet<OfferId>, AppError> {
    Ok(open_offer_ids_of(conn, std::slice::from_ref(resident))?
        .remove(resident)
        .unwrap_or_default())
}

/// The offers proposed to each of these residents and not answered yet, in one query.
pub fn open_offer_ids_of(
    conn: &mut DbConn,
    residents: &[UserId],
) -> Result<HashMap<UserId, HashSet<OfferId>>, AppError> {
    let mut by_resident: HashMap<UserId, HashSet<OfferId>> = HashMap::new();
    for (resident, offer) in repo::open_offer_ids(conn, residents)? {
        by_resident.entry(resident).or_default().insert(offer);
    }
    Ok(by_resident)
}

/// The offers these residents accepted a worker's referral for.
pub fn accepted_offer_ids_of(
    conn: &mut DbConn,
    residents: &[UserId],
) -> Result<HashMap<UserId, HashSet<OfferId>>, AppError> {
    let mut by_resident: HashMap<UserId, HashSet<OfferId>> = HashMap::new();
    for (resident, offer) in repo::accepted_offer_ids(conn, residents)? {
        by_resident.entry(resident).or_default().insert(offer);
    }
    Ok(by_resident)
}

fn contact(conn: &mut DbConn, user: &UserId) -> Result<(String, String, Locale), AppError> {
    let (email, name, locale) = signups::service::contact(conn, user)?;
    Ok((email, name, Locale::from_db(&locale)))
}

/// One proposal, checked and stored, with its email and access-log entry.
pub fn propose_in(
    conn: &mut Tx,
    worker: &AuthUser,
    resident: &UserId,
    offer_id: &OfferId,
    note: Option<String>,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<Referral, AppError> {
    workers::service::visible_resident(conn, &worker.id, resident)?;
    // Drafts of other organisations do not exist for a worker (404), like for everyone else.
    let offer = offers::service::visible(conn, offer_id, Some(worker))?;
    if offer.status != OfferStatus::Published {
        return Err(AppError::offer_not_open());
    }
    if signups::service::active_offer_ids(conn, resident)?.contains(offer_id) {
        return Err(AppError::already_signed_up());
    }
    let referral = Referral {
        id: ReferralId::new(),
        worker_id: worker.id.clone(),
        resident_id: resident.clone(),
        offer_id: offer_id.clone(),
        note,
        status: ReferralStatus::Proposed,
        share_note: false,
        decline_reason: None,
        signup_id: None,
        created_at: now,
        updated_at: now,
        outcome: None,
        outcome_reason: None,
        closed_at: None,
    };
    repo::insert(conn, &referral).map_err(|error| match AppError::from(error) {
        AppError::Conflict { .. } => AppError::referral_exists(),
        other => other,
    })?;
    workers::service::log_access(
        conn,
        worker,
        std::slice::from_ref(resident),
        AccessKind::Referral,
        now,
    )?;
    let (email, name, locale) = contact(conn, resident)?;
    let link = format!("{}/my-referrals", public_url.trim_end_matches('/'));
    let message = Email::ReferralProposed {
        name: &name,
        worker: &worker.display_name,
        offer: &offer.details.title,
        note: referral.note.as_deref(),
        link: &link,
    }
    .render(locale);
    outbox::enqueue(conn, now, &email, &message)?;
    Ok(referral)
}

pub async fn propose(
    state: &AppState,
    worker: AuthUser,
    request: CreateReferralRequest,
) -> Result<ReferralCreated, AppError> {
    let note = valid_note(request.note, "note")?;
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    let referral = state
        .write(move |conn| {
            propose_in(
                conn,
                &worker,
                &request.resident_id,
                &request.offer_id,
                note,
                clock.now_naive(),
                &public_url,
            )
        })
        .await?;
    Ok(ReferralCreated {
        id: referral.id,
        status: referral.status,
    })
}

/// The worker confirms proposals from a batch assignment: all become referrals, or none.
pub async fn confirm(
    state: &AppState,
    worker: AuthUser,
    request: ConfirmAssignmentRequest,
) -> Result<ReferralsCreated, AppError> {
    let note = valid_note(request.note, "note")?;
    if request.items.is_empty() || request.items.len() > 5000 {
        return Err(AppError::field(
            "items",
            ErrorCode::Invalid,
            "Confirm 1 to 5000 proposals.",
        ));
    }
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    let created = state
        .write(move |conn| {
            let now = clock.now_naive();
            let mut items = Vec::with_capacity(request.items.len());
            for item in &request.items {
                let referral = propose_in(
                    conn,
                    &worker,
                    &item.resident_id,
                    &item.offer_id,
                    note.clone(),
                    now,
                    &public_url,
                )?;
                items.push(ReferralCreated {
                    id: referral.id,
                    status: referral.status,
                });
            }
            Ok(ReferralsCreated { items })
        })
        .await?;
    Ok(created)
}

pub async fn list_mine(state: &AppState, resident: AuthUser) -> Result<MyReferralList, AppError> {
    let now = state.clock.now();
    state
        .db
        .run(move |conn| {
            let referrals = repo::for_resident(conn, &resident.id)?;
            let mut items = Vec::with_capacity(referrals.len());
            for referral in referrals {
                let Some(offer) = offers::service::find(conn, &referral.offer_id)? else {
                    continue;
                };
                let offer = offers::service::responses(conn, vec![offer])?.remove(0);
                let worker_display_name =
                    profiles::service::display_name(conn, &referral.worker_id)?
                        .map(|(n, _)| n)
                        .unwrap_or_default();
                let follow_up = super::follow_ups::follow_up_of(conn, &referral, now)?;
                items.push(MyReferral {
                    outcome: follow_up
                        .as_ref()
                        .and_then(|f| f.outcome)
                        .or(referral.outcome),
                    milestones: follow_up.map(|f| f.milestones).unwrap_or_default(),
                    outcome_reason: referral.outcome_reason,
                    id: referral.id,
                    status: referral.status,
                    worker_display_name,
                    note: referral.note,
                    offer,
                    created_at: referral.created_at.and_utc(),
                });
            }
            Ok(MyReferralList { items })
        })
        .await
}

fn proposed_to(
    conn: &mut DbConn,
    id: &ReferralId,
    resident: &UserId,
) -> Result<Referral, AppError> {
    let referral = repo::find(conn, id)?
        .filter(|r| &r.resident_id == resident)
        .ok_or(AppError::NotFound)?;
    if referral.status != ReferralStatus::Proposed {
        return Err(AppError::referral_answered());
    }
    Ok(referral)
}

fn tell_worker(
    conn: &mut Tx,
    referral: &Referral,
    resident: &AuthUser,
    accepted: bool,
    reason: Option<&str>,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<(), AppError> {
    let offer_title = offers::service::find(conn, &referral.offer_id)?
        .map(|o| o.details.title)
        .unwrap_or_default();
    let (email, name, locale) = contact(conn, &referral.worker_id)?;
    let link = format!("{}/worker/referrals", public_url.trim_end_matches('/'));
    let message = Email::ReferralAnswered {
        name: &name,
        resident: &resident.display_name,
        offer: &offer_title,
        accepted,
        reason,
        link: &link,
    }
    .render(locale);
    outbox::enqueue(conn, now, &email, &message)?;
    Ok(())
}

/// The resident accepts: they are signed up (the referral replaces the open route), and the
/// organisation sees it came through a referral, with the note only if the resident agreed.
pub async fn accept(
    state: &AppState,
    resident: AuthUser,
    id: ReferralId,
    request: AcceptReferralRequest,
) -> Result<signups::dto::SignUpResponse, AppError> {
    resident.require_verified()?;
    let message = valid_note(request.message, "message")?;
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    let response = state
        .write(move |conn| {
            let now = clock.now_naive();
            let referral = proposed_to(conn, &id, &resident.id)?;
            let offer =
                offers::service::find(conn, &referral.offer_id)?.ok_or(AppError::NotFound)?;
            signups::service::open_for_signup(&offer, request.with_companion, true)?;
            let shared_note = if request.share_note {
                referral.note.clone()
            } else {
                None
            };
            let signup = signups::service::create_signup(
                conn,
                &offer,
                &resident,
                signups::service::SignupInput {
                    message,
                    with_companion: request.with_companion,
                    referral: Some((referral.id.clone(), shared_note)),
                },
                now,
                &public_url,
            )?;
            if !repo::answer(
                conn,
                &referral,
                ReferralStatus::Accepted,
                request.share_note,
                None,
                Some(&signup.id),
                now,
            )? {
                return Err(AppError::referral_answered());
            }
            tell_worker(conn, &referral, &resident, true, None, now, &public_url)?;
            Ok(signup)
        })
        .await?;
    Ok(response)
}

pub async fn decline(
    state: &AppState,
    resident: AuthUser,
    id: ReferralId,
    request: DeclineReferralRequest,
) -> Result<ReferralCreated, AppError> {
    let reason = valid_note(request.reason, "reason")?;
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    let response = state
        .write(move |conn| {
            let now = clock.now_naive();
            let referral = proposed_to(conn, &id, &resident.id)?;
            if !repo::answer(
                conn,
                &referral,
                ReferralStatus::Declined,
                false,
                reason.as_deref(),
                None,
                now,
            )? {
                return Err(AppError::referral_answered());
            }
            tell_worker(
                conn,
                &referral,
                &resident,
                false,
                reason.as_deref(),
                now,
                &public_url,
            )?;
            Ok(ReferralCreated {
                id,
                status: ReferralStatus::Declined,
            })
        })
        .await?;
    Ok(response)
}

/// The worker's referrals with their outcome.
pub async fn list_for_worker(
    state: &AppState,
    worker: AuthUser,
    query: WorkerReferralQuery,
) -> Result<WorkerReferralList, AppError> {
    let page = Page::from_parts(query.limit, query.cursor.as_deref())?;
    let now = state.clock.now();
    state
        .db
        .run(move |conn| {
            let rows = repo::for_worker(conn, &worker.id, page.after.as_deref(), page.fetch())?;
            let (rows, next_cursor) = page.finish(rows, |r| r.id.as_str());
            let items = rows
                .into_iter()
                .map(|referral| super::follow_ups::for_worker(conn, referral, now))
                .collect::<Result<_, _>>()?;
            Ok(WorkerReferralList { items, next_cursor })
        })
        .await
}

pub fn find(conn: &mut DbConn, id: &ReferralId) -> Result<Option<Referral>, AppError> {
    Ok(repo::find(conn, id)?)
}
