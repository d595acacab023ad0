//! Diesel queries for tags.

use diesel::prelude::*;

use super::models::{NewTag, Tag, TagKind};
use crate::db::DbConn;
use crate::db::ids::TagId;
use crate::db::schema::tags;
use crate::db::tx::Tx;

pub fn list(
    conn: &mut DbConn,
    kind: Option<TagKind>,
    include_retired: bool,
) -> QueryResult<Vec<Tag>> {
    let mut query = tags::table.select(Tag::as_select()).into_boxed();
    if let Some(kind) = kind {
        query = query.filter(tags::kind.eq(kind));
    }
    if !include_retired {
        query = query.filter(tags::retired.eq(false));
    }
    query
        .order((tags::kind.asc(), tags::key.asc(), tags::id.asc()))
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &TagId) -> QueryResult<Option<Tag>> {
    tags::table
        .find(id)
        .select(Tag::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_keys(conn: &mut DbConn, kind: TagKind, keys: &[String]) -> QueryResult<Vec<Tag>> {
    tags::table
        .filter(tags::kind.eq(kind))
        .filter(tags::key.eq_any(keys))
        .select(Tag::as_select())
        .load(conn)
}

pub fn exists(conn: &mut DbConn, kind: TagKind, key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        tags::table
            .filter(tags::kind.eq(kind))
            .filter(tags::key.eq(key)),
    ))
    .get_result(conn)
}

pub fn insert(conn: &mut Tx, tag: &NewTag) -> QueryResult<()> {
    conn.reference_data_changed();
    let conn: &mut DbConn = conn;
    diesel::insert_into(tags::table)
        .values(tag)
        .execute(conn)
        .map(|_| ())
}

pub fn retire(conn: &mut Tx, id: &TagId) -> QueryResult<usize> {
    conn.reference_data_changed();
    let conn: &mut DbConn = conn;
    diesel::update(tags::table.find(id))
        .set(tags::retired.eq(true))
        .execute(conn)
}
