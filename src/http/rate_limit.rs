//! Limits on the endpoints that guess or send mail: per client IP, and a slowing throttle per
//! account (email address) across all IPs. In memory, per server process.

use std::num::NonZeroU32;
use std::time::Duration;

use actix_web::HttpRequest;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::RateLimitSettings;
use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Login,
    Register,
    PasswordReset,
    ResendVerification,
}

pub struct RateLimits {
    enabled: bool,
    per_ip: DefaultKeyedRateLimiter<(Action, String)>,
    per_account: DefaultKeyedRateLimiter<(Action, String)>,
}

impl RateLimits {
    pub fn new(settings: &RateLimitSettings) -> Self {
        let per_minute = NonZeroU32::new(settings.per_ip_per_minute).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(settings.account_burst).unwrap_or(NonZeroU32::MIN);
        let interval = Duration::from_secs(settings.account_interval_secs.max(1));
        let account_quota = Quota::with_period(interval)
            .expect("interval is at least one second")
            .allow_burst(burst);
        Self {
            enabled: settings.enabled,
            per_ip: RateLimiter::keyed(Quota::per_minute(per_minute)),
            per_account: RateLimiter::keyed(account_quota),
        }
    }

    /// Counts one attempt of `action` from `ip` and on `account`; refuses with 429 past either limit.
    pub fn check(&self, action: Action, ip: &str, account: &str) -> Result<(), AppError> {
        if !self.enabled {
            return Ok(());
        }
        let now = DefaultClock::default().now();
        for (limiter, key) in [(&self.per_ip, ip), (&self.per_account, account)] {
            if let Err(not_until) = limiter.check_key(&(action, key.to_string())) {
                let wait = not_until.wait_time_from(now);
                return Err(AppError::TooManyRequests {
                    retry_after_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
                });
            }
        }
        Ok(())
    }

    /// Forgets keys whose limits have fully recovered, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.per_ip.retain_recent();
        self.per_account.retain_recent();
    }
}

/// The client's address: the peer, or X-Forwarded-For's first hop when behind a trusted proxy.
pub fn client_ip(req: &HttpRequest, trust_proxy_headers: bool) -> String {
    let address = if trust_proxy_headers {
        req.connection_info()
            .realip_remote_addr()
            .map(str::to_string)
    } else {
        req.peer_addr().map(|addr| addr.ip().to_string())
    };
    address.unwrap_or_else(|| "unknown".into())
}
