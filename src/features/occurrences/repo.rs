//! Diesel queries for cancelled occurrences.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::Cancellation;
use crate::db::DbConn;
use crate::db::ids::OfferId;
use crate::db::schema::occurrence_cancellations;

/// The offer's cancellations of occurrences starting in `[from, to)`.
pub fn cancellations(
    conn: &mut DbConn,
    offer_id: &OfferId,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<Cancellation>> {
    occurrence_cancellations::table
        .filter(occurrence_cancellations::offer_id.eq(offer_id))
        .filter(occurrence_cancellations::starts_at.ge(from))
        .filter(occurrence_cancellations::starts_at.lt(to))
        .select(Cancellation::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Cancellation>> {
    occurrence_cancellations::table
        .find(id)
        .select(Cancellation::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, cancellation: &Cancellation) -> QueryResult<()> {
    diesel::insert_into(occurrence_cancellations::table)
        .values(cancellation)
        .execute(conn)
        .map(|_| ())
}
