//! Wire types of the sign-up endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::models::SignupStatus;
use crate::db::ids::SignupId;
use crate::features::offers::dto::OfferResponse;

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignUpRequest {
    /// A short note to the organisation.
    pub message: Option<String>,
    /// An informal carer or buddy comes along and takes a place too (where the offer allows it).
    #[serde(default)]
    pub with_companion: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignUpResponse {
    pub id: SignupId,
    pub status: SignupStatus,
    /// 1 is next in line; only while waitlisted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSignupRequest {
    /// Organisations set `accepted` or `declined`; residents set `withdrawn`.
    pub status: SignupStatus,
    /// With `declined`: why, told to the resident (at most 1,000 characters).
    pub reason: Option<String>,
}

/// A sign-up as the organisation sees it: the display name and the message, nothing more.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferSignupResponse {
    pub id: SignupId,
    pub status: SignupStatus,
    pub display_name: String,
    pub message: Option<String>,
    pub with_companion: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// The sign-up came through a neighbourhood worker's referral.
    pub via_referral: bool,
    /// The worker's note, only when the resident agreed to pass it on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referral_note: Option<String>,
    /// Only when the resident allows organisations to see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Only when the resident allows organisations to see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferSignupList {
    pub items: Vec<OfferSignupResponse>,
}

/// A resident's own sign-up, with the offer.
#[derive(Debug, Serialize, ToSchema)]
pub struct MySignupResponse {
    pub id: SignupId,
    pub status: SignupStatus,
    pub message: Option<String>,
    pub with_companion: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub offer: OfferResponse,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MySignupList {
    pub items: Vec<MySignupResponse>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MySignupQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
