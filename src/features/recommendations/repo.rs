//! Queries for the candidate pool.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{DistrictId, OfferId};
use crate::db::schema::offers;
use crate::features::offers::models::{DutchLevel, Guidance, OfferStatus, Route};

/// What the matcher reads of an offer's row: not its texts, since a pool build reads every
/// published offer at once (their titles and descriptions were most of the build's memory).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = offers)]
pub struct MatcherRow {
    pub id: OfferId,
    pub district_id: DistrictId,
    pub end_date: Option<String>,
    pub capacity: i32,
    pub accepted_places: i32,
    pub guidance: Guidance,
    pub dutch_level: DutchLevel,
    pub language_buddy: bool,
    pub min_age: Option<i32>,
    pub route: Route,
}

impl MatcherRow {
    pub fn free_places(&self) -> i32 {
        crate::features::offers::models::free_places(self.capacity, self.accepted_places)
    }
}

/// Every published offer (ended ones are dropped by the matcher, which knows today's date).
pub fn published(conn: &mut DbConn) -> QueryResult<Vec<MatcherRow>> {
    offers::table
        .filter(offers::status.eq(OfferStatus::Published))
        .select(MatcherRow::as_select())
        .order(offers::id.asc())
        .load(conn)
}

/// Those of `ids` that are published now.
pub fn published_among(conn: &mut DbConn, ids: &[OfferId]) -> QueryResult<Vec<MatcherRow>> {
    offers::table
        .filter(offers::id.eq_any(ids))
        .filter(offers::status.eq(OfferStatus::Published))
        .select(MatcherRow::as_select())
        .load(conn)
}
