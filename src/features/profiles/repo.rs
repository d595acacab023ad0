//! Diesel queries for profiles.

use diesel::prelude::*;

use super::models::{AvailabilityRow, Profile};
use crate::db::DbConn;
use crate::db::ids::{DistrictId, TagId, UserId};
use crate::db::schema::{profile_availability, profile_tags, resident_profiles, tags, users};
use crate::db::tx::Tx;
use crate::features::tags::models::TagKind;

pub fn find(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Option<Profile>> {
    resident_profiles::table
        .find(user_id)
        .select(Profile::as_select())
        .first(conn)
        .optional()
}

pub fn upsert(conn: &mut Tx, profile: &Profile, exists: bool) -> QueryResult<()> {
    conn.resident_changed(&profile.user_id);
    let conn: &mut DbConn = conn;
    if exists {
        diesel::update(resident_profiles::table.find(&profile.user_id))
            .set(profile)
            .execute(conn)?;
    } else {
        diesel::insert_into(resident_profiles::table)
            .values(profile)
            .execute(conn)?;
    }
    Ok(())
}

pub fn replace_tags(conn: &mut Tx, user_id: &UserId, tag_ids: &[TagId]) -> QueryResult<()> {
    conn.resident_changed(user_id);
    let rows: Vec<_> = tag_ids
        .iter()
        .map(|tag_id| {
            (
                profile_tags::user_id.eq(user_id),
                profile_tags::tag_id.eq(tag_id),
            )
        })
        .collect();
    crate::replace_children!(
        conn,
        profile_tags::table,
        profile_tags::user_id,
        user_id,
        &rows
    )
}

pub fn replace_availability(
    conn: &mut Tx,
    user_id: &UserId,
    rows: &[AvailabilityRow],
) -> QueryResult<()> {
    conn.resident_changed(user_id);
    crate::replace_children!(
        conn,
        profile_availability::table,
        profile_availability::user_id,
        user_id,
        rows
    )
}

/// (user, tag kind, tag key) for the given users.
pub fn tags_of(
    conn: &mut DbConn,
    user_ids: &[UserId],
) -> QueryResult<Vec<(UserId, TagKind, String)>> {
    let query = profile_tags::table
        .inner_join(tags::table)
        .select((profile_tags::user_id, tags::kind, tags::key))
        .order((profile_tags::user_id.asc(), tags::key.asc()))
        .into_boxed();
    crate::filter_one_or_many!(query, profile_tags::user_id, user_ids).load(conn)
}

pub fn availability_of(
    conn: &mut DbConn,
    user_ids: &[UserId],
) -> QueryResult<Vec<AvailabilityRow>> {
    let query = profile_availability::table
        .select(AvailabilityRow::as_select())
        .order((
            profile_availability::weekday.asc(),
            profile_availability::start_time.asc(),
            profile_availability::id.asc(),
        ))
        .into_boxed();
    crate::filter_one_or_many!(query, profile_availability::user_id, user_ids).load(conn)
}

/// Profiles of residents who consented and live in one of `districts`, optionally matching a name.
pub fn consenting_in(
    conn: &mut DbConn,
    districts: &[DistrictId],
    name: Option<&str>,
    after: Option<&str>,
    fetch: i64,
) -> QueryResult<Vec<(Profile, String)>> {
    let mut query = resident_profiles::table
        .inner_join(users::table)
        .filter(resident_profiles::share_with_workers.eq(true))
        .filter(resident_profiles::district_id.eq_any(districts.to_vec()))
        .select((Profile::as_select(), users::display_name))
        .into_boxed();
    if let Some(name) = name {
        let pattern = crate::validate::contains_pattern(&name.to_lowercase());
        query = query.filter(
            crate::db::lower(users::display_name)
                .like(pattern)
                .escape('\\'),
        );
    }
    if let Some(after) = after {
        query = query.filter(resident_profiles::user_id.gt(after.to_string()));
    }
    query
        .order(resident_profiles::user_id.asc())
        .limit(fetch)
        .load(conn)
}

pub fn display_name(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Option<(String, String)>> {
    users::table
        .find(user_id)
        .select((users::display_name, users::email))
        .first(conn)
        .optional()
}
