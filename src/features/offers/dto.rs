//! Wire types of the offer endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema};
use utoipa::{IntoParams, ToSchema};

use super::models::{OfferDetails, OfferKind, OfferStatus};
use crate::db::ids::{DistrictId, OfferId, OrganisationId};
use crate::features::tags::models::TagKind;

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

/// An offer's lists: when it meets and what it is about (tag keys of each kind). Lists replace whole
/// lists when changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OfferLists {
    pub weekly_slots: Vec<WeeklySlot>,
    /// Dated sessions (for courses and one-off activities).
    pub sessions: Vec<DatedSession>,
    /// Skill tag keys wanted.
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    /// Goal tag keys the offer serves.
    pub goals: Vec<String>,
    /// Access tag keys the offer has (e.g. `wheelchair_accessible`).
    pub access: Vec<String>,
    /// Language tag keys spoken there.
    pub languages: Vec<String>,
}

impl OfferLists {
    /// The five tag lists, with the field each is sent in and the kind of tag it holds.
    pub fn tags(&self) -> [(&'static str, TagKind, &Vec<String>); 5] {
        [
            ("skills", TagKind::Skill, &self.skills),
            ("interests", TagKind::Interest, &self.interests),
            ("goals", TagKind::Goal, &self.goals),
            ("access", TagKind::Access, &self.access),
            ("languages", TagKind::Language, &self.languages),
        ]
    }

    pub fn keys(&self, kind: TagKind) -> &[String] {
        match kind {
            TagKind::Skill => &self.skills,
            TagKind::Interest => &self.interests,
            TagKind::Goal => &self.goals,
            TagKind::Access => &self.access,
            TagKind::Language => &self.languages,
        }
    }

    pub fn keys_mut(&mut self, kind: TagKind) -> &mut Vec<String> {
        match kind {
            TagKind::Skill => &mut self.skills,
            TagKind::Interest => &mut self.interests,
            TagKind::Goal => &mut self.goals,
            TagKind::Access => &mut self.access,
            TagKind::Language => &mut self.languages,
        }
    }
}

/// A whole offer as sent: its details and its lists. Every field is required on create (send an
/// empty list or null for "none"); a change (PATCH) is applied to the stored offer in this form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferInput {
    #[serde(flatten)]
    pub details: OfferDetails,
    #[serde(flatten)]
    pub lists: OfferLists,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOfferRequest {
    pub organisation_id: OrganisationId,
    #[serde(flatten)]
    pub details: OfferDetails,
    #[serde(flatten)]
    pub lists: OfferLists,
}

/// A change to an offer: any fields of an offer as in `CreateOfferRequest` except
/// `organisation_id`; lists replace the whole list, null clears an optional field (JSON merge
/// patch, RFC 7396, one level deep). Its schema is made from the offer's in the document.
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub struct OfferChange(pub serde_json::Map<String, serde_json::Value>);

impl utoipa::PartialSchema for OfferChange {
    /// The properties of `OfferDetails` and `OfferLists`, none of them required.
    fn schema() -> RefOr<Schema> {
        let mut change = ObjectBuilder::new()
            .description(Some(
                "Any fields of an offer (see CreateOfferRequest) except organisation_id; lists replace whole lists; null clears an optional field.",
            ))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)))
            .build();
        for part in [OfferDetails::schema(), OfferLists::schema()] {
            if let RefOr::T(Schema::Object(part)) = part {
                change.properties.extend(part.properties);
            }
        }
        RefOr::T(Schema::Object(change))
    }
}

impl ToSchema for OfferChange {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        OfferDetails::schemas(schemas);
        OfferLists::schemas(schemas);
    }
}

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
    pub lists: OfferLists,
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
