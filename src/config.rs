//! Settings, layered: serde defaults → config/default.toml → config/local.toml → MEEDOEN__SECTION__KEY
//! environment variables → DATABASE_URL. Unknown keys are refused so a typo never goes unnoticed.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub app: AppSettings,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub auth: AuthSettings,
    pub mail: MailSettings,
    pub rate_limit: RateLimitSettings,
    pub log: LogSettings,
    pub municipality: MunicipalitySettings,
    pub map: MapSettings,
    pub attendance: AttendanceSettings,
    pub monitor: MonitorSettings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppSettings {
    pub environment: Environment,
    pub public_url: String,
    pub static_dir: PathBuf,
    pub data_dir: PathBuf,
    pub cors_origins: Vec<String>,
}

impl Default for AppSettings {
    fn default() -> Self {
        Self {
            environment: Environment::Development,
            public_url: "http://127.0.0.1:8080".into(),
            static_dir: "frontend/dist".into(),
            data_dir: "data".into(),
            cors_origins: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub workers: usize,
    pub trust_proxy_headers: bool,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 8080,
            workers: 0,
            trust_proxy_headers: false,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    pub url: String,
    pub pool_size: u32,
    pub connect_timeout_secs: u64,
    pub busy_timeout_ms: u32,
    /// SQLite's page cache per pooled connection, in MiB (SQLite's own default is 2).
    pub sqlite_cache_mib: u32,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: "sqlite:data/meedoen.db".into(),
            pool_size: 8,
            connect_timeout_secs: 5,
            busy_timeout_ms: 5000,
            sqlite_cache_mib: 1,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthSettings {
    pub jwt_secret: Option<String>,
    pub issuer: String,
    pub audience: String,
    pub access_token_minutes: i64,
    pub refresh_token_days: i64,
    /// Passwords hashed at once (each takes 9 MiB); 0: one per CPU core.
    pub hashing_slots: usize,
    /// How long a sign-in waits for a free hashing slot before it gets 503 with Retry-After.
    pub hashing_wait_ms: u64,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            jwt_secret: None,
            issuer: "meedoen".into(),
            audience: "meedoen-api".into(),
            access_token_minutes: 15,
            refresh_token_days: 30,
            hashing_slots: 0,
            hashing_wait_ms: 3000,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransportKind {
    File,
    Smtp,
    Log,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    /// Whether this process runs the delivery worker. Mail stays queued while it is off.
    pub deliver: bool,
    pub transport: MailTransportKind,
    pub dir: PathBuf,
    pub smtp_url: String,
    pub from: String,
    pub poll_interval_secs: u64,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            deliver: true,
            transport: MailTransportKind::File,
            dir: "data/mail".into(),
            smtp_url: "smtp://127.0.0.1:1025".into(),
            from: "Meedoen <noreply@meedoen.local>".into(),
            poll_interval_secs: 5,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimitSettings {
    pub enabled: bool,
    pub per_ip_per_minute: u32,
    pub account_burst: u32,
    pub account_interval_secs: u64,
}

impl Default for RateLimitSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            per_ip_per_minute: 10,
            account_burst: 5,
            account_interval_secs: 30,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
    pub level: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            format: LogFormat::Pretty,
            level: "info,meedoen=debug".into(),
        }
    }
}

/// The municipality whose service this is: its name, face and the texts of its own pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MunicipalitySettings {
    pub name: String,
    /// The web app's set of NL Design System tokens: `meedoen`, `emmen` or `den-helder`.
    pub theme: String,
    /// The logo: a path the web app serves (e.g. `/themes/emmen/logo.svg`) or an https URL.
    pub logo: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub website: Option<String>,
    /// The privacy statement's text (paragraphs split by blank lines); empty: the default text.
    pub privacy_statement: String,
    /// The accessibility statement's text; empty: the default text.
    pub accessibility_statement: String,
}

impl Default for MunicipalitySettings {
    fn default() -> Self {
        Self {
            name: "Meedoen".into(),
            theme: "meedoen".into(),
            logo: None,
            contact_email: None,
            contact_phone: None,
            website: None,
            privacy_statement: String::new(),
            accessibility_statement: String::new(),
        }
    }
}

/// The map on an offer's page. An empty `tile_url` switches the map's tiles off (tests, offline).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MapSettings {
    /// An XYZ tile URL with `{z}`, `{x}` and `{y}`.
    pub tile_url: String,
    pub attribution: String,
}

impl Default for MapSettings {
    fn default() -> Self {
        Self {
            tile_url: "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png".into(),
            attribution: "Kaartgegevens © Kadaster (BRT-Achtergrondkaart)".into(),
        }
    }
}

/// Taking part: when a missed streak is noticed, and how long per-person attendance is kept.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AttendanceSettings {
    /// After this many unexcused absences in a row the resident gets a friendly "we missed you"
    /// and a referring worker sees a signal (at least 2).
    pub missed_in_a_row: u32,
    /// Per-person attendance older than this many months is folded into anonymous monthly totals
    /// per offer and deleted (at least 1).
    pub retention_months: u32,
}

