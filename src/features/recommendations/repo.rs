//! Queries for the candidate pool.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::OfferId;
use crate::db::schema::offers;
use crate::features::offers::models::{Offer, OfferStatus};

/// Every published offer (ended ones are dropped by the matcher, which knows today's date).
pub fn published(conn: &mut DbConn) -> QueryResult<Vec<Offer>> {
    offers::table
        .filter(offers::status.eq(OfferStatus::Published))
        .select(Offer::as_select())
        .order(offers::id.asc())
        .load(conn)
}

/// Those of `ids` that are published now.
pub fn published_among(conn: &mut DbConn, ids: &[OfferId]) -> QueryResult<Vec<Offer>> {
    offers::table
        .filter(offers::id.eq_any(ids))
        .filter(offers::status.eq(OfferStatus::Published))
        .select(Offer::as_select())
        .load(conn)
}
