//! One connection type for both backends, its pool, and the one way in: [`Db::run`] and [`Db::write`].

pub mod ids;
pub mod migrate;
pub mod schema;
pub mod search;
mod setup;
pub mod text_enum;
pub mod tx;
pub mod write_queue;

use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::{Connection, PgConnection, SqliteConnection};

use crate::error::AppError;

diesel::define_sql_function! {
    /// SQL `lower()`, the same on both backends (SQLite folds ASCII letters only).
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// A connection to either backend. Queries are written once against this type.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

/// Which backend a configured URL points at, decided by its scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Postgres(String),
    /// A file path (the `sqlite:` prefix removed) or `:memory:`.
    Sqlite(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        let url = url.trim();
        if url.is_empty() {
            return Err("is empty".into());
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_string()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.contains("://") {
            return Err(format!(
                "unsupported scheme in {path:?}: use a SQLite file path or a postgres:// URL"
            ));
        }
        if path.is_empty() {
            return Err("names no SQLite file".into());
        }
        Ok(Self::Sqlite(path.to_string()))
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Postgres(_) => "postgresql",
            Self::Sqlite(_) => "sqlite",
        }
    }

    /// Opens one connection of the right variant. We establish the variant ourselves because the
    /// derive's `establish` tries each backend in turn and hides the real cause of a failure.
    pub fn connect(&self, busy_timeout_ms: u32) -> Result<DbConn, diesel::ConnectionError> {
        match self {
            Self::Postgres(url) => PgConnection::establish(url).map(DbConn::Postgres),
            Self::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(path)?;
                setup::tune_sqlite(&mut conn, busy_timeout_ms)
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

/// r2d2 manager that opens connections through [`DatabaseUrl::connect`].
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
    busy_timeout_ms: u32,
    sqlite_cache_mib: u32,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        let mut conn = self
            .url
            .connect(self.busy_timeout_ms)
            .map_err(r2d2::Error::ConnectionError)?;
        if let DbConn::Sqlite(sqlite) = &mut conn {
            setup::size_sqlite_cache(sqlite, self.sqlite_cache_mib)
                .map_err(r2d2::Error::QueryError)?;
        }
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

pub type Pool = r2d2::Pool<Manager>;

/// The database handle kept in the app state: a pool plus which backend it is.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    url: DatabaseUrl,
    /// SQLite takes one writer at a time: writers queue here, first come first served, instead of
    /// all but one sleeping in SQLite's busy handler (which backs off and is not fair).
    writer: Option<std::sync::Arc<tokio::sync::Semaphore>>,
    wait: Duration,
}

impl Db {
    /// Builds the pool. It opens no connection yet: a database that goes away later gives 503s
    /// until it is back (`serve` itself needs it at start, to run migrations).
    pub fn new(
        url: &DatabaseUrl,
        settings: &crate::config::DatabaseSettings,
    ) -> Result<Self, String> {
        if let DatabaseUrl::Sqlite(path) = url
            && let Some(parent) = std::path::Path::new(path).parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create the folder of the SQLite file {path}: {e}"))?;
        }
        let pool = r2d2::Pool::builder()
            .max_size(settings.pool_size)
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(settings.connect_timeout_secs.max(1)))
            .test_on_check_out(false)
            .build_unchecked(Manager {
                url: url.clone(),
                busy_timeout_ms: settings.busy_timeout_ms,
                sqlite_cache_mib: settings.sqlite_cache_mib,
            });
        Ok(Self {
            pool,
            url: url.clone(),
            writer: matches!(url, DatabaseUrl::Sqlite(_))
                .then(|| std::sync::Arc::new(tokio::sync::Semaphore::new(1))),
            wait: Duration::from_secs(settings.connect_timeout_secs.max(1)),
        })
    }

    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// How long a request waits for a connection or the writer's turn before it gets 503.
    pub fn wait(&self) -> Duration {
        self.wait
    }

    /// Runs blocking diesel work on the blocking thread pool with a pooled connection.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        // No queue on the async side: a permit handed to a waiting task sits unused until a busy
        // worker polls that task again (milliseconds under load), so a few dozen connections'
        // worth of permits throttled every database read. Blocking threads are capped per worker
        // (src/server.rs); work beyond them queues in the blocking pool, and a thread waits for a
        // free connection in the pool (503 after `database.connect_timeout_secs`).
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get().map_err(|_| AppError::Unavailable)?;
            let outcome = work(&mut conn);
            if matches!(outcome, Err(AppError::Unavailable)) {
                discard_if_lost(&mut conn);
            }
            outcome
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))?
    }

    /// Waits for this process's turn to write (SQLite only; PostgreSQL takes writers together).
    pub async fn writer_turn(&self) -> Result<Option<tokio::sync::SemaphorePermit<'_>>, AppError> {
        match &self.writer {
            None => Ok(None),
            Some(writer) => tokio::time::timeout(self.wait, writer.acquire())
                .await
                .map_err(|_| AppError::Unavailable)?
                .map(Some)
                .map_err(|_| AppError::Unavailable),
        }
    }

    /// A connection for synchronous callers (CLI, seeding, tests).
    pub fn get(&self) -> Result<r2d2::PooledConnection<Manager>, AppError> {
        self.pool.get().map_err(|_| AppError::Unavailable)
    }
}

