//! Rows of the offer tables, and the enums offers are described with.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::ids::{DistrictId, OfferId, OrganisationId, SlotId, UserId};
use crate::db::schema::{offer_sessions, offer_slots, offer_tags, offers};
use crate::text_enum;

text_enum!(
    OfferKind {
        VolunteerWork => "volunteer_work",
        UrbanFarming => "urban_farming",
        DayActivity => "day_activity",
        Course => "course",
    }
);

text_enum!(
    /// How much support is offered (on an offer) or needed (on a profile).
    Guidance {
        None => "none",
        Light => "light",
        Intensive => "intensive",
    }
);

text_enum!(
    /// Dutch level (CEFR): needed for an offer, or what a person has.
    DutchLevel {
        None => "none",
        A1 => "A1",
        A2 => "A2",
        B1 => "B1",
        B2 => "B2",
    }
);

text_enum!(
    /// `open`: anyone signs up. `referral_required`: through a worker's referral or a municipal decision.
    Route {
        Open => "open",
        ReferralRequired => "referral_required",
    }
);

text_enum!(
    OfferStatus {
        Draft => "draft",
        Published => "published",
        Closed => "closed",
    }
);

/// What an organisation writes about an offer, column for column: the one list of an offer's own
/// fields. The create body, the change applied by PATCH, the response and the `offers` row all hold
/// this struct (the wire forms flatten it), so a new field is added here and in a migration only.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Serialize,
    Deserialize,
    ToSchema,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
)]
#[diesel(table_name = offers)]
#[diesel(treat_none_as_null = true)]
pub struct OfferDetails {
    /// An active district (not an area) within what the organisation serves.
    pub district_id: DistrictId,
    pub kind: OfferKind,
    #[schema(example = "Moestuin Emmerhout: samen tuinieren")]
    pub title: String,
    pub description: String,
    /// Where it takes place, on one line; may be empty.
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
    pub guidance: Guidance,
    pub dutch_level: DutchLevel,
    pub language_buddy: bool,
    pub min_age: Option<i32>,
    pub companion_allowed: bool,
    pub route: Route,
    pub programme: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = offers)]
pub struct Offer {
    pub id: OfferId,
    pub organisation_id: OrganisationId,
    #[diesel(embed)]
    pub details: OfferDetails,
    pub accepted_places: i32,
    pub status: OfferStatus,
    pub created_by: UserId,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Offer {
    pub fn free_places(&self) -> i32 {
        free_places(self.details.capacity, self.accepted_places)
    }
}

/// Places still free of a capacity (never below 0, even if the capacity was lowered).
pub fn free_places(capacity: i32, accepted_places: i32) -> i32 {
    (capacity - accepted_places).max(0)
}

/// What search looks through, derived from the details (crate::db::search).
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = offers)]
pub struct SearchColumns {
    /// The title, normalised.
    pub search_title: String,
    /// Title and description, normalised.
    pub search_text: String,
}

#[derive(Insertable)]
#[diesel(table_name = offers)]
pub struct NewOffer<'a> {
    pub id: &'a OfferId,
    pub organisation_id: &'a OrganisationId,
    pub accepted_places: i32,
    pub status: OfferStatus,
    pub created_by: &'a UserId,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = offer_slots)]
pub struct OfferSlot {
    pub id: SlotId,
    pub offer_id: OfferId,
    pub weekday: i32,
    pub start_time: String,
    pub end_time: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = offer_sessions)]
pub struct OfferSession {
    pub id: SlotId,
    pub offer_id: OfferId,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = offer_tags)]
pub struct NewOfferTag<'a> {
    pub offer_id: &'a OfferId,
    pub tag_id: &'a crate::db::ids::TagId,
}
