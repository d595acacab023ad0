//! Wire types of the offer endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema};
use utoipa::{IntoParams, ToSchema};

use super::models::{OfferDetails, OfferKind, OfferStatus};
use crate::db::ids::{DistrictId, OfferId, OrganisationId};
use crate::matching::Tags;

/// A weekly time slot: ISO weekday (1 = Monday … 7 = Sunday) and local times `HH:MM`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WeeklySlot {
    #[schema(minimum = 1, maximum = 7, example = 2)]
    pub weekday: i32,
    #[schema(example = "09:30")]
    pub start: String,
    #[schema(example = "12:00")]
    pub end: String,
}

/// A dated session (for courses and one-off activities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DatedSession {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// When an offer meets. Lists replace whole lists when changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OfferSchedule {
    pub weekly_slots: Vec<WeeklySlot>,
    /// Dated sessions (for courses and one-off activities).
    pub sessions: Vec<DatedSession>,
}

/// A whole offer as sent: its details and its lists. Every field is required on create (send an
/// empty list or null for "none"); a change (PATCH) is applied to the stored offer in this form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferInput {
    #[serde(flatten)]
    pub details: OfferDetails,
    #[serde(flatten)]
    pub schedule: OfferSchedule,
    #[serde(flatten)]
    pub tags: Tags<Vec<String>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOfferRequest {
    pub organisation_id: OrganisationId,
    #[serde(flatten)]
    pub details: OfferDetails,
    #[serde(flatten)]
    pub schedule: OfferSchedule,
    #[serde(flatten)]
    pub tags: Tags<Vec<String>>,
}

/// A change to an offer: any fields of an offer as in `CreateOfferRequest` except
/// `organisation_id`; lists replace the whole list, null clears an optional field (JSON merge
/// patch, RFC 7396, one level deep). Its schema is made from the offer's in the document.
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub struct OfferChange(pub serde_json::Map<String, serde_json::Value>);

impl utoipa::PartialSchema for OfferChange {
    /// Its properties are those of `CreateOfferRequest` but `organisation_id`, none required:
    /// `http::openapi::complete` copies them in once every schema is known.
    fn schema() -> RefOr<Schema> {
        let change = ObjectBuilder::new()
            .description(Some(
                "Any fields of an offer (see CreateOfferRequest) except organisation_id; lists replace whole lists; null clears an optional field.",
            ))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)))
            .build();
        RefOr::T(Schema::Object(change))
    }
}

impl ToSchema for OfferChange {}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OfferResponse {
    pub id: OfferId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub district_name: String,
    /// Places not yet taken by accepted sign-ups (a companion takes a place too).
    pub free_places: i32,
    pub status: OfferStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(flatten)]
    pub details: OfferDetails,
    #[serde(flatten)]
    pub schedule: OfferSchedule,
    #[serde(flatten)]
    pub tags: Tags<Vec<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferList {
    pub items: Vec<OfferResponse>,
    pub next_cursor: Option<String>,
}

/// Filters of the public offer list. `tag` may be repeated: an offer must have every tag given.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OfferQuery {
    /// A municipality, area or district: offers in it and in every district below it.
    pub district: Option<DistrictId>,
    /// Only this organisation's offers (its public page).
    pub organisation: Option<OrganisationId>,
    /// Nearest first: offers in this district, then in the rest of its area, then in the rest of
    /// its municipality, then elsewhere; newest first within each. Ignored together with `q`.
    pub near: Option<DistrictId>,
    pub kind: Option<OfferKind>,
    /// A tag key (skill, interest, goal, access or language); repeat for more.
    #[serde(default)]
    #[param(style = Form, explode)]
    pub tag: Vec<String>,
    /// Words that must all appear in the title or description.
    pub q: Option<String>,
    /// Only offers with a free place.
    pub available: Option<bool>,
    /// Only offers with a weekly slot on this ISO weekday (1 = Monday).
    pub weekday: Option<i32>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OrganisationOfferQuery {
    pub status: Option<OfferStatus>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
