//! Following a warm handover up: a referral's milestones from attendance, the worker's follow-ups
//! page (referrals whose next milestone is due or missed), short notes, and closing a referral as
//! completed or stopped. Attendance is the resident's: a worker sees the milestones only while the
//! resident shares their profile with workers and lives in the worker's districts.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};

use super::dto::*;
use super::milestones::{self, FollowUp, Outcome, Reached, StopReason};
use super::models::{Referral, ReferralNote, ReferralProgress, ReferralStatus};
use super::repo;
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::{OfferId, ReferralId, ReferralNoteId, SignupId, UserId};
use crate::error::{AppError, ErrorCode};
use crate::features::attendance::continuity;
use crate::features::attendance::models::AttendanceStatus;
use crate::features::attendance::repo as attendance;
use crate::features::signups::models::SignupStatus;
use crate::features::{offers, profiles, signups, workers};
use crate::state::AppState;

const MAX_NOTE_CHARS: usize = 1000;

/// The milestones of an accepted referral (None before it is accepted).
pub fn follow_up_of(
    conn: &mut DbConn,
    referral: &Referral,
    now: DateTime<Utc>,
) -> Result<Option<FollowUp>, AppError> {
    let (ReferralStatus::Accepted, Some(signup_id)) = (referral.status, &referral.signup_id) else {
        return Ok(None);
    };
    let Some(signup) = signups::service::find(conn, signup_id)? else {
        return Ok(None);
    };
    let progress = repo::progress_of(conn, &referral.id)?;
    Ok(Some(milestones::follow_up(
        signup.created_at.and_utc(),
        reached_of(progress.as_ref()),
        referral.outcome,
        now,
    )))
}

fn reached_of(progress: Option<&ReferralProgress>) -> Reached {
    progress.map_or_else(Reached::default, |p| Reached {
        started: p.started_at.map(|at| at.and_utc()),
        week_4: p.week_4_at.map(|at| at.and_utc()),
        week_12: p.week_12_at.map(|at| at.and_utc()),
    })
}

/// Keeps the progress of the accepted referrals behind these sign-ups in step with their
/// attendance; called in the same transaction whenever attendance of theirs is written. Most
/// sign-ups come without a referral: then it is one query.
pub fn refresh(
    conn: &mut DbConn,
    signup_ids: &[SignupId],
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let referred = repo::accepted_of_signups(conn, signup_ids)?;
    if referred.is_empty() {
        return Ok(());
    }
    let theirs: Vec<SignupId> = referred.iter().map(|(_, s, _)| s.clone()).collect();
    let mut records: HashMap<SignupId, Vec<(NaiveDateTime, AttendanceStatus)>> = HashMap::new();
    for (signup, at, status) in attendance::statuses(conn, &theirs)? {
        records.entry(signup).or_default().push((at, status));
    }
    let rows: Vec<ReferralProgress> = referred
        .into_iter()
        .map(|(referral_id, signup_id, accepted_at)| {
            let record = records.remove(&signup_id).unwrap_or_default();
            let presences: Vec<DateTime<Utc>> = record
                .iter()
                .filter(|(_, status)| *status == AttendanceStatus::Present)
                .map(|(at, _)| at.and_utc())
                .collect();
            let reached = milestones::reached(accepted_at.and_utc(), &presences);
            // Only occurrences that have started are recorded present or absent (a coming one
            // can only be excused, which a run passes over), so the run holds whenever read.
            let streak = continuity::missed_streak(&record);
            ReferralProgress {
                referral_id,
                started_at: reached.started.map(|at| at.naive_utc()),
                week_4_at: reached.week_4.map(|at| at.naive_utc()),
                week_12_at: reached.week_12.map(|at| at.naive_utc()),
                missed_in_a_row: streak
                    .map_or(0, |s| i32::try_from(s.in_a_row).unwrap_or(i32::MAX)),
                missed_since: streak.map(|s| s.since),
                updated_at: now,
            }
        })
        .collect();
    repo::replace_progress(conn, &rows)?;
    Ok(())
}

/// Works out the progress of referrals whose attendance was written before progress was kept;
/// run at start, after the migrations.
pub fn catch_up(conn: &mut DbConn, now: NaiveDateTime) -> Result<usize, AppError> {
    let signup_ids = repo::without_progress(conn)?;
    for chunk in signup_ids.chunks(500) {
        refresh(conn, chunk, now)?;
    }
    Ok(signup_ids.len())
}

