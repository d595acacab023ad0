//! Rows of the occurrence tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::{OfferId, UserId};
use crate::db::schema::occurrence_cancellations;

/// A cancelled occurrence; occurrences themselves are computed from the offer's schedule.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = occurrence_cancellations)]
pub struct Cancellation {
    /// The occurrence's id.
    pub id: String,
    pub offer_id: OfferId,
    pub starts_at: NaiveDateTime,
    pub reason: String,
    pub cancelled_by: UserId,
    pub cancelled_at: NaiveDateTime,
}
