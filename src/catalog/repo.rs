//! The catalog's own tables: the version counter and the log of what each version changed.

use chrono::NaiveDateTime;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Nullable, Text, Timestamp};

use crate::db::DbConn;
use crate::db::ids::{ChangeId, OfferId, UserId};
use crate::db::schema::{catalog_changes, catalog_state, offers};
use crate::features::offers::models::{OfferStatus, free_places};

/// What a logged change was about.
pub const CONTENT: &str = "content";
pub const PLACES: &str = "places";
pub const REFERENCE: &str = "reference";
/// A resident's matching inputs (profile, sign-ups, open proposals).
pub const RESIDENT: &str = "resident";
/// A user's sign-in state (sessions, roles, verification, password).
pub const ACCOUNT: &str = "account";

/// One logged change: what it was about, and the offer or user it names.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    pub offer: Option<&'a OfferId>,
    pub user: Option<&'a UserId>,
    pub what: &'static str,
}

#[derive(Insertable)]
#[diesel(table_name = catalog_changes)]
struct NewChange<'a> {
    id: ChangeId,
    version: i64,
    offer_id: Option<&'a OfferId>,
    user_id: Option<&'a UserId>,
    what: &'static str,
    changed_at: NaiveDateTime,
}

/// Takes the next catalog version. The row lock this UPDATE holds until commit orders commits by
/// version, so a poller that sees version N has seen every version before it.
fn next_version(conn: &mut DbConn) -> QueryResult<i64> {
    diesel::update(catalog_state::table.find(1))
        .set(catalog_state::version.eq(catalog_state::version + 1))
        .execute(conn)?;
    current_version(conn)
}

fn current_version(conn: &mut DbConn) -> QueryResult<i64> {
    catalog_state::table
        .find(1)
        .select(catalog_state::version)
        .first(conn)
}

/// Where a reader of the log stands: on SQLite the last version read, on PostgreSQL the
/// transaction id below which every logged change was read.
pub fn log_position(conn: &mut DbConn) -> QueryResult<i64> {
    match conn {
        DbConn::Sqlite(_) => current_version(conn),
        DbConn::Postgres(postgres) => oldest_running_transaction(postgres),
    }
}

/// Every transaction with a lower id has ended: committed and visible, or rolled back.
fn oldest_running_transaction(postgres: &mut PgConnection) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Horizon {
        #[diesel(sql_type = BigInt)]
        horizon: i64,
    }
    diesel::sql_query("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon")
        .get_result::<Horizon>(postgres)
        .map(|found| found.horizon)
}

/// What the log holds after `position`, and the position after it. `complete` is false when
/// versions are missing (pruned before this reader got to them).
pub struct Read {
    pub position: i64,
    pub changes: Vec<Logged>,
    pub complete: bool,
}

/// The changes logged after `position` (from [`log_position`] or an earlier read), oldest first.
pub fn changes_since(conn: &mut DbConn, position: i64) -> QueryResult<Read> {
    let now = log_position(conn)?;
    let rows = match conn {
        DbConn::Sqlite(_) => Rows::Versions(position, now),
        // Rows of transactions below the horizon can no longer appear; those at or above it are
        // read by a later call.
        DbConn::Postgres(_) => Rows::Transactions(position, now),
    };
    if now <= position {
        return Ok(Read {
            position,
            changes: Vec::new(),
            complete: true,
        });
    }
    let by_version = matches!(rows, Rows::Versions(..));
    let changes = read(conn, rows)?;
    // SQLite logs at least one change for every version, in order: a gap means pruned rows.
    let complete = !by_version || {
        let versions: std::collections::BTreeSet<i64> =
            changes.iter().map(|change| change.version).collect();
        versions.len() as i64 == now - position
    };
    Ok(Read {
        position: now,
        changes,
        complete,
    })
}

