//! Diesel queries for attendance.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use std::collections::HashMap;

use diesel::dsl::max;

use super::models::{Attendance, AttendanceChange, AttendanceStatus, Participant};
use crate::db::DbConn;
use crate::db::ids::{AttendanceChangeId, OfferId, SignupId, UserId};
use crate::db::schema::{attendance, attendance_changes, signups, users};
use crate::features::signups::models::SignupStatus;

/// The rows recorded for one occurrence of an offer.
pub fn for_occurrence(
    conn: &mut DbConn,
    offer_id: &OfferId,
    starts_at: NaiveDateTime,
) -> QueryResult<Vec<Attendance>> {
    attendance::table
        .filter(attendance::offer_id.eq(offer_id))
        .filter(attendance::starts_at.eq(starts_at))
        .select(Attendance::as_select())
        .load(conn)
}

/// The offer's accepted sign-ups, and any other sign-up in `also` (those with a record already),
/// with the residents' display names, by name.
pub fn participants(
    conn: &mut DbConn,
    offer_id: &OfferId,
    also: &[SignupId],
) -> QueryResult<Vec<Participant>> {
    signups::table
        .inner_join(users::table.on(users::id.eq(signups::resident_id)))
        .filter(signups::offer_id.eq(offer_id))
        .filter(
            signups::status
                .eq(SignupStatus::Accepted)
                .or(signups::id.eq_any(also)),
        )
        .select((
            signups::id,
            signups::resident_id,
            users::display_name,
            signups::with_companion,
        ))
        .order((users::display_name.asc(), signups::id.asc()))
        .load(conn)
}

/// The resident's accepted sign-up on the offer, if any.
pub fn accepted_signup_of(
    conn: &mut DbConn,
    offer_id: &OfferId,
    resident_id: &UserId,
) -> QueryResult<Option<Participant>> {
    signups::table
        .inner_join(users::table.on(users::id.eq(signups::resident_id)))
        .filter(signups::offer_id.eq(offer_id))
        .filter(signups::resident_id.eq(resident_id))
        .filter(signups::status.eq(SignupStatus::Accepted))
        .select((
            signups::id,
            signups::resident_id,
            users::display_name,
            signups::with_companion,
        ))
        .first(conn)
        .optional()
}

/// Writes these rows of one occurrence (insert or replace: the last write per person wins) and
/// keeps each change. The usual case is a few statements whatever the list's length: the old rows
/// are deleted and the new ones inserted at once. A concurrent save of the same register may insert
/// a row in between (PostgreSQL takes writers together); that unique violation undoes only the
/// savepoint, and the rows are then written one by one, each replacing what is there.
pub fn record_all(conn: &mut DbConn, rows: &[Attendance]) -> QueryResult<()> {
    let Some(first) = rows.first() else {
        return Ok(());
    };
    debug_assert!(rows.iter().all(|row| row.starts_at == first.starts_at));
    let signup_ids: Vec<&SignupId> = rows.iter().map(|row| &row.signup_id).collect();
    let replaced = conn.transaction(|conn| {
        diesel::delete(
            attendance::table
                .filter(attendance::starts_at.eq(first.starts_at))
                .filter(attendance::signup_id.eq_any(&signup_ids)),
        )
        .execute(conn)?;
        crate::batch_insert!(conn, attendance::table, rows)
    });
    match replaced {
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => {
            for row in rows {
                replace_one(conn, row)?;
            }
        }
        other => {
            other?;
        }
    }
    let changes: Vec<AttendanceChange> = rows
        .iter()
        .map(|row| AttendanceChange {
            id: AttendanceChangeId::new(),
            signup_id: row.signup_id.clone(),
            starts_at: row.starts_at,
            status: row.status,
            companion_present: row.companion_present,
            minutes: row.minutes,
            changed_by: row.recorded_by.clone(),
            changed_at: row.recorded_at,
        })
        .collect();
    crate::batch_insert!(conn, attendance_changes::table, &changes)?;
    Ok(())
}

