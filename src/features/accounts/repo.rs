//! Diesel queries for accounts. Nothing but queries: rules live in service.rs.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::*;
use crate::db::DbConn;
use crate::db::ids::{SessionId, UserId};
use crate::db::schema::{one_time_tokens, refresh_tokens, sessions, user_roles, users};
use crate::db::tx::Tx;

pub fn find_user_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find_user(conn: &mut DbConn, id: &UserId) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn insert_user(conn: &mut DbConn, user: &NewUser) -> QueryResult<()> {
    diesel::insert_into(users::table)
        .values(user)
        .execute(conn)
        .map(|_| ())
}

pub fn insert_role(
    conn: &mut Tx,
    user_id: &UserId,
    role: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(user_roles::table)
        .values(NewUserRole {
            user_id,
            role,
            granted_at: now,
        })
        .execute(&mut **conn)?;
    conn.account_changed(user_id);
    Ok(())
}

pub fn roles_of(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Vec<String>> {
    user_roles::table
        .filter(user_roles::user_id.eq(user_id))
        .select(user_roles::role)
        .order(user_roles::role.asc())
        .load(conn)
}

pub fn set_email_verified(conn: &mut Tx, user_id: &UserId, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((users::email_verified.eq(true), users::updated_at.eq(now)))
        .execute(&mut **conn)?;
    conn.account_changed(user_id);
    Ok(())
}

/// Stores a new password hash and makes every access token issued before `now` invalid.
pub fn set_password(
    conn: &mut Tx,
    user_id: &UserId,
    password_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(password_hash),
            users::tokens_valid_after.eq(now),
            users::updated_at.eq(now),
        ))
        .execute(&mut **conn)?;
    conn.account_changed(user_id);
    Ok(())
}

/// The user behind an access token together with its session, if both still exist.
pub fn find_user_with_session(
    conn: &mut DbConn,
    user_id: &UserId,
    session_id: &SessionId,
) -> QueryResult<Option<(User, Session)>> {
    users::table
        .inner_join(sessions::table)
        .filter(users::id.eq(user_id))
        .filter(sessions::id.eq(session_id))
        .select((User::as_select(), Session::as_select()))
        .first(conn)
        .optional()
}

pub fn insert_session(conn: &mut DbConn, session: &NewSession) -> QueryResult<()> {
    diesel::insert_into(sessions::table)
        .values(session)
        .execute(conn)
        .map(|_| ())
}

pub fn find_session(conn: &mut DbConn, id: &SessionId) -> QueryResult<Option<Session>> {
    sessions::table
        .find(id)
        .select(Session::as_select())
        .first(conn)
        .optional()
}

pub fn revoke_session(
    conn: &mut Tx,
    session: &Session,
    reason: RevokeReason,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let revoked = diesel::update(
        sessions::table
            .find(&session.id)
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(now),
        sessions::revoke_reason.eq(reason.as_str()),
    ))
    .execute(&mut **conn)?;
    if revoked > 0 {
        conn.account_changed(&session.user_id);
    }
    Ok(())
}

pub fn revoke_all_sessions(
    conn: &mut Tx,
    user_id: &UserId,
    reason: RevokeReason,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let revoked = diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(now),
        sessions::revoke_reason.eq(reason.as_str()),
    ))
    .execute(&mut **conn)?;
    if revoked > 0 {
        conn.account_changed(user_id);
    }
    Ok(revoked)
}

pub fn insert_refresh_token(conn: &mut DbConn, token: &NewRefreshToken) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values(token)
        .execute(conn)
        .map(|_| ())
}

pub fn find_refresh_token(
    conn: &mut DbConn,
    token_hash: &str,
) -> QueryResult<Option<RefreshToken>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshToken::as_select())
        .first(conn)
        .optional()
}

/// Spends a refresh token. False when it was spent already (a concurrent refresh won).
pub fn spend_refresh_token(
    conn: &mut DbConn,
    token: &RefreshToken,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        refresh_tokens::table
            .find(&token.id)
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)
    .map(|updated| updated == 1)
}

pub fn insert_one_time_token(conn: &mut DbConn, token: &NewOneTimeToken) -> QueryResult<()> {
    diesel::insert_into(one_time_tokens::table)
        .values(token)
        .execute(conn)
        .map(|_| ())
}

pub fn find_one_time_token(
    conn: &mut DbConn,
    token_hash: &str,
    purpose: TokenPurpose,
) -> QueryResult<Option<OneTimeToken>> {
    one_time_tokens::table
        .filter(one_time_tokens::token_hash.eq(token_hash))
        .filter(one_time_tokens::purpose.eq(purpose.as_str()))
        .select(OneTimeToken::as_select())
        .first(conn)
        .optional()
}

/// Spends every open token of one purpose (older reset links die when a reset succeeds).
pub fn spend_all_tokens(
    conn: &mut DbConn,
    user_id: &UserId,
    purpose: TokenPurpose,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        one_time_tokens::table
            .filter(one_time_tokens::user_id.eq(user_id))
            .filter(one_time_tokens::purpose.eq(purpose.as_str()))
            .filter(one_time_tokens::used_at.is_null()),
    )
    .set(one_time_tokens::used_at.eq(now))
    .execute(conn)
}

/// Spends a single-use token. False when it was used already.
pub fn spend_one_time_token(
    conn: &mut DbConn,
    token: &OneTimeToken,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        one_time_tokens::table
            .find(&token.id)
            .filter(one_time_tokens::used_at.is_null()),
    )
    .set(one_time_tokens::used_at.eq(now))
    .execute(conn)
    .map(|updated| updated == 1)
}

pub fn delete_role(conn: &mut Tx, user_id: &UserId, role: &str) -> QueryResult<bool> {
    let deleted = diesel::delete(
        user_roles::table
            .filter(user_roles::user_id.eq(user_id))
            .filter(user_roles::role.eq(role)),
    )
    .execute(&mut **conn)?;
    if deleted > 0 {
        conn.account_changed(user_id);
    }
    Ok(deleted > 0)
}

pub fn set_tokens_valid_after(
    conn: &mut Tx,
    user_id: &UserId,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set(users::tokens_valid_after.eq(at))
        .execute(&mut **conn)?;
    conn.account_changed(user_id);
    Ok(())
}
