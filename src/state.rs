//! Everything a request handler may need, passed explicitly: no globals.

use std::sync::Arc;

use tokio::sync::Notify;

use crate::auth::jwt::JwtKeys;
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::db::Db;
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
        Ok(Self {
            db,
            settings: Arc::new(settings),
            clock,
            keys,
            mailer: Arc::new(mailer),
            limits: Arc::new(limits),
            mail_wakeup: Arc::new(Notify::new()),
            dummy_password_hash: Arc::new(dummy_password_hash),
            catalog: Arc::default(),
        })
    }
}
