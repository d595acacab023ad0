//! Everything a request handler may need, passed explicitly: no globals.

use std::sync::Arc;

use tokio::sync::Notify;

use crate::auth::jwt::JwtKeys;
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::db::tx::Effects;
use crate::db::tx::Tx;
use crate::db::write_queue::{self, WriteQueue};
use crate::db::{DatabaseUrl, Db, write_transaction};
use crate::error::AppError;
use crate::http::rate_limit::RateLimits;
use crate::mail::Mailer;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub clock: Arc<dyn Clock>,
    pub keys: JwtKeys,
    pub mailer: Arc<Mailer>,
    pub limits: Arc<RateLimits>,
    /// Woken after a transaction that queued mail commits, so delivery need not wait for the poll.
    pub mail_wakeup: Arc<Notify>,
    /// Password hashing runs in a fixed number of slots, so a burst of sign-ins cannot take gigabytes.
    pub hashing: Arc<crate::auth::password::HashingSlots>,
    /// A real argon2 hash checked when an unknown email signs in, so both failures take equal time.
    pub dummy_password_hash: Arc<String>,
    /// Version of the public catalog and the answers cached at it.
    pub catalog: crate::catalog::SharedCatalog,
    /// SQLite: writes waiting for the writer, committed together (group commit).
    pub writes: Arc<WriteQueue>,
}

impl AppState {
    /// Builds the state from settings. Opens no database connection yet.
    pub fn new(settings: Settings) -> Result<Self, String> {
        Self::with_clock(settings, Arc::new(SystemClock))
    }

    pub fn with_clock(settings: Settings, clock: Arc<dyn Clock>) -> Result<Self, String> {
        let url = crate::db::DatabaseUrl::parse(&settings.database.url)
            .map_err(|problem| format!("invalid setting database.url: {problem}"))?;
        let db = Db::new(&url, &settings.database)?;
        let keys = JwtKeys::from_settings(&settings)?;
        let mailer = Mailer::from_settings(&settings.mail)?;
        let limits = RateLimits::new(&settings.rate_limit);
        let hashing = crate::auth::password::HashingSlots::new(
            settings.auth.hashing_slots,
            std::time::Duration::from_millis(settings.auth.hashing_wait_ms),
        );
        let dummy_password_hash = hashing
            .run_now(|memory| {
                crate::auth::password::hash_with(memory, "meedoen-dummy-password-for-timing")
            })
            .map_err(|e| format!("argon2 does not work on this machine: {e}"))?;
        Ok(Self {
            db,
            settings: Arc::new(settings),
            clock,
            keys,
            mailer: Arc::new(mailer),
            limits: Arc::new(limits),
            mail_wakeup: Arc::new(Notify::new()),
            dummy_password_hash: Arc::new(dummy_password_hash),
            hashing: Arc::new(hashing),
            catalog: Arc::default(),
            writes: Arc::default(),
        })
    }
}

impl AppState {
    /// The one way to write: runs `work` in a write transaction (`BEGIN IMMEDIATE` on SQLite)
    /// whose repository calls record what they change; after commit the catalog caches are
    /// brought in step and the mail worker is woken if mail was queued.
    pub async fn write<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut Tx<'_>) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        if matches!(self.db.url(), DatabaseUrl::Sqlite(_)) {
            return self.write_together(work).await;
        }
        let clock = self.clock.clone();
        let (value, effects, recorded) = self
            .db
            .run(move |conn| {
                write_transaction(conn, |conn| {
                    let mut tx = Tx::new(conn);
                    let value = work(&mut tx)?;
                    let effects = tx.into_effects();
                    let recorded = crate::catalog::record(conn, &effects, clock.now_naive())?;
                    Ok((value, effects, recorded))
                })
            })
            .await?;
        self.after_commit(recorded.as_ref(), &effects);
        Ok(value)
    }

    /// SQLite: queues the write; whoever gets the writer's turn commits everything queued by then
    /// (src/db/write_queue.rs). Gives up with 503, having changed nothing, when no turn has taken
    /// the write within the database wait.
    async fn write_together<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut Tx<'_>) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (ticket, mut answer) = self.writes.push(work);
        // One committer per write, in a task of its own so that no request going away can stop a
        // commit halfway and leave the others unanswered. Committers take the turn in order; each
        // commits what is queued by then (possibly nothing, when an earlier one took it all).
        let state = self.clone();
        tokio::spawn(async move {
            if let Ok(_turn) = state.db.writer_turn().await {
                state.commit_queued().await;
            }
        });
        let answered = match tokio::time::timeout(self.db.wait(), &mut answer).await {
            Ok(answered) => answered,
            // Still queued: taken back, nothing written. Already taken: its answer will come.
            Err(_) if self.writes.withdraw(ticket) => return Err(AppError::Unavailable),
            Err(_) => answer.await,
        };
        // Dropped unanswered: the committer could not get a connection or begin the transaction
        // (the lock stayed taken), so the write never ran.
        answered.map_err(|_| AppError::Unavailable)?
    }

    /// Runs the queued writes in one transaction and answers each (the writer's turn is held).
    async fn commit_queued(&self) {
        let jobs = self.writes.take();
        if jobs.is_empty() {
            return;
        }
        let clock = self.clock.clone();
        let (finishes, committed) = self
            .db
            .run(move |conn| {
                let mut finishes = Vec::new();
                let committed = write_transaction(conn, |conn| {
                    let mut effects = Effects::default();
                    finishes = write_queue::run_jobs(conn, jobs, &mut effects);
                    let recorded = crate::catalog::record(conn, &effects, clock.now_naive())?;
                    Ok((effects, recorded))
                });
                Ok((finishes, committed))
            })
            .await
            // No connection: the jobs were dropped unrun, which their callers hear as 503.
            .unwrap_or_else(|error| (Vec::new(), Err(error)));
        let outcome = match committed {
            Ok((effects, recorded)) => {
                self.after_commit(recorded.as_ref(), &effects);
                Ok(())
            }
            Err(error) => Err(error),
        };
        for finish in finishes {
            finish(outcome.clone());
        }
    }

    /// Brings this process's caches in step with a committed write and wakes the mail worker.
    fn after_commit(&self, recorded: Option<&crate::catalog::Recorded>, effects: &Effects) {
        if let Some(recorded) = recorded {
            self.catalog.apply(recorded);
        }
        if effects.mail_queued {
            self.mail_wakeup.notify_one();
        }
    }
}
