//! The outbox table: enqueue (inside the caller's transaction) and the worker's queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::templates::RenderedEmail;
use crate::db::DbConn;
use crate::db::ids::MessageId;
use crate::db::schema::outbox;
use crate::db::tx::Tx;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: MessageId,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub list_unsubscribe: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewOutboxMessage<'a> {
    id: MessageId,
    recipient: &'a str,
    subject: &'a str,
    body_text: &'a str,
    body_html: &'a str,
    created_at: NaiveDateTime,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    list_unsubscribe: Option<&'a str>,
}

/// Queues an email. Call it on the connection of the transaction that makes the change the email
/// tells about: it goes out if and only if that change is committed.
pub fn enqueue(
    conn: &mut Tx,
    now: NaiveDateTime,
    recipient: &str,
    email: &RenderedEmail,
) -> QueryResult<MessageId> {
    conn.mail_queued();
    let conn: &mut DbConn = conn;
    let id = MessageId::new();
    diesel::insert_into(outbox::table)
        .values(NewOutboxMessage {
            id: id.clone(),
            recipient,
            subject: &email.subject,
            body_text: &email.text,
            body_html: &email.html,
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
            list_unsubscribe: email.unsubscribe.as_deref(),
        })
        .execute(conn)?;
    Ok(id)
}

/// Messages due for a delivery attempt, oldest first.
pub fn due(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::next_attempt_at.le(now))
        .order((outbox::next_attempt_at.asc(), outbox::id.asc()))
        .limit(limit)
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// Takes a message for delivery by moving its next attempt past the lease. Returns false when
/// another worker (another server process) took it first.
pub fn claim(
    conn: &mut DbConn,
    message: &OutboxMessage,
    lease_until: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(outbox::table)
        .filter(outbox::id.eq(&message.id))
        .filter(outbox::sent_at.is_null())
        .filter(outbox::next_attempt_at.eq(message.next_attempt_at))
        .set(outbox::next_attempt_at.eq(lease_until))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Marks a message delivered and erases its bodies: they hold single-use links that must not
/// outlive their purpose in the database. Recipient and subject stay as the record.
pub fn mark_sent(conn: &mut DbConn, id: &MessageId, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::sent_at.eq(now),
            outbox::body_text.eq(""),
            outbox::body_html.eq(""),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn mark_failed(
    conn: &mut DbConn,
    id: &MessageId,
    retry_at: NaiveDateTime,
    error: &str,
) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::next_attempt_at.eq(retry_at),
            outbox::last_error.eq(error),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn pending_count(conn: &mut DbConn) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(conn)
}
