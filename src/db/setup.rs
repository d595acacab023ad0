//! Per-connection settings.

use diesel::SqliteConnection;
use diesel::connection::SimpleConnection;

/// SQLite pragmas set on every pooled connection: WAL so readers never block the writer,
/// `synchronous=FULL` so an acknowledged write survives a power cut, a busy timeout so writers
/// queue instead of failing at once, and foreign keys, which SQLite leaves off by default.
pub fn tune_sqlite(
    conn: &mut SqliteConnection,
    busy_timeout_ms: u32,
) -> Result<(), diesel::result::Error> {
    conn.batch_execute(&format!(
        "PRAGMA busy_timeout = {busy_timeout_ms};
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;"
    ))
}

/// SQLite's page cache per connection, in MiB: pages read once are served from memory again.
pub fn size_sqlite_cache(
    conn: &mut SqliteConnection,
    mib: u32,
) -> Result<(), diesel::result::Error> {
    conn.batch_execute(&format!("PRAGMA cache_size = -{};", u64::from(mib) * 1024))
}
