//! Diesel queries for conversations.

use diesel::prelude::*;

use super::models::ConversationMessage;
use crate::db::DbConn;
use crate::db::ids::{ReferralId, SignupId};
use crate::db::schema::{conversation_messages, users};
use crate::db::tx::Tx;

/// What a conversation is about: one sign-up or one referral.
#[derive(Debug, Clone)]
pub enum About {
    Signup(SignupId),
    Referral(ReferralId),
}

/// The newest `limit` messages of a conversation with their authors' display names, oldest first.
pub fn list(
    conn: &mut DbConn,
    about: &About,
    limit: i64,
) -> QueryResult<Vec<(ConversationMessage, String)>> {
    let query = conversation_messages::table
        .inner_join(users::table)
        .select((ConversationMessage::as_select(), users::display_name))
        .order(conversation_messages::id.desc())
        .limit(limit)
        .into_boxed();
    let query = match about {
        About::Signup(id) => query.filter(conversation_messages::signup_id.eq(id.clone())),
        About::Referral(id) => query.filter(conversation_messages::referral_id.eq(id.clone())),
    };
    let mut rows = query.load(conn)?;
    rows.reverse();
    Ok(rows)
}

/// One INSERT per message: the connection that serves both backends has no batch insert.
pub fn insert(conn: &mut Tx, messages: &[ConversationMessage]) -> QueryResult<()> {
    let conn: &mut DbConn = conn;
    for message in messages {
        diesel::insert_into(conversation_messages::table)
            .values(message)
            .execute(conn)?;
    }
    Ok(())
}
