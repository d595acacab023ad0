//! Migrations embedded in the binary, one set per backend with the same names.

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::DbConn;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

type MigrationError = Box<dyn std::error::Error + Send + Sync>;

/// Runs the pending migrations and returns the names of those it ran.
pub fn run_pending(conn: &mut DbConn) -> Result<Vec<String>, MigrationError> {
    let versions = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE)?,
        DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES)?,
    };
    Ok(versions.iter().map(ToString::to_string).collect())
}

/// Reverts every migration (used by the up-down-up parity test).
pub fn revert_all(conn: &mut DbConn) -> Result<(), MigrationError> {
    match conn {
        DbConn::Sqlite(c) => c.revert_all_migrations(SQLITE).map(|_| ()),
        DbConn::Postgres(c) => c.revert_all_migrations(POSTGRES).map(|_| ()),
    }
}
