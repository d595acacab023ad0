//! Participation figures from the attendance rows: a resident's own hours and sessions, an
//! offer's overview for its organisation, and the organisation's attendance as CSV.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};

use super::dto::*;
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::{OfferId, OrganisationId, SignupId};
use crate::error::AppError;
use crate::features::attendance::models::{Attendance, AttendanceStatus};
use crate::features::attendance::repo as attendance;
use crate::features::occurrences::schedule;
use crate::features::occurrences::service::{day_range, occurrence_id, occurrences_of};
use crate::features::offers::models::Offer;
use crate::features::offers::repo as offers_repo;
use crate::features::offers::service as offers;
use crate::features::organisations::service as organisations;
use crate::state::AppState;

/// The longest period one request may cover (a year, leap day included).
pub const MAX_DAYS: u64 = 366;

/// Minutes as hours, to the hundredth: how every figure of time taking part is shown.
pub fn hours(minutes: i64) -> f64 {
    // Minutes of one person in a year stay far below 2^52.
    #[allow(clippy::cast_precision_loss)]
    let minutes = minutes as f64;
    (minutes / 60.0 * 100.0).round() / 100.0
}

/// The period's local days and the instants they span: `[start of from, start of the day after to)`.
pub fn period(
    query: &PeriodQuery,
) -> Result<(NaiveDate, NaiveDate, DateTime<Utc>, DateTime<Utc>), AppError> {
    let (from, to) = day_range(&query.from, &query.to, MAX_DAYS)?;
    let start = schedule::local_instant(from, NaiveTime::MIN);
    let end = schedule::local_instant(
        to.checked_add_days(Days::new(1)).unwrap_or(to),
        NaiveTime::MIN,
    );
    Ok((from, to, start, end))
}

fn counts(rows: &[&Attendance]) -> (u32, i64) {
    let present = rows
        .iter()
        .filter(|row| row.status == AttendanceStatus::Present)
        .count();
    let minutes = rows.iter().map(|row| i64::from(row.minutes)).sum();
    (u32::try_from(present).unwrap_or(u32::MAX), minutes)
}

/// The signed-in resident's participation in a period.
pub async fn mine(
    state: &AppState,
    user: AuthUser,
    query: PeriodQuery,
) -> Result<Participation, AppError> {
    let (from, to, start, end) = period(&query)?;
    state
        .db
        .run(move |conn| {
            let rows = attendance::of_resident(conn, &user.id, start.naive_utc(), end.naive_utc())?;
            participation(conn, rows, from, to)
        })
        .await
}

