//! Wire types of the offer endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::models::{DutchLevel, Guidance, OfferKind, OfferStatus, Route};
use crate::db::ids::{DistrictId, OfferId, OrganisationId};

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
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DatedSession {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOfferRequest {
    pub organisation_id: OrganisationId,
    pub district_id: DistrictId,
    pub kind: OfferKind,
    #[schema(example = "Moestuin Emmerhout: samen tuinieren")]
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `YYYY-MM-DD`
    pub start_date: Option<String>,
    /// `YYYY-MM-DD`
    pub end_date: Option<String>,
    #[schema(minimum = 1, maximum = 1000)]
    pub capacity: i32,
    /// true: a free place is taken at once; false: the organisation reviews each sign-up.
    pub auto_accept: bool,
    #[serde(default)]
    pub weekly_slots: Vec<WeeklySlot>,
    #[serde(default)]
    pub sessions: Vec<DatedSession>,
    /// Skill tag keys wanted.
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub interests: Vec<String>,
    /// Goal tag keys the offer serves.
    #[serde(default)]
    pub goals: Vec<String>,
    /// Access tag keys the offer has (e.g. `wheelchair_accessible`).
    #[serde(default)]
    pub access: Vec<String>,
    /// Language tag keys spoken there.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default = "default_guidance")]
    pub guidance: Guidance,
    #[serde(default = "default_dutch_level")]
    pub dutch_level: DutchLevel,
    #[serde(default)]
    pub language_buddy: bool,
    pub min_age: Option<i32>,
    #[serde(default)]
    pub companion_allowed: bool,
    #[serde(default = "default_route")]
    pub route: Route,
    pub programme: Option<String>,
}

fn default_guidance() -> Guidance {
    Guidance::None
}

fn default_dutch_level() -> DutchLevel {
    DutchLevel::None
}

fn default_route() -> Route {
    Route::Open
}

/// Fields to change; lists replace the whole list. Send null to clear an optional field.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOfferRequest {
    pub district_id: Option<DistrictId>,
    pub kind: Option<OfferKind>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub address: Option<String>,
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<f64>)]
    pub latitude: Option<Option<f64>>,
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<f64>)]
    pub longitude: Option<Option<f64>>,
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<String>)]
    pub start_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<String>)]
    pub end_date: Option<Option<String>>,
    pub capacity: Option<i32>,
    pub auto_accept: Option<bool>,
    pub weekly_slots: Option<Vec<WeeklySlot>>,
    pub sessions: Option<Vec<DatedSession>>,
    pub skills: Option<Vec<String>>,
    pub interests: Option<Vec<String>>,
    pub goals: Option<Vec<String>>,
    pub access: Option<Vec<String>>,
    pub languages: Option<Vec<String>>,
    pub guidance: Option<Guidance>,
    pub dutch_level: Option<DutchLevel>,
    pub language_buddy: Option<bool>,
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<i32>)]
    pub min_age: Option<Option<i32>>,
    pub companion_allowed: Option<bool>,
    pub route: Option<Route>,
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<String>)]
    pub programme: Option<Option<String>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OfferResponse {
    pub id: OfferId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub district_id: DistrictId,
    pub district_name: String,
    pub kind: OfferKind,
    pub title: String,
    pub description: String,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub capacity: i32,
    /// Places not yet taken by accepted sign-ups (a companion takes a place too).
    pub free_places: i32,
    pub auto_accept: bool,
    pub weekly_slots: Vec<WeeklySlot>,
    pub sessions: Vec<DatedSession>,
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    pub goals: Vec<String>,
    pub access: Vec<String>,
    pub languages: Vec<String>,
    pub guidance: Guidance,
    pub dutch_level: DutchLevel,
    pub language_buddy: bool,
    pub min_age: Option<i32>,
    pub companion_allowed: bool,
    pub route: Route,
    pub programme: Option<String>,
    pub status: OfferStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
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
