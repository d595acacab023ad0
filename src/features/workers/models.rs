//! Rows of the worker tables: assigned districts and the access log.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::{LogId, UserId};
use crate::db::schema::access_log;
use crate::text_enum;

text_enum!(
    /// What a worker looked at.
    AccessKind {
        Profile => "profile",
        Recommendations => "recommendations",
        Assignment => "assignment",
        Referral => "referral",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = access_log)]
pub struct AccessEntry {
    pub id: LogId,
    pub resident_id: UserId,
    pub worker_id: UserId,
    pub worker_display_name: String,
    pub what: AccessKind,
    pub at: NaiveDateTime,
}
