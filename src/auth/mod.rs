//! Who is calling: password hashing, tokens, and the extractors handlers use to require a role.

pub mod extract;
pub mod jwt;
pub mod password;
pub mod tokens;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use extract::{Admin, AuthUser, MaybeUser, Resident, Worker};

/// A role held by a user. Organisation membership is not a role: it is per organisation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Resident,
    Worker,
    Admin,
    /// Policy staff and council members: the monitor's aggregates, no personal data.
    Monitor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Resident => "resident",
            Self::Worker => "worker",
            Self::Admin => "admin",
            Self::Monitor => "monitor",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        match value {
            "resident" => Some(Self::Resident),
            "worker" => Some(Self::Worker),
            "admin" => Some(Self::Admin),
            "monitor" => Some(Self::Monitor),
            _ => None,
        }
    }
}

/// Normalises an email address for storage and comparison: trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}