/// A referral as its worker sees it; milestones only where the resident lets them.
pub fn for_worker(
    conn: &mut DbConn,
    referral: Referral,
    now: DateTime<Utc>,
) -> Result<WorkerReferral, AppError> {
    let resident_display_name = profiles::service::display_name(conn, &referral.resident_id)?
        .map(|(n, _)| n)
        .unwrap_or_default();
    let offer_title = offers::service::find(conn, &referral.offer_id)?
        .map(|o| o.details.title)
        .unwrap_or_default();
    let signup_status = match &referral.signup_id {
        Some(signup) => signups::service::find(conn, signup)?.map(|s| s.status),
        None => None,
    };
    let may_see =
        workers::service::visible_resident(conn, &referral.worker_id, &referral.resident_id)
            .is_ok();
    let follow_up = if may_see {
        follow_up_of(conn, &referral, now)?
    } else {
        None
    };
    Ok(worker_referral(
        resident_display_name,
        offer_title,
        referral,
        signup_status,
        follow_up,
    ))
}

/// The worker's view of a referral from its parts; milestones only with a `follow_up` (when the
/// worker may see them).
fn worker_referral(
    resident_display_name: String,
    offer_title: String,
    referral: Referral,
    signup_status: Option<SignupStatus>,
    follow_up: Option<FollowUp>,
) -> WorkerReferral {
    WorkerReferral {
        outcome: follow_up
            .as_ref()
            .and_then(|f| f.outcome)
            .or(referral.outcome),
        milestones: follow_up.map(|f| f.milestones).unwrap_or_default(),
        outcome_reason: referral.outcome_reason,
        closed_at: referral.closed_at.map(|at| at.and_utc()),
        id: referral.id,
        status: referral.status,
        resident_id: referral.resident_id,
        resident_display_name,
        offer_id: referral.offer_id,
        offer_title,
        note: referral.note,
        decline_reason: referral.decline_reason,
        signup_id: referral.signup_id,
        signup_status,
        created_at: referral.created_at.and_utc(),
        updated_at: referral.updated_at.and_utc(),
    }
}

fn note_response(note: ReferralNote) -> ReferralNoteResponse {
    ReferralNoteResponse {
        id: note.id,
        body: note.body,
        created_at: note.created_at.and_utc(),
    }
}

/// The worker's referrals whose next milestone is due or missed, or whose resident missed a few
/// times in a row; oldest first. A worker may have hundreds of referrals: they are read with the
/// progress kept for each in one query (no attendance records), then worked out in memory.
pub async fn list(state: &AppState, worker: AuthUser) -> Result<FollowUpList, AppError> {
    let now = state.clock.now();
    let threshold = state.settings.attendance.missed_in_a_row;
    state
        .db
        .run(move |conn| {
            let open = repo::open_accepted_with_progress(conn, &worker.id)?;
            let scope = workers::service::scope(conn, &worker.id)?;
            let residents: Vec<UserId> = open.iter().map(|(r, ..)| r.resident_id.clone()).collect();
            let visible = repo::consenting_in(conn, &residents, &scope)?;

            let mut waiting = Vec::new();
            for (referral, accepted_at, signup_status, progress) in open {
                if !visible.contains(&referral.resident_id) {
                    continue;
                }
                let follow_up = milestones::follow_up(
                    accepted_at.and_utc(),
                    reached_of(progress.as_ref()),
                    referral.outcome,
                    now,
                );
                let missed = progress
                    .as_ref()
                    .filter(|p| u32::try_from(p.missed_in_a_row).unwrap_or(0) >= threshold)
                    .and_then(|p| {
                        Some(MissedSignal {
                            in_a_row: u32::try_from(p.missed_in_a_row).ok()?,
                            since: p.missed_since?.and_utc(),
                        })
                    });
                let attention = follow_up.needs_attention().cloned();
                let Some(since) = [
                    attention.as_ref().map(|m| m.due),
                    missed.as_ref().map(|m| m.since),
                ]
                .into_iter()
                .flatten()
                .min() else {
                    continue;
                };
                waiting.push((since, attention, missed, follow_up, signup_status, referral));
            }
            waiting.sort_by_key(|(since, ..)| *since);

            // Names, titles and notes for the ones listed only.
            let ids: Vec<ReferralId> = waiting.iter().map(|(.., r)| r.id.clone()).collect();
            let people: Vec<UserId> = waiting
                .iter()
                .map(|(.., r)| r.resident_id.clone())
                .collect();
            let names = repo::display_names(conn, &people)?;
            let offer_ids: Vec<OfferId> =
                waiting.iter().map(|(.., r)| r.offer_id.clone()).collect();
            let titles: HashMap<OfferId, String> = offers::repo::find_many(conn, &offer_ids)?
                .into_iter()
                .map(|o| (o.id, o.details.title))
                .collect();
            let mut notes: HashMap<ReferralId, Vec<ReferralNoteResponse>> = HashMap::new();
            for note in repo::notes_of(conn, &ids)? {
                notes
                    .entry(note.referral_id.clone())
                    .or_default()
                    .push(note_response(note));
            }
            let items = waiting
                .into_iter()
                .map(
                    |(_, attention, missed, follow_up, signup_status, referral)| FollowUpItem {
                        notes: notes.remove(&referral.id).unwrap_or_default(),
                        referral: worker_referral(
                            names
                                .get(&referral.resident_id)
                                .cloned()
                                .unwrap_or_default(),
                            titles.get(&referral.offer_id).cloned().unwrap_or_default(),
                            referral,
                            Some(signup_status),
                            Some(follow_up),
                        ),
                        attention,
                        missed,
                    },
                )
                .collect();
            Ok(FollowUpList { items })
        })
        .await
}

