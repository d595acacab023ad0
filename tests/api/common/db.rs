//! A fresh database per test, on SQLite or PostgreSQL, cloned from a migrated template.

use std::path::PathBuf;
use std::sync::OnceLock;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use meedoen::db::DatabaseUrl;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The server's maintenance database URL; each test database is made through it.
fn postgres_admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn postgres_required() -> bool {
    std::env::var("MEEDOEN_TEST_REQUIRE_POSTGRES")
        .is_ok_and(|value| value == "1" || value == "true")
}

/// Whether the PostgreSQL half of the suite runs. When CI requires PostgreSQL and it is not there,
/// this fails the test instead of skipping it silently.
pub fn postgres_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    let available =
        *AVAILABLE.get_or_init(|| PgConnection::establish(&postgres_admin_url()).is_ok());
    if !available {
        assert!(
            !postgres_required(),
            "MEEDOEN_TEST_REQUIRE_POSTGRES is set but PostgreSQL at {} is unreachable",
            postgres_admin_url()
        );
        eprintln!(
            "PostgreSQL unreachable at {}: skipping the PostgreSQL run",
            postgres_admin_url()
        );
    }
    available
}

/// A digest of every migration, so a changed migration gets a fresh template.
fn migrations_digest(folder: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(folder);
    let mut files: Vec<PathBuf> = walk(&root);
    files.sort();
    let mut hasher = Sha256::new();
    // Reference data added on migrate belongs to the template too.
    files.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/features/tags/starter.rs"));
    for file in files {
        let name = file.strip_prefix(&root).unwrap_or(&file);
        hasher.update(name.to_string_lossy().as_bytes());
        hasher.update(std::fs::read(&file).unwrap());
    }
    hex::encode(&hasher.finalize()[..6])
}

fn walk(dir: &PathBuf) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A migrated SQLite file made once per test process; tests copy it.
fn sqlite_template() -> &'static PathBuf {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir =
            std::env::temp_dir().join(format!("meedoen-test-template-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("template.db");
        let _ = std::fs::remove_file(&path);
        let url = DatabaseUrl::Sqlite(path.to_string_lossy().into_owned());
        let mut conn = url.connect(5000).expect("template connection");
        meedoen::server::prepare_database(&mut conn, chrono::Utc::now().naive_utc())
            .expect("prepare template");
        if let meedoen::db::DbConn::Sqlite(sqlite) = &mut conn {
            // Fold the WAL into the main file so copying the file copies everything.
            sqlite
                .batch_execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
                .unwrap();
        }
        drop(conn);
        path
    })
}

/// The name of the migrated PostgreSQL template, made once (across processes, under an advisory lock).
fn postgres_template() -> &'static String {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("meedoen_tmpl_{}", migrations_digest("postgres"));
        let mut admin = PgConnection::establish(&postgres_admin_url()).expect("admin connection");
        admin
            .batch_execute("SELECT pg_advisory_lock(724011)")
            .unwrap();
        let exists = diesel::sql_query(format!(
            "SELECT 1 AS one FROM pg_database WHERE datname = '{name}'"
        ))
        .execute(&mut admin)
        .unwrap()
            == 1;
        if !exists {
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .unwrap();
            let url = DatabaseUrl::Postgres(database_url(&name));
            let mut conn = url.connect(0).expect("template connection");
            if let Err(e) =
                meedoen::server::prepare_database(&mut conn, chrono::Utc::now().naive_utc())
            {
                drop(conn);
                admin
                    .batch_execute(&format!("DROP DATABASE {name}"))
                    .unwrap();
                panic!("migrating the PostgreSQL template failed: {e}");
            }
        }
        admin
            .batch_execute("SELECT pg_advisory_unlock(724011)")
            .unwrap();
        name
    })
}

/// The URL of database `name` on the test server.
fn database_url(name: &str) -> String {
    let admin = postgres_admin_url();
    let base = admin
        .rsplit_once('/')
        .map(|(base, _)| base)
        .unwrap_or(&admin);
    format!("{base}/{name}")
}

/// A database of its own for one test, removed when dropped.
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    postgres_name: Option<String>,
    _sqlite_dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub async fn create(backend: Backend) -> Self {
        actix_web::web::block(move || Self::create_blocking(backend))
            .await
            .expect("blocking task")
    }

    pub fn create_blocking(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("meedoen.db");
                std::fs::copy(sqlite_template(), &path).unwrap();
                Self {
                    backend,
                    url: format!("sqlite:{}", path.display()),
                    postgres_name: None,
                    _sqlite_dir: Some(dir),
                }
            }
            Backend::Postgres => {
                let template = postgres_template();
                let name = format!("meedoen_test_{}", uuid::Uuid::now_v7().simple());
                let mut admin =
                    PgConnection::establish(&postgres_admin_url()).expect("admin connection");
                admin
                    .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                    .expect("create test database");
                Self {
                    backend,
                    url: database_url(&name),
                    postgres_name: Some(name),
                    _sqlite_dir: None,
                }
            }
        }
    }

    /// An empty, unmigrated database (for migration tests).
    pub fn create_empty_blocking(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("empty.db");
                Self {
                    backend,
                    url: format!("sqlite:{}", path.display()),
                    postgres_name: None,
                    _sqlite_dir: Some(dir),
                }
            }
            Backend::Postgres => {
                let name = format!("meedoen_test_{}", uuid::Uuid::now_v7().simple());
                let mut admin =
                    PgConnection::establish(&postgres_admin_url()).expect("admin connection");
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .unwrap();
                Self {
                    backend,
                    url: database_url(&name),
                    postgres_name: Some(name),
                    _sqlite_dir: None,
                }
            }
        }
    }

    pub fn connect(&self) -> meedoen::db::DbConn {
        DatabaseUrl::parse(&self.url)
            .unwrap()
            .connect(5000)
            .expect("test connection")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(name) = &self.postgres_name
            && let Ok(mut admin) = PgConnection::establish(&postgres_admin_url())
        {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// Opens a plain SQLite connection (for tests that inspect a file directly).
pub fn sqlite_connection(path: &str) -> SqliteConnection {
    SqliteConnection::establish(path).unwrap()
}