impl Default for AttendanceSettings {
    fn default() -> Self {
        Self {
            missed_in_a_row: 2,
            retention_months: 24,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MonitorSettings {
    /// Figures from fewer distinct residents than this are suppressed (at least 5).
    pub min_count: i64,
    /// How often the kept figures of periods that changed are worked out again (at least 5).
    pub refresh_seconds: u64,
}

impl Default for MonitorSettings {
    fn default() -> Self {
        Self {
            min_count: 5,
            refresh_seconds: 60,
        }
    }
}

/// A setting that is present but unusable; the message names the key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Figment(#[from] Box<figment::Error>),
    #[error("invalid setting {key}: {problem}")]
    Invalid { key: &'static str, problem: String },
}

impl Settings {
    /// Loads the layers from `config_dir` (normally `config/`) and the process environment.
    pub fn load(config_dir: &Path) -> Result<Self, ConfigError> {
        let figment = Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(config_dir.join("default.toml")))
            .merge(Toml::file(config_dir.join("local.toml")))
            .merge(Env::prefixed("MEEDOEN__").split("__"))
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL"])
                    .map(|_| "database.url".into()),
            );
        let settings: Settings = figment.extract().map_err(Box::new)?;
        settings.validate()?;
        Ok(settings)
    }

    /// Checks what serde cannot: values that parse but make no sense.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |key, problem: &str| {
            Err(ConfigError::Invalid {
                key,
                problem: problem.to_string(),
            })
        };
        if !["meedoen", "emmen", "den-helder"].contains(&self.municipality.theme.as_str()) {
            return invalid(
                "municipality.theme",
                "must be one of meedoen, emmen, den-helder",
            );
        }
        if self.attendance.missed_in_a_row < 2 {
            return invalid(
                "attendance.missed_in_a_row",
                "must be at least 2: one absence is nothing to remark on",
            );
        }
        if self.attendance.retention_months < 1 {
            return invalid("attendance.retention_months", "must be at least 1");
        }
        if self.monitor.refresh_seconds < 5 {
            return invalid("monitor.refresh_seconds", "must be at least 5");
        }
        if self.monitor.min_count < 5 {
            return invalid(
                "monitor.min_count",
                "must be at least 5: smaller counts could point at one person",
            );
        }
        if !self.map.tile_url.is_empty()
            && !["{z}", "{x}", "{y}"]
                .iter()
                .all(|part| self.map.tile_url.contains(part))
        {
            return invalid(
                "map.tile_url",
                "must contain {z}, {x} and {y}, or be empty to switch the map's tiles off",
            );
        }
        if url::Url::parse(&self.app.public_url).is_err() {
            return invalid(
                "app.public_url",
                "must be an absolute URL such as https://meedoen.example.nl",
            );
        }
        if let Err(problem) = crate::db::DatabaseUrl::parse(&self.database.url) {
            return invalid("database.url", &problem);
        }
        if self.database.pool_size == 0 {
            return invalid("database.pool_size", "must be at least 1");
        }
        if !(1..=60).contains(&self.auth.access_token_minutes) {
            return invalid("auth.access_token_minutes", "must be between 1 and 60");
        }
        if !(1..=365).contains(&self.auth.refresh_token_days) {
            return invalid("auth.refresh_token_days", "must be between 1 and 365");
        }
        if let Some(secret) = &self.auth.jwt_secret
            && secret.len() < 32
        {
            return invalid("auth.jwt_secret", "must be at least 32 characters long");
        }
        if self.app.environment == Environment::Production && self.auth.jwt_secret.is_none() {
            return invalid(
                "auth.jwt_secret",
                "is required when app.environment = \"production\" (set MEEDOEN__AUTH__JWT_SECRET)",
            );
        }
        if self.mail.transport == MailTransportKind::Smtp
            && url::Url::parse(&self.mail.smtp_url).is_err()
        {
            return invalid(
                "mail.smtp_url",
                "must be a URL such as smtp://127.0.0.1:1025",
            );
        }
        if self.mail.from.parse::<lettre::message::Mailbox>().is_err() {
            return invalid(
                "mail.from",
                "must be an address such as \"Meedoen <noreply@example.nl>\"",
            );
        }
        for origin in &self.app.cors_origins {
            let valid = url::Url::parse(origin).ok().is_some_and(|url| {
                url.host().is_some() && url.path() == "/" && !origin.ends_with('/')
            });
            if !valid {
                return invalid(
                    "app.cors_origins",
                    "each origin must look like https://app.example.nl (scheme and host, no path)",
                );
            }
        }
        if self.rate_limit.per_ip_per_minute == 0 || self.rate_limit.account_burst == 0 {
            return invalid(
                "rate_limit",
                "limits must be at least 1 (set rate_limit.enabled = false to turn them off)",
            );
        }
        if self.rate_limit.account_interval_secs == 0 {
            return invalid("rate_limit.account_interval_secs", "must be at least 1");
        }
        Ok(())
    }

    pub fn bind_address(&self) -> (String, u16) {
        (self.server.host.clone(), self.server.port)
    }
}