/// Takes the next catalog version and logs `changes` under it.
///
/// SQLite commits one write at a time, so its versions come from the catalog_state row and commit
/// in order. PostgreSQL takes them from a sequence without a lock (the row's lock, held until
/// commit, queued every sign-up behind the one before it), so they may commit out of order, and
/// pollers read its log by transaction ([`changes_since`]). Versions of one offer still commit in
/// order: every write that changes an offer holds its row lock when it gets here.
pub fn log_next(conn: &mut DbConn, changes: &[Change<'_>], now: NaiveDateTime) -> QueryResult<i64> {
    let DbConn::Postgres(postgres) = conn else {
        let version = next_version(conn)?;
        log(conn, version, changes, now)?;
        return Ok(version);
    };
    #[derive(QueryableByName)]
    struct Taken {
        #[diesel(sql_type = BigInt)]
        version: i64,
    }
    let ids: Vec<String> = changes
        .iter()
        .map(|_| ChangeId::new().as_str().to_owned())
        .collect();
    let offers: Vec<Option<&str>> = changes
        .iter()
        .map(|change| change.offer.map(OfferId::as_str))
        .collect();
    let users: Vec<Option<&str>> = changes
        .iter()
        .map(|change| change.user.map(UserId::as_str))
        .collect();
    let whats: Vec<&str> = changes.iter().map(|change| change.what).collect();
    diesel::sql_query(
        "WITH taken AS (
             SELECT nextval('catalog_version_seq') AS version
         ), logged AS (
             INSERT INTO catalog_changes (id, version, offer_id, user_id, what, changed_at)
             SELECT change.id, taken.version, change.offer_id, change.user_id, change.what, $5
             FROM taken, unnest($1::text[], $2::text[], $3::text[], $4::text[])
                  AS change (id, offer_id, user_id, what)
         )
         SELECT version FROM taken",
    )
    .bind::<Array<Text>, _>(ids)
    .bind::<Array<Nullable<Text>>, _>(offers)
    .bind::<Array<Nullable<Text>>, _>(users)
    .bind::<Array<Text>, _>(whats)
    .bind::<Timestamp, _>(now)
    .get_result::<Taken>(postgres)
    .map(|taken| taken.version)
}

/// Logs changes under `version`.
fn log(
    conn: &mut DbConn,
    version: i64,
    changes: &[Change<'_>],
    now: NaiveDateTime,
) -> QueryResult<()> {
    let rows: Vec<NewChange> = changes
        .iter()
        .map(|change| NewChange {
            id: ChangeId::new(),
            version,
            offer_id: change.offer,
            user_id: change.user,
            what: change.what,
            changed_at: now,
        })
        .collect();
    crate::batch_insert!(conn, catalog_changes::table, &rows).map(|_| ())
}

/// A change read back from the log.
pub struct Logged {
    pub version: i64,
    pub offer: Option<OfferId>,
    pub user: Option<UserId>,
    pub what: String,
}

/// Which rows of the log to read.
enum Rows {
    /// Versions after the first up to the second (SQLite).
    Versions(i64, i64),
    /// Transactions from the first up to, not including, the second (PostgreSQL).
    Transactions(i64, i64),
}

/// Logged changes, oldest first.
fn read(conn: &mut DbConn, rows: Rows) -> QueryResult<Vec<Logged>> {
    let query = catalog_changes::table.into_boxed();
    let query = match rows {
        Rows::Versions(after, until) => query
            .filter(catalog_changes::version.gt(after))
            .filter(catalog_changes::version.le(until)),
        // Not in the shared schema: SQLite has no such column.
        Rows::Transactions(from, below) => query
            .filter(sql::<Bool>("txid >= ").bind::<BigInt, _>(from))
            .filter(sql::<Bool>("txid < ").bind::<BigInt, _>(below)),
    };
    query
        .select((
            catalog_changes::version,
            catalog_changes::offer_id,
            catalog_changes::user_id,
            catalog_changes::what,
        ))
        .order((catalog_changes::version.asc(), catalog_changes::id.asc()))
        .load::<(i64, Option<String>, Option<String>, String)>(conn)
        .map(|rows| {
            rows.into_iter()
                .map(|(version, offer, user, what)| Logged {
                    version,
                    offer: offer.map(OfferId),
                    user: user.map(UserId),
                    what,
                })
                .collect()
        })
}

/// Forgets changes logged before `before` (every poller has long seen them).
pub fn prune(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(catalog_changes::table.filter(catalog_changes::changed_at.lt(before)))
        .execute(conn)
}

/// Free places of these offers now, leaving out drafts: (offer, capacity − taken, at least 0).
/// An offer never goes back to being a draft, so a draft's changes were never public.
pub fn public_free_places(conn: &mut DbConn, ids: &[OfferId]) -> QueryResult<Vec<(OfferId, i32)>> {
    offers::table
        .filter(offers::id.eq_any(ids))
        .filter(offers::status.ne(OfferStatus::Draft))
        .select((offers::id, offers::capacity, offers::accepted_places))
        .load::<(OfferId, i32, i32)>(conn)
        .map(|rows| {
            rows.into_iter()
                .map(|(id, capacity, taken)| (id, free_places(capacity, taken)))
                .collect()
        })
}