/// The referral for the worker who made it, while they may see its resident; 404 otherwise.
fn own_accepted(
    conn: &mut DbConn,
    id: &ReferralId,
    worker: &AuthUser,
) -> Result<Referral, AppError> {
    let referral = repo::find(conn, id)?
        .filter(|r| r.worker_id == worker.id)
        .ok_or(AppError::NotFound)?;
    workers::service::visible_resident(conn, &worker.id, &referral.resident_id)?;
    if referral.status != ReferralStatus::Accepted {
        return Err(AppError::referral_not_accepted());
    }
    Ok(referral)
}

/// The worker adds a short follow-up note to an accepted referral of theirs.
pub async fn write_note(
    state: &AppState,
    worker: AuthUser,
    id: ReferralId,
    request: WriteNoteRequest,
) -> Result<ReferralNoteResponse, AppError> {
    let body = request.body.trim().to_string();
    if body.is_empty() {
        return Err(AppError::field(
            "body",
            ErrorCode::Required,
            "Write a note.",
        ));
    }
    if body.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::field(
            "body",
            ErrorCode::TooLong,
            format!("Use at most {MAX_NOTE_CHARS} characters."),
        ));
    }
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let referral = own_accepted(conn, &id, &worker)?;
            let note = ReferralNote {
                id: ReferralNoteId::new(),
                referral_id: referral.id,
                worker_id: worker.id.clone(),
                body,
                created_at: clock.now_naive(),
            };
            repo::insert_note(conn, &note)?;
            Ok(note_response(note))
        })
        .await
}

/// The worker closes an accepted referral: completed, or stopped with a reason.
pub async fn close(
    state: &AppState,
    worker: AuthUser,
    id: ReferralId,
    request: CloseReferralRequest,
) -> Result<WorkerReferral, AppError> {
    let reason: Option<StopReason> = match (request.outcome, request.reason) {
        (Outcome::Stopped, Some(reason)) => Some(reason),
        (Outcome::Stopped, None) => {
            return Err(AppError::field(
                "reason",
                ErrorCode::Required,
                "Say why the resident stopped.",
            ));
        }
        (Outcome::Completed, None) => None,
        (Outcome::Completed, Some(_)) => {
            return Err(AppError::field(
                "reason",
                ErrorCode::Invalid,
                "A reason goes with `stopped` only.",
            ));
        }
        (Outcome::NeverStarted, _) => {
            return Err(AppError::field(
                "outcome",
                ErrorCode::Invalid,
                "`never_started` follows from attendance; close with `completed` or `stopped`.",
            ));
        }
    };
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let referral = own_accepted(conn, &id, &worker)?;
            if !repo::close(
                conn,
                &referral.id,
                request.outcome,
                reason,
                clock.now_naive(),
            )? {
                return Err(AppError::referral_closed());
            }
            let closed = repo::find(conn, &referral.id)?.ok_or(AppError::NotFound)?;
            for_worker(conn, closed, clock.now())
        })
        .await
}
