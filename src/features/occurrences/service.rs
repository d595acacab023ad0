//! Occurrence rules: listing an offer's meetings in a range of days, cancelling one (members of
//! the organisation; everyone accepted gets an email) and adding an extra one.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Europe::Amsterdam;

use super::dto::*;
use super::models::Cancellation;
use super::repo;
use super::schedule::{self, Period};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::OfferId;
use crate::error::{AppError, ErrorCode, FieldErrors};
use crate::features::offers::dto::OfferSchedule;
use crate::features::offers::models::Offer;
use crate::features::offers::service as offers;
use crate::features::signups::service as signups;
use crate::locale::Locale;
use crate::mail::outbox;
use crate::mail::templates::Email;
use crate::state::AppState;

/// The most days one request may list (about a quarter).
pub const MAX_DAYS: u64 = 92;
const MAX_REASON_CHARS: usize = 500;

/// An occurrence's id: the offer's id and the start in UTC, so it stays the same as long as the
/// occurrence does not move, whatever else changes in the schedule.
pub fn occurrence_id(offer_id: &OfferId, starts_at: DateTime<Utc>) -> String {
    format!("{offer_id}_{}", starts_at.format("%Y%m%dT%H%M%SZ"))
}

/// The offer and start an occurrence id names, if it is one.
pub fn parse_occurrence_id(raw: &str) -> Option<(OfferId, DateTime<Utc>)> {
    let (offer, start) = raw.split_once('_')?;
    let offer = crate::db::ids::parse_uuid(offer)?;
    let start = chrono::NaiveDateTime::parse_from_str(start, "%Y%m%dT%H%M%SZ").ok()?;
    Some((OfferId(offer), start.and_utc()))
}

fn parse_day(field: &str, raw: &str, errors: &mut FieldErrors) -> Option<NaiveDate> {
    let day = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if day.is_none() {
        errors.add(
            field,
            ErrorCode::InvalidDate,
            "Use a date such as 2027-03-01.",
        );
    }
    day
}

/// The first and last day asked for, at most MAX_DAYS apart (both included).
fn days(query: &OccurrenceQuery) -> Result<(NaiveDate, NaiveDate), AppError> {
    day_range(&query.from, &query.to, MAX_DAYS)
}

/// The local days `from` to `to` (`YYYY-MM-DD`, both included), at most `max_days` of them.
pub fn day_range(from: &str, to: &str, max_days: u64) -> Result<(NaiveDate, NaiveDate), AppError> {
    let mut errors = FieldErrors::new();
    let from = parse_day("from", from, &mut errors);
    let to = parse_day("to", to, &mut errors);
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            errors.add(
                "to",
                ErrorCode::BeforeStart,
                "The last day is before the first.",
            );
        } else if from
            .checked_add_days(Days::new(max_days - 1))
            .is_some_and(|last| to > last)
        {
            errors.add(
                "to",
                ErrorCode::OutOfRange,
                format!("Ask for at most {max_days} days at a time."),
            );
        }
    }
    errors.finish()?;
    match (from, to) {
        (Some(from), Some(to)) => Ok((from, to)),
        _ => Err(AppError::internal("checked days without values")),
    }
}