/// A connection the server ended (a restart, a failover, `pg_terminate_backend`) is not seen as
/// broken by the pool: it would be handed out again and fail every request that got it. Marking
/// its transaction state as failed makes the pool drop it when it comes back.
fn discard_if_lost(conn: &mut DbConn) {
    if conn.ping().is_err() {
        tracing::warn!("a database connection was lost; the pool replaces it");
        <DbConn as Connection>::TransactionManager::transaction_manager_status_mut(conn)
            .set_in_error();
    }
}

/// Runs `work` in a transaction that takes the write lock up front on SQLite. A deferred SQLite
/// transaction that reads and then writes can fail with "database is locked" at once, ignoring the
/// busy timeout; `BEGIN IMMEDIATE` waits for the lock instead. PostgreSQL uses a plain transaction.
pub fn write_transaction<T, F>(conn: &mut DbConn, work: F) -> Result<T, AppError>
where
    F: FnOnce(&mut DbConn) -> Result<T, AppError>,
{
    // Inside a transaction already: a savepoint, as diesel's nested transactions do.
    let depth = <DbConn as Connection>::TransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()?;
    if depth.is_some() {
        return conn.transaction(work);
    }
    match conn {
        DbConn::Sqlite(sqlite) => {
            AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?
        }
        DbConn::Postgres(_) => <DbConn as Connection>::TransactionManager::begin_transaction(conn)?,
    }
    match work(conn) {
        Ok(value) => {
            <DbConn as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(error) => {
            // The original error matters more than a failed rollback; a broken connection is
            // discarded by the pool.
            let _ = <DbConn as Connection>::TransactionManager::rollback_transaction(conn);
            Err(error)
        }
    }
}

/// A multi-row INSERT. Diesel cannot batch through the MultiConnection enum, so this matches on
/// the backend and runs the same statement on the concrete connection.
#[macro_export]
macro_rules! batch_insert {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite(sqlite) => {
                diesel::insert_into($table).values($rows).execute(sqlite)
            }
            $crate::db::DbConn::Postgres(postgres) => {
                diesel::insert_into($table).values($rows).execute(postgres)
            }
        }
    };
}

/// Replaces a parent's child rows (an offer's tags or slots, a profile's availability, a worker's
/// districts): deletes the old ones and inserts the new ones (a slice or `&Vec` of insertable
/// rows) in one statement. Lists are always replaced whole, so there is no diff to get wrong.
#[macro_export]
macro_rules! replace_children {
    ($conn:expr, $table:expr, $parent_column:expr, $parent:expr, $rows:expr) => {{
        let conn: &mut $crate::db::DbConn = $conn;
        let rows = $rows;
        diesel::delete($table.filter($parent_column.eq($parent)))
            .execute(conn)
            .and_then(|_| {
                if rows.is_empty() {
                    Ok(0)
                } else {
                    $crate::batch_insert!(conn, $table, rows)
                }
            })
            .map(|_| ())
    }};
}

/// Filters a boxed query on `column = id` for one id and `column IN (…)` for several. Diesel
/// cannot keep a SQLite statement with an `IN` list prepared, so each such query is compiled
/// again (a fifth of a search's time under load), and one id (a district, the signed-in
/// resident) is the common case.
#[macro_export]
macro_rules! filter_one_or_many {
    ($query:expr, $column:expr, $ids:expr) => {
        match $ids {
            [one] => $query.filter($column.eq(one.clone())),
            many => $query.filter($column.eq_any(many.to_vec())),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::DatabaseUrl;

    #[test]
    fn parses_urls_by_scheme() {
        assert_eq!(
            DatabaseUrl::parse("sqlite:data/x.db"),
            Ok(DatabaseUrl::Sqlite("data/x.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("data/x.db"),
            Ok(DatabaseUrl::Sqlite("data/x.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("postgres://postgres@127.0.0.1/db"),
            Ok(DatabaseUrl::Postgres(
                "postgres://postgres@127.0.0.1/db".into()
            ))
        );
        assert!(DatabaseUrl::parse("mysql://x").is_err());
        assert!(DatabaseUrl::parse("").is_err());
        assert!(DatabaseUrl::parse("sqlite:").is_err());
    }
}
