//! Diesel queries for workers and the access log.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::AccessEntry;
use crate::db::DbConn;
use crate::db::ids::{DistrictId, UserId};
use crate::db::schema::{access_log, user_roles, users, worker_districts};

pub fn replace_districts(
    conn: &mut DbConn,
    worker: &UserId,
    district_ids: &[DistrictId],
    now: NaiveDateTime,
) -> QueryResult<()> {
    let rows: Vec<_> = district_ids
        .iter()
        .map(|district_id| {
            (
                worker_districts::worker_id.eq(worker),
                worker_districts::district_id.eq(district_id),
                worker_districts::assigned_at.eq(now),
            )
        })
        .collect();
    crate::replace_children!(
        conn,
        worker_districts::table,
        worker_districts::worker_id,
        worker,
        &rows
    )
}

pub fn districts_of(conn: &mut DbConn, worker: &UserId) -> QueryResult<Vec<DistrictId>> {
    worker_districts::table
        .filter(worker_districts::worker_id.eq(worker))
        .select(worker_districts::district_id)
        .order(worker_districts::district_id.asc())
        .load(conn)
}

/// Everyone with the worker role: (id, display name, email).
pub fn workers(conn: &mut DbConn) -> QueryResult<Vec<(UserId, String, String)>> {
    user_roles::table
        .inner_join(users::table)
        .filter(user_roles::role.eq("worker"))
        .select((users::id, users::display_name, users::email))
        .order((users::display_name.asc(), users::id.asc()))
        .load(conn)
}

pub fn insert_log(conn: &mut DbConn, entries: &[AccessEntry]) -> QueryResult<()> {
    for entry in entries {
        diesel::insert_into(access_log::table)
            .values(entry)
            .execute(conn)?;
    }
    Ok(())
}

/// A page of a resident's access log, newest first.
pub fn log_of(
    conn: &mut DbConn,
    resident: &UserId,
    after: Option<&str>,
    fetch: i64,
) -> QueryResult<Vec<AccessEntry>> {
    let mut query = access_log::table
        .filter(access_log::resident_id.eq(resident))
        .select(AccessEntry::as_select())
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(access_log::id.lt(after.to_string()));
    }
    query.order(access_log::id.desc()).limit(fetch).load(conn)
}
