//! Everything a request handler may need, passed explicitly: no globals.

use std::sync::Arc;

use tokio::sync::Notify;

use crate::auth::jwt::JwtKeys;
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::db::tx::Tx;
use crate::db::{Db, write_transaction};
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
        let dummy_password_hash = crate::auth::password::hash("meedoen-dummy-password-for-timing")
            .map_err(|e| format!("argon2 does not work on this machine: {e}"))?;
        let hashing = crate::auth::password::HashingSlots::new(
            settings.auth.hashing_slots,
            std::time::Duration::from_millis(settings.auth.hashing_wait_ms),
        );
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
        let clock = self.clock.clone();
        let _turn = self.db.writer_turn().await?;
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
        if let Some(recorded) = &recorded {
            self.catalog.apply(recorded);
        }
        if effects.mail_queued {
            self.mail_wakeup.notify_one();
        }
        Ok(value)
    }
}
