//! Attendance rules: members of the offer's organisation record who came to an occurrence that
//! has started (the whole register in one request, editable for 14 days, every change kept); a
//! resident says beforehand they cannot come.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};

use super::dto::*;
use super::models::{Attendance, AttendanceStatus, Participant};
use super::{continuity, repo};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::{OfferId, SignupId};
use crate::error::{AppError, ErrorCode, FieldErrors};
use crate::features::occurrences::dto::OccurrenceResponse;
use crate::features::occurrences::schedule;
use crate::features::occurrences::service::{find_planned, parse_occurrence_id};
use crate::features::offers::models::Offer;
use crate::features::offers::service as offers;
use crate::features::referrals;
use crate::state::AppState;

/// How long after an occurrence's start its register can still be changed.
pub const EDITABLE_FOR: TimeDelta = TimeDelta::days(14);
const MAX_HOURS: f64 = 24.0;

/// An occurrence's length in whole minutes: what a person present counts unless set otherwise.
pub fn minutes_of(occurrence: &OccurrenceResponse) -> i32 {
    i32::try_from((occurrence.ends_at - occurrence.starts_at).num_minutes()).unwrap_or(0)
}

fn hours(minutes: i32) -> f64 {
    crate::features::participation::service::hours(i64::from(minutes))
}

/// The occurrence an id names and its offer, for a member of the offer's organisation.
fn member_occurrence(
    conn: &mut DbConn,
    raw_id: &str,
    user: &AuthUser,
) -> Result<(Offer, OccurrenceResponse), AppError> {
    let (offer_id, starts_at) = parse_occurrence_id(raw_id).ok_or(AppError::NotFound)?;
    let offer = offers::require_member(conn, &offer_id, user)?;
    let occurrence = find_planned(conn, &offer, starts_at)?;
    Ok((offer, occurrence))
}

fn register(
    conn: &mut DbConn,
    offer: &Offer,
    occurrence: OccurrenceResponse,
    now: DateTime<Utc>,
) -> Result<AttendanceRegister, AppError> {
    let records: HashMap<SignupId, Attendance> =
        repo::for_occurrence(conn, &offer.id, occurrence.starts_at.naive_utc())?
            .into_iter()
            .map(|row| (row.signup_id.clone(), row))
            .collect();
    let recorded: Vec<SignupId> = records.keys().cloned().collect();
    let items = repo::participants(conn, &offer.id, &recorded)?
        .into_iter()
        .map(|person| {
            let record = records.get(&person.signup_id);
            AttendanceLine {
                status: record.map(|r| r.status),
                companion_present: record.and_then(|r| r.companion_present),
                hours: record.map(|r| hours(r.minutes)),
                hours_set: record.is_some_and(|r| r.minutes_set),
                excused_by_resident: record.is_some_and(|r| {
                    r.status == AttendanceStatus::Excused && r.recorded_by == person.resident_id
                }),
                recorded_at: record.map(|r| r.recorded_at.and_utc()),
                signup_id: person.signup_id,
                display_name: person.display_name,
                with_companion: person.with_companion,
            }
        })
        .collect();
    let locks_at = occurrence.starts_at + EDITABLE_FOR;
    Ok(AttendanceRegister {
        offer_id: offer.id.to_string(),
        offer_title: offer.details.title.clone(),
        default_hours: hours(minutes_of(&occurrence)),
        started: occurrence.starts_at <= now,
        locked: locks_at <= now,
        locks_at,
        occurrence,
        items,
    })
}

/// The register of an occurrence: everyone expected and what is recorded for them.
pub async fn get(
    state: &AppState,
    user: AuthUser,
    raw_id: String,
) -> Result<AttendanceRegister, AppError> {
    let now = state.clock.now();
    state
        .db
        .run(move |conn| {
            let (offer, occurrence) = member_occurrence(conn, &raw_id, &user)?;
            register(conn, &offer, occurrence, now)
        })
        .await
}

/// Checks the entries against the people expected; the rows to write, or every wrong field.
fn rows_to_record(
    entries: &[AttendanceEntry],
    expected: &[Participant],
    occurrence: &OccurrenceResponse,
    offer_id: &OfferId,
    user: &AuthUser,
    now: DateTime<Utc>,
) -> Result<Vec<Attendance>, AppError> {
    let by_signup: HashMap<&SignupId, &Participant> =
        expected.iter().map(|p| (&p.signup_id, p)).collect();
    let mut seen = HashSet::new();
    let mut errors = FieldErrors::new();
    let mut rows = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let field = |name: &str| format!("items[{index}].{name}");
        let Some(person) = by_signup.get(&entry.signup_id) else {
            errors.add(
                &field("signup_id"),
                ErrorCode::NotAParticipant,
                "This sign-up has no place on this offer.",
            );
            continue;
        };
        if !seen.insert(&entry.signup_id) {
            errors.add(
                &field("signup_id"),
                ErrorCode::ListedTwice,
                "This person is in the list twice.",
            );
        }
        if entry.companion_present.is_some() && !person.with_companion {
            errors.add(
                &field("companion_present"),
                ErrorCode::CompanionNotAllowed,
                "This sign-up has no companion seat.",
            );
        }
        if let Some(hours) = entry.hours
            && !(0.0..=MAX_HOURS).contains(&hours)
        {
            errors.add(
                &field("hours"),
                ErrorCode::OutOfRange,
                format!("Use 0 to {MAX_HOURS} hours."),
            );
        }
        let default_minutes = match entry.status {
            AttendanceStatus::Present => minutes_of(occurrence),
            AttendanceStatus::Absent | AttendanceStatus::Excused => 0,
        };
        // Hours are whole minutes: 0 to 1,440, so the conversion cannot overflow.
        #[allow(clippy::cast_possible_truncation)]
        let minutes = entry
            .hours
            .map_or(default_minutes, |hours| (hours * 60.0).round() as i32);
        rows.push(Attendance {
            signup_id: entry.signup_id.clone(),
            starts_at: occurrence.starts_at.naive_utc(),
            offer_id: offer_id.clone(),
            resident_id: person.resident_id.clone(),
            status: entry.status,
            companion_present: entry.companion_present,
            minutes,
            minutes_set: entry.hours.is_some(),
            recorded_by: user.id.clone(),
            recorded_at: now.naive_utc(),
        });
    }
    errors.finish()?;
    Ok(rows)
}

