//! Starting the server: migrations, the mail worker, then HTTP.

use actix_web::HttpServer;

use crate::error::AppError;
use crate::state::AppState;
use crate::{app, db, mail};

/// Runs pending migrations and returns their names, then adds missing reference data (the
/// starting tag taxonomy).
pub fn migrate(state: &AppState) -> Result<Vec<String>, String> {
    let mut conn = state.db.get().map_err(|_| {
        format!(
            "cannot connect to the {} database named in database.url",
            state.db.url().backend_name()
        )
    })?;
    prepare_database(&mut conn, state.clock.now_naive())
}

/// Migrations plus reference data on one connection; the test harness uses it for its templates.
pub fn prepare_database(
    conn: &mut db::DbConn,
    now: chrono::NaiveDateTime,
) -> Result<Vec<String>, String> {
    let applied = db::migrate::run_pending(conn).map_err(|e| format!("migration failed: {e}"))?;
    db::write_transaction(conn, |conn| {
        // Before any server runs on it: nothing cached to bring in step.
        let conn = &mut crate::db::tx::Tx::new(conn);
        crate::features::tags::service::ensure_starter_set(conn, now)?;
        // Offers stored before search existed get their search text once.
        crate::features::offers::service::index_for_search(conn)?;
        // Referrals with attendance from before their progress was kept get it once.
        crate::features::referrals::follow_ups::catch_up(conn, now)?;
        Ok(crate::db::search::rebuild_index(conn)?)
    })
    .map_err(|e| format!("cannot add the starting tags: {e}"))?;
    Ok(applied)
}

/// Migrates, starts the mail worker and serves until stopped (Ctrl-C or SIGTERM).
pub async fn serve(state: AppState) -> Result<(), String> {
    for name in migrate(&state)? {
        tracing::info!(migration = %name, "applied migration");
    }
    spawn_housekeeping(state.clone());
    crate::features::attendance::retention::spawn(state.clone());
    crate::features::monitor::upkeep::spawn(state.clone());
    // Changes other processes make from here on reach this one through the poller.
    {
        let mut conn = state.db.get().map_err(|e| describe(&e))?;
        crate::catalog::start_at(&state, &mut conn).map_err(|e| describe(&e.into()))?;
    }
    crate::catalog::spawn_poller(state.clone());
    if state.settings.mail.deliver {
        mail::worker::spawn(state.clone());
        // The process that sends mail also queues the scheduled emails (reminders, digests).
        crate::features::notifications::jobs::spawn(state.clone());
    } else {
        tracing::warn!("mail.deliver is false: emails are queued but not sent by this process");
    }
    let settings = state.settings.clone();
    let (host, port) = settings.bind_address();
    let workers = match settings.server.workers {
        0 => std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2),
        n => n,
    };
    // Blocking work is bounded by the database slots and the hashing slots (per process); a few
    // more threads per worker for anything else.
    let blocking_threads =
        (settings.database.pool_size as usize + state.hashing.slots()).div_ceil(workers) + 4;
    let server = HttpServer::new(move || app::build(state.clone()))
        .workers(workers)
        .worker_max_blocking_threads(blocking_threads)
        .bind((host.as_str(), port))
        .map_err(|e| format!("cannot listen on {host}:{port} (server.host, server.port): {e}"))?;
    tracing::info!(
        address = %format!("http://{host}:{port}"),
        database = settings.database.url.split('@').next_back().unwrap_or_default(),
        "Meedoen is listening"
    );
    server
        .run()
        .await
        .map_err(|e| format!("server stopped: {e}"))
}

/// Periodic upkeep that is not tied to a request: forgetting idle rate-limit keys.
fn spawn_housekeeping(state: AppState) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            state.limits.forget_idle();
        }
    });
}

/// Maps a service error to a line for the terminal.
pub fn describe(error: &AppError) -> String {
    match error {
        AppError::Validation(fields) => fields
            .iter()
            .map(|field| format!("{}: {}", field.field, field.message))
            .collect::<Vec<_>>()
            .join("; "),
        AppError::Unavailable => "the database is unreachable or busy".into(),
        other => other.to_string(),
    }
}
