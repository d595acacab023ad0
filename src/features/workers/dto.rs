//! Wire types of the worker endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::models::AccessKind;
use crate::db::ids::{DistrictId, OfferId, UserId};
use crate::features::profiles::dto::ProfileResponse;
use crate::matching::{Exclusion, Reason};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignDistrictsRequest {
    /// Districts or areas the worker covers (an area covers its districts).
    pub district_ids: Vec<DistrictId>,
}

/// Make the account with this email address a worker for these districts.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MakeWorkerRequest {
    /// The email address of an existing Meedoen account.
    #[schema(example = "wijkwerker@emmen.nl")]
    pub email: String,
    /// Districts or areas the worker covers (an area covers its districts).
    pub district_ids: Vec<DistrictId>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerResponse {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub district_ids: Vec<DistrictId>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerList {
    pub items: Vec<WorkerResponse>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerDistrict {
    pub id: DistrictId,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerDistrictList {
    pub items: Vec<WorkerDistrict>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ResidentQuery {
    /// Only residents of this district (or area) within the worker's own.
    pub district: Option<DistrictId>,
    /// Part of the display name.
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentSummary {
    pub id: UserId,
    pub display_name: String,
    pub district_id: Option<DistrictId>,
    pub district_name: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentList {
    pub items: Vec<ResidentSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentDetail {
    pub id: UserId,
    pub display_name: String,
    pub profile: ProfileResponse,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessLogEntry {
    pub worker_display_name: String,
    pub at: DateTime<Utc>,
    /// What was looked at: `profile`, `recommendations`, `assignment` or `referral`.
    pub what: AccessKind,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessLogList {
    pub items: Vec<AccessLogEntry>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AccessLogQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentRequest {
    /// A district (or area) of the worker's.
    pub district_id: DistrictId,
    /// Only these residents (default: every consenting resident there).
    pub resident_ids: Option<Vec<UserId>>,
    /// Only these offers (default: every published offer).
    pub offer_ids: Option<Vec<OfferId>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Proposal {
    pub resident_id: UserId,
    pub display_name: String,
    pub offer_id: OfferId,
    pub offer_title: String,
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// Why a resident got no proposal: `no_fitting_offer` (with the most common obstacle),
/// `no_free_place` (fitting offers were full or went to others with a better fit), `proposal_open`
/// (a worker's proposal waits for their answer) or `placed` (they accepted one and take part).
#[derive(Debug, Serialize, ToSchema)]
pub struct Unmatched {
    pub resident_id: UserId,
    pub display_name: String,
    #[schema(example = "no_fitting_offer")]
    pub reason: String,
    /// For `no_fitting_offer`: what kept most offers out.
    pub obstacle: Option<Exclusion>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentResponse {
    pub proposals: Vec<Proposal>,
    pub unmatched: Vec<Unmatched>,
    /// Sum of the proposals' scores.
    pub total_score: f64,
}
