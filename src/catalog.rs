//! The public catalog (published offers with their places, organisations, districts, tags) and a
//! cache of its public answers.
//!
//! Every change to the catalog increments `catalog_state.version` in its own transaction and this
//! process's local version after commit. Cached answers carry the version they were made at and
//! are used only while it is current, so this server never serves a stale list after its own
//! change; changes made by another server process are noticed by a poller within
//! [`POLL_INTERVAL`]. Sign-ups themselves always go to the database.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use actix_web::web::Bytes;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::catalog_state;
use crate::error::AppError;
use crate::state::AppState;

/// How often a server looks for catalog changes made by other processes.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);
/// Memory the cached answers may take, in bytes.
const CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// Marks the catalog changed, inside the caller's transaction.
pub fn touch(conn: &mut DbConn) -> QueryResult<()> {
    diesel::update(catalog_state::table.find(1))
        .set(catalog_state::version.eq(catalog_state::version + 1))
        .execute(conn)
        .map(|_| ())
}

pub fn database_version(conn: &mut DbConn) -> QueryResult<i64> {
    catalog_state::table
        .find(1)
        .select(catalog_state::version)
        .first(conn)
}

#[derive(Clone)]
struct Entry {
    version: u64,
    body: Bytes,
}

/// The local view of the catalog version, and the answers cached at it.
pub struct Catalog {
    local: AtomicU64,
    last_seen_in_database: AtomicU64,
    cache: moka::sync::Cache<String, Entry>,
    /// The matcher's view of the published offers, at the version it was built.
    pub pool: std::sync::RwLock<Option<Arc<crate::features::recommendations::models::Pool>>>,
}

impl Default for Catalog {
    fn default() -> Self {
        Self {
            local: AtomicU64::new(0),
            last_seen_in_database: AtomicU64::new(u64::MAX),
            cache: moka::sync::Cache::builder()
                .max_capacity(CACHE_BYTES)
                .weigher(|key: &String, entry: &Entry| {
                    (key.len() + entry.body.len())
                        .try_into()
                        .unwrap_or(u32::MAX)
                })
                .build(),
            pool: std::sync::RwLock::new(None),
        }
    }
}

impl Catalog {
    pub fn version(&self) -> u64 {
        self.local.load(Ordering::Acquire)
    }

    /// Call after a transaction that touched the catalog committed.
    pub fn changed(&self) {
        self.local.fetch_add(1, Ordering::AcqRel);
    }

    /// A cached answer for `key` if it was made at the current version.
    pub fn cached(&self, key: &str) -> Option<Bytes> {
        let version = self.version();
        self.cache
            .get(key)
            .filter(|entry| entry.version == version)
            .map(|entry| entry.body)
    }

    /// Keeps an answer made at `version` (read before the answer was computed).
    pub fn keep(&self, key: String, version: u64, body: Bytes) {
        self.cache.insert(key, Entry { version, body });
    }

    /// Compares the database's version with the last one seen and counts a change if it moved.
    fn observe(&self, database_version: i64) {
        let seen = database_version as u64;
        if self.last_seen_in_database.swap(seen, Ordering::AcqRel) != seen {
            self.changed();
        }
    }
}

/// Runs `work` in a write transaction that also marks the catalog changed.
pub async fn write<T, F>(state: &AppState, work: F) -> Result<T, AppError>
where
    F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let (value, version) = state
        .db
        .write(move |conn| {
            let value = work(conn)?;
            touch(conn)?;
            Ok((value, database_version(conn)?))
        })
        .await?;
    // Counted as seen, so the poller does not count this server's own change a second time.
    state.catalog.observe(version);
    Ok(value)
}

/// Notices catalog changes made by other server processes.
pub fn spawn_poller(state: AppState) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(POLL_INTERVAL);
        loop {
            tick.tick().await;
            if let Ok(version) = state.db.run(|conn| Ok(database_version(conn)?)).await {
                state.catalog.observe(version);
            }
        }
    });
}

/// Shared handle type kept in the app state.
pub type SharedCatalog = Arc<Catalog>;

/// Answers from the cache when an answer for `key` was made at the current version; otherwise
/// computes it, keeps it and answers. Only for answers that are the same for every caller.
pub async fn cached_json<T, Fut>(
    state: &AppState,
    key: String,
    compute: impl FnOnce() -> Fut,
) -> Result<actix_web::HttpResponse, AppError>
where
    Fut: std::future::Future<Output = Result<T, AppError>>,
    T: serde::Serialize,
{
    // The date is part of the key: lists leave out offers that ended before today.
    let key = format!("{}|{key}", crate::clock::local_date(state.clock.now()));
    let body = match state.catalog.cached(&key) {
        Some(body) => body,
        None => {
            let version = state.catalog.version();
            let value = compute().await?;
            let body = Bytes::from(serde_json::to_vec(&value).map_err(AppError::internal)?);
            state.catalog.keep(key, version, body.clone());
            body
        }
    };
    Ok(actix_web::HttpResponse::Ok()
        .content_type("application/json")
        .body(body))
}
