//! Rows of the calendar tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::UserId;
use crate::db::schema::calendar_feeds;

/// A resident's personal feed. The token is kept as it is (not hashed) because the resident's
/// settings show the URL again; it opens only that resident's calendar of activities.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = calendar_feeds)]
pub struct CalendarFeed {
    pub user_id: UserId,
    pub token: String,
    pub created_at: NaiveDateTime,
}