/// A resident's participation from their rows in the period.
pub fn participation(
    conn: &mut DbConn,
    rows: Vec<Attendance>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Participation, AppError> {
    let mut offer_ids: Vec<OfferId> = rows.iter().map(|row| row.offer_id.clone()).collect();
    offer_ids.sort();
    offer_ids.dedup();
    let offers: HashMap<OfferId, Offer> = offers_repo::find_many(conn, &offer_ids)?
        .into_iter()
        .map(|offer| (offer.id.clone(), offer))
        .collect();
    let organisation_ids: Vec<OrganisationId> =
        offers.values().map(|o| o.organisation_id.clone()).collect();
    let organisation_names: HashMap<OrganisationId, String> =
        offers_repo::organisation_names(conn, &organisation_ids)?
            .into_iter()
            .collect();

    let mut by_offer: BTreeMap<&OfferId, Vec<&Attendance>> = BTreeMap::new();
    let mut by_month: BTreeMap<String, Vec<&Attendance>> = BTreeMap::new();
    for row in &rows {
        by_offer.entry(&row.offer_id).or_default().push(row);
        let local = schedule::local_day(row.starts_at.and_utc());
        by_month
            .entry(format!("{:04}-{:02}", local.year(), local.month()))
            .or_default()
            .push(row);
    }
    let mut items: Vec<OfferParticipation> = by_offer
        .into_iter()
        .filter_map(|(offer_id, rows)| {
            let offer = offers.get(offer_id)?;
            let (sessions_present, minutes) = counts(&rows);
            Some(OfferParticipation {
                offer_id: offer_id.clone(),
                offer_title: offer.details.title.clone(),
                kind: offer.details.kind,
                organisation_id: offer.organisation_id.clone(),
                organisation_name: organisation_names
                    .get(&offer.organisation_id)
                    .cloned()
                    .unwrap_or_default(),
                sessions_present,
                hours: hours(minutes),
            })
        })
        .collect();
    items.sort_by(|a, b| {
        b.hours
            .total_cmp(&a.hours)
            .then(a.offer_title.cmp(&b.offer_title))
    });
    let months = by_month
        .into_iter()
        .map(|(month, rows)| {
            let (sessions_present, minutes) = counts(&rows);
            MonthParticipation {
                month,
                sessions_present,
                hours: hours(minutes),
            }
        })
        .collect();
    let all: Vec<&Attendance> = rows.iter().collect();
    let (sessions_present, minutes) = counts(&all);
    let records = rows
        .iter()
        .rev()
        .map(|row| AttendanceRecord {
            occurrence_id: occurrence_id(&row.offer_id, row.starts_at.and_utc()),
            offer_id: row.offer_id.clone(),
            offer_title: offers
                .get(&row.offer_id)
                .map(|o| o.details.title.clone())
                .unwrap_or_default(),
            starts_at: row.starts_at.and_utc(),
            status: row.status,
            hours: hours(i64::from(row.minutes)),
        })
        .collect();
    Ok(Participation {
        from,
        to,
        sessions_present,
        hours: hours(minutes),
        items,
        months,
        records,
    })
}

/// An offer's attendance in a period, for members of its organisation.
pub async fn offer_overview(
    state: &AppState,
    user: AuthUser,
    offer_id: OfferId,
    query: PeriodQuery,
) -> Result<OfferOverview, AppError> {
    let (from, to, start, end) = period(&query)?;
    let now = state.clock.now();
    state
        .db
        .run(move |conn| {
            let offer = offers::require_member(conn, &offer_id, &user)?;
            overview(conn, &offer, from, to, start, end, now)
        })
        .await
}

fn overview(
    conn: &mut DbConn,
    offer: &Offer,
    from: NaiveDate,
    to: NaiveDate,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<OfferOverview, AppError> {
    let rows = attendance::of_offers(
        conn,
        std::slice::from_ref(&offer.id),
        start.naive_utc(),
        end.naive_utc(),
    )?;
    let mut by_start: HashMap<DateTime<Utc>, Vec<&Attendance>> = HashMap::new();
    for row in &rows {
        by_start
            .entry(row.starts_at.and_utc())
            .or_default()
            .push(row);
    }
    // Accepted sign-ups and when they were made: someone signed up after a meeting was not expected there.
    let accepted: Vec<(SignupId, chrono::NaiveDateTime)> =
        crate::features::signups::repo::accepted_signups(conn, &offer.id)?
            .into_iter()
            .map(|signup| (signup.id, signup.created_at))
            .collect();
    let held: Vec<_> = occurrences_of(conn, offer, from, to)?
        .into_iter()
        // Held: started, not cancelled, and after the offer was made (a weekly slot reaches back
        // before it, but nobody could take part then) or with attendance recorded.
        .filter(|occurrence| {
            !occurrence.cancelled
                && occurrence.starts_at <= now
                && (occurrence.starts_at >= offer.created_at.and_utc()
                    || by_start.contains_key(&occurrence.starts_at))
        })
        .collect();
    let mut occurrences = Vec::with_capacity(held.len());
    for occurrence in held {
        let rows = by_start.remove(&occurrence.starts_at).unwrap_or_default();
        let recorded: Vec<&SignupId> = rows.iter().map(|row| &row.signup_id).collect();
        let unrecorded = accepted
            .iter()
            .filter(|(signup, since)| {
                since.and_utc() <= occurrence.starts_at && !recorded.contains(&signup)
            })
            .count();
        let count = |status| rows.iter().filter(|row| row.status == status).count();
        let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let (present, minutes) = counts(&rows);
        occurrences.push(HeldOccurrence {
            occurrence_id: occurrence.id,
            starts_at: occurrence.starts_at,
            expected: as_u32(rows.len() + unrecorded),
            present,
            absent: as_u32(count(AttendanceStatus::Absent)),
            excused: as_u32(count(AttendanceStatus::Excused)),
            unrecorded: as_u32(unrecorded),
            hours: hours(minutes),
        });
    }
    let sum = |pick: fn(&HeldOccurrence) -> u32| occurrences.iter().map(pick).sum::<u32>();
    Ok(OfferOverview {
        offer_id: offer.id.clone(),
        from,
        to,
        occurrences_held: u32::try_from(occurrences.len()).unwrap_or(u32::MAX),
        expected: sum(|o| o.expected),
        present: sum(|o| o.present),
        no_shows: sum(|o| o.absent),
        excused: sum(|o| o.excused),
        unrecorded: sum(|o| o.unrecorded),
        hours: (occurrences.iter().map(|o| o.hours).sum::<f64>() * 100.0).round() / 100.0,
        occurrences,
    })
}

/// The organisation's attendance in a period as CSV (members only): one line per person and
/// occurrence, for its own records.
pub async fn organisation_csv(
    state: &AppState,
    user: AuthUser,
    organisation_id: OrganisationId,
    query: PeriodQuery,
) -> Result<String, AppError> {
    let (_, _, start, end) = period(&query)?;
    state
        .db
        .run(move |conn| {
            organisations::require_member(conn, &organisation_id, &user)?;
            let offers = offers_repo::all_of_organisation(conn, &organisation_id)?;
            let titles: HashMap<OfferId, String> = offers
                .iter()
                .map(|o| (o.id.clone(), o.details.title.clone()))
                .collect();
            let ids: Vec<OfferId> = offers.into_iter().map(|o| o.id).collect();
            let rows = attendance::of_offers(conn, &ids, start.naive_utc(), end.naive_utc())?;
            let names = attendance::display_names(conn, &rows)?;
            let mut csv = csv::Writer::from_writer(Vec::new());
            let csv_error = |e: csv::Error| AppError::internal(e.to_string());
            csv.write_record([
                "date",
                "start",
                "offer",
                "participant",
                "status",
                "companion_present",
                "hours",
            ])
            .map_err(csv_error)?;
            for row in &rows {
                let local = row
                    .starts_at
                    .and_utc()
                    .with_timezone(&chrono_tz::Europe::Amsterdam);
                csv.write_record([
                    local.format("%Y-%m-%d").to_string(),
                    local.format("%H:%M").to_string(),
                    titles.get(&row.offer_id).cloned().unwrap_or_default(),
                    names.get(&row.signup_id).cloned().unwrap_or_default(),
                    row.status.as_str().to_string(),
                    row.companion_present
                        .map(|c| if c { "yes" } else { "no" })
                        .unwrap_or_default()
                        .to_string(),
                    format!("{:.2}", hours(i64::from(row.minutes))),
                ])
                .map_err(csv_error)?;
            }
            let bytes = csv
                .into_inner()
                .map_err(|e| AppError::internal(e.to_string()))?;
            String::from_utf8(bytes).map_err(AppError::internal)
        })
        .await
}
