//! Diesel queries for calendar feeds.

use diesel::prelude::*;

use super::models::CalendarFeed;
use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::calendar_feeds;

pub fn of_user(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Option<CalendarFeed>> {
    calendar_feeds::table
        .find(user_id)
        .select(CalendarFeed::as_select())
        .first(conn)
        .optional()
}

pub fn by_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<CalendarFeed>> {
    calendar_feeds::table
        .filter(calendar_feeds::token.eq(token))
        .select(CalendarFeed::as_select())
        .first(conn)
        .optional()
}

/// Sets the user's feed token, replacing the one before (which then opens nothing).
pub fn replace(conn: &mut DbConn, feed: &CalendarFeed) -> QueryResult<()> {
    diesel::delete(calendar_feeds::table.find(&feed.user_id)).execute(conn)?;
    diesel::insert_into(calendar_feeds::table)
        .values(feed)
        .execute(conn)
        .map(|_| ())
}