/// Writes these rows of one occurrence (the last write per person wins, each change kept), brings
/// the progress of any referral behind them up to date, and marks the monitor's figures of the
/// occurrence's month stale.
pub fn write(conn: &mut DbConn, rows: &[Attendance], now: NaiveDateTime) -> Result<(), AppError> {
    repo::record_all(conn, rows)?;
    let signup_ids: Vec<SignupId> = rows.iter().map(|row| row.signup_id.clone()).collect();
    referrals::follow_ups::refresh(conn, &signup_ids, now)?;
    let days: Vec<_> = rows
        .iter()
        .map(|row| schedule::local_day(row.starts_at.and_utc()))
        .collect();
    crate::features::monitor::upkeep::touch(conn, &days, now)
}

/// Members record who came, for everyone at once or some: all entries are stored, or none.
pub async fn record(
    state: &AppState,
    user: AuthUser,
    raw_id: String,
    request: RecordAttendanceRequest,
) -> Result<AttendanceRegister, AppError> {
    let clock = state.clock.clone();
    let missed_in_a_row = state.settings.attendance.missed_in_a_row;
    let public_url = state.settings.app.public_url.clone();
    state
        .write(move |conn| {
            let now = clock.now();
            let (offer, occurrence) = member_occurrence(conn, &raw_id, &user)?;
            if occurrence.cancelled {
                return Err(AppError::occurrence_cancelled());
            }
            if occurrence.starts_at > now {
                return Err(AppError::occurrence_not_started());
            }
            if occurrence.starts_at + EDITABLE_FOR <= now {
                return Err(AppError::attendance_locked());
            }
            let existing: HashMap<SignupId, Attendance> =
                repo::for_occurrence(conn, &offer.id, occurrence.starts_at.naive_utc())?
                    .into_iter()
                    .map(|row| (row.signup_id.clone(), row))
                    .collect();
            let recorded: Vec<SignupId> = existing.keys().cloned().collect();
            let expected = repo::participants(conn, &offer.id, &recorded)?;
            let rows = rows_to_record(
                &request.items,
                &expected,
                &occurrence,
                &offer.id,
                &user,
                now,
            )?;
            // Saving the same again changes nothing, and keeps no change.
            let changed: Vec<Attendance> = rows
                .into_iter()
                .filter(|row| {
                    !existing
                        .get(&row.signup_id)
                        .is_some_and(|old| old.same_record(row))
                })
                .collect();
            write(conn, &changed, now.naive_utc())?;
            let newly_absent: Vec<SignupId> = changed
                .into_iter()
                .filter(|row| row.status == AttendanceStatus::Absent)
                .map(|row| row.signup_id)
                .collect();
            continuity::notice(
                conn,
                &newly_absent,
                missed_in_a_row,
                now.naive_utc(),
                &public_url,
            )?;
            register(conn, &offer, occurrence, now)
        })
        .await
}

/// A resident says they cannot come to a coming occurrence of an offer they have a place on; the
/// organisation sees it on the register as excused.
pub async fn report_absence(
    state: &AppState,
    user: AuthUser,
    raw_id: String,
) -> Result<(), AppError> {
    let (offer_id, starts_at) = parse_occurrence_id(&raw_id).ok_or(AppError::NotFound)?;
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let now = clock.now();
            let person =
                repo::accepted_signup_of(conn, &offer_id, &user.id)?.ok_or(AppError::NotFound)?;
            let offer = offers::visible(conn, &offer_id, Some(&user))?;
            let occurrence = find_planned(conn, &offer, starts_at)?;
            if occurrence.cancelled {
                return Err(AppError::occurrence_cancelled());
            }
            if occurrence.starts_at <= now {
                return Err(AppError::occurrence_past());
            }
            write(
                conn,
                &[Attendance {
                    signup_id: person.signup_id,
                    starts_at: occurrence.starts_at.naive_utc(),
                    offer_id: offer.id.clone(),
                    resident_id: user.id.clone(),
                    status: AttendanceStatus::Excused,
                    companion_present: None,
                    minutes: 0,
                    minutes_set: false,
                    recorded_by: user.id.clone(),
                    recorded_at: now.naive_utc(),
                }],
                now.naive_utc(),
            )?;
            Ok(())
        })
        .await
}