/// Writes one row over whatever is there, or inserts it.
fn replace_one(conn: &mut DbConn, row: &Attendance) -> QueryResult<()> {
    let key = (&row.signup_id, row.starts_at);
    if diesel::update(attendance::table.find(key))
        .set(row)
        .execute(conn)?
        == 0
    {
        diesel::insert_into(attendance::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// The changes to one person's row, oldest first.
pub fn changes(
    conn: &mut DbConn,
    signup_id: &SignupId,
    starts_at: NaiveDateTime,
) -> QueryResult<Vec<AttendanceChange>> {
    attendance_changes::table
        .filter(attendance_changes::signup_id.eq(signup_id))
        .filter(attendance_changes::starts_at.eq(starts_at))
        .order(attendance_changes::changed_at.asc())
        .select(AttendanceChange::as_select())
        .load(conn)
}

/// A resident's rows for occurrences starting in `[from, to)`, oldest first.
pub fn of_resident(
    conn: &mut DbConn,
    resident_id: &UserId,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<Attendance>> {
    attendance::table
        .filter(attendance::resident_id.eq(resident_id))
        .filter(attendance::starts_at.ge(from))
        .filter(attendance::starts_at.lt(to))
        .order(attendance::starts_at.asc())
        .select(Attendance::as_select())
        .load(conn)
}

/// The rows of the given offers for occurrences starting in `[from, to)`, oldest first.
pub fn of_offers(
    conn: &mut DbConn,
    offer_ids: &[OfferId],
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<Attendance>> {
    attendance::table
        .filter(attendance::offer_id.eq_any(offer_ids))
        .filter(attendance::starts_at.ge(from))
        .filter(attendance::starts_at.lt(to))
        .order((attendance::starts_at.asc(), attendance::signup_id.asc()))
        .select(Attendance::as_select())
        .load(conn)
}

/// The display names of the residents of the rows' sign-ups.
pub fn display_names(
    conn: &mut DbConn,
    rows: &[Attendance],
) -> QueryResult<std::collections::HashMap<SignupId, String>> {
    let mut ids: Vec<&SignupId> = rows.iter().map(|row| &row.signup_id).collect();
    ids.sort();
    ids.dedup();
    let mut names = std::collections::HashMap::new();
    // In chunks, so a long period never exceeds a database's limit on bound parameters.
    for chunk in ids.chunks(500) {
        let found: Vec<(SignupId, String)> = signups::table
            .inner_join(users::table.on(users::id.eq(signups::resident_id)))
            .filter(signups::id.eq_any(chunk.iter().copied()))
            .select((signups::id, users::display_name))
            .load(conn)?;
        names.extend(found);
    }
    Ok(names)
}

/// The records of these sign-ups after each one's last time present, up to `until`, oldest first:
/// all that a run of absences can be made of. Reads a sign-up's absences, never its whole record.
pub fn since_last_presence(
    conn: &mut DbConn,
    signup_ids: &[SignupId],
    until: NaiveDateTime,
) -> QueryResult<Vec<(SignupId, NaiveDateTime, AttendanceStatus)>> {
    if signup_ids.is_empty() {
        return Ok(Vec::new());
    }
    let last_present: HashMap<SignupId, NaiveDateTime> = attendance::table
        .filter(attendance::signup_id.eq_any(signup_ids))
        .filter(attendance::status.eq(AttendanceStatus::Present))
        .filter(attendance::starts_at.le(until))
        .group_by(attendance::signup_id)
        .select((attendance::signup_id, max(attendance::starts_at)))
        .load::<(SignupId, Option<NaiveDateTime>)>(conn)?
        .into_iter()
        .filter_map(|(id, at)| Some((id, at?)))
        .collect();
    let mut query = attendance::table
        .filter(attendance::signup_id.eq_any(signup_ids))
        .filter(attendance::status.ne(AttendanceStatus::Present))
        .filter(attendance::starts_at.le(until))
        .into_boxed();
    // When everyone was present once, nothing before the earliest of those times counts.
    if last_present.len() == signup_ids.len()
        && let Some(earliest) = last_present.values().min()
    {
        query = query.filter(attendance::starts_at.gt(*earliest));
    }
    Ok(query
        .order(attendance::starts_at.asc())
        .select((
            attendance::signup_id,
            attendance::starts_at,
            attendance::status,
        ))
        .load::<(SignupId, NaiveDateTime, AttendanceStatus)>(conn)?
        .into_iter()
        .filter(|(id, at, _)| last_present.get(id).is_none_or(|last| at > last))
        .collect())
}

/// Every recorded status of these sign-ups: (sign-up, occurrence start, status), oldest first.
pub fn statuses(
    conn: &mut DbConn,
    signup_ids: &[SignupId],
) -> QueryResult<Vec<(SignupId, NaiveDateTime, AttendanceStatus)>> {
    attendance::table
        .filter(attendance::signup_id.eq_any(signup_ids))
        .order(attendance::starts_at.asc())
        .select((
            attendance::signup_id,
            attendance::starts_at,
            attendance::status,
        ))
        .load(conn)
}
