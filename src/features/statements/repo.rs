//! Diesel queries for statements.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::Statement;
use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::participation_statements;

pub fn insert(conn: &mut DbConn, statement: &Statement) -> QueryResult<()> {
    diesel::insert_into(participation_statements::table)
        .values(statement)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, code: &str) -> QueryResult<Option<Statement>> {
    participation_statements::table
        .find(code)
        .select(Statement::as_select())
        .first(conn)
        .optional()
}

/// The resident's statements, newest first.
pub fn of_resident(conn: &mut DbConn, resident: &UserId) -> QueryResult<Vec<Statement>> {
    participation_statements::table
        .filter(participation_statements::resident_id.eq(resident))
        .order(participation_statements::created_at.desc())
        .select(Statement::as_select())
        .load(conn)
}

/// Revokes the resident's statement; false when it is not theirs or was revoked already.
pub fn revoke(
    conn: &mut DbConn,
    code: &str,
    resident: &UserId,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        participation_statements::table
            .find(code)
            .filter(participation_statements::resident_id.eq(resident))
            .filter(participation_statements::revoked_at.is_null()),
    )
    .set(participation_statements::revoked_at.eq(now))
    .execute(conn)?;
    Ok(updated == 1)
}
