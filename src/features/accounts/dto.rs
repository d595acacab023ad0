//! Wire types of the account endpoints.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Role;
use crate::db::ids::UserId;
use crate::features::organisations::dto::Membership;
use crate::locale::Locale;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    #[schema(example = "fatima@example.nl")]
    pub email: String,
    #[schema(example = "fiets-tulp-regen-molen")]
    pub password: String,
    #[schema(example = "Fatima")]
    pub display_name: String,
    /// Language of emails and the interface; Dutch when left out.
    pub locale: Option<Locale>,
}

/// The same answer whether or not the address already had an account.
#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptedResponse {
    #[schema(example = "accepted")]
    pub status: &'static str,
}

impl AcceptedResponse {
    pub fn new() -> Self {
        Self { status: "accepted" }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// The token from the emailed link.
    pub token: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
    /// true: the refresh token comes as an HttpOnly cookie (`meedoen_refresh`, sent only to
    /// `/api/v1/auth`) instead of in the body, out of reach of scripts. The web app does this.
    #[serde(default)]
    pub refresh_cookie: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// Left out when the refresh token is in the `meedoen_refresh` cookie.
    #[serde(default)]
    pub refresh_token: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    pub email: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResendVerificationRequest {
    pub email: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetConfirmRequest {
    pub token: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// A JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Opaque; exchange it once at /auth/refresh for a new pair. Left out when it was set as a
    /// cookie instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    pub user: MeResponse,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
    pub roles: Vec<Role>,
    pub email_verified: bool,
    /// The organisations this user belongs to, with their role there.
    pub organisations: Vec<Membership>,
}

impl MeResponse {
    pub fn new(user: &crate::auth::AuthUser, organisations: Vec<Membership>) -> Self {
        Self {
            id: user.id.clone(),
            email: user.email.clone(),
            display_name: user.display_name.clone(),
            locale: user.locale,
            roles: user.roles.clone(),
            email_verified: user.email_verified,
            organisations,
        }
    }
}
