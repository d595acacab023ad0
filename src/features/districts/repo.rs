//! Diesel queries for districts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{District, NewDistrict};
use crate::db::DbConn;
use crate::db::ids::DistrictId;
use crate::db::schema::districts;
use crate::db::tx::Tx;

/// Every district, retired ones included (the tree is small: tens to hundreds of rows).
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<District>> {
    districts::table
        .select(District::as_select())
        .order((districts::name.asc(), districts::id.asc()))
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &DistrictId) -> QueryResult<Option<District>> {
    districts::table
        .find(id)
        .select(District::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut Tx, district: &NewDistrict) -> QueryResult<()> {
    conn.reference_data_changed();
    let conn: &mut DbConn = conn;
    diesel::insert_into(districts::table)
        .values(district)
        .execute(conn)
        .map(|_| ())
}

pub fn update(
    conn: &mut Tx,
    id: &DistrictId,
    name: &str,
    code: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    conn.reference_data_changed();
    let conn: &mut DbConn = conn;
    diesel::update(districts::table.find(id))
        .set((
            districts::name.eq(name),
            districts::code.eq(code),
            districts::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn retire(conn: &mut Tx, ids: &[DistrictId], now: NaiveDateTime) -> QueryResult<()> {
    conn.reference_data_changed();
    let conn: &mut DbConn = conn;
    diesel::update(districts::table.filter(districts::id.eq_any(ids)))
        .set((districts::retired.eq(true), districts::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}
