//! Wire types of the organisation endpoints.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::models::{MemberRole, MemberRow, Organisation, OrganisationKind, OrganisationStatus};
use crate::db::ids::{DistrictId, OrganisationId, UserId};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganisationRequest {
    #[schema(example = "Stadsboerderij De Velden")]
    pub name: String,
    pub kind: OrganisationKind,
    /// The districts it works in (at least one).
    pub district_ids: Vec<DistrictId>,
    #[schema(example = "info@stadsboerderij.nl")]
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub website: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganisationRequest {
    pub name: Option<String>,
    pub description: Option<String>,
    pub contact_email: Option<String>,
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<String>)]
    pub contact_phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<String>)]
    pub website: Option<Option<String>>,
    pub district_ids: Option<Vec<DistrictId>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationResponse {
    pub id: OrganisationId,
    pub name: String,
    pub kind: OrganisationKind,
    pub description: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub website: Option<String>,
    pub status: OrganisationStatus,
    /// Shown to the organisation's members and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    pub district_ids: Vec<DistrictId>,
}

impl OrganisationResponse {
    pub fn new(
        organisation: Organisation,
        district_ids: Vec<DistrictId>,
        show_internal: bool,
    ) -> Self {
        Self {
            id: organisation.id,
            name: organisation.name,
            kind: organisation.kind,
            description: organisation.description,
            contact_email: organisation.contact_email,
            contact_phone: organisation.contact_phone,
            website: organisation.website,
            status: organisation.status,
            rejection_reason: organisation.rejection_reason.filter(|_| show_internal),
            district_ids,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationList {
    pub items: Vec<OrganisationResponse>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    /// `verified` (default, public); admins may ask for `pending` or `rejected`.
    pub status: Option<OrganisationStatus>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectOrganisationRequest {
    /// Told to the organisation.
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddMemberRequest {
    /// The email address of an existing Meedoen account.
    pub email: String,
    /// `member` when left out.
    pub role: Option<MemberRole>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberResponse {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub role: MemberRole,
}

impl From<MemberRow> for MemberResponse {
    fn from(row: MemberRow) -> Self {
        Self {
            user_id: row.user_id,
            display_name: row.display_name,
            email: row.email,
            role: row.role,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberList {
    pub items: Vec<MemberResponse>,
}

/// An organisation the signed-in user belongs to (in `/me`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Membership {
    pub id: OrganisationId,
    pub name: String,
    pub role: MemberRole,
    pub status: OrganisationStatus,
}