/// The offer's occurrences starting on the local days `from` to `to`, with their cancellations.
pub fn occurrences_of(
    conn: &mut DbConn,
    offer: &Offer,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<OccurrenceResponse>, AppError> {
    let lists = offers::lists_of(conn, std::slice::from_ref(&offer.id))?
        .remove(&offer.id)
        .unwrap_or_default();
    occurrences_in(conn, offer, &lists.schedule, from, to)
}

/// The same, for a caller that has the offer's schedule already.
pub fn occurrences_in(
    conn: &mut DbConn,
    offer: &Offer,
    offer_schedule: &OfferSchedule,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<OccurrenceResponse>, AppError> {
    let period = Period::parse(
        offer.details.start_date.as_deref(),
        offer.details.end_date.as_deref(),
    );
    let planned = schedule::occurrences(offer_schedule, period, from, to);
    let (Some(first), Some(last)) = (planned.first(), planned.last()) else {
        return Ok(Vec::new());
    };
    let mut cancelled: HashMap<String, Cancellation> = repo::cancellations(
        conn,
        &offer.id,
        first.starts_at.naive_utc(),
        last.starts_at.naive_utc() + chrono::TimeDelta::seconds(1),
    )?
    .into_iter()
    .map(|cancellation| (cancellation.id.clone(), cancellation))
    .collect();
    Ok(planned
        .into_iter()
        .map(|occurrence| {
            let id = occurrence_id(&offer.id, occurrence.starts_at);
            let cancellation = cancelled.remove(&id);
            OccurrenceResponse {
                cancelled: cancellation.is_some(),
                reason: cancellation.map(|c| c.reason),
                id,
                starts_at: occurrence.starts_at,
                ends_at: occurrence.ends_at,
            }
        })
        .collect())
}

/// An offer's occurrences in a range of days; whoever may see the offer may see them.
pub async fn list(
    state: &AppState,
    viewer: Option<AuthUser>,
    offer_id: OfferId,
    query: OccurrenceQuery,
) -> Result<OccurrenceList, AppError> {
    let (from, to) = days(&query)?;
    state
        .db
        .run(move |conn| {
            let offer = offers::visible(conn, &offer_id, viewer.as_ref())?;
            Ok(OccurrenceList {
                items: occurrences_of(conn, &offer, from, to)?,
            })
        })
        .await
}

/// The occurrence an id names, if the offer's schedule has it (404 otherwise).
pub fn find_planned(
    conn: &mut DbConn,
    offer: &Offer,
    starts_at: DateTime<Utc>,
) -> Result<OccurrenceResponse, AppError> {
    let day = schedule::local_day(starts_at);
    occurrences_of(conn, offer, day, day)?
        .into_iter()
        .find(|occurrence| occurrence.starts_at == starts_at)
        .ok_or(AppError::NotFound)
}

fn valid_reason(raw: &str) -> Result<String, AppError> {
    let reason = raw.trim();
    if reason.is_empty() {
        return Err(AppError::field(
            "reason",
            ErrorCode::Required,
            "Say why it does not go ahead.",
        ));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(AppError::field(
            "reason",
            ErrorCode::TooLong,
            format!("Use at most {MAX_REASON_CHARS} characters."),
        ));
    }
    Ok(reason.to_string())
}

/// Members cancel a coming occurrence with a reason; everyone accepted gets an email saying so.
pub async fn cancel(
    state: &AppState,
    user: AuthUser,
    raw_id: String,
    request: CancelOccurrenceRequest,
) -> Result<OccurrenceResponse, AppError> {
    let (offer_id, starts_at) = parse_occurrence_id(&raw_id).ok_or(AppError::NotFound)?;
    let reason = valid_reason(&request.reason)?;
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    state
        .write(move |conn| {
            let offer = offers::require_member(conn, &offer_id, &user)?;
            let occurrence = find_planned(conn, &offer, starts_at)?;
            if occurrence.cancelled {
                return Err(AppError::occurrence_cancelled());
            }
            let now = clock.now();
            if occurrence.starts_at <= now {
                return Err(AppError::occurrence_past());
            }
            repo::insert(
                conn,
                &Cancellation {
                    id: occurrence.id.clone(),
                    offer_id: offer.id.clone(),
                    starts_at: starts_at.naive_utc(),
                    reason: reason.clone(),
                    cancelled_by: user.id.clone(),
                    cancelled_at: now.naive_utc(),
                },
            )?;
            let link = format!("{}/offers/{}", public_url.trim_end_matches('/'), offer.id);
            for contact in signups::accepted_contacts(conn, &offer.id)? {
                let message = Email::OccurrenceCancelled {
                    name: &contact.name,
                    offer: &offer.details.title,
                    when: &when(occurrence.starts_at, contact.locale),
                    reason: &reason,
                    link: &link,
                }
                .render(contact.locale);
                outbox::enqueue(conn, now.naive_utc(), &contact.email, &message)?;
            }
            Ok(OccurrenceResponse {
                cancelled: true,
                reason: Some(reason),
                ..occurrence
            })
        })
        .await
}

/// Members add an extra meeting; it becomes one of the offer's dated sessions.
pub async fn add(
    state: &AppState,
    user: AuthUser,
    offer_id: OfferId,
    request: AddOccurrenceRequest,
) -> Result<OccurrenceResponse, AppError> {
    let now = state.clock.now();
    if request.ends_at <= request.starts_at {
        return Err(AppError::field(
            "ends_at",
            ErrorCode::InvalidSession,
            "The end is before the start.",
        ));
    }
    if request.starts_at <= now {
        return Err(AppError::field(
            "starts_at",
            ErrorCode::OutOfRange,
            "Add a meeting that is still to come.",
        ));
    }
    state
        .write(move |conn| {
            let offer = offers::require_member(conn, &offer_id, &user)?;
            offers::add_session(conn, &offer.id, request.starts_at, request.ends_at)?;
            find_planned(conn, &offer, request.starts_at)
        })
        .await
}

/// When an occurrence starts, in words for an email: "dinsdag 5 januari 2027, 09:30".
pub fn when(starts_at: DateTime<Utc>, locale: Locale) -> String {
    let local = starts_at.with_timezone(&Amsterdam);
    let time = NaiveTime::from_hms_opt(local.hour(), local.minute(), 0).unwrap_or_default();
    let day = local.date_naive();
    crate::locale::long_date(day, locale) + &format!(", {}", time.format("%H:%M"))
}
